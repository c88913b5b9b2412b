/**
 * The production pass: after the diff, each step gets its lock impact (a row of the lock-impact
 * table in src/sqlserver, applied to the rows and size of the table it touches), index builds
 * and column rewrites are made online where the server's edition and version allow it, and a
 * backfill over a large table becomes a batched loop. Pure: a plan in, a plan out.
 */
import type { Change, ChangeKind, OnlineBuild, Plan, PlanStep, StepImpact } from './changes';
import { tableOf } from './changes';
import { nameKeyFor, tableKey, type NameKey } from '../sqlserver/names';
import type { Column, Database, ServerFacts, Table } from '../model';
import {
  DEFAULT_BACKFILL_BATCH_ROWS, DEFAULT_LARGE_TABLE_ROWS, lockRule, type LockRuleId,
} from '../sqlserver/lock-impact';
import { sameType } from '../sqlserver/types';
import { metadataOnlyNotNullAdd } from '../sqlserver/not-null-add';
import { onlineClusteredDropBlocker } from '../sqlserver/online-drop';
import { onlineAlterColumnBlocker } from '../sqlserver/online-alter-column';
import { isXmlOrSpatial, XML_SPATIAL_OFFLINE } from '../sqlserver/xml-spatial-indexes';
import {
  offlineReason, supportsLowPriorityCreateIndex, supportsOnlineAlterColumn, supportsOnlineColumnstore, supportsOnlineIndex,
} from '../sqlserver/editions';

/** `--online`: auto (online where supported), off (never), require (refuse offline big steps). */
export type OnlineMode = 'auto' | 'off' | 'require';

/** How the plan is made safe for a busy production database. */
export interface ProductionOptions {
  readonly online: OnlineMode;
  /** `--low-priority-wait MINUTES`: online builds wait at low priority, then give up (ABORT_AFTER_WAIT = SELF). */
  readonly lowPriorityWaitMinutes: number | null;
  /** Rows from which a table is large: backfills are batched, `require` refuses offline work. */
  readonly largeTableRows: number;
  /** Rows per batch of a batched backfill. */
  readonly backfillBatchRows: number;
}

/** The defaults: online where the server allows it, batches over a million rows. */
export const DEFAULT_PRODUCTION: ProductionOptions = {
  online: 'auto',
  lowPriorityWaitMinutes: null,
  largeTableRows: DEFAULT_LARGE_TABLE_ROWS,
  backfillBatchRows: DEFAULT_BACKFILL_BATCH_ROWS,
};

/** The options with a default for each one not given (the flags a user passed, say). */
export function productionOptions(given: Partial<ProductionOptions> = {}): ProductionOptions {
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<ProductionOptions>;
  return { ...DEFAULT_PRODUCTION, ...defined };
}

/** What the pass knows of a table a step touches. */
interface TableFacts {
  readonly rows: number | null;
  readonly mb: number | null;
  /** Its columns before the plan (drops of clustered indexes run before columns are added). */
  readonly columns: readonly Column[];
  /** Created by this plan: it has no rows while the plan runs. */
  readonly created: boolean;
  /** The table as the catalog has it before the plan; undefined for one the plan creates. */
  readonly table?: Table;
}

/** What each kind's rule choice may look at. */
interface Context {
  readonly facts: TableFacts;
  readonly server: ServerFacts | undefined;
  readonly options: ProductionOptions;
}

/** A step's decision: its rule, and the change (and inverse) as it should run. */
interface Decision {
  readonly rule: LockRuleId;
  readonly online: boolean | null;
  readonly change: Change;
  readonly inverse: Change | null;
  /** Why it runs offline, where the server's edition and version are not the reason. */
  readonly offlineReason?: string;
}

const NO_FACTS: TableFacts = { rows: null, mb: null, columns: [], created: false };

/** Whether the table may hold rows while the plan runs (unknown counts as yes). */
function hasRows(f: TableFacts): boolean {
  return !f.created && (f.rows === null || f.rows > 0);
}

function onlineBuild(ctx: Context): OnlineBuild | null {
  if (ctx.options.online === 'off' || !supportsOnlineIndex(ctx.server) || !hasRows(ctx.facts)) return null;
  const wait = ctx.options.lowPriorityWaitMinutes !== null && supportsLowPriorityCreateIndex(ctx.server)
    ? ctx.options.lowPriorityWaitMinutes : null;
  return { lowPriorityWaitMinutes: wait };
}

/** The change run online when `online` is set and the change builds an index; otherwise unchanged. */
function withOnline(change: Change | null, online: OnlineBuild | null): Change | null {
  if (change === null || online === null || offlineOnly(change)) return change;
  switch (change.kind) {
    case 'createIndex': case 'redefineIndex': case 'addPrimaryKey': case 'addUnique': case 'rebuildCompression': case 'rebuildIndexOptions': case 'moveHeap': return { ...change, online };
    default: return change;
  }
}

/** Whether the change builds an XML or spatial index, which SQL Server builds offline only. */
function offlineOnly(change: Change): boolean {
  switch (change.kind) {
    case 'createIndex': return isXmlOrSpatial(change.index);
    case 'redefineIndex': return isXmlOrSpatial(change.to);
    case 'rebuildCompression': return change.index?.offlineOnly === true;
    case 'rebuildIndexOptions': return change.index.offlineOnly === true;
    default: return false;
  }
}

/** An index build: online where possible, and so is its inverse when that builds one too (a redefinition's). */
function indexBuild(ctx: Context, clustered: boolean, change: Change, inverse: Change | null, columnstore = false): Decision {
  if (!hasRows(ctx.facts)) return { rule: 'index-build-new-table', online: null, change, inverse };
  // XML and spatial indexes: Sch-M on the table for the whole build, whatever the edition.
  if (offlineOnly(change)) return { rule: 'xml-spatial-index-build', online: false, change, inverse, offlineReason: XML_SPATIAL_OFFLINE };
  const online = columnstore && !supportsOnlineColumnstore(ctx.server, clustered) ? null : onlineBuild(ctx);
  const rule: LockRuleId = clustered
    ? (online !== null ? 'clustered-rebuild-online' : 'clustered-rebuild-offline')
    : (online !== null ? 'index-build-online' : 'index-build-offline');
  return { rule, online: online !== null, change: withOnline(change, online) ?? change, inverse: withOnline(inverse, online) };
}

/**
 * An index drop; its inverse (the rebuild the down script runs) is made online where possible. A
 * clustered one over rows rewrites the table: online where the server allows it
 * (src/sqlserver/online-drop.ts), else offline under Sch-M, saying why.
 */
function indexDrop(ctx: Context, clustered: boolean, change: Extract<Change, { kind: 'dropIndex' | 'dropPrimaryKey' | 'dropUnique' }>, inverse: Change | null, columnstore = false): Decision {
  const rebuild = withOnline(inverse, onlineBuild(ctx));
  if (!clustered || !hasRows(ctx.facts)) return { rule: 'drop-index', online: null, change, inverse: rebuild };
  const blocker = ctx.options.online === 'off' ? 'online operations are turned off (--online off)' : onlineClusteredDropBlocker(ctx.server, ctx.facts.columns, { columnstore });
  if (blocker !== null) return { rule: 'clustered-rebuild-offline', online: false, change, inverse: rebuild, offlineReason: blocker };
  return { rule: 'clustered-drop-online', online: true, change: { ...change, online: true }, inverse: rebuild };
}

const VARIABLE = new Set(['varchar', 'nvarchar', 'varbinary']);

/** Widening a variable-length column (same type, longer, not to or from MAX) changes no row. */
function isWidening(from: Column, to: Column): boolean {
  const a = from.type;
  const b = to.type;
  if (a.name !== b.name || !VARIABLE.has(a.name)) return false;
  if (a.length === 'max' || b.length === 'max') return false;
  return (b.length ?? 1) >= (a.length ?? 1) && from.collation === to.collation;
}

function sameStorage(from: Column, to: Column): boolean {
  return sameType(from.type, to.type) && from.collation === to.collation;
}

function alterColumn(ctx: Context, change: Extract<Change, { kind: 'alterColumn' }>, inverse: Change | null): Decision {
  const { from, to } = change;
  const storageKept = sameStorage(from, to) || isWidening(from, to);
  const validates = from.nullable && !to.nullable;
  if (storageKept && !validates) return { rule: 'alter-column-metadata', online: null, change, inverse };
  if (!hasRows(ctx.facts)) return { rule: storageKept ? 'alter-column-metadata' : 'alter-column-rewrite', online: null, change, inverse };
  // Online ALTER COLUMN is refused for NOT NULL -> NULL over nonclustered indexes
  // (alter-table-transact-sql.md), so that change never asks for it.
  // Typing an xml column validates every value against its collection: kept offline (inferred:
  // the documentation does not say ONLINE = ON validates typed XML), which works on every edition.
  const xmlTyping = from.type.name === 'xml' && !sameType(from.type, to.type);
  const offline = { rule: storageKept ? 'alter-column-not-null' : 'alter-column-rewrite', online: false, change, inverse } as const;
  if (ctx.options.online === 'off' || !supportsOnlineAlterColumn(ctx.server) || (to.nullable && !from.nullable) || xmlTyping) return offline;
  // What the table holds can keep it offline too (src/sqlserver/online-alter-column.ts).
  const blocker = onlineAlterColumnBlocker(ctx.facts.table, from, to);
  if (blocker !== null) return { ...offline, offlineReason: blocker };
  return { rule: 'alter-column-online', online: true, change: { ...change, online: true }, inverse };
}

function backfill(ctx: Context, change: Extract<Change, { kind: 'backfillColumn' }>, inverse: Change | null): Decision {
  const large = ctx.facts.rows !== null && ctx.facts.rows >= ctx.options.largeTableRows;
  if (!large) return { rule: 'backfill', online: null, change, inverse };
  return { rule: 'backfill-batched', online: null, change: { ...change, batchRows: ctx.options.backfillBatchRows }, inverse };
}

/** An ADD: free unless it writes every row (a persisted computed column, or a NOT NULL default where the ADD is not metadata-only). */
function addColumnRule(ctx: Context, change: Extract<Change, { kind: 'addColumn' }>): LockRuleId {
  if (change.column.computed?.persisted === true) return 'add-persisted-computed-column';
  if (change.default === undefined || change.column.nullable || !hasRows(ctx.facts)) return 'add-nullable-column';
  return metadataOnlyNotNullAdd(ctx.server, change.column.type, change.default.expression)
    ? 'add-not-null-default-metadata' : 'add-not-null-default-rewrite';
}

/** A check or FK added (or enabled) WITH CHECK scans the rows there are; WITH NOCHECK reads none. */
function validated(ctx: Context, trusted: boolean): LockRuleId {
  if (!trusted) return 'constraint-nocheck';
  return hasRows(ctx.facts) ? 'constraint-validate' : 'constraint-metadata';
}

type Chooser<K extends ChangeKind> = (ctx: Context, change: Extract<Change, { kind: K }>, inverse: Change | null) => Decision;
const fixed = (rule: LockRuleId) => (_ctx: Context, change: Change, inverse: Change | null): Decision => ({ rule, online: null, change, inverse });

/** One chooser per change kind: a new kind fails to compile until it has a row here. */
const CHOOSERS: { readonly [K in ChangeKind]: Chooser<K> } = {
  createType: fixed('type-ddl'),
  dropType: fixed('type-ddl'),
  redefineType: fixed('type-ddl'),
  createSchema: fixed('schema-ddl'),
  dropSchema: fixed('schema-ddl'),
  createTable: fixed('create-table'),
  dropTable: fixed('drop-table'),
  renameTable: fixed('rename'),
  transferTable: fixed('transfer'),
  renameColumn: fixed('rename'),
  renameConstraint: fixed('rename'),
  addColumn: (ctx, change, inverse) => ({ rule: addColumnRule(ctx, change), online: null, change, inverse }),
  dropColumn: fixed('drop-column'),
  alterColumn,
  backfillColumn: backfill,
  addDefault: fixed('constraint-metadata'),
  dropDefault: fixed('constraint-metadata'),
  addCheck: (ctx, change, inverse) => ({ rule: validated(ctx, change.constraint.trusted), online: null, change, inverse }),
  dropCheck: fixed('constraint-metadata'),
  addForeignKey: (ctx, change, inverse) => ({ rule: validated(ctx, change.constraint.trusted), online: null, change, inverse }),
  dropForeignKey: fixed('constraint-metadata'),
  // An edge constraint added to an edge table with rows checks them, as a trusted foreign key does (inferred).
  addEdgeConstraint: (ctx, change, inverse) => ({ rule: validated(ctx, true), online: null, change, inverse }),
  dropEdgeConstraint: fixed('constraint-metadata'),
  revalidateConstraint: (ctx, change, inverse) => ({ rule: validated(ctx, true), online: null, change, inverse }),
  untrustConstraint: fixed('constraint-metadata'),
  disableConstraint: fixed('constraint-metadata'),
  enableConstraint: fixed('constraint-nocheck'),
  setDescription: fixed('extended-property'),
  addPeriod: (ctx, change, inverse) => ({ rule: hasRows(ctx.facts) ? 'add-period-columns' : 'temporal-metadata', online: null, change, inverse }),
  dropPeriod: fixed('temporal-metadata'),
  enableVersioning: (ctx, change, inverse) => ({ rule: change.historyExists && hasRows(ctx.facts) ? 'versioning-consistency-check' : 'versioning-switch', online: null, change, inverse }),
  disableVersioning: fixed('versioning-switch'),
  alterRetention: fixed('temporal-metadata'),
  alterPeriodHidden: fixed('temporal-metadata'),
  // CREATE INDEX ... WITH (DROP_EXISTING = ON): one rebuild of the index, online where possible.
  redefineIndex: (ctx, change, inverse) => indexBuild(ctx, change.to.clustered, change, inverse, change.to.columnstore === true || change.from.columnstore === true),
  createIndex: (ctx, change, inverse) => indexBuild(ctx, change.index.clustered, change, inverse, change.index.columnstore === true),
  dropIndex: (ctx, change, inverse) => indexDrop(ctx, change.index.clustered, change, inverse, change.index.columnstore === true),
  addPrimaryKey: (ctx, change, inverse) => indexBuild(ctx, change.constraint.clustered, change, inverse),
  dropPrimaryKey: (ctx, change, inverse) => indexDrop(ctx, change.constraint.clustered, change, inverse),
  addUnique: (ctx, change, inverse) => indexBuild(ctx, change.constraint.clustered, change, inverse),
  dropUnique: (ctx, change, inverse) => indexDrop(ctx, change.constraint.clustered, change, inverse),
  createSequence: fixed('sequence-ddl'),
  dropSequence: fixed('sequence-ddl'),
  alterSequence: fixed('sequence-ddl'),
  recreateSequence: fixed('sequence-ddl'),
  // A compression change rewrites the table's rows (heap or clustered index) or one index.
  rebuildCompression: (ctx, change, inverse) => indexBuild(ctx, change.index === null || change.index.clustered, change, inverse, change.index?.columnstore === true),
  setIgnoreDupKey: fixed('index-option-metadata'),
  setLockEscalation: fixed('table-option-metadata'),
  enableChangeTracking: fixed('change-tracking-toggle'),
  disableChangeTracking: fixed('change-tracking-toggle'),
  // The transient clustered index is built and dropped: online only when both can be.
  moveHeap: (ctx, change, inverse) => {
    const blocker = hasRows(ctx.facts) && ctx.options.online !== 'off' ? onlineClusteredDropBlocker(ctx.server, ctx.facts.columns, { columnstore: false }) : null;
    if (blocker !== null) return { rule: 'clustered-rebuild-offline', online: false, change, inverse, offlineReason: blocker };
    return indexBuild(ctx, true, change, inverse);
  },
  alterBucketCount: fixed('memory-optimized-alter'),
  // FILLFACTOR / PAD_INDEX take effect only when the index is rebuilt: a clustered one is the table's rows.
  rebuildIndexOptions: (ctx, change, inverse) => indexBuild(ctx, change.index.clustered, change, inverse),
  setIndexOptions: fixed('index-option-metadata'),
  setSparse: (ctx, change, inverse) => ({ rule: hasRows(ctx.facts) ? 'sparse-change' : 'alter-column-metadata', online: null, change, inverse }),
  setNotForReplication: fixed('identity-replication'),
  setRowGuidCol: fixed('alter-column-metadata'),
  setMask: fixed('alter-column-metadata'),
  dropModule: fixed('module-ddl'),
  createModule: fixed('module-ddl'),
  dropSecurityPolicy: fixed('module-ddl'),
  createSecurityPolicy: fixed('module-ddl'),
  refreshModule: fixed('module-refresh'),
  dropStatistics: fixed('drop-statistics'),
  unbindColumn: fixed('bind-default-rule'),
  bindColumn: fixed('bind-default-rule'),
  unbindType: fixed('bind-default-rule'),
  bindType: fixed('bind-default-rule'),
  createStatistics: (ctx, change, inverse) => ({ rule: hasRows(ctx.facts) ? 'create-statistics' : 'drop-statistics', online: null, change, inverse }),
};

/**
 * A step on a memory-optimized table: never online (no ONLINE option there; every ALTER TABLE of
 * one is offline), so its own rule, except what changes catalog rows only.
 */
function memoryOptimizedStep(ctx: Context, change: Change, inverse: Change | null): Decision {
  switch (change.kind) {
    case 'createTable': return { rule: 'create-table', online: null, change, inverse };
    case 'dropTable': return { rule: 'drop-table', online: null, change, inverse };
    case 'renameTable': case 'renameColumn': case 'renameConstraint': return { rule: 'rename', online: null, change, inverse };
    case 'setDescription': return { rule: 'extended-property', online: null, change, inverse };
    default: return { rule: hasRows(ctx.facts) ? 'memory-optimized-alter' : 'memory-optimized-alter-empty', online: null, change, inverse };
  }
}

/** Rows and MB per table key, following renames made earlier in the plan. */
function tableFacts(plan: Plan, current: Database, key: NameKey): Map<string, TableFacts> {
  const facts = new Map<string, TableFacts>();
  for (const t of current.tables) {
    facts.set(tableKey(key, t.schema, t.name), { rows: t.rowCount ?? null, mb: t.usedMb ?? null, columns: t.columns, created: false, table: t });
  }
  for (const { change } of plan.steps) {
    if (change.kind === 'createTable') facts.set(tableKey(key, change.table.schema, change.table.name), { rows: 0, mb: 0, columns: change.table.columns, created: true });
    if (change.kind === 'renameTable') {
      const before = facts.get(tableKey(key, change.schema, change.from));
      if (before !== undefined) facts.set(tableKey(key, change.schema, change.to), before);
    }
    if (change.kind === 'transferTable') {
      const before = facts.get(tableKey(key, change.from, change.name));
      if (before !== undefined) facts.set(tableKey(key, change.to, change.name), before);
    }
  }
  return facts;
}

/** The plan with every step's impact, online builds and batched backfills decided. */
export function planForProduction(plan: Plan, current: Database, options: ProductionOptions = DEFAULT_PRODUCTION): Plan {
  const key = nameKeyFor(current.collation);
  const facts = tableFacts(plan, current, key);
  const steps = plan.steps.map((s): PlanStep => {
    const ref = tableOf(s.change);
    const f = ref === null ? NO_FACTS : facts.get(tableKey(key, ref.schema, ref.name)) ?? NO_FACTS;
    const ctx: Context = { facts: f, server: current.server, options };
    const choose = s.memoryOptimized === true ? memoryOptimizedStep : CHOOSERS[s.change.kind] as Chooser<ChangeKind>;
    const d = choose(ctx, s.change as never, s.inverse);
    return { ...s, change: d.change, inverse: d.inverse, impact: impactOf(d, f, ctx) };
  });
  return { ...plan, steps };
}

function impactOf(d: Decision, f: TableFacts, ctx: Context): StepImpact {
  const rule = lockRule(d.rule);
  const showSize = rule.scales && !f.created;
  const batchRows = d.change.kind === 'backfillColumn' ? d.change.batchRows : undefined;
  return {
    rule: d.rule,
    class: rule.class,
    lock: rule.lock,
    online: d.online,
    offlineReason: d.online === false ? d.offlineReason ?? offlineReason(ctx.server) : null,
    rows: showSize ? f.rows : null,
    mb: showSize ? f.mb : null,
    batches: batchRows !== undefined && f.rows !== null ? Math.max(1, Math.ceil(f.rows / batchRows)) : null,
  };
}

/**
 * A step that `--online=require` refuses: it scales with the rows of a large table (or one of
 * unknown size) and does not run online, so it blocks the table's readers or writers throughout.
 */
export function blocksLargeTable(step: PlanStep, options: ProductionOptions): boolean {
  const i = step.impact;
  if (i === undefined || i.class === 'metadata-only' || i.online === true) return false;
  return i.rows === null || i.rows >= options.largeTableRows;
}
