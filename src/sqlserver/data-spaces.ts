/**
 * SQL Server's rules for where heaps and indexes live (filegroups and partition schemes).
 *
 * Sources: CREATE INDEX ("If filegroup_name isn't specified and the table isn't partitioned, the
 * index uses the same filegroup as the underlying table"; "If partition_scheme_name or filegroup
 * isn't specified and the table is partitioned, the index is placed in the same partition
 * scheme, using the same partitioning column, as the underlying table"; a changed placement is
 * CREATE INDEX ... WITH (DROP_EXISTING = ON) ON ...):
 * https://learn.microsoft.com/sql/t-sql/statements/create-index-transact-sql;
 * sys.indexes.data_space_id, sys.data_spaces (type FG filegroup, PS partition scheme,
 * is_default), sys.index_columns.partition_ordinal (1 for the partitioning column):
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-data-spaces-transact-sql,
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-index-columns-transact-sql;
 * "Partitioned tables and indexes" (aligned indexes):
 * https://learn.microsoft.com/sql/relational-databases/partitions/partitioned-tables-and-indexes.
 */
import type { Column, DataSpace, Database, Index, IndexColumn } from '../model';
import { keyBytes, maxKeyBytes } from './key-bytes';
import { notIndexableReason } from './types';
import type { NameKey } from './names';

/** The filegroup objects go to without ON when the catalog does not say (a new database's). */
export const DEFAULT_FILEGROUP = 'PRIMARY';

/** The database's default filegroup (sys.data_spaces.is_default), PRIMARY when not read. */
export function defaultFilegroup(db: Database): string {
  return db.dataSpaces?.find((d) => d.isDefault)?.name ?? DEFAULT_FILEGROUP;
}

/** Whether two placements are the same (names as the database compares them; absent is the default filegroup). */
export function sameDataSpace(a: DataSpace | undefined, b: DataSpace | undefined, key: NameKey, defaultFg = DEFAULT_FILEGROUP): boolean {
  return dataSpaceKey(a, key, defaultFg) === dataSpaceKey(b, key, defaultFg);
}

/** A comparison key of a placement: `fg:name` or `ps:name(column)`, absent as the default filegroup. */
export function dataSpaceKey(d: DataSpace | undefined, key: NameKey, defaultFg = DEFAULT_FILEGROUP): string {
  if (d === undefined) return `fg:${key(defaultFg)}`;
  return d.kind === 'filegroup' ? `fg:${key(d.name)}` : `ps:${key(d.name)}(${key(d.column)})`;
}

/** `filegroup FG_DATA` or `partition scheme ps_month (created_at)`, for messages. */
export function dataSpaceText(d: DataSpace | undefined): string {
  if (d === undefined) return 'the default filegroup';
  return d.kind === 'filegroup' ? `filegroup ${d.name}` : `partition scheme ${d.name} (${d.column})`;
}

/** Every placement a model names: its tables', indexes' and keys'. */
export function dataSpacesNamed(db: Database): { readonly table: string; readonly object: string; readonly dataSpace: DataSpace }[] {
  const out: { table: string; object: string; dataSpace: DataSpace }[] = [];
  for (const t of db.tables) {
    const table = `${t.schema}.${t.name}`;
    if (t.dataSpace !== undefined) out.push({ table, object: table, dataSpace: t.dataSpace });
    for (const o of [...(t.primaryKey ? [t.primaryKey] : []), ...t.uniqueConstraints, ...t.indexes]) {
      if (o.dataSpace !== undefined) out.push({ table, object: o.name, dataSpace: o.dataSpace });
    }
  }
  return out;
}

/**
 * What a desired model names that the database lacks: a filegroup or partition scheme schemac
 * does not create. Empty when the database's data spaces were not read.
 */
export function missingDataSpaces(desired: Database, current: Database, key: NameKey): string[] {
  if (current.dataSpaces === undefined) return [];
  const have = new Set(current.dataSpaces.map((d) => `${d.kind}:${key(d.name)}`));
  have.add(`filegroup:${key(DEFAULT_FILEGROUP)}`);
  const out = new Set<string>();
  for (const { table, object, dataSpace } of dataSpacesNamed(desired)) {
    if (!have.has(`${dataSpace.kind}:${key(dataSpace.name)}`)) {
      out.add(`${object === table ? `table ${table}` : `${object} on ${table}`} is placed on ${dataSpaceText(dataSpace)}, which the database does not have (schemac does not create filegroups or partition schemes)`);
    }
  }
  // A memory-optimized table lives in the database's MEMORY_OPTIMIZED_DATA filegroup (sys.data_spaces
  // type FX); CREATE TABLE ... MEMORY_OPTIMIZED = ON fails without one (memory-optimized.ts sources).
  if (!current.dataSpaces.some((d) => d.kind === 'memoryOptimizedData')) {
    const tables = desired.tables.filter((t) => t.memoryOptimized !== undefined).map((t) => `${t.schema}.${t.name}`);
    if (tables.length > 0) {
      out.add(`table${tables.length === 1 ? '' : 's'} ${tables.join(', ')} ${tables.length === 1 ? 'is' : 'are'} memory-optimized, and the database has no MEMORY_OPTIMIZED_DATA filegroup (sys.data_spaces type FX); add one first: ALTER DATABASE ... ADD FILEGROUP <name> CONTAINS MEMORY_OPTIMIZED_DATA, then ADD FILE (NAME = ..., FILENAME = '<folder>') TO FILEGROUP <name>`);
    }
  }
  return [...out];
}

/**
 * The model with every placement on `defaultFg` left out, as the catalog leaves it out; the same
 * object when nothing is placed there (the usual case).
 */
export function withoutDefaultPlacement(db: Database, defaultFg: string, key: NameKey): Database {
  const isDefault = (d: DataSpace | undefined): boolean => d !== undefined && d.kind === 'filegroup' && key(d.name) === key(defaultFg);
  const strip = <T extends { readonly dataSpace?: DataSpace }>(o: T): T => {
    if (!isDefault(o.dataSpace)) return o;
    const { dataSpace: _d, ...rest } = o;
    return rest as T;
  };
  if (!dataSpacesNamed(db).some((p) => isDefault(p.dataSpace))) return db;
  return {
    ...db,
    tables: db.tables.map((t) => strip({
      ...t, primaryKey: t.primaryKey === null ? null : strip(t.primaryKey), uniqueConstraints: t.uniqueConstraints.map(strip), indexes: t.indexes.map(strip),
    })),
  };
}

/**
 * Why a unique index or key cannot live on this partition scheme, or null: "when partitioning a
 * UNIQUE index, column_name must be chosen from among those used as the unique key"
 * (create-index-transact-sql, partition_scheme_name ( column_name )), SQL Server's Msg 1908.
 */
export function uniquePartitionProblem(name: string, keyColumns: readonly string[], d: DataSpace | undefined, key: NameKey): string | null {
  if (d === undefined || d.kind !== 'partitionScheme' || keyColumns.some((c) => key(c) === key(d.column))) return null;
  return `unique ${name} on partition scheme ${d.name} must have the partitioning column ${d.column} in its key (SQL Server checks uniqueness within each partition); add it, or place ${name} on a filegroup with on`;
}

/**
 * An index's columns as SQL Server builds it on its place. On a partition scheme a non-unique
 * rowstore index that does not name the partitioning column gets it all the same: a clustered
 * one at the end of its key, a nonclustered one as an included column ("Partitioned indexes",
 * create-index-transact-sql). A unique one must name it already (Msg 1908), and a columnstore
 * one is left as declared. sys.index_columns lists such an added column with key_ordinal 0,
 * is_included_column 0 and partition_ordinal 1 ("Columns implicitly added because they are a
 * partitioning column are returned as 0", sys-index-columns-transact-sql; SMO's IndexedColumn
 * query leaves out exactly those rows), so it is the placement's, not the index's. Comparing
 * what is built makes `(code)` and `(code, bucket)` on ps(bucket) one index, whichever a schema
 * declares and however a server reports the added key column (inferred: the docs do not say
 * which key_ordinal the clustered case shows). The same arrays when nothing is added.
 */
export function builtIndexColumns(index: Pick<Index, 'columns' | 'include' | 'unique' | 'clustered' | 'columnstore' | 'dataSpace'>, key: NameKey): { readonly columns: readonly IndexColumn[]; readonly include: readonly string[] } {
  const d = index.dataSpace;
  const same = { columns: index.columns, include: index.include };
  if (d === undefined || d.kind !== 'partitionScheme' || index.unique || index.columnstore === true) return same;
  const named = (n: string) => key(n) === key(d.column);
  if (index.columns.some((c) => named(c.name))) return same;
  if (index.clustered) return { columns: [...index.columns, { name: d.column, descending: false }], include: index.include };
  return index.include.some(named) ? same : { columns: index.columns, include: [...index.include, d.column] };
}

/**
 * The column a transient clustered index can be built on to move a heap to `to` (no statement moves
 * a heap itself): the partitioning column on a partition scheme, else the first stored column SQL
 * Server takes as a clustered key (not a large object, spatial or sparse column; within the 900
 * bytes of a clustered key; not computed, whose expression may not be deterministic). Null when
 * the table has none.
 */
export function heapMoveKey(columns: readonly Column[], to: DataSpace | undefined, key: NameKey): string | null {
  if (to?.kind === 'partitionScheme') return columns.find((c) => key(c.name) === key(to.column))?.name ?? null;
  const fits = (c: Column): boolean => c.computed === null && c.sparse !== true && notIndexableReason(c.type) === null
    && (keyBytes(c.type) ?? Number.POSITIVE_INFINITY) <= maxKeyBytes(true);
  return columns.find(fits)?.name ?? null;
}
