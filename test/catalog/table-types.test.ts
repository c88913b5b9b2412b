/**
 * A database holding user-defined table types, read over the wire: their TT objects have columns,
 * indexes and constraints in the catalog views (sys-table-types-transact-sql.md: "query various
 * catalog views, in a way that is similar to an object_id column of a regular table"), but they are
 * not tables, and a procedure's READONLY table-valued parameter is not a reference to one. The
 * catalog read must see the user table alone.
 */
import { readCatalogWith } from '../../src/catalog/read';
import { snapshotToModel } from '../../src/catalog/to-model';
import { createEngine } from '../standin/engine';
import { startStandin } from '../standin/server';
import { connect } from '../e2e/support/sqlcmd';

const PASSWORD = 'TableType#Secret1';

test('table types never appear as tables, columns, keys or constraints of the model', async () => {
  const engine = createEngine({ password: PASSWORD, databases: ['app'] });
  const login = engine.login('sa', PASSWORD, 'app');
  if (!login.ok) throw new Error(login.error.message);
  const setup = [
    `CREATE TABLE dbo.orders (order_id int NOT NULL CONSTRAINT pk_orders PRIMARY KEY, placed_on date NOT NULL)`,
    `INSERT dbo.orders VALUES (1, '2026-01-02'), (2, '2026-02-03')`,
    `CREATE TYPE dbo.order_ids AS TABLE (order_id int NOT NULL PRIMARY KEY, weight int NOT NULL DEFAULT 1 CHECK (weight > 0), INDEX ix_weight (weight))`,
    `CREATE PROCEDURE dbo.orders_in @ids dbo.order_ids READONLY AS SELECT o.order_id FROM dbo.orders o JOIN @ids i ON i.order_id = o.order_id`,
  ];
  for (const batch of setup) {
    const out = await login.session.executeBatch(batch, new AbortController().signal);
    expect(out.filter((o) => o.kind === 'error')).toEqual([]);
  }
  const standin = await startStandin({ engine });
  try {
    const pool = await connect(`mssql://sa:${encodeURIComponent(PASSWORD)}@127.0.0.1:${standin.port}/app?encrypt=false`);
    try {
      const snapshot = await readCatalogWith(async (text) => (await pool.request().query(text)).recordsets as never, 'app');
      expect(snapshot.tables.map((t) => t.name)).toEqual(['orders']);
      const orders = snapshot.tables[0].object_id;
      for (const rows of [snapshot.columns, snapshot.indexes, snapshot.index_columns]) expect(rows.every((r) => r.object_id === orders)).toBe(true);
      for (const rows of [snapshot.key_constraints, snapshot.check_constraints, snapshot.default_constraints]) expect(rows.every((r) => r.parent_object_id === orders)).toBe(true);
      expect(snapshot.types ?? []).toEqual([]);
      const { database } = snapshotToModel(snapshot);
      expect(database.tables.map((t) => t.name)).toEqual(['orders']);
      expect(database.tables[0].columns.map((c) => c.name)).toEqual(['order_id', 'placed_on']);
      expect(database.aliasTypes ?? []).toEqual([]);
      expect(database.modules?.map((m) => m.name)).toEqual(['orders_in']);
    } finally {
      await pool.close();
    }
  } finally {
    await standin.close();
  }
});
