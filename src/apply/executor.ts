import { randomUUID } from 'crypto';
import type { Plan } from '../differ/changes';
import { describeWithTable } from '../emitters/describe';
import {
  acquireApplyLockSql, applySessionOptionsSql, ensureHistorySql,
  INSERT_HISTORY_SQL, releaseApplyLockSql,
} from '../emitters/apply-sql';
import type { Database } from '../model';
import { ApplyError, describeSqlError, isConnectionError, sqlErrorNumber } from './errors';
import { commitOrCheck } from './commit-check';
import type { SqlSession } from './session';

/** One statement of the plan as the driver runs it (no GO, no transaction control). */
export interface ApplyStatement {
  readonly sql: string;
  readonly stepIndex: number;
  readonly description: string;
}

/** Progress events, for the CLI to show on stderr. */
export type ApplyProgress =
  | { readonly kind: 'locked'; readonly waitedMs: number }
  | { readonly kind: 'step'; readonly index: number; readonly total: number; readonly description: string }
  | { readonly kind: 'stepDone'; readonly index: number; readonly total: number; readonly elapsedMs: number }
  /** A message a step printed while it ran (a batched backfill's progress). */
  | { readonly kind: 'message'; readonly index: number; readonly text: string }
  | { readonly kind: 'verifying' }
  | { readonly kind: 'committed' };

/** What to apply, decided from the catalog as it is under the lock. */
export interface PreparedApply {
  readonly statements: readonly ApplyStatement[];
  /** The whole script, kept in the history row. */
  readonly script: string;
  /** Plans the desired state against a catalog: the verification before commit. */
  readonly replan: (current: Database) => Plan;
}

/** Everything an apply needs; the database work goes through `openSession`. */
export interface ApplyRequest {
  readonly openSession: () => Promise<SqlSession>;
  /** Reads the catalog into the model through the given session (inside its transaction, if any). */
  readonly readCurrent: (session: SqlSession) => Promise<Database>;
  readonly fingerprint: (db: Database) => string;
  /**
   * Called under the lock with the catalog as it is then: returns what to apply, or null when
   * there is nothing to do. It may show the plan and ask for approval; throwing refuses (the lock
   * is released and nothing was changed). Deciding here, not before the lock, means no other
   * apply can change the database between the plan and its execution.
   */
  readonly prepare: (current: Database, fingerprint: string) => Promise<PreparedApply | null>;
  readonly toolVersion: string;
  /**
   * Removes the connection's secrets from text. The driver's messages can echo what it was
   * given, so every message built from one goes through this before it reaches the user.
   */
  readonly redact: (text: string) => string;
  readonly lockTimeoutMs: number;
  readonly statementLockTimeoutMs: number | null;
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ApplyProgress) => void;
}

/** What a successful apply did. */
export interface ApplyResult {
  readonly runId: string;
  readonly steps: number;
  readonly fingerprintAfter: string;
}

/**
 * Applies a plan all or nothing: under the apply lock, in one transaction, verifying before it
 * commits that planning again finds nothing to do. Any failure rolls back and throws ApplyError.
 * Returns null when `prepare` found nothing to do.
 */
export async function executeApply(req: ApplyRequest): Promise<ApplyResult | null> {
  const session = await req.openSession();
  const runId = randomUUID();
  let inTransaction = false;
  const onAbort = () => session.cancel();
  req.signal?.addEventListener('abort', onAbort);
  try {
    await takeLock(session, req);
    const current = await req.readCurrent(session);
    const fingerprintBefore = req.fingerprint(current);
    const job = await req.prepare(current, fingerprintBefore);
    if (job === null) {
      await session.query(releaseApplyLockSql()).catch(() => undefined);
      return null;
    }
    if (req.signal?.aborted) throw new ApplyError('interrupted', 'interrupted before any change; nothing was changed');
    for (const stmt of applySessionOptionsSql(req.statementLockTimeoutMs)) await session.query(stmt);
    await session.begin();
    inTransaction = true;
    for (const stmt of ensureHistorySql()) await session.query(stmt);
    await runSteps(session, job.statements, req);
    req.onProgress?.({ kind: 'verifying' });
    const after = await req.readCurrent(session);
    const remaining = job.replan(after);
    if (remaining.steps.length > 0) {
      throw new ApplyError('not-converged', `the plan did not converge: after its steps, ${describeRemaining(remaining)} still differ; rolled back, nothing was changed`);
    }
    const fingerprintAfter = req.fingerprint(after);
    const steps = countSteps(job.statements);
    await session.query(INSERT_HISTORY_SQL, {
      id: { type: 'uniqueidentifier', value: runId },
      tool_version: { type: 'nvarchar', value: req.toolVersion },
      fingerprint_before: { type: 'nvarchar', value: fingerprintBefore },
      fingerprint_after: { type: 'nvarchar', value: fingerprintAfter },
      step_count: { type: 'int', value: steps },
      script: { type: 'nvarchar', value: job.script },
    });
    await commitOrCheck(session, req.openSession, runId, { howToLook: 'schemac history', rolledBack: 'back: nothing was changed' });
    inTransaction = false;
    req.onProgress?.({ kind: 'committed' });
    await session.query(releaseApplyLockSql()).catch(() => undefined);
    return { runId, steps, fingerprintAfter };
  } catch (err) {
    if (inTransaction) await session.rollback();
    throw translate(err, req);
  } finally {
    req.signal?.removeEventListener('abort', onAbort);
    await session.close().catch(() => undefined);
  }
}

async function takeLock(session: SqlSession, req: ApplyRequest): Promise<void> {
  const started = Date.now();
  const result = await session.query(acquireApplyLockSql(req.lockTimeoutMs));
  const value = result.recordsets.at(-1)?.[0]?.result;
  const code = value === undefined || value === null ? null : Number(value);
  // Only 0 (granted) and 1 (granted after waiting) mean the lock is held; a missing or
  // unexpected answer is not a grant (https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-getapplock-transact-sql).
  if (code === -1) {
    throw new ApplyError('lock-timeout', `another schemac apply is running on this database: waiting for its lock timed out after ${req.lockTimeoutMs} ms; nothing was changed`);
  }
  if (code !== 0 && code !== 1) {
    const answer = code === null ? 'returned no result' : `returned ${code}`;
    throw new ApplyError('lock-timeout', `the apply lock was not granted (sp_getapplock ${answer}); nothing was changed`);
  }
  req.onProgress?.({ kind: 'locked', waitedMs: Date.now() - started });
}

async function runSteps(session: SqlSession, statements: readonly ApplyStatement[], req: ApplyRequest): Promise<void> {
  const total = statements.length;
  for (const [i, stmt] of statements.entries()) {
    if (req.signal?.aborted) throw new ApplyError('interrupted', 'interrupted');
    req.onProgress?.({ kind: 'step', index: i + 1, total, description: stmt.description });
    const started = Date.now();
    try {
      await session.query(stmt.sql, undefined, (text) => req.onProgress?.({ kind: 'message', index: i + 1, text: req.redact(text) }));
    } catch (err) {
      if (req.signal?.aborted) throw err;
      if (isConnectionError(err)) throw err;
      const num = sqlErrorNumber(err);
      throw new ApplyError(
        'statement-failed',
        `step ${i + 1} of ${total} failed (${stmt.description}): ${req.redact(describeSqlError(err))}\n${stmt.sql}\nRolled back; nothing was changed.`,
        { step: i + 1, totalSteps: total, statement: stmt.sql, sqlErrorNumber: num },
        { cause: err },
      );
    }
    req.onProgress?.({ kind: 'stepDone', index: i + 1, total, elapsedMs: Date.now() - started });
  }
}


function translate(err: unknown, req: ApplyRequest): unknown {
  if (err instanceof ApplyError) return err;
  if (req.signal?.aborted) {
    return new ApplyError('interrupted', 'interrupted: the running statement was cancelled and the transaction rolled back; nothing was changed', {}, { cause: err });
  }
  if (isConnectionError(err)) {
    return new ApplyError('connection-lost', `the connection to the server was lost (${req.redact(messageOf(err))}); the server rolls back an open transaction, so nothing was changed`, {}, { cause: err });
  }
  return err;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function countSteps(statements: readonly ApplyStatement[]): number {
  return new Set(statements.map((s) => s.stepIndex)).size;
}

/** A short list of what a plan would still do, for refusals and the convergence check. */
export function describeRemaining(plan: Plan): string {
  if (plan.steps.length === 0) return 'no changes';
  const names = plan.steps.slice(0, 5).map((s) => describeWithTable(s.change));
  const more = plan.steps.length > 5 ? ` and ${plan.steps.length - 5} more` : '';
  return `${plan.steps.length} change(s): ${names.join(', ')}${more}`;
}
