/**
 * Memory-optimized tables as the catalog shows them: sys.tables.is_memory_optimized and
 * durability_desc, sys.hash_indexes.bucket_count. Their indexes have none of the rowstore options
 * (no pages: no fill factor, no page or row locks, no compression) and are not placed on a
 * filegroup (indexes-for-memory-optimized-tables: "they have no fillfactor"), so whatever
 * sys.indexes reports for those is left out of the model, as the compiler leaves it out.
 */
import type { Index, KeyConstraint, MemoryOptimized, Table } from '../model';
import type { IndexRow, TableRow } from './snapshot-types';

/** The table's memory-optimized setting, or undefined for a disk-based one (or an older snapshot). */
export function memoryOptimizedOf(t: TableRow): MemoryOptimized | undefined {
  if (t.is_memory_optimized !== true) return undefined;
  return { durability: t.durability_desc === 'SCHEMA_ONLY' ? 'SCHEMA_ONLY' : 'SCHEMA_AND_DATA' };
}

/** An index or key of a memory-optimized table: its bucket count if it is a hash index, and no rowstore options. */
function memoryIndex<T extends Index | KeyConstraint>(o: T, rows: ReadonlyMap<string, IndexRow>): T {
  const {
    fillFactor: _f, padIndex: _p, allowRowLocks: _r, allowPageLocks: _pl, optimizeForSequentialKey: _o, statisticsNoRecompute: _n,
    ignoreDupKey: _i, dataCompression: _c, dataSpace: _d, ...rest
  } = o as Index;
  const bucket = rows.get(o.name)?.bucket_count;
  return (typeof bucket === 'number' ? { ...rest, bucketCount: bucket } : rest) as T;
}

/** The table as a memory-optimized one; the same table when it is disk-based. */
export function asMemoryOptimized(table: Table, row: TableRow, indexRows: readonly IndexRow[]): Table {
  const memory = memoryOptimizedOf(row);
  if (memory === undefined) return table;
  const rows = new Map(indexRows.map((i) => [i.name, i]));
  const { dataCompression: _c, dataSpace: _d, ...rest } = table;
  return {
    ...rest,
    memoryOptimized: memory,
    primaryKey: table.primaryKey === null ? null : memoryIndex(table.primaryKey, rows),
    uniqueConstraints: table.uniqueConstraints.map((u) => memoryIndex(u, rows)),
    indexes: table.indexes.map((i) => memoryIndex(i, rows)),
  };
}
