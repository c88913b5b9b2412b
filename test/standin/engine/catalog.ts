/** The in-memory catalog of one database: schemas, tables with their rows, indexes, constraints. */
import type { CaptureInstance, DatabaseChangeTracking, TableChangeTracking } from './change-tracking';
import type { SecurityPolicyObject } from './security-policies';
import type { PausedBuild } from './resumable';
import type { Expr, RefAction, TableTypeDef, TriggerHeader } from './ast';
import type { SqlType } from './types';
import type { DataSpaceObject, PartitionFunctionObject } from './ddl-data-spaces';
import type { Security } from './security';
import type { ColumnEncryption, ColumnKey } from './ddl-column-keys';

/** A cell as the engine holds it (bit as 0/1, uniqueidentifier as upper-case text). */
export type Value = null | number | string | boolean | Date | Buffer | Uint8Array;
/** A table row indexed by column_id. */
export type Row = Value[];

interface Dated { created: Date; modified: Date }

/** A column as sys.columns describes it. */
export interface Column {
  columnId: number;
  name: string;
  type: SqlType;
  nullable: boolean;
  identity?: { seed: number; increment: number; last: number | null; notForReplication?: boolean };
  collation: string | null;
  computed?: { definition: string; expr: Expr; persisted: boolean };
  defaultObjectId: number;
  /** sys.columns.rule_object_id: a rule bound with sp_bindrule (ddl-bound.ts); absent or 0: none. */
  ruleObjectId?: number;
  /** sys.columns.is_sparse. */
  sparse?: boolean;
  /** sys.columns.is_column_set: the table's sparse column set (column-sets.ts). */
  columnSet?: boolean;
  rowguidcol?: boolean;
  /** sys.masked_columns.masking_function in its stored form (masking.ts); absent: not masked. */
  mask?: string;
  /** Always Encrypted (ENCRYPTED WITH; ddl-column-keys.ts); absent: plaintext. */
  encryption?: ColumnEncryption;
  /**
   * sys.columns generated_always_type: 1 AS_ROW_START, 2 AS_ROW_END (a period column); a ledger
   * table's 5 AS_TRANSACTION_ID_START, 6 AS_TRANSACTION_ID_END, 7 AS_SEQUENCE_NUMBER_START,
   * 8 AS_SEQUENCE_NUMBER_END, as sys-columns-transact-sql numbers them (ledger.ts).
   */
  generatedAlways?: 1 | 2 | 5 | 6 | 7 | 8;
  /** sys.columns.is_dropped_ledger_column: a ledger table's column DROP COLUMN hid and renamed (ledger.ts). */
  droppedLedger?: boolean;
  /** sys.columns is_hidden. */
  hidden?: boolean;
  /** Typed xml: sys.columns xml_collection_id and is_xml_document (ddl-xml-collections.ts). */
  xml?: { collectionId: number; document: boolean };
  /** sys.columns.graph_type 1-8 of a node or edge table's internal graph columns (graph.ts). */
  graphType?: number;
}

/** A sys.indexes row (index_id 0 is the heap). */
/** What sys.spatial_indexes and sys.spatial_index_tessellations report of a spatial index. */
export interface SpatialTessellation {
  readonly scheme: 'GEOMETRY_GRID' | 'GEOMETRY_AUTO_GRID' | 'GEOGRAPHY_GRID' | 'GEOGRAPHY_AUTO_GRID';
  readonly box: readonly [number, number, number, number] | null;
  /** Four densities for the manual grids; null for the AUTO_GRID schemes. */
  readonly grids: readonly string[] | null;
  readonly cellsPerObject: number;
}

export interface Index {
  indexId: number;
  name: string | null;
  type: 'HEAP' | 'CLUSTERED' | 'NONCLUSTERED' | 'XML' | 'SPATIAL';
  /** An XML index: primary, or secondary over the primary `usingId` FOR `for` (ddl-xml-spatial.ts). */
  xml?: { readonly usingId: number | null; readonly for: 'PATH' | 'VALUE' | 'PROPERTY' | null };
  /** A spatial index's tessellation, SQL Server's defaults filled in (ddl-xml-spatial.ts). */
  spatial?: SpatialTessellation;
  unique: boolean;
  isPrimaryKey: boolean;
  isUniqueConstraint: boolean;
  keys: { columnId: number; desc: boolean }[];
  includes: number[];
  filter?: { definition: string; expr: Expr };
  disabled: boolean;
  /** A columnstore index (sys.indexes type 5 clustered, 6 nonclustered); its columns are in `includes`. */
  columnstore?: boolean;
  /** sys.partitions.data_compression_desc; absent: NONE (rowstore) or COLUMNSTORE. */
  compression?: string;
  /** sys.partitions.xml_compression = 1 (XML_COMPRESSION = ON, SQL Server 2022+); absent: OFF. */
  xmlCompression?: true;
  /** sys.indexes.ignore_dup_key. */
  ignoreDupKey?: boolean;
  /** The WITH options SQL Server keeps (index-options.ts); each absent at its default. */
  fillFactor?: number;
  padded?: boolean;
  noRowLocks?: boolean;
  noPageLocks?: boolean;
  sequentialKey?: boolean;
  /** sys.stats.no_recompute of the index's statistics (STATISTICS_NORECOMPUTE = ON). */
  noRecompute?: boolean;
  /** sys.indexes.data_space_id; absent: PRIMARY (1). */
  dataSpaceId?: number;
  /** The partitioning column on a partition scheme (sys.index_columns.partition_ordinal 1). */
  partitionColumnId?: number;
  /** NONCLUSTERED HASH (sys.indexes type 7): sys.hash_indexes.bucket_count, as stored (a power of two). */
  bucketCount?: number;
}

/** A PRIMARY KEY or UNIQUE constraint (sys.key_constraints). */
export interface KeyConstraint extends Dated { objectId: number; name: string; type: 'PK' | 'UQ'; indexId: number; systemNamed: boolean }
/** sys.check_constraints. */
export interface CheckConstraint extends Dated {
  objectId: number; name: string; columnId: number; definition: string; expr: Expr; disabled: boolean; notTrusted: boolean; systemNamed: boolean;
  /** CHECK NOT FOR REPLICATION (sys.check_constraints.is_not_for_replication); such a check is always notTrusted. */
  notForReplication?: boolean;
}
/** sys.default_constraints. */
export interface DefaultConstraint extends Dated { objectId: number; name: string; columnId: number; definition: string; expr: Expr; systemNamed: boolean }
/** sys.foreign_keys with its columns. */
export interface ForeignKey extends Dated {
  objectId: number; name: string; refTableId: number; keyIndexId: number;
  columns: { parent: number; ref: number }[];
  onDelete: RefAction; onUpdate: RefAction; disabled: boolean; notTrusted: boolean; systemNamed: boolean;
  /** REFERENCES ... NOT FOR REPLICATION (sys.foreign_keys.is_not_for_replication); such a key is always notTrusted. */
  notForReplication?: boolean;
}

/**
 * An extended property on a table (minor 0) or a column (minor = column_id): sys.extended_properties
 * class 1. Kept on its table, so DROP TABLE removes it, sp_rename keeps it (ids do not change),
 * and transactions restore it with the table.
 */
export interface ExtendedProperty { minorId: number; name: string; value: Value }

/** A user table. */
export interface Table extends Dated {
  objectId: number;
  schemaId: number;
  name: string;
  columns: Column[];
  indexes: Index[];
  keys: KeyConstraint[];
  checks: CheckConstraint[];
  defaults: DefaultConstraint[];
  fks: ForeignKey[];
  rows: Row[];
  /** PERIOD FOR SYSTEM_TIME: the start and end column ids (sys.periods). */
  period?: { start: number; end: number };
  /**
   * sys.tables temporal_type 2 (system-versioned: its history table and retention, as
   * history_retention_period / _unit store it) or 1 (the history table of `currentId`).
   */
  temporal?: { type: 2; historyId: number; retentionPeriod: number; retentionUnit: number } | { type: 1; currentId: number };
  /** Absent until the first sp_addextendedproperty on the table or one of its columns. */
  properties?: ExtendedProperty[];
  /** Statistics made by CREATE STATISTICS (sys.stats user_created = 1); absent until the first. */
  stats?: UserStatistics[];
  /** sys.tables.lock_escalation set by ALTER TABLE ... SET (LOCK_ESCALATION = ...): 1 DISABLE, 2 AUTO; absent: 0 TABLE. */
  lockEscalation?: 1 | 2;
  /** ALTER TABLE ... ENABLE CHANGE_TRACKING (sys.change_tracking_tables; change-tracking.ts); absent: not tracked. */
  changeTracking?: TableChangeTracking;
  /** CDC capture instances made by sys.sp_cdc_enable_table (sys.tables.is_tracked_by_cdc; change-tracking.ts); absent: none. */
  cdc?: CaptureInstance[];
  /** MEMORY_OPTIMIZED = ON with its DURABILITY (sys.tables is_memory_optimized, durability_desc; ddl-memory.ts). */
  memoryOptimized?: { durability: 'SCHEMA_AND_DATA' | 'SCHEMA_ONLY' };
  /** AS NODE | AS EDGE (sys.tables is_node / is_edge; graph.ts); absent for an ordinary table. */
  graph?: { kind: 'node' | 'edge'; nextId: number };
  /** An edge table's CONNECTION constraints (sys.edge_constraints; graph.ts); absent until the first. */
  edgeConstraints?: EdgeConstraintObject[];
  /**
   * sys.tables ledger_type 1 HISTORY_TABLE, 2 UPDATABLE_LEDGER_TABLE, 3 APPEND_ONLY_LEDGER_TABLE,
   * the ledger view (ledger_view_id), the history table and is_dropped_ledger_table (ledger.ts);
   * absent: NON_LEDGER_TABLE.
   */
  ledger?: { type: 1 | 2 | 3; viewId?: number; historyId?: number; dropped?: boolean };
}

/** sys.edge_constraints with its clauses (sys.edge_constraint_clauses: node table object ids). */
export interface EdgeConstraintObject extends Dated {
  objectId: number;
  name: string;
  clauses: { from: number; to: number }[];
  onDelete: 'NO_ACTION' | 'CASCADE';
  systemNamed: boolean;
}

/**
 * A CREATE STATISTICS object (create-statistics-transact-sql.md). Its stats_id comes from the
 * same numbering as the table's index_ids (both live in one per-table list on SQL Server, so a
 * new index never takes a statistics' id; inferred from sys.stats, where an index's stats_id is
 * its index_id).
 */
export interface UserStatistics {
  statsId: number;
  name: string;
  /** Column ids in the order CREATE STATISTICS named them (sys.stats_columns.stats_column_id). */
  columns: number[];
  filter?: { definition: string; expr: Expr };
  noRecompute: boolean;
  incremental: boolean;
}

/**
 * A view, procedure, function or trigger (sys.objects + sys.sql_modules). References are kept by
 * name and resolved when sys.sql_expression_dependencies is read, as SQL Server's by-name
 * dependencies are (a dropped and re-created table is found again).
 */
export interface Module extends Dated {
  objectId: number;
  schemaId: number;
  name: string;
  type: 'V' | 'P' | 'FN' | 'IF' | 'TF' | 'TR';
  /** A trigger's table; 0 otherwise. */
  parentObjectId: number;
  definition: string;
  schemaBound: boolean;
  /** A ledger view's own columns by name: 1 TRANSACTION_ID ... 4 OPERATION_TYPE_DESC (sys.columns.ledger_view_column_type; ledger.ts). */
  ledgerColumns?: Record<string, number>;
  /** A ledger view: its table, its column names by kind (to write it again after a column change), and whether DROP TABLE kept it (sys.views.is_dropped_ledger_view). */
  ledgerView?: { tableId: number; names: Record<string, string>; dropped?: boolean };
  ansiNulls: boolean;
  quotedIdentifier: boolean;
  /**
   * Referenced objects by (schema, name), with the columns a schema-bound module binds; `named`:
   * the table's columns the body names (any module; sp_refreshsqlmodule binds them again).
   */
  references: { schema: string; name: string; columns: string[]; named?: string[] }[];
  /** A view's columns (sys.columns). */
  columns: { columnId: number; name: string; type: SqlType; nullable: boolean }[];
  /** An indexed view's indexes. */
  indexes: Index[];
  /** A trigger DISABLE TRIGGER turned off (sys.triggers.is_disabled): it does not fire. */
  disabled?: boolean;
  /** A trigger's timing and actions (sys.triggers.is_instead_of_trigger; absent in older images: AFTER). */
  trigger?: TriggerHeader;
}

/** sys.schemas. */
export interface Schema { schemaId: number; name: string; principalId: number }

/** One database's catalog. */
export interface Database {
  id: number;
  name: string;
  collation: string;
  schemas: Schema[];
  tables: Table[];
  /** Views, procedures, functions and triggers (absent in images taken before they existed). */
  modules?: Module[];
  nextObjectId: number;
  nextSchemaId: number;
  /** @@DBTS: the last rowversion value handed out (absent until the first one). */
  dbts?: number;
  /** Sequences (CREATE SEQUENCE), absent until the first one (ddl-sequences.ts). */
  sequences?: SequenceObject[];
  /** Alias types (CREATE TYPE ... FROM), absent until the first one (ddl-types.ts). */
  types?: UserType[];
  nextUserTypeId?: number;
  /** Paused resumable index builds (sys.index_resumable_operations; resumable.ts), absent until the first. */
  resumable?: PausedBuild[];
  /** Synonyms (CREATE SYNONYM; ddl-synonyms.ts), absent until the first. */
  synonyms?: SynonymObject[];
  /** Filegroups and partition schemes besides PRIMARY (ddl-data-spaces.ts), absent until the first. */
  dataSpaces?: DataSpaceObject[];
  partitionFunctions?: PartitionFunctionObject[];
  /** XML schema collections (CREATE XML SCHEMA COLLECTION; ddl-xml-collections.ts), absent until the first. */
  xmlCollections?: XmlSchemaCollection[];
  /** Always Encrypted column master and encryption keys (ddl-column-keys.ts), absent until the first. */
  columnKeys?: { masters: ColumnKey[]; encryption: ColumnKey[] };
  /** Users, roles and permissions (security.ts), absent until the first. */
  security?: Security;
  /** ALTER DATABASE ... SET CHANGE_TRACKING = ON (sys.change_tracking_databases; change-tracking.ts); absent: off. */
  changeTracking?: DatabaseChangeTracking;
  /** sys.sp_cdc_enable_db ran (sys.databases.is_cdc_enabled; change-tracking.ts). */
  cdcEnabled?: boolean;
  /** Row-level security policies (security-policies.ts), absent until the first. */
  securityPolicies?: SecurityPolicyObject[];
  /** CREATE DEFAULT / CREATE RULE objects (ddl-bound.ts), absent until the first. */
  boundObjects?: BoundObject[];
}

/** A sys.xml_schema_collections row (not an object: it has no sys.objects row). */
export interface XmlSchemaCollection extends Dated {
  id: number;
  schemaId: number;
  name: string;
  text: string;
}

/** A sys.synonyms row: base_object_name is stored fully quoted, as many parts as were written. */
export interface SynonymObject extends Dated {
  objectId: number;
  schemaId: number;
  name: string;
  base: string;
}

/** A sys.sequences row; values are decimal strings (bigint and decimal(38,0) bounds exceed 2^53). */
export interface SequenceObject extends Dated {
  objectId: number;
  schemaId: number;
  name: string;
  type: SqlType;
  start: string;
  increment: string;
  min: string;
  max: string;
  cycle: boolean;
  cached: boolean;
  /** NULL for NO CACHE and for CACHE without a size. */
  cacheSize: number | null;
  /** The last value handed out; null until NEXT VALUE FOR first runs (or after a RESTART). */
  current: string | null;
}

/** A sys.types row of an alias type. */
export interface UserType {
  userTypeId: number;
  schemaId: number;
  name: string;
  /** The base type as a column of it stores it ('table' for a table type). */
  base: SqlType;
  nullable: boolean;
  /** sys.types default_object_id / rule_object_id: a default or rule bound to the type (ddl-bound.ts). */
  defaultObjectId?: number;
  ruleObjectId?: number;
  /** A table type (CREATE TYPE ... AS TABLE; ddl-table-types.ts): its TT object and definition. */
  table?: { table: Table; def: TableTypeDef; memoryOptimized: boolean };
}

/** A stand-alone default (CREATE DEFAULT, sys.objects type D, parent 0) or rule (CREATE RULE, type R); ddl-bound.ts. */
export interface BoundObject extends Dated {
  objectId: number;
  schemaId: number;
  name: string;
  kind: 'D' | 'R';
  /** The default's value, or the rule's condition over `variable`. */
  expr: Expr;
  variable?: string;
  /** sys.sql_modules.definition: the CREATE statement as written. */
  definition: string;
}

/**
 * The next rowversion value: the database counter, incremented for every inserted or updated
 * row of a table with a rowversion column, as 8 big-endian bytes
 * (https://learn.microsoft.com/sql/t-sql/data-types/rowversion-transact-sql).
 */
export function nextRowversion(db: Database): Buffer {
  db.dbts = (db.dbts ?? 2000) + 1;
  const out = Buffer.alloc(8);
  out.writeBigUInt64BE(BigInt(db.dbts));
  return out;
}

/** The default collation of databases and string columns. */
export const DEFAULT_COLLATION = 'SQL_Latin1_General_CP1_CI_AS';

/** Case-insensitive name equality, as SQL_Latin1_General_CP1_CI_AS compares. */
export function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  // Printable ASCII compares equal under the accent-sensitive, case-insensitive collation exactly
  // when the lower-cased texts are equal; localeCompare costs microseconds, and catalog queries
  // resolve names per row, so only other text takes the collation path.
  if (PRINTABLE_ASCII.test(a) && PRINTABLE_ASCII.test(b)) return a.toLowerCase() === b.toLowerCase();
  return a.localeCompare(b, 'en', { sensitivity: 'accent' }) === 0 || a.toLowerCase() === b.toLowerCase();
}
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

const BUILTIN_SCHEMAS: [number, string][] = [[1, 'dbo'], [2, 'guest'], [3, 'INFORMATION_SCHEMA'], [4, 'sys']];

/** A fresh database with SQL Server's built-in schemas. */
export function newDatabase(id: number, name: string): Database {
  return {
    id, name, collation: DEFAULT_COLLATION,
    schemas: BUILTIN_SCHEMAS.map(([schemaId, n]) => ({ schemaId, name: n, principalId: schemaId === 1 ? 1 : schemaId })),
    tables: [], modules: [], nextObjectId: 581577110 + id * 1000, nextSchemaId: 5,
  };
}

/** Allocates an object id; SQL Server's ids are large and scattered, so step like it does. */
export function allocObjectId(db: Database): number {
  const id = db.nextObjectId;
  db.nextObjectId = (db.nextObjectId + 16048057) % 2147483647;
  return id;
}

/** Every schema-scoped object in a database, for sys.objects and name clashes. */
export interface ObjectRow { objectId: number; name: string; schemaId: number; parentObjectId: number; type: string; typeDesc: string; created: Date; modified: Date; systemNamed: boolean }

/** Lists sys.objects rows of user objects. */
export function allObjects(db: Database): ObjectRow[] {
  const out: ObjectRow[] = [];
  // A table type's table is an object of type TT, TYPE_TABLE, with its constraints (sys-objects-transact-sql; ddl-table-types.ts).
  const typeTables = (db.types ?? []).flatMap((u) => (u.table ? [u.table.table] : []));
  for (const t of [...db.tables, ...typeTables]) {
    const tt = typeTables.includes(t);
    out.push({ objectId: t.objectId, name: t.name, schemaId: t.schemaId, parentObjectId: 0, type: tt ? 'TT' : 'U', typeDesc: tt ? 'TYPE_TABLE' : 'USER_TABLE', created: t.created, modified: t.modified, systemNamed: false });
    for (const k of t.keys) out.push({ objectId: k.objectId, name: k.name, schemaId: t.schemaId, parentObjectId: t.objectId, type: k.type, typeDesc: k.type === 'PK' ? 'PRIMARY_KEY_CONSTRAINT' : 'UNIQUE_CONSTRAINT', created: k.created, modified: k.modified, systemNamed: k.systemNamed });
    for (const c of t.checks) out.push({ objectId: c.objectId, name: c.name, schemaId: t.schemaId, parentObjectId: t.objectId, type: 'C', typeDesc: 'CHECK_CONSTRAINT', created: c.created, modified: c.modified, systemNamed: c.systemNamed });
    for (const d of t.defaults) out.push({ objectId: d.objectId, name: d.name, schemaId: t.schemaId, parentObjectId: t.objectId, type: 'D', typeDesc: 'DEFAULT_CONSTRAINT', created: d.created, modified: d.modified, systemNamed: d.systemNamed });
    for (const f of t.fks) out.push({ objectId: f.objectId, name: f.name, schemaId: t.schemaId, parentObjectId: t.objectId, type: 'F', typeDesc: 'FOREIGN_KEY_CONSTRAINT', created: f.created, modified: f.modified, systemNamed: f.systemNamed });
    // sys.objects type EC, EDGE_CONSTRAINT (sys-objects-transact-sql).
    for (const e of t.edgeConstraints ?? []) out.push({ objectId: e.objectId, name: e.name, schemaId: t.schemaId, parentObjectId: t.objectId, type: 'EC', typeDesc: 'EDGE_CONSTRAINT', created: e.created, modified: e.modified, systemNamed: e.systemNamed });
  }
  for (const y of db.synonyms ?? []) out.push({ objectId: y.objectId, name: y.name, schemaId: y.schemaId, parentObjectId: 0, type: 'SN', typeDesc: 'SYNONYM', created: y.created, modified: y.modified, systemNamed: false });
  for (const q of db.sequences ?? []) out.push({ objectId: q.objectId, name: q.name, schemaId: q.schemaId, parentObjectId: 0, type: 'SO', typeDesc: 'SEQUENCE_OBJECT', created: q.created, modified: q.modified, systemNamed: false });
  // sys.objects type SP, SECURITY_POLICY (sys-security-policies-transact-sql: "type ... Must be SP").
  for (const p of db.securityPolicies ?? []) out.push({ objectId: p.objectId, name: p.name, schemaId: p.schemaId, parentObjectId: 0, type: 'SP', typeDesc: 'SECURITY_POLICY', created: p.created, modified: p.modified, systemNamed: false });
  // sys.objects type D DEFAULT_CONSTRAINT for a stand-alone default too, R RULE (sys-objects-transact-sql).
  for (const o of db.boundObjects ?? []) out.push({ objectId: o.objectId, name: o.name, schemaId: o.schemaId, parentObjectId: 0, type: o.kind, typeDesc: o.kind === 'D' ? 'DEFAULT_CONSTRAINT' : 'RULE', created: o.created, modified: o.modified, systemNamed: false });
  for (const m of db.modules ?? []) out.push({ objectId: m.objectId, name: m.name, schemaId: m.schemaId, parentObjectId: m.parentObjectId, type: m.type, typeDesc: MODULE_TYPE_DESC[m.type], created: m.created, modified: m.modified, systemNamed: false });
  return out;
}

/** sys.objects.type_desc of each module type (sys-objects-transact-sql). */
export const MODULE_TYPE_DESC: Record<Module['type'], string> = {
  V: 'VIEW', P: 'SQL_STORED_PROCEDURE', FN: 'SQL_SCALAR_FUNCTION', IF: 'SQL_INLINE_TABLE_VALUED_FUNCTION',
  TF: 'SQL_TABLE_VALUED_FUNCTION', TR: 'SQL_TRIGGER',
};

/** Finds a schema by name. */
export function findSchema(db: Database, name: string): Schema | undefined { return db.schemas.find((s) => sameName(s.name, name)); }

/** Finds a table by schema and name. */
export function findTable(db: Database, schemaName: string, name: string): Table | undefined {
  const s = findSchema(db, schemaName);
  return s ? db.tables.find((t) => t.schemaId === s.schemaId && sameName(t.name, name)) : undefined;
}

/** Finds any object (table or constraint) by schema and name. */
export function findObject(db: Database, schemaId: number, name: string): ObjectRow | undefined {
  return allObjects(db).find((o) => o.schemaId === schemaId && sameName(o.name, name));
}

/**
 * Finds a column by name; on a node or edge table a pseudo-column ($node_id, $edge_id, $from_id,
 * $to_id) names the internal column that shows it (graph.ts).
 */
export function findColumn(t: Table, name: string): Column | undefined {
  return t.columns.find((c) => sameName(c.name, name)) ?? (t.graph !== undefined && name.startsWith('$') ? graphPseudoColumn(t, name) : undefined);
}

/**
 * The column a pseudo-column names on a node or edge table (sql-graph-architecture, "Metadata"):
 * $node_id / $edge_id the JSON id (graph_type 2), $from_id 5, $to_id 8; undefined otherwise.
 */
export function graphPseudoColumn(t: Table, name: string): Column | undefined {
  const graphType = { $node_id: t.graph?.kind === 'node' ? 2 : 0, $edge_id: t.graph?.kind === 'edge' ? 2 : 0, $from_id: 5, $to_id: 8 }[name.toLowerCase()];
  return graphType === undefined || graphType === 0 ? undefined : t.columns.find((c) => c.graphType === graphType);
}

/**
 * Deep copy of plain catalog data (objects, arrays, Dates, Buffers). Not structuredClone: under
 * Jest that returns Dates of another realm, which then fail `instanceof Date` in the TDS layer.
 */
export function deepClone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (Buffer.isBuffer(v)) return Buffer.from(v) as T;
  if (v instanceof Uint8Array) return new Uint8Array(v) as T;
  if (Array.isArray(v)) return v.map((x: unknown) => deepClone(x)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = deepClone(x);
  return out as T;
}

/**
 * Deep copy of a database, for statement rollback. Parsed expressions (checks, defaults,
 * filters, computed columns) are shared, not copied: their AST is readonly (ast.ts), and copying
 * them was most of the cost of the copy every writing statement takes, which made a long script
 * quadratic in the catalog's size.
 */
export function cloneDatabase(db: Database): Database {
  return cloneSharingExpressions(db);
}

/**
 * A statement's undo image when its writes are known to touch only `touched` tables (its lock
 * targets): those tables and everything that is not a table are copied (cloneDatabase), every
 * other table is the live one, shared, since the statement leaves it alone.
 */
export function cloneDatabaseTouching(db: Database, touched: ReadonlySet<Table>): Database {
  const { tables, ...rest } = db;
  return { ...cloneSharingExpressions({ ...rest, tables: [] }), tables: tables.map((t) => (touched.has(t) ? cloneSharingExpressions(t) : t)) };
}

function cloneSharingExpressions<T>(v: T): T {
  if (v === null || typeof v !== 'object' || v instanceof Date || v instanceof Uint8Array) return deepClone(v);
  if (Array.isArray(v)) return v.map((x: unknown) => cloneSharingExpressions(x)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = k === 'expr' ? x : cloneSharingExpressions(x);
  return out as T;
}
