/**
 * Change tracking and change data capture (CDC) in the stand-in.
 *
 * Change tracking (enable-and-disable-change-tracking-sql-server.md, manage-change-tracking-sql-server.md):
 * - ALTER DATABASE { d | CURRENT } SET CHANGE_TRACKING = ON [ ( CHANGE_RETENTION = n { DAYS | HOURS |
 *   MINUTES }, AUTO_CLEANUP = { ON | OFF } ) ] | OFF, and SET CHANGE_TRACKING ( options ) on a tracking
 *   database (alter-database-transact-sql-set-options.md: retention defaults to 2 DAYS, cleanup to ON).
 *   Refusals (numbers and wording from the engine's message table, database-engine-events-and-errors):
 *   5088 already on, 5089 off (state 1 for OFF, 2 for options), 22115 OFF while a table tracks, 5092 a
 *   retention of zero, each followed by 5069; 226 inside a user transaction (ALTER DATABASE is not
 *   allowed in one).
 * - ALTER TABLE t ENABLE CHANGE_TRACKING [ WITH ( TRACK_COLUMNS_UPDATED = { ON | OFF } ) ] | DISABLE
 *   CHANGE_TRACKING: 1718 when the database does not track, 4996 already on, 4997 no primary key,
 *   4999 a timestamp key, 4998 DISABLE on a table that does not track.
 * - "ALTER TABLE DROP CONSTRAINT: an attempt to drop the PRIMARY KEY constraint will fail": 3735,
 *   then 3727. DROP TABLE drops the tracking with the table.
 * - sys.change_tracking_databases and sys.change_tracking_tables (begin_version: the database's
 *   change tracking version when the table was enabled; cleanup_version 0 and min_valid_version
 *   begin_version: inferred, no cleanup runs here).
 *
 * CDC (sys-sp-cdc-enable-db-transact-sql.md, sys-sp-cdc-enable-table-transact-sql.md): sys.sp_cdc_enable_db
 * sets sys.databases.is_cdc_enabled and makes the cdc schema; sys.sp_cdc_enable_table makes a capture
 * instance (default name schema_table, at most two per table) and sets sys.tables.is_tracked_by_cdc;
 * sys.sp_cdc_disable_table drops one or 'all'. cdc.change_tables lists them (a subset of its
 * columns). No change tables, jobs or capture happen: only the metadata schemac reads. The
 * procedures' error numbers and wording are inferred.
 */
import type { Database, Table, Value } from './catalog';
import { findTable, sameName } from './catalog';
import { SqlError } from './errors';
import type { SystemView, ViewColumn } from './system-views';
import { ty } from './types';
import type { SqlType } from './types';

/** A database's change tracking settings (sys.change_tracking_databases). */
export interface DatabaseChangeTracking { retentionPeriod: number; retentionUnit: RetentionUnit; autoCleanup: boolean; version: number }
/** A table's change tracking (sys.change_tracking_tables). */
export interface TableChangeTracking { trackColumnsUpdated: boolean; beginVersion: number }
/** One CDC capture instance of a table (cdc.change_tables). */
export interface CaptureInstance { name: string; objectId: number; roleName: string | null; created: Date }

export type RetentionUnit = 'DAYS' | 'HOURS' | 'MINUTES';
/** CHANGE_RETENTION and AUTO_CLEANUP as written; each absent when not given. */
export interface ChangeTrackingOptions { readonly retention?: { readonly period: number; readonly unit: RetentionUnit }; readonly autoCleanup?: boolean }

const RETENTION_UNIT_ID: Readonly<Record<RetentionUnit, number>> = { MINUTES: 1, HOURS: 2, DAYS: 3 };
const MINUTES_PER: Readonly<Record<RetentionUnit, number>> = { MINUTES: 1, HOURS: 60, DAYS: 1440 };

const alterDatabaseFailed = (first: SqlError): SqlError => new SqlError(first.number, first.cls, first.state, first.message, 'statement', [new SqlError(5069, 16, 1, 'ALTER DATABASE statement failed.')]);

/** ALTER DATABASE ... SET CHANGE_TRACKING = ON | OFF [ ( options ) ], or SET CHANGE_TRACKING ( options ) (`on` undefined). */
export function setDatabaseChangeTracking(db: Database, on: boolean | undefined, options: ChangeTrackingOptions, inTransaction: boolean): void {
  if (inTransaction) throw new SqlError(226, 16, 6, 'ALTER DATABASE statement not allowed within multi-statement transaction.');
  const r = options.retention;
  if (r !== undefined && (r.period <= 0 || r.period * MINUTES_PER[r.unit] > 2147483647)) {
    throw new SqlError(5092, 15, 1, "The value for change tracking option 'CHANGE_RETENTION' is not valid. The value must be between 1 and 2147483647 minutes.");
  }
  const current = db.changeTracking;
  if (on === true) {
    if (current !== undefined) throw alterDatabaseFailed(new SqlError(5088, 16, 1, `Change tracking is already enabled for database '${db.name}'.`));
    db.changeTracking = { retentionPeriod: r?.period ?? 2, retentionUnit: r?.unit ?? 'DAYS', autoCleanup: options.autoCleanup ?? true, version: 0 };
    return;
  }
  if (current === undefined) {
    throw alterDatabaseFailed(new SqlError(5089, 16, on === false ? 1 : 2, `Change tracking is disabled for database '${db.name}'. Change tracking must be enabled on a database to modify change tracking settings.`));
  }
  if (on === false) {
    if (db.tables.some((t) => t.changeTracking !== undefined)) {
      throw alterDatabaseFailed(new SqlError(22115, 16, 1, `Change tracking is enabled for one or more tables in database '${db.name}'. Disable change tracking on each table before disabling it for the database. Use the sys.change_tracking_tables catalog view to obtain a list of tables for which change tracking is enabled.`));
    }
    delete db.changeTracking;
    return;
  }
  if (r !== undefined) { current.retentionPeriod = r.period; current.retentionUnit = r.unit; }
  if (options.autoCleanup !== undefined) current.autoCleanup = options.autoCleanup;
}

/** ALTER TABLE t ENABLE | DISABLE CHANGE_TRACKING [WITH (TRACK_COLUMNS_UPDATED = ...)]. */
export function setTableChangeTracking(db: Database, t: Table, enable: boolean, trackColumnsUpdated: boolean): void {
  if (!enable) {
    if (t.changeTracking === undefined) throw new SqlError(4998, 16, 1, `Change tracking is not enabled on table '${t.name}'.`);
    delete t.changeTracking;
    return;
  }
  if (db.changeTracking === undefined) throw new SqlError(1718, 16, 1, `Change tracking must be enabled on database '${db.name}' before it can be enabled on table '${t.name}'.`);
  if (t.changeTracking !== undefined) throw new SqlError(4996, 16, 1, `Change tracking is already enabled for table '${t.name}'.`);
  const key = t.indexes.find((i) => i.isPrimaryKey);
  if (key === undefined) {
    throw new SqlError(4997, 16, 1, `Cannot enable change tracking on table '${t.name}'. Change tracking requires a primary key on the table. Create a primary key on the table before enabling change tracking.`);
  }
  if (key.keys.some((k) => t.columns.find((c) => c.columnId === k.columnId)?.type.name === 'timestamp')) {
    throw new SqlError(4999, 16, 1, `Cannot enable change tracking on table '${t.name}'. Change tracking does not support a primary key of type timestamp on a table.`);
  }
  db.changeTracking.version += 1;
  t.changeTracking = { trackColumnsUpdated, beginVersion: db.changeTracking.version };
}

/** SQL Server refuses dropping the primary key of a tracked table (3735, then 3727). */
export function checkTrackedKeyDrop(t: Table, keyName: string, isPrimaryKey: boolean): void {
  if (!isPrimaryKey || t.changeTracking === undefined) return;
  throw new SqlError(3735, 16, 1, `The primary key constraint '${keyName}' on table '${t.name}' cannot be dropped because change tracking is enabled on the table. Change tracking requires a primary key constraint on the table. Disable change tracking before dropping the constraint.`,
    'statement', [new SqlError(3727, 16, 0, 'Could not drop constraint. See previous errors.')]);
}

/** sys.sp_cdc_enable_db: CDC on for the database, with its cdc schema. */
export function cdcEnableDb(db: Database): void {
  if (db.cdcEnabled === true) return;
  db.cdcEnabled = true;
  if (!db.schemas.some((s) => sameName(s.name, 'cdc'))) db.schemas.push({ schemaId: db.nextSchemaId++, name: 'cdc', principalId: 1 });
}

const notCdcDatabase = (db: Database): SqlError =>
  new SqlError(22901, 16, 1, `Database '${db.name}' is not enabled for Change Data Capture. Ensure that the correct database context is set and retry the operation.`);

function sourceTable(db: Database, schema: string, name: string): Table {
  const t = findTable(db, schema, name);
  if (t === undefined) throw new SqlError(22853, 16, 1, `Could not locate source table '${schema}.${name}'. Ensure that the source table exists in the current database.`);
  return t;
}

/** sys.sp_cdc_enable_table @source_schema, @source_name, @role_name [, @capture_instance]. */
export function cdcEnableTable(db: Database, schema: string, name: string, roleName: string | null, captureInstance: string | null, now: Date): void {
  if (db.cdcEnabled !== true) throw notCdcDatabase(db);
  const t = sourceTable(db, schema, name);
  const instance = (captureInstance ?? `${schema}_${name}`).trimEnd();
  const existing = t.cdc ?? [];
  if (existing.length >= 2) throw new SqlError(22962, 16, 1, `Two capture instances already exist for source table '${schema}.${name}'. A table can have at most two capture instances. If the current tracking options are not appropriate, disable change tracking for the obsolete instance by using sys.sp_cdc_disable_table and retry the operation.`);
  if (db.tables.some((o) => (o.cdc ?? []).some((c) => sameName(c.name, instance)))) throw new SqlError(22926, 16, 1, `Could not create a capture instance because the capture instance name '${instance}' already exists in the current database. Specify an explicit unique name for the parameter @capture_instance.`);
  t.cdc = [...existing, { name: instance, objectId: db.nextObjectId++, roleName, created: now }];
}

/** sys.sp_cdc_disable_table @source_schema, @source_name, @capture_instance ('all' or a name). */
export function cdcDisableTable(db: Database, schema: string, name: string, captureInstance: string): void {
  if (db.cdcEnabled !== true) throw notCdcDatabase(db);
  const t = sourceTable(db, schema, name);
  const kept = sameName(captureInstance, 'all') ? [] : (t.cdc ?? []).filter((c) => !sameName(c.name, captureInstance));
  if (kept.length === (t.cdc ?? []).length) throw new SqlError(22931, 16, 1, `Source table '${schema}.${name}' does not exist in the current database or is not tracked by change data capture with capture instance '${captureInstance}'.`);
  if (kept.length === 0) delete t.cdc; else t.cdc = kept;
}

const c = (name: string, type: SqlType, nullable = false): ViewColumn => ({ name, type, nullable });
const view = (columns: ViewColumn[], rows: SystemView['rows']): SystemView => ({ columns, rows });

/** The catalog views of change tracking and CDC, merged into SYSTEM_VIEWS. */
export const CHANGE_TRACKING_VIEWS: Readonly<Record<string, SystemView>> = {
  // change-tracking-catalog-views-sys-change-tracking-databases.md: one row per database with tracking on.
  'sys.change_tracking_databases': view([c('database_id', ty.int), c('is_auto_cleanup_on', ty.bit, true), c('retention_period', ty.int, true), c('retention_period_units', ty.tinyint, true), c('retention_period_units_desc', ty.nvarchar(60), true), c('max_cleanup_version', ty.bigint, true)],
    (_db, all) => all.flatMap((d) => (d.changeTracking === undefined ? [] : [[d.id, d.changeTracking.autoCleanup ? 1 : 0, d.changeTracking.retentionPeriod, RETENTION_UNIT_ID[d.changeTracking.retentionUnit], d.changeTracking.retentionUnit, 0] as Value[]]))),
  // change-tracking-catalog-views-sys-change-tracking-tables.md.
  'sys.change_tracking_tables': view([c('object_id', ty.int), c('is_track_columns_updated_on', ty.bit), c('begin_version', ty.bigint, true), c('cleanup_version', ty.bigint, true), c('min_valid_version', ty.bigint, true)],
    (db) => db.tables.flatMap((t) => (t.changeTracking === undefined ? [] : [[t.objectId, t.changeTracking.trackColumnsUpdated ? 1 : 0, t.changeTracking.beginVersion, 0, t.changeTracking.beginVersion] as Value[]]))),
  // cdc-change-tables-transact-sql.md (a subset of its columns); it exists only in a CDC-enabled database (isCdcTable).
  'cdc.change_tables': view([c('object_id', ty.int), c('version', ty.int, true), c('source_object_id', ty.int, true), c('capture_instance', ty.sysname), c('supports_net_changes', ty.bit, true), c('role_name', ty.sysname, true), c('create_date', ty.datetime), c('partition_switch', ty.bit)],
    (db) => db.tables.flatMap((t) => (t.cdc ?? []).map((i): Value[] => [i.objectId, 0, t.objectId, i.name, t.indexes.some((x) => x.isPrimaryKey) ? 1 : 0, i.roleName, i.created, 1]))),
};

/** Whether schema.name is one of CDC's system tables in a database where sys.sp_cdc_enable_db made them. */
export function isCdcTable(db: Database, schema: string, name: string): boolean {
  return db.cdcEnabled === true && sameName(schema, 'cdc') && CHANGE_TRACKING_VIEWS[`cdc.${name.toLowerCase()}`] !== undefined;
}
