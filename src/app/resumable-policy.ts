/**
 * `--resumable` as plan, emit-sql and apply apply it: which index builds leave the transaction
 * (differ/resumable.ts decides), what each command says about it, and what apply runs after
 * COMMIT. A DBA who asks for resumable builds on a server that cannot run them gets a refusal
 * from apply (nothing is changed) and a note from plan and emit-sql; a plan with no build that
 * qualifies runs as without the flag, with a note saying why each build stays in the transaction.
 */
import { blockingBuilds, onlyDeferredRemain, planResumable, resumableBuilds, runsAfterCommit, type BlockingBuild, type Plan, type ResumableDecision, type ResumableOptions } from '../differ';
import { abortIndexSql, resumeIndexSql } from '../emitters/tsql/online';
import type { AfterCommitWork, MemoryOptimizedStatement, ResumableStatement } from '../apply/after-commit';
import type { ApplyStatement } from '../apply/progress';
import type { Database } from '../model';

export type { ResumableOptions } from '../differ';

/** The plan --resumable runs, and the decision behind it (null without the flag). */
export interface ResumablePlan {
  readonly plan: Plan;
  readonly decision: ResumableDecision | null;
}

/** Applies --resumable to a plan made without it. */
export function withResumable(plan: Plan, desired: Database, current: Database, options: ResumableOptions | undefined): ResumablePlan {
  if (options === undefined) return { plan, decision: null };
  const decision = planResumable(plan, desired, current, options);
  return { plan: decision.kind === 'planned' ? decision.plan : plan, decision };
}

/** What plan, emit-sql and apply print about --resumable (stderr lines, without the `schemac: ` prefix). */
export function resumableNotes(decision: ResumableDecision | null): string[] {
  if (decision === null) return [];
  if (decision.kind === 'unsupported') return [`--resumable: no build can be resumable: ${decision.reason}; every step runs in the one transaction`];
  const kept = decision.kept.map((k) => `  ${k.table.schema}.${k.table.name}.${k.index} stays in the transaction: ${k.reason}`);
  if (decision.deferred === 0) {
    return [`--resumable: no index build of this plan can run resumably; every step runs in the one transaction${kept.length > 0 ? ':' : ''}`, ...kept];
  }
  return [`--resumable: ${decision.deferred} index build(s) run after COMMIT, outside the transaction, as resumable online builds`, ...kept];
}

/** The transactional statements and, apart, the builds apply runs after COMMIT. */
export function splitAfterCommit(plan: Plan, statements: readonly (ApplyStatement & { readonly afterCommit?: boolean; readonly memoryOptimized?: true })[]): {
  readonly transactional: readonly ApplyStatement[];
  readonly afterCommit: AfterCommitWork | undefined;
} {
  const after: ResumableStatement[] = [];
  const memory: MemoryOptimizedStatement[] = [];
  const transactional: ApplyStatement[] = [];
  for (const st of statements) {
    const change = plan.steps[st.stepIndex]?.change;
    if (st.afterCommit === true && change !== undefined && runsAfterCommit(change)) {
      after.push({ sql: st.sql, stepIndex: st.stepIndex, description: st.description, resume: resumeIndexSql(change.table, change.index.name), abort: abortIndexSql(change.table, change.index.name) });
    } else if (st.memoryOptimized === true) {
      memory.push({ sql: st.sql, stepIndex: st.stepIndex, description: st.description, memoryOptimized: true });
    } else {
      transactional.push({ sql: st.sql, stepIndex: st.stepIndex, description: st.description });
    }
  }
  if (after.length === 0 && memory.length === 0) return { transactional, afterCommit: undefined };
  const deferred = resumableBuilds(plan);
  const deferredMemory = plan.steps.filter((s) => s.memoryOptimized === true).length;
  const collation = plan.collation;
  // Planned again before COMMIT, only what runs after it may be missing: the resumable builds, and
  // as many steps on memory-optimized tables (each still one: nothing of them has run yet).
  const onlyThese = (remaining: Plan): boolean => {
    if (collation === undefined) return false;
    const rest = { ...remaining, steps: remaining.steps.filter((s) => s.memoryOptimized !== true) };
    return remaining.steps.length - rest.steps.length === deferredMemory && onlyDeferredRemain(rest, deferred, collation);
  };
  return {
    transactional,
    afterCommit: { statements: [...after, ...memory], onlyThese },
  };
}

/** What to say of a resumable build that blocks the plan: where it is, and how to end it. */
function blockingText(b: BlockingBuild): string {
  const state = `${b.build.state.toLowerCase() === 'paused' ? 'paused' : b.build.state.toLowerCase()} at ${b.build.percentComplete}%`;
  const end = `${resumeIndexSql(b.table, b.build.index)} finishes it, ${abortIndexSql(b.table, b.build.index)} gives it up`;
  return b.planCreatesIt
    ? `a resumable build of index ${b.build.index} is ${state} (sys.index_resumable_operations), so the plan's CREATE INDEX would fail: ${end}; then plan again`
    : `a resumable build of index ${b.build.index} is ${state} (sys.index_resumable_operations); SQL Server refuses other changes to this table until it ends: ${end}`;
}

/** The plan with a warning for each resumable build that blocks it (plan text and JSON show them). */
export function withBlockingBuildWarnings(plan: Plan, current: Database): Plan {
  const blocking = blockingBuilds(plan, current);
  if (blocking.length === 0) return plan;
  return { ...plan, warnings: [...(plan.warnings ?? []), ...blocking.map((b) => ({ table: b.table, message: blockingText(b) }))] };
}

/** Apply's refusal while a resumable build blocks the plan, or null. */
export function blockingBuildRefusal(plan: Plan | null, current: Database): string | null {
  const blocking = plan === null ? [] : blockingBuilds(plan, current);
  if (blocking.length === 0) return null;
  return `refusing to apply: ${blocking.map((b) => `${b.table.schema}.${b.table.name}: ${blockingText(b)}`).join('; ')}; nothing was changed`;
}
