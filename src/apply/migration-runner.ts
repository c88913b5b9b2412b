/**
 * Runs versioned migrations: under the apply lock, each pending migration in order, each in its
 * own transaction (or all in one), each verified against the state its after.json records
 * before its COMMIT, each with a history row naming the migration and its hash. A failure rolls
 * back the migration that failed (all of them with txMode 'all'); the ones committed before it
 * stay applied and recorded.
 */
import { randomUUID } from 'crypto';
import type { Plan } from '../differ/changes';
import {
  acquireApplyLockSql, applySessionOptionsSql, ensureHistorySql, releaseApplyLockSql,
} from '../emitters/apply-sql';
import { APPLIED_MIGRATIONS_SQL, BASELINE_SCRIPT_NOTE, ensureMigrationColumnsSql, INSERT_MIGRATION_HISTORY_SQL } from '../emitters/migration-history-sql';
import type { Database } from '../model';
import { ApplyError, describeSqlError, isConnectionError, sqlErrorNumber, type ApplyFailureKind } from './errors';
import { describeRemaining, type ApplyProgress, type ApplyStatement } from './executor';
import { commitOrCheck } from './commit-check';
import type { SqlSession } from './session';

/** One migration run recorded in the history table. */
export interface AppliedMigrationRow {
  readonly id: string;
  readonly hash: string | null;
  readonly direction: 'up' | 'down';
}

/** One migration to run, one way. */
export interface MigrationUnit {
  readonly id: string;
  readonly hash: string;
  readonly direction: 'up' | 'down';
  readonly statements: readonly ApplyStatement[];
  /** The script as written, kept in the history row. */
  readonly script: string;
  /** What still differs from the state this unit must leave (empty: verified). */
  readonly verify: (current: Database) => Plan;
}

/** Progress: the executor's events, plus the start of each migration. */
export type MigrationProgress =
  | ApplyProgress
  | { readonly kind: 'migration'; readonly index: number; readonly total: number; readonly id: string; readonly direction: 'up' | 'down' };

/** Everything a migrations run needs; the database work goes through `openSession`. */
export interface MigrationRunRequest {
  readonly openSession: () => Promise<SqlSession>;
  readonly readCurrent: (session: SqlSession) => Promise<Database>;
  readonly fingerprint: (db: Database) => string;
  /**
   * Under the lock, with the catalog and the history as they are then: what to run, in order
   * (empty: nothing to do). Throwing refuses; the lock is released and nothing was changed.
   */
  readonly prepare: (current: Database, applied: readonly AppliedMigrationRow[]) => Promise<readonly MigrationUnit[]>;
  readonly txMode: 'each' | 'all';
  readonly toolVersion: string;
  readonly lockTimeoutMs: number;
  readonly statementLockTimeoutMs: number | null;
  /** Scrubs secrets from driver text before it goes into a message. */
  readonly redact: (text: string) => string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: MigrationProgress) => void;
}

/** A migration that was committed. */
export interface DoneMigration {
  readonly id: string;
  readonly direction: 'up' | 'down';
  readonly runId: string;
}

/** A run that stopped; `done` lists the migrations committed before it stopped. */
export class MigrationRunError extends ApplyError {
  constructor(kind: ApplyFailureKind, message: string, readonly done: readonly DoneMigration[], options?: { cause?: unknown }) {
    super(kind, message, {}, options);
    this.name = 'MigrationRunError';
  }
}

/** Runs the units `prepare` returns; returns what was committed. */
export async function executeMigrations(req: MigrationRunRequest): Promise<readonly DoneMigration[]> {
  const session = await req.openSession();
  const done: DoneMigration[] = [];
  let inTransaction = false;
  let current: MigrationUnit | null = null;
  const onAbort = () => session.cancel();
  req.signal?.addEventListener('abort', onAbort);
  try {
    await takeLock(session, req);
    const applied = await readApplied(session);
    const before = await req.readCurrent(session);
    const units = await req.prepare(before, applied);
    if (units.length === 0) {
      await session.query(releaseApplyLockSql()).catch(() => undefined);
      return done;
    }
    if (req.signal?.aborted) throw new ApplyError('interrupted', 'interrupted before any change; nothing was changed');
    for (const stmt of applySessionOptionsSql(req.statementLockTimeoutMs)) await session.query(stmt);
    let fingerprintBefore = req.fingerprint(before);
    const pendingCommit: DoneMigration[] = [];
    for (const [i, unit] of units.entries()) {
      current = unit;
      if (!inTransaction) {
        await session.begin();
        inTransaction = true;
        for (const stmt of [...ensureHistorySql(), ...ensureMigrationColumnsSql()]) await session.query(stmt);
      }
      req.onProgress?.({ kind: 'migration', index: i + 1, total: units.length, id: unit.id, direction: unit.direction });
      await runStatements(session, unit, req);
      req.onProgress?.({ kind: 'verifying' });
      const after = await req.readCurrent(session);
      const remaining = unit.verify(after);
      if (remaining.steps.length > 0) {
        throw new ApplyError('not-converged', `after its statements the database is not the state its after.json records: ${describeRemaining(remaining)} still differ`);
      }
      const runId = randomUUID();
      const fingerprintAfter = req.fingerprint(after);
      await insertHistoryRow(session, {
        runId, toolVersion: req.toolVersion, fingerprintBefore, fingerprintAfter,
        stepCount: new Set(unit.statements.map((s) => s.stepIndex)).size, script: unit.script, id: unit.id, hash: unit.hash, direction: unit.direction,
      });
      fingerprintBefore = fingerprintAfter;
      pendingCommit.push({ id: unit.id, direction: unit.direction, runId });
      if (req.txMode === 'each' || i === units.length - 1) {
        await commitOrCheck(session, req.openSession, runId, { howToLook: 'schemac migrate status', rolledBack: 'it back' });
        inTransaction = false;
        done.push(...pendingCommit.splice(0));
        req.onProgress?.({ kind: 'committed' });
      }
    }
    await session.query(releaseApplyLockSql()).catch(() => undefined);
    return done;
  } catch (err) {
    if (inTransaction) await session.rollback();
    throw wrap(translate(err, req), current, done, req.txMode);
  } finally {
    req.signal?.removeEventListener('abort', onAbort);
    await session.close().catch(() => undefined);
  }
}

/** What `migrate baseline` records: migrations already in the database, in order. */
export interface BaselineEntry {
  readonly id: string;
  readonly hash: string;
}

/** What recording a baseline needs; `prepare` refuses (throws) or names the migrations to record. */
export interface BaselineRequest {
  readonly openSession: () => Promise<SqlSession>;
  readonly readCurrent: (session: SqlSession) => Promise<Database>;
  readonly fingerprint: (db: Database) => string;
  readonly prepare: (current: Database, applied: readonly AppliedMigrationRow[]) => readonly BaselineEntry[];
  readonly toolVersion: string;
  readonly lockTimeoutMs: number;
}

/**
 * Records migrations as applied without running them (`migrate baseline`): under the apply lock,
 * with the catalog and history as they are then, one history row per migration in one
 * transaction. Nothing but the history table changes; `prepare` checked that the database
 * already is what the migrations make.
 */
export async function recordBaseline(req: BaselineRequest): Promise<readonly DoneMigration[]> {
  const session = await req.openSession();
  let inTransaction = false;
  try {
    await takeLock(session, { lockTimeoutMs: req.lockTimeoutMs });
    const applied = await readApplied(session);
    const current = await req.readCurrent(session);
    const entries = req.prepare(current, applied);
    if (entries.length === 0) {
      await session.query(releaseApplyLockSql()).catch(() => undefined);
      return [];
    }
    const fingerprint = req.fingerprint(current);
    const done: DoneMigration[] = [];
    await session.begin();
    inTransaction = true;
    for (const stmt of [...ensureHistorySql(), ...ensureMigrationColumnsSql()]) await session.query(stmt);
    for (const entry of entries) {
      const runId = randomUUID();
      await insertHistoryRow(session, {
        runId, toolVersion: req.toolVersion, fingerprintBefore: fingerprint, fingerprintAfter: fingerprint,
        stepCount: 0, script: BASELINE_SCRIPT_NOTE, id: entry.id, hash: entry.hash, direction: 'up',
      });
      done.push({ id: entry.id, direction: 'up', runId });
    }
    await commitOrCheck(session, req.openSession, (done.at(-1) as DoneMigration).runId, { howToLook: 'schemac migrate status', rolledBack: 'the baseline back' });
    inTransaction = false;
    await session.query(releaseApplyLockSql()).catch(() => undefined);
    return done;
  } catch (err) {
    if (inTransaction) await session.rollback();
    throw err;
  } finally {
    await session.close().catch(() => undefined);
  }
}

/** One migration's history row, as the runner and a baseline write it. */
interface HistoryRow {
  readonly runId: string;
  readonly toolVersion: string;
  readonly fingerprintBefore: string;
  readonly fingerprintAfter: string;
  readonly stepCount: number;
  readonly script: string;
  readonly id: string;
  readonly hash: string;
  readonly direction: 'up' | 'down';
}

async function insertHistoryRow(session: SqlSession, row: HistoryRow): Promise<void> {
  await session.query(INSERT_MIGRATION_HISTORY_SQL, {
    id: { type: 'uniqueidentifier', value: row.runId },
    tool_version: { type: 'nvarchar', value: row.toolVersion },
    fingerprint_before: { type: 'nvarchar', value: row.fingerprintBefore },
    fingerprint_after: { type: 'nvarchar', value: row.fingerprintAfter },
    step_count: { type: 'int', value: row.stepCount },
    script: { type: 'nvarchar', value: row.script },
    migration_id: { type: 'nvarchar', value: row.id },
    migration_hash: { type: 'nvarchar', value: row.hash },
    migration_direction: { type: 'nvarchar', value: row.direction },
  });
}

/** The history's migration rows; none when the table or its migration columns do not exist yet. */
async function readApplied(session: SqlSession): Promise<AppliedMigrationRow[]> {
  const result = await session.query(APPLIED_MIGRATIONS_SQL);
  return (result.recordsets[0] ?? []).map((r) => ({
    id: String(r.migration_id),
    hash: r.migration_hash === null || r.migration_hash === undefined ? null : String(r.migration_hash),
    direction: String(r.migration_direction) === 'down' ? 'down' : 'up',
  }));
}

/** Reads the migration history on a session of its own (for `migrate status`). */
export async function readAppliedMigrations(session: SqlSession): Promise<AppliedMigrationRow[]> {
  return readApplied(session);
}

async function takeLock(session: SqlSession, req: Pick<MigrationRunRequest, 'lockTimeoutMs' | 'onProgress'>): Promise<void> {
  const started = Date.now();
  const result = await session.query(acquireApplyLockSql(req.lockTimeoutMs));
  const code = Number(result.recordsets.at(-1)?.[0]?.result);
  // Only 0 (granted) and 1 (granted after waiting) are a grant; no row at all is not one.
  if (code !== 0 && code !== 1) {
    const why = code === -1 ? `timed out after ${req.lockTimeoutMs} ms` : `was refused (sp_getapplock returned ${code})`;
    throw new ApplyError('lock-timeout', `another schemac apply is running on this database: waiting for its lock ${why}; nothing was changed`);
  }
  req.onProgress?.({ kind: 'locked', waitedMs: Date.now() - started });
}

async function runStatements(session: SqlSession, unit: MigrationUnit, req: MigrationRunRequest): Promise<void> {
  const total = unit.statements.length;
  for (const [i, stmt] of unit.statements.entries()) {
    if (req.signal?.aborted) throw new ApplyError('interrupted', 'interrupted');
    req.onProgress?.({ kind: 'step', index: i + 1, total, description: stmt.description });
    const started = Date.now();
    try {
      await session.query(stmt.sql);
    } catch (err) {
      if (req.signal?.aborted || isConnectionError(err)) throw err;
      const num = sqlErrorNumber(err);
      throw new ApplyError('statement-failed', `statement ${i + 1} of ${total} failed (${stmt.description}): ${req.redact(describeSqlError(err))}\n${stmt.sql}`,
        { step: i + 1, totalSteps: total, statement: stmt.sql, sqlErrorNumber: num }, { cause: err });
    }
    req.onProgress?.({ kind: 'stepDone', index: i + 1, total, elapsedMs: Date.now() - started });
  }
}


function translate(err: unknown, req: MigrationRunRequest): unknown {
  if (err instanceof ApplyError) return err;
  if (req.signal?.aborted) return new ApplyError('interrupted', 'interrupted: the running statement was cancelled and the transaction rolled back', {}, { cause: err });
  if (isConnectionError(err)) return new ApplyError('connection-lost', `the connection to the server was lost (${req.redact((err as Error).message)}); the server rolls back an open transaction`, {}, { cause: err });
  return err;
}

/** Says which migration failed and what stays applied; refusals before any change pass through. */
function wrap(err: unknown, unit: MigrationUnit | null, done: readonly DoneMigration[], txMode: 'each' | 'all'): unknown {
  if (!(err instanceof ApplyError) || unit === null) return err;
  const detail = err.message.replace(/^apply: /, '');
  const kept = done.length === 0
    ? 'nothing was changed'
    : `${done.map((d) => d.id).join(', ')} ${done.length === 1 ? 'stays' : 'stay'} ${unit.direction === 'up' ? 'applied' : 'undone'} and recorded`;
  const rolled = txMode === 'all' ? 'every migration of this run was rolled back (--tx-mode all)' : `migration ${unit.id} was rolled back`;
  return new MigrationRunError(err.kind, `migration ${unit.id} (${unit.direction}) failed: ${detail}\n${rolled}; ${kept}`, done, { cause: err });
}
