/**
 * Modules that are not schema-bound, over tables whose columns a plan changes: refreshed with
 * sp_refreshsqlmodule after the last step (bases before what reads them), in the down script too
 * after its own table changes; those a refresh would fail on are not refreshed, and a hazard on
 * the step that breaks them says so before anything runs.
 */
import { diff, type Plan } from '../../src/differ';
import { renderScript } from '../../src/emitters';
import { renderPlanText } from '../../src/emitters/plan-text';
import type { Database, DependentModule, ModuleReference, Table } from '../../src/model';
import { col, db, table } from '../support/model-builders';
import { expectValidTsql } from '../support/tsql-grammar';

const users = (extra: ReturnType<typeof col>[] = [], name = 'users'): Table => table(name, {
  columns: [col('id', 'int'), col('email', 'varchar(255)'), col('legacy', 'int', { nullable: true }), ...extra],
  rowCount: 3,
});
const ALL = ['email', 'id', 'legacy'];

/** A reference read from the text, as the catalog reader makes it (`named`: what the text names besides a star). */
const tableRef = (columns: string[], o: Partial<ModuleReference> = {}): ModuleReference => ({
  schema: 'dbo', name: 'users', isTable: true, columns, columnsFrom: 'text', schemaBound: false, ...o,
});
const moduleRef = (name: string): ModuleReference => ({ schema: 'dbo', name, isTable: false, columns: [], columnsFrom: 'catalog', schemaBound: false });

function view(name: string, references: ModuleReference[], o: Partial<DependentModule> = {}): DependentModule {
  return {
    schema: 'dbo', name, type: 'V', schemaBound: false, definition: `CREATE VIEW dbo.${name} AS SELECT * FROM dbo.users`,
    ansiNulls: true, quotedIdentifier: true, parent: null, references, indexes: [], definedName: { schema: 'dbo', name }, ...o,
  };
}

const STAR = view('v_users', [tableRef(ALL, { named: [] })]);
const current = (modules: DependentModule[], t: Table = users()): Database => ({ ...db([t]), modules });
const summary = (plan: Plan) => plan.steps.map((s) => `${s.change.kind}${'module' in s.change ? ` ${s.change.module.name}` : ''}`);
const notRefreshed = (plan: Plan) => plan.steps.flatMap((s, i) => s.hazards.filter((h) => h.message.includes('not refreshed')).map((h) => `step ${i + 1}: ${h.message}`));

test('a column added under a SELECT * view: the view is refreshed after it, and again after the down script drops it', () => {
  const plan = diff(db([users([col('nickname', 'nvarchar(50)', { nullable: true })])]), current([STAR]), { allowDrop: false });
  expect(summary(plan)).toEqual(['addColumn', 'refreshModule v_users']);
  expect(plan.steps[1]?.impact).toMatchObject({ rule: 'module-refresh', class: 'metadata-only' });
  const up = renderScript(plan, { direction: 'up', databaseName: 'app' }).text;
  const down = renderScript(plan, { direction: 'down', databaseName: 'app' }).text;
  const refresh = "EXEC sp_refreshsqlmodule N'[dbo].[v_users]';";
  expect(up.indexOf('ADD [nickname]')).toBeLessThan(up.indexOf(refresh));
  expect(down.indexOf('DROP COLUMN [nickname]')).toBeGreaterThan(0);
  expect(down.indexOf('DROP COLUMN [nickname]')).toBeLessThan(down.indexOf(refresh));
  expect(down).toContain('-- step 2: dbo.v_users: refresh view dbo.v_users, again\n');
  expect(down).toContain('in reverse order (the refreshes of views, procedures and functions last, after their tables)');
  expectValidTsql(up);
  expectValidTsql(down);
});

test('a view on a view is refreshed after its base, up and down, whatever their names', () => {
  const base = view('z_base', [tableRef(ALL, { named: [] })]);
  const top = view('a_top', [moduleRef('z_base')], { definition: 'CREATE VIEW dbo.a_top AS SELECT * FROM dbo.z_base' });
  const plan = diff(db([users([col('nickname', 'int', { nullable: true })])]), current([top, base]), { allowDrop: false });
  expect(summary(plan)).toEqual(['addColumn', 'refreshModule z_base', 'refreshModule a_top']);
  const down = renderScript(plan, { direction: 'down', databaseName: 'app' }).text;
  expect(down.indexOf('[dbo].[z_base]')).toBeLessThan(down.indexOf('[dbo].[a_top]'));
});

test('only what the plan changes: modules over unchanged tables, schema-bound ones and triggers are left alone', () => {
  const other = view('v_orders', [{ ...tableRef(['id'], { named: [] }), name: 'orders' }]);
  const bound = view('v_bound', [tableRef(['id'], { columnsFrom: 'catalog', schemaBound: true })], { schemaBound: true });
  const trigger = view('tr_users', [tableRef(['email'])], { type: 'TR', parent: { schema: 'dbo', name: 'users' } });
  const orders = table('orders', { columns: [col('id', 'int')] });
  const plan = diff(db([users([col('nickname', 'int', { nullable: true })]), orders]), { ...db([users(), orders]), modules: [other, bound, trigger] }, { allowDrop: false });
  expect(summary(plan)).toEqual(['addColumn']);
  // A description change touches no column: nothing to refresh.
  expect(summary(diff(db([orders]), { ...db([orders]), modules: [other] }, { allowDrop: false }))).toEqual([]);
});

test('a view over a schema-bound view the plan re-creates is refreshed after the re-creation', () => {
  const bound = view('v_bound', [tableRef(['email', 'id'], { columnsFrom: 'catalog', schemaBound: true })], {
    schemaBound: true, definition: 'CREATE VIEW dbo.v_bound WITH SCHEMABINDING AS SELECT id, email FROM dbo.users',
  });
  const over = view('v_over', [moduleRef('v_bound')], { definition: 'CREATE VIEW dbo.v_over AS SELECT * FROM dbo.v_bound' });
  const wider = table('users', { columns: [col('id', 'int'), col('email', 'varchar(320)'), col('legacy', 'int', { nullable: true })], rowCount: 3 });
  const plan = diff(db([wider]), current([bound, over]), { allowDrop: false });
  expect(summary(plan)).toEqual(['dropModule v_bound', 'alterColumn', 'createModule v_bound', 'refreshModule v_over']);
});

test('a dropped column: a star view is refreshed (the star is expanded again), one naming the column is not, nor what reads it', () => {
  const named = view('v_legacy', [tableRef(['id', 'legacy'])], { definition: 'CREATE VIEW dbo.v_legacy AS SELECT id, legacy FROM dbo.users' });
  const over = view('v_over_legacy', [moduleRef('v_legacy')], { definition: 'CREATE VIEW dbo.v_over_legacy AS SELECT * FROM dbo.v_legacy' });
  const starWhere = view('v_star_where', [tableRef(ALL, { named: ['legacy'] })], { definition: 'CREATE VIEW dbo.v_star_where AS SELECT * FROM dbo.users WHERE legacy > 0' });
  const slim = table('users', { columns: [col('id', 'int'), col('email', 'varchar(255)')], rowCount: 3 });
  const plan = diff(db([slim]), current([STAR, named, over, starWhere]), { allowDrop: true });
  expect(summary(plan)).toEqual(['dropColumn', 'refreshModule v_users']);
  expect(notRefreshed(plan)).toEqual([
    'step 1: view dbo.v_legacy is not refreshed after the plan: sp_refreshsqlmodule would fail, since it names dbo.users.legacy, which the plan drops or renames (Msg 207); until it is changed or dropped it fails when used',
    'step 1: view dbo.v_over_legacy is not refreshed after the plan: sp_refreshsqlmodule would fail, since it reads dbo.v_legacy, which cannot be refreshed either; until it is changed or dropped it fails when used',
    'step 1: view dbo.v_star_where is not refreshed after the plan: sp_refreshsqlmodule would fail, since it names dbo.users.legacy, which the plan drops or renames (Msg 207); until it is changed or dropped it fails when used',
  ]);
});

test('a renamed column: a star view is refreshed; a view naming the old name is not', () => {
  const named = view('v_mail', [tableRef(['email', 'id'])], { definition: 'CREATE VIEW dbo.v_mail AS SELECT id, email FROM dbo.users' });
  const renamed = table('users', { columns: [col('id', 'int'), col('mail', 'varchar(255)', { renamedFrom: 'email' }), col('legacy', 'int', { nullable: true })], rowCount: 3 });
  const plan = diff(db([renamed]), current([STAR, named]), { allowDrop: false });
  expect(summary(plan)).toEqual(['renameColumn', 'refreshModule v_users']);
  expect(notRefreshed(plan)).toEqual([expect.stringMatching(/^step 1: view dbo\.v_mail is not refreshed .* names dbo\.users\.email/)]);
});

test('a module whose text cannot be read is refreshed after an ADD, not after a DROP; a renamed table is not refreshed against', () => {
  const hidden = view('v_hidden', [tableRef([], { columnsFrom: 'unknown' })], { definition: null, definedName: null });
  const added = diff(db([users([col('nickname', 'int', { nullable: true })])]), current([hidden]), { allowDrop: false });
  expect(summary(added)).toEqual(['addColumn', 'refreshModule v_hidden']);
  const slim = table('users', { columns: [col('id', 'int'), col('email', 'varchar(255)')], rowCount: 3 });
  const dropped = diff(db([slim]), current([hidden]), { allowDrop: true });
  expect(summary(dropped)).toEqual(['dropColumn']);
  expect(notRefreshed(dropped)).toEqual([expect.stringContaining('its text cannot be read, and the plan drops or renames columns of dbo.users')]);
  const movedTable = table('people', { renamedFrom: 'users', columns: [...users().columns, col('nickname', 'int', { nullable: true })], rowCount: 3 });
  const renamed = diff(db([movedTable]), current([STAR]), { allowDrop: false });
  expect(summary(renamed)).toEqual(['renameTable', 'addColumn']);
  expect(notRefreshed(renamed)).toEqual([expect.stringMatching(/^step 1: .* it reads dbo\.users, which the plan drops or renames \(Msg 208\)/)]);
  // Moved to another schema (ALTER SCHEMA ... TRANSFER): the name dbo.users is gone as well.
  const elsewhere = { ...table('sales.users', { renamedFrom: 'users', columns: [...users().columns, col('nickname', 'int', { nullable: true })], rowCount: 3 }), renamedFromSchema: 'dbo' };
  const moved = diff(db([elsewhere]), current([STAR]), { allowDrop: false });
  expect(summary(moved)).toEqual(['createSchema', 'transferTable', 'addColumn']);
  expect(notRefreshed(moved)).toEqual([expect.stringMatching(/ it reads dbo\.users, which the plan drops or renames \(Msg 208\)/)]);
});

test('a star over a join: a column added under a name the other table has would be listed twice (Msg 4506), so the view is not refreshed', () => {
  const orders = table('orders', { columns: [col('order_id', 'int'), col('user_id', 'int')], rowCount: 3 });
  const joined = view('v_joined', [tableRef(ALL, { named: ['id'] }), { ...tableRef(['order_id', 'user_id'], { named: ['user_id'] }), name: 'orders' }], {
    definition: 'CREATE VIEW dbo.v_joined AS SELECT * FROM dbo.users u JOIN dbo.orders o ON o.user_id = u.id',
  });
  const clash = diff(db([users(), table('orders', { columns: [...orders.columns, col('email', 'varchar(255)', { nullable: true })] })]), { ...db([users(), orders]), modules: [joined] }, { allowDrop: false });
  expect(clash.steps.map((s) => s.change.kind)).toEqual(['addColumn']);
  expect(notRefreshed(clash)).toEqual(['step 1: view dbo.v_joined is not refreshed after the plan: sp_refreshsqlmodule would fail, since its * would list column email twice, of dbo.users and dbo.orders (Msg 4506); until it is changed or dropped it fails when used']);
  const fine = diff(db([users(), table('orders', { columns: [...orders.columns, col('total', 'int', { nullable: true })] })]), { ...db([users(), orders]), modules: [joined] }, { allowDrop: false });
  expect(summary(fine)).toEqual(['addColumn', 'refreshModule v_joined']);
});

test('a view with a column list over a star: a column added or dropped under the star would break the list, so it is not refreshed', () => {
  const listed = view('v_listed', [tableRef(ALL, { named: [] })], { definition: 'CREATE VIEW dbo.v_listed (a, b, c) AS SELECT * FROM dbo.users', columnList: 3 });
  const added = diff(db([users([col('nickname', 'int', { nullable: true })])]), current([listed, STAR]), { allowDrop: false });
  expect(summary(added)).toEqual(['addColumn', 'refreshModule v_users']);
  expect(notRefreshed(added)).toEqual([expect.stringContaining('view dbo.v_listed is not refreshed after the plan: sp_refreshsqlmodule would fail, since its column list names 3 columns, and its * would give more (+1)')]);
  // A rename keeps the count: the list still renames the star's columns one for one.
  const renamed = table('users', { columns: [col('id', 'int'), col('mail', 'varchar(255)', { renamedFrom: 'email' }), col('legacy', 'int', { nullable: true })], rowCount: 3 });
  expect(summary(diff(db([renamed]), current([listed]), { allowDrop: false }))).toEqual(['renameColumn', 'refreshModule v_listed']);
});

test('plan text lists the refreshes on one line', () => {
  const base = view('v_base', [tableRef(ALL, { named: [] })]);
  const proc = view('p_report', [tableRef(['email'])], { type: 'P', definition: 'CREATE PROCEDURE dbo.p_report AS SELECT email FROM dbo.users' });
  const plan = diff(db([users([col('nickname', 'int', { nullable: true })])]), current([base, proc, STAR]), { allowDrop: false });
  const text = renderPlanText(plan, { color: false });
  expect(text).toContain('refreshed after the table changes (sp_refreshsqlmodule)\n  ~ refresh procedure dbo.p_report, view dbo.v_base, view dbo.v_users (steps 2-4) | metadata-only');
  expect(text).toContain('Plan: 0 tables to create, 1 to alter, 0 to drop.');
});
