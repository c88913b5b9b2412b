/** Engine-level faults through the real mssql driver: fail or delay a statement, report a version. */
import { failure, pause, scalar, startWire, timed, type WireHarness } from './wire';

let h: WireHarness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

const tables = async (pool: Awaited<ReturnType<WireHarness['connect']>>): Promise<string[]> =>
  (await pool.request().query('SELECT name FROM sys.tables ORDER BY name')).recordset.map((r: { name: string }) => r.name);

test('the Nth statement fails with the given error; login SET batches are not counted', async () => {
  h = await startWire({ faults: { failures: [{ nth: 2, number: 1205, class: 13, state: 51, message: 'Transaction was deadlocked.' }] } });
  const pool = await h.connect();
  const e = await failure(pool.request().batch('CREATE TABLE dbo.a (x INT); CREATE TABLE dbo.b (x INT); CREATE TABLE dbo.c (x INT);'));
  expect(e).toMatchObject({ number: 1205, class: 13, state: 51, message: 'Transaction was deadlocked.' });
  // The failed statement did not run; the batch went on (statement-scoped error).
  expect(await tables(pool)).toEqual(['a', 'c']);
  // Spent: the same batch shape now runs clean.
  await pool.request().batch('CREATE TABLE dbo.d (x INT); CREATE TABLE dbo.e (x INT);');
  expect(await tables(pool)).toEqual(['a', 'c', 'd', 'e']);
});

test('setFaults at run time restarts the count; a pattern fault defaults to Msg 50000 class 16', async () => {
  h = await startWire();
  const pool = await h.connect();
  await pool.request().batch('CREATE TABLE dbo.t (x INT)');
  h.engine.setFaults({ failures: [{ match: /ALTER TABLE/i }] });
  await pool.request().batch('INSERT INTO dbo.t VALUES (1)');
  expect(h.engine.statementsCounted).toBe(1);
  const e = await failure(pool.request().batch('ALTER TABLE dbo.t ADD y INT'));
  expect(e).toMatchObject({ number: 50000, class: 16 });
  expect(await scalar(pool, "SELECT COUNT(*) FROM sys.columns WHERE object_id = OBJECT_ID('dbo.t')")).toBe(1);
  await pool.request().batch('ALTER TABLE dbo.t ADD y INT');
  expect(await scalar(pool, "SELECT COUNT(*) FROM sys.columns WHERE object_id = OBJECT_ID('dbo.t')")).toBe(2);
});

test('an injected failure under XACT_ABORT ON rolls the transaction back', async () => {
  h = await startWire({ faults: { failures: [{ match: 'dbo.second' }] } });
  const pool = await h.connect();
  const e = await failure(pool.request().batch('SET XACT_ABORT ON; BEGIN TRAN; CREATE TABLE dbo.first (x INT); CREATE TABLE dbo.second (x INT); COMMIT;'));
  expect(e).toMatchObject({ number: 50000 });
  expect(await scalar(pool, 'SELECT @@TRANCOUNT')).toBe(0);
  expect(await tables(pool)).toEqual([]);
});

test('a delayed statement runs after the delay', async () => {
  h = await startWire();
  const pool = await h.connect();
  // A delay long enough that a loaded machine's ordinary latency cannot reach it.
  // The first statement a fresh engine parses loads its grammar (a second or more on a loaded
  // machine): paid here, so the undelayed statement below times the statement alone.
  await pool.request().query('SELECT 0 AS warm_up');
  h.engine.setFaults({ delays: [{ match: 'slow_one', ms: 1500 }] });
  const fast = await timed(pool.request().query('SELECT 1 AS fast_one'));
  expect(fast.ms).toBeLessThan(1400);
  const slow = await timed(pool.request().query('SELECT 2 AS slow_one'));
  expect(slow.ms).toBeGreaterThanOrEqual(1480);
  expect(slow.value.recordset).toEqual([{ slow_one: 2 }]);
});

test('ATTENTION cancels a delay: XACT_ABORT OFF keeps the transaction open, ON rolls it back', async () => {
  h = await startWire();
  const pool = await h.connect({ requestTimeout: 300 });
  await pool.request().batch('BEGIN TRAN; CREATE TABLE dbo.kept (x INT);');
  h.engine.setFaults({ delays: [{ nth: 1, ms: 10000 }] });
  const off = await timed(failure(pool.request().batch('CREATE TABLE dbo.never (x INT)')));
  expect(off.value).toMatchObject({ code: 'ETIMEOUT' });
  expect(off.ms).toBeLessThan(2000);
  expect(await scalar(pool, 'SELECT @@TRANCOUNT')).toBe(1);
  expect(await tables(pool)).toEqual(['kept']);

  await pool.request().batch('SET XACT_ABORT ON');
  h.engine.setFaults({ delays: [{ match: 'dbo.never', ms: 10000 }] });
  expect(await failure(pool.request().batch('CREATE TABLE dbo.never (x INT)'))).toMatchObject({ code: 'ETIMEOUT' });
  await pause(50);
  expect(await scalar(pool, 'SELECT @@TRANCOUNT')).toBe(0);
  expect(await tables(pool)).toEqual([]);
});

test('a version fault changes SERVERPROPERTY, @@VERSION and the version the TDS layer reports', async () => {
  h = await startWire();
  const pool = await h.connect();
  expect(await scalar(pool, "SELECT CAST(SERVERPROPERTY('ProductVersion') AS NVARCHAR(128))")).toBe('16.0.4135.4');
  h.engine.setFaults({ productVersion: '15.0.2000.5' });
  expect(await scalar(pool, "SELECT CAST(SERVERPROPERTY('ProductVersion') AS NVARCHAR(128))")).toBe('15.0.2000.5');
  expect(String(await scalar(pool, 'SELECT @@VERSION'))).toContain('SQL Server 2019');
  h.engine.setFaults({ productVersion: '14.0.1000.169', versionText: 'Microsoft SQL Server 2017 (RTM) - 14.0.1000.169 (X64)' });
  expect(await scalar(pool, 'SELECT @@VERSION')).toBe('Microsoft SQL Server 2017 (RTM) - 14.0.1000.169 (X64)');
  expect(h.engine.productVersion).toBe('14.0.1000.169');
});
