/**
 * The lock-impact table: for each kind of DDL step and condition, how SQL Server executes it
 * (metadata only, touching every row, building an index, or rebuilding the table), the lock it
 * holds on the table while it runs, why, and the public source. The differ picks a row per step
 * (src/differ/lock-impact.ts); plan text, review, JSON and scripts print it.
 */

/** How the work of a step scales. */
export type ImpactClass =
  | 'metadata-only' // catalog rows only: instant whatever the table's size
  | 'size-of-data'  // reads or rewrites every row (validation, ALTER COLUMN, backfill)
  | 'index-build'   // builds (or rebuilds) one index: reads the table, writes the index
  | 'table-rebuild'; // rewrites the table and every index on it (clustered index changes)

/**
 * The strongest lock the step holds on the table for most of its run. Sch-M blocks every
 * reader and writer; S blocks writers; Sch-S (online builds) blocks only other DDL; IX/X are
 * the row locks of an UPDATE (X when it escalates to the whole table).
 */
export type TableLock = 'Sch-M' | 'S' | 'Sch-S' | 'X' | 'none';

/** One row of the table. */
export interface LockRule {
  readonly class: ImpactClass;
  readonly lock: TableLock;
  /** Whether the step's cost grows with the table's rows (so rows and MB are worth showing). */
  readonly scales: boolean;
  readonly reason: string;
  readonly source: string;
}

const ALTER_TABLE = 'https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql';
const ALTER_TABLE_LOCKS = `${ALTER_TABLE}#locks-and-alter-table`;
const ADD_NOT_NULL_ONLINE = `${ALTER_TABLE}#add-not-null-columns-as-an-online-operation`;
const ONLINE_GUIDE = 'https://learn.microsoft.com/sql/relational-databases/indexes/guidelines-for-online-index-operations';
const HOW_ONLINE_WORKS = 'https://learn.microsoft.com/sql/relational-databases/indexes/how-online-index-operations-work';
const CREATE_INDEX = 'https://learn.microsoft.com/sql/t-sql/statements/create-index-transact-sql';
const SP_RENAME = 'https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-rename-transact-sql';
const ALTER_SCHEMA = 'https://learn.microsoft.com/sql/t-sql/statements/alter-schema-transact-sql';
const UPDATE_TOP = 'https://learn.microsoft.com/sql/t-sql/queries/update-transact-sql';
const TEMPORAL_CREATE = 'https://learn.microsoft.com/sql/relational-databases/tables/creating-a-system-versioned-temporal-table';
const TEMPORAL_SCHEMA = 'https://learn.microsoft.com/sql/relational-databases/tables/temporal/change-schema';

/** Every rule, by id. The ids are stable: JSON output and lint findings name them. */
export const LOCK_RULES = {
  'sequence-ddl': { class: 'metadata-only', lock: 'none', scales: false, reason: 'CREATE/ALTER/DROP SEQUENCE changes one catalog row and touches no table', source: 'https://learn.microsoft.com/sql/t-sql/statements/create-sequence-transact-sql' },
  'type-ddl': { class: 'metadata-only', lock: 'none', scales: false, reason: 'CREATE/DROP TYPE of an alias type touches no table', source: 'https://learn.microsoft.com/sql/t-sql/statements/create-type-transact-sql' },
  'schema-ddl': { class: 'metadata-only', lock: 'none', scales: false, reason: 'CREATE/DROP SCHEMA touches no table', source: 'https://learn.microsoft.com/sql/t-sql/statements/create-schema-transact-sql' },
  // "ALTER TABLE operations on memory-optimized tables are OFFLINE, meaning that the table is not
  // available for querying while the operation is in progress" (inferred: the table is rebuilt
  // in memory, so the time scales with its rows).
  'memory-optimized-alter': { class: 'table-rebuild', lock: 'Sch-M', scales: true, reason: 'ALTER TABLE of a memory-optimized table is offline: the table is unavailable until it ends, outside the plan\'s transaction', source: 'https://learn.microsoft.com/sql/relational-databases/in-memory-oltp/altering-memory-optimized-tables' },
  'memory-optimized-alter-empty': { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'ALTER TABLE of a memory-optimized table with no rows (created by this plan, or empty), outside the plan\'s transaction', source: 'https://learn.microsoft.com/sql/relational-databases/in-memory-oltp/altering-memory-optimized-tables' },
  'create-table': { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'a new table: nothing else uses it yet', source: 'https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql' },
  'drop-table': { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'catalog change; large tables are deallocated in the background (deferred drop)', source: 'https://learn.microsoft.com/sql/t-sql/statements/drop-table-transact-sql' },
  rename: { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'sp_rename changes the name in the catalog only', source: SP_RENAME },
  transfer: { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'ALTER SCHEMA ... TRANSFER changes the schema of the table and its constraints in the catalog only; rows stay where they are', source: ALTER_SCHEMA },
  'add-nullable-column': { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'a NULL column without a default changes no row', source: ALTER_TABLE_LOCKS },
  'add-persisted-computed-column': { class: 'size-of-data', lock: 'Sch-M', scales: true, reason: 'a persisted computed column is computed and stored for every row', source: ALTER_TABLE_LOCKS },
  'add-not-null-default-metadata': { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'a NOT NULL column with a runtime-constant default: existing rows read the default from metadata (Enterprise 2012+, Azure)', source: ADD_NOT_NULL_ONLINE },
  'add-not-null-default-rewrite': { class: 'size-of-data', lock: 'Sch-M', scales: true, reason: 'a NOT NULL column with a default is written into every existing row under Sch-M (this edition, default or type has no metadata-only ADD)', source: ADD_NOT_NULL_ONLINE },
  'drop-column': { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'the column is only marked dropped; its space is reclaimed by a later rebuild', source: ALTER_TABLE },
  // Inferred: the flag is a property of the identity in the catalog (sys.identity_columns); no row holds it.
  'identity-replication': { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'ADD/DROP NOT FOR REPLICATION changes the identity property in the catalog; no row changes', source: ALTER_TABLE },
  'alter-column-metadata': { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'widening a variable-length column or allowing NULL changes no row', source: ALTER_TABLE },
  'alter-column-not-null': { class: 'size-of-data', lock: 'Sch-M', scales: true, reason: 'NOT NULL is validated over every row under Sch-M', source: ALTER_TABLE_LOCKS },
  'alter-column-rewrite': { class: 'size-of-data', lock: 'Sch-M', scales: true, reason: 'the new type or size is written into every row under Sch-M', source: ALTER_TABLE_LOCKS },
  'alter-column-online': { class: 'size-of-data', lock: 'Sch-S', scales: true, reason: 'ALTER COLUMN WITH (ONLINE = ON): rows are rewritten while readers and writers go on; Sch-M only briefly at the end', source: ALTER_TABLE },
  backfill: { class: 'size-of-data', lock: 'X', scales: true, reason: 'UPDATE of every NULL row; row locks escalate to a table lock past about 5,000', source: UPDATE_TOP },
  'backfill-batched': { class: 'size-of-data', lock: 'X', scales: true, reason: 'UPDATE TOP (n) batches inside the transaction: each batch stays under lock escalation, but the locks are held until COMMIT', source: UPDATE_TOP },
  'extended-property': { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'sp_add/update/dropextendedproperty writes one catalog row (inferred: a schema-modification lock on the table, like other metadata changes)', source: 'https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-addextendedproperty-transact-sql' },
  'constraint-metadata': { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'adds, drops or disables a constraint without reading rows', source: ALTER_TABLE },
  // ALTER TABLE: WITH NOCHECK means the data in the table "isn't validated against a newly added or re-enabled FOREIGN KEY or CHECK constraint".
  'constraint-nocheck': { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'WITH NOCHECK: the rows already in the table are not checked, only rows written from now on; the optimizer does not rely on a constraint that is not trusted', source: ALTER_TABLE },
  'constraint-validate': { class: 'size-of-data', lock: 'Sch-M', scales: true, reason: 'WITH CHECK validation reads every row under Sch-M', source: ALTER_TABLE },
  'drop-index': { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'dropping an index takes Sch-M and deallocates its pages', source: `${CREATE_INDEX}#online--on--off` },
  'index-build-offline': { class: 'index-build', lock: 'S', scales: true, reason: 'offline nonclustered build: a shared (S) lock blocks every write for the whole build', source: `${CREATE_INDEX}#online--on--off` },
  // create-spatial-index-transact-sql: "An offline index operation that creates, rebuilds, or drops a spatial index, acquires a Schema modification (Sch-M) lock on the table"
  // (XML indexes alike: ONLINE = OFF only, create-xml-index-transact-sql).
  'xml-spatial-index-build': { class: 'index-build', lock: 'Sch-M', scales: true, reason: 'an XML or spatial index is built offline only, under Sch-M: no reads or writes of the table for the whole build', source: 'https://learn.microsoft.com/sql/t-sql/statements/create-spatial-index-transact-sql#online--off' },
  'index-build-online': { class: 'index-build', lock: 'Sch-S', scales: true, reason: 'ONLINE = ON: reads and writes go on; S briefly at the start and Sch-M briefly at the end', source: HOW_ONLINE_WORKS },
  'index-build-new-table': { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'an index on a table created in the same plan is built over no rows', source: CREATE_INDEX },
  'clustered-rebuild-offline': { class: 'table-rebuild', lock: 'Sch-M', scales: true, reason: 'an offline clustered index change rewrites the table and every nonclustered index under Sch-M', source: ONLINE_GUIDE },
  'table-option-metadata': { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'ALTER TABLE ... SET (LOCK_ESCALATION = ...) changes a table setting in the catalog; no row changes', source: 'https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql' },
  // Inferred: the docs describe the internal change table made and dropped, not a rewrite of the rows.
  'change-tracking-toggle': { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'ALTER TABLE ... ENABLE | DISABLE CHANGE_TRACKING makes or drops the table\'s internal change table; no row is rewritten', source: 'https://learn.microsoft.com/sql/relational-databases/track-changes/manage-change-tracking-sql-server' },
  'index-option-metadata': { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'ALTER INDEX ... SET changes an index option in the catalog without rebuilding it', source: 'https://learn.microsoft.com/sql/t-sql/statements/alter-index-transact-sql' },
  'sparse-change': { class: 'size-of-data', lock: 'Sch-M', scales: true, reason: 'ADD/DROP SPARSE changes the storage format: every row is copied into a new column and the table rebuilt', source: 'https://learn.microsoft.com/sql/relational-databases/tables/use-sparse-columns' },
  // Re-creating an indexed view materializes it: its clustered index is built over the view's rows.
  'module-ddl': { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'drops or creates a view, procedure, function or trigger (an indexed view is materialized again when its index is built)', source: 'https://learn.microsoft.com/sql/t-sql/statements/create-view-transact-sql' },
  'module-refresh': { class: 'metadata-only', lock: 'none', scales: false, reason: 'sp_refreshsqlmodule binds a module\'s stored text again and rewrites its metadata; it reads no table rows (inferred: it locks the module, not the tables)', source: 'https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-refreshsqlmodule-transact-sql' },
  'clustered-drop-online': { class: 'table-rebuild', lock: 'Sch-S', scales: true, reason: 'DROP INDEX / DROP CONSTRAINT WITH (ONLINE = ON): the table is rewritten as a heap, and its nonclustered indexes rebuilt, while reads and writes go on; Sch-M briefly at the end', source: 'https://learn.microsoft.com/sql/t-sql/statements/drop-index-transact-sql' },
  'drop-statistics': { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'DROP STATISTICS (or CREATE STATISTICS on an empty table) changes catalog rows only (inferred: a schema-modification lock on the table, like other metadata changes)', source: 'https://learn.microsoft.com/sql/t-sql/statements/drop-statistics-transact-sql' },
  'bind-default-rule': { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'sp_bindefault / sp_unbindefault / sp_bindrule / sp_unbindrule change catalog rows only; a rule is not checked against existing rows (inferred: a schema-modification lock on the table, like other metadata changes)', source: 'https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-bindrule-transact-sql' },
  'create-statistics': { class: 'size-of-data', lock: 'Sch-S', scales: true, reason: 'CREATE STATISTICS reads a sample of the rows (all of them on a small table) to build the histogram; reads and writes go on (inferred)', source: 'https://learn.microsoft.com/sql/t-sql/statements/create-statistics-transact-sql' },
  'clustered-rebuild-online': { class: 'table-rebuild', lock: 'Sch-S', scales: true, reason: 'ONLINE = ON clustered build: the table is rewritten while reads and writes go on; Sch-M briefly at the end', source: ONLINE_GUIDE },
  'versioning-switch': { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'SET (SYSTEM_VERSIONING = ON | OFF) links or unlinks the history table (a new one is created empty); Sch-M on both tables', source: `${ALTER_TABLE}#system_versioning` },
  'versioning-consistency-check': { class: 'size-of-data', lock: 'Sch-M', scales: true, reason: 'DATA_CONSISTENCY_CHECK = ON reads every row of the existing history table (shown: the table\'s rows) under Sch-M', source: TEMPORAL_SCHEMA },
  'add-period-columns': { class: 'size-of-data', lock: 'Sch-M', scales: true, reason: 'two NOT NULL period columns with defaults are written into every existing row under Sch-M (inferred: as any NOT NULL column with a default)', source: TEMPORAL_CREATE },
  'temporal-metadata': { class: 'metadata-only', lock: 'Sch-M', scales: false, reason: 'DROP PERIOD, a retention change or ADD/DROP HIDDEN changes catalog rows only', source: TEMPORAL_SCHEMA },
} as const satisfies Record<string, LockRule>;

/** A rule's id. */
export type LockRuleId = keyof typeof LOCK_RULES;

/** The rule of an id. */
export function lockRule(id: LockRuleId): LockRule {
  return LOCK_RULES[id];
}

/** Rows from which a table counts as large for online choices, batching and lint (configurable). */
export const DEFAULT_LARGE_TABLE_ROWS = 1_000_000;

/** Rows per batch of a batched backfill (configurable). */
export const DEFAULT_BACKFILL_BATCH_ROWS = 10_000;
