/**
 * Change tracking in the differ: a kept table's tracking is enabled or disabled (TRACK_COLUMNS_UPDATED
 * changes disable then enable), a tracked table whose primary key is re-created is disabled before
 * and enabled after (both directions; the simulator refuses a tracked key's drop, Msg 3735), a new
 * table is tracked in its createTable step; every DISABLE carries change-tracking-reset. CDC tables
 * are kept: column changes warn naming the capture instance, a drop warns, a re-create is refused.
 */
import { diff } from '../../src/differ';
import { guardCdcTables } from '../../src/differ/diff-change-tracking';
import { step } from '../../src/differ/step';
import { renderScript } from '../../src/emitters/tsql/script';
import type { Table } from '../../src/model';
import { nameKeyFor } from '../../src/sqlserver/names';
import { applyPlan } from '../support/simulate';
import { expectValidTsql } from '../support/tsql-grammar';
import { col, db, pk, table } from '../support/model-builders';
import { describe as stepText, runCase } from './run-case';

const orders = (extra: Partial<Table> = {}, key = pk('pk_orders', ['id'])): Table => ({
  ...table('dbo.orders', { columns: [col('id', 'int'), col('code', 'varchar(10)'), col('qty', 'int')], pk: key, rowCount: 10 }), ...extra,
});
const ON = { changeTracking: { trackColumnsUpdated: false } };
const COLUMNS = { changeTracking: { trackColumnsUpdated: true } };

test.each([
  ['off -> on', {}, ON, ['enableChangeTracking dbo.orders']],
  ['on -> off', ON, {}, ['disableChangeTracking dbo.orders']],
  ['TRACK_COLUMNS_UPDATED OFF -> ON', ON, COLUMNS, ['disableChangeTracking dbo.orders', 'enableChangeTracking dbo.orders columns']],
] as const)('%s, undone by the down script', (_, from, to, steps) => {
  runCase({ name: _, current: db([orders(from)]), desired: db([orders(to)]), steps: [...steps], noDataLoss: true });
});

test('every disable, up or down, is a change-tracking-reset hazard', () => {
  const off = diff(db([orders()]), db([orders(ON)]), { allowDrop: false });
  expect(off.steps[0]?.hazards.map((h) => h.code)).toEqual(['change-tracking-reset']);
  expect(off.steps[0]?.hazards[0]?.message).toMatch(/^dbo\.orders stops being tracked: DISABLE CHANGE_TRACKING drops the change history of dbo\.orders; clients .* must re-initialize$/);
  const on = diff(db([orders(ON)]), db([orders()]), { allowDrop: false });
  expect(on.steps[0]?.hazards).toEqual([]);
  expect(on.steps[0]?.downHazards?.map((h) => h.code)).toEqual(['change-tracking-reset']);
});

test('the same tracking plans nothing', () => {
  expect(diff(db([orders(COLUMNS)]), db([orders(COLUMNS)]), { allowDrop: false }).steps).toEqual([]);
});

test('a tracked table whose primary key changes is disabled before and enabled after, both ways (Msg 3735 otherwise)', () => {
  const c = { name: 'pk change', current: db([orders(ON)]), desired: db([orders(ON, pk('pk_orders', ['id', 'code']))]) };
  runCase({
    ...c, noDataLoss: true,
    steps: ['disableChangeTracking dbo.orders around key', 'dropPrimaryKey dbo.orders.pk_orders', 'addPrimaryKey dbo.orders.pk_orders', 'enableChangeTracking dbo.orders around key'],
    hazards: ['disableChangeTracking dbo.orders around key: change-tracking-reset'],
  });
  // Without the dance SQL Server refuses the key's drop: the simulator says so too.
  const plan = diff(c.desired, c.current, { allowDrop: false });
  expect(() => applyPlan(c.current, plan.steps.filter((s) => !s.change.kind.endsWith('ChangeTracking')), 'up')).toThrow(/Msg 3735/);
  const up = renderScript(plan, { direction: 'up', databaseName: null }).text;
  const down = renderScript(plan, { direction: 'down', databaseName: null }).text;
  for (const script of [up, down]) {
    const at = (s: string) => script.indexOf(s);
    expect(at('DISABLE CHANGE_TRACKING')).toBeGreaterThan(-1);
    expect(at('DISABLE CHANGE_TRACKING')).toBeLessThan(at('DROP CONSTRAINT [pk_orders]'));
    expect(at('ENABLE CHANGE_TRACKING')).toBeGreaterThan(at('ADD CONSTRAINT [pk_orders] PRIMARY KEY'));
    expectValidTsql(script);
  }
  expect(plan.steps[0]?.hazards[0]?.message).toMatch(/^the primary key of dbo\.orders is dropped and re-created, which SQL Server refuses while the table is tracked \(Msg 3735\)/);
});

test('a primary key column widened (the key dropped around its ALTER COLUMN) keeps the tracking the same way', () => {
  const wide = orders(ON);
  const desired = { ...wide, columns: wide.columns.map((c) => (c.name === 'id' ? col('id', 'bigint') : c)) };
  runCase({
    name: 'widen key', current: db([orders(ON)]), desired: db([desired]), noDataLoss: true,
    steps: ['disableChangeTracking dbo.orders around key', 'dropPrimaryKey dbo.orders.pk_orders', 'alterColumn dbo.orders.id', 'addPrimaryKey dbo.orders.pk_orders', 'enableChangeTracking dbo.orders around key'],
  });
});

test('a renamed tracked table is disabled under its old name and enabled under its new one', () => {
  const renamed = { ...orders(ON, pk('pk_orders', ['id', 'code'])), name: 'purchases', renamedFrom: 'orders' };
  runCase({
    name: 'rename', current: db([orders(ON)]), desired: db([renamed]), noDataLoss: true,
    steps: ['disableChangeTracking dbo.orders around key', 'dropPrimaryKey dbo.orders.pk_orders', 'renameTable dbo.orders->purchases', 'addPrimaryKey dbo.purchases.pk_orders', 'enableChangeTracking dbo.purchases around key'],
  });
});

test('a new table is tracked right after its CREATE TABLE, in the same step', () => {
  const plan = diff(db([orders(COLUMNS)]), db([]), { allowDrop: false });
  expect(plan.steps.map((s) => s.change.kind)).toEqual(['createTable']);
  const up = renderScript(plan, { direction: 'up', databaseName: null }).text;
  expect(up.indexOf('ALTER TABLE [dbo].[orders] ENABLE CHANGE_TRACKING WITH (TRACK_COLUMNS_UPDATED = ON);')).toBeGreaterThan(up.indexOf('CREATE TABLE [dbo].[orders]'));
  expectValidTsql(up);
});

const CDC = { cdc: { captureInstances: ['dbo_orders'] } };

test('a CDC table whose columns change is planned with a warning naming the capture instance and what to do', () => {
  const desired = orders({}, undefined);
  const plan = diff(db([{ ...desired, columns: [...desired.columns, col('note', 'nvarchar(100)', { nullable: true })] }]), db([orders(CDC)]), { allowDrop: false });
  expect(plan.steps.map((s) => stepText(s.change))).toEqual(['addColumn dbo.orders.note']);
  expect(plan.warnings?.map((w) => w.message)).toEqual([expect.stringMatching(
    /^dbo\.orders is tracked by change data capture \(capture instance dbo_orders\); this plan adds note, and a capture instance does not follow schema changes: .*create a second capture instance .*sys\.sp_cdc_enable_table with another @capture_instance.*sys\.sp_cdc_disable_table/,
  )]);
  // A primary key change is named too (a capture instance with net changes identifies rows by it).
  const rekeyed = diff(db([orders({}, pk('pk_orders', ['id', 'code']))]), db([orders(CDC)]), { allowDrop: false });
  expect(rekeyed.warnings?.[0]?.message).toMatch(/; this plan re-creates primary key pk_orders, and a capture instance/);
  // The same table without column changes: no warning; and CDC is never dropped nor declared.
  expect(diff(db([orders()]), db([orders(CDC)]), { allowDrop: false })).toMatchObject({ steps: [], warnings: [] });
});

test('dropping a CDC table (--allow-drop) warns that its CDC goes with it', () => {
  const plan = diff(db([]), db([orders(CDC)]), { allowDrop: true });
  expect(plan.steps.map((s) => s.change.kind)).toEqual(['dropTable']);
  expect(plan.warnings?.map((w) => w.message)).toEqual(['dropping dbo.orders also drops its change data capture (capture instance dbo_orders): consumers of its change table stop receiving changes']);
});

test('a CDC table dropped and created again (a re-create by copy) is refused by name; the rest stands', () => {
  const current = db([orders(CDC), table('dbo.other', { columns: [col('id', 'int')] })]);
  const steps = [
    step({ kind: 'dropTable', table: orders() }),
    step({ kind: 'createTable', table: orders() }),
    step({ kind: 'enableChangeTracking', table: { schema: 'dbo', name: 'orders' }, tracking: { trackColumnsUpdated: false } }),
    step({ kind: 'addColumn', table: { schema: 'dbo', name: 'other' }, column: col('x', 'int', { nullable: true }) }),
  ];
  const guarded = guardCdcTables(steps, current, nameKeyFor(current.collation));
  expect(guarded.steps.map((s) => stepText(s.change))).toEqual(['addColumn dbo.other.x']);
  expect(guarded.refused).toEqual([{ table: { schema: 'dbo', name: 'orders' }, change: 're-create dbo.orders', reason: expect.stringMatching(/^dbo\.orders is tracked by change data capture \(capture instance dbo_orders\), which dropping the table drops .*sys\.sp_cdc_disable_table/) }]);
});
