/**
 * `--resumable`: the plan's online index builds that SQL Server can build resumably move to the
 * end of the plan and are marked to run after COMMIT, outside the transaction, because SQL Server
 * refuses RESUMABLE = ON inside one (src/sqlserver/resumable.ts). Everything else stays in the
 * one all-or-nothing transaction. Pure: a plan in, a decision out.
 */
import type { Change, CreateIndex, Plan, PlanStep, TableRef } from './changes';
import { runsAfterCommit, tableOf } from './changes';
import type { Column, Database, ResumableIndexBuild } from '../model';
import { nameKeyFor, tableKey, type NameKey } from '../sqlserver/names';
import { resumableIndexProblem, resumableServerProblem } from '../sqlserver/resumable';

/** `--resumable [--max-duration MINUTES]`. */
export interface ResumableOptions {
  /** MAX_DURATION of each build: after it, SQL Server pauses the build (null: no limit). */
  readonly maxDurationMinutes: number | null;
}

/** An index build that stays in the transaction under --resumable, and why. */
export interface KeptInTransaction {
  readonly table: TableRef;
  readonly index: string;
  readonly reason: string;
}

/** What --resumable does to a plan. */
export type ResumableDecision =
  /** The server cannot build resumably: nothing can leave the transaction. */
  | { readonly kind: 'unsupported'; readonly reason: string }
  /** `deferred` builds run after COMMIT (0: the plan is unchanged); `kept` says why others stay. */
  | { readonly kind: 'planned'; readonly plan: Plan; readonly deferred: number; readonly kept: readonly KeptInTransaction[] };

/**
 * Changes on the index's table that never need the index to exist: they may run before it is
 * built (in the transaction) while it is built after COMMIT.
 */
const INDEPENDENT: ReadonlySet<Change['kind']> = new Set(['addForeignKey', 'addCheck', 'addDefault', 'setDescription', 'createIndex']);

/** The tables a change touches, under the names the step uses (a renamed table under both). */
function touchedTables(change: Change): TableRef[] {
  if (change.kind === 'renameTable') return [{ schema: change.schema, name: change.from }, { schema: change.schema, name: change.to }];
  if (change.kind === 'transferTable') return [{ schema: change.from, name: change.name }, { schema: change.to, name: change.name }];
  const table = tableOf(change);
  return table === null ? [] : [table];
}

/** Why a later step needs the index in place before it runs, or null. */
function neededLater(step: CreateIndex, later: readonly PlanStep[], key: NameKey): string | null {
  const own = tableKey(key, step.table.schema, step.table.name);
  for (const { change } of later) {
    const same = touchedTables(change).some((t) => tableKey(key, t.schema, t.name) === own);
    if (same && !INDEPENDENT.has(change.kind)) return `a later step (${change.kind}) changes the same table`;
    if (same && change.kind === 'createIndex' && change.index.clustered) return 'a later clustered index on the same table would rebuild it';
    // A unique index may be the key a new foreign key references.
    if (change.kind === 'addForeignKey' && step.index.unique
      && tableKey(key, change.constraint.referencedSchema, change.constraint.referencedTable) === own) return `foreign key ${change.constraint.name} may reference it`;
  }
  return null;
}

function columnsOf(change: CreateIndex, desired: Database, current: Database, key: NameKey): readonly Column[] {
  const wanted = tableKey(key, change.table.schema, change.table.name);
  const find = (db: Database) => db.tables.find((t) => tableKey(key, t.schema, t.name) === wanted);
  return (find(desired) ?? find(current))?.columns ?? [];
}

/** Why this build stays in the transaction, or null when it can run after COMMIT. Null `silent`: not worth a word. */
function keepReason(step: PlanStep, change: CreateIndex, later: readonly PlanStep[], columns: readonly Column[], key: NameKey): string | 'silent' | null {
  // A table created by the plan, or without rows: the build is instant and belongs with its table.
  if (step.impact?.rule === 'index-build-new-table') return 'silent';
  if (change.online === undefined) return 'it is not built online (RESUMABLE needs ONLINE = ON; see --online)';
  if (change.index.clustered) return 'a clustered index stays in the transaction: building it later would rebuild every nonclustered index of the table';
  if (change.replaces !== undefined) return 'it replaces an index the plan drops: it stays in the transaction so the table is never without it';
  return resumableIndexProblem(change.index, columns, key) ?? neededLater(change, later, key);
}

/** The plan with every index build that qualifies moved after the rest and marked resumable. */
export function planResumable(plan: Plan, desired: Database, current: Database, options: ResumableOptions): ResumableDecision {
  const problem = resumableServerProblem(current.server);
  if (problem !== null) return { kind: 'unsupported', reason: problem };
  const key = nameKeyFor(current.collation);
  const stay: PlanStep[] = [];
  const after: PlanStep[] = [];
  const kept: KeptInTransaction[] = [];
  // Memory-optimized steps already run after COMMIT, one by one, and never online: they stay last.
  const memory = plan.steps.filter((s) => s.memoryOptimized === true);
  plan.steps.filter((s) => s.memoryOptimized !== true).forEach((step, i, steps) => {
    const change = step.change;
    if (change.kind !== 'createIndex') { stay.push(step); return; }
    const reason = keepReason(step, change, steps.slice(i + 1), columnsOf(change, desired, current, key), key);
    if (reason === null) {
      after.push({ ...step, change: { ...change, resumable: { maxDurationMinutes: options.maxDurationMinutes } } });
      return;
    }
    if (reason !== 'silent') kept.push({ table: change.table, index: change.index.name, reason });
    stay.push(step);
  });
  return { kind: 'planned', plan: after.length === 0 ? plan : { ...plan, steps: [...stay, ...after, ...memory] }, deferred: after.length, kept };
}

/** The builds a plan runs after COMMIT. */
export function resumableBuilds(plan: Plan): CreateIndex[] {
  return plan.steps.flatMap((s) => (runsAfterCommit(s.change) ? [s.change] : []));
}

/**
 * Whether `remaining` (planned again after the transactional part, before COMMIT) holds exactly
 * the builds deferred to after COMMIT: nothing else may be missing.
 */
export function onlyDeferredRemain(remaining: Plan, deferred: readonly CreateIndex[], collation: string): boolean {
  const key = nameKeyFor(collation);
  const id = (c: CreateIndex): string => `${tableKey(key, c.table.schema, c.table.name)}|${key(c.index.name)}`;
  const expected = new Set(deferred.map(id));
  const found = remaining.steps.map((s) => (s.change.kind === 'createIndex' ? id(s.change) : null));
  return found.length === expected.size && found.every((f) => f !== null && expected.has(f));
}

/** A resumable build SQL Server holds on a table the plan changes: the plan cannot run until it ends. */
export interface BlockingBuild {
  readonly table: TableRef;
  readonly build: ResumableIndexBuild;
  /** The plan creates this same index (its build is what the paused one would finish). */
  readonly planCreatesIt: boolean;
}

/**
 * Resumable builds that have not ended (paused, or running elsewhere) on tables the plan changes.
 * While one exists, SQL Server refuses other DDL on its table (Msg 10637,
 * https://learn.microsoft.com/sql/relational-databases/indexes/perform-index-operations-online),
 * and its index is not in sys.indexes, so the plan wants to create it again.
 */
export function blockingBuilds(plan: Plan, current: Database): BlockingBuild[] {
  const key = nameKeyFor(current.collation);
  const touched = new Set(plan.steps.flatMap((s) => touchedTables(s.change).map((t) => tableKey(key, t.schema, t.name))));
  return current.tables.flatMap((t) => (t.resumableBuilds ?? [])
    .filter(() => touched.has(tableKey(key, t.schema, t.name)))
    .map((build) => ({
      table: { schema: t.schema, name: t.name },
      build,
      planCreatesIt: plan.steps.some((s) => s.change.kind === 'createIndex' && tableKey(key, s.change.table.schema, s.change.table.name) === tableKey(key, t.schema, t.name)
        && key(s.change.index.name) === key(build.index)),
    })));
}
