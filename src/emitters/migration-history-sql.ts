/**
 * The history table's migration columns and the queries over them. Added to
 * [schemac].[applied_plans] in place (nullable, so rows written by `apply` and by older
 * versions stay valid; a declarative apply leaves them NULL), so one table records every change
 * schemac made, whichever way it was made.
 */

const TABLE = '[schemac].[applied_plans]';

/** The migration columns, added when missing (each its own batch, after ensureHistorySql). */
export function ensureMigrationColumnsSql(): string[] {
  const columns: readonly [string, string][] = [
    ['migration_id', 'NVARCHAR(200)'],
    ['migration_hash', 'NVARCHAR(64)'],
    // 'up' or 'down': a migration is applied while its ups outnumber its downs.
    ['migration_direction', 'NVARCHAR(4)'],
  ];
  return columns.map(([name, type]) => `IF COL_LENGTH(N'${TABLE}', N'${name}') IS NULL ALTER TABLE ${TABLE} ADD [${name}] ${type} NULL;`);
}

/**
 * The history row of one migration run; parameters as INSERT_HISTORY_SQL's plus @migration_id,
 * @migration_hash and @migration_direction.
 */
export const INSERT_MIGRATION_HISTORY_SQL = [
  `INSERT INTO ${TABLE}`,
  '  ([id], [tool_version], [fingerprint_before], [fingerprint_after], [step_count], [script], [migration_id], [migration_hash], [migration_direction])',
  'VALUES (@id, @tool_version, @fingerprint_before, @fingerprint_after, @step_count, @script, @migration_id, @migration_hash, @migration_direction);',
].join('\n');

/**
 * The script column of a migration `migrate baseline` recorded without running it: a comment
 * saying so, where other rows keep the script that ran.
 */
export const BASELINE_SCRIPT_NOTE = '-- schemac migrate baseline: recorded as applied without running; the database already was the state its after.json records';

/**
 * Every migration run recorded, oldest first; no result set when the table or its migration
 * columns do not exist yet. The SELECT runs through EXEC because SQL Server resolves the
 * columns of an existing table when it compiles the batch (Msg 207), even in a branch not taken.
 */
export const APPLIED_MIGRATIONS_SQL = [
  `IF OBJECT_ID(N'${TABLE}', N'U') IS NOT NULL AND COL_LENGTH(N'${TABLE}', N'migration_id') IS NOT NULL`,
  `  EXEC(N'SELECT [migration_id], [migration_hash], [migration_direction], [applied_at] FROM ${TABLE} WHERE [migration_id] IS NOT NULL ORDER BY [applied_at], [migration_id];');`,
].join('\n');
