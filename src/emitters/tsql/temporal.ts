/**
 * T-SQL of system-versioned temporal tables: the period clause, SYSTEM_VERSIONING = ON / OFF
 * (https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql, the
 * `SYSTEM_VERSIONING` table option; https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql,
 * `<period_for_system_time>` and `<system_versioning_options>`).
 */
import type { Column, HistoryRetention, SystemVersioning, Table } from '../../model';
import type { TableRef } from '../../differ/changes';
import { quoteIdent, quoteQualified } from '../../sqlserver/literals';

/** ` GENERATED ALWAYS AS ROW START|END [HIDDEN]` for a period column, '' for any other. */
export function generatedAlwaysClause(column: Column): string {
  if (column.period === undefined) return '';
  return ` GENERATED ALWAYS AS ROW ${column.period.end === 'start' ? 'START' : 'END'}${column.period.hidden ? ' HIDDEN' : ''}`;
}

/** The (start, end) period columns of a table, or null when it has none (or only one). */
export function periodColumns(columns: readonly Column[]): { start: Column; end: Column } | null {
  const start = columns.find((c) => c.period?.end === 'start');
  const end = columns.find((c) => c.period?.end === 'end');
  return start !== undefined && end !== undefined ? { start, end } : null;
}

/** `PERIOD FOR SYSTEM_TIME ([start], [end])`. */
export function periodClause(start: string, end: string): string {
  return `PERIOD FOR SYSTEM_TIME (${quoteIdent(start)}, ${quoteIdent(end)})`;
}

/** `6 MONTHS`, `INFINITE`: SQL Server takes the plural for any count. */
export function retentionText(r: HistoryRetention): string {
  return r.unit === 'INFINITE' ? 'INFINITE' : `${r.count} ${r.unit}S`;
}

/**
 * `SYSTEM_VERSIONING = ON (HISTORY_TABLE = [s].[h], HISTORY_RETENTION_PERIOD = ..., DATA_CONSISTENCY_CHECK = ON)`.
 * INFINITE, the default, is left out; the consistency check (also the default) is written when
 * an existing history table is attached, so a reader sees that its rows are validated.
 */
export function versioningOn(v: SystemVersioning, consistencyCheck: boolean): string {
  const options = [`HISTORY_TABLE = ${quoteQualified(v.historySchema, v.historyTable)}`];
  if (v.retention.unit !== 'INFINITE') options.push(`HISTORY_RETENTION_PERIOD = ${retentionText(v.retention)}`);
  if (consistencyCheck) options.push('DATA_CONSISTENCY_CHECK = ON');
  return `SYSTEM_VERSIONING = ON (${options.join(', ')})`;
}

/** `ALTER TABLE t SET (SYSTEM_VERSIONING = ON (...));`. */
export function setVersioningOn(t: TableRef, v: SystemVersioning, consistencyCheck: boolean): string {
  return `ALTER TABLE ${quoteQualified(t.schema, t.name)} SET (${versioningOn(v, consistencyCheck)});`;
}

/** `ALTER TABLE t SET (SYSTEM_VERSIONING = OFF);`: both tables stay, the history becomes an ordinary table. */
export function setVersioningOff(t: TableRef): string {
  return `ALTER TABLE ${quoteQualified(t.schema, t.name)} SET (SYSTEM_VERSIONING = OFF);`;
}

/**
 * DROP TABLE of a versioned table: SQL Server refuses to drop it while versioning is on
 * (Msg 13552), so versioning goes off first and the history table is dropped with it.
 */
export function dropVersionedTable(table: Table): string[] {
  const ref = { schema: table.schema, name: table.name };
  if (table.versioning === undefined) return [`DROP TABLE ${quoteQualified(table.schema, table.name)};`];
  const v = table.versioning;
  return [setVersioningOff(ref), `DROP TABLE ${quoteQualified(table.schema, table.name)};`, `DROP TABLE ${quoteQualified(v.historySchema, v.historyTable)};`];
}
