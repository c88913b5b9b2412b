/**
 * A batch may open with a procedure call without EXEC (execute-transact-sql.md: "You do not have to
 * specify the EXECUTE keyword when executing stored procedures when the statement is the first one
 * in a batch"), as prisma-engines' `EXEC('sp_bindefault ...')` and sqlcmd scripts do; a procedure's
 * argument may be a bare name, read as a string (`EXEC sp_help orders`).
 */
import { open } from './harness';

test('a batch opening with a procedure name runs it; later in the batch EXEC is needed', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.pallets (pallet_id int NOT NULL)`);
  await h.ok(`sp_rename 'dbo.pallets', 'skids'`);
  await h.ok(`[sp_rename] N'dbo.skids', N'racks'; SELECT 1 AS x`);
  expect(await h.rows(`SELECT name FROM sys.tables`)).toEqual([{ name: 'racks' }]);
  expect((await h.errors(`PRINT 'first'\nsp_rename 'dbo.racks', 'bins'`)).map((e) => e.number)).toEqual([102]);
  expect((await h.errors(`missing_proc 1, 'two'`)).map((e) => [e.number, e.message])).toEqual([[2812, "Could not find stored procedure 'missing_proc'."]]);
  expect(await h.rows(`SELECT name FROM sys.tables`)).toEqual([{ name: 'racks' }]);
});

test("a procedure's bare-name argument is a string", async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.totes (tote_id int NOT NULL)`);
  await h.ok(`EXEC sp_rename totes, [bags]`);
  expect(await h.rows(`SELECT name FROM sys.tables`)).toEqual([{ name: 'bags' }]);
  // A variable argument is read as before.
  await h.ok(`DECLARE @to sysname = N'sacks'; EXEC sp_rename bags, @to`);
  expect(await h.rows(`SELECT name FROM sys.tables`)).toEqual([{ name: 'sacks' }]);
});
