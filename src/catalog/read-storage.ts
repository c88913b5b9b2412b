/**
 * Storage facts of the catalog rows: DATA_COMPRESSION per heap or index (sys.partitions, the
 * optional `partitions` array: absent rows mean NONE) and what a columnstore index lists.
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-partitions-transact-sql
 */
import type { DataCompression, DataSpace, DataSpaceDef, Diagnostic, IndexOptions, RowstoreCompression } from '../model';
import { storedIndexOptions } from '../sqlserver/index-options';
import { isColumnstoreCompression, isRowstoreCompression, storedCompression } from '../sqlserver/storage';
import { CatalogCodes } from './codes';
import type { CatalogSnapshot, IndexRow } from './snapshot-types';

/** Compression by `object_id:index_id`, as partition 1 has it. */
export interface StorageFacts {
  /** The compression of a heap or index: partition 1's, NONE/COLUMNSTORE when not listed. */
  compressionOf(objectId: number, indexId: number, columnstore: boolean): DataCompression;
}

/**
 * Reads the partitions. An object whose partitions differ in compression is read as partition
 * 1 says, with a warning: schemac manages one compression per index.
 */
export function readStorage(s: CatalogSnapshot, tableName: (objectId: number) => string, diagnostics: Diagnostic[]): StorageFacts {
  // Compressions by object_id, then index_id, in partition order; `seen` keeps the order in
  // which each heap or index first appears, which the warnings follow.
  const byIndex = new Map<number, Map<number, string[]>>();
  const seen: { objectId: number; indexId: number; values: string[] }[] = [];
  for (const p of [...(s.partitions ?? [])].sort((a, b) => a.partition_number - b.partition_number)) {
    let ofObject = byIndex.get(p.object_id);
    if (ofObject === undefined) byIndex.set(p.object_id, ofObject = new Map());
    const values = ofObject.get(p.index_id);
    if (values !== undefined) values.push(p.data_compression_desc);
    else {
      const first = [p.data_compression_desc];
      ofObject.set(p.index_id, first);
      seen.push({ objectId: p.object_id, indexId: p.index_id, values: first });
    }
  }
  let indexNames: Map<string, string> | undefined;
  for (const { objectId, indexId, values } of seen) {
    if (new Set(values).size <= 1) continue;
    indexNames ??= new Map(s.indexes.map((i) => [`${i.object_id}:${i.index_id}`, i.name]));
    const what = indexId === 0 ? 'heap' : `index ${indexNames.get(`${objectId}:${indexId}`) ?? indexId}`;
    diagnostics.push({
      code: CatalogCodes.mixedCompression, severity: 'warning',
      message: `${tableName(objectId)}: the partitions of ${what} differ in DATA_COMPRESSION (${[...new Set(values)].join(', ')}); schemac reads it as partition 1's ${values[0]}, and a plan that changes it rebuilds every partition with one value`,
    });
  }
  return {
    compressionOf(objectId, indexId, columnstore) {
      const first = byIndex.get(objectId)?.get(indexId)?.[0];
      if (first !== undefined && (columnstore ? isColumnstoreCompression(first) : isRowstoreCompression(first))) return first as DataCompression;
      return columnstore ? 'COLUMNSTORE' : 'NONE';
    },
  };
}

/** Whether an index row is a columnstore index (sys.indexes type 5 or 6). */
export function isColumnstoreRow(i: IndexRow): boolean {
  return i.type_desc === 'CLUSTERED COLUMNSTORE' || i.type_desc === 'NONCLUSTERED COLUMNSTORE';
}

/** The table's data compression (heap, or rowstore clustered index), left out when NONE. */
export function tableCompression(facts: StorageFacts, objectId: number, indexes: readonly IndexRow[]): RowstoreCompression | undefined {
  const clustered = indexes.find((i) => i.object_id === objectId && i.index_id === 1);
  if (clustered !== undefined && isColumnstoreRow(clustered)) return undefined;
  const c = facts.compressionOf(objectId, clustered !== undefined ? 1 : 0, false) as RowstoreCompression;
  return storedCompression(c, false);
}

/**
 * The FILLFACTOR, PAD_INDEX, lock, sequential-key and NORECOMPUTE options of a rowstore index row,
 * defaults left out. A columnstore index takes none of them (create-columnstore-index-transact-sql).
 */
export function indexOptionsOfRow(i: IndexRow): IndexOptions {
  if (isColumnstoreRow(i)) return {};
  return storedIndexOptions({
    fillFactor: i.fill_factor, padded: i.is_padded, allowRowLocks: i.allow_row_locks, allowPageLocks: i.allow_page_locks,
    optimizeForSequentialKey: i.optimize_for_sequential_key, noRecompute: i.no_recompute,
  });
}

/** sys.data_spaces.type as the model names it (FX: the MEMORY_OPTIMIZED_DATA filegroup). */
function dataSpaceKind(type: string): DataSpaceDef['kind'] {
  return type === 'PS' ? 'partitionScheme' : type === 'FX' ? 'memoryOptimizedData' : 'filegroup';
}

/**
 * Where each heap and index lives, from the optional `index_data_spaces` rows (absent: the
 * default filegroup), and the database's data spaces from `data_spaces` (absent: not read).
 */
export function readPlacements(s: CatalogSnapshot): { placementOf(objectId: number, indexId: number): DataSpace | undefined; dataSpaces: DataSpaceDef[] | undefined } {
  const byIndex = new Map<string, DataSpace>();
  for (const r of s.index_data_spaces ?? []) {
    const placement: DataSpace = r.data_space_type === 'PS' && r.partition_column !== null
      ? { kind: 'partitionScheme', name: r.data_space_name, column: r.partition_column }
      : { kind: 'filegroup', name: r.data_space_name };
    byIndex.set(`${r.object_id}:${r.index_id}`, placement);
  }
  return {
    placementOf: (objectId, indexId) => byIndex.get(`${objectId}:${indexId}`),
    dataSpaces: s.data_spaces?.map((d) => ({ name: d.name, kind: dataSpaceKind(d.type), isDefault: d.is_default })),
  };
}
