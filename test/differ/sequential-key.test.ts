/**
 * OPTIMIZE_FOR_SEQUENTIAL_KEY is SQL Server 2019's (create-index-transact-sql.md, "Applies to"):
 * on an older server the keys and indexes that declare it are refused by name, as SQL Server
 * would refuse the option; 2019, Azure SQL (engine edition 5, version 12) and a snapshot without
 * server facts plan it.
 */
import { diff } from '../../src/differ';
import type { Index, KeyConstraint, ServerFacts, Table } from '../../src/model';
import { col, db, ix, pk, table } from '../support/model-builders';

const orders = (key: Partial<KeyConstraint> = {}, index: Partial<Index> = {}): Table =>
  table('orders', { columns: [col('id', 'int'), col('placed', 'datetime2')], pk: { ...pk('pk_orders', ['id']), ...key }, indexes: [{ ...ix('ix_orders_placed', ['placed']), ...index }] });
const on = (server: ServerFacts) => ({ ...db([orders()]), server });
const desired = db([orders({ optimizeForSequentialKey: true }, { optimizeForSequentialKey: true })]);

test('a server before SQL Server 2019 has no OPTIMIZE_FOR_SEQUENTIAL_KEY: the keys and indexes that declare it are refused by name', () => {
  expect(diff(desired, on({ engineEdition: 3, edition: 'Developer Edition (64-bit)', majorVersion: 14 }), { allowDrop: false }).refused).toEqual([{
    table: { schema: 'dbo', name: 'orders' }, change: 'OPTIMIZE_FOR_SEQUENTIAL_KEY = ON for pk_orders, ix_orders_placed',
    reason: 'Enterprise 14 has no OPTIMIZE_FOR_SEQUENTIAL_KEY (SQL Server 2019 or Azure SQL has it); remove optimizeForSequentialKey or use a newer server',
  }]);
  // A new table on that server is refused the same way.
  expect(diff(desired, { ...db([]), server: { engineEdition: 2, edition: 'Standard Edition (64-bit)', majorVersion: 14 } }, { allowDrop: false }).refused?.map((r) => r.change))
    .toEqual(['OPTIMIZE_FOR_SEQUENTIAL_KEY = ON for pk_orders, ix_orders_placed']);
});

test('SQL Server 2019, Azure SQL Database (version 12) and a catalog without server facts plan it', () => {
  for (const server of [{ engineEdition: 3, edition: 'Enterprise Edition (64-bit)', majorVersion: 15 }, { engineEdition: 5, edition: 'SQL Azure', majorVersion: 12 }, { engineEdition: 8, edition: 'SQL Azure', majorVersion: 12 }]) {
    const plan = diff(desired, on(server), { allowDrop: false });
    expect({ server: server.engineEdition, refused: plan.refused ?? [], steps: plan.steps.length > 0 }).toEqual({ server: server.engineEdition, refused: [], steps: true });
  }
  expect(diff(desired, db([orders()]), { allowDrop: false }).refused ?? []).toEqual([]);
});
