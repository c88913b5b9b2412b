/**
 * System-versioned tables in the catalog rows: sys.tables temporal_type / history_table_id /
 * history_retention_period(_unit) and sys.columns generated_always_type / is_hidden
 * (https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-tables-transact-sql,
 * .../sys-columns-transact-sql). A history table is part of its table's definition: it is read
 * into the table's `versioning` and is not a table of the model.
 */
import type { Column, HistoryRetention, PeriodColumn, SystemVersioning } from '../model';
import type { CatalogSnapshot, ColumnRow } from './snapshot-types';

/** sys.tables history_retention_period_unit values (3 DAY ... 6 YEAR; -1 INFINITE). */
const UNITS: Readonly<Record<number, Exclude<HistoryRetention['unit'], 'INFINITE'>>> = { 3: 'DAY', 4: 'WEEK', 5: 'MONTH', 6: 'YEAR' };

/** What the rows say about versioning: which tables are history tables, and each versioned table's settings. */
export interface TemporalFacts {
  /** object_ids of history tables (temporal_type 1, or named by a versioned table). */
  readonly historyIds: ReadonlySet<number>;
  /** SYSTEM_VERSIONING of a versioned table (temporal_type 2), by object_id. */
  readonly versioning: ReadonlyMap<number, SystemVersioning>;
}

/** Reads the versioning of every table from the rows. */
export function temporalFacts(s: CatalogSnapshot): TemporalFacts {
  const byId = new Map(s.tables.map((t) => [t.object_id, t]));
  const rows = new Map(s.row_counts.map((r) => [r.object_id, Number(r.rows)]));
  const historyIds = new Set<number>();
  const versioning = new Map<number, SystemVersioning>();
  for (const t of s.tables) {
    if (t.temporal_type === 1) historyIds.add(t.object_id);
    if (t.temporal_type !== 2 || t.history_table_id === null || t.history_table_id === undefined) continue;
    const history = byId.get(t.history_table_id);
    if (history === undefined) continue;
    historyIds.add(history.object_id);
    const unit = UNITS[t.history_retention_period_unit ?? -1];
    const count = t.history_retention_period ?? -1;
    const retention: HistoryRetention = unit !== undefined && count > 0 ? { unit, count } : { unit: 'INFINITE' };
    const historyRows = rows.get(history.object_id);
    versioning.set(t.object_id, {
      historySchema: history.schema_name, historyTable: history.name, retention,
      ...(historyRows !== undefined ? { historyRowCount: historyRows } : {}),
    });
  }
  return { historyIds, versioning };
}

/** The period role of a column row (generated_always_type 1 / 2), or undefined. */
export function periodOfRow(c: ColumnRow): PeriodColumn | undefined {
  if (c.generated_always_type === 1) return { end: 'start', hidden: c.is_hidden === true };
  if (c.generated_always_type === 2) return { end: 'end', hidden: c.is_hidden === true };
  return undefined;
}

/**
 * A DEFAULT on a period column is how a table with rows got the column (ALTER TABLE ADD ...
 * GENERATED ALWAYS ... DEFAULT ...); SQL Server never uses it afterwards, since it generates
 * the value. It is not compared (the schema cannot declare one: SC1113), only remembered on the
 * column so that dropping the column drops it first.
 */
export function isPeriodDefault(columns: readonly Column[], column: string): boolean {
  return columns.some((c) => c.period !== undefined && c.name === column);
}
