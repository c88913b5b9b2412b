/**
 * The execution options of index builds and column rewrites: WITH (ONLINE = ON ...) where the
 * production pass decided it (src/differ/lock-impact.ts), and the batched backfill loop.
 */
import type { OnlineBuild, ResumableBuild, TableRef } from '../../differ/changes';
import type { SqlExpression } from '../../model';
import { parenthesized } from './expression';
import { nLiteral, quoteIdent, quoteQualified } from '../../sqlserver/literals';
import { MAX_RESUMABLE_DURATION_MINUTES } from '../../sqlserver/resumable';

/**
 * `ONLINE = ON`, or with a low-priority wait: `ONLINE = ON (WAIT_AT_LOW_PRIORITY (MAX_DURATION
 * = n MINUTES, ABORT_AFTER_WAIT = SELF))`. SELF gives up the build (and so the apply, which
 * rolls back) rather than killing other sessions (create-index-transact-sql.md, examples).
 */
export function onlineOption(online: OnlineBuild): string {
  if (online.lowPriorityWaitMinutes === null) return 'ONLINE = ON';
  const minutes = online.lowPriorityWaitMinutes;
  if (!Number.isInteger(minutes) || minutes < 0) throw new Error(`schemac: bad low-priority wait: ${minutes}`);
  return `ONLINE = ON (WAIT_AT_LOW_PRIORITY (MAX_DURATION = ${minutes} MINUTES, ABORT_AFTER_WAIT = SELF))`;
}

/**
 * A backfill over a large table, in batches of `batchRows`: each UPDATE TOP (n) stays under
 * SQL Server's lock-escalation threshold (about 5,000 locks) only when n is small, and the loop
 * reports progress with RAISERROR ... WITH NOWAIT (severity 0: an informational message). It
 * runs inside the plan's transaction, so it stays all or nothing; every batch's log records are
 * kept until COMMIT (README, "Big tables").
 */
export function batchedBackfill(table: TableRef, column: string, expression: SqlExpression, batchRows: number): string {
  if (!Number.isInteger(batchRows) || batchRows < 1) throw new Error(`schemac: bad backfill batch size: ${batchRows}`);
  const col = quoteIdent(column);
  const progress = `schemac: backfilled %d rows of ${quoteQualified(table.schema, table.name)}.${col}`;
  return [
    'DECLARE @schemac_batch int = 1, @schemac_done int = 0;',
    'WHILE @schemac_batch > 0',
    'BEGIN',
    `    UPDATE TOP (${batchRows}) ${quoteQualified(table.schema, table.name)} SET ${col} = ${parenthesized(expression)} WHERE ${col} IS NULL;`,
    '    SET @schemac_batch = @@ROWCOUNT;',
    '    SET @schemac_done = @schemac_done + @schemac_batch;',
    `    RAISERROR(${nLiteral(progress.replace(/%(?!d)/g, '%%'))}, 0, 1, @schemac_done) WITH NOWAIT;`,
    'END;',
  ].join('\n');
}

/**
 * `RESUMABLE = ON[, MAX_DURATION = n MINUTES]`, after ONLINE = ON (`--resumable`; RESUMABLE needs
 * ONLINE = ON and no user transaction: src/sqlserver/resumable.ts). MAX_DURATION pauses the build
 * after n minutes; ALTER INDEX ... RESUME continues it.
 */
export function resumableOptions(r: ResumableBuild): string[] {
  const minutes = r.maxDurationMinutes;
  if (minutes === null) return ['RESUMABLE = ON'];
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_RESUMABLE_DURATION_MINUTES) throw new Error(`schemac: bad MAX_DURATION: ${minutes}`);
  return ['RESUMABLE = ON', `MAX_DURATION = ${minutes} MINUTES`];
}

/** ALTER INDEX i ON t RESUME: continues a paused resumable build (alter-index-transact-sql). */
export function resumeIndexSql(table: TableRef, index: string): string {
  return `ALTER INDEX ${quoteIdent(index)} ON ${quoteQualified(table.schema, table.name)} RESUME;`;
}

/** ALTER INDEX i ON t ABORT: gives a paused resumable build up; the index is then not there. */
export function abortIndexSql(table: TableRef, index: string): string {
  return `ALTER INDEX ${quoteIdent(index)} ON ${quoteQualified(table.schema, table.name)} ABORT;`;
}
