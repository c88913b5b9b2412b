/**
 * The catalog queries: a fixed set of set-based SELECTs over sys.* that read every managed table
 * at once (the same queries for 1 table or 10,000; never one query per table).
 *
 * The SQL is deliberately plain (joins, WHERE, IN, ORDER BY, GROUP BY, CASE, CAST and built-in
 * functions only) because it must run both on SQL Server and on the test stand-in, which
 * evaluates exactly this text. Every column alias is the property name of the snapshot format
 * `schemac.catalog/v1` (design.md "The catalog snapshot"), so result rows are snapshot rows.
 */

import { MODULE_QUERIES } from './queries-modules';

/** The result sets of the catalog batch, in the order the batch returns them. */
export type CatalogQueryName =
  | 'database'
  | 'schemas'
  | 'tables'
  | 'columns'
  | 'indexes'
  | 'index_columns'
  | 'key_constraints'
  | 'check_constraints'
  | 'default_constraints'
  | 'foreign_keys'
  | 'foreign_key_columns'
  | 'row_counts'
  | 'fulltext_index_columns'
  | 'partitions'
  | 'types'
  | 'extended_properties'
  | 'sequences'
  | 'resumable_operations'
  | 'stats'
  | 'stats_columns'
  | 'synonyms'
  | 'table_permissions'
  | 'data_spaces'
  | 'index_data_spaces'
  | 'xml_indexes'
  | 'spatial_index_tessellations'
  | 'edge_constraints'
  | 'edge_constraint_clauses'
  | 'change_tracking_tables'
  | 'cdc_change_tables'
  | 'default_rule_objects'
  | 'ledger_tables'
  | 'ledger_dropped_columns'
  | 'security_policies'
  | 'security_predicates'
  | (typeof MODULE_QUERIES)[number]['name'];

/** One SELECT of the batch and the snapshot array its rows become. */
export interface CatalogQuery {
  readonly name: CatalogQueryName;
  readonly sql: string;
}

// Tables schemac manages: user tables outside its own `schemac` schema (design.md: never touched).
const MANAGED = `t.is_ms_shipped = 0 AND SCHEMA_NAME(t.schema_id) <> N'schemac'`;

/**
 * A query that reads columns SQL Server 2022 (16.x) and Azure SQL added to existing views: the IF
 * alone cannot keep a missing column out, since SQL Server defers binding only for missing
 * objects and binds every statement of an existing view, whichever branch runs (Msg 207 fails the
 * whole batch), so the newer statement is compiled only when it runs, by EXEC(N'...'). `older` is
 * the same shape of result set from what older servers have.
 */
function since2022(newer: string, older: string): string {
  return `IF CAST(SERVERPROPERTY('ProductMajorVersion') AS int) >= 16 OR CAST(SERVERPROPERTY('EngineEdition') AS int) IN (5, 8)
EXEC(N'${newer.replace(/'/g, "''")}')
ELSE
${older}`;
}

// Every index with a name (heaps have none); hypothetical indexes are tuning-advisor leftovers,
// not real ones. Every type is read: rowstore, columnstore, XML and spatial ones are modelled,
// the rest (hash, JSON, selective XML...) kept as opaque objects, so the changes that would
// break them are refused instead of not knowing they exist.
const REAL_INDEX = `i.name IS NOT NULL AND i.is_hypothetical = 0`;

/**
 * sys.indexes with the options schemac manages: ignore_dup_key, fill_factor, is_padded,
 * allow_row_locks, allow_page_locks, and no_recompute of the index's statistics (sys.stats,
 * stats_id = index_id): https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-indexes-transact-sql,
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-stats-transact-sql.
 * The column optimize_for_sequential_key exists from SQL Server 2019 (15.x) only, and a missing
 * column fails the whole batch when it is compiled; INDEXPROPERTY(..., 'IsOptimizedForSequentialKey')
 * is NULL where the property is unknown, so it reads 0 on older servers (SMO's scripting query
 * reads it the same way). A hash index of a memory-optimized table (type_desc NONCLUSTERED HASH)
 * has its bucket count, as stored (a power of two), in sys.hash_indexes (SQL Server 2014+):
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-hash-indexes-transact-sql
 */
const INDEXES_SQL = `SELECT i.object_id, i.index_id, i.name, i.type_desc, i.is_unique, i.is_primary_key,
  i.is_unique_constraint, i.has_filter, i.filter_definition, i.is_disabled, i.ignore_dup_key,
  i.fill_factor, i.is_padded, i.allow_row_locks, i.allow_page_locks,
  CAST(ISNULL(INDEXPROPERTY(i.object_id, i.name, N'IsOptimizedForSequentialKey'), 0) AS bit) AS optimize_for_sequential_key,
  st.no_recompute, h.bucket_count
FROM sys.indexes i
JOIN sys.tables t ON t.object_id = i.object_id
LEFT JOIN sys.stats st ON st.object_id = i.object_id AND st.stats_id = i.index_id
LEFT JOIN sys.hash_indexes h ON h.object_id = i.object_id AND h.index_id = i.index_id
WHERE ${MANAGED} AND ${REAL_INDEX}
ORDER BY i.object_id, i.index_id`;

/** The SELECTs of the catalog batch, in result-set order. */
export const CATALOG_QUERIES: readonly CatalogQuery[] = [
  {
    name: 'database',
    // SERVERPROPERTY and DATABASEPROPERTYEX return sql_variant: cast so drivers get plain text.
    // EngineEdition, Edition and ProductMajorVersion decide online operations (sqlserver/editions.ts;
    // learn.microsoft.com/sql/t-sql/functions/serverproperty-transact-sql). change_tracking_on: the
    // database has change tracking on (a row in sys.change_tracking_databases), which a table's
    // ENABLE CHANGE_TRACKING needs (sqlserver/change-tracking.ts).
    sql: `SELECT DB_NAME() AS [database],
  CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)) AS server_version,
  CAST(DATABASEPROPERTYEX(DB_NAME(), 'Collation') AS nvarchar(128)) AS database_collation,
  CAST(SERVERPROPERTY('EngineEdition') AS int) AS engine_edition,
  CAST(SERVERPROPERTY('Edition') AS nvarchar(128)) AS edition,
  CAST(SERVERPROPERTY('ProductMajorVersion') AS int) AS product_major_version,
  CAST(CASE WHEN EXISTS (SELECT 1 FROM sys.change_tracking_databases ctd WHERE ctd.database_id = DB_ID()) THEN 1 ELSE 0 END AS bit) AS change_tracking_on`,
  },
  {
    name: 'schemas',
    // schema_id >= 16384 are the fixed database-role schemas (db_owner, ...); guest, sys and
    // INFORMATION_SCHEMA are built in; schemac is our own. In a CDC-enabled database the cdc schema
    // is CDC's (sys.sp_cdc_enable_db makes it, with its system tables: sys-sp-cdc-enable-db-transact-sql),
    // never a user's to drop.
    sql: `SELECT s.name
FROM sys.schemas s
WHERE s.schema_id < 16384 AND s.name NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'schemac')
  AND NOT (s.name = N'cdc' AND EXISTS (SELECT 1 FROM sys.databases d WHERE d.database_id = DB_ID() AND d.is_cdc_enabled = 1))
ORDER BY s.name`,
  },
  {
    name: 'tables',
    // temporal_type, history_table_id (SQL Server 2016+) and the retention (2017+) describe
    // system-versioned tables (https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-tables-transact-sql);
    // is_node / is_edge (2017+) graph tables (sql-graph-architecture "Metadata");
    // is_memory_optimized and durability_desc (SCHEMA_ONLY | SCHEMA_AND_DATA; 2014+) memory-optimized tables;
    // lock_escalation the table's LOCK_ESCALATION (sqlserver/lock-escalation.ts); is_tracked_by_cdc
    // change data capture on the table (set by sys.sp_cdc_enable_table; SQL Server 2008+).
    sql: `SELECT t.object_id, SCHEMA_NAME(t.schema_id) AS schema_name, t.name,
  t.temporal_type, t.history_table_id, t.history_retention_period, t.history_retention_period_unit,
  t.is_node, t.is_edge, t.is_memory_optimized, t.durability_desc, t.lock_escalation, t.is_tracked_by_cdc
FROM sys.tables t
WHERE ${MANAGED}
ORDER BY t.object_id`,
  },
  {
    name: 'columns',
    // seed_value/increment_value are sql_variant of the column's type: cast to text so a bigint
    // or decimal seed beyond 2^53 survives; the reader turns small ones back into numbers.
    // system_type_name is set only for alias types (user_type_id differs), e.g. sysname.
    // is_not_for_replication: IDENTITY ... NOT FOR REPLICATION (NULL for a column without identity;
    // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-identity-columns-transact-sql).
    // xml_collection_id names the XML schema collection of a typed xml column (0: untyped).
    // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-xml-schema-collections-transact-sql
    // masking_function: the Dynamic Data Masking function of a masked column (sys.masked_columns
    // holds only masked columns; https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-masked-columns-transact-sql).
    // encryption_type (1 deterministic, 2 randomized; NULL: plaintext), its algorithm and key name:
    // Always Encrypted (sys-columns-transact-sql, sys-column-encryption-keys-transact-sql).
    // default_object_id: "ID of the default object, regardless of whether it's a stand-alone object
    // sys.sp_bindefault, or an inline, column-level DEFAULT constraint"; rule_object_id: "ID of the
    // stand-alone rule bound to the column by using sys.sp_bindrule" (sys-columns-transact-sql).
    // default_rule_objects below tells a bound default from a constraint.
    sql: `SELECT c.object_id, c.column_id, c.name,
  TYPE_NAME(c.user_type_id) AS type_name,
  CASE WHEN c.user_type_id <> c.system_type_id THEN TYPE_NAME(c.system_type_id) ELSE NULL END AS system_type_name,
  CASE WHEN c.user_type_id <> c.system_type_id THEN SCHEMA_NAME(ty.schema_id) ELSE NULL END AS type_schema_name,
  c.max_length, c.[precision], c.scale, c.is_nullable, c.is_identity,
  CAST(ic.seed_value AS nvarchar(50)) AS seed_value,
  CAST(ic.increment_value AS nvarchar(50)) AS increment_value, ic.is_not_for_replication,
  c.collation_name, c.is_computed,
  cc.definition AS computed_definition, cc.is_persisted, c.is_sparse, c.is_column_set, c.is_filestream,
  c.generated_always_type, c.is_hidden,
  SCHEMA_NAME(xsc.schema_id) AS xml_collection_schema, xsc.name AS xml_collection_name, c.is_xml_document, c.is_rowguidcol,
  c.is_masked, mc.masking_function, c.graph_type,
  c.encryption_type, c.encryption_algorithm_name, cek.name AS column_encryption_key_name,
  c.default_object_id, c.rule_object_id
FROM sys.columns c
JOIN sys.tables t ON t.object_id = c.object_id
LEFT JOIN sys.types ty ON ty.user_type_id = c.user_type_id
LEFT JOIN sys.xml_schema_collections xsc ON xsc.xml_collection_id = c.xml_collection_id AND c.xml_collection_id <> 0
LEFT JOIN sys.identity_columns ic ON ic.object_id = c.object_id AND ic.column_id = c.column_id
LEFT JOIN sys.computed_columns cc ON cc.object_id = c.object_id AND cc.column_id = c.column_id
LEFT JOIN sys.masked_columns mc ON mc.object_id = c.object_id AND mc.column_id = c.column_id
LEFT JOIN sys.column_encryption_keys cek ON cek.column_encryption_key_id = c.column_encryption_key_id
WHERE ${MANAGED}
ORDER BY c.object_id, c.column_id`,
  },
  {
    name: 'indexes',
    sql: INDEXES_SQL,
  },
  {
    name: 'index_columns',
    // index_column_id (an extra property) keeps INCLUDE columns in declaration order. A
    // partitioning column SQL Server adds to a partitioned index by itself (neither key nor
    // INCLUDE: create-index-transact-sql, "adds the partitioning column as a non-key (included)
    // column of the index, if it isn't already specified") is the placement's, not the index's.
    sql: `SELECT ic.object_id, ic.index_id, ic.index_column_id, ic.column_id, ic.key_ordinal,
  ic.is_included_column, ic.is_descending_key
FROM sys.index_columns ic
JOIN sys.indexes i ON i.object_id = ic.object_id AND i.index_id = ic.index_id
JOIN sys.tables t ON t.object_id = ic.object_id
WHERE ${MANAGED} AND ${REAL_INDEX} AND NOT (ic.partition_ordinal > 0 AND ic.key_ordinal = 0 AND ic.is_included_column = 0)
ORDER BY ic.object_id, ic.index_id, ic.index_column_id`,
  },
  {
    name: 'key_constraints',
    sql: `SELECT kc.object_id, kc.parent_object_id, kc.unique_index_id, kc.name, kc.type, kc.is_system_named
FROM sys.key_constraints kc
JOIN sys.tables t ON t.object_id = kc.parent_object_id
WHERE ${MANAGED}
ORDER BY kc.parent_object_id, kc.name`,
  },
  {
    name: 'check_constraints',
    // is_not_for_replication: CHECK NOT FOR REPLICATION
    // (https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-check-constraints-transact-sql).
    sql: `SELECT cc.object_id, cc.parent_object_id, cc.parent_column_id, cc.name, cc.definition,
  cc.is_disabled, cc.is_not_trusted, cc.is_system_named, cc.is_not_for_replication
FROM sys.check_constraints cc
JOIN sys.tables t ON t.object_id = cc.parent_object_id
WHERE ${MANAGED}
ORDER BY cc.parent_object_id, cc.name`,
  },
  {
    name: 'default_constraints',
    sql: `SELECT dc.object_id, dc.parent_object_id, dc.parent_column_id, dc.name, dc.definition, dc.is_system_named
FROM sys.default_constraints dc
JOIN sys.tables t ON t.object_id = dc.parent_object_id
WHERE ${MANAGED}
ORDER BY dc.parent_object_id, dc.name`,
  },
  {
    name: 'foreign_keys',
    // is_not_for_replication: REFERENCES ... NOT FOR REPLICATION
    // (https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-foreign-keys-transact-sql).
    sql: `SELECT fk.object_id, fk.parent_object_id, fk.name, fk.referenced_object_id,
  fk.delete_referential_action_desc, fk.update_referential_action_desc,
  fk.is_disabled, fk.is_not_trusted, fk.is_system_named, fk.is_not_for_replication
FROM sys.foreign_keys fk
JOIN sys.tables t ON t.object_id = fk.parent_object_id
WHERE ${MANAGED}
ORDER BY fk.parent_object_id, fk.name`,
  },
  {
    name: 'foreign_key_columns',
    sql: `SELECT fkc.constraint_object_id, fkc.constraint_column_id, fkc.parent_column_id, fkc.referenced_column_id
FROM sys.foreign_key_columns fkc
JOIN sys.tables t ON t.object_id = fkc.parent_object_id
WHERE ${MANAGED}
ORDER BY fkc.constraint_object_id, fkc.constraint_column_id`,
  },
  {
    name: 'row_counts',
    // index_id 0 is the heap, 1 the clustered index: exactly one of them holds every row once,
    // summed over partitions. SUM of bigint is bigint (the reader makes it a number).
    // sys.dm_db_partition_stats also gives used pages (all indexes) but needs VIEW DATABASE STATE
    // (learn.microsoft.com/sql/relational-databases/system-dynamic-management-views/
    // sys-dm-db-partition-stats-transact-sql); without it sys.partitions still gives the rows.
    // Either branch returns one result set of the same shape, so the batch stays fixed.
    sql: `IF HAS_PERMS_BY_NAME(DB_NAME(), 'DATABASE', 'VIEW DATABASE STATE') = 1
SELECT ps.object_id,
  SUM(CASE WHEN ps.index_id IN (0, 1) THEN ps.row_count ELSE 0 END) AS [rows],
  SUM(ps.used_page_count) AS used_pages
FROM sys.dm_db_partition_stats ps
JOIN sys.tables t ON t.object_id = ps.object_id
WHERE ${MANAGED}
GROUP BY ps.object_id
ORDER BY ps.object_id
ELSE
SELECT p.object_id, SUM(p.[rows]) AS [rows], CAST(NULL AS bigint) AS used_pages
FROM sys.partitions p
JOIN sys.tables t ON t.object_id = p.object_id
WHERE ${MANAGED} AND p.index_id IN (0, 1)
GROUP BY p.object_id
ORDER BY p.object_id`,
  },
  {
    name: 'fulltext_index_columns',
    // A full-text index lives outside sys.indexes; its columns cannot be altered or dropped
    // while it exists, so they are read to refuse such changes.
    // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-fulltext-index-columns-transact-sql
    sql: `SELECT fic.object_id, fic.column_id
FROM sys.fulltext_index_columns fic
JOIN sys.tables t ON t.object_id = fic.object_id
WHERE ${MANAGED}
ORDER BY fic.object_id, fic.column_id`,
  },
  {
    name: 'partitions',
    // DATA_COMPRESSION and XML_COMPRESSION per heap (index_id 0) or index, per partition; only
    // the rows that say something (compressed, or a partitioned object), so an ordinary database
    // reads none. data_compression: 0 NONE, 1 ROW, 2 PAGE, 3 COLUMNSTORE, 4 COLUMNSTORE_ARCHIVE;
    // xml_compression (bit) / xml_compression_desc (OFF, ON) exist from SQL Server 2022 (16.x) and
    // in Azure SQL (since2022); older servers read OFF (NULL).
    // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-partitions-transact-sql
    sql: since2022(`SELECT p.object_id, p.index_id, p.partition_number, p.data_compression_desc, p.xml_compression_desc
FROM sys.partitions p
JOIN sys.tables t ON t.object_id = p.object_id
WHERE ${MANAGED} AND (p.data_compression <> 0 OR p.xml_compression = 1 OR p.partition_number > 1)
ORDER BY p.object_id, p.index_id, p.partition_number`, `SELECT p.object_id, p.index_id, p.partition_number, p.data_compression_desc, CAST(NULL AS varchar(3)) AS xml_compression_desc
FROM sys.partitions p
JOIN sys.tables t ON t.object_id = p.object_id
WHERE ${MANAGED} AND (p.data_compression <> 0 OR p.partition_number > 1)
ORDER BY p.object_id, p.index_id, p.partition_number`),
  },
  {
    name: 'types',
    // User alias types (CREATE TYPE ... FROM): not table types, not CLR types (assembly types are
    // read as opaque columns). TYPE_NAME(system_type_id) is the base type; max_length is in bytes
    // as for columns. Columns name their alias through TYPE_NAME(user_type_id) above.
    // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-types-transact-sql
    sql: `SELECT SCHEMA_NAME(ty.schema_id) AS schema_name, ty.name,
  TYPE_NAME(ty.system_type_id) AS system_type_name, ty.max_length, ty.[precision], ty.scale, ty.is_nullable,
  ty.default_object_id, ty.rule_object_id
FROM sys.types ty
WHERE ty.is_user_defined = 1 AND ty.is_table_type = 0 AND ty.is_assembly_type = 0
ORDER BY SCHEMA_NAME(ty.schema_id), ty.name`,
  },
  {
    name: 'extended_properties',
    // Descriptions only: MS_Description on a table (minor_id 0) or a column (minor_id =
    // column_id), class 1 = OBJECT_OR_COLUMN. Other extended properties are not read, so they
    // are never planned or dropped. The value is sql_variant: cast so drivers get plain text.
    // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/extended-properties-catalog-views-sys-extended-properties
    sql: `SELECT ep.major_id, ep.minor_id, ep.name, CAST(ep.value AS nvarchar(max)) AS value
FROM sys.extended_properties ep
JOIN sys.tables t ON t.object_id = ep.major_id
WHERE ep.class = 1 AND ep.name = N'MS_Description' AND ${MANAGED}
ORDER BY ep.major_id, ep.minor_id`,
  },
  {
    name: 'sequences',
    // start_value, increment, minimum_value and maximum_value are sql_variant of the sequence's
    // type: cast to text so a bigint or decimal(38,0) bound survives (as identity seeds above).
    // minimum_value / maximum_value are the type's bounds when none was given; cache_size is NULL
    // for NO CACHE and for CACHE without a size.
    // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-sequences-transact-sql
    sql: `SELECT sq.object_id, SCHEMA_NAME(sq.schema_id) AS schema_name, sq.name,
  TYPE_NAME(sq.system_type_id) AS type_name, sq.system_type_id, sq.user_type_id, sq.[precision],
  CAST(sq.start_value AS nvarchar(50)) AS start_value, CAST(sq.increment AS nvarchar(50)) AS increment,
  CAST(sq.minimum_value AS nvarchar(50)) AS minimum_value, CAST(sq.maximum_value AS nvarchar(50)) AS maximum_value,
  sq.is_cycling, sq.is_cached, sq.cache_size
FROM sys.sequences sq
WHERE SCHEMA_NAME(sq.schema_id) <> N'schemac'
ORDER BY sq.object_id`,
  },
  {
    name: 'resumable_operations',
    // Resumable index builds that have not ended (paused, or running in another session): their
    // index is not in sys.indexes yet, and SQL Server refuses other DDL on the table meanwhile
    // (Msg 10637). The view exists from SQL Server 2017 (14.x) and in Azure SQL
    // (https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-index-resumable-operations);
    // the IF keeps its name out of the statement that runs on older servers, and both branches
    // return one result set of the same shape. percent_complete is real: whole percents are enough.
    sql: `IF CAST(SERVERPROPERTY('ProductMajorVersion') AS int) >= 14 OR CAST(SERVERPROPERTY('EngineEdition') AS int) IN (5, 8)
SELECT ro.object_id, ro.index_id, ro.name, ro.state_desc, CAST(ro.percent_complete AS int) AS percent_complete
FROM sys.index_resumable_operations ro
JOIN sys.tables t ON t.object_id = ro.object_id
WHERE ${MANAGED}
ORDER BY ro.object_id, ro.index_id
ELSE
SELECT t.object_id, CAST(0 AS int) AS index_id, t.name, CAST(N'' AS nvarchar(60)) AS state_desc, CAST(0 AS int) AS percent_complete
FROM sys.tables t
WHERE 1 = 0 AND ${MANAGED}`,
  },
  {
    name: 'stats',
    // Statistics made by CREATE STATISTICS: SQL Server refuses to alter or drop a column they
    // name (Msg 5074), so the differ drops and re-creates them around such a change. Index
    // statistics (user_created = 0) go with their index; auto-created ones SQL Server drops itself.
    // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-stats-transact-sql
    sql: `SELECT s.object_id, s.stats_id, s.name, s.no_recompute, s.is_incremental, s.filter_definition
FROM sys.stats s
JOIN sys.tables t ON t.object_id = s.object_id
WHERE s.user_created = 1 AND ${MANAGED}
ORDER BY s.object_id, s.stats_id`,
  },
  {
    name: 'stats_columns',
    // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-stats-columns-transact-sql
    sql: `SELECT sc.object_id, sc.stats_id, sc.stats_column_id, sc.column_id
FROM sys.stats_columns sc
JOIN sys.stats s ON s.object_id = sc.object_id AND s.stats_id = sc.stats_id
JOIN sys.tables t ON t.object_id = sc.object_id
WHERE s.user_created = 1 AND ${MANAGED}
ORDER BY sc.object_id, sc.stats_id, sc.stats_column_id`,
  },
  {
    name: 'synonyms',
    // Synonyms are bound by name when used, so a renamed or dropped table breaks one silently:
    // read so such a step can say so. base_object_name is the fully quoted name of the base object.
    // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-synonyms-transact-sql
    sql: `SELECT SCHEMA_NAME(sn.schema_id) AS schema_name, sn.name, sn.base_object_name
FROM sys.synonyms sn
WHERE SCHEMA_NAME(sn.schema_id) <> N'schemac'
ORDER BY SCHEMA_NAME(sn.schema_id), sn.name`,
  },
  {
    name: 'table_permissions',
    // GRANT and DENY on managed tables and their columns (class 1 = OBJECT_OR_COLUMN; minor_id the
    // column, 0 the table), so that a move to another schema, which drops them all, grants them
    // again. https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-database-permissions-transact-sql
    sql: `SELECT p.major_id AS object_id, p.minor_id AS column_id, dp.name AS grantee, p.permission_name, p.state
FROM sys.database_permissions p
JOIN sys.database_principals dp ON dp.principal_id = p.grantee_principal_id
JOIN sys.tables t ON t.object_id = p.major_id
WHERE p.class = 1 AND p.state IN ('G', 'W', 'D') AND ${MANAGED}
ORDER BY p.major_id, p.minor_id, dp.name, p.permission_name`,
  },
  {
    name: 'data_spaces',
    // Filegroups (FG) and partition schemes (PS): schemac places tables and indexes on them and
    // refuses a plan that names one the database lacks; it never creates them. FX is the
    // MEMORY_OPTIMIZED_DATA filegroup, which a memory-optimized table needs.
    // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-data-spaces-transact-sql
    sql: `SELECT ds.name, ds.type, ds.is_default
FROM sys.data_spaces ds
WHERE ds.type IN ('FG', 'PS', 'FX')
ORDER BY ds.name`,
  },
  {
    name: 'index_data_spaces',
    // Where each heap (index_id 0) and index lives, only those off the default filegroup (so an
    // ordinary database reads none), with a partitioned one's partitioning column
    // (sys.index_columns.partition_ordinal 1): sys-indexes-transact-sql, sys-index-columns-transact-sql.
    // Only filegroups and schemes: a memory-optimized table's indexes are not placed (they live in
    // memory, the table in the MEMORY_OPTIMIZED_DATA filegroup, whatever the catalog says of them).
    sql: `SELECT i.object_id, i.index_id, ds.name AS data_space_name, ds.type AS data_space_type,
  COL_NAME(pc.object_id, pc.column_id) AS partition_column
FROM sys.indexes i
JOIN sys.tables t ON t.object_id = i.object_id
JOIN sys.data_spaces ds ON ds.data_space_id = i.data_space_id
LEFT JOIN sys.index_columns pc ON pc.object_id = i.object_id AND pc.index_id = i.index_id AND pc.partition_ordinal = 1
WHERE ${MANAGED} AND i.is_hypothetical = 0 AND ds.is_default = 0 AND ds.type IN ('FG', 'PS')
ORDER BY i.object_id, i.index_id`,
  },
  {
    name: 'xml_indexes',
    // What makes an XML index primary or secondary (over which primary, FOR what); selective ones
    // (xml_index_type 2, 3) stay opaque. https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-xml-indexes-transact-sql
    sql: `SELECT xi.object_id, xi.index_id, xi.using_xml_index_id, xi.secondary_type_desc, xi.xml_index_type
FROM sys.xml_indexes xi
JOIN sys.tables t ON t.object_id = xi.object_id
WHERE ${MANAGED}
ORDER BY xi.object_id, xi.index_id`,
  },
  {
    name: 'spatial_index_tessellations',
    // A spatial index's tessellation: scheme, bounding box (geometry), grid densities (manual
    // grids; NULL for the AUTO_GRID schemes) and cells per object.
    // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-spatial-index-tessellations-transact-sql
    sql: `SELECT st.object_id, st.index_id, st.tessellation_scheme,
  st.bounding_box_xmin, st.bounding_box_ymin, st.bounding_box_xmax, st.bounding_box_ymax,
  st.level_1_grid_desc, st.level_2_grid_desc, st.level_3_grid_desc, st.level_4_grid_desc, st.cells_per_object
FROM sys.spatial_index_tessellations st
JOIN sys.tables t ON t.object_id = st.object_id
WHERE ${MANAGED}
ORDER BY st.object_id, st.index_id`,
  },
  {
    name: 'edge_constraints',
    // CONNECTION constraints of edge tables. The views exist from SQL Server 2019 (15.x) and in
    // Azure SQL (https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-edge-constraints-transact-sql);
    // as for resumable_operations, the IF keeps their names out of what runs on older servers.
    sql: `IF CAST(SERVERPROPERTY('ProductMajorVersion') AS int) >= 15 OR CAST(SERVERPROPERTY('EngineEdition') AS int) IN (5, 8)
SELECT ec.object_id, ec.parent_object_id, ec.name, ec.delete_referential_action_desc,
  ec.is_disabled, ec.is_not_trusted, ec.is_system_named
FROM sys.edge_constraints ec
JOIN sys.tables t ON t.object_id = ec.parent_object_id
WHERE ${MANAGED}
ORDER BY ec.parent_object_id, ec.name
ELSE
SELECT t.object_id, t.object_id AS parent_object_id, t.name, CAST(N'' AS nvarchar(60)) AS delete_referential_action_desc,
  CAST(0 AS bit) AS is_disabled, CAST(0 AS bit) AS is_not_trusted, CAST(0 AS bit) AS is_system_named
FROM sys.tables t
WHERE 1 = 0 AND ${MANAGED}`,
  },
  {
    name: 'edge_constraint_clauses',
    // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-edge-constraint-clauses-transact-sql
    sql: `IF CAST(SERVERPROPERTY('ProductMajorVersion') AS int) >= 15 OR CAST(SERVERPROPERTY('EngineEdition') AS int) IN (5, 8)
SELECT ecc.object_id, ecc.clause_number, ecc.from_object_id, ecc.to_object_id
FROM sys.edge_constraint_clauses ecc
JOIN sys.edge_constraints ec ON ec.object_id = ecc.object_id
JOIN sys.tables t ON t.object_id = ec.parent_object_id
WHERE ${MANAGED}
ORDER BY ecc.object_id, ecc.clause_number
ELSE
SELECT t.object_id, CAST(0 AS int) AS clause_number, t.object_id AS from_object_id, t.object_id AS to_object_id
FROM sys.tables t
WHERE 1 = 0 AND ${MANAGED}`,
  },
  {
    name: 'change_tracking_tables',
    // Tables with change tracking on, and whether it records the updated columns (SQL Server 2008+):
    // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/change-tracking-catalog-views-sys-change-tracking-tables
    sql: `SELECT ctt.object_id, ctt.is_track_columns_updated_on
FROM sys.change_tracking_tables ctt
JOIN sys.tables t ON t.object_id = ctt.object_id
WHERE ${MANAGED}
ORDER BY ctt.object_id`,
  },
  {
    name: 'cdc_change_tables',
    // The CDC capture instances of managed tables (cdc.change_tables: source_object_id, capture_instance),
    // named in the warnings of plans that change such a table. The cdc schema and its tables exist
    // only once sys.sp_cdc_enable_db ran (sys.databases.is_cdc_enabled), and reading them needs
    // SELECT on them: the IF keeps a database without CDC, or a login without the permission, on
    // an empty result of the same shape (is_tracked_by_cdc still says which tables are tracked).
    // https://learn.microsoft.com/sql/relational-databases/system-tables/cdc-change-tables-transact-sql
    sql: `IF EXISTS (SELECT 1 FROM sys.databases d WHERE d.database_id = DB_ID() AND d.is_cdc_enabled = 1)
  AND HAS_PERMS_BY_NAME(N'cdc.change_tables', N'OBJECT', N'SELECT') = 1
SELECT ct.source_object_id, ct.capture_instance
FROM cdc.change_tables ct
JOIN sys.tables t ON t.object_id = ct.source_object_id
WHERE ${MANAGED}
ORDER BY ct.source_object_id, ct.capture_instance
ELSE
SELECT t.object_id AS source_object_id, t.name AS capture_instance
FROM sys.tables t
WHERE 1 = 0 AND ${MANAGED}`,
  },
  {
    name: 'ledger_tables',
    // Ledger tables, their history tables and dropped ledger tables (SQL Server keeps those,
    // renamed): sys.tables ledger_type (1 HISTORY_TABLE, 2 UPDATABLE_LEDGER_TABLE,
    // 3 APPEND_ONLY_LEDGER_TABLE), ledger_view_id, history_table_id, is_dropped_ledger_table
    // (https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-tables-transact-sql),
    // and the ledger view's name as sys.ledger_table_history names it (ledger_view_schema_name,
    // ledger_view_name; https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-ledger-table-history-transact-sql).
    // The columns exist from SQL Server 2022 (16.x) and in Azure SQL (since2022); older servers,
    // where no table is a ledger table, read none.
    sql: since2022(`SELECT t.object_id, t.ledger_type, t.ledger_view_id, t.history_table_id, t.is_dropped_ledger_table,
  SCHEMA_NAME(v.schema_id) AS ledger_view_schema_name, v.name AS ledger_view_name
FROM sys.tables t
LEFT JOIN sys.views v ON v.object_id = t.ledger_view_id
WHERE (t.ledger_type <> 0 OR t.is_dropped_ledger_table = 1) AND ${MANAGED}
ORDER BY t.object_id`, `SELECT t.object_id, CAST(0 AS tinyint) AS ledger_type, t.object_id AS ledger_view_id, t.object_id AS history_table_id,
  CAST(0 AS bit) AS is_dropped_ledger_table, t.name AS ledger_view_schema_name, t.name AS ledger_view_name
FROM sys.tables t
WHERE 1 = 0 AND ${MANAGED}`),
  },
  {
    name: 'ledger_dropped_columns',
    // A ledger table's dropped columns: SQL Server hides and renames them and keeps their data
    // (ledger-limits, "Dropping columns and tables"); sys.columns.is_dropped_ledger_column
    // (2022+, since2022: https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-columns-transact-sql).
    sql: since2022(`SELECT c.object_id, c.column_id
FROM sys.columns c
JOIN sys.tables t ON t.object_id = c.object_id
WHERE c.is_dropped_ledger_column = 1 AND ${MANAGED}
ORDER BY c.object_id, c.column_id`, `SELECT t.object_id, CAST(0 AS int) AS column_id
FROM sys.tables t
WHERE 1 = 0 AND ${MANAGED}`),
  },
  {
    name: 'default_rule_objects',
    // Stand-alone defaults (CREATE DEFAULT: type D with parent_object_id 0, so not in
    // sys.default_constraints) and rules (CREATE RULE: type R), which sp_bindefault / sp_bindrule
    // bind to columns and alias types; their text is in sys.sql_modules ("Stand-alone defaults,
    // objects of type D, also have an SQL module definition in this view").
    // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-sql-modules-transact-sql
    sql: `SELECT o.object_id, SCHEMA_NAME(o.schema_id) AS schema_name, o.name, RTRIM(o.type) AS type, m.definition
FROM sys.objects o
LEFT JOIN sys.sql_modules m ON m.object_id = o.object_id
WHERE (o.type = 'R' OR (o.type = 'D' AND o.parent_object_id = 0)) AND o.is_ms_shipped = 0
ORDER BY o.object_id`,
  },
  {
    name: 'security_policies',
    // Row-level security policies (schemac never manages them; differ/security-policies.ts plans
    // around them). The views exist from SQL Server 2016 (13.x) and in Azure SQL
    // (https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-security-policies-transact-sql):
    // as for resumable_operations, the IF keeps their names out of what runs on older servers.
    // is_schema_bound: the column as SQL Server's view names it. The docs page lists
    // is_schemabinding_enabled, but SQL Server Management Objects, which SSMS scripts policies
    // with against real servers, read sp.is_schema_bound (IsSchemaBound in SqlEnum's
    // SecurityPolicy.xml, github.com/microsoft/sqlmanagementobjects).
    sql: `IF CAST(SERVERPROPERTY('ProductMajorVersion') AS int) >= 13 OR CAST(SERVERPROPERTY('EngineEdition') AS int) IN (5, 8)
SELECT p.object_id, SCHEMA_NAME(p.schema_id) AS schema_name, p.name, p.is_enabled, p.is_schema_bound, p.is_not_for_replication
FROM sys.security_policies p
WHERE p.is_ms_shipped = 0 AND SCHEMA_NAME(p.schema_id) <> N'schemac'
ORDER BY p.object_id
ELSE
SELECT t.object_id, t.name AS schema_name, t.name, CAST(0 AS bit) AS is_enabled, CAST(0 AS bit) AS is_schema_bound, CAST(0 AS bit) AS is_not_for_replication
FROM sys.tables t
WHERE 1 = 0 AND ${MANAGED}`,
  },
  {
    name: 'security_predicates',
    // Each ADD FILTER | BLOCK PREDICATE, in the order it was added, with its target's name (a
    // table or a view) and predicate_definition as stored (the function's two-part name and its
    // arguments, bracket-quoted): https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-security-predicates-transact-sql
    sql: `IF CAST(SERVERPROPERTY('ProductMajorVersion') AS int) >= 13 OR CAST(SERVERPROPERTY('EngineEdition') AS int) IN (5, 8)
SELECT sp.object_id, sp.security_predicate_id, sp.target_object_id, SCHEMA_NAME(o.schema_id) AS target_schema_name, o.name AS target_name,
  sp.predicate_definition, sp.predicate_type_desc, sp.operation_desc
FROM sys.security_predicates sp
JOIN sys.security_policies p ON p.object_id = sp.object_id
JOIN sys.objects o ON o.object_id = sp.target_object_id
WHERE p.is_ms_shipped = 0 AND SCHEMA_NAME(p.schema_id) <> N'schemac'
ORDER BY sp.object_id, sp.security_predicate_id
ELSE
SELECT t.object_id, CAST(0 AS int) AS security_predicate_id, t.object_id AS target_object_id, t.name AS target_schema_name, t.name AS target_name,
  CAST(N'' AS nvarchar(max)) AS predicate_definition, CAST(N'' AS nvarchar(60)) AS predicate_type_desc, CAST(NULL AS nvarchar(60)) AS operation_desc
FROM sys.tables t
WHERE 1 = 0 AND ${MANAGED}`,
  },
  ...MODULE_QUERIES,
];

/** The whole catalog read as one batch; its result sets arrive in CATALOG_QUERIES order. */
export const CATALOG_BATCH: string = CATALOG_QUERIES.map((q) => `${q.sql};`).join('\n\n');

/**
 * A cheap fingerprint of the schema, run before and after the batch: SQL Server does not version
 * its metadata, so a moved count or latest modify_date means the batch may have read a mix.
 */
export const FINGERPRINT_QUERY = `SELECT COUNT(*) AS object_count, MAX(o.modify_date) AS last_modified
FROM sys.objects o`;
