/**
 * Change tracking statements (sqlserver/change-tracking.ts):
 * ALTER TABLE t ENABLE CHANGE_TRACKING [WITH (TRACK_COLUMNS_UPDATED = ON)] (OFF is the default,
 * left out), ALTER TABLE t DISABLE CHANGE_TRACKING
 * (https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql, "CHANGE_TRACKING"),
 * and the database's ALTER DATABASE ... SET CHANGE_TRACKING = ON that schemac only names, never runs
 * (https://learn.microsoft.com/sql/t-sql/statements/alter-database-transact-sql-set-options).
 */
import type { TableRef } from '../../differ/changes';
import type { ChangeTracking } from '../../model';
import { quoteIdent, quoteQualified } from '../../sqlserver/literals';

/** ALTER TABLE t ENABLE CHANGE_TRACKING, with TRACK_COLUMNS_UPDATED = ON when asked. */
export function enableChangeTracking(table: TableRef, tracking: ChangeTracking): string {
  return `ALTER TABLE ${quoteQualified(table.schema, table.name)} ENABLE CHANGE_TRACKING${tracking.trackColumnsUpdated ? ' WITH (TRACK_COLUMNS_UPDATED = ON)' : ''};`;
}

/** ALTER TABLE t DISABLE CHANGE_TRACKING. */
export function disableChangeTracking(table: TableRef): string {
  return `ALTER TABLE ${quoteQualified(table.schema, table.name)} DISABLE CHANGE_TRACKING;`;
}

/**
 * The statement a DBA runs to turn the database's change tracking on, with the documentation's
 * example options (two days of history, automatic cleanup); `database` null: CURRENT.
 */
export function enableDatabaseChangeTracking(database: string | null): string {
  return `ALTER DATABASE ${database === null ? 'CURRENT' : quoteIdent(database)} SET CHANGE_TRACKING = ON (CHANGE_RETENTION = 2 DAYS, AUTO_CLEANUP = ON);`;
}
