/**
 * The database's change tracking must be on before a plan enables it on a table (Msg 1718). When
 * the catalog says it is off, the plan carries a prerequisite naming the tables: the plan text and
 * JSON show it with the ALTER DATABASE to run, the up script leads with it, and apply refuses
 * (a plan made now or a saved one). A database with it on, a catalog that did not record it (older
 * snapshot, --empty) and plans that enable nothing get none.
 */
import { refuseUnmetPrerequisites, withDatabaseChangeTracking } from '../../src/app/preflight';
import { diff } from '../../src/differ';
import { renderPlanJson, renderPlanText, renderScript } from '../../src/emitters';
import type { Database, Table } from '../../src/model';
import { col, db, pk, table } from '../support/model-builders';

const orders = (extra: Partial<Table> = {}): Table => ({ ...table('dbo.orders', { columns: [col('id', 'int')], pk: pk('pk_orders', ['id']) }), ...extra });
const tracked = orders({ changeTracking: { trackColumnsUpdated: false } });
const catalog = (tables: Table[], on: boolean | undefined): Database => ({ ...db(tables), name: 'app', ...(on !== undefined ? { changeTrackingOn: on } : {}) });
const planOf = (desired: Database, current: Database) => withDatabaseChangeTracking(diff(desired, current, { allowDrop: false }), current);

const STATEMENT = 'ALTER DATABASE [app] SET CHANGE_TRACKING = ON (CHANGE_RETENTION = 2 DAYS, AUTO_CLEANUP = ON);';
const REASON = 'the plan enables change tracking on dbo.lines, dbo.orders, but database app does not have change tracking on '
  + '(SQL Server refuses ALTER TABLE ... ENABLE CHANGE_TRACKING there, Msg 1718); turn it on first, on its own '
  + '(schemac does not manage this database setting, and ALTER DATABASE cannot run inside the plan\'s transaction)';

test('enabling on a kept or a new table with the database setting off: planned, shown with the statement to run first, refused by apply', () => {
  const current = catalog([orders()], false);
  const plan = planOf(db([tracked, { ...tracked, name: 'lines', primaryKey: pk('pk_lines', ['id']) }]), current);
  expect(plan.steps.map((s) => s.change.kind)).toEqual(['createTable', 'enableChangeTracking']);
  expect(plan.prerequisites).toEqual([{ kind: 'databaseChangeTracking', database: 'app', tables: [{ schema: 'dbo', name: 'lines' }, { schema: 'dbo', name: 'orders' }] }]);

  const text = renderPlanText(plan, { color: false });
  expect(text).toContain(`Before apply (apply refuses until then; plan and emit-sql still show the change):\n  ! ${REASON}:\n      ${STATEMENT}\n`);
  const up = renderScript(plan, { direction: 'up', databaseName: 'app' }).text;
  expect(up.split('\n').slice(0, 4)).toEqual([
    '-- schemac up script',
    '-- RUN FIRST: this script fails (and changes nothing) until the database has these settings:',
    `--   ${REASON}:`,
    `--     ${STATEMENT}`,
  ]);
  // The down script disables what the up script enabled: it needs nothing first.
  expect(renderScript(plan, { direction: 'down', databaseName: 'app' }).text).not.toContain('RUN FIRST');
  const json = renderPlanJson(plan, { fingerprint: 'f', databaseName: 'app' });
  expect(json.prerequisites).toEqual([{ kind: 'databaseChangeTracking', database: 'app', tables: [{ schema: 'dbo', name: 'lines' }, { schema: 'dbo', name: 'orders' }], reason: REASON, statement: STATEMENT }]);

  expect(() => refuseUnmetPrerequisites(plan.prerequisites, current)).toThrow(`refusing to apply: ${REASON}; nothing was changed. Run first, then apply again (a saved plan: make a new one, as the setting changes the catalog):\n  ${STATEMENT}`);
  // A saved plan's prerequisites (as its JSON holds them) are refused the same way; met, they pass.
  expect(() => refuseUnmetPrerequisites(json.prerequisites, current)).toThrow(/^refusing to apply: the plan enables change tracking/);
  expect(() => refuseUnmetPrerequisites(json.prerequisites, { ...current, changeTrackingOn: true })).not.toThrow();
});

test.each([
  ['the database has it on', catalog([orders()], true), db([tracked])],
  ['the catalog did not record it', catalog([orders()], undefined), db([tracked])],
  ['nothing is enabled', catalog([tracked], false), db([orders()])],
] as const)('no prerequisite when %s', (_, current, desired) => {
  const plan = planOf(desired, current);
  expect(plan.prerequisites).toBeUndefined();
  expect(() => refuseUnmetPrerequisites(plan.prerequisites, current)).not.toThrow();
  expect(renderScript(plan, { direction: 'up', databaseName: 'app' }).text).not.toContain('RUN FIRST');
});
