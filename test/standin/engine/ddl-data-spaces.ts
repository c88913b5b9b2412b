/**
 * Data spaces in the stand-in: filegroups (ALTER DATABASE ... ADD FILEGROUP), partition functions
 * and schemes (CREATE PARTITION FUNCTION / SCHEME), and where each heap and index is placed
 * (ON filegroup | ON scheme (column)). A filegroup holds no files here and a partition function's
 * boundaries are not kept: rows are never routed to partitions, every table reads as one partition.
 *
 * Sources: alter-database-transact-sql-file-and-filegroup-options, create-partition-function-
 * transact-sql, create-partition-scheme-transact-sql; sys-data-spaces-transact-sql (PRIMARY is
 * data_space_id 1 and the default; filegroups and schemes share the id space), sys-filegroups,
 * sys-partition-schemes, sys-partition-functions-transact-sql; create-index-transact-sql (an index
 * without ON goes where its table is: the same filegroup, or the same scheme and partitioning
 * column). Error numbers and wording are inferred and marked so.
 */
import type { DdlOption } from './editions';
import { sameName, type Database, type Index, type Table } from './catalog';
import { SqlError } from './errors';

/** A filegroup or partition scheme (sys.data_spaces). */
export interface DataSpaceObject {
  id: number;
  name: string;
  /** FX: the MEMORY_OPTIMIZED_DATA filegroup (ALTER DATABASE ... ADD FILEGROUP fg CONTAINS MEMORY_OPTIMIZED_DATA). */
  type: 'FG' | 'PS' | 'FX';
  isDefault: boolean;
  /** A scheme's partition function (function_id). */
  functionId?: number;
}

/** A partition function (sys.partition_functions); its boundaries are not kept, only how many there are. */
export interface PartitionFunctionObject {
  id: number;
  name: string;
  parameterType: string;
  /** The number of boundary values (sys.partition_functions.fanout is one more); absent in older images. */
  boundaries?: number;
}

/** The database's data spaces, PRIMARY (id 1, the default) first. */
export function dataSpacesOf(db: Database): DataSpaceObject[] {
  return [{ id: 1, name: 'PRIMARY', type: 'FG', isDefault: true }, ...(db.dataSpaces ?? [])];
}

function nextId(db: Database): number {
  return Math.max(1, ...dataSpacesOf(db).map((d) => d.id)) + 1;
}

function taken(db: Database, name: string): boolean {
  return dataSpacesOf(db).some((d) => sameName(d.name, name));
}

/** ALTER DATABASE ... ADD FILEGROUP fg [CONTAINS MEMORY_OPTIMIZED_DATA]. */
export function addFilegroup(db: Database, name: string, memoryOptimized = false): void {
  // Inferred number and wording.
  if (taken(db, name)) throw new SqlError(1828, 16, 1, `The logical file name "${name}" is already in use. Choose a different name.`);
  // "Only one memory-optimized filegroup can be created per database" (creating-and-managing-
  // storage-for-memory-optimized-objects; number and wording inferred).
  if (memoryOptimized && dataSpacesOf(db).some((d) => d.type === 'FX')) throw new SqlError(10797, 16, 1, 'Only one MEMORY_OPTIMIZED_DATA filegroup is allowed per database.');
  (db.dataSpaces ??= []).push({ id: nextId(db), name, type: memoryOptimized ? 'FX' : 'FG', isDefault: false });
}

/** CREATE PARTITION FUNCTION pf (type) AS RANGE ... FOR VALUES (...). */
export function createPartitionFunction(db: Database, name: string, parameterType: string, boundaries?: number): void {
  const functions = (db.partitionFunctions ??= []);
  // Msg 7705-like (inferred).
  if (functions.some((f) => sameName(f.name, name))) throw new SqlError(2714, 16, 3, `There is already an object named '${name}' in the database.`);
  functions.push({ id: 65536 + functions.length, name, parameterType, ...(boundaries !== undefined ? { boundaries } : {}) });
}

/** CREATE PARTITION SCHEME ps AS PARTITION pf [ALL] TO (fg, ...): every filegroup must exist. */
export function createPartitionScheme(db: Database, name: string, fn: string, filegroups: readonly string[]): void {
  const f = db.partitionFunctions?.find((x) => sameName(x.name, fn));
  // Inferred numbers and wording.
  if (!f) throw new SqlError(7707, 16, 1, `The associated partition function '${fn}' generates more partitions than there are file groups mentioned in the scheme '${name}'.`);
  for (const g of filegroups) {
    if (!dataSpacesOf(db).some((d) => d.type === 'FG' && sameName(d.name, g))) throw new SqlError(208, 16, 58, `Invalid filegroup '${g}' specified.`);
  }
  if (taken(db, name)) throw new SqlError(2714, 16, 3, `There is already an object named '${name}' in the database.`);
  (db.dataSpaces ??= []).push({ id: nextId(db), name, type: 'PS', isDefault: false, functionId: f.id });
}

/**
 * Where an index is built: its ON, else where its table's rows are (create-index-transact-sql).
 * A unique index on a scheme needs the partitioning column in its key ("column_name must be
 * chosen from among those used as the unique key"): Msg 1908 (wording inferred).
 */
export function placementOf(db: Database, t: Table, options: readonly DdlOption[] | undefined, ix?: Pick<Index, 'name' | 'unique' | 'keys'>): Pick<Index, 'dataSpaceId' | 'partitionColumnId'> {
  const placed = placement(db, t, options);
  if (ix !== undefined && ix.unique && placed.partitionColumnId !== undefined && !ix.keys.some((k) => k.columnId === placed.partitionColumnId)) {
    const col = t.columns.find((c) => c.columnId === placed.partitionColumnId)?.name ?? '';
    throw new SqlError(1908, 16, 1, `Column '${col}' is partitioning column of the index '${ix.name ?? ''}'. Partition columns for a unique index must be a subset of the index key.`);
  }
  return placed;
}

function placement(db: Database, t: Table, options: readonly DdlOption[] | undefined): Pick<Index, 'dataSpaceId' | 'partitionColumnId'> {
  const on = options?.find((o) => o.name === 'ON');
  if (on === undefined) {
    const base = t.indexes.find((i) => i.indexId <= 1);
    return base?.dataSpaceId !== undefined ? { dataSpaceId: base.dataSpaceId, ...(base.partitionColumnId !== undefined ? { partitionColumnId: base.partitionColumnId } : {}) } : {};
  }
  if (on.value.toUpperCase() === 'DEFAULT' && on.detail === undefined) return { dataSpaceId: dataSpacesOf(db).find((d) => d.isDefault)?.id ?? 1 };
  const space = dataSpacesOf(db).find((d) => sameName(d.name, on.value));
  // Msg 1921 for a filegroup (inferred wording); a scheme named without its column is the same error.
  if (!space || (space.type === 'PS') !== (on.detail !== undefined)) throw new SqlError(1921, 16, 1, `Invalid ${on.detail !== undefined ? 'partition scheme' : 'filegroup'} '${on.value}' specified.`);
  if (on.detail === undefined) return space.id === 1 ? {} : { dataSpaceId: space.id };
  const col = t.columns.find((c) => sameName(c.name, on.detail as string));
  // Inferred number and wording.
  if (!col) throw new SqlError(1912, 16, 1, `Could not proceed with index DDL operation on table '${t.name}' because it conflicts with another concurrent operation. Column '${on.detail}' does not exist.`);
  return { dataSpaceId: space.id, partitionColumnId: col.columnId };
}

/**
 * How many partitions an index (or heap) has: one unless it is on a partition scheme, whose
 * function's boundaries make one more (create-partition-function-transact-sql.md); undefined when
 * the function's boundaries are not known.
 */
export function partitionCount(db: Database, ix: Index): number | undefined {
  const space = ix.dataSpaceId === undefined ? undefined : dataSpacesOf(db).find((d) => d.id === ix.dataSpaceId);
  if (space?.type !== 'PS') return 1;
  const boundaries = db.partitionFunctions?.find((f) => f.id === space.functionId)?.boundaries;
  return boundaries === undefined ? undefined : boundaries + 1;
}
