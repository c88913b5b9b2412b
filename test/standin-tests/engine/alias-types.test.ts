/**
 * User alias types in the stand-in, as SQL Server stores them: CREATE TYPE ... FROM base
 * [NULL | NOT NULL] adds a sys.types row (is_user_defined 1, the base's system_type_id and
 * facets); a column of the type stores the base (system_type_id) and names the alias
 * (user_type_id); DROP TYPE refuses while a column uses it (Msg 3732); a rollback undoes both.
 */
import { open, type Harness } from './harness';

let h: Harness;
beforeEach(() => { h = open(); });

test('CREATE TYPE adds a user row to sys.types; NULL is the default nullability', async () => {
  await h.ok(`CREATE TYPE [dbo].[Email] FROM nvarchar(320) NOT NULL;
CREATE TYPE dbo.Note FROM varchar(max);
CREATE TYPE [dbo].[Amount] FROM decimal(19,4) NULL;`);
  const rows = await h.rows(`SELECT SCHEMA_NAME(ty.schema_id) AS schema_name, ty.name, TYPE_NAME(ty.system_type_id) AS base, ty.max_length, ty.[precision], ty.scale, ty.is_nullable
FROM sys.types ty WHERE ty.is_user_defined = 1 AND ty.is_table_type = 0 ORDER BY ty.name`);
  expect(rows).toEqual([
    { schema_name: 'dbo', name: 'Amount', base: 'decimal', max_length: 9, precision: 19, scale: 4, is_nullable: true },
    { schema_name: 'dbo', name: 'Email', base: 'nvarchar', max_length: 640, precision: 0, scale: 0, is_nullable: false },
    { schema_name: 'dbo', name: 'Note', base: 'varchar', max_length: -1, precision: 0, scale: 0, is_nullable: true },
  ]);
});

test('a column of the type stores the base type and names the alias; the type gives its nullability unless the column says', async () => {
  await h.ok(`CREATE TYPE [dbo].[Email] FROM nvarchar(320) NOT NULL;
CREATE TABLE [dbo].[people] ([id] int NOT NULL, [email] [dbo].[Email], [backup] [dbo].[Email] NULL, [plain] Email NOT NULL);
INSERT INTO [dbo].[people] ([id], [email], [plain]) VALUES (1, N'a@b.c', N'x');`);
  const rows = await h.rows(`SELECT c.name, TYPE_NAME(c.user_type_id) AS type_name, TYPE_NAME(c.system_type_id) AS base, c.max_length, c.is_nullable,
  CASE WHEN c.user_type_id <> c.system_type_id THEN SCHEMA_NAME(ty.schema_id) ELSE NULL END AS type_schema
FROM sys.columns c LEFT JOIN sys.types ty ON ty.user_type_id = c.user_type_id WHERE c.object_id = OBJECT_ID('dbo.people') ORDER BY c.column_id`);
  expect(rows).toEqual([
    { name: 'id', type_name: 'int', base: 'int', max_length: 4, is_nullable: false, type_schema: null },
    { name: 'email', type_name: 'Email', base: 'nvarchar', max_length: 640, is_nullable: false, type_schema: 'dbo' },
    { name: 'backup', type_name: 'Email', base: 'nvarchar', max_length: 640, is_nullable: true, type_schema: 'dbo' },
    { name: 'plain', type_name: 'Email', base: 'nvarchar', max_length: 640, is_nullable: false, type_schema: 'dbo' },
  ]);
  expect(await h.rows(`SELECT [email] FROM [dbo].[people]`)).toEqual([{ email: 'a@b.c' }]);
});

test('DROP TYPE refuses while a column uses it (Msg 3732), and works once none does', async () => {
  await h.ok(`CREATE TYPE [dbo].[Email] FROM nvarchar(320) NOT NULL;
CREATE TABLE [dbo].[people] ([id] int NOT NULL, [email] [dbo].[Email] NOT NULL);`);
  const errors = await h.errors(`DROP TYPE [dbo].[Email];`);
  expect(errors.map((e) => [e.number, e.message])).toEqual([[3732, "Cannot drop type 'dbo.Email' because it is being referenced by object 'people'. There may be other objects that reference this type."]]);
  await h.ok(`ALTER TABLE [dbo].[people] ALTER COLUMN [email] nvarchar(320) NOT NULL;
DROP TYPE [dbo].[Email];`);
  expect(await h.rows(`SELECT name FROM sys.types WHERE is_user_defined = 1`)).toEqual([]);
  expect((await h.errors(`DROP TYPE [dbo].[Email];`)).map((e) => e.number)).toEqual([218]);
  await h.ok(`DROP TYPE IF EXISTS [dbo].[Email];`);
});

test('ALTER COLUMN to the alias records it (user_type_id) without changing the stored type', async () => {
  await h.ok(`CREATE TYPE [dbo].[Email] FROM nvarchar(320) NOT NULL;
CREATE TABLE [dbo].[people] ([id] int NOT NULL, [email] nvarchar(320) NOT NULL);
ALTER TABLE [dbo].[people] ALTER COLUMN [email] [dbo].[Email] NOT NULL;`);
  expect(await h.rows(`SELECT TYPE_NAME(user_type_id) AS t FROM sys.columns WHERE object_id = OBJECT_ID('dbo.people') AND name = 'email'`)).toEqual([{ t: 'Email' }]);
});

test('a rollback undoes CREATE TYPE and DROP TYPE', async () => {
  await h.ok(`CREATE TYPE [dbo].[Keep] FROM int NULL;`);
  await h.ok(`BEGIN TRAN; CREATE TYPE [dbo].[Email] FROM nvarchar(320) NOT NULL; DROP TYPE [dbo].[Keep]; ROLLBACK;`);
  expect(await h.rows(`SELECT name FROM sys.types WHERE is_user_defined = 1`)).toEqual([{ name: 'Keep' }]);
});

test('an alias of an alias or of xml is refused (2715, inferred); the same name twice is Msg 219', async () => {
  await h.ok(`CREATE TYPE [dbo].[Email] FROM nvarchar(320) NOT NULL;`);
  // base_type is one name (sysname), so a schema-qualified base is a syntax error.
  expect((await h.errors(`CREATE TYPE [dbo].[Email2] FROM [dbo].[Email];`)).map((e) => e.number)).toEqual([102]);
  expect((await h.errors(`CREATE TYPE [dbo].[Email2] FROM Email;`)).map((e) => e.number)).toEqual([2715]);
  expect((await h.errors(`CREATE TYPE [dbo].[Doc] FROM xml;`)).map((e) => e.number)).toEqual([2715]);
  expect((await h.errors(`CREATE TYPE [dbo].[Email] FROM int;`)).map((e) => e.number)).toEqual([219]);
});

test('sp_addtype, the older spelling, adds the same sys.types row: a bare or quoted name, the base as text, NULL / NOT NULL / NONULL or the session default (bit NOT NULL)', async () => {
  await h.ok(`EXEC sp_addtype 'empid', 'char(9)', 'NOT NULL';
EXEC sp_addtype tid, 'varchar(6)', 'NONULL';
EXEC sp_addtype @typename = 'price', @phystype = 'decimal(9,2)', @nulltype = 'NULL';
EXEC sp_addtype 'note', 'varchar(200)';
EXEC sp_addtype 'flag', 'bit';
CREATE TABLE dbo.emp (id empid, t tid, p price, n note, f flag);`);
  const rows = await h.rows(`SELECT ty.name, TYPE_NAME(ty.system_type_id) AS base, ty.max_length, ty.[precision], ty.scale, ty.is_nullable
FROM sys.types ty WHERE ty.is_user_defined = 1 ORDER BY ty.name`);
  expect(rows).toEqual([
    { name: 'empid', base: 'char', max_length: 9, precision: 0, scale: 0, is_nullable: false },
    { name: 'flag', base: 'bit', max_length: 1, precision: 1, scale: 0, is_nullable: false },
    { name: 'note', base: 'varchar', max_length: 200, precision: 0, scale: 0, is_nullable: true },
    { name: 'price', base: 'decimal', max_length: 5, precision: 9, scale: 2, is_nullable: true },
    { name: 'tid', base: 'varchar', max_length: 6, precision: 0, scale: 0, is_nullable: false },
  ]);
  expect(await h.rows(`SELECT name, TYPE_NAME(user_type_id) AS t, is_nullable FROM sys.columns WHERE object_id = OBJECT_ID('dbo.emp') ORDER BY column_id`)).toEqual([
    { name: 'id', t: 'empid', is_nullable: false }, { name: 't', t: 'tid', is_nullable: false }, { name: 'p', t: 'price', is_nullable: true },
    { name: 'n', t: 'note', is_nullable: true }, { name: 'f', t: 'flag', is_nullable: false },
  ]);
  expect((await h.errors(`EXEC sp_addtype 'empid', 'char(9)', 'NOT NULL';`)).map((e) => e.number)).toEqual([219]);
  expect((await h.errors(`EXEC sp_addtype 'odd', 'varchar(10)', 'MAYBE';`)).map((e) => e.number)).toEqual([15040]);
});

test('a money constant: a $ before a number is a money value, the symbol not kept', async () => {
  await h.ok(`CREATE TABLE dbo.prices (id int NOT NULL, amount money NULL);
INSERT INTO dbo.prices VALUES (1, $19.99), (2, -$5), (3, $.5 + 1);`);
  expect(await h.rows(`SELECT id, amount FROM dbo.prices ORDER BY id`)).toEqual([{ id: 1, amount: 19.99 }, { id: 2, amount: -5 }, { id: 3, amount: 1.5 }]);
  await h.ok(`SELECT $12 AS m INTO dbo.typed;`);
  expect(await h.rows(`SELECT TYPE_NAME(system_type_id) AS t FROM sys.columns WHERE object_id = OBJECT_ID('dbo.typed')`)).toEqual([{ t: 'money' }]);
});
