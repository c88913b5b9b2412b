/**
 * The rows of a `schemac.catalog/v1` snapshot (design.md "The catalog snapshot"): one array per
 * sys.* view, properties named exactly as that view's columns. Files may hold extra properties;
 * they are accepted and kept as they are, but the types below name only what schemac reads.
 */

/** The format tag of every snapshot file this module reads and writes. */
export const SNAPSHOT_FORMAT = 'schemac.catalog/v1';

/** An identity seed or increment: a number, or a decimal string when beyond 2^53. */
export type DecimalValue = number | string;

/** sys.tables (+ SCHEMA_NAME(schema_id)). */
export interface TableRow {
  readonly object_id: number;
  readonly schema_name: string;
  readonly name: string;
  /** 0 ordinary, 1 the history table of a versioned table, 2 system-versioned (optional: older snapshots lack it). */
  readonly temporal_type?: number | null;
  /** The history table's object_id, for temporal_type 2 (optional). */
  readonly history_table_id?: number | null;
  /** HISTORY_RETENTION_PERIOD's count; -1 for INFINITE (optional). */
  readonly history_retention_period?: number | null;
  /** Its unit: -1 INFINITE, 3 DAY, 4 WEEK, 5 MONTH, 6 YEAR (optional). */
  readonly history_retention_period_unit?: number | null;
  /** 1 for a memory-optimized table (optional: older snapshots lack it, read as disk-based). */
  readonly is_memory_optimized?: boolean | null;
  /** SCHEMA_AND_DATA or SCHEMA_ONLY for a memory-optimized table (optional). */
  readonly durability_desc?: string | null;
  /** sys.tables.is_node: AS NODE (SQL Server 2017+; optional: older snapshots and servers lack it). */
  readonly is_node?: boolean | null;
  /** sys.tables.is_edge: AS EDGE (SQL Server 2017+; optional). */
  readonly is_edge?: boolean | null;
  /** sys.tables.is_tracked_by_cdc: change data capture on (optional: older snapshots lack it, read as off). */
  readonly is_tracked_by_cdc?: boolean | null;
  /** sys.tables.lock_escalation: 0 TABLE, 1 DISABLE, 2 AUTO (optional: older snapshots lack it, read as TABLE). */
  readonly lock_escalation?: number | null;
}

/** sys.columns (+ TYPE_NAME, sys.identity_columns, sys.computed_columns). */
export interface ColumnRow {
  readonly object_id: number;
  readonly column_id: number;
  readonly name: string;
  /** TYPE_NAME(user_type_id): an alias type's own name for alias types. */
  readonly type_name: string;
  /** TYPE_NAME(system_type_id) for alias types; absent or null otherwise. */
  readonly system_type_name?: string | null;
  /** SCHEMA_NAME of an alias type (sys for sysname); absent or null otherwise (optional). */
  readonly type_schema_name?: string | null;
  /** In bytes, -1 for MAX (nvarchar(255) is 510). */
  readonly max_length: number;
  readonly precision: number;
  readonly scale: number;
  readonly is_nullable: boolean;
  readonly is_identity: boolean;
  readonly seed_value: DecimalValue | null;
  readonly increment_value: DecimalValue | null;
  /** sys.identity_columns.is_not_for_replication; null without identity (optional: older snapshots lack it, read as false). */
  readonly is_not_for_replication?: boolean | null;
  readonly collation_name: string | null;
  readonly is_computed: boolean;
  readonly computed_definition: string | null;
  readonly is_persisted?: boolean | null;
  /** sys.columns.is_sparse (optional: older snapshots lack it). */
  readonly is_sparse?: boolean | null;
  /** sys.columns.is_column_set: the xml column of a column set (optional). */
  readonly is_column_set?: boolean | null;
  /** sys.columns.is_filestream: a varbinary(max) FILESTREAM column (optional: older snapshots lack it). */
  readonly is_filestream?: boolean | null;
  /**
   * sys.columns.generated_always_type: 1 AS_ROW_START, 2 AS_ROW_END, 0 otherwise; a ledger
   * table's columns have the ledger values (read-ledger.ts) (optional).
   */
  readonly generated_always_type?: number | null;
  /** sys.columns.is_hidden: a HIDDEN period column (optional). */
  readonly is_hidden?: boolean | null;
  /** Typed xml: the schema and name of sys.columns.xml_collection_id's collection (optional; null when untyped). */
  readonly xml_collection_schema?: string | null;
  readonly xml_collection_name?: string | null;
  /** sys.columns.is_xml_document: DOCUMENT rather than CONTENT (optional). */
  readonly is_xml_document?: boolean | null;
  /** sys.columns.is_rowguidcol (optional: older snapshots lack it, read as false). */
  readonly is_rowguidcol?: boolean | null;
  /** sys.columns.is_masked: Dynamic Data Masking (optional: older snapshots lack it, read as not masked). */
  readonly is_masked?: boolean | null;
  /** sys.masked_columns.masking_function, e.g. `partial(1, "XXXX", 0)` (optional; null when not masked). */
  readonly masking_function?: string | null;
  /** sys.columns.encryption_type: 1 deterministic, 2 randomized, null plaintext (Always Encrypted; optional). */
  readonly encryption_type?: number | null;
  /** sys.columns.encryption_algorithm_name, e.g. AEAD_AES_256_CBC_HMAC_SHA_256 (optional). */
  readonly encryption_algorithm_name?: string | null;
  /** sys.column_encryption_keys.name of the column's column_encryption_key_id (optional). */
  readonly column_encryption_key_name?: string | null;
  /**
   * sys.columns.graph_type: 1-8 for the graph columns SQL Server keeps in node and edge tables,
   * NULL for user columns (read-graph.ts; SQL Server 2017+; optional).
   */
  readonly graph_type?: number | null;
  /**
   * sys.columns.default_object_id: the column's default, a DEFAULT constraint's id or a bound
   * default object's (CREATE DEFAULT + sp_bindefault; listed in default_rule_objects); 0 none
   * (optional: older snapshots lack it, read as no bound default).
   */
  readonly default_object_id?: number | null;
  /** sys.columns.rule_object_id: a rule bound with sp_bindrule (listed in default_rule_objects); 0 none (optional). */
  readonly rule_object_id?: number | null;
}

/**
 * sys.indexes: every named, not hypothetical index. Types other than CLUSTERED, NONCLUSTERED,
 * CLUSTERED COLUMNSTORE and NONCLUSTERED COLUMNSTORE (XML, SPATIAL, hash...) are read as opaque objects.
 */
export interface IndexRow {
  readonly object_id: number;
  readonly index_id: number;
  readonly name: string;
  readonly type_desc: string;
  readonly is_unique: boolean;
  readonly is_primary_key: boolean;
  readonly is_unique_constraint: boolean;
  readonly has_filter: boolean;
  readonly filter_definition: string | null;
  readonly is_disabled: boolean;
  /** sys.indexes.ignore_dup_key (optional: older snapshots lack it, read as false). */
  readonly ignore_dup_key?: boolean | null;
  /** sys.indexes.fill_factor (optional: older snapshots lack these options, read as defaults). */
  readonly fill_factor?: number | null;
  readonly is_padded?: boolean | null;
  readonly allow_row_locks?: boolean | null;
  readonly allow_page_locks?: boolean | null;
  /** sys.indexes.optimize_for_sequential_key (SQL Server 2019+; 0 before). */
  readonly optimize_for_sequential_key?: boolean | null;
  /** sys.stats.no_recompute of the index's statistics (stats_id = index_id). */
  readonly no_recompute?: boolean | null;
  /** sys.hash_indexes.bucket_count of a NONCLUSTERED HASH index, as stored (optional; NULL for others). */
  readonly bucket_count?: number | null;
}

/** sys.index_columns. */
export interface IndexColumnRow {
  readonly object_id: number;
  readonly index_id: number;
  /** Position in the index definition; orders INCLUDE columns (optional: key_ordinal is 0 for them). */
  readonly index_column_id?: number;
  readonly column_id: number;
  /** 1-based key position; 0 for INCLUDE columns. */
  readonly key_ordinal: number;
  readonly is_included_column: boolean;
  readonly is_descending_key: boolean;
}

/** sys.key_constraints: PRIMARY KEY ('PK') and UNIQUE ('UQ'). */
export interface KeyConstraintRow {
  readonly parent_object_id: number;
  readonly unique_index_id: number;
  readonly name: string;
  readonly type: 'PK' | 'UQ';
  readonly is_system_named: boolean;
}

/** sys.check_constraints; parent_column_id 0 for a table-level check. */
export interface CheckConstraintRow {
  readonly parent_object_id: number;
  readonly parent_column_id: number;
  readonly name: string;
  readonly definition: string;
  readonly is_disabled: boolean;
  readonly is_not_trusted: boolean;
  readonly is_system_named: boolean;
  /** sys.check_constraints.is_not_for_replication (optional: older snapshots lack it, read as false). */
  readonly is_not_for_replication?: boolean | null;
}

/** sys.default_constraints. */
export interface DefaultConstraintRow {
  readonly parent_object_id: number;
  readonly parent_column_id: number;
  readonly name: string;
  readonly definition: string;
  readonly is_system_named: boolean;
}

/** sys.foreign_keys' *_referential_action_desc values. */
export type ReferentialActionDesc = 'NO_ACTION' | 'CASCADE' | 'SET_NULL' | 'SET_DEFAULT';

/** sys.foreign_keys. */
export interface ForeignKeyRow {
  readonly object_id: number;
  readonly parent_object_id: number;
  readonly name: string;
  readonly referenced_object_id: number;
  readonly delete_referential_action_desc: ReferentialActionDesc;
  readonly update_referential_action_desc: ReferentialActionDesc;
  readonly is_disabled: boolean;
  readonly is_not_trusted: boolean;
  readonly is_system_named: boolean;
  /** sys.foreign_keys.is_not_for_replication (optional: older snapshots lack it, read as false). */
  readonly is_not_for_replication?: boolean | null;
}

/** sys.foreign_key_columns. */
export interface ForeignKeyColumnRow {
  readonly constraint_object_id: number;
  readonly constraint_column_id: number;
  readonly parent_column_id: number;
  readonly referenced_column_id: number;
}

/**
 * Rows per table: sys.dm_db_partition_stats row_count over index_id 0 or 1 (sys.partitions rows
 * when the login lacks VIEW DATABASE STATE), and the 8-KB pages the table and its indexes use
 * (`used_pages`, from sys.dm_db_partition_stats only; null or absent without the permission).
 */
export interface RowCountRow {
  readonly object_id: number;
  readonly rows: DecimalValue;
  readonly used_pages?: number | null;
}

/** sys.fulltext_index_columns: a column in the table's full-text index (an optional array). */
export interface FulltextIndexColumnRow {
  readonly object_id: number;
  readonly column_id: number;
}

/**
 * sys.database_permissions on a table (column_id 0) or one of its columns (an optional array:
 * absent in older snapshots, where permissions were not read). state: G grant, W grant with grant
 * option, D deny. https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-database-permissions-transact-sql
 */
export interface TablePermissionRow {
  readonly object_id: number;
  readonly column_id: number;
  readonly grantee: string;
  readonly permission_name: string;
  readonly state: string;
}

/**
 * sys.synonyms (an optional array): base_object_name as stored, fully quoted.
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-synonyms-transact-sql
 */
export interface SynonymRow {
  readonly schema_name: string;
  readonly name: string;
  readonly base_object_name: string;
}

/**
 * sys.stats rows made by CREATE STATISTICS (user_created = 1; an optional array): not the
 * statistics of indexes, not auto-created ones. filter_definition as stored, NULL when unfiltered.
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-stats-transact-sql
 */
export interface StatsRow {
  readonly object_id: number;
  readonly stats_id: number;
  readonly name: string;
  readonly no_recompute: boolean;
  readonly is_incremental: boolean;
  readonly filter_definition: string | null;
}

/** sys.stats_columns rows of those statistics (an optional array, with `stats`). */
export interface StatsColumnRow {
  readonly object_id: number;
  readonly stats_id: number;
  readonly stats_column_id: number;
  readonly column_id: number;
}

/**
 * sys.partitions: one partition of a heap or index whose compression is not NONE (or whose XML
 * compression is ON), or of an object with more than one partition (an optional array; absent
 * rows mean NONE and OFF). data_compression_desc: NONE, ROW, PAGE, COLUMNSTORE,
 * COLUMNSTORE_ARCHIVE (other values are kept as read). xml_compression_desc (SQL Server 2022+):
 * OFF or ON; absent or null (older servers, older snapshots): OFF.
 */
export interface PartitionRow {
  readonly object_id: number;
  readonly index_id: number;
  readonly partition_number: number;
  readonly data_compression_desc: string;
  readonly xml_compression_desc?: string | null;
}

/**
 * sys.index_resumable_operations: a resumable index build that has not ended, paused or running
 * (SQL Server 2017+, Azure SQL). An optional array.
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-index-resumable-operations
 */
export interface ResumableOperationRow {
  readonly object_id: number;
  readonly index_id: number;
  readonly name: string;
  /** RUNNING or PAUSED. */
  readonly state_desc: string;
  /** Whole percents (the view's real, cast to int). */
  readonly percent_complete: number;
}

/**
 * sys.edge_constraints: a CONNECTION constraint of an edge table (SQL Server 2019+, Azure SQL).
 * An optional array. https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-edge-constraints-transact-sql
 */
export interface EdgeConstraintRow {
  readonly object_id: number;
  readonly parent_object_id: number;
  readonly name: string;
  /** NO_ACTION or CASCADE. */
  readonly delete_referential_action_desc: string;
  readonly is_disabled: boolean;
  readonly is_not_trusted: boolean;
  readonly is_system_named: boolean;
}

/**
 * sys.edge_constraint_clauses: one `from TO to` pair of an edge constraint (optional array).
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-edge-constraint-clauses-transact-sql
 */
export interface EdgeConstraintClauseRow {
  readonly object_id: number;
  readonly clause_number: number;
  readonly from_object_id: number;
  readonly to_object_id: number;
}

/**
 * sys.sequences (+ SCHEMA_NAME, TYPE_NAME(system_type_id)): an optional array. The values are
 * sql_variant of the sequence's type, read as text: a number, or a decimal string beyond 2^53.
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-sequences-transact-sql
 */
export interface SequenceRow {
  readonly object_id: number;
  readonly schema_name: string;
  readonly name: string;
  /** TYPE_NAME(system_type_id): the base type (an alias-typed sequence reads as its base). */
  readonly type_name: string;
  readonly system_type_id?: number;
  readonly user_type_id?: number;
  /** Digits of decimal/numeric (and the integer types' fixed precision). */
  readonly precision: number;
  readonly start_value: DecimalValue;
  readonly increment: DecimalValue;
  /** The type's smallest value when NO MINVALUE was given. */
  readonly minimum_value: DecimalValue;
  readonly maximum_value: DecimalValue;
  readonly is_cycling: boolean;
  readonly is_cached: boolean;
  /** NULL for NO CACHE and for CACHE without a size. */
  readonly cache_size: number | null;
}

/** sys.types rows of user alias types (is_user_defined = 1, not table or CLR types): an optional array. */
export interface TypeRow {
  readonly schema_name: string;
  readonly name: string;
  /** TYPE_NAME(system_type_id): the base type. */
  readonly system_type_name: string;
  /** In bytes, -1 for MAX, as sys.columns. */
  readonly max_length: number;
  readonly precision: number;
  readonly scale: number;
  /** Whether a column of the type is NULL when it does not say. */
  readonly is_nullable: boolean;
  /** sys.types.default_object_id / rule_object_id: a default or rule bound to the type (0 none; optional). */
  readonly default_object_id?: number | null;
  readonly rule_object_id?: number | null;
}

/**
 * sys.objects of type D whose parent_object_id is 0 (a stand-alone default: CREATE DEFAULT) or
 * of type R (CREATE RULE), with sys.sql_modules.definition (an optional array). Columns and alias
 * types name them by object_id. https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-sql-modules-transact-sql
 */
export interface DefaultRuleObjectRow {
  readonly object_id: number;
  readonly schema_name: string;
  readonly name: string;
  /** sys.objects.type: 'D' or 'R' (SQL Server pads it to char(2): 'D '). */
  readonly type: string;
  /** As stored (`CREATE DEFAULT zero AS 0`); null when not visible. */
  readonly definition: string | null;
}

/**
 * sys.security_policies (SQL Server 2016+, Azure SQL): a row-level security policy (an optional
 * array). is_schema_bound is the name SQL Server's view gives the column (read as such by tools
 * that query it); the docs page lists it as is_schemabinding_enabled (inferred: the same flag).
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-security-policies-transact-sql
 */
export interface SecurityPolicyRow {
  readonly object_id: number;
  readonly schema_name: string;
  readonly name: string;
  readonly is_enabled: boolean;
  readonly is_schema_bound: boolean;
  readonly is_not_for_replication: boolean;
}

/**
 * sys.security_predicates with its target's name (an optional array): one ADD FILTER | BLOCK
 * PREDICATE of a policy, in security_predicate_id order.
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-security-predicates-transact-sql
 */
export interface SecurityPredicateRow {
  /** The policy's object_id. */
  readonly object_id: number;
  readonly security_predicate_id: number;
  readonly target_object_id: number;
  readonly target_schema_name: string;
  readonly target_name: string;
  /** As stored: `[dbo].[fn_securitypredicate]([wing], [startTime], [endTime])`. */
  readonly predicate_definition: string;
  /** FILTER or BLOCK. */
  readonly predicate_type_desc: string;
  /** NULL (every operation), AFTER INSERT, AFTER UPDATE, BEFORE UPDATE or BEFORE DELETE. */
  readonly operation_desc: string | null;
}

/**
 * sys.objects joined to sys.sql_modules: a view, procedure, function or trigger (an optional
 * array). https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-sql-modules-transact-sql
 */
export interface SqlModuleRow {
  readonly object_id: number;
  readonly schema_name: string;
  readonly name: string;
  /** sys.objects.type without its padding: V, P, FN, IF, TF or TR. */
  readonly type: 'V' | 'P' | 'FN' | 'IF' | 'TF' | 'TR';
  /** The table of a trigger; 0 for other modules. */
  readonly parent_object_id: number;
  /** The text as stored; null when encrypted or not visible. */
  readonly definition: string | null;
  readonly is_schema_bound: boolean;
  readonly uses_ansi_nulls: boolean;
  readonly uses_quoted_identifier: boolean;
}

/**
 * sys.sql_expression_dependencies between objects (referenced_class 1), resolved ones only
 * (referenced_id not null). referenced_minor_id is a column id, or 0 for the object itself:
 * non-schema-bound references carry 0 (column detail only in the per-object
 * sys.dm_sql_referenced_entities, which schemac does not call). An optional array.
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-sql-expression-dependencies-transact-sql
 */
export interface SqlExpressionDependencyRow {
  readonly referencing_id: number;
  readonly referenced_id: number;
  readonly referenced_minor_id: number;
  readonly is_schema_bound_reference: boolean;
}

/** sys.indexes of an indexed view (an optional array). */
export interface ViewIndexRow {
  readonly object_id: number;
  readonly index_id: number;
  readonly name: string;
  readonly type_desc: string;
  readonly is_unique: boolean;
}

/** sys.index_columns of an indexed view, with the view column's name (an optional array). */
export interface ViewIndexColumnRow {
  readonly object_id: number;
  readonly index_id: number;
  readonly index_column_id: number;
  readonly column_name: string;
  readonly key_ordinal: number;
  readonly is_included_column: boolean;
  readonly is_descending_key: boolean;
}

/**
 * sys.extended_properties (class 1, name MS_Description): a table's (minor_id 0) or a column's
 * (minor_id = column_id) description; `value` is the sql_variant cast to nvarchar (an optional array).
 */
export interface ExtendedPropertyRow {
  readonly major_id: number;
  readonly minor_id: number;
  readonly name: string;
  readonly value: string | null;
}

/** A whole catalog read: what `schemac snapshot` writes and `--catalog FILE` reads. */
export interface CatalogSnapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  /** DB_NAME(). */
  readonly database: string;
  /** SERVERPROPERTY('ProductVersion'). */
  readonly server_version: string;
  /** DATABASEPROPERTYEX(DB_NAME(), 'Collation'); SQL_Latin1_General_CP1_CI_AS when absent. */
  readonly database_collation?: string | null;
  /** SERVERPROPERTY('EngineEdition'): 2 Standard, 3 Enterprise/Developer, 4 Express, 5 Azure SQL Database, 8 Managed Instance. */
  readonly engine_edition?: number | null;
  /** SERVERPROPERTY('Edition'), e.g. 'Standard Edition (64-bit)'. */
  readonly edition?: string | null;
  /** SERVERPROPERTY('ProductMajorVersion'), e.g. 16. */
  readonly product_major_version?: number | null;
  /** The database has change tracking on (a sys.change_tracking_databases row); absent in older snapshots: not known. */
  readonly change_tracking_on?: boolean | null;
  /** User schema names; derived from the tables when absent. */
  readonly schemas?: readonly string[];
  readonly tables: readonly TableRow[];
  readonly columns: readonly ColumnRow[];
  readonly indexes: readonly IndexRow[];
  readonly index_columns: readonly IndexColumnRow[];
  readonly key_constraints: readonly KeyConstraintRow[];
  readonly check_constraints: readonly CheckConstraintRow[];
  readonly default_constraints: readonly DefaultConstraintRow[];
  readonly foreign_keys: readonly ForeignKeyRow[];
  readonly foreign_key_columns: readonly ForeignKeyColumnRow[];
  readonly row_counts: readonly RowCountRow[];
  /** Optional (added after v1 shipped; absent in older snapshots). */
  readonly fulltext_index_columns?: readonly FulltextIndexColumnRow[];
  /** Optional: compressed or partitioned heaps and indexes (absent: every one is NONE, one partition). */
  readonly partitions?: readonly PartitionRow[];
  /** Optional: user alias types (absent in older snapshots and when the database has none). */
  readonly types?: readonly TypeRow[];
  /** Optional: descriptions (absent when the database has none, and in older snapshots). */
  readonly extended_properties?: readonly ExtendedPropertyRow[];
  /** Views, procedures, functions, triggers and what they reference (optional). */
  readonly sql_modules?: readonly SqlModuleRow[];
  readonly sql_expression_dependencies?: readonly SqlExpressionDependencyRow[];
  readonly view_indexes?: readonly ViewIndexRow[];
  readonly view_index_columns?: readonly ViewIndexColumnRow[];
  /** Optional: sequences (absent when the database has none, and in older snapshots). */
  readonly sequences?: readonly SequenceRow[];
  /** Optional: resumable index builds that have not ended (absent when there are none, and in older snapshots). */
  readonly resumable_operations?: readonly ResumableOperationRow[];
  /** Optional: CREATE STATISTICS objects and their columns (absent when there are none, and in older snapshots). */
  readonly stats?: readonly StatsRow[];
  readonly stats_columns?: readonly StatsColumnRow[];
  /** Optional: synonyms (absent when there are none, and in older snapshots). */
  readonly synonyms?: readonly SynonymRow[];
  /** Optional: permissions on tables and their columns (absent in older snapshots: not read). */
  readonly table_permissions?: readonly TablePermissionRow[];
  /** Optional: filegroups and partition schemes (absent in older snapshots: not checked). */
  readonly data_spaces?: readonly DataSpaceRow[];
  /** Optional: heaps and indexes off the default filegroup (absent: every one is on it). */
  readonly index_data_spaces?: readonly IndexDataSpaceRow[];
  /** Optional: XML indexes and spatial tessellations (absent in older snapshots: such indexes then read as opaque). */
  readonly xml_indexes?: readonly XmlIndexRow[];
  readonly spatial_index_tessellations?: readonly SpatialIndexTessellationRow[];
  /** Optional: edge constraints of edge tables and their clauses (absent when there are none, and in older snapshots). */
  readonly edge_constraints?: readonly EdgeConstraintRow[];
  readonly edge_constraint_clauses?: readonly EdgeConstraintClauseRow[];
  /** Optional: tables with change tracking on (absent when there are none, and in older snapshots). */
  readonly change_tracking_tables?: readonly ChangeTrackingTableRow[];
  /** Optional: CDC capture instances (absent when there are none or they could not be read, and in older snapshots). */
  readonly cdc_change_tables?: readonly CdcChangeTableRow[];
  /** Optional: CREATE DEFAULT and CREATE RULE objects (absent when there are none, and in older snapshots). */
  readonly default_rule_objects?: readonly DefaultRuleObjectRow[];
  /** Optional: ledger tables, their history tables and dropped ones (SQL Server 2022+; absent when there are none, and in older snapshots). */
  readonly ledger_tables?: readonly LedgerTableRow[];
  /** Optional: the columns SQL Server keeps after a DROP COLUMN on a ledger table (SQL Server 2022+). */
  readonly ledger_dropped_columns?: readonly LedgerDroppedColumnRow[];
  /** Optional: row-level security policies and their predicates (SQL Server 2016+; absent when there are none, and in older snapshots). */
  readonly security_policies?: readonly SecurityPolicyRow[];
  readonly security_predicates?: readonly SecurityPredicateRow[];
}

/**
 * sys.tables' ledger columns (an optional array; SQL Server 2022+ and Azure SQL) of every table
 * that is a ledger table, a ledger history table or a dropped ledger table, with the ledger
 * view's name (sys.views, as sys.ledger_table_history names it).
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-tables-transact-sql
 */
export interface LedgerTableRow {
  readonly object_id: number;
  /** 1 HISTORY_TABLE, 2 UPDATABLE_LEDGER_TABLE, 3 APPEND_ONLY_LEDGER_TABLE (0 NON_LEDGER_TABLE). */
  readonly ledger_type: number;
  /** The ledger view's object_id, for ledger_type 2 and 3. */
  readonly ledger_view_id: number | null;
  /** The history table's object_id, for ledger_type 2. */
  readonly history_table_id: number | null;
  /** A ledger table DROP TABLE renamed and kept (MSSQL_DroppedLedgerTable_<name>_<GUID>). */
  readonly is_dropped_ledger_table: boolean;
  readonly ledger_view_schema_name: string | null;
  readonly ledger_view_name: string | null;
}

/**
 * sys.columns.is_dropped_ledger_column = 1 (an optional array): a ledger table's column that
 * DROP COLUMN hid and renamed, keeping its data for verification (ledger-limits, "Dropping
 * columns and tables").
 */
export interface LedgerDroppedColumnRow {
  readonly object_id: number;
  readonly column_id: number;
}

/** sys.change_tracking_tables: a table with change tracking on. */
export interface ChangeTrackingTableRow {
  readonly object_id: number;
  readonly is_track_columns_updated_on: boolean;
}

/** cdc.change_tables: one capture instance of a table (at most two per table). */
export interface CdcChangeTableRow {
  readonly source_object_id: number;
  readonly capture_instance: string;
}

/** sys.data_spaces: a filegroup (type FG) or partition scheme (PS). */
export interface DataSpaceRow {
  readonly name: string;
  readonly type: string;
  readonly is_default: boolean;
}

/** Where a heap (index_id 0) or index lives, when not on the default filegroup. */
export interface IndexDataSpaceRow {
  readonly object_id: number;
  readonly index_id: number;
  readonly data_space_name: string;
  /** FG or PS (sys.data_spaces.type). */
  readonly data_space_type: string;
  /** The partitioning column of a PS placement (sys.index_columns.partition_ordinal 1); null on a filegroup. */
  readonly partition_column: string | null;
}

/**
 * sys.xml_indexes (an optional array): XML indexes (sys.indexes type 3) beyond what sys.indexes
 * says: xml_index_type 0 primary, 1 secondary, 2 selective, 3 secondary selective; a secondary's
 * primary (using_xml_index_id) and kind (secondary_type_desc PATH, VALUE or PROPERTY).
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-xml-indexes-transact-sql
 */
export interface XmlIndexRow {
  readonly object_id: number;
  readonly index_id: number;
  readonly using_xml_index_id: number | null;
  readonly secondary_type_desc: string | null;
  readonly xml_index_type: number;
}

/**
 * sys.spatial_index_tessellations (an optional array): each spatial index's (sys.indexes type 4)
 * scheme, bounding box, grid densities and cells per object.
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-spatial-index-tessellations-transact-sql
 */
export interface SpatialIndexTessellationRow {
  readonly object_id: number;
  readonly index_id: number;
  readonly tessellation_scheme: string;
  readonly bounding_box_xmin: number | null;
  readonly bounding_box_ymin: number | null;
  readonly bounding_box_xmax: number | null;
  readonly bounding_box_ymax: number | null;
  readonly level_1_grid_desc: string | null;
  readonly level_2_grid_desc: string | null;
  readonly level_3_grid_desc: string | null;
  readonly level_4_grid_desc: string | null;
  readonly cells_per_object: number | null;
}

/** Row arrays a snapshot may leave out (older files); validated and written when present. */
export type OptionalRowArrayName = 'fulltext_index_columns' | 'partitions' | 'types' | 'extended_properties'
  | 'sql_modules' | 'sql_expression_dependencies' | 'view_indexes' | 'view_index_columns' | 'sequences' | 'resumable_operations'
  | 'stats' | 'stats_columns' | 'synonyms' | 'table_permissions'
  | 'data_spaces' | 'index_data_spaces' | 'edge_constraints' | 'edge_constraint_clauses' | 'xml_indexes' | 'spatial_index_tessellations'
  | 'change_tracking_tables' | 'cdc_change_tables'
  | 'default_rule_objects' | 'ledger_tables' | 'ledger_dropped_columns' | 'security_policies' | 'security_predicates';

/** The names of the required row arrays, in file order. */
export type RowArrayName = Exclude<keyof CatalogSnapshot, 'format' | 'database' | 'server_version' | 'database_collation' | 'schemas' | OptionalRowArrayName | ServerProperty>;

/** The optional top-level server properties, in file order. */
export const SERVER_PROPERTIES = ['engine_edition', 'edition', 'product_major_version', 'change_tracking_on'] as const;

/** One of SERVER_PROPERTIES. */
export type ServerProperty = typeof SERVER_PROPERTIES[number];
