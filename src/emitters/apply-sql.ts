import { SESSION_OPTIONS } from './tsql/script';

/**
 * The T-SQL schemac's apply executor runs around a plan's own statements: the apply lock, the
 * session options, and the history table. Kept here because T-SQL text lives in src/emitters.
 */

/** The sp_getapplock resource every schemac apply takes, so two applies never interleave. */
export const APPLY_LOCK_RESOURCE = 'schemac.apply';

/**
 * Takes the exclusive, session-owned apply lock, waiting at most `timeoutMs`; returns
 * sp_getapplock's result code (0 granted, 1 granted after waiting, -1 timed out, -2 cancelled,
 * -3 deadlock victim, -999 parameter error) as the column `result`, and @@SPID as `spid`.
 */
export function acquireApplyLockSql(timeoutMs: number): string {
  return [
    'DECLARE @result int;',
    `EXEC @result = sp_getapplock @Resource = N'${APPLY_LOCK_RESOURCE}', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = ${Math.max(0, Math.floor(timeoutMs))};`,
    'SELECT @result AS result, @@SPID AS spid;',
  ].join('\n');
}

/** Releases the apply lock (closing the connection would too; this is explicit and early). */
export function releaseApplyLockSql(): string {
  return `EXEC sp_releaseapplock @Resource = N'${APPLY_LOCK_RESOURCE}', @LockOwner = N'Session';`;
}

/**
 * The session options an apply runs under: the script's (XACT_ABORT, and what filtered indexes
 * need), and a lock timeout so a DDL statement blocked by another session fails (error 1222)
 * instead of hanging.
 */
export function applySessionOptionsSql(lockTimeoutMs: number | null): string[] {
  return [
    ...SESSION_OPTIONS,
    `SET LOCK_TIMEOUT ${lockTimeoutMs === null ? -1 : Math.max(0, Math.floor(lockTimeoutMs))};`,
  ];
}

/** Creates the schemac schema and history table when missing (each its own batch). */
export function ensureHistorySql(): string[] {
  return [
    "IF SCHEMA_ID(N'schemac') IS NULL EXEC(N'CREATE SCHEMA [schemac]');",
    [
      "IF OBJECT_ID(N'[schemac].[applied_plans]', N'U') IS NULL",
      'CREATE TABLE [schemac].[applied_plans] (',
      '  [id] UNIQUEIDENTIFIER NOT NULL CONSTRAINT [pk_applied_plans] PRIMARY KEY NONCLUSTERED,',
      '  [applied_at] DATETIME2(3) NOT NULL CONSTRAINT [df_applied_plans_applied_at] DEFAULT (SYSUTCDATETIME()),',
      '  [applied_by] NVARCHAR(128) NOT NULL CONSTRAINT [df_applied_plans_applied_by] DEFAULT (SUSER_SNAME()),',
      '  [tool_version] NVARCHAR(32) NOT NULL,',
      '  [fingerprint_before] NVARCHAR(64) NOT NULL,',
      '  [fingerprint_after] NVARCHAR(64) NOT NULL,',
      '  [step_count] INT NOT NULL,',
      '  [script] NVARCHAR(MAX) NOT NULL',
      ');',
    ].join('\n'),
  ];
}

/** Inserts the history row; parameters @id, @tool_version, @fingerprint_before, @fingerprint_after, @step_count, @script. */
export const INSERT_HISTORY_SQL = [
  'INSERT INTO [schemac].[applied_plans]',
  '  ([id], [tool_version], [fingerprint_before], [fingerprint_after], [step_count], [script])',
  'VALUES (@id, @tool_version, @fingerprint_before, @fingerprint_after, @step_count, @script);',
].join('\n');

/**
 * `--resumable`: after the builds that ran after COMMIT, the history row records the catalog as
 * it ended (the row written before COMMIT had it without them). Parameters @id, @fingerprint_after.
 */
export const UPDATE_HISTORY_FINGERPRINT_SQL = 'UPDATE [schemac].[applied_plans] SET [fingerprint_after] = @fingerprint_after WHERE [id] = @id;';

/**
 * Whether the history row of run @id exists (after a connection lost during COMMIT). The IF keeps
 * the table's name out of the statement that runs when it does not exist: SQL Server resolves
 * every table a statement names before running it (Msg 208).
 */
export const HISTORY_ROW_EXISTS_SQL = [
  "IF OBJECT_ID(N'[schemac].[applied_plans]', N'U') IS NULL",
  '  SELECT 0 AS found;',
  'ELSE',
  '  SELECT COUNT(*) AS found FROM [schemac].[applied_plans] WHERE [id] = @id;',
].join('\n');

/** The most recent history rows, newest first; parameter @limit. */
export const RECENT_HISTORY_SQL = [
  "IF OBJECT_ID(N'[schemac].[applied_plans]', N'U') IS NOT NULL",
  '  SELECT TOP (@limit) [id], [applied_at], [applied_by], [tool_version], [fingerprint_before],',
  '    [fingerprint_after], [step_count]',
  '  FROM [schemac].[applied_plans] ORDER BY [applied_at] DESC;',
].join('\n');
