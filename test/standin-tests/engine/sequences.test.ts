/**
 * Sequences in the stand-in, as SQL Server stores and runs them: what CREATE SEQUENCE fills in
 * (bigint, the type's bounds, START at the minimum), NEXT VALUE FOR in a default and in INSERT /
 * SELECT, the stored default text, ALTER SEQUENCE ... RESTART, DROP refused while a default draws
 * from the sequence (Msg 3729), and a rollback undoing the DDL.
 */
import { open, type Harness } from './harness';

let h: Harness;
beforeEach(() => { h = open(); });

const SEQ_ROWS = `SELECT SCHEMA_NAME(sq.schema_id) AS schema_name, sq.name, TYPE_NAME(sq.system_type_id) AS type_name, sq.[precision],
  CAST(sq.start_value AS nvarchar(50)) AS start_value, CAST(sq.increment AS nvarchar(50)) AS increment,
  CAST(sq.minimum_value AS nvarchar(50)) AS minimum_value, CAST(sq.maximum_value AS nvarchar(50)) AS maximum_value,
  sq.is_cycling, sq.is_cached, sq.cache_size
FROM sys.sequences sq ORDER BY sq.name`;

test('CREATE SEQUENCE fills in the type, bounds, start and cache as sys.sequences reports them', async () => {
  await h.ok(`CREATE SEQUENCE dbo.plain;
CREATE SEQUENCE [dbo].[down] AS int INCREMENT BY -1 MAXVALUE 100 CYCLE NO CACHE;
CREATE SEQUENCE [dbo].[sized] AS decimal(20,0) START WITH -5 MINVALUE -10 CACHE 50;`);
  expect(await h.rows(SEQ_ROWS)).toEqual([
    { schema_name: 'dbo', name: 'down', type_name: 'int', precision: 10, start_value: '100', increment: '-1', minimum_value: '-2147483648', maximum_value: '100', is_cycling: true, is_cached: false, cache_size: null },
    { schema_name: 'dbo', name: 'plain', type_name: 'bigint', precision: 19, start_value: '-9223372036854775808', increment: '1', minimum_value: '-9223372036854775808', maximum_value: '9223372036854775807', is_cycling: false, is_cached: true, cache_size: null },
    { schema_name: 'dbo', name: 'sized', type_name: 'decimal', precision: 20, start_value: '-5', increment: '1', minimum_value: '-10', maximum_value: '99999999999999999999', is_cycling: false, is_cached: true, cache_size: 50 },
  ]);
  expect(await h.rows(`SELECT type, type_desc FROM sys.objects WHERE name = 'plain'`)).toEqual([{ type: 'SO', type_desc: 'SEQUENCE_OBJECT' }]);
});

test('a default draws from the sequence on INSERT; its stored text is (NEXT VALUE FOR [schema].[name]); SELECT and VALUES draw too', async () => {
  await h.ok(`CREATE SEQUENCE dbo.order_no AS int START WITH 1000 INCREMENT BY 10;
CREATE TABLE [dbo].[orders] ([id] int NOT NULL, [no] int NOT NULL CONSTRAINT [df_orders_no] DEFAULT (NEXT VALUE FOR dbo.order_no));
INSERT INTO [dbo].[orders] ([id]) VALUES (1);
INSERT INTO [dbo].[orders] ([id]) VALUES (2);
INSERT INTO [dbo].[orders] ([id], [no]) VALUES (3, NEXT VALUE FOR [dbo].[order_no]);`);
  expect(await h.rows(`SELECT [id], [no] FROM [dbo].[orders] ORDER BY [id]`)).toEqual([{ id: 1, no: 1000 }, { id: 2, no: 1010 }, { id: 3, no: 1020 }]);
  expect(await h.rows(`SELECT NEXT VALUE FOR dbo.order_no AS v`)).toEqual([{ v: 1030 }]);
  expect(await h.rows(`SELECT definition FROM sys.default_constraints WHERE name = 'df_orders_no'`)).toEqual([{ definition: '(NEXT VALUE FOR [dbo].[order_no])' }]);
});

test('ALTER SEQUENCE changes options; RESTART WITH sets the next value (and start_value)', async () => {
  await h.ok(`CREATE SEQUENCE [dbo].[s] AS int START WITH 1;
SELECT NEXT VALUE FOR [dbo].[s];
ALTER SEQUENCE [dbo].[s] RESTART WITH 50 INCREMENT BY 5 MINVALUE 0 MAXVALUE 60 CYCLE CACHE 3;`);
  expect(await h.rows(`SELECT NEXT VALUE FOR [dbo].[s] AS a`)).toEqual([{ a: 50 }]);
  await h.rows(`SELECT NEXT VALUE FOR [dbo].[s] AS a`);
  await h.rows(`SELECT NEXT VALUE FOR [dbo].[s] AS a`);
  expect(await h.rows(`SELECT NEXT VALUE FOR [dbo].[s] AS a`)).toEqual([{ a: 0 }]); // cycled past 60
  const [row] = await h.rows(SEQ_ROWS);
  expect(row).toMatchObject({ start_value: '50', increment: '5', minimum_value: '0', maximum_value: '60', is_cycling: true, cache_size: 3 });
  await h.ok(`ALTER SEQUENCE [dbo].[s] NO MINVALUE NO MAXVALUE NO CYCLE NO CACHE;`);
  expect((await h.rows(SEQ_ROWS))[0]).toMatchObject({ minimum_value: '-2147483648', maximum_value: '2147483647', is_cycling: false, is_cached: false, cache_size: null });
});

test('errors SQL Server raises: a default naming a missing sequence, DROP while a default draws from it, bad options, exhaustion', async () => {
  expect((await h.errors(`CREATE TABLE [dbo].[t] ([a] int NOT NULL DEFAULT (NEXT VALUE FOR [dbo].[nope]));`)).map((e) => e.number)).toEqual([208]);
  await h.ok(`CREATE SEQUENCE [dbo].[s] AS tinyint MAXVALUE 2;
CREATE TABLE [dbo].[t] ([a] int NOT NULL CONSTRAINT [df_t_a] DEFAULT (NEXT VALUE FOR [dbo].[s]));`);
  const drop = await h.errors(`DROP SEQUENCE [dbo].[s];`);
  expect(drop.map((e) => [e.number, e.message])).toEqual([[3729, "Cannot DROP SEQUENCE 'dbo.s' because it is being referenced by object 'df_t_a'."]]);
  expect((await h.errors(`CREATE SEQUENCE [dbo].[z] INCREMENT BY 0;`)).map((e) => e.number)).toEqual([11700]);
  expect((await h.errors(`CREATE SEQUENCE [dbo].[z] AS int START WITH 5 MINVALUE 10;`)).map((e) => e.number)).toEqual([11703]);
  expect((await h.errors(`CREATE SEQUENCE [dbo].[z] AS int MINVALUE 10 MAXVALUE 5;`)).map((e) => e.number)).toEqual([11705]);
  expect((await h.errors(`CREATE SEQUENCE [dbo].[z] AS varchar(10);`)).map((e) => e.number)).toEqual([11702]);
  expect((await h.errors(`CREATE SEQUENCE [dbo].[s];`)).map((e) => e.number)).toEqual([2714]);
  await h.ok(`INSERT INTO [dbo].[t] ([a]) VALUES (NEXT VALUE FOR [dbo].[s]);
INSERT INTO [dbo].[t] ([a]) VALUES (NEXT VALUE FOR [dbo].[s]);
INSERT INTO [dbo].[t] ([a]) VALUES (NEXT VALUE FOR [dbo].[s]);`);
  expect((await h.errors(`INSERT INTO [dbo].[t] ([a]) VALUES (NEXT VALUE FOR [dbo].[s]);`)).map((e) => e.number)).toEqual([11728]);
  await h.ok(`ALTER TABLE [dbo].[t] DROP CONSTRAINT [df_t_a];
DROP SEQUENCE [dbo].[s];`);
  expect(await h.rows(SEQ_ROWS)).toEqual([]);
});

test('a rollback undoes CREATE, ALTER and DROP SEQUENCE', async () => {
  await h.ok(`CREATE SEQUENCE [dbo].[kept] AS int START WITH 1;
BEGIN TRANSACTION;
CREATE SEQUENCE [dbo].[gone] AS int;
ALTER SEQUENCE [dbo].[kept] INCREMENT BY 7;
ROLLBACK TRANSACTION;
BEGIN TRANSACTION;
DROP SEQUENCE [dbo].[kept];
ROLLBACK TRANSACTION;`);
  expect((await h.rows(SEQ_ROWS)).map((r) => [r.name, r.increment])).toEqual([['kept', '1']]);
});
