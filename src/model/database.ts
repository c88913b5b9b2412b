import type { SqlExpression } from './expression';
import type { Sequence } from './sequence';
import type { SourceRef } from './source';
import type { NamedObject } from './named-object';
import type { SqlType } from './types';
import type { AliasTypeDef } from './alias-types';
import type { PeriodColumn, SystemVersioning } from './temporal';
import type { EdgeConstraint, GraphKind } from './graph';
import type { BoundObject } from './bound-object';
import type { Ledger } from './ledger';
import type { SecurityPolicy } from './security-policy';

/** The whole desired or actual state of one database: the single vocabulary of schemac. */
export interface Database {
  /** DB_NAME() for a catalog read from a server or snapshot; null for a compiled schema or --empty. */
  readonly name: string | null;
  /** Database default collation, e.g. SQL_Latin1_General_CP1_CI_AS; decides name comparison. */
  readonly collation: string;
  /** Every schema that holds a managed table or was declared, 'dbo' included, sorted. */
  readonly schemas: readonly string[];
  readonly tables: readonly Table[];
  /** CREATE SEQUENCE objects (absent: none; older builders and snapshots have no sequences). */
  readonly sequences?: readonly Sequence[];
  /** User alias types (CREATE TYPE ... FROM), sorted by schema and name; absent means none. */
  readonly aliasTypes?: readonly AliasTypeDef[];
  /** Catalog only: what the server is (edition and version decide online operations). */
  readonly server?: ServerFacts;
  /** Catalog only: views, procedures, functions and triggers (unmanaged; read for their dependencies). */
  readonly modules?: readonly DependentModule[];
  /** Catalog only: row-level security policies (unmanaged; planned around). Absent: none, or not read. */
  readonly securityPolicies?: readonly SecurityPolicy[];
  /** Catalog only: synonyms (unmanaged; read so that a step that breaks one says so). Absent: none. */
  readonly synonyms?: readonly Synonym[];
  /**
   * Catalog only: the filegroups and partition schemes the database has (sys.data_spaces), so a
   * plan that names one it lacks is refused before it runs. Absent: not read (an older snapshot).
   */
  readonly dataSpaces?: readonly DataSpaceDef[];
  /**
   * Catalog only: whether the database has change tracking on (sys.change_tracking_databases),
   * which a table's ENABLE CHANGE_TRACKING needs. Absent: not read (an older snapshot, --empty).
   */
  readonly changeTrackingOn?: boolean;
}

/** A table's change tracking: TRACK_COLUMNS_UPDATED also records which columns an UPDATE changed. */
export interface ChangeTracking {
  readonly trackColumnsUpdated: boolean;
}

/**
 * Where a heap or index lives (sys.indexes.data_space_id): a filegroup, or a partition scheme
 * with its partitioning column. schemac places objects on them; it never creates them.
 */
export type DataSpace =
  | { readonly kind: 'filegroup'; readonly name: string }
  | { readonly kind: 'partitionScheme'; readonly name: string; readonly column: string };

/**
 * A data space the database has (sys.data_spaces; FG a filegroup, PS a partition scheme, FX the
 * MEMORY_OPTIMIZED_DATA filegroup memory-optimized tables need: at most one per database).
 */
export interface DataSpaceDef {
  readonly name: string;
  readonly kind: 'filegroup' | 'partitionScheme' | 'memoryOptimizedData';
  /** sys.data_spaces.is_default: the filegroup objects go to without ON. */
  readonly isDefault: boolean;
}

/**
 * CREATE SYNONYM s FOR base (sys.synonyms). A synonym is bound by name only, when it is used: a
 * renamed or dropped base object leaves it pointing at nothing.
 * https://learn.microsoft.com/sql/relational-databases/synonyms/synonyms-database-engine
 */
export interface Synonym {
  readonly schema: string;
  readonly name: string;
  /** sys.synonyms.base_object_name, as stored (fully quoted, e.g. `[dbo].[orders]`). */
  readonly baseObject: string;
  /**
   * The base object's parts, unquoted, as written: [server, database, schema, name] with the
   * parts not written null (a missing schema resolves to the synonym user's default, usually dbo).
   */
  readonly base: { readonly server: string | null; readonly database: string | null; readonly schema: string | null; readonly name: string };
}

/**
 * The server a catalog was read from: SERVERPROPERTY('EngineEdition'), 'Edition' and
 * 'ProductMajorVersion'. Absent for a compiled schema, --empty, or an older snapshot.
 */
export interface ServerFacts {
  /** 2 Standard/Web, 3 Enterprise/Developer/Evaluation, 4 Express, 5 Azure SQL Database, 8 Managed Instance, ... */
  readonly engineEdition: number;
  /** The edition's name as the server reports it, e.g. 'Enterprise Edition (64-bit)'. */
  readonly edition: string;
  /** 13 = SQL Server 2016, 14 = 2017, 15 = 2019, 16 = 2022, 17 = 2025. */
  readonly majorVersion: number;
}

/**
 * A permission on a table or one of its columns, as sys.database_permissions holds it: the state
 * of one permission of one grantee (a revoked one has no row).
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-database-permissions-transact-sql
 */
export interface TablePermission {
  /** The column of a column-level permission; null on the table itself. */
  readonly column: string | null;
  /** The database principal (user or role) it is granted to or denied. */
  readonly grantee: string;
  /** sys.database_permissions.permission_name, e.g. SELECT, VIEW DEFINITION. */
  readonly permission: string;
  readonly state: 'grant' | 'grant-with-grant-option' | 'deny';
}

/** A user table and everything that hangs off it. Constraints are entities, not strings. */
export interface Table {
  readonly schema: string;
  readonly name: string;
  readonly columns: readonly Column[];
  readonly primaryKey: KeyConstraint | null;
  readonly uniqueConstraints: readonly KeyConstraint[];
  readonly indexes: readonly Index[];
  readonly checks: readonly CheckConstraint[];
  readonly defaults: readonly DefaultConstraint[];
  readonly foreignKeys: readonly ForeignKey[];
  /** SYSTEM_VERSIONING = ON with its history table (temporal.ts); absent for an ordinary table. */
  readonly versioning?: SystemVersioning;
  /**
   * MEMORY_OPTIMIZED = ON (In-Memory OLTP: sys.tables.is_memory_optimized) with its DURABILITY;
   * absent for a disk-based table. Its indexes are all nonclustered (hash or range) and change
   * only through ALTER TABLE, outside any user transaction.
   */
  readonly memoryOptimized?: MemoryOptimized;
  /**
   * AS NODE | AS EDGE (graph.ts); absent for an ordinary table. SQL Server keeps the graph
   * columns ($node_id, $edge_id, $from_id, $to_id) itself: they are never among `columns`.
   */
  readonly graph?: GraphKind;
  /** An edge table's edge constraints (CONNECTION), sorted by name; absent: none. */
  readonly edgeConstraints?: readonly EdgeConstraint[];
  /**
   * LEDGER = ON (ledger.ts); absent for an ordinary table. SQL Server's ledger columns, history
   * table and ledger view are never among `columns` nor tables of the model.
   */
  readonly ledger?: Ledger;
  /** LOCK_ESCALATION = AUTO | DISABLE (sqlserver/lock-escalation.ts); absent: TABLE, the default. */
  readonly lockEscalation?: 'AUTO' | 'DISABLE';
  /**
   * ALTER TABLE ... ENABLE CHANGE_TRACKING (sys.change_tracking_tables; sqlserver/change-tracking.ts);
   * absent: not tracked. Needs the table's primary key and the database's change tracking on.
   */
  readonly changeTracking?: ChangeTracking;
  /**
   * Catalog only: change data capture is on for the table (sys.tables.is_tracked_by_cdc), with
   * the names of its capture instances (cdc.change_tables; empty when they could not be read).
   * Not declared: DBAs enable it with sys.sp_cdc_enable_table; schemac keeps it.
   */
  readonly cdc?: { readonly captureInstances: readonly string[] };
  /** Compiler only: the table's previous name, for a declared rename (in `renamedFromSchema` when set). */
  readonly renamedFrom?: string;
  /**
   * Compiler only: the schema the table is moved from (ALTER SCHEMA ... TRANSFER), when
   * `renamedFrom` names another schema than the table's; absent: the same schema.
   */
  readonly renamedFromSchema?: string;
  /**
   * The MS_Description extended property: the class's doc comment (compiler) or the stored value
   * (catalog; '' for a NULL value). Absent: the table has none.
   */
  readonly description?: string;
  /**
   * Catalog only: GRANT and DENY on the table and its columns (sys.database_permissions, class 1),
   * object-level ones first. Absent: not read (an older snapshot). ALTER SCHEMA ... TRANSFER drops
   * every one of them, so a move grants them again.
   */
  readonly permissions?: readonly TablePermission[];
  /** Catalog only: rows in the table (sys.partitions), for hazards. */
  readonly rowCount?: number;
  /** Catalog only: MB the table and its indexes use (sys.dm_db_partition_stats), when readable. */
  readonly usedMb?: number;
  /**
   * Catalog only: what the table holds that schemac cannot model. These are kept out of the
   * diff, never dropped, and a change that would touch them is refused.
   */
  readonly opaque?: readonly OpaqueObject[];
  /**
   * Catalog only: resumable index builds SQL Server holds for this table (sys.index_resumable_
   * operations), paused or running. Their indexes are not in sys.indexes yet, and SQL Server
   * refuses other DDL on the table until each is resumed to its end or aborted.
   */
  readonly resumableBuilds?: readonly ResumableIndexBuild[];
  /**
   * DATA_COMPRESSION of the table's rows (the heap, or the rowstore clustered index: sys.partitions
   * index_id 0 or 1); absent means NONE. A rowstore clustered index or key carries the same value.
   */
  readonly dataCompression?: RowstoreCompression;
  /**
   * XML_COMPRESSION = ON of the table's rows (SQL Server 2022+: sys.partitions.xml_compression of
   * the heap or rowstore clustered index); absent means OFF. A rowstore clustered index or key
   * carries the same value.
   */
  readonly xmlCompression?: true;
  /**
   * Catalog only: statistics made by CREATE STATISTICS (sys.stats user_created = 1). Schema files
   * do not declare them and the differ never plans them for their own sake: it drops and
   * re-creates one only around a column change SQL Server refuses while it exists (differ/statistics.ts).
   */
  readonly statistics?: readonly UserStatistics[];
  /**
   * Where the table's rows live (the heap, or its clustered index or key, which carry the same);
   * absent: the database's default filegroup.
   */
  readonly dataSpace?: DataSpace;
  readonly source?: SourceRef;
}

/**
 * DURABILITY of a memory-optimized table (sys.tables.durability_desc): SCHEMA_AND_DATA keeps the
 * rows across a restart, SCHEMA_ONLY only the table's definition.
 * https://learn.microsoft.com/sql/relational-databases/in-memory-oltp/defining-durability-for-memory-optimized-objects
 */
export interface MemoryOptimized {
  readonly durability: 'SCHEMA_AND_DATA' | 'SCHEMA_ONLY';
}

/** A CREATE STATISTICS object on a table, as the catalog holds it. */
export interface UserStatistics {
  readonly name: string;
  /** Key columns in stats_column_id order. */
  readonly columns: readonly string[];
  /** sys.stats.filter_definition exactly as stored, e.g. `([amount]>(0))`; null when unfiltered. */
  readonly filter: string | null;
  /** WITH NORECOMPUTE. */
  readonly noRecompute: boolean;
  /** INCREMENTAL = ON (per-partition statistics). */
  readonly incremental: boolean;
}

/** A row of sys.index_resumable_operations: an index build started with RESUMABLE = ON that has not ended. */
export interface ResumableIndexBuild {
  readonly index: string;
  readonly indexId: number;
  /** 'PAUSED' or 'RUNNING' (state_desc). */
  readonly state: string;
  readonly percentComplete: number;
}

/** DATA_COMPRESSION of a rowstore heap or index (sys.partitions.data_compression_desc). */
export type RowstoreCompression = 'NONE' | 'ROW' | 'PAGE';
/** DATA_COMPRESSION of a columnstore index. */
export type ColumnstoreCompression = 'COLUMNSTORE' | 'COLUMNSTORE_ARCHIVE';
/** Any DATA_COMPRESSION value. */
export type DataCompression = RowstoreCompression | ColumnstoreCompression;

/**
 * Something on a table that schemac reads but cannot model: a column of a CLR type or a column
 * set, an XML, spatial, hash or full-text index, or a constraint over such a column.
 */
export interface OpaqueObject {
  readonly kind: 'column' | 'index' | 'constraint';
  readonly name: string;
  /** The table's columns it is defined on (for a column: itself), as the catalog names them. */
  readonly columns: readonly string[];
  /** Why schemac cannot model it, e.g. "type MyClrType is a CLR type". */
  readonly reason: string;
  /** A FILESTREAM column (sys.columns.is_filestream), which keeps the table's online operations offline. Absent means not. */
  readonly filestream?: true;
}

/** Identity seed and increment as decimal strings (they may exceed 2^53 for bigint/decimal). */
export interface Identity {
  readonly seed: string;
  readonly increment: string;
  /**
   * IDENTITY ... NOT FOR REPLICATION (sys.identity_columns.is_not_for_replication): a replication
   * agent's inserts keep their values and do not move the seed. Absent means false.
   */
  readonly notForReplication?: boolean;
}

/**
 * ENCRYPTED WITH (COLUMN_ENCRYPTION_KEY = key, ENCRYPTION_TYPE = ..., ALGORITHM = '...'): the
 * client encrypts the column's values; the server keeps only ciphertext.
 */
export interface ColumnEncryption {
  /** The column encryption key's name (sys.column_encryption_keys.name; database-scoped). */
  readonly key: string;
  readonly type: 'deterministic' | 'randomized';
  /** sys.columns.encryption_algorithm_name: 'AEAD_AES_256_CBC_HMAC_SHA_256'. */
  readonly algorithm: string;
}

/** A computed column's definition. */
export interface ComputedColumn {
  readonly expression: SqlExpression;
  readonly persisted: boolean;
}

export interface Column {
  readonly name: string;
  readonly type: SqlType;
  readonly nullable: boolean;
  readonly identity: Identity | null;
  /** An explicit collation; null means the database default (string types only). */
  readonly collation: string | null;
  /** Set for a computed column; `type` is then what SQL Server derives and is not compared. */
  readonly computed: ComputedColumn | null;
  /** A PERIOD FOR SYSTEM_TIME column (GENERATED ALWAYS AS ROW START/END); absent otherwise. */
  readonly period?: PeriodColumn;
  /** Compiler only: the column's previous name, for a declared rename. */
  readonly renamedFrom?: string;
  /** Compiler only: expression that fills NULLs before the column becomes NOT NULL. */
  readonly backfill?: SqlExpression;
  /** SPARSE (sys.columns.is_sparse); absent means not sparse. */
  /**
   * ROWGUIDCOL: the table's row GUID column (a uniqueidentifier; at most one per table), which
   * $ROWGUID names and merge replication uses. Absent: not.
   */
  readonly rowguidcol?: boolean;
  readonly sparse?: boolean;
  /**
   * MASKED WITH (FUNCTION = '...'): the Dynamic Data Masking function, in the form SQL Server
   * stores it (sys.masked_columns.masking_function; sqlserver/masking.ts). Absent: not masked.
   */
  readonly mask?: string;
  /** Always Encrypted (ENCRYPTED WITH; sys.columns.encryption_type and its key). Absent: plaintext. */
  readonly encryption?: ColumnEncryption;
  /** The MS_Description extended property: the field's doc comment or the stored value; absent: none. */
  readonly description?: string;
  /**
   * Catalog only: a default object (CREATE DEFAULT) bound to the column with sp_bindefault, or
   * inherited from its alias type (sys.columns.default_object_id naming an object of type D
   * whose parent_object_id is 0). A deprecated feature schema files do not declare: kept, and
   * unbound and bound again around the steps SQL Server refuses while it is bound (differ/bindings.ts).
   */
  readonly boundDefault?: BoundObject;
  /** Catalog only: a rule (CREATE RULE) bound with sp_bindrule (sys.columns.rule_object_id); as boundDefault. */
  readonly boundRule?: BoundObject;
  readonly source?: SourceRef;
}


/** One key column of an index or key constraint. */
export interface IndexColumn {
  readonly name: string;
  readonly descending: boolean;
}

/**
 * The WITH options of a rowstore index or key that SQL Server keeps in the catalog
 * (sys.indexes fill_factor, is_padded, allow_row_locks, allow_page_locks,
 * optimize_for_sequential_key; sys.stats no_recompute). Each is absent at SQL Server's default,
 * so models compare equal whichever side made them (src/sqlserver/index-options.ts).
 */
export interface IndexOptions {
  /** FILLFACTOR 1..99; absent: 0 or 100, which SQL Server treats alike (full pages). */
  readonly fillFactor?: number;
  /** PAD_INDEX = ON; absent: OFF. */
  readonly padIndex?: true;
  /** ALLOW_ROW_LOCKS = OFF is `false`; absent: ON. */
  readonly allowRowLocks?: false;
  /** ALLOW_PAGE_LOCKS = OFF is `false`; absent: ON. */
  readonly allowPageLocks?: false;
  /** OPTIMIZE_FOR_SEQUENTIAL_KEY = ON (SQL Server 2019+); absent: OFF. */
  readonly optimizeForSequentialKey?: true;
  /** STATISTICS_NORECOMPUTE = ON; absent: OFF. */
  readonly statisticsNoRecompute?: true;
}

/** A PRIMARY KEY or UNIQUE constraint (each backed by an index of the same name). */
export interface KeyConstraint extends NamedObject, IndexOptions {
  readonly columns: readonly IndexColumn[];
  readonly clustered: boolean;
  /** WITH (IGNORE_DUP_KEY = ON) (sys.indexes.ignore_dup_key); absent means OFF. */
  readonly ignoreDupKey?: boolean;
  /** DATA_COMPRESSION of its index; absent means NONE. A clustered key has the table's. */
  readonly dataCompression?: RowstoreCompression;
  /** XML_COMPRESSION = ON of its index (SQL Server 2022+); absent means OFF. A clustered key has the table's. */
  readonly xmlCompression?: true;
  /** Where its index lives; absent: the default filegroup. A clustered key has the table's. */
  readonly dataSpace?: DataSpace;
  /** NONCLUSTERED HASH WITH (BUCKET_COUNT = n), memory-optimized tables only; absent: not a hash index. */
  readonly bucketCount?: number;
}

/** A CREATE INDEX index (not backing a constraint). */
export interface Index extends NamedObject, IndexOptions {
  readonly columns: readonly IndexColumn[];
  /** INCLUDE columns, in declaration order (order does not matter to SQL Server). */
  readonly include: readonly string[];
  readonly unique: boolean;
  readonly clustered: boolean;
  readonly filter: SqlExpression | null;
  /**
   * A columnstore index (sys.indexes type 5 clustered / 6 nonclustered). A clustered one has no
   * columns (it holds every column); a nonclustered one lists its columns in `columns`, never
   * descending, and has no INCLUDE.
   */
  readonly columnstore?: boolean;
  /** WITH (IGNORE_DUP_KEY = ON) on a unique index; absent means OFF. */
  readonly ignoreDupKey?: boolean;
  /**
   * DATA_COMPRESSION; absent means the default (NONE for rowstore, COLUMNSTORE for columnstore).
   * A rowstore clustered index has the table's.
   */
  readonly dataCompression?: DataCompression;
  /**
   * XML_COMPRESSION = ON (SQL Server 2022+) of a rowstore index; absent means OFF. A rowstore
   * clustered index has the table's. Columnstore, XML and spatial indexes never have it here.
   */
  readonly xmlCompression?: true;
  /**
   * Where it lives; absent: the default filegroup. A clustered one has the table's; the compiler
   * gives a nonclustered one declared without `on` the table's, as SQL Server places it.
   */
  readonly dataSpace?: DataSpace;
  /**
   * NONCLUSTERED HASH WITH (BUCKET_COUNT = n) (sys.indexes type 7, sys.hash_indexes.bucket_count),
   * memory-optimized tables only. The compiler keeps the count as written, the catalog as stored
   * (rounded up to a power of two); they compare rounded (src/sqlserver/memory-optimized.ts).
   * Absent: not a hash index.
   */
  readonly bucketCount?: number;
  /**
   * An XML index (sys.indexes type 3, sys.xml_indexes): `columns` is its one xml column; it is
   * nonclustered, not unique, without INCLUDE or filter. Absent: not an XML index.
   */
  readonly xml?: XmlIndexDefinition;
  /**
   * A spatial index (sys.indexes type 4, sys.spatial_index_tessellations): `columns` is its one
   * geometry or geography column; nonclustered, not unique, without INCLUDE or filter.
   */
  readonly spatial?: SpatialIndexDefinition;
}

/** A secondary XML index's kind (sys.xml_indexes.secondary_type_desc). */
export type SecondaryXmlIndexType = 'PATH' | 'VALUE' | 'PROPERTY';

/**
 * What makes an XML index one: PRIMARY, or secondary over the primary XML index `using` (its
 * name, on the same column) FOR PATH | VALUE | PROPERTY. Selective XML indexes are not modelled.
 */
export type XmlIndexDefinition =
  | { readonly kind: 'primary' }
  | { readonly kind: 'secondary'; readonly using: string; readonly for: SecondaryXmlIndexType };

/** USING of CREATE SPATIAL INDEX (sys.spatial_index_tessellations.tessellation_scheme). */
export type TessellationScheme = 'GEOMETRY_GRID' | 'GEOMETRY_AUTO_GRID' | 'GEOGRAPHY_GRID' | 'GEOGRAPHY_AUTO_GRID';

/** A grid level's density: 16 (4x4), 64 (8x8) or 256 (16x16) cells. */
export type GridDensity = 'LOW' | 'MEDIUM' | 'HIGH';

/** BOUNDING_BOX of a geometry tessellation. */
export interface BoundingBox {
  readonly xmin: number;
  readonly ymin: number;
  readonly xmax: number;
  readonly ymax: number;
}

/**
 * A spatial index's tessellation, with SQL Server's defaults filled in (so a compiled index and a
 * catalog one compare equal): `grids` for the manual grids only (four levels, MEDIUM unless
 * said), `boundingBox` for the geometry schemes only, `cellsPerObject` always.
 */
export interface SpatialIndexDefinition {
  readonly tessellation: TessellationScheme;
  readonly boundingBox?: BoundingBox;
  readonly grids?: readonly [GridDensity, GridDensity, GridDensity, GridDensity];
  readonly cellsPerObject: number;
}

export interface CheckConstraint extends NamedObject {
  readonly expression: SqlExpression;
  /**
   * From the catalog: false when is_not_trusted (created or re-enabled WITH NOCHECK, or disabled).
   * Compiled: false when declared `validate: false` or `enabled: false`, meaning it need not be
   * trusted (a trusted one matches too); a new one is then added WITH NOCHECK.
   */
  readonly trusted: boolean;
  /** False when the catalog says is_disabled, or when declared `enabled: false` (then `trusted` is false too: a disabled constraint is never trusted). */
  readonly enabled: boolean;
  /** CHECK NOT FOR REPLICATION (sys.check_constraints.is_not_for_replication): replication agents' writes skip it. Absent means false. */
  readonly notForReplication?: boolean;
}

export interface DefaultConstraint extends NamedObject {
  readonly column: string;
  readonly expression: SqlExpression;
}

export type ReferentialAction = 'NO_ACTION' | 'CASCADE' | 'SET_NULL' | 'SET_DEFAULT';

export interface ForeignKey extends NamedObject {
  readonly columns: readonly string[];
  readonly referencedSchema: string;
  readonly referencedTable: string;
  readonly referencedColumns: readonly string[];
  readonly onDelete: ReferentialAction;
  readonly onUpdate: ReferentialAction;
  /** As CheckConstraint's. */
  readonly trusted: boolean;
  /** As CheckConstraint's. */
  readonly enabled: boolean;
  /** ... NOT FOR REPLICATION (sys.foreign_keys.is_not_for_replication): replication agents' writes skip it. Absent means false. */
  readonly notForReplication?: boolean;
}

// Views, procedures, functions and triggers: read from the catalog, never managed.
/**
 * The kind of an SQL module, from sys.objects.type: V view, P procedure, FN scalar function, IF
 * inline table-valued function, TF multi-statement table-valued function, TR DML trigger.
 */
export type ModuleType = 'V' | 'P' | 'FN' | 'IF' | 'TF' | 'TR';

/** How a module's referenced columns are known. */
export type ReferenceColumns =
  /** sys.sql_expression_dependencies lists them (schema-bound references: exact). */
  | 'catalog'
  /**
   * Inferred: the catalog lists only the table (non-schema-bound references have
   * referenced_minor_id 0), so the table's columns named in the module's text are taken.
   */
  | 'text'
  /** Unknown: no definition to read (encrypted, or VIEW DEFINITION not granted). */
  | 'unknown';

/** One object a module names: a table (with the columns it reads) or another module. */
export interface ModuleReference {
  readonly schema: string;
  readonly name: string;
  /** Whether the referenced object is a table (else a view or function). */
  readonly isTable: boolean;
  /** Referenced columns, as the catalog names them; empty when only the object is known. */
  readonly columns: readonly string[];
  readonly columnsFrom: ReferenceColumns;
  /**
   * Set when the text selects `*` of it (so `columns` holds every column): the columns the text
   * also names. SQL Server re-expands a star on sp_refreshsqlmodule, so only these must still exist.
   */
  readonly named?: readonly string[];
  /** sys.sql_expression_dependencies.is_schema_bound_reference. */
  readonly schemaBound: boolean;
}

/**
 * Catalog only: a view, procedure, function or trigger. schemac never manages these (they are
 * never compiled from schema files, never diffed and never dropped for being undeclared); it
 * reads what they reference so that a change that would break one is a hazard naming it, and a
 * schema-bound one in the way of a change is dropped and re-created from its own definition.
 */
export interface DependentModule {
  readonly schema: string;
  readonly name: string;
  readonly type: ModuleType;
  /** sys.sql_modules.is_schema_bound (WITH SCHEMABINDING). */
  readonly schemaBound: boolean;
  /** sys.sql_modules.definition, exactly as stored; null when encrypted or not visible. */
  readonly definition: string | null;
  /** sys.sql_modules.uses_ansi_nulls / uses_quoted_identifier: the SET options it was created under. */
  readonly ansiNulls: boolean;
  readonly quotedIdentifier: boolean;
  /** The table a trigger belongs to (sys.objects.parent_object_id); null for others. */
  readonly parent: { readonly schema: string; readonly name: string } | null;
  readonly references: readonly ModuleReference[];
  /** Indexes on an indexed view (clustered first); empty otherwise. */
  readonly indexes: readonly Index[];
  /**
   * The name the stored definition creates (`CREATE VIEW [x].[y]`), when it can be read. It differs
   * from the real name after sp_rename, which does not update sys.sql_modules.definition; such a
   * definition cannot re-create the object under its name.
   */
  readonly definedName: { readonly schema: string | null; readonly name: string } | null;
  /**
   * A view's column list (`CREATE VIEW v (a, b) AS ...`): how many names it gives; absent when it
   * has none. A refresh fails when a `*` no longer gives that many columns.
   */
  readonly columnList?: number;
}
