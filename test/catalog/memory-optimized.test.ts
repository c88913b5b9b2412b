/**
 * Memory-optimized tables read from catalog rows: is_memory_optimized and durability_desc make
 * the table's setting, a NONCLUSTERED HASH index is modelled (not opaque) with its stored bucket
 * count, and what sys.indexes reports of rowstore options for such indexes is left out; older
 * snapshots without the fields read as disk-based.
 */
import { modelToSnapshot } from '../../src/catalog/from-model';
import { snapshotToModel } from '../../src/catalog/to-model';
import { col, db, ix, pk, table } from '../support/model-builders';

const sessions = {
  ...table('sessions', { columns: [col('id', 'int'), col('user_id', 'int')], pk: { ...pk('pk_sessions', ['id']), clustered: false, bucketCount: 1024 }, indexes: [{ ...ix('ix_sessions_user', ['user_id']), bucketCount: 64 }] }),
  memoryOptimized: { durability: 'SCHEMA_ONLY' as const },
};

test('the rows give the table, its hash indexes and their bucket counts; rowstore options are not read', () => {
  const snapshot = modelToSnapshot(db([sessions]));
  expect(snapshot.tables[0]).toMatchObject({ is_memory_optimized: true, durability_desc: 'SCHEMA_ONLY' });
  expect(snapshot.indexes.map((i) => [i.name, i.type_desc, i.bucket_count])).toEqual([['ix_sessions_user', 'NONCLUSTERED HASH', 64], ['pk_sessions', 'NONCLUSTERED HASH', 1024]]);
  // What a server may report for memory-optimized indexes: no page locks, a fill factor.
  const noisy = { ...snapshot, indexes: snapshot.indexes.map((i) => ({ ...i, allow_page_locks: false, fill_factor: 80 })) };
  const { database, diagnostics } = snapshotToModel(noisy);
  expect(diagnostics).toEqual([]);
  const t = database.tables[0];
  expect(t?.memoryOptimized).toEqual({ durability: 'SCHEMA_ONLY' });
  expect(t?.primaryKey).toEqual({ name: 'pk_sessions', isSystemNamed: false, columns: [{ name: 'id', descending: false }], clustered: false, bucketCount: 1024 });
  expect(t?.indexes[0]).toMatchObject({ name: 'ix_sessions_user', bucketCount: 64 });
  expect(t?.indexes[0]).not.toHaveProperty('fillFactor');
  expect(t?.indexes[0]).not.toHaveProperty('allowPageLocks');
});

test('an older snapshot without the fields reads as disk-based', () => {
  const snapshot = modelToSnapshot(db([sessions]));
  const old = { ...snapshot, tables: snapshot.tables.map(({ is_memory_optimized: _m, durability_desc: _d, ...t }) => t) };
  expect(snapshotToModel(old).database.tables[0]?.memoryOptimized).toBeUndefined();
});
