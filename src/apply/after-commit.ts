/**
 * What runs after COMMIT, outside the transaction, on the session that still holds the apply
 * lock: `--resumable` index builds, and steps on memory-optimized tables (SQL Server refuses
 * their DDL inside a transaction: differ/memory-optimized.ts), each statement on its own; then
 * the final verification and the history row's fingerprint. The transactional part is already
 * committed here, so every failure says so, names the statement that stopped, and what to do.
 */
import type { Plan } from '../differ/changes';
import { UPDATE_HISTORY_FINGERPRINT_SQL } from '../emitters/apply-sql';
import type { Database } from '../model';
import { ApplyError, describeSqlError, isConnectionError, messageOf, sqlErrorNumber } from './errors';
import { describeRemaining } from './describe-remaining';
import type { ApplyProgress, ApplyStatement } from './progress';
import type { SqlSession } from './session';

/** A resumable build, with the statements that continue or give it up if SQL Server pauses it. */
export interface ResumableStatement extends ApplyStatement {
  readonly resume: string;
  readonly abort: string;
}

/** A statement of a step on a memory-optimized table: it runs alone, autocommitted. */
export interface MemoryOptimizedStatement extends ApplyStatement {
  readonly memoryOptimized: true;
}

/** One statement after COMMIT. */
export type AfterCommitStatement = ResumableStatement | MemoryOptimizedStatement;

/** What runs after COMMIT: resumable builds first, then memory-optimized steps (the plan's order). */
export interface AfterCommitWork {
  readonly statements: readonly AfterCommitStatement[];
  /** True when a plan made before COMMIT lacks exactly these builds (the verification allows them). */
  readonly onlyThese: (remaining: Plan) => boolean;
}

/** What the after-commit phase needs from the apply. */
export interface AfterCommitContext {
  readonly runId: string;
  /** Plan steps the transaction committed. */
  readonly committedSteps: number;
  /** Statements the transaction ran (progress numbering goes on from there). */
  readonly transactional: number;
  readonly replan: (current: Database) => Plan;
  /** The apply request's own hooks (executor.ts ApplyRequest). */
  readonly req: {
    readonly readCurrent: (session: SqlSession) => Promise<Database>;
    readonly fingerprint: (db: Database) => string;
    readonly redact: (text: string) => string;
    readonly signal?: AbortSignal;
    readonly onProgress?: (event: ApplyProgress) => void;
  };
}

/** What to do about a statement that did not complete. */
function recovery(stmt: AfterCommitStatement): string {
  if ('memoryOptimized' in stmt) {
    return 'A failed ALTER, CREATE or DROP of a memory-optimized table changes nothing of that statement; fix the cause and run schemac apply again (it plans what is left)';
  }
  return `If SQL Server paused it, sys.index_resumable_operations lists it: ${stmt.resume} continues it and ${stmt.abort} gives it up`
    + ' (then run schemac apply again). If it is not listed, nothing of it remains: fix the cause and run schemac apply again.';
}

/** Runs the builds, verifies the final catalog converges, records it; returns its fingerprint. */
export async function runAfterCommit(session: SqlSession, work: AfterCommitWork, ctx: AfterCommitContext): Promise<string> {
  const { req } = ctx;
  const committed = `the transaction's ${ctx.committedSteps} step(s) are committed (run ${ctx.runId})`;
  const total = ctx.transactional + work.statements.length;
  for (const [i, stmt] of work.statements.entries()) {
    const index = ctx.transactional + i + 1;
    const memory = 'memoryOptimized' in stmt;
    req.onProgress?.({ kind: 'step', index, total, description: `${stmt.description} (${memory ? 'memory-optimized' : 'resumable'}, after COMMIT)` });
    const started = Date.now();
    try {
      if (req.signal?.aborted) throw new Error('interrupted');
      await session.query(stmt.sql, undefined, (text) => req.onProgress?.({ kind: 'message', index, text: req.redact(text) }));
    } catch (err) {
      const detail = { step: stmt.stepIndex + 1, totalSteps: total, statement: stmt.sql, committed: true, sqlErrorNumber: sqlErrorNumber(err) };
      if (req.signal?.aborted && memory) {
        throw new ApplyError('interrupted', `interrupted during a step on a memory-optimized table (${stmt.description}): ${committed}; that statement was cancelled. ${recovery(stmt)}.`, detail, { cause: err });
      }
      if (req.signal?.aborted) {
        // Cancelling a resumable build pauses it rather than rolling it back.
        throw new ApplyError('interrupted', `interrupted during the resumable build (${stmt.description}): ${committed}; the build was cancelled, which pauses a resumable build. ${recovery(stmt)}.`, detail, { cause: err });
      }
      const why = isConnectionError(err) ? `the connection was lost (${req.redact(messageOf(err))})` : req.redact(describeSqlError(err));
      if (memory) {
        throw new ApplyError('memory-optimized-incomplete',
          `${committed}, but a step on a memory-optimized table after COMMIT failed (${stmt.description}): ${why}\n${stmt.sql}\n${recovery(stmt)}.`
          + (i + 1 < work.statements.length ? ` The ${work.statements.length - i - 1} later statement(s) after COMMIT did not run.` : ''),
          detail, { cause: err });
      }
      throw new ApplyError('resumable-incomplete',
        `${committed}, but the resumable build after COMMIT did not complete (${stmt.description}): ${why}\n${stmt.sql}\n${recovery(stmt)}.`
        + (i + 1 < work.statements.length ? ` The ${work.statements.length - i - 1} later build(s) did not run.` : ''),
        detail, { cause: err });
    }
    req.onProgress?.({ kind: 'stepDone', index, total, elapsedMs: Date.now() - started });
  }
  req.onProgress?.({ kind: 'verifying', afterCommit: true });
  let fingerprint: string;
  try {
    const after = await req.readCurrent(session);
    const remaining = ctx.replan(after);
    if (remaining.steps.length > 0) {
      throw new ApplyError('not-converged', `${committed} and the statements after COMMIT ran, but planning again still finds ${describeRemaining(remaining)}; look at the database and plan again`, { committed: true });
    }
    fingerprint = req.fingerprint(after);
    await session.query(UPDATE_HISTORY_FINGERPRINT_SQL, {
      id: { type: 'uniqueidentifier', value: ctx.runId },
      fingerprint_after: { type: 'nvarchar', value: fingerprint },
    });
  } catch (err) {
    if (err instanceof ApplyError) throw err;
    throw new ApplyError('resumable-incomplete', `${committed} and the statements after COMMIT completed, but the final check failed: ${req.redact(messageOf(err))}; plan again to see where the database stands`, { committed: true }, { cause: err });
  }
  return fingerprint;
}
