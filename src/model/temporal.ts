/**
 * System-versioned temporal tables: the period columns and the history table SQL Server keeps
 * for a table (https://learn.microsoft.com/sql/relational-databases/tables/temporal-tables).
 */

/** Which end of PERIOD FOR SYSTEM_TIME a column is: GENERATED ALWAYS AS ROW START or ROW END. */
export type PeriodEnd = 'start' | 'end';

/** A period column's generation: sys.columns generated_always_type 1 (start) / 2 (end) and is_hidden. */
export interface PeriodColumn {
  readonly end: PeriodEnd;
  /** HIDDEN: SELECT * leaves the column out. */
  readonly hidden: boolean;
  /**
   * Catalog only: the DEFAULT constraint the column keeps from being added to a table with rows;
   * never compared (SQL Server generates the value), dropped before the column is.
   */
  readonly defaultName?: string;
}

/** HISTORY_RETENTION_PERIOD: INFINITE, or a count of days, weeks, months or years. */
export type HistoryRetention =
  | { readonly unit: 'INFINITE' }
  | { readonly unit: 'DAY' | 'WEEK' | 'MONTH' | 'YEAR'; readonly count: number };

/**
 * SYSTEM_VERSIONING = ON: the history table (part of the table's definition, never a table of
 * its own in the model) and the retention of its rows. The table's period columns are the two
 * columns whose `period` is set.
 */
export interface SystemVersioning {
  readonly historySchema: string;
  readonly historyTable: string;
  readonly retention: HistoryRetention;
  /** Catalog only: rows in the history table (sys.partitions), for data-loss hazards. */
  readonly historyRowCount?: number;
}
