import * as path from 'path';
import { ApplyError } from '../apply/errors';
import { executeApply, type ApplyProgress, type PreparedApply } from '../apply/executor';
import { openMssqlSession, type SqlSession } from '../apply/session';
import type { Rows } from '../catalog/read-rows';
import type { PreflightReport } from '../emitters/preflight-report';
import { blockedRefusal, DEFAULT_PREFLIGHT_TIMEOUT_MS, preflightOver, runPlanPreflight } from './preflight';
import { describeTarget, parseConnectionString, redactConfig } from '../catalog/connection';
import { readCatalogWith } from '../catalog/read';
import { withoutDescriptions, withoutIgnored } from '../config';
import { diff, fingerprint, productionOptions, type Plan, type ProductionOptions } from '../differ';
import { offlineSteps } from './online-policy';
import type { Database, Diagnostic } from '../model';
import { jobFromFile, jobFromSchema, type ApplyJob } from './apply-job';
import { compileOrFail } from './compile';
import type { AppContext } from './context';
import { catalogModel } from './current';
import { AppError, UsageError } from './errors';
import { managedSchemas } from './managed-schemas';
import { refuseResumableSavedPlan } from './resumable-refusal';
import { loadProject, type ProjectFlags } from './project';
import { readSavedPlan } from './saved-plan';
import { blockingBuildRefusal, resumableNotes, type ResumableOptions } from './resumable-policy';
import { resolveSource, type SourceFlags } from './sources';

/** What `apply` needs: the project, the live database, the saved plan if any, and the policy flags. */
export interface ApplyInput extends ProjectFlags, SourceFlags {
  /** A plan saved by `plan --out FILE` (relative to the context's cwd); otherwise plan now. */
  readonly planFile?: string;
  readonly allowDrop: boolean;
  readonly allowDataLoss: boolean;
  readonly autoApprove: boolean;
  readonly typeCheck: boolean;
  readonly lockTimeoutMs: number;
  readonly statementTimeoutMs?: number;
  readonly statementLockTimeoutMs?: number;
  /** How long the pre-flight counts may run before apply goes on without them. */
  readonly preflightTimeoutMs?: number;
  /** Recorded in the history row. */
  readonly toolVersion: string;
  /** Online builds, low-priority waits and batching (--online, --low-priority-wait); defaults when absent. */
  readonly production?: Partial<ProductionOptions>;
  /** `--resumable`: qualifying index builds run after COMMIT, outside the transaction (resumable-policy.ts). */
  readonly resumable?: ResumableOptions;
}

/** How apply talks to the person (or CI job) running it. */
export interface ApplyHooks {
  /**
   * Asks for approval; absent when there is no one to ask (no terminal), and then apply refuses
   * unless `autoApprove`. Answering false refuses.
   */
  readonly confirm?: (question: string, signal: AbortSignal) => Promise<boolean>;
  /** Shows the plan made under the lock (with its pre-flight counts, when they ran), before any question. */
  readonly showPlan?: (plan: Plan, preflight: PreflightReport | null) => void;
  readonly onProgress?: (event: ApplyProgress) => void;
  /** A note for the person applying (what --resumable does with this plan), shown before any question. */
  readonly notice?: (text: string) => void;
  /** Aborting cancels the running statement and rolls back (Ctrl-C). */
  readonly signal?: AbortSignal;
}

/** Why apply refused to change anything. */
export type RefusalReason = 'blocked' | 'data-loss' | 'no-approver' | 'declined' | 'drift' | 'lock-timeout' | 'opaque-object' | 'online-required' | 'resumable-unsupported' | 'resumable-paused';

/**
 * How an apply ended. Failures after approval (a step SQL Server refused, a plan that did not
 * converge, a lost connection) are thrown as AppError, with nothing changed unless it says so.
 */
export type ApplyOutcome =
  | { readonly kind: 'applied'; readonly target: string; readonly runId: string; readonly steps: number }
  | { readonly kind: 'unchanged'; readonly target: string; readonly undeclared: number }
  | { readonly kind: 'refused'; readonly reason: RefusalReason; readonly message: string }
  | { readonly kind: 'interrupted'; readonly message: string };

/** A decision made under the lock that ends the apply before any change; carries its outcome out of the executor. */
class Stop extends Error {
  constructor(readonly outcome: ApplyOutcome) {
    super(outcome.kind);
  }
}

/**
 * `apply`: under the apply lock, reads the catalog, plans (or takes the saved plan, refusing drift),
 * refuses data loss without `allowDataLoss`, asks for approval, then runs the steps in one
 * transaction that is committed only if planning again inside it finds nothing to do.
 */
export async function apply(ctx: AppContext, input: ApplyInput, hooks: ApplyHooks = {}): Promise<ApplyOutcome> {
  const project = loadProject(ctx.cwd, input);
  const source = resolveSource(input, ctx.env, project.config.database.url);
  if (source.kind !== 'database') {
    throw new UsageError('apply needs a live database: pass --database URL, set SCHEMAC_DATABASE_URL or set database.url in schemac.config.json');
  }
  const config = parseConnectionString(source.url);
  const target = describeTarget(config);
  // Everything that needs no database first: a compile error should not take the lock.
  if (input.planFile !== undefined) refuseResumableSavedPlan(input.resumable, 'apply PLAN-FILE');
  const saved = input.planFile !== undefined ? readSavedPlan(path.resolve(ctx.cwd, input.planFile)) : null;
  const desired = saved ? saved.desired : await compileOrFail(ctx, project, input.typeCheck);
  const production = productionOptions(input.production);
  const managed = managedSchemas(project.config, desired);
  const signal = hooks.signal ?? new AbortController().signal;
  let reported = false; // catalog warnings once, not again for the verification read
  let locked: SqlSession | null = null; // the session holding the apply lock, for the pre-flight
  let undeclared = 0; // objects the plan made under the lock skipped, for an honest "no changes"

  const prepare = async (current: Database, currentFingerprint: string): Promise<PreparedApply | null> => {
    const systemNames = project.config.systemNames;
    const job = saved ? jobFromFile(saved, currentFingerprint, current, systemNames, managed) : jobFromSchema(desired, current, input.allowDrop, systemNames, production, managed, input.resumable);
    undeclared = job.plan?.skipped.length ?? 0;
    const report = locked === null || job.stepCount === 0 ? null : await preflight(locked, job.plan ?? diff(desired, current, { allowDrop: input.allowDrop, production, managedSchemas: managed, systemNames }), current, input);
    if (job.plan && (job.stepCount > 0 || job.refused.length > 0)) hooks.showPlan?.(job.plan, report);
    // The refusal below speaks for a server that cannot build resumably.
    if (job.stepCount > 0 && job.resumable?.kind === 'planned') for (const line of resumableNotes(job.resumable)) hooks.notice?.(line);
    const refused = refuseOpaque(job) ?? (job.stepCount > 0 ? refuseResumable(job) ?? refuseBlockingBuild(job, current) : null);
    if (refused) throw new Stop(refused);
    if (job.stepCount === 0) return null;
    const stop = refuseBlocked(report) ?? refuseDataLoss(job, input) ?? refuseOffline(job, production) ?? await approve(job, input, hooks, target, signal);
    if (stop) throw new Stop(stop);
    return {
      statements: job.statements, script: job.script, replan: (after) => diff(desired, after, { allowDrop: false, managedSchemas: managed, systemNames }),
      ...(job.afterCommit !== undefined ? { afterCommit: job.afterCommit } : {}),
    };
  };

  try {
    const result = await executeApply({
      openSession: () => openMssqlSession(config, input.statementTimeoutMs),
      readCurrent: async (session) => {
        locked = session;
        const snapshot = await readCatalogWith(async (text) => (await session.query(text)).recordsets, target);
        const report = reported ? () => undefined : (d: readonly Diagnostic[]) => ctx.report(d);
        reported = true;
        // The same ignore rules as the plan, or ignored tables would look like changes.
        const scoped = withoutIgnored(catalogModel(snapshot, report, project.config.ignore), project.config.ignore);
        return project.config.descriptions === 'ignore' ? withoutDescriptions(scoped) : scoped;
      },
      fingerprint,
      prepare,
      toolVersion: input.toolVersion,
      redact: (text) => redactConfig(text, config),
      lockTimeoutMs: input.lockTimeoutMs,
      statementLockTimeoutMs: input.statementLockTimeoutMs ?? null,
      signal,
      onProgress: hooks.onProgress,
    });
    return result ? { kind: 'applied', target, runId: result.runId, steps: result.steps } : { kind: 'unchanged', target, undeclared };
  } catch (err) {
    if (err instanceof Stop) return err.outcome;
    if (err instanceof ApplyError) return outcomeOfApplyError(err);
    if (signal.aborted) return { kind: 'interrupted', message: 'interrupted: nothing was changed' };
    throw err;
  }
}

/**
 * The rows each data-dependent step would fail on, counted under the lock and before the
 * transaction (one batch of reads on the locked session), so a plan certain to fail is refused
 * before any lock-heavy statement runs.
 */
async function preflight(session: SqlSession, plan: Plan, current: Database, input: ApplyInput): Promise<PreflightReport> {
  return runPlanPreflight(plan, current, preflightOver({
    run: async (text) => (await session.query(text)).recordsets as readonly Rows[],
    cancel: () => session.cancel(),
  }), { samples: false, timeoutMs: input.preflightTimeoutMs ?? DEFAULT_PREFLIGHT_TIMEOUT_MS });
}

/**
 * The safety gates, in order, each a refusal before any change. A plan certain to fail on the
 * data comes first: nobody should be asked to allow data loss, or approve, for a plan that cannot run.
 */
function refuseBlocked(report: PreflightReport | null): ApplyOutcome | null {
  const message = report === null ? null : blockedRefusal(report);
  return message === null ? null : { kind: 'refused', reason: 'blocked', message };
}

/**
 * A plan with refused changes (they would touch objects schemac cannot model) would leave the
 * database short of the schema, and the verification inside the transaction would fail: nothing
 * is applied; the user changes the schema so it leaves those objects alone.
 */
function refuseOpaque(job: ApplyJob): ApplyOutcome | null {
  if (job.refused.length === 0) return null;
  return {
    kind: 'refused', reason: 'opaque-object',
    message: `refusing to apply: ${job.refused.length} change(s) schemac cannot make (${job.refused.join('; ')}); change the schema so it leaves them alone; nothing was changed`,
  };
}

/**
 * `--resumable` on a server that cannot build resumably: refused rather than quietly building the
 * indexes inside the transaction, which is not what was asked for.
 */
function refuseResumable(job: ApplyJob): ApplyOutcome | null {
  if (job.resumable?.kind !== 'unsupported') return null;
  return {
    kind: 'refused', reason: 'resumable-unsupported',
    message: `refusing to apply with --resumable: ${job.resumable.reason}; apply without --resumable to build the indexes inside the transaction; nothing was changed`,
  };
}

/** A resumable build that has not ended on a table the plan changes: SQL Server would refuse the plan's DDL (Msg 10637). */
function refuseBlockingBuild(job: ApplyJob, current: Database): ApplyOutcome | null {
  const message = blockingBuildRefusal(job.plan, current);
  return message === null ? null : { kind: 'refused', reason: 'resumable-paused', message };
}

function refuseDataLoss(job: ApplyJob, input: ApplyInput): ApplyOutcome | null {
  if (job.dataLoss.length === 0 || input.allowDataLoss) return null;
  return {
    kind: 'refused', reason: 'data-loss',
    message: `refusing to apply: ${job.dataLoss.length} step(s) lose data (${job.dataLoss.join('; ')}); pass --allow-data-loss to apply them; nothing was changed`,
  };
}

/** `--online=require`: no step may block a large table offline (before anyone is asked to approve). */
function refuseOffline(job: ApplyJob, production: ProductionOptions): ApplyOutcome | null {
  if (production.online !== 'require' || job.plan === null) return null;
  const blocking = offlineSteps(job.plan, production);
  if (blocking.length === 0) return null;
  return { kind: 'refused', reason: 'online-required', message: `refusing to apply with --online=require: ${blocking.join('; ')}; nothing was changed` };
}

async function approve(job: ApplyJob, input: ApplyInput, hooks: ApplyHooks, target: string, signal: AbortSignal): Promise<ApplyOutcome | null> {
  if (input.autoApprove) return null;
  if (!hooks.confirm) {
    return { kind: 'refused', reason: 'no-approver', message: 'refusing to apply without confirmation: there is no terminal to ask on; review the plan and pass --auto-approve; nothing was changed' };
  }
  const yes = await hooks.confirm(`Apply ${job.stepCount} change(s) to ${target}?`, signal);
  return yes ? null : { kind: 'refused', reason: 'declined', message: 'apply cancelled: nothing was changed' };
}

/** The executor's failures: refusals and interruptions are outcomes; the rest are errors. */
function outcomeOfApplyError(err: ApplyError): ApplyOutcome {
  switch (err.kind) {
    case 'lock-timeout':
    case 'drift':
      return { kind: 'refused', reason: err.kind, message: err.message };
    case 'interrupted':
      return { kind: 'interrupted', message: err.message };
    case 'statement-failed':
    case 'not-converged':
    case 'connection-lost':
    case 'commit-unknown':
    case 'resumable-incomplete':
    case 'memory-optimized-incomplete':
      throw new AppError(err.message, 'error', { cause: err });
  }
}
