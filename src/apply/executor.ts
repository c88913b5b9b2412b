import { randomUUID } from 'crypto';
import type { ApplyProgress, ApplyStatement } from './progress';
import { describeRemaining } from './describe-remaining';
import type { Plan } from '../differ/changes';
import {
  acquireApplyLockSql, applySessionOptionsSql, ensureHistorySql,
  INSERT_HISTORY_SQL, releaseApplyLockSql,
} from '../emitters/apply-sql';
import { runAfterCommit, type AfterCommitWork } from './after-commit';
import type { Database } from '../model';
import { ApplyError, describeSqlError, isConnectionError, messageOf, sqlErrorNumber } from './errors';
import { commitOrCheck } from './commit-check';
import type { SqlSession } from './session';

export type { ApplyStatement, ApplyProgress } from './progress';

/** What to apply, decided from the catalog as it is under the lock. */
export interface PreparedApply {
  readonly statements: readonly ApplyStatement[];
  /** The whole script, kept in the history row. */
  readonly script: string;
  /** Plans the desired state against a catalog: the verification before commit. */
  readonly replan: (current: Database) => Plan;
  /**
   * `--resumable`: index builds that run after COMMIT, outside the transaction (after-commit.ts).
   * The verification before COMMIT then allows exactly these to be still missing.
   */
  readonly afterCommit?: AfterCommitWork;
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
    await runSteps(session, job.statements, req, job.statements.length + (job.afterCommit?.statements.length ?? 0));
    req.onProgress?.({ kind: 'verifying' });
    const after = await req.readCurrent(session);
    const remaining = job.replan(after);
    const deferredOnly = job.afterCommit !== undefined && remaining.steps.length > 0 && job.afterCommit.onlyThese(remaining);
    if (remaining.steps.length > 0 && !deferredOnly) {
      throw new ApplyError('not-converged', `the plan did not converge: after its steps, ${describeRemaining(remaining)} still differ; rolled back, nothing was changed`);
    }
    const fingerprintAfter = req.fingerprint(after);
    const steps = countSteps(job.statements) + countSteps(job.afterCommit?.statements ?? []);
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
    // Still under the apply lock (it belongs to the session): no other apply plans these indexes again meanwhile.
    const finalFingerprint = job.afterCommit !== undefined && job.afterCommit.statements.length > 0
      ? await runAfterCommit(session, job.afterCommit, { runId, committedSteps: countSteps(job.statements), transactional: job.statements.length, replan: job.replan, req })
      : fingerprintAfter;
    await session.query(releaseApplyLockSql()).catch(() => undefined);
    return { runId, steps, fingerprintAfter: finalFingerprint };
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

async function runSteps(session: SqlSession, statements: readonly ApplyStatement[], req: ApplyRequest, total: number): Promise<void> {
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

/** Distinct plan steps among statements. */
export function countSteps(statements: readonly ApplyStatement[]): number {
  return new Set(statements.map((s) => s.stepIndex)).size;
}

export { describeRemaining } from './describe-remaining';
