/**
 * Memory-optimized tables in the stand-in: CREATE TABLE ... WITH (MEMORY_OPTIMIZED = ON,
 * DURABILITY = ...), hash indexes and keys (NONCLUSTERED HASH ... WITH (BUCKET_COUNT = n)), and
 * the only index DDL such a table takes: ALTER TABLE ... ADD INDEX, DROP INDEX, ALTER INDEX ...
 * REBUILD WITH (BUCKET_COUNT = n). Rows are kept as for any table.
 *
 * Sources (Microsoft's documentation, cited in words):
 * - create-table-transact-sql: the memory-optimized syntax; DURABILITY defaults to
 *   SCHEMA_AND_DATA; "The maximum value for BUCKET_COUNT in hash indexes is 1,073,741,824";
 *   "Bucket_count is a required argument"; "Hash indexes are supported only on memory-optimized tables".
 * - determining-the-correct-bucket-count-for-hash-indexes (SQL Server 2014): "The bucket count
 *   will internally be rounded up to the next power of two" (300,000 -> 524,288), which
 *   sys.hash_indexes.bucket_count then shows (sys-hash-indexes-transact-sql: "Count of hash buckets").
 * - indexes-for-memory-optimized-tables: at least one index; SCHEMA_AND_DATA needs a primary key.
 * - altering-memory-optimized-tables: ADD/DROP/ALTER INDEX only through ALTER TABLE, and only on
 *   memory-optimized tables; CREATE INDEX, DROP INDEX, ALTER INDEX are not supported there.
 * - transact-sql-constructs-not-supported-by-in-memory-oltp / unsupported-sql-server-features-
 *   for-in-memory-oltp: no DDL of memory-optimized tables inside a user transaction; no clustered
 *   (rowstore) index; "Most unsupported features will return error 10794".
 * - sys-tables-transact-sql: is_memory_optimized, durability (0 SCHEMA_AND_DATA, 1 SCHEMA_ONLY), durability_desc.
 * Error numbers and wording other than 10794's number are inferred and marked so.
 */
import type { IndexDef } from './ast';
import type { Index, Table } from './catalog';
import { sameName } from './catalog';
import type { DdlContext } from './ddl-constraints';
import { createIndex, removeIndex } from './ddl-constraints';
import { dataSpacesOf } from './ddl-data-spaces';
import type { DdlOption } from './editions';
import { SqlError } from './errors';

const MAX_BUCKET_COUNT = 1_073_741_824;

/** Msg 10794 (number from the page above; wording inferred): a feature memory-optimized tables lack. */
export function notSupported(what: string): SqlError {
  return new SqlError(10794, 16, 1, `The ${what} is not supported with memory optimized tables.`);
}

/** MEMORY_OPTIMIZED = ON and DURABILITY of CREATE TABLE's WITH (...); undefined for a disk-based table. */
export function memoryOption(options: readonly DdlOption[] | undefined): Table['memoryOptimized'] {
  const on = options?.find((o) => o.name === 'MEMORY_OPTIMIZED');
  const durability = options?.find((o) => o.name === 'DURABILITY')?.value;
  if (durability !== undefined && durability !== 'SCHEMA_ONLY' && durability !== 'SCHEMA_AND_DATA') throw new SqlError(155, 15, 1, `'${durability}' is not a recognized DURABILITY option.`);
  if (on === undefined || on.value !== 'ON') {
    // "DURABILITY = SCHEMA_ONLY is only allowed with MEMORY_OPTIMIZED = ON" (wording inferred).
    if (durability === 'SCHEMA_ONLY') throw new SqlError(41316, 16, 1, 'The option DURABILITY = SCHEMA_ONLY is only allowed with MEMORY_OPTIMIZED = ON.');
    return undefined;
  }
  return { durability: durability ?? 'SCHEMA_AND_DATA' };
}

/** Msg 12331 (number and wording inferred): memory-optimized DDL refused inside a user transaction. */
export function refuseInTransaction(ctx: DdlContext): void {
  if (ctx.inTransaction === true) throw new SqlError(12331, 16, 1, 'DDL statements ALTER, DROP and CREATE inside user transactions are not supported with memory optimized tables.');
}

/**
 * A new memory-optimized table: the database needs its MEMORY_OPTIMIZED_DATA filegroup (Msg
 * 41337, inferred), and no ON, TEXTIMAGE_ON, DATA_COMPRESSION or XML_COMPRESSION (10794).
 */
export function checkNewMemoryTable(ctx: DdlContext, options: readonly DdlOption[] | undefined): void {
  refuseInTransaction(ctx);
  if (!dataSpacesOf(ctx.db).some((d) => d.type === 'FX')) {
    throw new SqlError(41337, 16, 1, 'Cannot create memory optimized tables. To create memory optimized tables, the database must have a MEMORY_OPTIMIZED_FILEGROUP that is online and has at least one container.');
  }
  if (options?.some((o) => o.name === 'ON')) throw notSupported('feature \'ON\'');
  if (options?.some((o) => o.name === 'DATA_COMPRESSION')) throw notSupported('option \'DATA_COMPRESSION\'');
  // Inferred by analogy: a memory-optimized table's <table_option> list has no XML_COMPRESSION either.
  if (options?.some((o) => o.name === 'XML_COMPRESSION')) throw notSupported('option \'XML_COMPRESSION\'');
}

/** BUCKET_COUNT of a hash index's WITH (...), as stored: rounded up to a power of two. */
export function bucketCountOf(options: readonly DdlOption[] | undefined, name: string): number {
  const given = options?.find((o) => o.name === 'BUCKET_COUNT');
  // "Bucket_count is a required argument" (wording inferred).
  if (given === undefined) throw new SqlError(41312, 16, 1, `The index '${name}' is a hash index and requires BUCKET_COUNT.`);
  const n = Number(given.value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_BUCKET_COUNT) throw new SqlError(41310, 16, 1, `The bucket count for hash index '${name}' must be a whole number from 1 to ${MAX_BUCKET_COUNT}.`);
  let stored = 1;
  while (stored < n) stored *= 2;
  return stored;
}

/** A hash index or key on `t`: its stored bucket count (10794 on a disk-based table). */
export function hashFacts(t: Table, hash: boolean | undefined, options: readonly DdlOption[] | undefined, name: string): Pick<Index, 'bucketCount'> {
  if (hash !== true) return {};
  // "Hash indexes are supported only on memory-optimized tables" (wording inferred).
  if (t.memoryOptimized === undefined) throw new SqlError(10794, 16, 1, `The index '${name}' is a HASH index, which is supported only with memory optimized tables.`);
  return { bucketCount: bucketCountOf(options, name) };
}

/** An index of a memory-optimized table must be nonclustered (a clustered columnstore aside) and take no rowstore options. */
export function checkMemoryIndex(t: Table, clustered: boolean, columnstore: boolean, options: readonly DdlOption[] | undefined): void {
  if (t.memoryOptimized === undefined) return;
  if (clustered && !columnstore) throw notSupported('feature \'clustered index\'');
  const other = options?.find((o) => !['BUCKET_COUNT', 'COMPRESSION_DELAY'].includes(o.name) && o.name !== 'ON');
  if (other !== undefined) throw notSupported(`index option '${other.name}'`);
}

/**
 * After CREATE TABLE built a memory-optimized table: at least one index, and a primary key for
 * SCHEMA_AND_DATA (numbers and wording inferred).
 */
export function checkMemoryTableDone(t: Table): void {
  if (t.memoryOptimized === undefined) return;
  const indexes = t.indexes.filter((i) => i.indexId > 0);
  if (t.memoryOptimized.durability === 'SCHEMA_AND_DATA' && !t.keys.some((k) => k.type === 'PK')) {
    throw new SqlError(41321, 16, 1, `The memory optimized table '${t.name}' with DURABILITY=SCHEMA_AND_DATA must have a primary key.`);
  }
  if (indexes.length === 0) throw new SqlError(41327, 16, 1, `The memory optimized table '${t.name}' must have at least one index or a primary key.`);
}

/** CREATE INDEX, DROP INDEX and ALTER INDEX statements are refused on a memory-optimized table. */
export function refuseIndexStatement(t: Table, statement: 'CREATE INDEX' | 'DROP INDEX' | 'ALTER INDEX'): void {
  if (t.memoryOptimized !== undefined) throw notSupported(`operation '${statement}'`);
}

/** ALTER TABLE ... ADD | DROP | ALTER INDEX is for memory-optimized tables only (inferred: 10794's wording turned around). */
function memoryOnly(t: Table, what: string): void {
  if (t.memoryOptimized === undefined) throw new SqlError(10794, 16, 1, `The operation '${what}' is supported only with memory optimized tables.`);
}

/** ALTER TABLE t ADD INDEX ... */
export function addIndex(ctx: DdlContext, t: Table, def: IndexDef): void {
  memoryOnly(t, 'ALTER TABLE ADD INDEX');
  createIndex(ctx, t, def);
}

/** ALTER TABLE t DROP INDEX i [, ...]: not an index behind a key, and never the table's last one (inferred). */
export function dropIndexes(t: Table, names: readonly string[]): void {
  memoryOnly(t, 'ALTER TABLE DROP INDEX');
  for (const n of names) {
    const ix = t.indexes.find((i) => i.name !== null && sameName(i.name, n));
    if (!ix) throw new SqlError(3701, 11, 7, `Cannot drop the index '${t.name}.${n}', because it does not exist or you do not have permission.`);
    if (ix.isPrimaryKey || ix.isUniqueConstraint) throw new SqlError(3723, 16, 4, `An explicit DROP INDEX is not allowed on index '${t.name}.${ix.name}'. It is being used for ${ix.isPrimaryKey ? 'PRIMARY KEY' : 'UNIQUE KEY'} constraint enforcement.`);
    if (t.indexes.filter((i) => i.indexId > 0).length === 1) throw new SqlError(41327, 16, 1, `The memory optimized table '${t.name}' must have at least one index or a primary key.`);
    removeIndex(t, ix);
  }
}

/** ALTER TABLE t ALTER INDEX i REBUILD WITH (BUCKET_COUNT = n): a hash index (or a hash key's) gets another bucket count. */
export function rebuildBuckets(t: Table, name: string, options: readonly DdlOption[]): void {
  memoryOnly(t, 'ALTER TABLE ALTER INDEX');
  const ix = t.indexes.find((i) => i.name !== null && sameName(i.name, name));
  if (!ix) throw new SqlError(1088, 16, 9, `Cannot find the object "${name}" because it does not exist or you do not have permissions.`);
  // Inferred: only a hash index has a bucket count to change.
  if (ix.bucketCount === undefined) throw new SqlError(10794, 16, 1, `The option 'BUCKET_COUNT' is supported only for HASH indexes; '${name}' is not one.`);
  ix.bucketCount = bucketCountOf(options, name);
}
