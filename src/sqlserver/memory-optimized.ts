/**
 * SQL Server's rules for memory-optimized tables (In-Memory OLTP), once.
 *
 * Sources (Microsoft's documentation):
 * - CREATE TABLE, memory-optimized syntax: MEMORY_OPTIMIZED = ON, DURABILITY = { SCHEMA_ONLY |
 *   SCHEMA_AND_DATA } (the default), indexes inline as INDEX name [NONCLUSTERED] HASH (cols)
 *   WITH (BUCKET_COUNT = n) or [NONCLUSTERED] (cols), keys PRIMARY KEY | UNIQUE NONCLUSTERED
 *   [HASH ... WITH (BUCKET_COUNT = n)]; "The maximum value for BUCKET_COUNT in hash indexes is
 *   1,073,741,824": https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql
 * - "The bucket count will internally be rounded up to the next power of two. For example,
 *   specifying a bucket count of 300,000 will result in an actual bucket count of 524,288":
 *   https://learn.microsoft.com/previous-versions/sql/2014/database-engine/determining-the-correct-bucket-count-for-hash-indexes
 * - "All memory-optimized tables must have at least one index"; "To be declared with the default
 *   DURABILITY=SCHEMA_AND_DATA, the memory-optimized table must have a primary key":
 *   https://learn.microsoft.com/sql/relational-databases/in-memory-oltp/indexes-for-memory-optimized-tables
 * - Indexes change only through ALTER TABLE ... ADD/DROP/ALTER INDEX (bucket count: ALTER INDEX
 *   ... REBUILD WITH (BUCKET_COUNT = n)); CREATE INDEX, DROP INDEX, ALTER INDEX and PAD_INDEX are
 *   refused; ALTER TABLE is offline: https://learn.microsoft.com/sql/relational-databases/in-memory-oltp/altering-memory-optimized-tables
 * - Not supported: ON filegroup, SPARSE, ROWGUIDCOL, FILESTREAM, clustered indexes, filtered
 *   indexes, INCLUDE, index options other than BUCKET_COUNT, ASC/DESC on a hash key,
 *   DATA_COMPRESSION, ALTER SCHEMA ... TRANSFER, "DDL inside transactions" (created or dropped
 *   "in the context of a user transaction"), foreign keys other than to primary keys of other
 *   memory-optimized tables: https://learn.microsoft.com/sql/relational-databases/in-memory-oltp/transact-sql-constructs-not-supported-by-in-memory-oltp;
 *   "Transactional DDL, such as CREATE/ALTER/DROP of In-Memory OLTP objects, is not supported
 *   inside user transactions", partitioning: https://learn.microsoft.com/sql/relational-databases/in-memory-oltp/unsupported-sql-server-features-for-in-memory-oltp
 * - Types not supported: datetimeoffset, geography, geometry, hierarchyid, rowversion,
 *   sql_variant, xml, user-defined (CLR) types:
 *   https://learn.microsoft.com/sql/relational-databases/in-memory-oltp/supported-data-types-for-in-memory-oltp
 *   (text, ntext and image are not listed; inferred unsupported: the page names only the
 *   max types as the large types a memory-optimized table holds).
 * - IDENTITY only as (1, 1) (the memory-optimized <column_definition> of CREATE TABLE).
 */
import type { MemoryOptimized, SqlTypeName } from '../model';

/** DURABILITY when CREATE TABLE does not say. */
export const DEFAULT_DURABILITY: MemoryOptimized['durability'] = 'SCHEMA_AND_DATA';

/** The largest BUCKET_COUNT SQL Server takes. */
export const MAX_BUCKET_COUNT = 1_073_741_824;

/** The bucket count SQL Server keeps for a declared one: the next power of two (itself if it is one). */
export function storedBucketCount(declared: number): number {
  let n = 1;
  while (n < declared) n *= 2;
  return n;
}

/** Whether two bucket counts (declared or stored) give the same hash table. */
export function sameBucketCount(a: number, b: number): boolean {
  return storedBucketCount(a) === storedBucketCount(b);
}

/** Column types a memory-optimized table cannot hold. */
export const MEMORY_UNSUPPORTED_TYPES: ReadonlySet<SqlTypeName> = new Set<SqlTypeName>([
  'datetimeoffset', 'geography', 'geometry', 'hierarchyid', 'rowversion', 'sql_variant', 'xml', 'text', 'ntext', 'image',
]);

/** Whether two tables' memory-optimized settings are the same (both disk-based, or both with one durability). */
export function sameMemoryOptimized(a: MemoryOptimized | undefined, b: MemoryOptimized | undefined): boolean {
  return a?.durability === b?.durability;
}

/** `memory-optimized (SCHEMA_ONLY)` or `disk-based`, for messages. */
export function memoryOptimizedText(m: MemoryOptimized | undefined): string {
  return m === undefined ? 'disk-based' : `memory-optimized (DURABILITY = ${m.durability})`;
}
