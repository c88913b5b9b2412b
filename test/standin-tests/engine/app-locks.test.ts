/** sp_getapplock / sp_releaseapplock across two connections through the real mssql driver. */
import type sql from 'mssql';
import { failure, pause, startWire, timed, type WireHarness } from './wire';

let h: WireHarness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

/** Runs sp_getapplock in a batch and returns its status. */
async function getLock(pool: sql.ConnectionPool, args: string): Promise<number> {
  const r = await pool.request().batch(`DECLARE @r INT; EXEC @r = sp_getapplock ${args}; SELECT @r AS r;`);
  return (r.recordset[0] as { r: number }).r;
}
async function releaseLock(pool: sql.ConnectionPool, args: string): Promise<number> {
  const r = await pool.request().batch(`DECLARE @r INT; EXEC @r = sp_releaseapplock ${args}; SELECT @r AS r;`);
  return (r.recordset[0] as { r: number }).r;
}
const SESSION_X = (timeout: number): string => `@Resource = N'schemac.apply', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = ${timeout}`;

test('a second session waits for an exclusive lock and gets 1 when the first releases it', async () => {
  h = await startWire();
  const a = await h.connect();
  const b = await h.connect();
  expect(await getLock(a, SESSION_X(0))).toBe(0);
  const waiting = timed(getLock(b, SESSION_X(10000)));
  await pause(300);
  expect(await releaseLock(a, `@Resource = N'schemac.apply', @LockOwner = N'Session'`)).toBe(0);
  const got = await waiting;
  expect(got.value).toBe(1);
  expect(got.ms).toBeGreaterThanOrEqual(280);
  // Now b holds it: a cannot have it at once.
  expect(await getLock(a, SESSION_X(0))).toBe(-1);
});

test('@LockTimeout: N ms times out with -1 after about N ms; 0 answers -1 at once', async () => {
  h = await startWire();
  const a = await h.connect();
  const b = await h.connect();
  expect(await getLock(a, SESSION_X(-1))).toBe(0);
  const t = await timed(getLock(b, SESSION_X(400)));
  expect(t.value).toBe(-1);
  expect(t.ms).toBeGreaterThanOrEqual(380);
  const z = await timed(getLock(b, SESSION_X(0)));
  expect(z.value).toBe(-1);
  expect(z.ms).toBeLessThan(300);
  // The same session may take it again (nested grant) and must release it as many times.
  expect(await getLock(a, SESSION_X(0))).toBe(0);
  expect(await releaseLock(a, `N'schemac.apply', N'Session'`)).toBe(0);
  expect(await getLock(b, SESSION_X(0))).toBe(-1);
  expect(await releaseLock(a, `N'schemac.apply', N'Session'`)).toBe(0);
  expect(await getLock(b, SESSION_X(0))).toBe(0);
});

test('a Transaction-owned lock is released at COMMIT and needs a transaction', async () => {
  h = await startWire();
  const a = await h.connect();
  const b = await h.connect();
  const infos: number[] = [];
  const req = a.request();
  req.on('info', (i: { number: number }) => infos.push(i.number));
  const r = await req.batch(`DECLARE @r INT; EXEC @r = sp_getapplock @Resource = N'res', @LockMode = N'Exclusive'; SELECT @r AS r;`);
  expect(r.recordset).toEqual([{ r: -999 }]);
  expect(infos).toContain(15626);

  await a.request().batch('BEGIN TRAN');
  expect(await getLock(a, `N'res', N'Exclusive'`)).toBe(0);
  const waiting = getLock(b, `N'res', N'Exclusive', N'Session', 10000`);
  await pause(200);
  await a.request().batch('COMMIT');
  expect(await waiting).toBe(1);
});

test('Shared locks are compatible with each other, not with Exclusive; resource names are case-sensitive', async () => {
  h = await startWire();
  const a = await h.connect();
  const b = await h.connect();
  expect(await getLock(a, `N'r', N'Shared', N'Session', 0`)).toBe(0);
  expect(await getLock(b, `N'r', N'Shared', N'Session', 0`)).toBe(0);
  expect(await getLock(b, `N'R', N'Exclusive', N'Session', 0`)).toBe(0);
  expect(await getLock(a, `N'R', N'Exclusive', N'Session', 0`)).toBe(-1);
  expect(await getLock(a, `N'x', N'Exclusive', N'Session', 0`)).toBe(0);
  expect(await getLock(b, `N'x', N'Shared', N'Session', 0`)).toBe(-1);
});

test('sp_releaseapplock of a lock not held: -999 and Msg 1223', async () => {
  h = await startWire();
  const a = await h.connect();
  const e = await failure(a.request().batch(`DECLARE @r INT; EXEC @r = sp_releaseapplock N'nothing', N'Session'; SELECT @r AS r;`));
  expect(e).toMatchObject({ number: 1223, message: "Cannot release the application lock (Database Principal: 'public', Resource: 'nothing') because it is not currently held." });
  // The status still reaches @r: the error does not end the batch.
  await failure(a.request().batch(`CREATE TABLE dbo.st (r INT); DECLARE @r INT; EXEC @r = sp_releaseapplock N'nothing', N'Session'; INSERT INTO dbo.st VALUES (@r);`));
  expect((await a.request().query('SELECT r FROM dbo.st')).recordset).toEqual([{ r: -999 }]);
});

test('a closed connection releases its session locks; a cancelled wait stops the batch', async () => {
  h = await startWire();
  const a = await h.connect();
  const b = await h.connect({ requestTimeout: 300 });
  expect(await getLock(a, SESSION_X(0))).toBe(0);
  // b's request times out on the client: the ATTENTION cancels the wait.
  expect(await failure(b.request().batch(`DECLARE @r INT; EXEC @r = sp_getapplock ${SESSION_X(-1)}; CREATE TABLE dbo.after_wait (x INT);`))).toMatchObject({ code: 'ETIMEOUT' });
  expect((await a.request().query(`SELECT OBJECT_ID('dbo.after_wait') AS id`)).recordset).toEqual([{ id: null }]);
  const c = await h.connect();
  const waiting = getLock(c, SESSION_X(10000));
  await pause(200);
  await a.close();
  expect(await waiting).toBe(1);
});

test('an app-lock request that would close a cycle of waits returns -3 (deadlock victim) at once', async () => {
  h = await startWire();
  const a = await h.connect();
  const b = await h.connect();
  await a.request().batch('CREATE TABLE dbo.t (x INT)');
  expect(await getLock(b, SESSION_X(0))).toBe(0);
  await a.request().batch('BEGIN TRAN; INSERT INTO dbo.t VALUES (1);');
  // b waits for a's table...
  const bReads = b.request().batch('SET LOCK_TIMEOUT 10000; SELECT * FROM dbo.t');
  await pause(200);
  // ...so a waiting for b's app lock would never end.
  const t = await timed(getLock(a, `N'schemac.apply', N'Exclusive', N'Transaction', -1`));
  expect(t.value).toBe(-3);
  expect(t.ms).toBeLessThan(1000);
  await a.request().batch('ROLLBACK');
  expect((await bReads).recordset).toEqual([]);
});
