/**
 * Class decorators: tables, mixins and the table-level objects (indexes, checks, keys, foreign
 * keys). Names may hold `{table}` and `{schema}`, expanded per table, so a mixin can declare
 * objects that every table inheriting it gets under its own name.
 */
import type { ClassDecorator, ClassOf, ColumnOf, KeyColumn } from './decorator-types';
import type { SqlFragment } from './sql';
import type { IndexWithOptions, RowstoreCompression } from './column-options';

/** Does nothing at run time: the compiler reads decorators from the source. */
function noop<T>(): ClassDecorator<T> {
  return () => undefined;
}

/**
 * Where a table or index lives: a filegroup's name, or a partition scheme and its partitioning
 * column (a field of the table). schemac never creates either: a plan naming one the database
 * lacks is refused before it runs.
 */
export type DataSpaceOption<C extends string = string> = string | { readonly partitionScheme: string; readonly column: C };

/** Options of a table. */
export interface TableOptions {
  /**
   * ON filegroup | partition_scheme (column): where the rows (heap or clustered index) live; the
   * default filegroup otherwise. Nonclustered indexes and keys go there too unless they say.
   */
  readonly on?: DataSpaceOption;
  /** The SQL schema; the compiler's default schema (dbo) otherwise. */
  readonly schema?: string;
  /**
   * Declared rename or move: the table's previous name, 'orders' (the same schema: sp_rename) or
   * 'sales.orders' (another schema: ALTER SCHEMA ... TRANSFER, keeping rows, indexes and
   * constraints, then sp_rename when the name changes too). Bracket a part that holds a dot:
   * '[my.schema].orders'.
   */
  readonly renamedFrom?: string;
  /** DATA_COMPRESSION of the table's rows (heap or rowstore clustered index); NONE otherwise. */
  readonly dataCompression?: RowstoreCompression;
  /**
   * XML_COMPRESSION = ON (SQL Server 2022+, Azure SQL): the off-row data of the table's xml
   * columns is compressed (heap or rowstore clustered index); OFF otherwise.
   */
  readonly xmlCompression?: boolean;
  /**
   * SYSTEM_VERSIONING = ON: SQL Server keeps every earlier version of each row in a history
   * table. The table needs two `Column.datetime2(p, { generatedAlways: 'rowStart' | 'rowEnd' })`
   * columns. `true` takes the defaults: history table `{table}_history` in the table's schema,
   * retention INFINITE.
   */
  readonly systemVersioning?: true | SystemVersioningOptions;
  /**
   * MEMORY_OPTIMIZED = ON (In-Memory OLTP): the table lives in memory. `true` is DURABILITY =
   * SCHEMA_AND_DATA (rows survive a restart; a primary key is required); SCHEMA_ONLY keeps only
   * the definition. The database needs a MEMORY_OPTIMIZED_DATA filegroup; indexes are
   * nonclustered hash (`bucketCount`) or range indexes; changes run outside the transaction.
   */
  readonly memoryOptimized?: true | { readonly durability?: 'SCHEMA_AND_DATA' | 'SCHEMA_ONLY' };
  /**
   * SQL Graph (SQL Server 2017+): CREATE TABLE ... AS NODE or AS EDGE. SQL Server adds and keeps
   * the graph columns ($node_id; $edge_id, $from_id, $to_id) and a unique index on the id itself;
   * declare only your own columns (an edge table may have none). A table's graph kind cannot be
   * changed in place: schemac refuses the change.
   */
  readonly graph?: 'node' | 'edge';
  /**
   * LOCK_ESCALATION (ALTER TABLE ... SET): 'TABLE' (the default) escalates many row or page locks
   * to a table lock, 'AUTO' to a partition lock on a partitioned table, 'DISABLE' mostly never.
   */
  readonly lockEscalation?: 'TABLE' | 'AUTO' | 'DISABLE';
  /**
   * Change tracking (ALTER TABLE ... ENABLE CHANGE_TRACKING): SQL Server records which rows
   * changed, for clients that synchronize with CHANGETABLE(CHANGES ...). `true` is
   * TRACK_COLUMNS_UPDATED = OFF; `{ trackColumnsUpdated: true }` also records which columns an
   * UPDATE changed. The table needs a primary key, and the database change tracking
   * (ALTER DATABASE ... SET CHANGE_TRACKING = ON), which schemac does not turn on.
   */
  readonly changeTracking?: true | { readonly trackColumnsUpdated: boolean };
  /**
   * LEDGER = ON (SQL Server 2022+, Azure SQL): a tamper-evident ledger table. 'updatable' keeps
   * every earlier row version in a history table; 'append-only' allows INSERT only. SQL Server
   * adds hidden ledger_* columns, a ledger view (`{table}_Ledger` unless `view` names it) and the
   * history table itself: declare only your own columns. A table's ledger kind never changes
   * (no ALTER turns it on or off): schemac refuses such a change and says what to do instead.
   */
  readonly ledger?: 'updatable' | 'append-only' | LedgerOptions;
}

/** LEDGER = ON with the names of what SQL Server makes for the table ('name' or 'schema.name'; may hold {table}). */
export interface LedgerOptions {
  readonly kind: 'updatable' | 'append-only';
  /** LEDGER_VIEW: the ledger view's name; `{table}_Ledger` in the table's schema otherwise. */
  readonly view?: string;
  /** An updatable table's history table (HISTORY_TABLE); MSSQL_LedgerHistoryFor_<object_id> otherwise. */
  readonly history?: string;
}

/** HISTORY_RETENTION_PERIOD: 'infinite' (the default) or one count of days, weeks, months or years. */
export type HistoryRetentionOption =
  | 'infinite'
  | { readonly days: number } | { readonly weeks: number } | { readonly months: number } | { readonly years: number };

/** Options of SYSTEM_VERSIONING = ON. */
export interface SystemVersioningOptions {
  /** The history table's name (may hold {table}); `{table}_history` otherwise. */
  readonly historyTable?: string;
  /** The history table's schema; the table's own otherwise. */
  readonly historySchema?: string;
  readonly retention?: HistoryRetentionOption;
}

/** Declares a table: `@Table('users')` or `@Table('orders', { schema: 'sales' })`. */
export function Table(name: string, options?: TableOptions): ClassDecorator<object> {
  void name;
  void options;
  return noop();
}

/** Marks a class whose columns and table objects are inherited by the tables extending it. */
export function Mixin(): ClassDecorator<object> {
  return noop();
}

/** Options of an index. */
export interface IndexOptions<T> extends IndexWithOptions {
  /** Where the index lives; the table's place otherwise (aligned, for a partitioned table). */
  readonly on?: DataSpaceOption<ColumnOf<T>>;
  readonly unique?: boolean;
  readonly clustered?: boolean;
  /** INCLUDE columns (nonclustered only). */
  readonly include?: readonly ColumnOf<T>[];
  /** Filter predicate: AND of column-op-constant and column IN (...) (SQL Server's rule). */
  readonly where?: SqlFragment;
  /** Adds the soft-delete filter `[<softDelete column>] = 0`. */
  readonly activeOnly?: boolean;
  /** Declared rename: the index's previous name on this table (may hold {table}); planned as one sp_rename. */
  readonly renamedFrom?: string;
  /** WITH (IGNORE_DUP_KEY = ON), unique unfiltered indexes only: a duplicate INSERT row is skipped with a warning. */
  readonly ignoreDupKey?: boolean;
  /** DATA_COMPRESSION of a nonclustered index (a clustered one has the table's: declare it on @Table). */
  readonly dataCompression?: RowstoreCompression;
  /** XML_COMPRESSION = ON (SQL Server 2022+) of a nonclustered index holding xml columns (a clustered one has the table's: declare it on @Table). */
  readonly xmlCompression?: boolean;
  /** NONCLUSTERED HASH WITH (BUCKET_COUNT = n): a hash index of a memory-optimized table (1..1,073,741,824; SQL Server rounds up to a power of two). */
  readonly bucketCount?: number;
}

/** Options of a clustered columnstore index. */
export interface ClusteredColumnstoreOptions {
  /** COLUMNSTORE (the default) or COLUMNSTORE_ARCHIVE. */
  readonly dataCompression?: 'COLUMNSTORE' | 'COLUMNSTORE_ARCHIVE';
  readonly renamedFrom?: string;
}

/** Options of a nonclustered columnstore index. */
export interface ColumnstoreOptions extends ClusteredColumnstoreOptions {
  /** Filter predicate, as for a filtered index. */
  readonly where?: SqlFragment;
}

/**
 * CREATE CLUSTERED COLUMNSTORE INDEX: the whole table stored by column. It takes no column list,
 * INCLUDE or filter (it holds every column); a table has at most one columnstore index.
 */
export function ClusteredColumnstoreIndex<T>(name: string, options?: ClusteredColumnstoreOptions): ClassDecorator<T> {
  void name;
  void options;
  return noop();
}

/** CREATE NONCLUSTERED COLUMNSTORE INDEX name ON table (columns) [WHERE ...]: no DESC, no INCLUDE. */
export function ColumnstoreIndex<T>(name: string, columns: readonly ColumnOf<T>[], options?: ColumnstoreOptions): ClassDecorator<T> {
  void name;
  void columns;
  void options;
  return noop();
}

/** WITH options an XML or spatial index takes (the common index options that apply to it). */
export interface XmlSpatialIndexWithOptions {
  /** FILLFACTOR: how full (1-100 percent) the leaf pages are built. */
  readonly fillFactor?: number;
  /** PAD_INDEX = ON: the intermediate pages take the fill factor too. */
  readonly padIndex?: boolean;
  /** ALLOW_ROW_LOCKS (default true). */
  readonly allowRowLocks?: boolean;
  /** ALLOW_PAGE_LOCKS (default true). */
  readonly allowPageLocks?: boolean;
  /** Declared rename: the index's previous name on this table (may hold {table}); planned as one sp_rename. */
  readonly renamedFrom?: string;
}

/** Options of a secondary XML index: the primary XML index it is built over, and its kind. */
export interface SecondaryXmlIndexOptions extends XmlSpatialIndexWithOptions {
  /** USING XML INDEX: the name of the column's primary XML index (may hold {table}). */
  readonly using: string;
  /** FOR PATH | VALUE | PROPERTY. */
  readonly for: 'PATH' | 'VALUE' | 'PROPERTY';
}

/**
 * CREATE PRIMARY XML INDEX name ON table (column), or with `{ using, for }` CREATE XML INDEX ...
 * USING XML INDEX primary FOR PATH | VALUE | PROPERTY: on one xml column of a table whose primary
 * key is clustered; a secondary needs the column's primary XML index. Always built offline.
 * `@XmlIndex('pxml_{table}_doc', 'doc')`, `@XmlIndex('xpath_{table}_doc', 'doc', { using: 'pxml_{table}_doc', for: 'PATH' })`.
 */
export function XmlIndex<T>(name: string, column: ColumnOf<T>, options?: XmlSpatialIndexWithOptions | SecondaryXmlIndexOptions): ClassDecorator<T> {
  void name;
  void column;
  void options;
  return noop();
}

/** A grid level's density: 16 (LOW), 64 (MEDIUM, the default) or 256 (HIGH) cells. */
export type GridDensityOption = 'LOW' | 'MEDIUM' | 'HIGH';

/** Options of a spatial index. */
export interface SpatialIndexOptions extends XmlSpatialIndexWithOptions {
  /**
   * USING: GEOMETRY_GRID or GEOMETRY_AUTO_GRID on a geometry column, GEOGRAPHY_GRID or
   * GEOGRAPHY_AUTO_GRID on a geography one; the AUTO_GRID scheme of the column's type otherwise.
   */
  readonly using?: 'GEOMETRY_GRID' | 'GEOMETRY_AUTO_GRID' | 'GEOGRAPHY_GRID' | 'GEOGRAPHY_AUTO_GRID';
  /** BOUNDING_BOX: required by the geometry schemes, refused by the geography ones. */
  readonly boundingBox?: { readonly xmin: number; readonly ymin: number; readonly xmax: number; readonly ymax: number };
  /** GRIDS (GEOMETRY_GRID and GEOGRAPHY_GRID only): each level's density, MEDIUM when left out. */
  readonly grids?: { readonly level1?: GridDensityOption; readonly level2?: GridDensityOption; readonly level3?: GridDensityOption; readonly level4?: GridDensityOption };
  /** CELLS_PER_OBJECT, 1-8192; 16 for the manual grids, 8 for GEOMETRY_AUTO_GRID, 12 for GEOGRAPHY_AUTO_GRID otherwise. */
  readonly cellsPerObject?: number;
  /** DATA_COMPRESSION of the index. */
  readonly dataCompression?: RowstoreCompression;
}

/**
 * CREATE SPATIAL INDEX name ON table (column) USING ... WITH (...): on one geometry or geography
 * column of a table whose primary key is clustered. Always built offline.
 * `@SpatialIndex('six_{table}_place', 'place')`,
 * `@SpatialIndex('six_{table}_shape', 'shape', { using: 'GEOMETRY_GRID', boundingBox: { xmin: 0, ymin: 0, xmax: 500, ymax: 200 } })`.
 */
export function SpatialIndex<T>(name: string, column: ColumnOf<T>, options?: SpatialIndexOptions): ClassDecorator<T> {
  void name;
  void column;
  void options;
  return noop();
}

/** Options every named constraint accepts. */
export interface RenameOptions {
  /** Declared rename: the previous name on this table (may hold {table}); planned as one sp_rename. */
  readonly renamedFrom?: string;
}

/** CREATE INDEX name ON table (columns), e.g. `@Index('ix_{table}_email', ['email'], { unique: true })`. */
export function Index<T>(name: string, columns: readonly KeyColumn<T>[], options?: IndexOptions<T>): ClassDecorator<T> {
  void name;
  void columns;
  void options;
  return noop();
}

/**
 * Whether a check or foreign key is validated against the rows already in the table, and whether
 * it is enforced at all. Both default to true.
 */
export interface ConstraintStateOptions {
  /**
   * false: the rows already in the table are not validated (ALTER TABLE ... WITH NOCHECK ADD, no
   * scan); new and changed rows are. A constraint SQL Server already trusts is left trusted.
   * SQL Server's optimizer ignores a constraint that is not trusted.
   */
  readonly validate?: boolean;
  /** false: disabled (ALTER TABLE ... NOCHECK CONSTRAINT): no row is checked until it is enabled again. */
  readonly enabled?: boolean;
}

/** Options of a CHECK constraint. */
export interface CheckOptions extends RenameOptions, ConstraintStateOptions {
  /** CHECK NOT FOR REPLICATION: rows a replication agent writes are not checked. */
  readonly notForReplication?: boolean;
}

/** A CHECK constraint with a raw predicate: `@Check('ck_{table}_positive', sql`[amount] > 0`)`. */
export function Check<T>(name: string, expression: SqlFragment, options?: CheckOptions): ClassDecorator<T> {
  void name;
  void expression;
  void options;
  return noop();
}

/**
 * Names the DEFAULT constraint of a column, which is df_{table}_{column} (or the project's
 * template) otherwise: `@DefaultName('DF__users__statu__3B75D760', 'status')`. Written on the
 * table class, so a column inherited from a mixin can keep each table's own name (what
 * `schemac pull` writes for system-named defaults); the name may hold {table} and {schema}.
 */
export function DefaultName<T>(name: string, field: ColumnOf<T>, options?: RenameOptions): ClassDecorator<T> {
  void name;
  void field;
  void options;
  return noop();
}

/** Options of a PRIMARY KEY or UNIQUE constraint. */
export interface KeyOptions extends RenameOptions, IndexWithOptions {
  /** Where the key's index lives; the table's place otherwise. A clustered key's is the table's. */
  readonly on?: DataSpaceOption;
  readonly clustered?: boolean;
  /** WITH (IGNORE_DUP_KEY = ON): a duplicate INSERT row is skipped with a warning instead of failing. */
  readonly ignoreDupKey?: boolean;
  /** DATA_COMPRESSION of a nonclustered key's index (a clustered key has the table's). */
  readonly dataCompression?: RowstoreCompression;
  /** XML_COMPRESSION = ON (SQL Server 2022+) of a nonclustered key's index (a clustered key has the table's). */
  readonly xmlCompression?: boolean;
  /** NONCLUSTERED HASH WITH (BUCKET_COUNT = n): the key's index is a hash index (memory-optimized tables only). */
  readonly bucketCount?: number;
}

/** A UNIQUE constraint, named uq_{table}_{columns} unless named. */
export function Unique<T>(columns: readonly KeyColumn<T>[], options?: KeyOptions): ClassDecorator<T>;
export function Unique<T>(name: string, columns: readonly KeyColumn<T>[], options?: KeyOptions): ClassDecorator<T>;
export function Unique<T>(...args: unknown[]): ClassDecorator<T> {
  void args;
  return noop();
}

/** A table-level (e.g. composite) PRIMARY KEY, named pk_{table} unless named. */
export function PrimaryKey<T>(columns: readonly KeyColumn<T>[], options?: KeyOptions): ClassDecorator<T>;
export function PrimaryKey<T>(name: string, columns: readonly KeyColumn<T>[], options?: KeyOptions): ClassDecorator<T>;
export function PrimaryKey<T>(...args: unknown[]): ClassDecorator<T> {
  void args;
  return noop();
}

/** Options of an edge constraint. */
export interface ConnectionOptions {
  /** ON DELETE CASCADE deletes a node's edges with it; NO_ACTION (the default) refuses to delete a node that has edges. */
  readonly onDelete?: 'NO_ACTION' | 'CASCADE';
}

/** One clause of an edge constraint: edges from a node of `from` to a node of `to` (thunks, as ForeignKey's target). */
export interface ConnectionClause {
  readonly from: () => ClassOf<unknown>;
  readonly to: () => ClassOf<unknown>;
}

/**
 * An edge constraint on an edge table (`graph: 'edge'`): CONSTRAINT name CONNECTION (A TO B, ...)
 * [ON DELETE CASCADE]. An edge must match one of the clauses; every constraint of the table
 * must hold. Both tables of each clause must be node tables. Named ec_{table} unless named.
 * `@Connection([{ from: () => Person, to: () => City }], { onDelete: 'CASCADE' })`
 */
export function Connection<T>(clauses: readonly ConnectionClause[], options?: ConnectionOptions): ClassDecorator<T>;
export function Connection<T>(name: string, clauses: readonly ConnectionClause[], options?: ConnectionOptions): ClassDecorator<T>;
export function Connection<T>(...args: unknown[]): ClassDecorator<T> {
  void args;
  return noop();
}

/** ON DELETE / ON UPDATE actions. */
export type ReferentialAction = 'NO_ACTION' | 'CASCADE' | 'SET_NULL' | 'SET_DEFAULT';

/** Options of a foreign key. */
export interface ForeignKeyOptions extends RenameOptions, ConstraintStateOptions {
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  /** ... NOT FOR REPLICATION: rows a replication agent writes are not checked against the target. */
  readonly notForReplication?: boolean;
}

/**
 * A FOREIGN KEY to the table class `target()` returns (a thunk, so tables may reference each
 * other across files); its columns default to the referenced primary key. Named
 * fk_{table}_{columns} unless named.
 */
export function ForeignKey<T, R>(
  columns: readonly ColumnOf<T>[], target: () => ClassOf<R>, referencedColumns?: readonly ColumnOf<R>[], options?: ForeignKeyOptions,
): ClassDecorator<T>;
export function ForeignKey<T, R>(
  name: string, columns: readonly ColumnOf<T>[], target: () => ClassOf<R>, referencedColumns?: readonly ColumnOf<R>[], options?: ForeignKeyOptions,
): ClassDecorator<T>;
export function ForeignKey<T>(...args: unknown[]): ClassDecorator<T> {
  void args;
  return noop();
}
