/**
 * T-SQL of system-versioned temporal tables: the period clause, SYSTEM_VERSIONING = ON / OFF
 * (https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql, the
 * `SYSTEM_VERSIONING` table option; https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql,
 * `<period_for_system_time>` and `<system_versioning_options>`).
 */
import type { Column, DefaultConstraint, HistoryRetention, SystemVersioning, Table } from '../../model';
import type { TableRef } from '../../differ/changes';
import type { TemporalChange } from '../../differ/temporal-changes';
import { makeExpression } from '../../expr';
import { defaultNameKey } from '../../sqlserver/names';
import { quoteIdent, quoteQualified } from '../../sqlserver/literals';
import { renderColumnDefinition } from './column';

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

/** `6 MONTHS`, `1 YEAR`, `INFINITE` (SQL Server takes DAY or DAYS, ... for any count). */
export function retentionText(r: HistoryRetention): string {
  return r.unit === 'INFINITE' ? 'INFINITE' : `${r.count} ${r.unit}${r.count === 1 ? '' : 'S'}`;
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
 * DROP TABLE of a versioned table (not a ledger one): SQL Server refuses to drop it while versioning is on
 * (Msg 13552), so versioning goes off first and the history table is dropped with it.
 */
export function dropVersionedTable(table: Table): string[] {
  const ref = { schema: table.schema, name: table.name };
  // A ledger table is dropped as it is: SQL Server renames and keeps it, its history and its view
  // (ledger-limits, "Dropping columns and tables"; sys-ledger-table-history-transact-sql drops a
  // SYSTEM_VERSIONING = ON ledger table with DROP TABLE alone). Versioning cannot be turned off on one (inferred).
  if (table.versioning === undefined || table.ledger !== undefined) return [`DROP TABLE ${quoteQualified(table.schema, table.name)};`];
  const v = table.versioning;
  return [setVersioningOff(ref), `DROP TABLE ${quoteQualified(table.schema, table.name)};`, `DROP TABLE ${quoteQualified(v.historySchema, v.historyTable)};`];
}

/** datetime2(p)'s largest value as a literal of exactly p fractional digits (more would round past the maximum). */
function scaleOf(column: Column): number {
  return column.type.name === 'datetime2' ? column.type.scale ?? 7 : 7;
}

function periodEndMax(column: Column): string {
  const scale = scaleOf(column);
  return `'9999-12-31 23:59:59${scale > 0 ? `.${'9'.repeat(scale)}` : ''}'`;
}

/**
 * The defaults that fill a new period column on a table with rows (the migration path of
 * creating-a-system-versioned-temporal-table: start now, end datetime2's maximum). Named
 * df_<table>_<column> so they can be dropped right after.
 */
function periodDefault(table: TableRef, column: Column, end: boolean): DefaultConstraint {
  const text = end ? `CONVERT(datetime2(${scaleOf(column)}), ${periodEndMax(column)})` : 'SYSUTCDATETIME()';
  return { name: `df_${table.name}_${column.name}`, isSystemNamed: false, column: column.name, expression: makeExpression(text, defaultNameKey).expression };
}

const alter = (t: TableRef): string => `ALTER TABLE ${quoteQualified(t.schema, t.name)}`;

type Renderers = { readonly [K in TemporalChange['kind']]: (change: Extract<TemporalChange, { kind: K }>) => string[] };

/** The T-SQL of each temporal change. */
export const TEMPORAL_RENDERERS: Renderers = {
  addPeriod: (c) => {
    const start = periodDefault(c.table, c.start, false);
    const end = periodDefault(c.table, c.end, true);
    return [
      `${alter(c.table)} ADD ${renderColumnDefinition(c.start, start)}, ${renderColumnDefinition(c.end, end)}, ${periodClause(c.start.name, c.end.name)};`,
      // SQL Server generates the values from now on; the defaults only filled the existing rows.
      // One constraint per DROP: the test grammar (and older tools) take no list there.
      `${alter(c.table)} DROP CONSTRAINT ${quoteIdent(start.name)};`,
      `${alter(c.table)} DROP CONSTRAINT ${quoteIdent(end.name)};`,
    ];
  },
  dropPeriod: (c) => {
    const defaults = [c.start.period?.defaultName, c.end.period?.defaultName].filter((n): n is string => n !== undefined);
    return [
      `${alter(c.table)} DROP PERIOD FOR SYSTEM_TIME;`,
      ...defaults.map((d) => `${alter(c.table)} DROP CONSTRAINT ${quoteIdent(d)};`),
      `${alter(c.table)} DROP COLUMN ${quoteIdent(c.start.name)}, ${quoteIdent(c.end.name)};`,
    ];
  },
  enableVersioning: (c) => [setVersioningOn(c.table, c.versioning, c.historyExists)],
  disableVersioning: (c) => [
    setVersioningOff(c.table),
    ...(c.dropHistory ? [`DROP TABLE ${quoteQualified(c.versioning.historySchema, c.versioning.historyTable)};`] : []),
  ],
  alterRetention: (c) => [`${alter(c.table)} SET (SYSTEM_VERSIONING = ON (HISTORY_RETENTION_PERIOD = ${retentionText(c.to)}));`],
  alterPeriodHidden: (c) => [`${alter(c.table)} ALTER COLUMN ${quoteIdent(c.column)} ${c.hidden ? 'ADD' : 'DROP'} HIDDEN;`],
};
