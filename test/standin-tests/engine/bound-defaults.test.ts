/**
 * CREATE DEFAULT / CREATE RULE and sp_bindefault / sp_unbindefault / sp_bindrule / sp_unbindrule
 * in the stand-in (ddl-bound.ts): sys.objects D (parent 0) and R, sys.sql_modules text,
 * sys.columns / sys.types default_object_id and rule_object_id, an INSERT taking the bound default
 * and checking the bound rule (513), ADD DEFAULT over a bound default refused (1781), DROP while
 * bound refused (3716), alias types with futureonly, and a rollback undoing it all.
 */
import { open, type Harness } from './harness';

let h: Harness;
beforeEach(() => { h = open(); });

const COLUMNS = `SELECT c.name, OBJECT_NAME(c.default_object_id) AS df, OBJECT_NAME(c.rule_object_id) AS rl FROM sys.columns c WHERE c.object_id = OBJECT_ID('dbo.stock') ORDER BY c.column_id`;

test('bound default and rule: catalog, INSERT, and what SQL Server refuses while bound', async () => {
  await h.ok(`CREATE TABLE dbo.stock (id int NOT NULL, qty int NOT NULL, note varchar(max) NULL)`);
  await h.ok(`CREATE DEFAULT dbo.zero AS 0`);
  await h.ok(`CREATE RULE [positive] AS @v >= 0`);
  await h.ok(`EXEC sp_bindefault N'dbo.zero', N'[dbo].[stock].[qty]'; EXEC sp_bindrule 'positive', 'stock.qty';`);
  expect(await h.rows(COLUMNS)).toEqual([{ name: 'id', df: null, rl: null }, { name: 'qty', df: 'zero', rl: 'positive' }, { name: 'note', df: null, rl: null }]);
  expect(await h.rows(`SELECT o.name, o.type, o.parent_object_id, m.definition, m.uses_ansi_nulls FROM sys.objects o JOIN sys.sql_modules m ON m.object_id = o.object_id WHERE o.type IN ('D', 'R') ORDER BY o.name`)).toEqual([
    { name: 'positive', type: 'R ', parent_object_id: 0, definition: 'CREATE RULE [positive] AS @v >= 0', uses_ansi_nulls: false },
    { name: 'zero', type: 'D ', parent_object_id: 0, definition: 'CREATE DEFAULT dbo.zero AS 0', uses_ansi_nulls: false },
  ]);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM sys.default_constraints`)).toEqual([{ n: 0 }]);
  await h.ok(`INSERT INTO dbo.stock (id) VALUES (1)`);
  expect(await h.rows(`SELECT qty FROM dbo.stock`)).toEqual([{ qty: 0 }]);
  expect((await h.errors(`INSERT INTO dbo.stock (id, qty) VALUES (2, -1)`)).map((e) => e.number)).toEqual([513]);
  expect((await h.errors(`ALTER TABLE dbo.stock ADD CONSTRAINT df_stock_qty DEFAULT 1 FOR qty`)).map((e) => e.number)).toEqual([1781, 1750]);
  expect((await h.errors(`DROP DEFAULT dbo.zero`)).map((e) => e.number)).toEqual([3716]);
  expect((await h.errors(`DROP RULE positive`)).map((e) => e.number)).toEqual([3716]);
  expect((await h.errors(`EXEC sp_bindrule 'positive', 'dbo.stock.note'`)).map((e) => e.number)).toEqual([15102]);
  // DROP COLUMN and a type change are refused while bound (5074 + 4922).
  expect((await h.errors(`ALTER TABLE dbo.stock DROP COLUMN qty`)).map((e) => [e.number, e.message])).toEqual([[5074, "The object 'zero' is dependent on column 'qty'."], [4922, expect.stringContaining('DROP COLUMN qty failed')]]);
  expect((await h.errors(`ALTER TABLE dbo.stock ALTER COLUMN qty bigint NOT NULL`)).map((e) => e.number)).toEqual([5074, 4922]);
  await h.ok(`BEGIN TRANSACTION; EXEC sp_unbindefault 'dbo.stock.qty'; EXEC sp_unbindrule 'dbo.stock.qty'; ROLLBACK;`);
  expect((await h.rows(COLUMNS))[1]).toEqual({ name: 'qty', df: 'zero', rl: 'positive' });
  await h.ok(`EXEC sp_unbindefault 'dbo.stock.qty'; EXEC sp_unbindrule 'dbo.stock.qty'; ALTER TABLE dbo.stock ADD CONSTRAINT df_stock_qty DEFAULT 1 FOR qty; DROP DEFAULT dbo.zero; DROP RULE IF EXISTS positive; DROP RULE IF EXISTS nope;`);
  expect((await h.rows(COLUMNS))[1]).toEqual({ name: 'qty', df: 'df_stock_qty', rl: null });
});

test('an alias type binds its columns, existing ones unless futureonly, new ones always', async () => {
  await h.ok(`CREATE TYPE dbo.Qty FROM int NOT NULL; CREATE TABLE dbo.stock (id int NOT NULL, qty dbo.Qty);`);
  await h.ok(`CREATE DEFAULT dbo.zero AS 0`);
  await h.ok(`CREATE RULE dbo.positive AS @q >= 0`);
  await h.ok(`EXEC sp_bindefault 'dbo.zero', 'Qty'; EXEC sp_bindrule 'dbo.positive', 'dbo.Qty', 'futureonly';`);
  expect(await h.rows(`SELECT OBJECT_NAME(default_object_id) AS df, OBJECT_NAME(rule_object_id) AS rl FROM sys.types WHERE name = 'Qty'`)).toEqual([{ df: 'zero', rl: 'positive' }]);
  expect((await h.rows(COLUMNS))[1]).toEqual({ name: 'qty', df: 'zero', rl: null });
  await h.ok(`ALTER TABLE dbo.stock ADD reserved dbo.Qty NULL`);
  expect((await h.rows(COLUMNS))[2]).toEqual({ name: 'reserved', df: 'zero', rl: 'positive' });
  // futureonly: the type loses it, its columns keep theirs; without it, the columns that used the type's lose it too.
  await h.ok(`EXEC sp_unbindefault N'[dbo].[Qty]', 'futureonly';`);
  expect(await h.rows(`SELECT default_object_id FROM sys.types WHERE name = 'Qty'`)).toEqual([{ default_object_id: 0 }]);
  expect((await h.rows(COLUMNS)).map((r) => r.df)).toEqual([null, 'zero', 'zero']);
  await h.ok(`EXEC sp_unbindrule 'dbo.Qty';`);
  expect((await h.rows(COLUMNS)).map((r) => r.rl)).toEqual([null, null, null]);
});
