import type { TemporalChange } from './temporal-changes';
import type { ImpactClass, LockRuleId, TableLock } from '../sqlserver/lock-impact';
import type { LockEscalation } from '../sqlserver/lock-escalation';
import type {
  AliasTypeDef, BoundObject, ChangeTracking, SecurityPolicy, CheckConstraint, EdgeConstraint, Column, RowstoreCompression, DataSpace, DataCompression, DefaultConstraint, DependentModule, ForeignKey, Index, IndexOptions, KeyConstraint, Sequence, SqlExpression, Table, TablePermission, UserStatistics,
} from '../model';

/** A table's qualified name, as every change that touches a table carries it. */
export interface TableRef {
  readonly schema: string;
  readonly name: string;
}

export interface CreateSchema { readonly kind: 'createSchema'; readonly schema: string }
export interface DropSchema { readonly kind: 'dropSchema'; readonly schema: string }

/** CREATE TYPE s.n FROM base [NULL | NOT NULL]: a user alias type, before any table uses it. */
export interface CreateType { readonly kind: 'createType'; readonly type: AliasTypeDef }
/** DROP TYPE s.n, after every column that used it is dropped or altered to another type. */
export interface DropType { readonly kind: 'dropType'; readonly type: AliasTypeDef }
/**
 * An alias type's definition changes: SQL Server has no ALTER TYPE, so DROP TYPE then CREATE
 * TYPE, before any table uses the new definition. Planned only when no column keeps using the
 * old one (otherwise refused, naming the columns); its inverse swaps from and to.
 */
export interface RedefineType { readonly kind: 'redefineType'; readonly from: AliasTypeDef; readonly to: AliasTypeDef }

/**
 * CREATE TABLE with its columns, named defaults, checks, primary key and UNIQUE constraints
 * inline. Its indexes and foreign keys are separate changes (they need ordering of their own).
 */
/** `systemNamed`: a down script re-creating a dropped table creates its system-named constraints unnamed (AddDefault's `systemNamed`). */
export interface CreateTable { readonly kind: 'createTable'; readonly table: Table; readonly systemNamed?: true }
/** DROP TABLE; `table` is the full catalog table so the inverse can recreate it. */
export interface DropTable { readonly kind: 'dropTable'; readonly table: Table }
export interface RenameTable { readonly kind: 'renameTable'; readonly schema: string; readonly from: string; readonly to: string }
/**
 * ALTER SCHEMA `to` TRANSFER OBJECT::`from`.`name`: the table moves to another schema under the
 * same name, with its rows, columns, indexes, constraints (their names kept) and triggers;
 * permissions granted on it are dropped (and granted again, when read). A move that also renames is this, then a renameTable in
 * the new schema; the inverse transfers it back.
 * https://learn.microsoft.com/sql/t-sql/statements/alter-schema-transact-sql
 */
export interface TransferTable {
  readonly kind: 'transferTable'; readonly name: string; readonly from: string; readonly to: string;
  /**
   * The table's permissions, granted again right after the move (which drops them all), under the
   * column names the table has then; absent when the catalog did not read them.
   */
  readonly permissions?: readonly TablePermission[];
}

/**
 * ALTER TABLE ADD. With `default`, the column's named DEFAULT constraint is added in the same
 * statement (`ADD c type NOT NULL CONSTRAINT df DEFAULT (expr)`): SQL Server fills every existing
 * row with it, as metadata only where the edition allows (see src/sqlserver/not-null-add.ts).
 */
/**
 * ALTER TABLE ADD; `permissions`: the column-level permissions a column re-created in place of an
 * old one (or re-added by the down script) had, granted again after the ADD.
 */
export interface AddColumn { readonly kind: 'addColumn'; readonly table: TableRef; readonly column: Column; readonly default?: DefaultConstraint; readonly permissions?: readonly TablePermission[] }
/** ALTER TABLE DROP COLUMN; with `default` (the inverse of an ADD that carried one), that constraint is dropped first. */
export interface DropColumn { readonly kind: 'dropColumn'; readonly table: TableRef; readonly column: Column; readonly default?: DefaultConstraint; readonly permissions?: readonly TablePermission[] }
export interface RenameColumn { readonly kind: 'renameColumn'; readonly table: TableRef; readonly from: string; readonly to: string }
/** An index or UNIQUE constraint an ALTER COLUMN drops just before and re-creates just after. */
export type AroundAlter =
  | { readonly kind: 'index'; readonly index: Index }
  | { readonly kind: 'unique'; readonly constraint: KeyConstraint };

/** ALTER COLUMN: type, length, nullability or collation. Identity and computed never alter in place. */
export interface AlterColumn {
  readonly kind: 'alterColumn';
  readonly table: TableRef;
  readonly from: Column;
  readonly to: Column;
  /** WITH (ONLINE = ON): set by the production pass where the server allows it (lock-impact.ts). */
  readonly online?: boolean;
  /**
   * Objects that block this ALTER but not its inverse, rebuilt around it within the step: the
   * down direction of widening an indexed varchar (SQL Server grows an indexed variable-length
   * column in place but cannot shrink it), so only the down script rebuilds.
   */
  readonly around?: readonly AroundAlter[];
  /** The table is memory-optimized: indexes `around` it are dropped and added by ALTER TABLE ... DROP | ADD INDEX. */
  readonly memoryOptimized?: true;
}
/** UPDATE t SET c = <expression> WHERE c IS NULL, before the column becomes NOT NULL. */
export interface BackfillColumn {
  readonly kind: 'backfillColumn';
  readonly table: TableRef;
  readonly column: string;
  readonly expression: SqlExpression;
  /** Rows per UPDATE TOP (n) batch on a large table (the production pass sets it); absent: one UPDATE. */
  readonly batchRows?: number;
}

/**
 * `replaces` on an add (or create) change: the definition of the object of the same kind that
 * the plan drops just before to re-create it changed (SQL Server has no ALTER CONSTRAINT), so
 * the plan can show old -> new side by side. Absent for a plain addition.
 */
/**
 * `systemNamed` on an add: a down script re-creating a constraint whose name SQL Server generated
 * (is_system_named) adds it unnamed, so SQL Server names it again (a new DF__/FK__/... name, as
 * when it was first made). Re-added under its old name it would count as named by the user
 * (is_system_named 0, which no statement can set back to 1), and `"systemNames": "keep"` would
 * then plan renames after the down script. Inferred; DacFx likewise creates unnamed constraints
 * unnamed.
 */
export interface AddDefault { readonly kind: 'addDefault'; readonly table: TableRef; readonly constraint: DefaultConstraint; readonly replaces?: DefaultConstraint; readonly systemNamed?: true }
export interface DropDefault { readonly kind: 'dropDefault'; readonly table: TableRef; readonly constraint: DefaultConstraint }
export interface AddCheck { readonly kind: 'addCheck'; readonly table: TableRef; readonly constraint: CheckConstraint; readonly replaces?: CheckConstraint; readonly systemNamed?: true }
export interface DropCheck { readonly kind: 'dropCheck'; readonly table: TableRef; readonly constraint: CheckConstraint }
export interface AddPrimaryKey { readonly kind: 'addPrimaryKey'; readonly table: TableRef; readonly constraint: KeyConstraint; readonly online?: OnlineBuild; readonly replaces?: KeyConstraint; readonly systemNamed?: true }
/** `online`: WITH (ONLINE = ON), for a clustered key, set by the production pass where the server allows it. */
export interface DropPrimaryKey { readonly kind: 'dropPrimaryKey'; readonly table: TableRef; readonly constraint: KeyConstraint; readonly online?: boolean }
export interface AddUnique { readonly kind: 'addUnique'; readonly table: TableRef; readonly constraint: KeyConstraint; readonly online?: OnlineBuild; readonly replaces?: KeyConstraint; readonly systemNamed?: true }
export interface DropUnique { readonly kind: 'dropUnique'; readonly table: TableRef; readonly constraint: KeyConstraint; readonly online?: boolean }
/**
 * How an index is built online (WITH (ONLINE = ON ...)); set by the production pass only where
 * the server supports it. `lowPriorityWaitMinutes`: WAIT_AT_LOW_PRIORITY (MAX_DURATION = n
 * MINUTES, ABORT_AFTER_WAIT = SELF), or null for a normal lock wait.
 */
export interface OnlineBuild { readonly lowPriorityWaitMinutes: number | null }
/**
 * `--resumable` (differ/resumable.ts): the build runs after COMMIT, outside the plan's
 * transaction, WITH (ONLINE = ON, RESUMABLE = ON [, MAX_DURATION = n MINUTES]).
 */
export interface ResumableBuild { readonly maxDurationMinutes: number | null }
/** `memoryOptimized`: the table is memory-optimized, so the index is added by ALTER TABLE ... ADD INDEX (memory-optimized.ts). */
export interface CreateIndex {
  readonly kind: 'createIndex'; readonly table: TableRef; readonly index: Index; readonly online?: OnlineBuild; readonly replaces?: Index;
  readonly resumable?: ResumableBuild;
  readonly memoryOptimized?: true;
}
/**
 * `online`: DROP INDEX ... WITH (ONLINE = ON), for a clustered index, as DropPrimaryKey's.
 * `memoryOptimized`: ALTER TABLE ... DROP INDEX, the only way on a memory-optimized table.
 */
export interface DropIndex { readonly kind: 'dropIndex'; readonly table: TableRef; readonly index: Index; readonly online?: boolean; readonly memoryOptimized?: true }
/**
 * ALTER TABLE t ALTER INDEX i REBUILD WITH (BUCKET_COUNT = n): a hash index (or a hash key's
 * index) of a memory-optimized table gets another bucket count, its other properties kept
 * (https://learn.microsoft.com/sql/relational-databases/in-memory-oltp/altering-memory-optimized-tables).
 * `from` and `to` as declared or stored; they differ once rounded up to a power of two.
 */
export interface AlterBucketCount { readonly kind: 'alterBucketCount'; readonly table: TableRef; readonly index: string; readonly from: number; readonly to: number }
/**
 * CREATE INDEX ... WITH (DROP_EXISTING = ON): one statement that re-defines an existing index
 * of the same name (key columns, order, INCLUDE, filter, uniqueness), never clustered to
 * nonclustered, which DROP_EXISTING cannot do. Its inverse is the same with from and to swapped;
 * the inverse of an index made clustered is rendered as DROP INDEX then CREATE INDEX.
 */
export interface RedefineIndex { readonly kind: 'redefineIndex'; readonly table: TableRef; readonly from: Index; readonly to: Index; readonly online?: OnlineBuild }
export interface AddForeignKey { readonly kind: 'addForeignKey'; readonly table: TableRef; readonly constraint: ForeignKey; readonly replaces?: ForeignKey; readonly systemNamed?: true }
export interface DropForeignKey { readonly kind: 'dropForeignKey'; readonly table: TableRef; readonly constraint: ForeignKey }
/**
 * ALTER TABLE edge ADD CONSTRAINT c CONNECTION (a TO b, ...) [ON DELETE CASCADE]: after the node
 * tables it names exist (graph-edge-constraints). SQL Server has no ALTER of an edge constraint:
 * a changed one is dropped and added (`replaces` holds the old definition).
 */
export interface AddEdgeConstraint { readonly kind: 'addEdgeConstraint'; readonly table: TableRef; readonly constraint: EdgeConstraint; readonly replaces?: EdgeConstraint }
/** ALTER TABLE edge DROP CONSTRAINT c: before the node tables it names can be dropped. */
export interface DropEdgeConstraint { readonly kind: 'dropEdgeConstraint'; readonly table: TableRef; readonly constraint: EdgeConstraint }

/** sp_rename of an index (objectType 'INDEX') or a constraint/default (objectType 'OBJECT'). */
export interface RenameConstraint {
  readonly kind: 'renameConstraint';
  readonly table: TableRef;
  readonly objectType: 'INDEX' | 'OBJECT';
  readonly from: string;
  readonly to: string;
}
/**
 * ALTER TABLE t WITH CHECK CHECK CONSTRAINT c: re-validate an untrusted check or FK, enabling it
 * too when `wasDisabled` (so the inverse disables it again).
 */
export interface RevalidateConstraint {
  readonly kind: 'revalidateConstraint';
  readonly table: TableRef;
  readonly name: string;
  readonly wasDisabled?: true;
}
/** The inverse of a revalidation: ALTER TABLE t NOCHECK CONSTRAINT c (then WITH NOCHECK CHECK to re-enable untrusted). */
export interface UntrustConstraint {
  readonly kind: 'untrustConstraint';
  readonly table: TableRef;
  readonly name: string;
}
/**
 * ALTER TABLE t NOCHECK CONSTRAINT c: a check or FK declared `enabled: false`. `wasTrusted` says
 * what the inverse restores: a trusted one is re-enabled WITH CHECK, an untrusted one WITH NOCHECK.
 */
export interface DisableConstraint {
  readonly kind: 'disableConstraint';
  readonly table: TableRef;
  readonly name: string;
  readonly wasTrusted: boolean;
}
/** ALTER TABLE t WITH NOCHECK CHECK CONSTRAINT c: a disabled check or FK enabled again, the rows already there not checked (`validate: false`). */
export interface EnableConstraint {
  readonly kind: 'enableConstraint';
  readonly table: TableRef;
  readonly name: string;
}

/** CREATE SEQUENCE, before the tables and defaults that draw from it. */
export interface CreateSequence { readonly kind: 'createSequence'; readonly sequence: Sequence }
/** DROP SEQUENCE, after the tables and defaults that drew from it; `sequence` is the catalog's, so the inverse can recreate it. */
export interface DropSequence { readonly kind: 'dropSequence'; readonly sequence: Sequence }
/**
 * ALTER SEQUENCE: every option but the type (which ALTER SEQUENCE cannot change: that is a drop
 * and create). A changed start is RESTART WITH, which also resets the next value.
 */
export interface AlterSequence { readonly kind: 'alterSequence'; readonly from: Sequence; readonly to: Sequence }
/**
 * A sequence whose type changes (ALTER SEQUENCE has no AS): DROP and CREATE SEQUENCE in one
 * batch that reads, at apply time, the value the old one reached (sys.sequences.current_value)
 * and hands out the new one's values up to it (sp_sequence_get_range), so NEXT VALUE FOR
 * continues after it and `to.start` stays as declared. Its inverse is the same the other way.
 */
export interface RecreateSequence { readonly kind: 'recreateSequence'; readonly from: Sequence; readonly to: Sequence }
/**
 * DROP VIEW | PROCEDURE | FUNCTION | TRIGGER of an object schemac does not manage, only ever to
 * re-create it (a schema-bound object in the way of a change) or because its table goes (a
 * trigger): its inverse re-creates it from its stored definition.
 */
export interface DropModule { readonly kind: 'dropModule'; readonly module: DependentModule }
/** Re-creates a module from its stored definition (sys.sql_modules), and an indexed view's indexes. */
export interface CreateModule { readonly kind: 'createModule'; readonly module: DependentModule }
/**
 * sp_refreshsqlmodule of a non-schema-bound view, procedure or function over a table whose
 * columns the plan changes (differ/refresh-modules.ts): its stored metadata (a view's columns,
 * a `SELECT *` expanded) is bound again to the tables as they are now. Its own inverse: the down
 * script refreshes it again, after its own table changes (see scriptOrder).
 */
export interface RefreshModule { readonly kind: 'refreshModule'; readonly module: DependentModule }
/**
 * DROP SECURITY POLICY of a row-level security policy schemac does not manage, only ever to
 * re-create it exactly after a step it binds (differ/security-policies.ts): its inverse re-creates it.
 */
export interface DropSecurityPolicy { readonly kind: 'dropSecurityPolicy'; readonly policy: SecurityPolicy }
/** CREATE SECURITY POLICY as read: its predicates in order, STATE, SCHEMABINDING and NOT FOR REPLICATION. */
export interface CreateSecurityPolicy { readonly kind: 'createSecurityPolicy'; readonly policy: SecurityPolicy }

/**
 * The MS_Description extended property of a table (`column` null) or a column: added (`from`
 * null: sp_addextendedproperty), changed (sp_updateextendedproperty) or removed (`to` null:
 * sp_dropextendedproperty). New tables and columns carry theirs in createTable / addColumn.
 */
export interface SetDescription {
  readonly kind: 'setDescription';
  readonly table: TableRef;
  readonly column: string | null;
  readonly from: string | null;
  readonly to: string | null;
}
/**
 * ALTER TABLE t REBUILD WITH (DATA_COMPRESSION = x, XML_COMPRESSION = y) when `index` is null (the
 * heap or rowstore clustered index: the table's rows), else ALTER INDEX i ON t REBUILD WITH (...):
 * one rebuild for both kinds of compression. `from` equals `to` when only XML_COMPRESSION changes.
 */
export interface RebuildCompression {
  readonly kind: 'rebuildCompression';
  readonly table: TableRef;
  /** `offlineOnly`: an XML or spatial index, which SQL Server never rebuilds online. */
  readonly index: { readonly name: string; readonly clustered: boolean; readonly columnstore?: boolean; readonly offlineOnly?: true } | null;
  readonly from: DataCompression;
  readonly to: DataCompression;
  /** XML_COMPRESSION (ON: true) changed by the same rebuild; absent: kept. */
  readonly xml?: XmlCompressionChange;
  readonly online?: OnlineBuild;
}
/** An XML_COMPRESSION change, OFF (false) or ON (true), old -> new. */
export interface XmlCompressionChange { readonly from: boolean; readonly to: boolean }
/** ALTER INDEX i ON t SET (IGNORE_DUP_KEY = ON | OFF): an index or the index of a PRIMARY KEY / UNIQUE constraint. */
export interface SetIgnoreDupKey { readonly kind: 'setIgnoreDupKey'; readonly table: TableRef; readonly index: string; readonly to: boolean }
/**
 * ALTER INDEX i ON t REBUILD WITH (PAD_INDEX = ..., FILLFACTOR = n): the options an existing index
 * takes only when it is built again. `from` and `to` hold the index's options; the rebuild sets
 * those of them that change that way (src/sqlserver/index-options.ts). A DATA_COMPRESSION change
 * of the same index (for a clustered one, the table's) rides in the same rebuild: one rebuild, not two.
 */
export interface RebuildIndexOptions {
  readonly kind: 'rebuildIndexOptions';
  readonly table: TableRef;
  /** `offlineOnly`: an XML or spatial index, which SQL Server never rebuilds online. */
  readonly index: { readonly name: string; readonly clustered: boolean; readonly offlineOnly?: true };
  readonly from: IndexOptions;
  readonly to: IndexOptions;
  /** DATA_COMPRESSION changed by the same rebuild; absent: kept. */
  readonly compression?: { readonly from: DataCompression; readonly to: DataCompression };
  /** XML_COMPRESSION changed by the same rebuild; absent: kept. */
  readonly xmlCompression?: XmlCompressionChange;
  readonly online?: OnlineBuild;
}
/** ALTER INDEX i ON t SET (ALLOW_ROW_LOCKS = ..., ...): the options that apply at once, without a rebuild. */
export interface SetIndexOptions { readonly kind: 'setIndexOptions'; readonly table: TableRef; readonly index: string; readonly from: IndexOptions; readonly to: IndexOptions }
/** ALTER TABLE t ALTER COLUMN c ADD SPARSE | DROP SPARSE. */
export interface SetSparse { readonly kind: 'setSparse'; readonly table: TableRef; readonly column: string; readonly sparse: boolean }
/** ALTER TABLE t ALTER COLUMN c ADD | DROP ROWGUIDCOL (alter-table-transact-sql). */
/**
 * A heap (a table without a clustered index) moved to another filegroup or partition scheme: SQL
 * Server has no statement that moves a heap, so a transient clustered index is built on `key` in
 * the target place and dropped again, which leaves the heap there, with its compression
 * (create-index-transact-sql "ON"; drop-index-transact-sql: dropping a clustered index without
 * MOVE TO leaves the heap where the index was). `from` / `to` null: the default filegroup.
 */
export interface MoveHeap {
  readonly kind: 'moveHeap'; readonly table: TableRef;
  readonly from: DataSpace | null; readonly to: DataSpace | null;
  /** The column the transient index is built on: the partitioning column on a scheme. */
  readonly key: string;
  /** The heap's DATA_COMPRESSION, kept through the move; absent: NONE. */
  readonly compression?: RowstoreCompression;
  /** The heap's XML_COMPRESSION = ON, kept through the move; absent: OFF. */
  readonly xmlCompression?: true;
  readonly online?: OnlineBuild;
}
/**
 * ALTER TABLE t ENABLE CHANGE_TRACKING [WITH (TRACK_COLUMNS_UPDATED = ON)] (sqlserver/change-tracking.ts).
 * `aroundKey`: the table keeps its tracking, enabled again once its primary key is re-created
 * (SQL Server refuses dropping the key of a tracked table, Msg 3735).
 */
export interface EnableChangeTracking { readonly kind: 'enableChangeTracking'; readonly table: TableRef; readonly tracking: ChangeTracking; readonly aroundKey?: true }
/**
 * ALTER TABLE t DISABLE CHANGE_TRACKING: its change history is dropped. `tracking` is the setting
 * it had, which its inverse enables again; `aroundKey` as EnableChangeTracking's.
 */
export interface DisableChangeTracking { readonly kind: 'disableChangeTracking'; readonly table: TableRef; readonly tracking: ChangeTracking; readonly aroundKey?: true }
/** ALTER TABLE ... SET (LOCK_ESCALATION = to) (sqlserver/lock-escalation.ts). */
export interface SetLockEscalation { readonly kind: 'setLockEscalation'; readonly table: TableRef; readonly from: LockEscalation; readonly to: LockEscalation }
export interface SetRowGuidCol { readonly kind: 'setRowGuidCol'; readonly table: TableRef; readonly column: string; readonly rowguidcol: boolean }
/**
 * A column's Dynamic Data Masking function: `to` null is ALTER COLUMN c DROP MASKED, otherwise
 * ALTER COLUMN c ADD MASKED WITH (FUNCTION = 'to'), which also replaces a mask (`from` set).
 * Metadata only: the stored values do not change. Its inverse swaps from and to.
 */
export interface SetMask {
  readonly kind: 'setMask'; readonly table: TableRef; readonly column: string; readonly from: string | null; readonly to: string | null;
  /** Dropped before an ALTER COLUMN of the column and added back after it, inside the plan. */
  readonly aroundAlter?: true;
}
/**
 * ALTER TABLE t ALTER COLUMN c ADD | DROP NOT FOR REPLICATION: an identity column's NOT FOR
 * REPLICATION changes in place (the column and its values stay). Its inverse flips it back.
 */
export interface SetNotForReplication { readonly kind: 'setNotForReplication'; readonly table: TableRef; readonly column: string; readonly notForReplication: boolean }

/**
 * DROP STATISTICS of a CREATE STATISTICS object that a column change would be refused over
 * (statistics.ts): schemac never drops one for its own sake. `table` is the name the step runs under.
 */
export interface DropStatistics { readonly kind: 'dropStatistics'; readonly table: TableRef; readonly statistics: UserStatistics }
/** CREATE STATISTICS again after that change, under the table's and its columns' names at that point. */
export interface CreateStatistics { readonly kind: 'createStatistics'; readonly table: TableRef; readonly statistics: UserStatistics }

/**
 * sp_unbindefault / sp_unbindrule on a column (bindings.ts): a bound default or rule (CREATE
 * DEFAULT / CREATE RULE, deprecated; never declared) unbound before a step SQL Server refuses
 * while it is bound, or for good when a declared default replaces it. The object itself stays.
 * `table` and `column` are the names the step runs under.
 */
export interface UnbindColumn { readonly kind: 'unbindColumn'; readonly table: TableRef; readonly column: string; readonly what: 'default' | 'rule'; readonly object: BoundObject }
/** sp_bindefault / sp_bindrule: the binding again, after the step it was in the way of (or by the down script). */
export interface BindColumn { readonly kind: 'bindColumn'; readonly table: TableRef; readonly column: string; readonly what: 'default' | 'rule'; readonly object: BoundObject }

/**
 * sp_unbindefault / sp_unbindrule N'schema.type', 'futureonly' on an alias type, before a DROP
 * TYPE (or the DROP TYPE + CREATE TYPE of a redefinition) takes the binding with it; futureonly
 * leaves the columns' own bindings alone (bindings.ts manages those).
 */
export interface UnbindType { readonly kind: 'unbindType'; readonly type: { readonly schema: string; readonly name: string }; readonly what: 'default' | 'rule'; readonly object: BoundObject }
/** sp_bindefault / sp_bindrule ..., N'schema.type', 'futureonly': the type's binding again, for the columns made of it from then on. */
export interface BindType { readonly kind: 'bindType'; readonly type: { readonly schema: string; readonly name: string }; readonly what: 'default' | 'rule'; readonly object: BoundObject }

/** Every change schemac can plan. Changes hold model objects, never SQL. */
export type Change =
  | CreateSchema | DropSchema
  | CreateType | DropType | RedefineType
  | CreateTable | DropTable | RenameTable | TransferTable
  | AddColumn | DropColumn | RenameColumn | AlterColumn | BackfillColumn
  | AddDefault | DropDefault | AddCheck | DropCheck
  | AddPrimaryKey | DropPrimaryKey | AddUnique | DropUnique
  | CreateIndex | DropIndex | RedefineIndex | AlterBucketCount | AddForeignKey | DropForeignKey | AddEdgeConstraint | DropEdgeConstraint
  | RenameConstraint | RevalidateConstraint | UntrustConstraint | DisableConstraint | EnableConstraint
  | CreateSequence | DropSequence | AlterSequence | RecreateSequence
  | RebuildCompression | SetIgnoreDupKey | SetSparse | SetRowGuidCol | SetLockEscalation | EnableChangeTracking | DisableChangeTracking | MoveHeap | SetMask | SetNotForReplication | RebuildIndexOptions | SetIndexOptions
  | SetDescription
  | DropModule | CreateModule | RefreshModule
  | DropSecurityPolicy | CreateSecurityPolicy
  | DropStatistics | CreateStatistics
  | UnbindColumn | BindColumn | UnbindType | BindType
  | TemporalChange;

export type ChangeKind = Change['kind'];

/** Stable hazard codes; documented in the README. */
export type HazardCode =
  | 'data-loss'          // a table, column or data in a column is destroyed
  | 'table-rebuild'      // SQL Server rewrites the table (e.g. identity change needs a new table)
  | 'index-build'        // an index is built over a table with many rows
  | 'constraint-scan'    // a FK or check is validated over existing rows (a scan, may fail)
  | 'identity-change'    // identity seed/increment or the identity property changes
  | 'not-null-with-rows' // a column becomes NOT NULL over existing rows
  | 'irreversible'       // the step has no faithful inverse
  | 'sequence-restart'   // a sequence's numbering restarts (RESTART WITH): values may be generated again
  | 'dependent-object'   // a view, procedure, function or trigger uses what the step drops, renames or retypes
  | 'dependent-rebuild'  // a schema-bound view or function, a security policy, or CREATE STATISTICS statistics, is dropped and re-created around the step
  | 'permissions-dropped' // ALTER SCHEMA ... TRANSFER drops every permission granted on the object it moves
  | 'unmasks-data'       // a column's Dynamic Data Masking mask is dropped: readers without UNMASK see its values
  | 'change-tracking-reset' // change tracking is disabled (and maybe enabled again): the table's change history is dropped
  | 'column-order';      // a column dropped and re-added comes back last: the table's column order changes

export interface Hazard {
  readonly code: HazardCode;
  readonly message: string;
}

/** One planned step: the change, its hazards and its inverse (null: no inverse of its own). */
export interface PlanStep {
  readonly change: Change;
  readonly hazards: readonly Hazard[];
  readonly inverse: Change | null;
  /**
   * Set only with a null inverse, when the step needs none because the inverse of another step
   * of the plan undoes it (the backfill of a new column: the down script drops the column).
   * The text says why; such a step is reversible.
   */
  readonly undoneBy?: string;
  /** What the step locks and how its cost scales (the production pass, lock-impact.ts). */
  readonly impact?: StepImpact;
  /**
   * Hazards of running the step's inverse (the down script), where they differ from the step's
   * own: the narrowing that undoes a widening, and the index it rebuilds around it. Absent: none.
   */
  readonly downHazards?: readonly Hazard[];
  /**
   * The step changes a memory-optimized table: SQL Server runs its DDL only outside a user
   * transaction, so it runs on its own after COMMIT (its inverse, in a down script, before BEGIN
   * TRANSACTION). Such steps come last in the plan (differ/memory-optimized.ts).
   */
  readonly memoryOptimized?: true;
}

/** A step's lock impact: its row of the lock-impact table, applied to the table it touches. */
export interface StepImpact {
  readonly rule: LockRuleId;
  readonly class: ImpactClass;
  readonly lock: TableLock;
  /** true/false for steps that have an online form; null for steps that do not. */
  readonly online: boolean | null;
  /** Why an operation that could run online does not, e.g. "Standard edition has no online index operations". */
  readonly offlineReason: string | null;
  /** Rows and MB of the table (catalog), null when unknown or not a table step. */
  readonly rows: number | null;
  readonly mb: number | null;
  /** UPDATE batches a batched backfill expects at most. */
  readonly batches: number | null;
}

/** An object present in the database that the plan leaves alone, and why. */
export interface SkippedObject {
  readonly table: TableRef;
  readonly objectType: 'table' | 'column' | 'index' | 'check' | 'default' | 'primaryKey' | 'unique' | 'foreignKey' | 'edgeConstraint' | 'schema' | 'type' | 'sequence';
  readonly name: string;
  readonly reason: string;
}

/** Something the plan's author should know that is not a step (e.g. a stale declared rename). */
export interface PlanWarning {
  /** The table it concerns (its name in the schema). */
  readonly table: TableRef;
  readonly message: string;
}

/**
 * A change the plan does not make because it would touch something schemac cannot model (or
 * does not manage): the database keeps that part as it is, and `apply` refuses.
 */
export interface RefusedChange {
  readonly table: TableRef;
  /** What the change was, e.g. `alter column body`. */
  readonly change: string;
  /** Why it is refused, naming the object in the way. */
  readonly reason: string;
}

/**
 * A database setting the plan needs that schemac does not manage (the app's policy adds it, never
 * the differ): the plan and the script say to set it first, and apply refuses while it is not set.
 * `databaseChangeTracking`: the database's change tracking must be on before a table's is enabled.
 */
export interface PlanPrerequisite {
  readonly kind: 'databaseChangeTracking';
  /** The database's name (DB_NAME()), or null when not known. */
  readonly database: string | null;
  /** The tables the plan enables change tracking on. */
  readonly tables: readonly TableRef[];
}

/** The ordered result of diffing desired against current. */
export interface Plan {
  readonly steps: readonly PlanStep[];
  readonly skipped: readonly SkippedObject[];
  /** What is not a step but matters (the differ always sets it; hand-built plans may leave it out). */
  readonly warnings?: readonly PlanWarning[];
  /**
   * The collation the plan's names compare under (the database's). Renderers match names with
   * it; absent (a hand-built plan), the default collation.
   */
  readonly collation?: string;
  /** Present (and non-empty) only when some change had to be refused. */
  readonly refused?: readonly RefusedChange[];
  /** Present (and non-empty) only when the database needs a setting before the plan can run. */
  readonly prerequisites?: readonly PlanPrerequisite[];
}

/** A step `--resumable` runs after COMMIT, outside the plan's transaction (a resumable index build). */
export function runsAfterCommit(change: Change): change is CreateIndex & { readonly resumable: ResumableBuild } {
  return change.kind === 'createIndex' && change.resumable !== undefined;
}

/** Exhaustiveness guard for switches over a discriminated union (kept here for the differ's importers). */
export { assertNever } from '../util/assert-never';

/** The table a change touches, under the name the step uses. */
export function tableOf(change: Change): TableRef | null {
  switch (change.kind) {
    case 'createSchema': case 'dropSchema': case 'createType': case 'dropType': case 'redefineType': case 'unbindType': case 'bindType': return null;
    case 'createSequence': case 'dropSequence': case 'alterSequence': case 'recreateSequence': return null;
    case 'createTable': case 'dropTable': return { schema: change.table.schema, name: change.table.name };
    case 'renameTable': return { schema: change.schema, name: change.to };
    case 'transferTable': return { schema: change.to, name: change.name };
    case 'dropModule': case 'createModule': case 'refreshModule': return null;
    case 'dropSecurityPolicy': case 'createSecurityPolicy': return null;
    default: return change.table;
  }
}

/**
 * The order a script runs the plan's steps in: `up`, the plan's order; `down`, the inverses in
 * reverse order, except refreshes, which run last and in the plan's order: sp_refreshsqlmodule
 * binds a module to the tables as they are when it runs, so the down script refreshes after
 * undoing the table changes, and a module over another one after that one.
 */
export function scriptOrder(steps: readonly PlanStep[], direction: 'up' | 'down'): number[] {
  const indexes = steps.map((_, i) => i);
  if (direction === 'up') return indexes;
  const refresh = (i: number) => (steps[i] as PlanStep).change.kind === 'refreshModule';
  return [...indexes.filter((i) => !refresh(i)).reverse(), ...indexes.filter(refresh)];
}
