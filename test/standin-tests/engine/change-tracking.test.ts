/**
 * Change tracking and CDC in the stand-in, as SQL Server stores and refuses them: the database
 * setting (ALTER DATABASE ... SET CHANGE_TRACKING) in sys.change_tracking_databases, a table's in
 * sys.change_tracking_tables, the refusals (1718, 4996, 4997, 4998, 3735, 5088, 5089, 22115, 226),
 * undone by a rollback; CDC's procedures set sys.tables.is_tracked_by_cdc and cdc.change_tables.
 */
import { open, type Harness } from './harness';

let h: Harness;
beforeEach(() => { h = open(); });

const TABLES = `SELECT t.name, ct.is_track_columns_updated_on AS cols FROM sys.change_tracking_tables ct JOIN sys.tables t ON t.object_id = ct.object_id ORDER BY t.name`;
const numbers = async (sql: string) => (await h.errors(sql)).map((e) => e.number);

test('the database setting: ON with options, options changed, OFF; refused when already so or inside a transaction', async () => {
  expect(await h.rows(`SELECT COUNT(*) AS n FROM sys.change_tracking_databases`)).toEqual([{ n: 0 }]);
  await h.ok(`ALTER DATABASE app SET CHANGE_TRACKING = ON (CHANGE_RETENTION = 5 DAYS, AUTO_CLEANUP = OFF);`);
  expect(await h.rows(`SELECT is_auto_cleanup_on, retention_period, retention_period_units_desc FROM sys.change_tracking_databases WHERE database_id = DB_ID()`))
    .toEqual([{ is_auto_cleanup_on: false, retention_period: 5, retention_period_units_desc: 'DAYS' }]);
  expect(await numbers(`ALTER DATABASE CURRENT SET CHANGE_TRACKING = ON;`)).toEqual([5088, 5069]);
  await h.ok(`ALTER DATABASE CURRENT SET CHANGE_TRACKING (CHANGE_RETENTION = 12 HOURS);`);
  expect(await h.rows(`SELECT retention_period, retention_period_units_desc FROM sys.change_tracking_databases`)).toEqual([{ retention_period: 12, retention_period_units_desc: 'HOURS' }]);
  expect(await numbers(`BEGIN TRANSACTION; ALTER DATABASE app SET CHANGE_TRACKING = OFF;`)).toEqual([226]);
  await h.ok(`IF @@TRANCOUNT > 0 ROLLBACK;`);
  await h.ok(`ALTER DATABASE app SET CHANGE_TRACKING = OFF;`);
  expect(await numbers(`ALTER DATABASE app SET CHANGE_TRACKING = OFF;`)).toEqual([5089, 5069]);
  expect(await numbers(`ALTER DATABASE app SET CHANGE_TRACKING = ON (CHANGE_RETENTION = 0 DAYS);`)).toEqual([5092]);
});

test('a table: needs the database setting and a key; ENABLE [WITH (TRACK_COLUMNS_UPDATED)], DISABLE; rollback undoes', async () => {
  await h.ok(`CREATE TABLE dbo.orders (id int NOT NULL CONSTRAINT pk_orders PRIMARY KEY, qty int NOT NULL); CREATE TABLE dbo.heap (id int NOT NULL);`);
  expect(await h.errors(`ALTER TABLE dbo.orders ENABLE CHANGE_TRACKING;`)).toMatchObject([{ number: 1718, message: "Change tracking must be enabled on database 'app' before it can be enabled on table 'orders'." }]);
  await h.ok(`ALTER DATABASE app SET CHANGE_TRACKING = ON;`);
  expect(await numbers(`ALTER TABLE dbo.heap ENABLE CHANGE_TRACKING;`)).toEqual([4997]);
  expect(await numbers(`ALTER TABLE dbo.orders DISABLE CHANGE_TRACKING;`)).toEqual([4998]);
  await h.ok(`ALTER TABLE dbo.orders ENABLE CHANGE_TRACKING WITH (TRACK_COLUMNS_UPDATED = ON);`);
  expect(await h.rows(TABLES)).toEqual([{ name: 'orders', cols: true }]);
  expect(await numbers(`ALTER TABLE dbo.orders ENABLE CHANGE_TRACKING;`)).toEqual([4996]);
  await h.ok(`BEGIN TRANSACTION; ALTER TABLE dbo.orders DISABLE CHANGE_TRACKING; ROLLBACK;`);
  expect(await h.rows(TABLES)).toEqual([{ name: 'orders', cols: true }]);
  // The key of a tracked table cannot be dropped (3735, then 3727); the database setting cannot go while a table tracks.
  expect(await numbers(`ALTER TABLE dbo.orders DROP CONSTRAINT pk_orders;`)).toEqual([3735, 3727]);
  expect(await numbers(`ALTER DATABASE app SET CHANGE_TRACKING = OFF;`)).toEqual([22115, 5069]);
  await h.ok(`ALTER TABLE dbo.orders DISABLE CHANGE_TRACKING; ALTER TABLE dbo.orders DROP CONSTRAINT pk_orders;
    ALTER TABLE dbo.orders ADD CONSTRAINT pk_orders PRIMARY KEY (id, qty); ALTER TABLE dbo.orders ENABLE CHANGE_TRACKING WITH (TRACK_COLUMNS_UPDATED = OFF);`);
  expect(await h.rows(TABLES)).toEqual([{ name: 'orders', cols: false }]);
  // DROP TABLE takes the tracking with it.
  await h.ok(`DROP TABLE dbo.orders; ALTER DATABASE app SET CHANGE_TRACKING = OFF;`);
  expect(await h.rows(TABLES)).toEqual([]);
});

test('CDC: sp_cdc_enable_db and sp_cdc_enable_table set is_tracked_by_cdc and cdc.change_tables; at most two instances', async () => {
  await h.ok(`CREATE TABLE dbo.orders (id int NOT NULL CONSTRAINT pk_orders PRIMARY KEY);`);
  expect(await h.rows(`SELECT is_tracked_by_cdc FROM sys.tables WHERE name = 'orders'`)).toEqual([{ is_tracked_by_cdc: false }]);
  expect(await numbers(`EXEC sys.sp_cdc_enable_table @source_schema = N'dbo', @source_name = N'orders', @role_name = NULL;`)).toEqual([22901]);
  expect(await numbers(`SELECT capture_instance FROM cdc.change_tables;`)).toEqual([208]);
  await h.ok(`EXEC sys.sp_cdc_enable_db;`);
  expect(await h.rows(`SELECT is_cdc_enabled FROM sys.databases WHERE database_id = DB_ID()`)).toEqual([{ is_cdc_enabled: true }]);
  await h.ok(`EXEC sys.sp_cdc_enable_table @source_schema = N'dbo', @source_name = N'orders', @role_name = NULL;`);
  await h.ok(`EXEC sys.sp_cdc_enable_table N'dbo', N'orders', NULL, N'dbo_orders_v2';`);
  expect(await numbers(`EXEC sys.sp_cdc_enable_table N'dbo', N'orders', NULL, N'third';`)).toEqual([22962]);
  expect(await h.rows(`SELECT t.is_tracked_by_cdc, ct.capture_instance FROM cdc.change_tables ct JOIN sys.tables t ON t.object_id = ct.source_object_id ORDER BY ct.capture_instance`))
    .toEqual([{ is_tracked_by_cdc: true, capture_instance: 'dbo_orders' }, { is_tracked_by_cdc: true, capture_instance: 'dbo_orders_v2' }]);
  await h.ok(`EXEC sys.sp_cdc_disable_table @source_schema = N'dbo', @source_name = N'orders', @capture_instance = N'all';`);
  expect(await h.rows(`SELECT is_tracked_by_cdc FROM sys.tables WHERE name = 'orders'`)).toEqual([{ is_tracked_by_cdc: false }]);
});
