/**
 * Views, procedures, functions and triggers over what a plan changes: hazards naming them,
 * schema-bound ones dropped and re-created around an ALTER COLUMN (dependents of dependents
 * too, indexed views with their indexes), refusals where their definition would not survive,
 * and down scripts that mirror the up scripts.
 */
import { diff, type Plan } from '../../src/differ';
import { fingerprint } from '../../src/differ/fingerprint';
import { renderScript } from '../../src/emitters';
import { renderPlanText } from '../../src/emitters/plan-text';
import type { Database, DependentModule, ModuleReference } from '../../src/model';
import { col, db, table } from '../support/model-builders';
import { expectValidTsql } from '../support/tsql-grammar';

const users = (email = 'varchar(255)', extra: string[] = []) => table('users', {
  columns: [col('id', 'int'), col('email', email), col('name', 'nvarchar(100)', { nullable: true }), ...extra.map((c) => col(c, 'int', { nullable: true }))],
  rowCount: 3,
});

const ref = (name: string, columns: string[], o: Partial<ModuleReference> = {}): ModuleReference => ({
  schema: 'dbo', name, isTable: true, columns, columnsFrom: 'catalog', schemaBound: true, ...o,
});

function module(name: string, type: DependentModule['type'], references: ModuleReference[], o: Partial<DependentModule> = {}): DependentModule {
  const schemaBound = o.schemaBound ?? references.some((r) => r.schemaBound);
  return {
    schema: 'dbo', name, type, schemaBound, definition: `CREATE ${type === 'V' ? 'VIEW' : type === 'P' ? 'PROCEDURE' : type === 'TR' ? 'TRIGGER' : 'FUNCTION'} dbo.${name} AS SELECT 1`,
    ansiNulls: true, quotedIdentifier: true, parent: null, references, indexes: [], definedName: { schema: 'dbo', name }, ...o,
  };
}

const V_ACTIVE = module('v_active_users', 'V', [ref('users', ['email', 'id'])], {
  definition: 'CREATE VIEW dbo.v_active_users WITH SCHEMABINDING AS SELECT u.id, u.email FROM dbo.users AS u',
  indexes: [{ name: 'ix_v_active_users', isSystemNamed: false, columns: [{ name: 'id', descending: false }], include: [], unique: true, clustered: true, filter: null }],
});
const P_EMAILS = module('p_emails', 'P', [ref('users', ['email', 'id'], { columnsFrom: 'text', schemaBound: false })]);
const current = (modules: DependentModule[], t = users()): Database => ({ ...db([t]), modules });
const summary = (plan: Plan) => plan.steps.map((s) => `${s.change.kind}${'module' in s.change ? ` ${s.change.module.name}` : ''}`);
const hazards = (plan: Plan) => plan.steps.flatMap((s) => s.hazards.filter((h) => h.code.startsWith('dependent')).map((h) => `${h.code}: ${h.message}`));

test('widening a column a schema-bound view binds: drop the view, alter, re-create it and its index; down mirrors it', () => {
  const plan = diff(db([users('varchar(320)')]), current([V_ACTIVE, P_EMAILS]), { allowDrop: false });
  // The procedure is not schema-bound: refreshed last (refresh-modules.test.ts).
  expect(summary(plan)).toEqual(['dropModule v_active_users', 'alterColumn', 'createModule v_active_users', 'refreshModule p_emails']);
  expect(hazards(plan)).toEqual([
    'dependent-rebuild: schema-bound view dbo.v_active_users is dropped and re-created from its stored definition around the change (it binds dbo.users.email); its indexes ix_v_active_users are built again (the view is materialized again)',
    'dependent-object: procedure dbo.p_emails reads dbo.users.email, which changes from varchar(255) to varchar(320)',
  ]);
  const up = renderScript(plan, { direction: 'up', databaseName: 'app' }).text;
  const down = renderScript(plan, { direction: 'down', databaseName: 'app' }).text;
  expect(up).toContain("EXEC(N'CREATE VIEW dbo.v_active_users WITH SCHEMABINDING AS SELECT u.id, u.email FROM dbo.users AS u');");
  expect(up).toContain('CREATE UNIQUE CLUSTERED INDEX [ix_v_active_users]');
  const order = (text: string) => ['DROP VIEW', 'ALTER COLUMN', "EXEC(N'CREATE VIEW", 'CREATE UNIQUE CLUSTERED INDEX'].map((s) => text.indexOf(s));
  expect(order(up)).toEqual([...order(up)].sort((a, b) => a - b));
  expect(order(down)).toEqual([...order(down)].sort((a, b) => a - b));
  expect(down).toContain('ALTER COLUMN [email] varchar(255) NOT NULL');
  expectValidTsql(up);
  expectValidTsql(down);
});

test('plan text shows a view under its own heading, as a view, and a trigger under its table', () => {
  const trigger = module('tr_users', 'TR', [ref('users', ['email'])], { parent: { schema: 'dbo', name: 'users' }, definition: 'CREATE TRIGGER dbo.tr_users ON dbo.users WITH SCHEMABINDING AFTER INSERT AS BEGIN SET NOCOUNT ON; END' });
  const plan = diff(db([users('varchar(320)')]), current([V_ACTIVE, trigger]), { allowDrop: false });
  expect(summary(plan)).toContain('dropModule tr_users');
  const text = renderPlanText(plan, { color: false });
  expect(text).toContain('view dbo.v_active_users\n');
  expect(text).not.toContain('table dbo.v_active_users');
  expect(text).not.toContain('table dbo.tr_users');
});

test('a view over the view is dropped first and re-created last', () => {
  const over = module('v_emails', 'V', [{ schema: 'dbo', name: 'v_active_users', isTable: false, columns: [], columnsFrom: 'catalog', schemaBound: true }]);
  const plan = diff(db([users('varchar(320)')]), current([V_ACTIVE, over]), { allowDrop: false });
  expect(summary(plan)).toEqual(['dropModule v_emails', 'dropModule v_active_users', 'alterColumn', 'createModule v_active_users', 'createModule v_emails']);
});

test('a column the view does not bind is altered without touching it', () => {
  const desired = table('users', { columns: [col('id', 'int'), col('email', 'varchar(255)'), col('name', 'nvarchar(200)', { nullable: true })], rowCount: 3 });
  const plan = diff(db([desired]), current([V_ACTIVE, P_EMAILS]), { allowDrop: false });
  expect(summary(plan)).toEqual(['alterColumn', 'refreshModule p_emails']);
  expect(hazards(plan)).toEqual([]);
});

test('dropping a column a procedure reads: a hazard names it; the procedure stays', () => {
  const withLegacy = users('varchar(255)', ['legacy']);
  const reader = module('p_legacy', 'P', [ref('users', ['legacy'], { columnsFrom: 'text', schemaBound: false })]);
  const plan = diff(db([users()]), current([reader], withLegacy), { allowDrop: true });
  expect(summary(plan)).toEqual(['dropColumn']);
  expect(hazards(plan)).toEqual([
    'dependent-object: procedure dbo.p_legacy reads dbo.users.legacy, which this step drops',
    // Not refreshed: sp_refreshsqlmodule would fail mid-apply (refresh-modules.test.ts).
    'dependent-object: procedure dbo.p_legacy is not refreshed after the plan: sp_refreshsqlmodule would fail, since it names dbo.users.legacy, which the plan drops or renames (Msg 207); until it is changed or dropped it fails when used',
  ]);
});

test('dropping or renaming a column a schema-bound view binds is refused, naming the view', () => {
  const plan = diff(db([table('users', { columns: [col('id', 'int'), col('name', 'nvarchar(100)', { nullable: true })] })]), current([V_ACTIVE]), { allowDrop: true });
  expect(summary(plan)).toEqual([]);
  expect(plan.refused).toEqual([expect.objectContaining({ change: 'drop column email', reason: expect.stringContaining('schema-bound view dbo.v_active_users reads dbo.users.email') })]);
  const renamed = table('users', { columns: [col('id', 'int'), col('mail', 'varchar(255)', { renamedFrom: 'email' }), col('name', 'nvarchar(100)', { nullable: true })] });
  expect(diff(db([renamed]), current([V_ACTIVE]), { allowDrop: false }).refused).toEqual([expect.objectContaining({ change: 'rename column email to mail' })]);
});

test('a view renamed with sp_rename (its definition names the old name) cannot be re-created: the change is refused', () => {
  const stale = { ...V_ACTIVE, definedName: { schema: 'dbo', name: 'v_old' } };
  const plan = diff(db([users('varchar(320)')]), current([stale]), { allowDrop: false });
  expect(summary(plan)).toEqual([]);
  expect(plan.refused?.[0]?.reason).toMatch(/does not create it under that name/);
});

test('dropping a table: its trigger is dropped explicitly (the down script re-creates it), readers are named', () => {
  const orders = table('orders', { columns: [col('id', 'int'), col('user_id', 'int')], rowCount: 0 });
  const trigger = module('tr_orders', 'TR', [ref('orders', [], { columnsFrom: 'text', schemaBound: false })], { parent: { schema: 'dbo', name: 'orders' } });
  const report = module('v_orders', 'V', [ref('orders', ['id'], { columnsFrom: 'text', schemaBound: false })]);
  const plan = diff(db([users()]), { ...db([users(), orders]), modules: [report, trigger] }, { allowDrop: true });
  expect(summary(plan)).toEqual(['dropModule tr_orders', 'dropTable']);
  expect(hazards(plan)).toEqual([
    'dependent-object: trigger dbo.tr_orders is on dbo.orders, which the plan drops: it goes with it (the down script re-creates it)',
    'dependent-object: view dbo.v_orders reads dbo.orders, which this step drops',
  ]);
  const down = renderScript(plan, { direction: 'down', databaseName: 'app' }).text;
  expect(down.indexOf('CREATE TABLE [dbo].[orders]')).toBeLessThan(down.indexOf("EXEC(N'CREATE TRIGGER"));
});

test('modules never make a plan of their own: no changes, nothing to drop even with --allow-drop', () => {
  const plan = diff(db([users()]), current([V_ACTIVE, P_EMAILS]), { allowDrop: true });
  expect(plan.steps).toEqual([]);
  expect(plan.skipped).toEqual([]);
});

test('a module created under QUOTED_IDENTIFIER OFF is re-created under it; a saved plan sees a changed definition as drift', () => {
  const old = { ...V_ACTIVE, quotedIdentifier: false, indexes: [] };
  const up = renderScript(diff(db([users('varchar(320)')]), current([old]), { allowDrop: false }), { direction: 'up', databaseName: null }).text;
  expect(up).toContain("EXEC(N'SET QUOTED_IDENTIFIER OFF;\nEXEC(N''CREATE VIEW dbo.v_active_users WITH SCHEMABINDING AS SELECT u.id, u.email FROM dbo.users AS u'');');");
  expectValidTsql(up);
  const changed = { ...V_ACTIVE, definition: `${V_ACTIVE.definition ?? ''} AND 1 = 1` };
  expect(fingerprint(current([changed]))).not.toEqual(fingerprint(current([V_ACTIVE])));
  expect(fingerprint(db([users()]))).toEqual(fingerprint({ ...db([users()]), modules: [] }));
});

test('a bound column re-created under its name (identity change) keeps the view: dropped before, re-created after the re-add', () => {
  const withIdentity = table('users', { columns: [col('id', 'int', { identity: { seed: '1', increment: '1' } }), col('email', 'varchar(255)'), col('name', 'nvarchar(100)', { nullable: true })], rowCount: 0 });
  const plan = diff(db([withIdentity]), current([V_ACTIVE]), { allowDrop: false });
  expect(summary(plan)).toEqual(['dropModule v_active_users', 'dropColumn', 'addColumn', 'createModule v_active_users']);
  expect(plan.refused).toBeUndefined();
});
