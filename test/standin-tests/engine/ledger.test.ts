/**
 * Ledger tables in the stand-in (SQL Server 2022): CREATE TABLE ... WITH (SYSTEM_VERSIONING = ON,
 * LEDGER = ON) and WITH (LEDGER = ON (APPEND_ONLY = ON)) add the hidden GENERATED ALWAYS ledger
 * columns, the history table MSSQL_LedgerHistoryFor_<object_id> and the ledger view; the catalog
 * reports them (sys.tables ledger_type, ledger_view_id, history_table_id; sys.columns
 * generated_always_type 5-8; sys.views ledger_view_type); UPDATE and DELETE keep old versions in the
 * history and the view, and are refused on an append-only table (37359); a nullable column is
 * added, a NOT NULL one and a type change refused; DROP COLUMN and DROP TABLE rename and keep;
 * TRUNCATE (13545) and SYSTEM_VERSIONING = OFF (37356) are refused; user-named ledger columns and view.
 */
import { open, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = open();
  await h.ok(`CREATE SCHEMA bank;`);
  await h.ok(`CREATE TABLE bank.account (id int NOT NULL CONSTRAINT pk_account PRIMARY KEY, balance decimal(10,2) NOT NULL) WITH (SYSTEM_VERSIONING = ON, LEDGER = ON);
CREATE TABLE dbo.events (id int NOT NULL, note nvarchar(50) NULL) WITH (LEDGER = ON (APPEND_ONLY = ON));
INSERT INTO bank.account VALUES (1, 50), (2, 500);
INSERT INTO dbo.events (id, note) VALUES (1, N'a');`);
});

test('the catalog shows the ledger tables, their hidden columns, history table and views', async () => {
  const tables = await h.rows(`SELECT t.name, t.ledger_type, t.ledger_type_desc, t.temporal_type, OBJECT_NAME(t.history_table_id) AS history, OBJECT_NAME(t.ledger_view_id) AS view_name, t.is_dropped_ledger_table
FROM sys.tables t ORDER BY t.name`);
  const id = await h.rows(`SELECT OBJECT_ID('bank.account') AS id`);
  expect(tables).toEqual([
    { name: 'account', ledger_type: 2, ledger_type_desc: 'UPDATABLE_LEDGER_TABLE', temporal_type: 0, history: `MSSQL_LedgerHistoryFor_${String(id[0]?.id)}`, view_name: 'account_Ledger', is_dropped_ledger_table: false },
    { name: 'events', ledger_type: 3, ledger_type_desc: 'APPEND_ONLY_LEDGER_TABLE', temporal_type: 0, history: null, view_name: 'events_Ledger', is_dropped_ledger_table: false },
    { name: `MSSQL_LedgerHistoryFor_${String(id[0]?.id)}`, ledger_type: 1, ledger_type_desc: 'HISTORY_TABLE', temporal_type: 0, history: null, view_name: null, is_dropped_ledger_table: false },
  ]);
  expect(await h.rows(`SELECT name, generated_always_type, generated_always_type_desc, is_hidden, is_nullable FROM sys.columns WHERE object_id = OBJECT_ID('dbo.events') ORDER BY column_id`)).toEqual([
    { name: 'id', generated_always_type: 0, generated_always_type_desc: 'NOT_APPLICABLE', is_hidden: false, is_nullable: false },
    { name: 'note', generated_always_type: 0, generated_always_type_desc: 'NOT_APPLICABLE', is_hidden: false, is_nullable: true },
    { name: 'ledger_start_transaction_id', generated_always_type: 5, generated_always_type_desc: 'AS_TRANSACTION_ID_START', is_hidden: true, is_nullable: false },
    { name: 'ledger_start_sequence_number', generated_always_type: 7, generated_always_type_desc: 'AS_SEQUENCE_NUMBER_START', is_hidden: true, is_nullable: false },
  ]);
  expect(await h.rows(`SELECT name, ledger_view_type_desc FROM sys.views ORDER BY name`)).toEqual([
    { name: 'account_Ledger', ledger_view_type_desc: 'LEDGER_VIEW' }, { name: 'events_Ledger', ledger_view_type_desc: 'LEDGER_VIEW' },
  ]);
  // SELECT * leaves the hidden ledger columns out.
  expect(await h.rows(`SELECT * FROM bank.account ORDER BY id`)).toEqual([{ id: 1, balance: 50 }, { id: 2, balance: 500 }].map((r) => ({ ...r, balance: expect.anything() })));
});

test('UPDATE and DELETE keep old versions (an update is an INSERT and a DELETE in the view); an append-only table refuses them', async () => {
  await h.ok(`UPDATE bank.account SET balance = 100 WHERE id = 1;`);
  await h.ok(`DELETE FROM bank.account WHERE id = 2;`);
  const view = await h.rows(`SELECT id, ledger_operation_type_desc AS op, ledger_sequence_number AS seq FROM bank.account_Ledger ORDER BY ledger_transaction_id, ledger_sequence_number`);
  expect(view).toEqual([
    { id: 1, op: 'INSERT', seq: 0 }, { id: 2, op: 'INSERT', seq: 1 },
    { id: 1, op: 'INSERT', seq: 0 }, { id: 1, op: 'DELETE', seq: 1 },
    { id: 2, op: 'DELETE', seq: 0 },
  ]);
  const update = await h.errors(`UPDATE dbo.events SET note = N'b';`);
  expect(update.map((e) => [e.number, e.state, e.message])).toEqual([[37359, 1, "Updates are not allowed for the append only Ledger table 'dbo.events'."]]);
  expect((await h.errors(`DELETE FROM dbo.events;`)).map((e) => [e.number, e.state])).toEqual([[37359, 3]]);
  expect((await h.errors(`TRUNCATE TABLE bank.account;`)).map((e) => e.number)).toEqual([13545]);
  expect((await h.errors(`ALTER TABLE bank.account SET (SYSTEM_VERSIONING = OFF);`)).map((e) => [e.number, e.message])).toEqual([[37356, 'System Versioning cannot be altered for Ledger Tables.']]);
  expect((await h.errors(`INSERT INTO dbo.events (id, ledger_start_transaction_id) VALUES (2, 5);`)).map((e) => e.number)).toEqual([13536]);
});

test('schema changes: a nullable column is added (to the history and the view too), a NOT NULL one and a type change refused; DROP COLUMN and DROP TABLE rename and keep', async () => {
  await h.ok(`ALTER TABLE bank.account ADD note nvarchar(100) NULL;`);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM sys.columns WHERE object_id = (SELECT history_table_id FROM sys.tables WHERE name = 'account') AND name = 'note'`)).toEqual([{ n: 1 }]);
  expect((await h.rows(`SELECT TOP 1 * FROM bank.account_Ledger`)).map((r) => Object.keys(r))).toEqual([['id', 'balance', 'note', 'ledger_transaction_id', 'ledger_sequence_number', 'ledger_operation_type', 'ledger_operation_type_desc']]);
  expect((await h.errors(`ALTER TABLE bank.account ADD branch int NOT NULL DEFAULT 0;`)).length).toBe(1);
  expect((await h.errors(`ALTER TABLE bank.account ALTER COLUMN balance decimal(12,2) NOT NULL;`)).length).toBe(1);
  await h.ok(`ALTER TABLE bank.account ALTER COLUMN note nvarchar(200) NULL;`);
  await h.ok(`ALTER TABLE dbo.events DROP COLUMN note;`);
  const dropped = await h.rows(`SELECT name, is_hidden, is_dropped_ledger_column FROM sys.columns WHERE object_id = OBJECT_ID('dbo.events') AND column_id = 2`);
  expect(dropped.map((r) => [String(r.name).replace(/_[0-9A-F]{32}$/, '_<guid>'), r.is_hidden, r.is_dropped_ledger_column])).toEqual([['MSSQL_DroppedLedgerColumn_note_<guid>', true, true]]);
  await h.ok(`DROP TABLE bank.account;`);
  const kept = await h.rows(`SELECT name, ledger_type, is_dropped_ledger_table FROM sys.tables WHERE ledger_type <> 0 ORDER BY name`);
  expect(kept.map((r) => [String(r.name).replace(/_[0-9A-F]{32}$/, '_<guid>').replace(/For_\d+/, 'For_<id>'), r.ledger_type, r.is_dropped_ledger_table])).toEqual([
    ['events', 3, false],
    ['MSSQL_DroppedLedgerHistory_MSSQL_LedgerHistoryFor_<id>_<guid>', 1, false],
    ['MSSQL_DroppedLedgerTable_account_<guid>', 2, true],
  ]);
  expect(await h.rows(`SELECT is_dropped_ledger_view FROM sys.views WHERE name LIKE 'MSSQL_DroppedLedgerView_account_Ledger_%'`)).toEqual([{ is_dropped_ledger_view: true }]);
});

test('user-named ledger columns, history table and view (with its column names) are taken as written', async () => {
  await h.ok(`CREATE TABLE dbo.orders (
    id int NOT NULL PRIMARY KEY,
    tx_start bigint GENERATED ALWAYS AS TRANSACTION_ID START HIDDEN NOT NULL,
    tx_end bigint GENERATED ALWAYS AS TRANSACTION_ID END HIDDEN NULL,
    seq_start bigint GENERATED ALWAYS AS SEQUENCE_NUMBER START HIDDEN NOT NULL,
    seq_end bigint GENERATED ALWAYS AS SEQUENCE_NUMBER END HIDDEN NULL
) WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = dbo.orders_history), LEDGER = ON (LEDGER_VIEW = dbo.orders_ledger (TRANSACTION_ID_COLUMN_NAME = tx, OPERATION_TYPE_DESC_COLUMN_NAME = op)));`);
  expect(await h.rows(`SELECT name, generated_always_type FROM sys.columns WHERE object_id = OBJECT_ID('dbo.orders') ORDER BY column_id`)).toEqual([
    { name: 'id', generated_always_type: 0 }, { name: 'tx_start', generated_always_type: 5 }, { name: 'tx_end', generated_always_type: 6 },
    { name: 'seq_start', generated_always_type: 7 }, { name: 'seq_end', generated_always_type: 8 },
  ]);
  expect(await h.rows(`SELECT OBJECT_NAME(history_table_id) AS h, OBJECT_NAME(ledger_view_id) AS v FROM sys.tables WHERE name = 'orders'`)).toEqual([{ h: 'orders_history', v: 'orders_ledger' }]);
  expect(await h.rows(`SELECT name, ledger_view_column_type_desc AS k FROM sys.columns WHERE object_id = OBJECT_ID('dbo.orders_ledger') AND ledger_view_column_type IS NOT NULL ORDER BY column_id`)).toEqual([
    { name: 'tx', k: 'TRANSACTION_ID' }, { name: 'ledger_sequence_number', k: 'SEQUENCE_NUMBER' }, { name: 'ledger_operation_type', k: 'OPERATION_TYPE' }, { name: 'op', k: 'OPERATION_TYPE_DESC' },
  ]);
  // SYSTEM_VERSIONING is required of an updatable ledger table; a column named as a ledger column clashes.
  expect((await h.errors(`CREATE TABLE dbo.x (id int NOT NULL) WITH (LEDGER = ON);`)).length).toBe(1);
  expect((await h.errors(`CREATE TABLE dbo.y (ledger_start_transaction_id int NULL) WITH (LEDGER = ON (APPEND_ONLY = ON));`)).map((e) => e.number)).toEqual([2705]);
});

test('a temporal ledger table keeps one history: each old version once, with its period and ledger END columns', async () => {
  await h.ok(`CREATE TABLE dbo.prices (sku varchar(20) NOT NULL PRIMARY KEY, price decimal(10,2) NOT NULL,
    valid_from datetime2 GENERATED ALWAYS AS ROW START NOT NULL, valid_to datetime2 GENERATED ALWAYS AS ROW END NOT NULL,
    PERIOD FOR SYSTEM_TIME (valid_from, valid_to))
WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = dbo.prices_history), LEDGER = ON (LEDGER_VIEW = dbo.prices_Ledger));
INSERT INTO dbo.prices (sku, price) VALUES ('A', 1.5);
UPDATE dbo.prices SET price = 2 WHERE sku = 'A';`);
  expect(await h.rows(`SELECT name, temporal_type, ledger_type FROM sys.tables WHERE name LIKE 'prices%' ORDER BY name`)).toEqual([
    { name: 'prices', temporal_type: 2, ledger_type: 2 }, { name: 'prices_history', temporal_type: 1, ledger_type: 1 },
  ]);
  const history = await h.rows(`SELECT sku, CASE WHEN ledger_end_transaction_id IS NULL THEN 0 ELSE 1 END AS closed FROM dbo.prices_history`);
  expect(history).toEqual([{ sku: 'A', closed: 1 }]);
});
