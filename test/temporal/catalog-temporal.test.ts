/**
 * Versioned tables through the catalog rows: sys.tables temporal_type / history_table_id /
 * retention and sys.columns generated_always_type / is_hidden read into the model, the history
 * table kept inside its table's definition (never a table of its own), and a DEFAULT that a
 * period column kept from being added to a table with rows not compared.
 */
import { modelToSnapshot } from '../../src/catalog/from-model';
import { snapshotToModel } from '../../src/catalog/to-model';
import { serializeSnapshot, parseSnapshot } from '../../src/catalog/snapshot';
import { diff } from '../../src/differ';
import { db } from '../support/model-builders';
import { versionedOrders } from './fixtures';

describe('versioned tables in the catalog', () => {
  const model = db([versionedOrders()]);
  const rows = modelToSnapshot(model, { database: 'app' });

  test('the rows say what SQL Server\'s views say: temporal_type 2 naming a temporal_type 1 history table', () => {
    const orders = rows.tables.find((t) => t.name === 'orders');
    const history = rows.tables.find((t) => t.name === 'orders_history');
    expect(orders).toMatchObject({ temporal_type: 2, history_table_id: history?.object_id, history_retention_period: 6, history_retention_period_unit: 5 });
    expect(history).toMatchObject({ schema_name: 'sales', temporal_type: 1 });
    const periodRows = rows.columns.filter((c) => c.object_id === orders?.object_id && c.generated_always_type !== undefined);
    expect(periodRows.map((c) => [c.name, c.generated_always_type, c.is_hidden])).toEqual([['valid_from', 1, true], ['valid_to', 2, true]]);
  });

  test('read back, the history table is part of orders, not a table; the model round-trips through a snapshot file', () => {
    const read = snapshotToModel(parseSnapshot(serializeSnapshot(rows), 'snapshot.json')).database;
    expect(read.tables.map((t) => t.name)).toEqual(['orders']);
    expect(read.tables[0].versioning).toEqual({ historySchema: 'sales', historyTable: 'orders_history', retention: { unit: 'MONTH', count: 6 } });
    expect(diff(model, read, { allowDrop: true }).steps).toEqual([]);
  });

  test('a DEFAULT on a period column (left by adding it to a table with rows) is not a default of the model', () => {
    const orders = rows.tables.find((t) => t.name === 'orders');
    const start = rows.columns.find((c) => c.object_id === orders?.object_id && c.name === 'valid_from');
    const withDefault = { ...rows, default_constraints: [...rows.default_constraints, {
      parent_object_id: orders?.object_id ?? 0, parent_column_id: start?.column_id ?? 0, name: 'DF_orders_valid_from', definition: '(sysutcdatetime())', is_system_named: false,
    }] };
    const read = snapshotToModel(withDefault).database;
    expect(read.tables[0].defaults).toEqual([]);
    expect(read.tables[0].columns.find((c) => c.name === 'valid_from')?.period).toEqual({ end: 'start', hidden: true, defaultName: 'DF_orders_valid_from' });
    expect(diff(model, read, { allowDrop: true }).steps).toEqual([]);
  });
});
