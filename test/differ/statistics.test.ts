/**
 * CREATE STATISTICS statistics in the way of a plan (differ/statistics.ts): dropped just before
 * the first column change SQL Server would refuse while they exist, in either direction, and
 * re-created after the last change of their columns under the names those columns end with;
 * not re-created when the plan drops one of their columns. The simulator (test/support/simulate.ts)
 * refuses what SQL Server refuses, so both directions of each plan are run through it.
 */
import { diff, type Plan } from '../../src/differ';
import { renderScript } from '../../src/emitters';
import type { Table, UserStatistics } from '../../src/model';
import { col, db, table } from '../support/model-builders';
import { applyPlan } from '../support/simulate';
import { expectValidTsql } from '../support/tsql-grammar';

const stat = (name: string, columns: string[], o: Partial<UserStatistics> = {}): UserStatistics => ({ name, columns, filter: null, noRecompute: false, incremental: false, ...o });

function items(o: { qty?: string; code?: string; label?: string; legacy?: boolean; price?: string } = {}): Table {
  return table('items', {
    columns: [
      col('id', 'int'), col('code', o.code ?? 'varchar(10)'), col('qty', o.qty ?? 'int'), col('price', o.price ?? 'decimal(9,2)', { nullable: true }),
      col(o.label ?? 'label', 'nvarchar(40)', { nullable: true, ...(o.label !== undefined ? { renamedFrom: 'label' } : {}) }),
      ...(o.legacy === false ? [] : [col('legacy', 'char(4)', { nullable: true })]),
    ],
    rowCount: 2,
  });
}

const withStats = (t: Table, statistics: UserStatistics[]): Table => ({ ...t, statistics });
const summary = (plan: Plan) => plan.steps.map((s) => `${s.change.kind} ${'statistics' in s.change ? s.change.statistics.name : ''}`.trim());

/** Both directions run through the simulator, which refuses a column change statistics block. */
function converges(plan: Plan, current: ReturnType<typeof db>): void {
  const up = applyPlan(current, plan.steps, 'up');
  const down = applyPlan(up, plan.steps, 'down');
  const byName = (x: readonly UserStatistics[] | undefined) => [...(x ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  expect(byName(down.tables[0]?.statistics)).toEqual(byName(current.tables[0]?.statistics));
}

test('a retyped column: its statistics are dropped before and re-created after, up and down', () => {
  const current = db([withStats(items(), [stat('st_code_qty', ['code', 'qty'], { noRecompute: true }), stat('st_price', ['price'])])]);
  const plan = diff(db([items({ qty: 'bigint' })]), current, { allowDrop: false });
  expect(summary(plan)).toEqual(['dropStatistics st_code_qty', 'alterColumn', 'createStatistics st_code_qty']);
  expect(plan.steps[0]?.hazards.map((h) => h.code)).toEqual(['dependent-rebuild']);
  expect(plan.steps[0]?.hazards[0]?.message).toContain('SQL Server refuses ALTER COLUMN qty while it exists');
  converges(plan, current);
  const up = renderScript(plan, { direction: 'up', databaseName: 'app' }).text;
  const down = renderScript(plan, { direction: 'down', databaseName: 'app' }).text;
  expect(up).toContain('DROP STATISTICS [dbo].[items].[st_code_qty];');
  expect(up).toContain('CREATE STATISTICS [st_code_qty] ON [dbo].[items] ([code], [qty]) WITH NORECOMPUTE;');
  const order = (text: string, words: string[]) => words.map((w) => text.indexOf(w));
  expect(order(up, ['DROP STATISTICS [dbo]', 'ALTER COLUMN [qty] bigint', 'CREATE STATISTICS [st_code_qty]'])).toEqual([...order(up, ['DROP STATISTICS [dbo]', 'ALTER COLUMN [qty] bigint', 'CREATE STATISTICS [st_code_qty]'])].sort((a, b) => a - b));
  expect(order(down, ['DROP STATISTICS [dbo]', 'ALTER COLUMN [qty] int', 'CREATE STATISTICS [st_code_qty]'])).toEqual([...order(down, ['DROP STATISTICS [dbo]', 'ALTER COLUMN [qty] int', 'CREATE STATISTICS [st_code_qty]'])].sort((a, b) => a - b));
  expectValidTsql(up);
  expectValidTsql(down);
});

test('a varchar that grows is allowed up but not down, so its statistics go around it too; a filter names columns too', () => {
  const current = db([withStats(items(), [stat('st_code', ['code']), stat('st_price', ['price'], { filter: '([code]<>\'\')' })])]);
  const plan = diff(db([items({ code: 'varchar(30)' })]), current, { allowDrop: false });
  expect(summary(plan)).toEqual(['dropStatistics st_code', 'dropStatistics st_price', 'alterColumn', 'createStatistics st_code', 'createStatistics st_price']);
  converges(plan, current);
  expect(renderScript(plan, { direction: 'up', databaseName: 'app' }).text).toContain("CREATE STATISTICS [st_price] ON [dbo].[items] ([price]) WHERE ([code]<>'');");
});

test('changes statistics do not block leave them alone: NOT NULL -> NULL both ways is not refused in the up direction only', () => {
  const current = db([withStats(items(), [stat('st_price', ['price'])])]);
  // A column they do not name.
  expect(summary(diff(db([items({ qty: 'bigint' })]), current, { allowDrop: false }))).toEqual(['alterColumn']);
  // A rename only.
  const renamed = diff(db([withStats(items({ label: 'title' }), [])]), db([withStats(items(), [stat('st_label', ['label'])])]), { allowDrop: false });
  expect(summary(renamed)).toEqual(['renameColumn']);
});

test('a dropped column: the statistics are dropped and not re-created; the down script re-creates them', () => {
  const current = db([withStats(items(), [stat('st_legacy', ['legacy', 'label']), stat('st_code', ['code'])])]);
  const plan = diff(db([items({ legacy: false })]), current, { allowDrop: true });
  expect(summary(plan)).toEqual(['dropStatistics st_legacy', 'dropColumn']);
  expect(plan.steps[0]?.hazards.map((h) => `${h.code}: ${h.message}`)).toEqual([
    'dependent-object: statistics st_legacy (legacy, label) of dbo.items: SQL Server refuses DROP COLUMN legacy while it exists; it is dropped and not re-created, since the plan drops legacy (the down script re-creates it)',
  ]);
  converges(plan, current);
});

test('a column renamed and retyped: re-created under the new column name, the filter rewritten', () => {
  const current = db([withStats(items(), [stat('st_label', ['label', 'qty'], { filter: '([label] IS NOT NULL)' })])]);
  const desired = db([table('items', { columns: [...items({ qty: 'bigint', label: 'title' }).columns], rowCount: 2 })]);
  const plan = diff(desired, current, { allowDrop: false });
  expect(summary(plan)).toEqual(['renameColumn', 'dropStatistics st_label', 'alterColumn', 'createStatistics st_label']);
  const created = plan.steps[3]?.change;
  expect(created?.kind === 'createStatistics' ? created.statistics : null).toEqual(stat('st_label', ['title', 'qty'], { filter: '([title] IS NOT NULL)' }));
  converges(plan, current);
});

test('a table moved to another schema and renamed: its statistics are dropped and re-created where the move put it', () => {
  const current = db([withStats(items(), [stat('st_code_qty', ['code', 'qty'])])]);
  const moved: Table = { ...items({ qty: 'bigint' }), schema: 'archive', name: 'goods', renamedFrom: 'items', renamedFromSchema: 'dbo' };
  const plan = diff(db([moved]), current, { allowDrop: false });
  expect(summary(plan)).toEqual(['createSchema', 'transferTable', 'renameTable', 'dropStatistics st_code_qty', 'alterColumn', 'createStatistics st_code_qty']);
  const up = renderScript(plan, { direction: 'up', databaseName: 'app' }).text;
  expect(up).toContain('DROP STATISTICS [archive].[goods].[st_code_qty];');
  expect(up).toContain('CREATE STATISTICS [st_code_qty] ON [archive].[goods] ([code], [qty]);');
  converges(plan, current);
});
