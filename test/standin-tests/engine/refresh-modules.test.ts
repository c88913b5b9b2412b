/**
 * sp_refreshsqlmodule and sp_refreshview on the stand-in: a view that is not schema-bound keeps
 * the columns it had when created (a SELECT * does not grow with its table) until refreshed; a
 * refresh binds the text again, so it fails when a table or a named column is gone, and a
 * schema-bound module is refused. As on SQL Server:
 * https://learn.microsoft.com/sql/t-sql/statements/create-view-transact-sql ("If a view isn't
 * created with the SCHEMABINDING clause, run sp_refreshview when changes are made to the objects
 * underlying the view"), https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-refreshsqlmodule-transact-sql.
 */
import { open, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = open();
  await h.ok(`CREATE TABLE dbo.users (id INT NOT NULL PRIMARY KEY, email VARCHAR(255) NOT NULL, legacy INT NULL)`);
  await h.ok(`INSERT INTO dbo.users (id, email) VALUES (1, 'a@example.com')`);
  await h.ok(`CREATE VIEW dbo.v_all AS SELECT * FROM dbo.users`);
});

const columns = (view: string) => h.rows(`SELECT c.name, TYPE_NAME(c.user_type_id) AS type FROM sys.columns c WHERE c.object_id = OBJECT_ID('${view}') ORDER BY c.column_id`);

test('a SELECT * view reports its columns as created until refreshed; sp_refreshsqlmodule and sp_refreshview bring them up to date', async () => {
  await h.ok(`ALTER TABLE dbo.users ADD nickname NVARCHAR(50) NULL`);
  expect((await columns('dbo.v_all')).map((c) => c.name)).toEqual(['id', 'email', 'legacy']);
  await h.ok(`EXEC sp_refreshsqlmodule N'[dbo].[v_all]'`);
  expect((await columns('dbo.v_all')).map((c) => c.name)).toEqual(['id', 'email', 'legacy', 'nickname']);
  await h.ok(`ALTER TABLE dbo.users ALTER COLUMN email VARCHAR(320) NOT NULL`);
  await h.ok(`ALTER TABLE dbo.users DROP COLUMN legacy`);
  expect((await columns('dbo.v_all')).map((c) => c.name)).toEqual(['id', 'email', 'legacy', 'nickname']);
  await h.ok(`EXEC sp_refreshview @viewname = N'dbo.v_all'`);
  expect(await columns('dbo.v_all')).toEqual([
    { name: 'id', type: 'int' }, { name: 'email', type: 'varchar' }, { name: 'nickname', type: 'nvarchar' },
  ]);
});

test('a view on a view sees its base as last refreshed', async () => {
  await h.ok(`CREATE VIEW dbo.v_top AS SELECT * FROM dbo.v_all`);
  await h.ok(`ALTER TABLE dbo.users ADD nickname NVARCHAR(50) NULL`);
  await h.ok(`EXEC sp_refreshsqlmodule N'dbo.v_top'`);
  expect((await columns('dbo.v_top')).map((c) => c.name)).toEqual(['id', 'email', 'legacy']);
  await h.ok(`EXEC sp_refreshsqlmodule N'dbo.v_all'`);
  await h.ok(`EXEC sp_refreshsqlmodule N'dbo.v_top'`);
  expect((await columns('dbo.v_top')).map((c) => c.name)).toEqual(['id', 'email', 'legacy', 'nickname']);
});

test('a refresh fails where the text no longer binds: a dropped or renamed named column (207), a gone table (208)', async () => {
  await h.ok(`CREATE VIEW dbo.v_legacy AS SELECT id, legacy FROM dbo.users`);
  await h.ok(`CREATE PROCEDURE dbo.p_legacy AS SELECT legacy FROM dbo.users`);
  await h.ok(`EXEC sp_rename N'dbo.users.legacy', N'old_legacy', N'COLUMN'`);
  expect(await h.errors(`EXEC sp_refreshsqlmodule N'dbo.v_legacy'`)).toEqual([expect.objectContaining({ number: 207, message: "Invalid column name 'legacy'." })]);
  expect(await h.errors(`EXEC sp_refreshsqlmodule N'dbo.p_legacy'`)).toEqual([expect.objectContaining({ number: 207 })]);
  // A star is expanded again: the renamed column comes under its new name.
  await h.ok(`EXEC sp_refreshsqlmodule N'dbo.v_all'`);
  expect((await columns('dbo.v_all')).map((c) => c.name)).toEqual(['id', 'email', 'old_legacy']);
  await h.ok(`EXEC sp_rename N'dbo.users', N'people'`);
  expect(await h.errors(`EXEC sp_refreshview N'dbo.v_all'`)).toEqual([expect.objectContaining({ number: 208, message: "Invalid object name 'dbo.users'." })]);
});

test('a star over a join fails to refresh once both tables have a column of the same name (4506)', async () => {
  await h.ok(`CREATE TABLE dbo.orders (order_id INT NOT NULL, user_id INT NOT NULL)`);
  await h.ok(`CREATE VIEW dbo.v_joined AS SELECT * FROM dbo.users u JOIN dbo.orders o ON o.user_id = u.id`);
  await h.ok(`ALTER TABLE dbo.orders ADD email VARCHAR(255) NULL`);
  expect(await h.errors(`EXEC sp_refreshview N'dbo.v_joined'`)).toEqual([expect.objectContaining({
    number: 4506, message: "Column names in each view or function must be unique. Column name 'email' in view or function 'v_joined' is specified more than once.",
  })]);
  expect(await h.errors(`CREATE VIEW dbo.v_twice AS SELECT * FROM dbo.users u JOIN dbo.orders o ON o.user_id = u.id`)).toEqual([expect.objectContaining({ number: 4506 })]);
});

test('a column list renames the columns; a star under it fails to refresh once its table gains or loses a column (4501, 4502)', async () => {
  await h.ok(`CREATE VIEW dbo.v_listed (a, b, c) AS SELECT * FROM dbo.users`);
  expect((await columns('dbo.v_listed')).map((c) => c.name)).toEqual(['a', 'b', 'c']);
  await h.ok(`ALTER TABLE dbo.users ADD nickname INT NULL`);
  expect(await h.errors(`EXEC sp_refreshview N'dbo.v_listed'`)).toEqual([expect.objectContaining({ number: 4501 })]);
  await h.ok(`ALTER TABLE dbo.users DROP COLUMN nickname, legacy`);
  expect(await h.errors(`EXEC sp_refreshview N'dbo.v_listed'`)).toEqual([expect.objectContaining({ number: 4502, message: "View or function 'v_listed' has more column names specified than columns defined." })]);
  expect(await h.errors(`CREATE VIEW dbo.v_short (a) AS SELECT id, email FROM dbo.users`)).toEqual([expect.objectContaining({ number: 4501 })]);
});

test('inside a transaction under XACT_ABORT a failed refresh rolls back; a successful one is undone by ROLLBACK', async () => {
  await h.ok(`CREATE VIEW dbo.v_legacy AS SELECT id, legacy FROM dbo.users`);
  const failed = await h.errors(`SET XACT_ABORT ON; BEGIN TRANSACTION; ALTER TABLE dbo.users DROP COLUMN legacy; EXEC sp_refreshsqlmodule N'dbo.v_legacy'; COMMIT;`);
  expect(failed).toEqual([expect.objectContaining({ number: 207 })]);
  expect(await h.rows(`SELECT @@TRANCOUNT AS n, COL_LENGTH('dbo.users', 'legacy') AS len`)).toEqual([{ n: 0, len: 4 }]);
  await h.ok(`BEGIN TRANSACTION; ALTER TABLE dbo.users ADD nickname INT NULL; EXEC sp_refreshsqlmodule N'dbo.v_all'; ROLLBACK;`);
  expect((await columns('dbo.v_all')).map((c) => c.name)).toEqual(['id', 'email', 'legacy']);
});

test('refusals: an unknown name, a table for sp_refreshview, a schema-bound view', async () => {
  await h.ok(`CREATE VIEW dbo.v_bound WITH SCHEMABINDING AS SELECT id FROM dbo.users`);
  expect(await h.errors(`EXEC sp_refreshsqlmodule N'dbo.v_nothing'`)).toEqual([expect.objectContaining({ number: 15165 })]);
  expect(await h.errors(`EXEC sp_refreshview N'dbo.users'`)).toEqual([expect.objectContaining({ number: 15165 })]);
  expect(await h.errors(`EXEC sp_refreshsqlmodule N'dbo.v_bound'`)).toEqual([expect.objectContaining({ number: 15165 })]);
});
