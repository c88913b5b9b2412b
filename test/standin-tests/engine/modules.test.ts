/**
 * Views, procedures, functions and triggers on the stand-in: stored definitions, sys.objects,
 * sys.sql_expression_dependencies, indexed views, the batch rule (Msg 111), EXEC of a module's
 * CREATE inside a transaction, and the refusals schema-bound objects impose (5074/4922, 3729, 15336).
 */
import { open, type Harness } from './harness';

const TABLES = `
CREATE TABLE dbo.users (id INT NOT NULL PRIMARY KEY, email VARCHAR(255) NOT NULL, name NVARCHAR(100) NULL, is_deleted BIT NOT NULL);
CREATE TABLE dbo.orders (id INT NOT NULL PRIMARY KEY, user_id INT NOT NULL, total DECIMAL(10, 2) NOT NULL);`;
const VIEW = `-- active users
CREATE VIEW dbo.v_active_users WITH SCHEMABINDING AS
SELECT u.id, u.email FROM dbo.users AS u WHERE u.is_deleted = 0`;

let h: Harness;
beforeEach(async () => {
  h = open();
  await h.ok(TABLES);
  await h.ok(VIEW);
});

const deps = () => h.rows(`SELECT OBJECT_NAME(d.referencing_id) AS referencing, d.referenced_schema_name AS s, d.referenced_entity_name AS o,
  COL_NAME(d.referenced_id, d.referenced_minor_id) AS col, d.referenced_minor_id AS minor, d.is_schema_bound_reference AS bound
FROM sys.sql_expression_dependencies d ORDER BY referencing, o, minor`);

test('CREATE VIEW keeps the batch text as its definition and appears in sys.objects and sys.views', async () => {
  expect(await h.rows(`SELECT m.definition, m.is_schema_bound, m.uses_quoted_identifier, RTRIM(o.type) AS type, o.type_desc
    FROM sys.sql_modules m JOIN sys.objects o ON o.object_id = m.object_id`)).toEqual([
    { definition: VIEW, is_schema_bound: true, uses_quoted_identifier: true, type: 'V', type_desc: 'VIEW' },
  ]);
  expect(await h.rows(`SELECT name FROM sys.views`)).toEqual([{ name: 'v_active_users' }]);
  expect(await h.rows(`SELECT c.name FROM sys.columns c JOIN sys.views v ON v.object_id = c.object_id ORDER BY c.column_id`)).toEqual([{ name: 'id' }, { name: 'email' }]);
});

test('a schema-bound view records its columns; other modules record the table only', async () => {
  await h.ok(`CREATE PROCEDURE dbo.p_emails @id INT AS BEGIN SET NOCOUNT ON; SELECT email FROM dbo.users WHERE id = @id; END`);
  await h.ok(`CREATE TRIGGER dbo.tr_orders ON dbo.orders AFTER INSERT AS UPDATE dbo.users SET name = name WHERE id IN (SELECT user_id FROM inserted)`);
  expect(await deps()).toEqual([
    { referencing: 'p_emails', s: 'dbo', o: 'users', col: null, minor: 0, bound: false },
    { referencing: 'tr_orders', s: 'dbo', o: 'users', col: null, minor: 0, bound: false },
    { referencing: 'v_active_users', s: 'dbo', o: 'users', col: 'id', minor: 1, bound: true },
    { referencing: 'v_active_users', s: 'dbo', o: 'users', col: 'email', minor: 2, bound: true },
    { referencing: 'v_active_users', s: 'dbo', o: 'users', col: 'is_deleted', minor: 4, bound: true },
  ]);
  expect(await h.rows(`SELECT name, RTRIM(type) AS type, OBJECT_NAME(parent_object_id) AS parent FROM sys.objects WHERE type IN ('P', 'TR') ORDER BY name`)).toEqual([
    { name: 'p_emails', type: 'P', parent: null },
    { name: 'tr_orders', type: 'TR', parent: 'orders' },
  ]);
});

test('functions: scalar, inline and multi-statement table-valued, with their types', async () => {
  await h.ok(`CREATE FUNCTION dbo.f_email (@id INT) RETURNS VARCHAR(255) WITH SCHEMABINDING AS BEGIN RETURN (SELECT email FROM dbo.users WHERE id = @id) END`);
  await h.ok(`CREATE FUNCTION dbo.f_orders (@u INT) RETURNS TABLE WITH SCHEMABINDING AS RETURN (SELECT o.id, o.total FROM dbo.orders AS o WHERE o.user_id = @u)`);
  await h.ok(`CREATE FUNCTION dbo.f_ids () RETURNS @r TABLE (id INT) AS BEGIN INSERT @r SELECT id FROM dbo.users; RETURN; END`);
  expect(await h.rows(`SELECT name, RTRIM(type) AS type FROM sys.objects WHERE type IN ('FN', 'IF', 'TF') ORDER BY name`)).toEqual([
    { name: 'f_email', type: 'FN' }, { name: 'f_ids', type: 'TF' }, { name: 'f_orders', type: 'IF' },
  ]);
  expect(await h.errors(`ALTER TABLE dbo.orders ALTER COLUMN total DECIMAL(12, 2) NOT NULL`)).toEqual([
    expect.objectContaining({ number: 5074, message: "The object 'f_orders' is dependent on column 'total'." }),
    expect.objectContaining({ number: 4922, message: 'ALTER TABLE ALTER COLUMN total failed because one or more objects access this column.' }),
  ]);
});

test('a schema-bound view blocks ALTER and DROP of its columns, DROP TABLE and sp_rename; others do not', async () => {
  expect((await h.errors(`ALTER TABLE dbo.users ALTER COLUMN email VARCHAR(320) NOT NULL`)).map((e) => e.number)).toEqual([5074, 4922]);
  expect((await h.errors(`ALTER TABLE dbo.users DROP COLUMN email`)).map((e) => e.number)).toEqual([5074, 4922]);
  expect(await h.errors(`DROP TABLE dbo.users`)).toEqual([expect.objectContaining({ number: 3729, message: "Cannot DROP TABLE 'dbo.users' because it is being referenced by object 'v_active_users'." })]);
  expect((await h.errors(`EXEC sp_rename N'dbo.users.email', N'mail', N'COLUMN'`)).map((e) => e.number)).toEqual([15336]);
  // A column the view does not bind is free.
  await h.ok(`ALTER TABLE dbo.users ALTER COLUMN name NVARCHAR(200) NULL`);
  await h.ok(`DROP VIEW dbo.v_active_users`);
  await h.ok(`ALTER TABLE dbo.users ALTER COLUMN email VARCHAR(320) NOT NULL`);
});

test('a view over a schema-bound view: the lower one cannot be dropped first (3729)', async () => {
  await h.ok(`CREATE VIEW dbo.v_emails WITH SCHEMABINDING AS SELECT a.email FROM dbo.v_active_users AS a`);
  expect(await h.errors(`DROP VIEW dbo.v_active_users`)).toEqual([expect.objectContaining({ number: 3729, message: "Cannot DROP VIEW 'dbo.v_active_users' because it is being referenced by object 'v_emails'." })]);
  await h.ok(`DROP VIEW dbo.v_emails; DROP VIEW dbo.v_active_users;`);
});

test('CREATE VIEW not first in its batch is Msg 111; through EXEC it runs in the open transaction', async () => {
  expect(await h.errors(`SELECT 1;\nCREATE VIEW dbo.v2 AS SELECT id FROM dbo.users`)).toEqual([
    expect.objectContaining({ number: 111, message: "'CREATE VIEW' must be the first statement in a query batch." }),
  ]);
  await h.ok(`BEGIN TRANSACTION; DROP VIEW dbo.v_active_users; EXEC(N'CREATE VIEW dbo.v2 AS SELECT id FROM dbo.users'); ROLLBACK TRANSACTION;`);
  expect(await h.rows(`SELECT name FROM sys.views`)).toEqual([{ name: 'v_active_users' }]);
  await h.ok(`BEGIN TRANSACTION; EXEC(N'CREATE VIEW dbo.v2 AS SELECT id FROM dbo.users'); COMMIT TRANSACTION;`);
  expect(await h.rows(`SELECT m.definition FROM sys.sql_modules m WHERE m.object_id = OBJECT_ID('dbo.v2')`)).toEqual([{ definition: 'CREATE VIEW dbo.v2 AS SELECT id FROM dbo.users' }]);
});

test('indexed views: unique clustered first, dropped with the view', async () => {
  await h.ok(`CREATE VIEW dbo.v_plain AS SELECT id FROM dbo.users`);
  expect((await h.errors(`CREATE UNIQUE CLUSTERED INDEX ix_plain ON dbo.v_plain (id)`)).map((e) => e.number)).toEqual([1939]);
  expect((await h.errors(`CREATE INDEX ix_email ON dbo.v_active_users (email)`)).map((e) => e.number)).toEqual([1940]);
  await h.ok(`CREATE UNIQUE CLUSTERED INDEX ix_active_id ON dbo.v_active_users (id)`);
  await h.ok(`CREATE NONCLUSTERED INDEX ix_active_email ON dbo.v_active_users (email)`);
  expect(await h.rows(`SELECT i.name, i.type_desc, c.name AS col FROM sys.indexes i JOIN sys.views v ON v.object_id = i.object_id
    JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
    JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id ORDER BY i.index_id`)).toEqual([
    { name: 'ix_active_id', type_desc: 'CLUSTERED', col: 'id' },
    { name: 'ix_active_email', type_desc: 'NONCLUSTERED', col: 'email' },
  ]);
  await h.ok(`DROP VIEW dbo.v_active_users`);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM sys.indexes WHERE name LIKE 'ix_active%'`)).toEqual([{ n: 0 }]);
});

test('DROP TABLE drops its triggers; DROP of each module kind', async () => {
  await h.ok(`CREATE TRIGGER dbo.tr_orders ON dbo.orders AFTER DELETE AS SET NOCOUNT ON`);
  await h.ok(`DROP TABLE dbo.orders`);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM sys.triggers`)).toEqual([{ n: 0 }]);
  await h.ok(`CREATE PROC dbo.p AS SELECT 1`);
  await h.ok(`CREATE FUNCTION dbo.f () RETURNS INT AS BEGIN RETURN 1 END`);
  await h.ok(`DROP PROCEDURE dbo.p; DROP FUNCTION dbo.f; DROP VIEW IF EXISTS dbo.nothing;`);
  expect((await h.errors(`DROP PROCEDURE dbo.p`)).map((e) => e.number)).toEqual([3701]);
});

test('CREATE OR ALTER replaces a module in place; a SET inside EXEC ends with it', async () => {
  await h.ok(`CREATE PROCEDURE dbo.p AS SELECT 1`);
  await h.ok(`CREATE OR ALTER PROCEDURE dbo.p AS SELECT 2`);
  expect(await h.rows(`SELECT m.definition FROM sys.sql_modules m JOIN sys.procedures p ON p.object_id = m.object_id`)).toEqual([{ definition: 'CREATE OR ALTER PROCEDURE dbo.p AS SELECT 2' }]);
  await h.ok(`EXEC(N'SET QUOTED_IDENTIFIER OFF; EXEC(N''CREATE PROCEDURE dbo.q AS SELECT "text"'')')`);
  expect(await h.rows(`SELECT m.uses_quoted_identifier AS qi, SESSIONPROPERTY('QUOTED_IDENTIFIER') AS now FROM sys.sql_modules m WHERE m.object_id = OBJECT_ID('dbo.q')`)).toEqual([{ qi: false, now: 1 }]);
});
