/** The engine's syntax tree: what the statement parser builds from grammar tokens. */
import type { ChangeTrackingOptions } from './change-tracking';
import type { DdlOption } from './editions';
import type { PermissionStatement } from './security';

/** A type as written: name lower-cased, arguments as numbers or 'max'. */
export interface TypeRef {
  readonly name: string; readonly args: readonly (number | 'max')[]; /** The type's schema when written ([dbo].[Email]). */ readonly schema?: string;
  /** xml([CONTENT | DOCUMENT] collection): typed XML (create-table-transact-sql.md, xml_schema_collection). */
  readonly xml?: { readonly document: boolean; readonly collection: Name };
}

/** A (possibly multi-part) object name; the last part is the object. */
export type Name = readonly string[];

export type Expr =
  | { readonly k: 'lit'; readonly v: null | number | string | Buffer; readonly lt: 'null' | 'int' | 'dec' | 'float' | 'str' | 'nstr' | 'bin'; readonly text: string }
  | { readonly k: 'col'; readonly parts: Name }
  | { readonly k: 'var'; readonly name: string }
  | { readonly k: 'star'; readonly qual?: string }
  | { readonly k: 'un'; readonly op: '-' | '+' | '~' | 'NOT'; readonly e: Expr }
  | { readonly k: 'bin'; readonly op: string; readonly l: Expr; readonly r: Expr }
  | { readonly k: 'isnull'; readonly e: Expr; readonly not: boolean }
  | { readonly k: 'in'; readonly e: Expr; readonly list?: readonly Expr[]; readonly sub?: Select; readonly not: boolean }
  | { readonly k: 'like'; readonly e: Expr; readonly pat: Expr; readonly not: boolean }
  | { readonly k: 'between'; readonly e: Expr; readonly lo: Expr; readonly hi: Expr; readonly not: boolean }
  | { readonly k: 'exists'; readonly sub: Select }
  | { readonly k: 'subq'; readonly sub: Select }
  | { readonly k: 'fn'; readonly name: string; readonly args: readonly Expr[]; readonly star: boolean; readonly distinct: boolean; /** STRING_AGG's WITHIN GROUP (ORDER BY ...). */ readonly within?: readonly OrderItem[] }
  /** A window function: fn(...) OVER ([PARTITION BY ...] [ORDER BY ...] [ROWS|RANGE frame]) (windows.ts). */
  | { readonly k: 'over'; readonly fn: Extract<Expr, { k: 'fn' }>; readonly partition: readonly Expr[]; readonly order: readonly OrderItem[]; readonly frame?: WindowFrame }
  | { readonly k: 'case'; readonly operand?: Expr; readonly whens: readonly (readonly [Expr, Expr])[]; readonly els?: Expr }
  | { readonly k: 'cast'; readonly e: Expr; readonly type: TypeRef; readonly style?: Expr; readonly try: boolean }
  /** NEXT VALUE FOR [schema.]sequence (ddl-sequences.ts). */
  | { readonly k: 'nextval'; readonly name: Name };

/** ROWS | RANGE BETWEEN start AND end; a bound is a row offset (negative: PRECEDING), 0 CURRENT ROW, or +-Infinity for UNBOUNDED. */
export interface WindowFrame { readonly unit: 'ROWS' | 'RANGE'; readonly start: number; readonly end: number }

/** One common table expression of WITH (cte.ts). */
export interface Cte { readonly name: string; readonly columns?: readonly string[]; readonly sel: Select }

/** OUTPUT inserted.x, deleted.y [INTO target [(columns)]] of INSERT / UPDATE / DELETE / MERGE (output.ts). */
export interface OutputClause { readonly items: readonly SelectItem[]; readonly into?: { readonly name: Name; readonly columns?: readonly string[] } }

/**
 * FOR SYSTEM_TIME after a system-versioned table in FROM: which row versions, of the current and
 * the history table, the query sees (https://learn.microsoft.com/sql/relational-databases/tables/temporal/query-data).
 */
export type SystemTime =
  | { readonly k: 'asOf'; readonly at: Expr }
  | { readonly k: 'fromTo' | 'between' | 'containedIn'; readonly start: Expr; readonly end: Expr }
  | { readonly k: 'all' };

export type FromItem =
  | { readonly k: 'table'; readonly name: Name; readonly alias?: string; readonly systemTime?: SystemTime }
  /** A table-valued function call: dbo.f(args) [AS] alias. */
  | { readonly k: 'tvf'; readonly name: Name; readonly args: readonly Expr[]; readonly alias?: string }
  /** CROSS APPLY / OUTER APPLY: r is evaluated once per row of l, seeing l's columns. */
  | { readonly k: 'apply'; readonly outer: boolean; readonly l: FromItem; readonly r: FromItem }
  | { readonly k: 'derived'; readonly sub: Select; readonly alias: string }
  | { readonly k: 'join'; readonly type: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'CROSS'; readonly l: FromItem; readonly r: FromItem; readonly on?: Expr };

export interface SelectItem { readonly expr: Expr; readonly alias?: string; readonly assign?: string }
export interface OrderItem { readonly expr: Expr; readonly desc: boolean }

export interface Select {
  readonly k: 'select';
  readonly distinct: boolean;
  readonly top?: Expr;
  readonly items: readonly SelectItem[];
  readonly from: readonly FromItem[];
  readonly where?: Expr;
  readonly groupBy: readonly Expr[];
  /** GROUP BY ROLLUP(...) | CUBE(...), or the older GROUP BY ... WITH ROLLUP | CUBE: the whole list is rolled up (select.ts). */
  readonly rollup?: 'rollup' | 'cube';
  readonly having?: Expr;
  readonly orderBy: readonly OrderItem[];
  readonly union?: { readonly all: boolean; readonly next: Select };
  /** WITH c AS (...) before the SELECT. */
  readonly with?: readonly Cte[];
  /** SELECT ... INTO target FROM ... (a new table). */
  readonly into?: Name;
  /** OPTION (MAXRECURSION n). */
  readonly maxRecursion?: number;
  /** ORDER BY ... OFFSET n ROWS [FETCH {FIRST | NEXT} m ROWS ONLY]. */
  readonly offset?: { readonly skip: Expr; readonly fetch?: Expr };
}

export interface ColumnDef {
  readonly name: string;
  readonly type?: TypeRef;
  readonly computed?: { readonly text: string; readonly expr: Expr; readonly persisted: boolean };
  readonly nullable?: boolean;
  /** IDENTITY [(seed, increment)] [NOT FOR REPLICATION]. */
  readonly identity?: { readonly seed: number; readonly increment: number; readonly notForReplication?: boolean };
  readonly collation?: string;
  /** SPARSE written in the definition. */
  readonly sparse?: boolean;
  /** `xml COLUMN_SET FOR ALL_SPARSE_COLUMNS` (column-sets.ts). */
  readonly columnSet?: boolean;
  /** ROWGUIDCOL (sys.columns.is_rowguidcol). */
  readonly rowguidcol?: boolean;
  /** MASKED WITH (FUNCTION = '...'): the function as written (masking.ts stores it). */
  readonly mask?: string;
  /** ENCRYPTED WITH (COLUMN_ENCRYPTION_KEY = k, ENCRYPTION_TYPE = t, ALGORITHM = 'a'). */
  readonly encryption?: { readonly key: string; readonly type: string; readonly algorithm: string };
  readonly constraints: readonly ConstraintDef[];
  /**
   * GENERATED ALWAYS AS ROW START|END [HIDDEN] (a period column of a temporal table), or AS
   * TRANSACTION_ID | SEQUENCE_NUMBER START|END (a ledger table's column; `as` absent: ROW).
   */
  readonly generatedAlways?: { readonly end: 'START' | 'END'; readonly hidden: boolean; readonly as?: 'TRANSACTION_ID' | 'SEQUENCE_NUMBER' };
  /** The column's own INDEX i ... (CREATE TABLE <column_index>); CREATE TABLE makes them with the table's. */
  readonly indexes?: readonly IndexDef[];
}

/**
 * LEDGER = ON [( LEDGER_VIEW = v [( TRANSACTION_ID_COLUMN_NAME = ..., ... )], APPEND_ONLY = ON | OFF )] | OFF
 * of CREATE TABLE (create-table-transact-sql.md, <ledger_option>, <ledger_view_option>).
 */
export interface LedgerDef {
  readonly on: boolean;
  readonly view?: Name;
  /** The ledger view's own column names by option: TRANSACTION_ID, SEQUENCE_NUMBER, OPERATION_TYPE, OPERATION_TYPE_DESC. */
  readonly viewColumns?: Readonly<Record<string, string>>;
  readonly appendOnly: boolean;
}

/** The body of CREATE TYPE ... AS TABLE, as written (a table variable of the type is made from it). */
export interface TableTypeDef {
  readonly columns: readonly ColumnDef[];
  readonly constraints: readonly ConstraintDef[];
  readonly indexes: readonly IndexDef[];
  readonly options: readonly DdlOption[];
}

/** PERIOD FOR SYSTEM_TIME (start, end). */
export interface PeriodDef { readonly start: string; readonly end: string }

/** SYSTEM_VERSIONING = ON [(HISTORY_TABLE = h, DATA_CONSISTENCY_CHECK = ON|OFF, HISTORY_RETENTION_PERIOD = ...)] | OFF. */
export interface VersioningDef {
  readonly on: boolean;
  readonly history?: Name;
  readonly consistencyCheck?: boolean;
  /** INFINITE, or a count and a unit (DAY, WEEK, MONTH, YEAR). */
  readonly retention?: 'INFINITE' | { readonly count: number; readonly unit: 'DAY' | 'WEEK' | 'MONTH' | 'YEAR' };
}

export type ConstraintDef =
  | { readonly k: 'pk' | 'unique'; readonly name?: string; readonly clustered?: boolean; readonly columns: readonly { name: string; desc: boolean }[]; readonly options?: readonly DdlOption[]; readonly hash?: boolean }
  | { readonly k: 'check'; readonly name?: string; readonly text: string; readonly expr: Expr; readonly notForReplication?: boolean }
  | { readonly k: 'default'; readonly name?: string; readonly text: string; readonly expr: Expr; readonly forColumn?: string }
  | { readonly k: 'fk'; readonly name?: string; readonly columns: readonly string[]; readonly refTable: Name; readonly refColumns: readonly string[]; readonly onDelete: RefAction; readonly onUpdate: RefAction; readonly notForReplication?: boolean }
  /** An edge constraint: CONNECTION (a TO b, ...) [ON DELETE NO ACTION | CASCADE] (graph.ts). */
  | { readonly k: 'connection'; readonly name?: string; readonly clauses: readonly { from: Name; to: Name }[]; readonly cascade: boolean };

export type RefAction = 'NO_ACTION' | 'CASCADE' | 'SET_NULL' | 'SET_DEFAULT';

export type AlterAction =
  /** DROP naming columns and constraints in one list: each run in order. */
  | { readonly k: 'dropItems'; readonly actions: readonly AlterAction[] }
  /** ADD columns [, PERIOD FOR SYSTEM_TIME (...)] [, table constraints] (one list may hold all). */
  | { readonly k: 'addColumns'; readonly columns: readonly ColumnDef[]; readonly period?: PeriodDef; readonly constraints?: readonly ConstraintDef[] }
  | { readonly k: 'setVersioning'; readonly versioning: VersioningDef }
  /** SET (LOCK_ESCALATION = AUTO | TABLE | DISABLE) (alter-table-transact-sql). */
  | { readonly k: 'setLockEscalation'; readonly value: 'AUTO' | 'TABLE' | 'DISABLE' }
  /** { ENABLE | DISABLE } CHANGE_TRACKING [WITH (TRACK_COLUMNS_UPDATED = ON | OFF)] (alter-table-transact-sql; change-tracking.ts). */
  | { readonly k: 'changeTracking'; readonly enable: boolean; readonly trackColumnsUpdated: boolean }
  | { readonly k: 'dropPeriod' }
  | { readonly k: 'alterHidden'; readonly column: string; readonly hidden: boolean }
  | { readonly k: 'addConstraints'; readonly constraints: readonly ConstraintDef[]; readonly check: boolean | undefined }
  | { readonly k: 'dropColumns'; readonly names: readonly string[]; readonly ifExists: boolean }
  /** `options`: each constraint's WITH (...) (<drop_clustered_constraint_option>), by name. */
  | { readonly k: 'dropConstraints'; readonly names: readonly string[]; readonly ifExists: boolean; readonly options?: ReadonlyMap<string, readonly DdlOption[]> }
  | { readonly k: 'alterColumn'; readonly column: ColumnDef; readonly options: readonly DdlOption[] }
  | { readonly k: 'checkConstraints'; readonly enable: boolean; readonly withCheck: boolean | undefined; readonly names: readonly string[] | 'ALL' }
  /** ALTER TABLE t ADD INDEX ... | DROP INDEX i [, ...] | ALTER INDEX i REBUILD WITH (BUCKET_COUNT = n): memory-optimized tables (ddl-memory.ts). */
  | { readonly k: 'addIndex'; readonly index: IndexDef }
  | { readonly k: 'dropIndexes'; readonly names: readonly string[] }
  | { readonly k: 'rebuildBuckets'; readonly index: string; readonly options: readonly DdlOption[] }
  /** ALTER TABLE t REBUILD [PARTITION = ALL | n] [WITH (...)]; `partition` the n. */
  | { readonly k: 'rebuild'; readonly options: readonly DdlOption[]; readonly partition?: number }
  /** ALTER TABLE t ALTER COLUMN c { ADD | DROP } SPARSE. */
  | { readonly k: 'sparse'; readonly column: string; readonly add: boolean }
  /** ALTER TABLE t ALTER COLUMN c { ADD | DROP } NOT FOR REPLICATION (an identity column's). */
  | { readonly k: 'identityReplication'; readonly column: string; readonly add: boolean }
  /** ALTER INDEX i | ALL ON t DISABLE (alter-index-transact-sql); `all` for ALL. */
  | { readonly k: 'disableIndex'; readonly index: string; readonly all?: boolean }
  /** ALTER COLUMN c { ADD | DROP } ROWGUIDCOL (alter-table-transact-sql). */
  | { readonly k: 'rowguidcol'; readonly column: string; readonly add: boolean }
  /** ALTER COLUMN c ADD MASKED WITH (FUNCTION = '...') | DROP MASKED (mask null). */
  | { readonly k: 'mask'; readonly column: string; readonly mask: string | null }
  /** ALTER INDEX i | ALL ON t REBUILD [PARTITION = ALL | n] [WITH (...)]; `all` for ALL (every index of the table), `partition` the n. */
  | { readonly k: 'rebuildIndex'; readonly index: string; readonly options: readonly DdlOption[]; readonly all?: boolean; readonly partition?: number }
  /** ALTER INDEX i ON t SET (...). */
  | { readonly k: 'setIndexOptions'; readonly index: string; readonly options: readonly DdlOption[] }
  /** ALTER INDEX i ON t RESUME [WITH (...)] | PAUSE | ABORT: a resumable build (resumable.ts). */
  | { readonly k: 'resumableIndex'; readonly index: string; readonly op: 'RESUME' | 'PAUSE' | 'ABORT'; readonly options: readonly DdlOption[] };

export interface IndexDef {
  readonly name: string;
  readonly table: Name;
  readonly unique: boolean;
  readonly clustered: boolean;
  readonly columns: readonly { name: string; desc: boolean }[];
  readonly include: readonly string[];
  readonly filter?: { readonly text: string; readonly expr: Expr };
  /** WITH (...) options as written (ONLINE, DROP_EXISTING, ...). */
  readonly options?: readonly DdlOption[];
  /** CREATE PRIMARY XML INDEX / CREATE XML INDEX ... USING XML INDEX p FOR ... */
  readonly xml?: 'primary' | 'secondary';
  /** A secondary XML index's USING XML INDEX name and FOR kind (as written, upper-cased). */
  readonly xmlUsing?: string;
  readonly xmlFor?: string;
  /** CREATE SPATIAL INDEX: its USING scheme and tessellation WITH parameters as written. */
  readonly spatial?: SpatialDef;
  /** WITH (DROP_EXISTING = ON): replace the existing index of this name. */
  readonly dropExisting?: boolean;
  /** CREATE [NON]CLUSTERED COLUMNSTORE INDEX (a clustered one has no column list). */
  readonly columnstore?: boolean;
  /** INDEX i [NONCLUSTERED] HASH (...) WITH (BUCKET_COUNT = n): memory-optimized tables only (ddl-memory.ts). */
  readonly hash?: boolean;
}

/** The tessellation part of CREATE SPATIAL INDEX, as written (defaults are the engine's to fill). */
export interface SpatialDef {
  readonly scheme?: string;
  /** BOUNDING_BOX: by name (XMIN, ...) or position (xmin, ymin, xmax, ymax). */
  readonly boundingBox?: Readonly<Record<'XMIN' | 'YMIN' | 'XMAX' | 'YMAX', number>>;
  /** GRIDS: by level (LEVEL_1 = ...) or position; a level left out is absent. */
  readonly grids?: Readonly<Partial<Record<1 | 2 | 3 | 4, string>>>;
  readonly cellsPerObject?: number;
}

/** sys.objects.type of a module: view, procedure, scalar / inline / multi-statement function, DML trigger. */
export type ModuleType = 'V' | 'P' | 'FN' | 'IF' | 'TF' | 'TR';

/** A DML trigger's header: INSTEAD OF or AFTER (FOR), and the actions that fire it. */
export interface TriggerHeader { readonly insteadOf: boolean; readonly events: readonly ('INSERT' | 'UPDATE' | 'DELETE')[] }

/** CREATE VIEW / PROCEDURE / FUNCTION / TRIGGER as parsed (parse-module.ts). */
export interface ModuleDef {
  readonly type: ModuleType;
  readonly name: Name;
  readonly orAlter: boolean;
  readonly schemaBound: boolean;
  /** A trigger's table (or an INSTEAD OF trigger's view). */
  readonly parent?: Name;
  /** A trigger's timing and actions as its header says: INSTEAD OF, or AFTER / FOR. */
  readonly trigger?: TriggerHeader;
  /** A view's SELECT, when the engine's parser reads it (it gives the view's columns). */
  readonly select?: Select;
  /** A view's column list (CREATE VIEW v (a, b) AS ...), renaming the SELECT's columns. */
  readonly columnList?: readonly string[];
  /** Every multi-part name the body uses (tables, columns, aliases, variables aside). */
  readonly names: readonly Name[];
  /** Every identifier the body uses. */
  readonly words: readonly string[];
  /**
   * Names the body declares as aliases: after AS, or right after a multi-part object name
   * (`FROM dbo.p p`). A one-part name that is one of them is not an object reference.
   */
  readonly aliases?: readonly string[];
  /** The batch text from its start, as sys.sql_modules.definition keeps it. */
  readonly definition: string;
  /** The text after AS. */
  readonly bodyText: string;
}

/**
 * The options of CREATE / ALTER SEQUENCE as written (absent: not written). `min`/`max` null is
 * NO MINVALUE / NO MAXVALUE; `cache` a size, null for CACHE without one, false for NO CACHE;
 * `restart` 'start' for RESTART without WITH.
 */
export interface SequenceOptionsDef {
  readonly type?: TypeRef;
  readonly start?: bigint;
  readonly restart?: bigint | 'start';
  readonly increment?: bigint;
  readonly min?: bigint | null;
  readonly max?: bigint | null;
  readonly cycle?: boolean;
  readonly cache?: number | null | false;
}

/** One WHEN clause of MERGE and its action (merge-transact-sql.md). */
export interface MergeClause {
  readonly when: 'matched' | 'notMatchedByTarget' | 'notMatchedBySource';
  readonly and?: Expr;
  readonly action:
    | { readonly k: 'update'; readonly sets: readonly UpdateSet[] }
    | { readonly k: 'delete' }
    /** values undefined: DEFAULT VALUES. */
    | { readonly k: 'insert'; readonly columns?: readonly string[]; readonly values?: readonly Expr[] };
}

/** One SET item of UPDATE: `col = expr` (compound `col += expr` is read as `col = col + expr`), optionally also assigning a variable. */
export interface UpdateSet { readonly col: string; readonly expr: Expr; readonly assign?: string }

/** One WITH option of CREATE / UPDATE STATISTICS, upper-cased: FULLSCAN, SAMPLE (n PERCENT|ROWS), NORECOMPUTE, INCREMENTAL = ON|OFF, ... */
export interface StatisticsOption { readonly name: string; readonly value?: string }

export type Statement = { readonly line: number; readonly text: string } & StatementBody;

export type StatementBody =
  | Select
  /** exec: INSERT ... EXEC procedure | EXEC (dynamic): the rows of its result sets (session.ts). */
  | { readonly k: 'insert'; readonly table: Name; readonly columns?: readonly string[]; readonly values?: readonly (readonly Expr[])[]; readonly select?: Select; readonly with?: readonly Cte[]; readonly output?: OutputClause; readonly exec?: Extract<StatementBody, { k: 'exec' }> }
  /** UPDATE [TOP (n)] target SET ... [OUTPUT ...] [FROM ...] [WHERE ...]; target may be an alias of FROM, a CTE or a view. */
  | { readonly k: 'update'; readonly table: Name; readonly sets: readonly UpdateSet[]; readonly where?: Expr; readonly top?: Expr; readonly from?: readonly FromItem[]; readonly with?: readonly Cte[]; readonly output?: OutputClause }
  | { readonly k: 'delete'; readonly table: Name; readonly where?: Expr; readonly top?: Expr; readonly from?: readonly FromItem[]; readonly with?: readonly Cte[]; readonly output?: OutputClause }
  /** MERGE [TOP (n)] [INTO] target [AS alias] USING source ON cond WHEN ... ; (merge.ts). */
  | { readonly k: 'merge'; readonly table: Name; readonly alias?: string; readonly source: FromItem; readonly on: Expr; readonly clauses: readonly MergeClause[]; readonly top?: Expr; readonly with?: readonly Cte[]; readonly output?: OutputClause }
  | { readonly k: 'createTable'; readonly name: Name; readonly columns: readonly ColumnDef[]; readonly constraints: readonly ConstraintDef[]; readonly period?: PeriodDef; readonly versioning?: VersioningDef; readonly options?: readonly DdlOption[]; readonly graph?: 'node' | 'edge'; readonly indexes?: readonly IndexDef[]; readonly ledger?: LedgerDef }
  | { readonly k: 'dropTable'; readonly names: readonly Name[]; readonly ifExists: boolean }
  /** { ENABLE | DISABLE } TRIGGER { t1, ... | ALL } ON table, or ALTER TABLE table { ENABLE | DISABLE } TRIGGER ... */
  | { readonly k: 'setTriggerState'; readonly table: Name; readonly names: readonly Name[] | 'ALL'; readonly enabled: boolean }
  /** TRUNCATE TABLE t (truncate-table-transact-sql.md). */
  | { readonly k: 'truncateTable'; readonly name: Name }
  | { readonly k: 'alterTable'; readonly name: Name; readonly action: AlterAction }
  | { readonly k: 'createIndex'; readonly index: IndexDef }
  | { readonly k: 'dropIndex'; readonly items: readonly { index: string; table: Name; options?: readonly DdlOption[] }[]; readonly ifExists: boolean }
  | { readonly k: 'createSchema'; readonly name: string }
  /** CREATE SYNONYM s FOR [server.][database.][schema.]object (create-synonym-transact-sql.md); `base` keeps empty parts (db..t) as ''. */
  /** CREATE USER / CREATE ROLE (security.ts). */
  | { readonly k: 'createPrincipal'; readonly kind: 'user' | 'role'; readonly name: string; readonly withoutLogin?: boolean; readonly login?: string; readonly defaultSchema?: string; readonly owner?: string }
  | { readonly k: 'dropPrincipal'; readonly kind: 'user' | 'role'; readonly name: string; readonly ifExists: boolean }
  | { readonly k: 'alterRoleMember'; readonly role: string; readonly op: 'add' | 'drop'; readonly member: string }
  /** GRANT, DENY, REVOKE (security.ts). */
  | { readonly k: 'permission'; readonly statement: PermissionStatement }
  | { readonly k: 'createSynonym'; readonly name: Name; readonly base: Name }
  /** CREATE / ALTER / DROP SECURITY POLICY (security-policies.ts). */
  | { readonly k: 'createSecurityPolicy'; readonly name: Name; readonly predicates: readonly PredicateSpec[]; readonly state?: boolean; readonly schemaBinding?: boolean; readonly notForReplication: boolean }
  | { readonly k: 'alterSecurityPolicy'; readonly name: Name; readonly actions: readonly PolicyAction[]; readonly state?: boolean; readonly notForReplication: boolean }
  | { readonly k: 'dropSecurityPolicy'; readonly name: Name; readonly ifExists: boolean }
  /** CREATE DEFAULT d AS expr / CREATE RULE r AS condition on @variable (create-default-transact-sql, create-rule-transact-sql; ddl-bound.ts). */
  | { readonly k: 'createBound'; readonly kind: 'D' | 'R'; readonly name: Name; readonly expr: Expr }
  /** DROP DEFAULT | RULE [IF EXISTS] name [, ...n]. */
  | { readonly k: 'dropBound'; readonly kind: 'D' | 'R'; readonly names: readonly Name[]; readonly ifExists: boolean }
  /** CREATE COLUMN MASTER KEY k WITH (...) | CREATE COLUMN ENCRYPTION KEY k WITH VALUES (COLUMN_MASTER_KEY = m, ...) (ddl-column-keys.ts). */
  | { readonly k: 'createColumnKey'; readonly kind: 'master' | 'encryption'; readonly name: string; readonly masterKey?: string }
  /** ALTER DATABASE d SET CHANGE_TRACKING = ON | OFF [(...)] | SET CHANGE_TRACKING (...) (change-tracking.ts); `on` absent: options only. */
  | { readonly k: 'setDatabaseChangeTracking'; readonly database: string; readonly on?: boolean; readonly options: ChangeTrackingOptions }
  /** ALTER DATABASE d ADD FILEGROUP fg; CREATE PARTITION FUNCTION / SCHEME (ddl-data-spaces.ts). */
  | { readonly k: 'addFilegroup'; readonly name: string; readonly memoryOptimized?: boolean }
  | { readonly k: 'createPartitionFunction'; readonly name: string; readonly parameterType: string; readonly boundaries?: number }
  | { readonly k: 'createPartitionScheme'; readonly name: string; readonly function: string; readonly filegroups: readonly string[] }
  | { readonly k: 'dropSynonym'; readonly name: Name; readonly ifExists: boolean }
  /** CREATE XML SCHEMA COLLECTION c AS <expression> (its text when a literal); DROP XML SCHEMA COLLECTION c. */
  | { readonly k: 'createXmlCollection'; readonly name: Name; readonly text: string }
  | { readonly k: 'dropXmlCollection'; readonly name: Name }
  /** CREATE STATISTICS s ON t (c, ...) [WHERE filter] [WITH options] (create-statistics-transact-sql.md). */
  | { readonly k: 'createStatistics'; readonly name: string; readonly table: Name; readonly columns: readonly string[]; readonly filter?: { readonly text: string; readonly expr: Expr }; readonly options: readonly StatisticsOption[] }
  /** DROP STATISTICS t.s [, ...] (drop-statistics-transact-sql.md): each item's last part is the statistics' name. */
  | { readonly k: 'dropStatistics'; readonly items: readonly { readonly table: Name; readonly name: string }[] }
  /** UPDATE STATISTICS t [s | (s, ...)] [WITH options] (update-statistics-transact-sql.md). */
  | { readonly k: 'updateStatistics'; readonly table: Name; readonly names: readonly string[]; readonly options: readonly StatisticsOption[] }
  | { readonly k: 'createType'; readonly name: Name; readonly base: TypeRef; readonly nullable?: boolean }
  /** CREATE TYPE t AS TABLE (columns, constraints, indexes) [WITH (MEMORY_OPTIMIZED = ON)] (ddl-table-types.ts). */
  | { readonly k: 'createTableType'; readonly name: Name; readonly table: TableTypeDef }
  | { readonly k: 'dropType'; readonly name: Name; readonly written: string; readonly ifExists: boolean }
  | { readonly k: 'createModule'; readonly module: ModuleDef }
  | { readonly k: 'dropModule'; readonly kind: 'V' | 'P' | 'FN' | 'TR'; readonly names: readonly Name[]; readonly ifExists: boolean }
  | { readonly k: 'dropSchema'; readonly name: string; readonly ifExists: boolean }
  /** ALTER SCHEMA s TRANSFER [OBJECT::]x.y (ddl-transfer.ts). */
  | { readonly k: 'transferObject'; readonly schema: string; readonly name: Name }
  /** CREATE DATABASE d [COLLATE c] (create-database-transact-sql.md; files and options are SQL Server's own). */
  | { readonly k: 'createDatabase'; readonly name: string; readonly collation?: string }
  | { readonly k: 'dropDatabase'; readonly names: readonly string[]; readonly ifExists: boolean }
  | { readonly k: 'createSequence'; readonly name: Name; readonly options: SequenceOptionsDef }
  | { readonly k: 'alterSequence'; readonly name: Name; readonly options: SequenceOptionsDef }
  | { readonly k: 'dropSequence'; readonly names: readonly Name[]; readonly ifExists: boolean }
  | { readonly k: 'exec'; readonly proc?: Name; readonly dynamic?: Expr; readonly args: readonly { name?: string; expr: Expr; output?: boolean }[]; readonly returnVar?: string }
  /** DECLARE @v type [= init], ... | DECLARE @t TABLE (columns and constraints) (table-variables.ts). */
  | { readonly k: 'declare'; readonly vars: readonly { name: string; type: TypeRef; init?: Expr; table?: { readonly columns: readonly ColumnDef[]; readonly constraints: readonly ConstraintDef[] } }[] }
  | { readonly k: 'setVar'; readonly name: string; readonly expr: Expr }
  | { readonly k: 'setOption'; readonly options: readonly string[]; readonly value: string }
  /** SET IDENTITY_INSERT table ON | OFF (set-identity-insert-transact-sql.md). */
  | { readonly k: 'identityInsert'; readonly table: Name; readonly on: boolean }
  | { readonly k: 'if'; readonly cond: Expr; readonly then: Statement; readonly els?: Statement }
  | { readonly k: 'while'; readonly cond: Expr; readonly body: Statement }
  | { readonly k: 'block'; readonly body: readonly Statement[] }
  | { readonly k: 'tryCatch'; readonly body: readonly Statement[]; readonly handler: readonly Statement[] }
  | { readonly k: 'print'; readonly expr: Expr }
  /** DBCC CHECKIDENT (table [, NORESEED | RESEED [, value]]) [WITH NO_INFOMSGS] (dbcc-checkident-transact-sql; checkident.ts). */
  | { readonly k: 'checkident'; readonly table: Expr; readonly mode: 'check' | 'noreseed' | 'reseed'; readonly value?: Expr; readonly noInfoMsgs: boolean }
  | { readonly k: 'raiserror'; readonly msg: Expr; readonly severity: Expr; readonly state: Expr; readonly args: readonly Expr[] }
  | { readonly k: 'throw'; readonly number?: Expr; readonly msg?: Expr; readonly state?: Expr }
  | { readonly k: 'tran'; readonly op: 'begin' | 'commit' | 'rollback' | 'save'; readonly name?: string }
  | { readonly k: 'use'; readonly db: string }
  | { readonly k: 'return'; readonly value?: Expr }
  /** BREAK / CONTINUE of the innermost WHILE (break-transact-sql.md, continue-transact-sql.md). */
  | { readonly k: 'break' }
  | { readonly k: 'continue' }
  | { readonly k: 'noop' };

/** A BLOCK predicate's operation (create-security-policy-transact-sql: <block_dml_operation>). */
export type PredicateOperation = 'AFTER INSERT' | 'AFTER UPDATE' | 'BEFORE UPDATE' | 'BEFORE DELETE';

/** `ADD FILTER | BLOCK PREDICATE fn(args) ON table [operation]` as written. */
export interface PredicateSpec {
  readonly kind: 'FILTER' | 'BLOCK';
  readonly fn: Name;
  readonly args: readonly { readonly expr: Expr; readonly text: string }[];
  readonly target: Name;
  readonly operation: PredicateOperation | null;
}

/** One action of ALTER SECURITY POLICY (alter-security-policy-transact-sql). */
export type PolicyAction =
  | { readonly op: 'add' | 'alter'; readonly spec: PredicateSpec }
  | { readonly op: 'drop'; readonly kind: 'FILTER' | 'BLOCK'; readonly target: Name; readonly operation: PredicateOperation | null };
