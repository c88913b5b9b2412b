/**
 * The changes of system-versioned temporal tables (src/model/temporal.ts). Each holds model
 * objects, never SQL; the T-SQL is src/emitters/tsql/temporal.ts.
 */
import type { Column, HistoryRetention, SystemVersioning } from '../model';

/** A table's qualified name (the same shape as changes.ts's TableRef, kept here to avoid an import cycle). */
interface Ref {
  readonly schema: string;
  readonly name: string;
}

/**
 * Two new period columns and PERIOD FOR SYSTEM_TIME on an existing table. Existing rows need
 * values, so the columns are added with defaults (now, and datetime2's maximum), which are
 * dropped again in the same step: SQL Server generates the values from then on.
 */
export interface AddPeriod { readonly kind: 'addPeriod'; readonly table: Ref; readonly start: Column; readonly end: Column }
/** DROP PERIOD FOR SYSTEM_TIME and the two period columns (with any default they kept). */
export interface DropPeriod { readonly kind: 'dropPeriod'; readonly table: Ref; readonly start: Column; readonly end: Column }
/**
 * SET (SYSTEM_VERSIONING = ON (HISTORY_TABLE = ..., DATA_CONSISTENCY_CHECK = ON)). With
 * `historyExists` the history table is there already (kept when versioning went off, or by the
 * OFF/ON wrap of a schema change) and its rows are checked; otherwise SQL Server creates it.
 */
export interface EnableVersioning { readonly kind: 'enableVersioning'; readonly table: Ref; readonly versioning: SystemVersioning; readonly historyExists: boolean }
/** SET (SYSTEM_VERSIONING = OFF); with `dropHistory` the history table and its rows are dropped too. */
export interface DisableVersioning { readonly kind: 'disableVersioning'; readonly table: Ref; readonly versioning: SystemVersioning; readonly dropHistory: boolean }
/** SET (SYSTEM_VERSIONING = ON (HISTORY_RETENTION_PERIOD = ...)) on a table that stays versioned. */
export interface AlterRetention { readonly kind: 'alterRetention'; readonly table: Ref; readonly from: HistoryRetention; readonly to: HistoryRetention }
/** ALTER COLUMN c ADD | DROP HIDDEN on a period column. */
export interface AlterPeriodHidden { readonly kind: 'alterPeriodHidden'; readonly table: Ref; readonly column: string; readonly hidden: boolean }

/** Every temporal change. */
export type TemporalChange = AddPeriod | DropPeriod | EnableVersioning | DisableVersioning | AlterRetention | AlterPeriodHidden;
