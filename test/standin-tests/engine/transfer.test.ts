/**
 * ALTER SCHEMA s TRANSFER [OBJECT::]x.y: the table moves with its rows, constraints (names kept),
 * triggers and the foreign keys that point at it; sys views report it in its new schema; SQL
 * Server's errors for an unknown schema or object, a name clash and a schema-bound dependent; a
 * rollback puts it back.
 */
import { open, type Harness } from './harness';

const DDL = `
CREATE TABLE [sales].[orders] ([id] INT NOT NULL CONSTRAINT [pk_orders] PRIMARY KEY, [status] VARCHAR(10) NOT NULL CONSTRAINT [df_orders_status] DEFAULT 'new',
  CONSTRAINT [ck_orders_status] CHECK ([status] <> ''));
CREATE TABLE [dbo].[lines] ([id] INT NOT NULL CONSTRAINT [pk_lines] PRIMARY KEY, [order_id] INT NOT NULL CONSTRAINT [fk_lines_order] REFERENCES [sales].[orders] ([id]));
INSERT INTO [sales].[orders] ([id]) VALUES (1), (2);
INSERT INTO [dbo].[lines] ([id], [order_id]) VALUES (10, 1);`;

let h: Harness;
beforeEach(async () => {
  h = open();
  await h.ok(`EXEC(N'CREATE SCHEMA [sales]'); EXEC(N'CREATE SCHEMA [archive]');`);
  await h.ok(DDL);
});

const where = (name: string) => h.rows(`SELECT SCHEMA_NAME(schema_id) AS s, type FROM sys.objects WHERE name = '${name}'`);

test('moves the table, its rows and its constraints; the FK into it follows; sys views show the new schema', async () => {
  await h.ok('ALTER SCHEMA [archive] TRANSFER OBJECT::[sales].[orders];');
  expect(await h.rows(`SELECT SCHEMA_NAME(schema_id) AS s FROM sys.tables WHERE name = 'orders'`)).toEqual([{ s: 'archive' }]);
  for (const n of ['pk_orders', 'df_orders_status', 'ck_orders_status']) expect((await where(n))[0]).toMatchObject({ s: 'archive' });
  expect(await h.rows('SELECT COUNT(*) AS n FROM [archive].[orders]')).toEqual([{ n: 2 }]);
  expect(await h.rows(`SELECT OBJECT_SCHEMA_NAME(referenced_object_id) AS s, OBJECT_NAME(referenced_object_id) AS t FROM sys.foreign_keys WHERE name = 'fk_lines_order'`))
    .toEqual([{ s: 'archive', t: 'orders' }]);
  expect((await h.errors('SELECT * FROM [sales].[orders]'))[0]).toMatchObject({ number: 208 });
  // The one-part form and back again.
  await h.ok('ALTER SCHEMA [sales] TRANSFER [archive].[orders];');
  expect(await h.rows(`SELECT SCHEMA_NAME(schema_id) AS s FROM sys.tables WHERE name = 'orders'`)).toEqual([{ s: 'sales' }]);
});

test('an unknown schema or object is 15151; sys is never a target', async () => {
  expect((await h.errors('ALTER SCHEMA [nowhere] TRANSFER [sales].[orders];'))[0]).toMatchObject({
    number: 15151, message: "Cannot find the schema 'nowhere', because it does not exist or you do not have permission.",
  });
  expect((await h.errors('ALTER SCHEMA [sys] TRANSFER [sales].[orders];'))[0]).toMatchObject({ number: 15151 });
  expect((await h.errors('ALTER SCHEMA [archive] TRANSFER [sales].[missing];'))[0]).toMatchObject({
    number: 15151, message: "Cannot find the object 'sales.missing', because it does not exist or you do not have permission.",
  });
  // A constraint is not transferred on its own.
  expect((await h.errors('ALTER SCHEMA [archive] TRANSFER [sales].[pk_orders];'))[0]).toMatchObject({ number: 15151 });
});

test('a name the target schema holds (the table or one of its constraints) is 2714, and nothing moves', async () => {
  await h.ok(`CREATE TABLE [archive].[invoices] ([id] INT NOT NULL CONSTRAINT [ck_orders_status] CHECK ([id] > 0));`);
  expect((await h.errors('ALTER SCHEMA [archive] TRANSFER OBJECT::[sales].[orders];'))[0]).toMatchObject({
    number: 2714, message: "There is already an object named 'ck_orders_status' in the database.",
  });
  expect(await h.rows(`SELECT SCHEMA_NAME(schema_id) AS s FROM sys.tables WHERE name = 'orders'`)).toEqual([{ s: 'sales' }]);
  await h.ok(`CREATE TABLE [archive].[orders] ([id] INT NOT NULL);`);
  expect((await h.errors('ALTER SCHEMA [archive] TRANSFER OBJECT::[sales].[orders];'))[0]).toMatchObject({ number: 2714 });
});

test('a synonym moves too, and one of the name in the target schema is a clash', async () => {
  await h.ok('CREATE SYNONYM [sales].[o] FOR [sales].[orders]');
  await h.ok('ALTER SCHEMA [archive] TRANSFER [sales].[o];');
  expect((await where('o'))[0]).toMatchObject({ s: 'archive', type: 'SN' });
  await h.ok('CREATE SYNONYM [archive].[pk_orders] FOR [sales].[orders]');
  expect((await h.errors('ALTER SCHEMA [archive] TRANSFER OBJECT::[sales].[orders];'))[0]).toMatchObject({ number: 2714, message: "There is already an object named 'pk_orders' in the database." });
});

test('a schema-bound view over the table is 3729; a plain view stays and keeps naming the old schema', async () => {
  await h.ok('CREATE VIEW [sales].[v_orders] WITH SCHEMABINDING AS SELECT [id] FROM [sales].[orders]');
  expect((await h.errors('ALTER SCHEMA [archive] TRANSFER OBJECT::[sales].[orders];'))[0]).toMatchObject({
    number: 3729, message: "Cannot ALTER SCHEMA TRANSFER 'sales.orders' because it is being referenced by object 'v_orders'.",
  });
  await h.ok('DROP VIEW [sales].[v_orders]');
  await h.ok('CREATE VIEW [dbo].[v_open] AS SELECT [id] FROM [sales].[orders]');
  await h.ok('ALTER SCHEMA [archive] TRANSFER OBJECT::[sales].[orders];');
  expect(await h.rows(`SELECT definition FROM sys.sql_modules WHERE object_id = OBJECT_ID('dbo.v_open')`)).toEqual([{ definition: 'CREATE VIEW [dbo].[v_open] AS SELECT [id] FROM [sales].[orders]' }]);
});

test('a trigger moves with its table; a rollback puts the table back where it was', async () => {
  await h.ok('CREATE TRIGGER [sales].[tr_orders] ON [sales].[orders] AFTER INSERT AS SELECT 1');
  await h.ok('BEGIN TRAN; ALTER SCHEMA [archive] TRANSFER OBJECT::[sales].[orders];');
  expect((await where('tr_orders'))[0]).toMatchObject({ s: 'archive' });
  await h.ok('ROLLBACK');
  expect(await h.rows(`SELECT SCHEMA_NAME(schema_id) AS s FROM sys.tables WHERE name = 'orders'`)).toEqual([{ s: 'sales' }]);
  expect((await where('tr_orders'))[0]).toMatchObject({ s: 'sales' });
  expect(await h.rows('SELECT COUNT(*) AS n FROM [sales].[orders]')).toEqual([{ n: 2 }]);
});
