/**
 * DBCC CHECKIDENT in the stand-in: NORESEED reports the current identity value and the column's
 * largest; RESEED, n sets it (the next row gets n + increment, or n itself on a table no row was
 * inserted into yet); RESEED alone moves it up to the largest value; WITH NO_INFOMSGS is silent;
 * a table without identity is Msg 7997, a missing one Msg 2501; a rollback undoes a reseed.
 */
import { open, type Harness } from './harness';

let h: Harness;
beforeEach(() => { h = open(); });

const infos = async (sql: string) => (await h.ok(sql)).flatMap((o) => (o.kind === 'info' ? [`${o.number} ${o.message}`] : []));

test('reports, reseeds and moves the identity as SQL Server does', async () => {
  await h.ok(`CREATE TABLE dbo.tickets (id int IDENTITY(1, 1) NOT NULL, note varchar(10) NULL)`);
  await h.ok(`DBCC CHECKIDENT ('dbo.tickets', RESEED, 100)`);
  await h.ok(`INSERT INTO dbo.tickets (note) VALUES ('first')`);
  expect(await h.rows(`SELECT id FROM dbo.tickets`)).toEqual([{ id: 100 }]);
  expect(await infos(`DBCC CHECKIDENT (N'[dbo].[tickets]', NORESEED)`)).toEqual([
    "7998 Checking identity information: current identity value '100', current column value '100'.",
    '2528 DBCC execution completed. If DBCC printed error messages, contact your system administrator.',
  ]);
  await h.ok(`DBCC CHECKIDENT (tickets, RESEED, 10) WITH NO_INFOMSGS; INSERT INTO dbo.tickets (note) VALUES ('second')`);
  expect(await h.rows(`SELECT id FROM dbo.tickets ORDER BY id`)).toEqual([{ id: 11 }, { id: 100 }]);
  // RESEED alone moves the current value (11) up to the largest in the column (100).
  await h.ok(`DBCC CHECKIDENT ('tickets', RESEED); INSERT INTO dbo.tickets (note) VALUES ('third')`);
  expect(await h.rows(`SELECT MAX(id) AS highest FROM dbo.tickets`)).toEqual([{ highest: 101 }]);
  await h.ok(`BEGIN TRANSACTION; DBCC CHECKIDENT ('dbo.tickets', RESEED, 500); ROLLBACK; INSERT INTO dbo.tickets (note) VALUES ('fourth')`);
  expect(await h.rows(`SELECT MAX(id) AS highest FROM dbo.tickets`)).toEqual([{ highest: 102 }]);
});

test('a table without an identity column is Msg 7997, a missing table Msg 2501, another DBCC command Msg 102', async () => {
  await h.ok(`CREATE TABLE dbo.plain (id int NOT NULL)`);
  expect((await h.errors(`DBCC CHECKIDENT ('dbo.plain')`)).map((e) => e.number)).toEqual([7997]);
  expect((await h.errors(`DBCC CHECKIDENT ('dbo.nothing', RESEED, 1)`)).map((e) => e.number)).toEqual([2501]);
  expect((await h.errors(`DBCC FREEPROCCACHE`)).map((e) => e.number)).toEqual([102]);
});
