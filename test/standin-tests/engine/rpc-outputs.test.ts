/** Return status and OUTPUT parameters over RPC, through the real mssql driver. */
import sql from 'mssql';
import { startWire, type WireHarness } from './wire';

let h: WireHarness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

const getAppLock = (pool: sql.ConnectionPool, timeout: number): Promise<sql.IProcedureResult<unknown>> =>
  pool.request()
    .input('Resource', sql.NVarChar(255), 'schemac.apply')
    .input('LockMode', sql.NVarChar(32), 'Exclusive')
    .input('LockOwner', sql.NVarChar(32), 'Session')
    .input('LockTimeout', sql.Int, timeout)
    .execute('sp_getapplock');

test('execute(procedure) reports the procedure\'s return status, with named parameters in any order', async () => {
  h = await startWire();
  const a = await h.connect();
  const b = await h.connect();
  expect((await getAppLock(a, 0)).returnValue).toBe(0);
  expect((await getAppLock(b, 0)).returnValue).toBe(-1);
  const released = await a.request().input('LockOwner', sql.NVarChar(32), 'Session').input('Resource', sql.NVarChar(255), 'schemac.apply').execute('sp_releaseapplock');
  expect(released.returnValue).toBe(0);
  expect((await getAppLock(b, 0)).returnValue).toBe(0);
});

test('OUTPUT parameters of a parameterised query come back with the values the batch assigned', async () => {
  h = await startWire();
  const pool = await h.connect();
  await pool.request().batch('CREATE TABLE dbo.t (x INT); INSERT INTO dbo.t VALUES (1), (2), (3);');
  const r = await pool.request()
    .input('min', sql.Int, 2)
    .output('n', sql.Int)
    .output('label', sql.NVarChar(50), 'unset')
    .output('untouched', sql.Int, 7)
    .query('SELECT @n = COUNT(*) FROM dbo.t WHERE x >= @min; SET @label = N\'counted\';');
  expect(r.output).toEqual({ n: 2, label: 'counted', untouched: 7 });
});
