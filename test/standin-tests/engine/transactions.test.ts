/** Transactions: BEGIN/COMMIT/ROLLBACK in batches and through the TM requests; XACT_ABORT. */
import type { Output } from '../../standin/engine-interface';
import { createEngine } from '../../standin/engine';
import { open, wrap } from './harness';

const tableExists = async (h: ReturnType<typeof open>, name: string): Promise<boolean> =>
  (await h.rows(`SELECT CASE WHEN OBJECT_ID('${name}') IS NULL THEN 0 ELSE 1 END AS e`))[0].e === 1;
const events = (out: Output[]) => out.flatMap((o) => (o.kind === 'transactionChanged' ? [o.event] : []));

test('ROLLBACK undoes DDL and data; COMMIT keeps them; @@TRANCOUNT counts nesting', async () => {
  const h = open();
  const began = await h.ok(`BEGIN TRAN; CREATE TABLE dbo.t (a INT NOT NULL); INSERT INTO dbo.t VALUES (1); SELECT @@TRANCOUNT AS tc`);
  expect(events(began)).toEqual(['begin']);
  expect(await h.rows(`SELECT @@TRANCOUNT AS tc`)).toEqual([{ tc: 1 }]);
  const rolled = await h.ok(`ROLLBACK`);
  expect(events(rolled)).toEqual(['rollback']);
  expect(await tableExists(h, 'dbo.t')).toBe(false);
  await h.ok(`BEGIN TRANSACTION; BEGIN TRAN; CREATE TABLE dbo.t (a INT NOT NULL); COMMIT; SELECT 1 AS x`);
  expect(await h.rows(`SELECT @@TRANCOUNT AS tc`)).toEqual([{ tc: 1 }]);
  const committed = await h.ok(`COMMIT TRANSACTION`);
  expect(events(committed)).toEqual(['commit']);
  expect(await tableExists(h, 'dbo.t')).toBe(true);
  expect((await h.errors(`COMMIT`))[0]).toMatchObject({ number: 3902, message: 'The COMMIT TRANSACTION request has no corresponding BEGIN TRANSACTION.' });
  expect((await h.errors(`ROLLBACK`))[0]).toMatchObject({ number: 3903 });
});

test('XACT_ABORT ON: a runtime error rolls back the transaction and ends the batch', async () => {
  const h = open();
  const out = await h.run(`SET XACT_ABORT ON; BEGIN TRAN; CREATE TABLE dbo.a (x INT NOT NULL); INSERT INTO dbo.a VALUES (NULL); CREATE TABLE dbo.b (x INT); COMMIT`);
  expect(out.filter((o) => o.kind === 'error').map((o) => (o as { number: number }).number)).toEqual([515]);
  expect(events(out)).toEqual(['begin', 'rollback']);
  expect(await h.rows(`SELECT @@TRANCOUNT AS tc`)).toEqual([{ tc: 0 }]);
  expect(await tableExists(h, 'dbo.a')).toBe(false);
  expect(await tableExists(h, 'dbo.b')).toBe(false);
});

test('XACT_ABORT OFF: the statement fails, the transaction and the batch go on', async () => {
  const h = open();
  const out = await h.run(`SET XACT_ABORT OFF; BEGIN TRAN; CREATE TABLE dbo.a (x INT NOT NULL); INSERT INTO dbo.a VALUES (NULL); INSERT INTO dbo.a VALUES (2); SELECT @@TRANCOUNT AS tc, @@ERROR AS e`);
  expect(out.filter((o) => o.kind === 'error').map((o) => (o as { number: number }).number)).toEqual([515]);
  const rs = out.find((o) => o.kind === 'resultSet');
  expect(rs && rs.kind === 'resultSet' ? rs.resultSet.rows : null).toEqual([[1, 0]]);
  await h.ok(`COMMIT`);
  expect(await h.rows(`SELECT x FROM dbo.a`)).toEqual([{ x: 2 }]);
});

test('TM requests (TDS begin/commit/rollback) and close() roll back what is open', async () => {
  const engine = createEngine({ password: 'p' });
  const l1 = engine.login('sa', 'p', 'app');
  if (!l1.ok) throw new Error('login');
  const s = l1.session;
  expect(events(await s.beginTransaction(null))).toEqual(['begin']);
  const h = wrap(s);
  await h.ok(`CREATE TABLE dbo.tm (a INT)`);
  expect(events(await s.rollbackTransaction(null))).toEqual(['rollback']);
  expect(await tableExists(h, 'dbo.tm')).toBe(false);
  await s.beginTransaction(null);
  await h.ok(`CREATE TABLE dbo.tm (a INT)`);
  expect(events(await s.commitTransaction(null))).toEqual(['commit']);
  expect(await tableExists(h, 'dbo.tm')).toBe(true);
  await s.beginTransaction(null);
  await h.ok(`DROP TABLE dbo.tm`);
  s.close();
  const l2 = engine.login('sa', 'p', 'app');
  if (!l2.ok) throw new Error('login');
  expect(await tableExists(wrap(l2.session), 'dbo.tm')).toBe(true);
});

test('TRY/CATCH with ROLLBACK and THROW, as Prisma wraps migrations', async () => {
  const h = open();
  const out = await h.run(`
    BEGIN TRY
      BEGIN TRAN;
      CREATE TABLE dbo.m (id INT NOT NULL CONSTRAINT pk_m PRIMARY KEY);
      INSERT INTO dbo.m VALUES (1), (1);
      COMMIT TRAN;
    END TRY
    BEGIN CATCH
      IF @@TRANCOUNT > 0 BEGIN ROLLBACK TRAN; END;
      THROW
    END CATCH`);
  expect(out.filter((o) => o.kind === 'error')).toMatchObject([{ number: 2627, message: expect.stringContaining("PRIMARY KEY constraint 'pk_m'") }]);
  expect(events(out)).toEqual(['begin', 'rollback']);
  expect(await tableExists(h, 'dbo.m')).toBe(false);
  const caught = await h.rows(`BEGIN TRY SELECT 1/0 AS x END TRY BEGIN CATCH SELECT ERROR_NUMBER() AS n, ERROR_MESSAGE() AS m END CATCH`);
  expect(caught).toEqual([{ n: 8134, m: 'Divide by zero error encountered.' }]);
});

test('RAISERROR does not honour XACT_ABORT: no rollback, and the batch goes on (THROW does end it)', async () => {
  const h = open();
  const out = await h.run(`SET XACT_ABORT ON; BEGIN TRAN; CREATE TABLE dbo.r (x INT); RAISERROR(N'stop here', 16, 1); SET NOEXEC ON; SELECT 1 AS never`);
  expect(out.filter((o) => o.kind === 'error').map((o) => (o as { number: number }).number)).toEqual([50000]);
  expect(out.some((o) => o.kind === 'resultSet')).toBe(false); // NOEXEC ON ran after the RAISERROR
  await h.run('SET NOEXEC OFF');
  expect(await h.rows(`SELECT @@TRANCOUNT AS tc`)).toEqual([{ tc: 1 }]);
  const thrown = await h.run(`THROW 50001, N'stop', 1; SELECT 1 AS never`);
  expect(thrown.some((o) => o.kind === 'resultSet')).toBe(false);
  expect(await h.rows(`SELECT @@TRANCOUNT AS tc`)).toEqual([{ tc: 0 }]);
});

test('XACT_ABORT ON does not roll back on a compile error (208/207): the batch ends, the transaction stays', async () => {
  const h = open();
  const out = await h.run(`SET XACT_ABORT ON; BEGIN TRAN; CREATE TABLE dbo.c (x INT NOT NULL); SELECT * FROM dbo.ghost; CREATE TABLE dbo.d (x INT)`);
  expect(out.filter((o) => o.kind === 'error').map((o) => (o as { number: number }).number)).toEqual([208]);
  expect(events(out)).toEqual(['begin']);
  // @@ERROR still holds the failed statement's number in the next batch's first statement.
  expect(await h.rows(`SELECT @@TRANCOUNT AS tc, @@ERROR AS e`)).toEqual([{ tc: 1, e: 208 }]);
  expect(await tableExists(h, 'dbo.c')).toBe(true);
  expect(await tableExists(h, 'dbo.d')).toBe(false);
  // That SELECT succeeded, so a guard now sees @@ERROR = 0 and leaves the transaction alone...
  const guard = await h.run(`IF @@ERROR <> 0 AND @@TRANCOUNT > 0 ROLLBACK TRANSACTION;`);
  expect(events(guard)).toEqual([]);
  // ...while right after a failed batch the guard rolls back.
  await h.run(`SELECT nope FROM dbo.c`);
  expect(events(await h.run(`IF @@ERROR <> 0 AND @@TRANCOUNT > 0 ROLLBACK TRANSACTION;`))).toEqual(['rollback']);
  expect(await tableExists(h, 'dbo.c')).toBe(false);
});

test('an aborted signal (TDS attention) stops the batch before its next statement', async () => {
  const h = open();
  const ctl = new AbortController();
  ctl.abort();
  const out = await h.session.executeBatch(`CREATE TABLE dbo.never (a INT)`, ctl.signal);
  expect(out.some((o) => o.kind === 'error')).toBe(false);
  expect(await tableExists(h, 'dbo.never')).toBe(false);
});
