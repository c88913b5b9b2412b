/**
 * SQL Server's change tracking and change data capture (CDC) rules, as schemac needs them.
 *
 * Change tracking (https://learn.microsoft.com/sql/relational-databases/track-changes/enable-and-disable-change-tracking-sql-server):
 * - a table is tracked by ALTER TABLE t ENABLE CHANGE_TRACKING [WITH (TRACK_COLUMNS_UPDATED = ON | OFF)]
 *   (OFF, the default) and stops by ALTER TABLE t DISABLE CHANGE_TRACKING; there is no ALTER of
 *   the option: changing TRACK_COLUMNS_UPDATED is DISABLE then ENABLE;
 * - the database must have it on first (ALTER DATABASE d SET CHANGE_TRACKING = ON
 *   [(CHANGE_RETENTION = n DAYS, AUTO_CLEANUP = ON)]), else Msg 1718 "Change tracking must be
 *   enabled on database '%.*ls' before it can be enabled on table '%.*ls'";
 * - the table needs a primary key (Msg 4997), not of type timestamp (Msg 4999);
 * - "ALTER TABLE DROP CONSTRAINT: an attempt to drop the PRIMARY KEY constraint will fail. Change
 *   tracking must be disabled before a PRIMARY KEY constraint can be dropped" (Msg 3735)
 *   (https://learn.microsoft.com/sql/relational-databases/track-changes/manage-change-tracking-sql-server);
 * - disabling drops the table's change information: clients synchronizing from it find their
 *   last version below CHANGE_TRACKING_MIN_VALID_VERSION and must re-initialize (the same page:
 *   TRUNCATE TABLE "has the same effect as disabling and then re-enabling change tracking").
 * Read from sys.change_tracking_databases and sys.change_tracking_tables (is_track_columns_updated_on)
 * (https://learn.microsoft.com/sql/relational-databases/system-catalog-views/change-tracking-catalog-views-sys-change-tracking-tables).
 *
 * CDC (https://learn.microsoft.com/sql/relational-databases/track-changes/about-change-data-capture-sql-server):
 * enabled per table by sys.sp_cdc_enable_table, which sets sys.tables.is_tracked_by_cdc and makes a
 * capture instance (cdc.change_tables.capture_instance; default name schema_table), at most two per
 * table. "Handling changes to source tables": a capture instance keeps the column structure it was
 * made with (new columns are not captured, dropped ones read NULL); to capture the new structure a
 * second capture instance is made and the old one dropped once consumers moved. Dropping the
 * table drops its capture instances (inferred from sys.sp_cdc_disable_table's role; the docs
 * do not list DROP TABLE): a table re-created by copy would lose CDC.
 */
import type { ChangeTracking } from '../model';

/** The documentation pages the messages point to. */
export const CHANGE_TRACKING_DOC = 'https://learn.microsoft.com/sql/relational-databases/track-changes/manage-change-tracking-sql-server';
export const CDC_SOURCE_CHANGES_DOC = 'https://learn.microsoft.com/sql/relational-databases/track-changes/about-change-data-capture-sql-server#handling-changes-to-source-tables';

/** Whether two change tracking settings are the same (absent: not tracked). */
export function sameChangeTracking(a: ChangeTracking | undefined, b: ChangeTracking | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.trackColumnsUpdated === b.trackColumnsUpdated;
}

/** How a setting reads in plans: `change tracking (TRACK_COLUMNS_UPDATED = ON)`. */
export function changeTrackingText(ct: ChangeTracking | undefined): string {
  if (ct === undefined) return 'no change tracking';
  return `change tracking (TRACK_COLUMNS_UPDATED = ${ct.trackColumnsUpdated ? 'ON' : 'OFF'})`;
}
