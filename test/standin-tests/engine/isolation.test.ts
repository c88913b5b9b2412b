/**
 * Isolation between sessions through the real mssql driver: uncommitted DDL/DML is visible only
 * to its session; other sessions touching the objects (or reading the catalog) block until
 * commit/rollback, or fail with 1222 under SET LOCK_TIMEOUT; a rollback undoes only its own work.
 */
import type sql from 'mssql';
import { failure, pause, scalar, startWire, timed, type WireHarness } from './wire';

let h: WireHarness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

const tableNames = async (pool: sql.ConnectionPool, prefix = ''): Promise<string[]> =>
  (await pool.request().batch(`${prefix} SELECT name FROM sys.tables ORDER BY name`)).recordset.map((r: { name: string }) => r.name);

test('reading a table another session is altering in an open transaction: 1222 with LOCK_TIMEOUT, then the new shape after COMMIT', async () => {
  h = await startWire();
  const a = await h.connect();
  const b = await h.connect();
  await a.request().batch('CREATE TABLE dbo.t (x INT); INSERT INTO dbo.t VALUES (1);');
  await a.request().batch('BEGIN TRAN; ALTER TABLE dbo.t ADD y INT NULL;');
  const blocked = await timed(failure(b.request().batch('SET LOCK_TIMEOUT 500; SELECT * FROM dbo.t;')));
  expect(blocked.value).toMatchObject({ number: 1222, class: 16, message: 'Lock request time out period exceeded.' });
  expect(blocked.ms).toBeGreaterThanOrEqual(480);
  expect(await scalar(b, 'SELECT @@LOCK_TIMEOUT')).toBe(500);
  // Without a timeout the reader waits, and sees the committed shape.
  const waiting = b.request().batch('SET LOCK_TIMEOUT -1; SELECT * FROM dbo.t;');
  await pause(200);
  await a.request().batch('COMMIT');
  expect((await waiting).recordset).toEqual([{ x: 1, y: null }]);
});

test('an uncommitted CREATE TABLE: visible to its session, blocks another session\'s sys.tables read, visible after COMMIT', async () => {
  h = await startWire();
  const a = await h.connect();
  const b = await h.connect();
  await a.request().batch('CREATE TABLE dbo.old (x INT)');
  await a.request().batch('BEGIN TRAN; CREATE TABLE dbo.fresh (x INT);');
  expect(await tableNames(a)).toEqual(['fresh', 'old']);
  expect(await failure(tableNames(b, 'SET LOCK_TIMEOUT 500;'))).toMatchObject({ number: 1222 });
  // Touching other tables is not blocked.
  await b.request().batch('INSERT INTO dbo.old VALUES (1)');
  const waiting = tableNames(b, 'SET LOCK_TIMEOUT 10000;');
  await pause(200);
  await a.request().batch('COMMIT');
  expect(await waiting).toEqual(['fresh', 'old']);
});

test('a writer waits for the table another transaction holds, and a rollback does not undo the other session\'s work', async () => {
  h = await startWire();
  const a = await h.connect();
  const b = await h.connect();
  await a.request().batch('CREATE TABLE dbo.mine (x INT); CREATE TABLE dbo.theirs (x INT);');
  await a.request().batch('BEGIN TRAN; INSERT INTO dbo.mine VALUES (1); CREATE TABLE dbo.temp_a (x INT);');
  // b commits work on other objects while a's transaction is open.
  await b.request().batch('INSERT INTO dbo.theirs VALUES (2); CREATE TABLE dbo.made_by_b (x INT); INSERT INTO dbo.made_by_b VALUES (3);');
  // b writing a's table waits for a.
  const bWrite = timed(b.request().batch('INSERT INTO dbo.mine VALUES (4)'));
  await pause(200);
  await a.request().batch('ROLLBACK');
  expect((await bWrite).ms).toBeGreaterThanOrEqual(180);
  expect((await b.request().query('SELECT x FROM dbo.mine')).recordset).toEqual([{ x: 4 }]);
  expect((await b.request().query('SELECT x FROM dbo.theirs')).recordset).toEqual([{ x: 2 }]);
  expect((await b.request().query('SELECT x FROM dbo.made_by_b')).recordset).toEqual([{ x: 3 }]);
  expect(await tableNames(b)).toEqual(['made_by_b', 'mine', 'theirs']);
});

test('rollback restores what the transaction changed: dropped, altered, renamed tables and schemas', async () => {
  h = await startWire();
  const a = await h.connect();
  const b = await h.connect();
  await a.request().batch('CREATE TABLE dbo.keep (id INT NOT NULL CONSTRAINT pk_keep PRIMARY KEY); INSERT INTO dbo.keep VALUES (1); CREATE TABLE dbo.gone (x INT);');
  await a.request().batch(`BEGIN TRAN; DROP TABLE dbo.gone; ALTER TABLE dbo.keep ADD extra INT NULL; EXEC sp_rename 'dbo.keep', 'kept';`);
  await a.request().batch('CREATE SCHEMA app_s');
  await a.request().batch('CREATE TABLE app_s.t (x INT); DELETE FROM dbo.kept;');
  await b.request().batch('CREATE TABLE dbo.by_b (x INT)');
  await a.request().batch('ROLLBACK');
  expect(await tableNames(b)).toEqual(['by_b', 'gone', 'keep']);
  expect((await b.request().query('SELECT * FROM dbo.keep')).recordset).toEqual([{ id: 1 }]);
  expect(await scalar(b, "SELECT COUNT(*) FROM sys.schemas WHERE name = 'app_s'")).toBe(0);
  expect(await scalar(b, "SELECT COUNT(*) FROM sys.key_constraints WHERE name = 'pk_keep'")).toBe(1);
  // Restored objects keep dates the TDS layer can send.
  expect(await scalar(b, "SELECT MAX(modify_date) FROM sys.objects WHERE name = 'keep'")).toBeInstanceOf(Date);
  expect(await failure(b.request().batch('CREATE TABLE dbo.by_b (x INT)'))).toMatchObject({ number: 2714 });
  expect(await scalar(b, 'SELECT MAX(modify_date) FROM sys.objects')).toBeInstanceOf(Date);
});

test('a dropped connection rolls back its open transaction and releases its locks', async () => {
  h = await startWire();
  const a = await h.connect();
  const b = await h.connect();
  await a.request().batch('CREATE TABLE dbo.t (x INT)');
  await a.request().batch('BEGIN TRAN; CREATE TABLE dbo.orphan (x INT); INSERT INTO dbo.t VALUES (9);');
  const reader = tableNames(b, 'SET LOCK_TIMEOUT 10000;');
  await pause(200);
  await a.close();
  expect(await reader).toEqual(['t']);
  expect((await b.request().query('SELECT COUNT(*) AS n FROM dbo.t')).recordset).toEqual([{ n: 0 }]);
});

test('a session blocked on a lock is freed by ATTENTION; XACT_ABORT ON then rolls its transaction back', async () => {
  h = await startWire();
  const a = await h.connect();
  const b = await h.connect({ requestTimeout: 400 });
  await a.request().batch('CREATE TABLE dbo.t (x INT); CREATE TABLE dbo.u (x INT);');
  await a.request().batch('BEGIN TRAN; INSERT INTO dbo.t VALUES (1);');
  await b.request().batch('SET XACT_ABORT ON; BEGIN TRAN; INSERT INTO dbo.u VALUES (2);');
  expect(await failure(b.request().batch('SELECT * FROM dbo.t'))).toMatchObject({ code: 'ETIMEOUT' });
  await pause(50);
  expect(await scalar(b, 'SELECT @@TRANCOUNT')).toBe(0);
  await a.request().batch('COMMIT');
  expect((await a.request().query('SELECT COUNT(*) AS n FROM dbo.u')).recordset).toEqual([{ n: 0 }]);
});

test('two transactions waiting on each other: the second to wait is the deadlock victim (1205) and is rolled back', async () => {
  h = await startWire();
  const a = await h.connect();
  const b = await h.connect();
  await a.request().batch('CREATE TABLE dbo.t1 (x INT); CREATE TABLE dbo.t2 (x INT);');
  await a.request().batch('BEGIN TRAN; INSERT INTO dbo.t1 VALUES (1);');
  await b.request().batch('BEGIN TRAN; INSERT INTO dbo.t2 VALUES (2);');
  const aWaits = a.request().batch('INSERT INTO dbo.t2 VALUES (1)');
  await pause(200);
  const victim = await failure(b.request().batch('INSERT INTO dbo.t1 VALUES (2)'));
  expect(victim).toMatchObject({ number: 1205, class: 13 });
  expect(victim?.message).toMatch(/was deadlocked on lock resources with another process and has been chosen as the deadlock victim/);
  expect(await scalar(b, 'SELECT @@TRANCOUNT')).toBe(0);
  await aWaits;
  await a.request().batch('COMMIT');
  expect((await b.request().query('SELECT x FROM dbo.t1')).recordset).toEqual([{ x: 1 }]);
  expect((await b.request().query('SELECT x FROM dbo.t2')).recordset).toEqual([{ x: 1 }]);
});
