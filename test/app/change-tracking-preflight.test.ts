/**
 * The database's change tracking must be on before a plan enables it on a table (Msg 1718):
 * plan and apply stop with the tables named and the ALTER DATABASE to run; a database with it
 * on, a catalog that did not record it (older snapshot, --empty) and plans that enable nothing pass.
 */
import { requireDatabaseChangeTracking } from '../../src/app/preflight';
import { diff } from '../../src/differ';
import type { Database, Table } from '../../src/model';
import { col, db, pk, table } from '../support/model-builders';

const orders = (extra: Partial<Table> = {}): Table => ({ ...table('dbo.orders', { columns: [col('id', 'int')], pk: pk('pk_orders', ['id']) }), ...extra });
const tracked = orders({ changeTracking: { trackColumnsUpdated: false } });
const catalog = (tables: Table[], on: boolean | undefined): Database => ({ ...db(tables), name: 'app', ...(on !== undefined ? { changeTrackingOn: on } : {}) });
const check = (desired: Database, current: Database) => () => requireDatabaseChangeTracking(diff(desired, current, { allowDrop: false }), current);

test('enabling on a kept or a new table with the database setting off is refused, naming the tables and the statement', () => {
  const current = catalog([orders()], false);
  expect(check(db([tracked, { ...tracked, name: 'lines', primaryKey: pk('pk_lines', ['id']) }]), current)).toThrow(
    'the plan enables change tracking on dbo.lines, dbo.orders, but database app does not have change tracking on (SQL Server refuses ALTER TABLE ... ENABLE CHANGE_TRACKING there, Msg 1718); '
    + 'turn it on first (schemac does not manage this database setting), then plan again:\n  ALTER DATABASE [app] SET CHANGE_TRACKING = ON (CHANGE_RETENTION = 2 DAYS, AUTO_CLEANUP = ON);',
  );
});

test.each([
  ['the database has it on', catalog([orders()], true), db([tracked])],
  ['the catalog did not record it', catalog([orders()], undefined), db([tracked])],
  ['nothing is enabled', catalog([tracked], false), db([orders()])],
] as const)('passes when %s', (_, current, desired) => {
  expect(check(desired, current)).not.toThrow();
});
