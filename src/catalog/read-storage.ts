/**
 * Storage facts of the catalog rows: DATA_COMPRESSION and XML_COMPRESSION per heap or index
 * (sys.partitions, the optional `partitions` array: absent rows mean NONE and OFF) and what a
 * columnstore index lists.
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-partitions-transact-sql
 */
import type { DataCompression, DataSpace, DataSpaceDef, Diagnostic, IndexOptions, RowstoreCompression } from '../model';
import { storedIndexOptions } from '../sqlserver/index-options';
import { isColumnstoreCompression, isRowstoreCompression, storedCompression } from '../sqlserver/storage';
import { CatalogCodes } from './codes';
import type { CatalogSnapshot, IndexRow, PartitionRow } from './snapshot-types';

/** Compression by `object_id:index_id`, as partition 1 has it. */
export interface StorageFacts {
  /** The compression of a heap or index: partition 1's, NONE/COLUMNSTORE when not listed. */
  compressionOf(objectId: number, indexId: number, columnstore: boolean): DataCompression;
  /** Whether partition 1 of a heap or index has XML_COMPRESSION = ON (absent rows and columns: OFF). */
  xmlCompressedOf(objectId: number, indexId: number): boolean;
}

/** XML_COMPRESSION of a partition row: ON only when the row says so (older servers and snapshots have none). */
function xmlOf(p: PartitionRow): string {
  return p.xml_compression_desc === 'ON' ? 'ON' : 'OFF';
}

/**
 * Reads the partitions. An object whose partitions differ in compression is read as partition
 * 1 says, with a warning: schemac manages one compression (and one XML compression) per index.
 */
export function readStorage(s: CatalogSnapshot, tableName: (objectId: number) => string, diagnostics: Diagnostic[]): StorageFacts {
  // Partitions by object_id, then index_id, in partition order; `seen` keeps the order in
  // which each heap or index first appears, which the warnings follow.
  const byIndex = new Map<number, Map<number, PartitionRow[]>>();
  const seen: { objectId: number; indexId: number; rows: PartitionRow[] }[] = [];
  for (const p of [...(s.partitions ?? [])].sort((a, b) => a.partition_number - b.partition_number)) {
    let ofObject = byIndex.get(p.object_id);
    if (ofObject === undefined) byIndex.set(p.object_id, ofObject = new Map());
    const rows = ofObject.get(p.index_id);
    if (rows !== undefined) rows.push(p);
    else {
      const first = [p];
      ofObject.set(p.index_id, first);
      seen.push({ objectId: p.object_id, indexId: p.index_id, rows: first });
    }
  }
  let indexNames: Map<string, string> | undefined;
  for (const { objectId, indexId, rows } of seen) {
    for (const [option, valueOf] of [['DATA_COMPRESSION', (p: PartitionRow) => p.data_compression_desc], ['XML_COMPRESSION', xmlOf]] as const) {
      const values = rows.map(valueOf);
      if (new Set(values).size <= 1) continue;
      indexNames ??= new Map(s.indexes.map((i) => [`${i.object_id}:${i.index_id}`, i.name]));
      const what = indexId === 0 ? 'heap' : `index ${indexNames.get(`${objectId}:${indexId}`) ?? indexId}`;
      diagnostics.push({
        code: CatalogCodes.mixedCompression, severity: 'warning',
        message: `${tableName(objectId)}: the partitions of ${what} differ in ${option} (${[...new Set(values)].join(', ')}); schemac reads it as partition 1's ${values[0]}, and a plan that changes it rebuilds every partition with one value`,
      });
    }
  }
  return {
    compressionOf(objectId, indexId, columnstore) {
      const first = byIndex.get(objectId)?.get(indexId)?.[0]?.data_compression_desc;
      if (first !== undefined && (columnstore ? isColumnstoreCompression(first) : isRowstoreCompression(first))) return first as DataCompression;
      return columnstore ? 'COLUMNSTORE' : 'NONE';
    },
    xmlCompressedOf(objectId, indexId) {
      const first = byIndex.get(objectId)?.get(indexId)?.[0];
      return first !== undefined && xmlOf(first) === 'ON';
    },
  };
}

/** Whether an index row is a columnstore index (sys.indexes type 5 or 6). */
export function isColumnstoreRow(i: IndexRow): boolean {
  return i.type_desc === 'CLUSTERED COLUMNSTORE' || i.type_desc === 'NONCLUSTERED COLUMNSTORE';
}

/**
 * The table's data compression and XML compression (heap, or rowstore clustered index), each
 * left out at its default (NONE, OFF).
 */
export function tableStorage(facts: StorageFacts, objectId: number, indexes: readonly IndexRow[]): { dataCompression?: RowstoreCompression; xmlCompression?: true } {
  const clustered = indexes.find((i) => i.object_id === objectId && i.index_id === 1);
  if (clustered !== undefined && isColumnstoreRow(clustered)) return {};
  const indexId = clustered !== undefined ? 1 : 0;
  const c = storedCompression(facts.compressionOf(objectId, indexId, false) as RowstoreCompression, false);
  return { ...(c !== undefined ? { dataCompression: c } : {}), ...(facts.xmlCompressedOf(objectId, indexId) ? { xmlCompression: true } : {}) };
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
