/**
 * Row-level security policies in the way of a plan: a schema-bound policy that binds a column the
 * plan alters is dropped first and re-created exactly last (down mirrors it), one whose definition
 * would not survive the step refuses it by name, a policy binding a predicate function
 * dependents.ts re-creates goes around it too, and a policy without SCHEMABINDING only gets hazards.
 */
import { diff, type Plan } from '../../src/differ';
import { fingerprint } from '../../src/differ/fingerprint';
import { renderScript } from '../../src/emitters';
import { renderPlanText } from '../../src/emitters/plan-text';
import type { Database, DependentModule, SecurityPolicy, SecurityPredicate } from '../../src/model';
import { col, db, table } from '../support/model-builders';
import { expectValidTsql } from '../support/tsql-grammar';

const orders = (tenantType = 'int', o: { extra?: string; renamed?: boolean } = {}) => table('orders', {
  columns: [
    col('id', 'int'),
    col(o.renamed === true ? 'tenant' : 'tenant_id', tenantType, o.renamed === true ? { renamedFrom: 'tenant_id' } : {}),
    col('note', 'nvarchar(100)', { nullable: true }),
    ...(o.extra !== undefined ? [col(o.extra, 'int', { nullable: true })] : []),
  ],
  rowCount: 5,
});

const predicate = (kind: SecurityPredicate['kind'], operation: SecurityPredicate['operation'] = null, target = 'orders'): SecurityPredicate => ({
  kind, operation, target: { schema: 'dbo', name: target }, definition: '[sec].[tenant_predicate]([tenant_id])',
  function: { schema: 'sec', name: 'tenant_predicate' }, columns: ['tenant_id'],
});

const POLICY: SecurityPolicy = {
  schema: 'sec', name: 'tenant_policy', enabled: true, schemaBound: true, notForReplication: false,
  predicates: [predicate('FILTER'), predicate('BLOCK', 'AFTER INSERT')],
};

const current = (policies: SecurityPolicy[], t = orders(), modules: DependentModule[] = []): Database => ({
  ...db([t]), securityPolicies: policies, ...(modules.length > 0 ? { modules } : {}),
});
const summary = (plan: Plan) => plan.steps.map((s) => `${s.change.kind}${'policy' in s.change ? ` ${s.change.policy.name}` : 'module' in s.change ? ` ${s.change.module.name}` : ''}`);

test('widening tenant_id a schema-bound policy binds: drop the policy, alter, re-create it exactly; down mirrors it', () => {
  const plan = diff(db([orders('bigint')]), current([POLICY]), { allowDrop: false });
  expect(summary(plan)).toEqual(['dropSecurityPolicy tenant_policy', 'alterColumn', 'createSecurityPolicy tenant_policy']);
  expect(plan.refused).toBeUndefined();
  const [rebuild] = plan.steps[0]?.hazards ?? [];
  expect(rebuild?.code).toBe('dependent-rebuild');
  expect(rebuild?.message).toMatch(/^security policy sec\.tenant_policy is dropped before the change and re-created exactly as it was after it \(it binds dbo\.orders\.tenant_id\)/);
  expect(rebuild?.message).toContain("inside the plan's one transaction, its 2 predicates on dbo.orders do not apply");
  expect(rebuild?.message).toMatch(/new type, which must convert implicitly to the function's parameter, or the CREATE fails and the whole plan rolls back$/);

  const up = renderScript(plan, { direction: 'up', databaseName: 'app' }).text;
  const down = renderScript(plan, { direction: 'down', databaseName: 'app' }).text;
  const create = [
    'CREATE SECURITY POLICY [sec].[tenant_policy]',
    '  ADD FILTER PREDICATE [sec].[tenant_predicate]([tenant_id]) ON [dbo].[orders],',
    '  ADD BLOCK PREDICATE [sec].[tenant_predicate]([tenant_id]) ON [dbo].[orders] AFTER INSERT',
    '  WITH (STATE = ON);',
  ].join('\n');
  expect(up).toContain(create);
  expect(down).toContain(create);
  const order = (text: string) => ['DROP SECURITY POLICY', 'ALTER COLUMN', 'CREATE SECURITY POLICY'].map((s) => text.indexOf(s));
  expect(order(up)).toEqual([...order(up)].sort((a, b) => a - b));
  expect(order(down)).toEqual([...order(down)].sort((a, b) => a - b));
  expect(up).toContain('ALTER COLUMN [tenant_id] bigint NOT NULL');
  expect(down).toContain('ALTER COLUMN [tenant_id] int NOT NULL');
  expectValidTsql(up);
  expectValidTsql(down);
  // Plan text names the policy under its own heading, with the hazard.
  const text = renderPlanText(plan, { color: false });
  expect(text).toContain('security policy sec.tenant_policy');
  expect(text).toContain('dependent-rebuild');
  expect(text).toContain('Plan: 0 tables to create, 1 to alter, 0 to drop.');
});

test('STATE = OFF and NOT FOR REPLICATION are kept; a BLOCK predicate on every operation has none', () => {
  const off: SecurityPolicy = { ...POLICY, enabled: false, notForReplication: true, predicates: [predicate('BLOCK')] };
  const plan = diff(db([orders('bigint')]), current([off]), { allowDrop: false });
  const up = renderScript(plan, { direction: 'up', databaseName: 'app' }).text;
  expect(up).toContain('  ADD BLOCK PREDICATE [sec].[tenant_predicate]([tenant_id]) ON [dbo].[orders]\n  WITH (STATE = OFF)\n  NOT FOR REPLICATION;');
});

test('a column no predicate passes is altered without touching the policy', () => {
  const desired = table('orders', { columns: [col('id', 'int'), col('tenant_id', 'int'), col('note', 'nvarchar(200)', { nullable: true })], rowCount: 5 });
  const plan = diff(db([desired]), current([POLICY]), { allowDrop: false });
  expect(summary(plan)).toEqual(['alterColumn']);
});

test('dropping or renaming a column the policy passes, or dropping its table, is refused by name', () => {
  const dropColumn = table('orders', { columns: [col('id', 'int'), col('note', 'nvarchar(100)', { nullable: true })], rowCount: 5 });
  const dropped = diff(db([dropColumn]), current([POLICY]), { allowDrop: true });
  expect(dropped.refused).toEqual([expect.objectContaining({
    change: 'drop column tenant_id',
    reason: expect.stringMatching(/^schema-bound security policy sec\.tenant_policy has a FILTER predicate on dbo\.orders \(\[sec\]\.\[tenant_predicate\]\(\[tenant_id\]\)\).*DROP FILTER PREDICATE ON dbo\.orders/),
  })]);
  expect(summary(dropped)).toEqual([]);

  const renamed = diff(db([orders('int', { renamed: true })]), current([POLICY]), { allowDrop: false });
  expect(renamed.refused).toEqual([expect.objectContaining({ change: 'rename column tenant_id to tenant' })]);

  const tableGone = diff(db([]), current([POLICY]), { allowDrop: true });
  expect(tableGone.refused).toEqual([expect.objectContaining({ change: 'drop table dbo.orders' })]);
  expect(summary(tableGone)).toEqual([]);
});

test('a policy without SCHEMABINDING binds nothing: the ALTER runs alone, a drop gets a hazard naming it', () => {
  const loose = { ...POLICY, schemaBound: false };
  expect(summary(diff(db([orders('bigint')]), current([loose]), { allowDrop: false }))).toEqual(['alterColumn']);
  const dropColumn = table('orders', { columns: [col('id', 'int'), col('note', 'nvarchar(100)', { nullable: true })], rowCount: 5 });
  const plan = diff(db([dropColumn]), current([loose]), { allowDrop: true });
  expect(plan.refused).toBeUndefined();
  expect(plan.steps.flatMap((s) => s.hazards.filter((h) => h.code === 'dependent-object').map((h) => h.message))).toEqual([
    expect.stringMatching(/^security policy sec\.tenant_policy \(SCHEMABINDING = OFF\) has a FILTER predicate on dbo\.orders .*which this step drops/),
  ]);
});

test('a predicate function dependents.ts re-creates takes its policy along: policy out first, back last', () => {
  // The predicate function reads a lookup column of orders itself (schema-bound): altering it rebuilds the function.
  const fn: DependentModule = {
    schema: 'sec', name: 'tenant_predicate', type: 'IF', schemaBound: true,
    definition: 'CREATE FUNCTION sec.tenant_predicate(@tenant_id int) RETURNS TABLE WITH SCHEMABINDING AS RETURN SELECT 1 AS ok FROM dbo.orders WHERE note IS NULL',
    ansiNulls: true, quotedIdentifier: true, parent: null, indexes: [], definedName: { schema: 'sec', name: 'tenant_predicate' },
    references: [{ schema: 'dbo', name: 'orders', isTable: true, columns: ['note'], columnsFrom: 'catalog', schemaBound: true }],
  };
  const desired = table('orders', { columns: [col('id', 'int'), col('tenant_id', 'int'), col('note', 'nvarchar(200)', { nullable: true })], rowCount: 5 });
  const plan = diff(db([desired]), current([POLICY], orders(), [fn]), { allowDrop: false });
  expect(summary(plan)).toEqual(['dropSecurityPolicy tenant_policy', 'dropModule tenant_predicate', 'alterColumn', 'createModule tenant_predicate', 'createSecurityPolicy tenant_policy']);
  expect(plan.steps[0]?.hazards[0]?.message).toContain('it binds function sec.tenant_predicate, re-created too');
});

test('a backfill under an enabled filter predicate the plan keeps says it sees only visible rows', () => {
  const loose = { ...POLICY, schemaBound: false };
  const desired = table('orders', { columns: [col('id', 'int'), col('tenant_id', 'int'), col('note', 'nvarchar(100)', { backfill: "N''" })], rowCount: 5 });
  const plan = diff(db([desired]), current([loose]), { allowDrop: false });
  const backfill = plan.steps.find((s) => s.change.kind === 'backfillColumn');
  expect(backfill?.hazards.map((h) => h.message)).toContainEqual(expect.stringContaining('security policy sec.tenant_policy filters dbo.orders'));
});

test('the fingerprint covers the policies a saved plan re-creates', () => {
  const a = fingerprint(current([POLICY]));
  expect(fingerprint(current([{ ...POLICY, enabled: false }]))).not.toBe(a);
  expect(fingerprint(db([orders()]))).not.toBe(a);
});

test('a table moved to another schema under the policy is refused by name', () => {
  const moved = { ...orders(), schema: 'archive', renamedFrom: 'orders', renamedFromSchema: 'dbo' };
  const plan = diff(db([moved]), current([POLICY]), { allowDrop: false });
  expect(plan.refused).toEqual([expect.objectContaining({ change: 'move table dbo.orders to schema archive', reason: expect.stringContaining('schema-bound security policy sec.tenant_policy') })]);
  expect(summary(plan).filter((s) => s === 'transferTable')).toEqual([]);
});

test('a column dropped and added back under its name (a type SQL Server cannot convert) takes the policy around both', () => {
  const plan = diff(db([orders('uniqueidentifier')]), current([POLICY]), { allowDrop: true });
  expect(plan.refused).toBeUndefined();
  const kinds = summary(plan);
  expect(kinds[0]).toBe('dropSecurityPolicy tenant_policy');
  expect(kinds[kinds.length - 1]).toBe('createSecurityPolicy tenant_policy');
  expect(kinds).toEqual(expect.arrayContaining(['dropColumn', 'addColumn']));
});
