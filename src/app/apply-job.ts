import type { AfterCommitWork } from '../apply/after-commit';
import { requireDataSpaces } from './data-space-check';
import { refuseUnmetPrerequisites, withDatabaseChangeTracking } from './preflight';
import { UsageError } from './errors';
import { ApplyError } from '../apply/errors';
import { describeRemaining, type ApplyStatement } from '../apply/executor';
import { diff, type Plan, type ProductionOptions, type ResumableDecision, type SystemNames } from '../differ';
import { splitAfterCommit, withBlockingBuildWarnings, withResumable, type ResumableOptions } from './resumable-policy';
import { renderScript, statementsForDriver } from '../emitters';
import type { Database } from '../model';
import type { SavedPlan } from './saved-plan';

/** What apply will run, from a saved plan file or planned now under the lock. */
export interface ApplyJob {
  readonly statements: readonly ApplyStatement[];
  /** The whole script, kept in the history row. */
  readonly script: string;
  /** One line per data-loss hazard (`step N: ...`); apply refuses them without --allow-data-loss. */
  readonly dataLoss: readonly string[];
  readonly stepCount: number;
  /** One line per refused change (`schema.table: change: reason`); apply refuses them all. */
  readonly refused: readonly string[];
  /** The plan made now; null for a saved plan (its steps were reviewed when it was saved). */
  readonly plan: Plan | null;
  /** `--resumable`: the builds run after COMMIT (absent: everything runs in the transaction). */
  readonly afterCommit?: AfterCommitWork;
  /** What --resumable decided (null without it). */
  readonly resumable: ResumableDecision | null;
}

/**
 * A saved plan, applied only if the database is still what it was planned against; otherwise
 * the drift is refused, naming what planning now would do.
 */
export function jobFromFile(saved: SavedPlan, currentFingerprint: string, current: Database, systemNames: SystemNames, managedSchemas?: readonly string[]): ApplyJob {
  if (saved.fingerprint !== currentFingerprint) {
    const now = diff(saved.desired, current, { allowDrop: false, managedSchemas, systemNames });
    throw new ApplyError('drift', `the database changed since the plan was made (fingerprint ${saved.fingerprint.slice(0, 12)} expected, ${currentFingerprint.slice(0, 12)} found); planning now would give ${describeRemaining(now)}. Make a new plan; nothing was changed`);
  }
  // Saved while the database lacked a setting it needs: still lacking it, SQL Server would refuse a step (turned on since, the fingerprint differs).
  refuseUnmetPrerequisites(saved.prerequisites, current);
  // Its statements would all run in the one transaction, where SQL Server refuses DDL on memory-optimized tables.
  const memory = saved.changes.filter((c) => (c as { memoryOptimized?: unknown }).memoryOptimized === true).length;
  if (memory > 0) {
    throw new UsageError(`the saved plan has ${memory} step(s) on memory-optimized tables, which run after COMMIT, outside the transaction (SQL Server refuses their DDL inside one); a saved plan is applied as reviewed, in one transaction. Run schemac apply without the plan file (it plans under the lock and shows the plan before it asks); nothing was changed`);
  }
  return {
    statements: saved.statements.up.map((st) => ({ sql: st.sql, stepIndex: st.index - 1, description: saved.changes[st.index - 1]?.summary ?? `step ${st.index}` })),
    script: saved.statements.up.map((st) => st.sql).join('\n'),
    dataLoss: saved.hazards.filter((h) => h.code === 'data-loss').map((h) => `step ${h.index}: ${h.message}`),
    stepCount: saved.changes.length,
    refused: (saved.refused ?? []).map((r) => `${r.schema}.${r.table}: ${r.change}: ${r.reason}`),
    plan: null,
    resumable: null,
  };
}

/** Plans now, from the catalog read under the lock. */
export function jobFromSchema(
  desired: Database, current: Database, allowDrop: boolean, systemNames: SystemNames, production?: ProductionOptions, managedSchemas?: readonly string[],
  resumableOptions?: ResumableOptions,
): ApplyJob {
  requireDataSpaces(desired, current);
  const made = diff(desired, current, { allowDrop, production, managedSchemas, systemNames });
  const resumable = withResumable(made, desired, current, resumableOptions);
  const decision = resumable.decision;
  const plan = withDatabaseChangeTracking(withBlockingBuildWarnings(resumable.plan, current), current);
  refuseUnmetPrerequisites(plan.prerequisites, current);
  const { transactional, afterCommit } = splitAfterCommit(plan, statementsForDriver(plan, 'up'));
  return {
    statements: transactional,
    ...(afterCommit !== undefined ? { afterCommit } : {}),
    resumable: decision,
    script: renderScript(plan, { direction: 'up', databaseName: current.name }).text,
    // Straight from the steps: rendering the plan's JSON for them hashed the whole catalog again.
    dataLoss: plan.steps.flatMap((step, i) => step.hazards.filter((h) => h.code === 'data-loss').map((h) => `step ${i + 1}: ${h.message}`)),
    stepCount: plan.steps.length,
    refused: (plan.refused ?? []).map((r) => `${r.table.name === '' ? '' : `${r.table.schema}.${r.table.name}: `}${r.change}: ${r.reason}`),
    plan,
  };
}
