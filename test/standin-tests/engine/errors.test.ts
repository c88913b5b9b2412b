/** Each SQL Server error the engine raises, with SQL Server's number, class and wording. */
import { open, SAAS_DDL } from './harness';
import type { Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = open();
  await h.ok(SAAS_DDL);
});

const first = async (sql: string) => (await h.errors(sql))[0];
const numbers = async (sql: string) => (await h.errors(sql)).map((e) => e.number);

test('18456 for a wrong password, 4060 for an unknown database', () => {
  const { createEngine } = jest.requireActual('../../standin/engine') as typeof import('../../standin/engine');
  const e = createEngine({ password: 'right' });
  const bad = e.login('sa', 'wrong', 'app');
  expect(bad).toMatchObject({ ok: false, error: { number: 18456, class: 14, state: 1, message: "Login failed for user 'sa'." } });
  expect(e.login('sa', 'right', 'nope')).toMatchObject({ ok: false, error: { number: 4060 } });
  expect(e.login('sa', 'right', 'app')).toMatchObject({ ok: true, database: 'app' });
});

test('102 syntax error from the grammar, with the line', async () => {
  const e = await first(`SELECT 1;\nSELECT * FROM WHERE x = 1`);
  expect(e).toMatchObject({ number: 102, class: 15, line: 2 });
  expect(e.message).toMatch(/^Incorrect syntax near '.+'\.$/);
  // Nothing in a batch with a syntax error runs.
  await h.run(`CREATE TABLE dbo.never (a INT);\nSELECT FROM`);
  expect(await h.rows(`SELECT OBJECT_ID('dbo.never') AS id`)).toEqual([{ id: null }]);
});

test('2714 object exists (table and constraint name)', async () => {
  const e = await first(`CREATE TABLE dbo.users (a INT)`);
  expect(e).toMatchObject({ number: 2714, class: 16, message: "There is already an object named 'users' in the database." });
  expect(await numbers(`ALTER TABLE dbo.tenants ADD CONSTRAINT pk_users UNIQUE (name)`)).toEqual([2714, 1750]);
});

test('1913 index exists, 1902 second clustered index, 1911 missing column', async () => {
  expect(await first(`CREATE INDEX ix_users_tenant_email ON dbo.users (email)`)).toMatchObject({ number: 1913, message: "The operation failed because an index or statistics with name 'ix_users_tenant_email' already exists on table 'dbo.users'." });
  expect((await first(`CREATE CLUSTERED INDEX ix_c2 ON dbo.users (email)`)).number).toBe(1902);
  expect(await first(`CREATE INDEX ix_nope ON dbo.users (nope)`)).toMatchObject({ number: 1911, message: "Column name 'nope' does not exist in the target table or view." });
});

test('5074 + 4922 when a dropped or altered column has a default, index, FK or check', async () => {
  const drop = await h.errors(`ALTER TABLE dbo.users DROP COLUMN status`);
  expect(drop.map((e) => e.number)).toEqual([5074, 4922]);
  expect(drop[0].message).toBe("The object 'df_users_status' is dependent on column 'status'.");
  expect(drop[1].message).toBe('ALTER TABLE DROP COLUMN status failed because one or more objects access this column.');
  const idx = await h.errors(`ALTER TABLE dbo.users DROP COLUMN email`);
  expect(idx[0].message).toBe("The index 'ix_users_tenant_email' is dependent on column 'email'.");
  expect(await numbers(`ALTER TABLE dbo.users DROP COLUMN tenant_id`)).toEqual([5074, 4922]);
  const alter = await h.errors(`ALTER TABLE dbo.users ALTER COLUMN email NVARCHAR(300) NOT NULL`);
  expect(alter.map((e) => e.number)).toEqual([5074, 4922]);
  expect(alter[1].message).toBe('ALTER TABLE ALTER COLUMN email failed because one or more objects access this column.');
  // Widening a varchar that an index uses is allowed.
  await h.ok(`ALTER TABLE dbo.users ALTER COLUMN email VARCHAR(320) NOT NULL`);
  expect(await h.rows(`SELECT max_length FROM sys.columns WHERE object_id = OBJECT_ID('dbo.users') AND name = 'email'`)).toEqual([{ max_length: 320 }]);
});

test('a column with a default changes its length, precision or scale in place, but not its type', async () => {
  await h.ok(`CREATE TABLE dbo.prices (id INT NOT NULL, amount DECIMAL(19,4) NOT NULL CONSTRAINT df_prices_amount DEFAULT (0), code VARCHAR(10) NOT NULL CONSTRAINT df_prices_code DEFAULT ('x'))`);
  await h.ok(`INSERT INTO dbo.prices (id, amount) VALUES (1, 10.5)`);
  await h.ok(`ALTER TABLE dbo.prices ALTER COLUMN amount DECIMAL(12,2) NOT NULL`);
  await h.ok(`ALTER TABLE dbo.prices ALTER COLUMN code VARCHAR(5) NOT NULL`);
  expect(await h.rows(`SELECT name, precision, scale, max_length FROM sys.columns WHERE object_id = OBJECT_ID('dbo.prices') AND name <> 'id' ORDER BY column_id`))
    .toEqual([{ name: 'amount', precision: 12, scale: 2, max_length: 9 }, { name: 'code', precision: 0, scale: 0, max_length: 5 }]);
  const changed = await h.errors(`ALTER TABLE dbo.prices ALTER COLUMN amount FLOAT NOT NULL`);
  expect(changed.map((e) => e.number)).toEqual([5074, 4922]);
  expect(changed[0].message).toBe("The object 'df_prices_amount' is dependent on column 'amount'.");
  expect(await numbers(`ALTER TABLE dbo.prices ALTER COLUMN code NVARCHAR(5) NOT NULL`)).toEqual([5074, 4922]);
});

test('3726 dropping a table referenced by a FK; 3701 dropping what does not exist', async () => {
  expect(await first(`DROP TABLE dbo.tenants`)).toMatchObject({ number: 3726, message: "Could not drop object 'dbo.tenants' because it is referenced by a FOREIGN KEY constraint." });
  expect(await first(`DROP TABLE dbo.ghost`)).toMatchObject({ number: 3701, message: "Cannot drop the table 'dbo.ghost', because it does not exist or you do not have permission." });
  expect(await first(`DROP INDEX ix_ghost ON dbo.users`)).toMatchObject({ number: 3701 });
  expect(await h.errors(`DROP TABLE IF EXISTS dbo.ghost`)).toEqual([]);
});

test('1934 filtered index with QUOTED_IDENTIFIER OFF, on CREATE INDEX and on DML', async () => {
  const e = await first(`SET QUOTED_IDENTIFIER OFF; CREATE INDEX ix_f ON dbo.tenants (name) WHERE is_deleted = 0`);
  expect(e.number).toBe(1934);
  expect(e.message).toMatch(/^CREATE INDEX failed because the following SET options have incorrect settings: 'QUOTED_IDENTIFIER'\./);
  const d = await first(`INSERT INTO dbo.tenants (name) VALUES ('acme')`);
  expect(d.number).toBe(1934);
  expect(d.message).toMatch(/^INSERT failed/);
  await h.ok(`SET QUOTED_IDENTIFIER ON`);
  await h.ok(`INSERT INTO dbo.tenants (name) VALUES ('acme')`);
});

test('1934 lists every SET option a filtered index needs that is wrong: ANSI_NULLS, NUMERIC_ROUNDABORT, ARITHABORT without ANSI_WARNINGS', async () => {
  const e = await first(`SET ANSI_NULLS OFF; SET NUMERIC_ROUNDABORT ON; CREATE INDEX ix_f2 ON dbo.tenants (name) WHERE is_deleted = 0`);
  expect(e.message).toMatch(/following SET options have incorrect settings: 'ANSI_NULLS, NUMERIC_ROUNDABORT'\./);
  await h.ok(`SET ANSI_NULLS ON; SET NUMERIC_ROUNDABORT OFF; SET ARITHABORT OFF`);
  // ARITHABORT OFF is harmless while ANSI_WARNINGS is ON (compatibility level 90 and later).
  await h.ok(`CREATE INDEX ix_f2 ON dbo.tenants (name) WHERE is_deleted = 0`);
  const w = await first(`SET ANSI_WARNINGS OFF; INSERT INTO dbo.tenants (name) VALUES ('acme')`);
  expect(w.message).toMatch(/^INSERT failed because the following SET options have incorrect settings: 'ANSI_WARNINGS, ARITHABORT'\./);
  await h.ok(`SET ANSI_WARNINGS ON; SET ARITHABORT ON`);
});

test('207 invalid column and 208 invalid object abort the batch', async () => {
  const out = await h.run(`SELECT nope FROM dbo.users; SELECT 1 AS after`);
  expect(out.filter((o) => o.kind === 'error')).toMatchObject([{ number: 207, message: "Invalid column name 'nope'." }]);
  expect(out.some((o) => o.kind === 'resultSet')).toBe(false);
  expect(await first(`SELECT * FROM dbo.ghost`)).toMatchObject({ number: 208, message: "Invalid object name 'dbo.ghost'." });
});

test('1505 duplicate keys building a unique index', async () => {
  await h.ok(`CREATE TABLE dbo.d (a INT NULL); INSERT INTO dbo.d VALUES (1), (1)`);
  const e = await first(`CREATE UNIQUE INDEX ux_d ON dbo.d (a)`);
  expect(e).toMatchObject({ number: 1505, message: "The CREATE UNIQUE INDEX statement terminated because a duplicate key was found for the object name 'dbo.d' and the index name 'ux_d'. The duplicate key value is (1)." });
});

test('515 NULL into NOT NULL, on INSERT and on ALTER COLUMN over NULL rows', async () => {
  await h.ok(`CREATE TABLE dbo.n (a INT NULL, b INT NOT NULL)`);
  expect(await first(`INSERT INTO dbo.n (a) VALUES (1)`)).toMatchObject({ number: 515, message: "Cannot insert the value NULL into column 'b', table 'app.dbo.n'; column does not allow nulls. INSERT fails." });
  await h.ok(`INSERT INTO dbo.n (a, b) VALUES (NULL, 1)`);
  expect(await first(`ALTER TABLE dbo.n ALTER COLUMN a INT NOT NULL`)).toMatchObject({ number: 515, message: "Cannot insert the value NULL into column 'a', table 'app.dbo.n'; column does not allow nulls. UPDATE fails." });
  await h.ok(`UPDATE dbo.n SET a = 0 WHERE a IS NULL; ALTER TABLE dbo.n ALTER COLUMN a INT NOT NULL`);
  expect(await h.rows(`SELECT is_nullable FROM sys.columns WHERE object_id = OBJECT_ID('dbo.n') AND name = 'a'`)).toEqual([{ is_nullable: false }]);
});

test('2627 duplicate PK / UNIQUE constraint, 2601 duplicate in a unique index', async () => {
  await h.ok(`CREATE TABLE dbo.k (id INT NOT NULL CONSTRAINT pk_k PRIMARY KEY, code VARCHAR(5) NULL CONSTRAINT uq_k_code UNIQUE, x INT NULL); CREATE UNIQUE INDEX ux_k_x ON dbo.k (x) WHERE x IS NOT NULL`);
  await h.ok(`INSERT INTO dbo.k (id, code, x) VALUES (1, 'a', 1)`);
  expect(await first(`INSERT INTO dbo.k (id, code) VALUES (1, 'b')`)).toMatchObject({ number: 2627, class: 14, message: "Violation of PRIMARY KEY constraint 'pk_k'. Cannot insert duplicate key in object 'dbo.k'. The duplicate key value is (1)." });
  expect(await first(`INSERT INTO dbo.k (id, code) VALUES (2, 'A')`)).toMatchObject({ number: 2627, message: expect.stringContaining("UNIQUE KEY constraint 'uq_k_code'") });
  expect(await first(`INSERT INTO dbo.k (id, x) VALUES (3, 1)`)).toMatchObject({ number: 2601, message: "Cannot insert duplicate key row in object 'dbo.k' with unique index 'ux_k_x'. The duplicate key value is (1)." });
  // The filter lets many NULLs through; a UNIQUE constraint allows one NULL only.
  await h.ok(`INSERT INTO dbo.k (id, code) VALUES (4, 'c'); INSERT INTO dbo.k (id, code) VALUES (5, 'd')`);
  await h.ok(`INSERT INTO dbo.k (id) VALUES (6)`);
  expect(await first(`INSERT INTO dbo.k (id) VALUES (7)`)).toMatchObject({ number: 2627, message: expect.stringContaining('The duplicate key value is (<NULL>).') });
});

test('547 check and FK violations', async () => {
  const ck = await first(`INSERT INTO dbo.users (tenant_id, email, display_name, status) SELECT id, 'a@b', N'A', 'bogus' FROM dbo.tenants`);
  expect(ck).toMatchObject({ number: 547, message: 'The INSERT statement conflicted with the CHECK constraint "ck_users_status". The conflict occurred in database "app", table "dbo.users".' });
  const fk = await first(`INSERT INTO dbo.users (tenant_id, email, display_name) VALUES ('00000000-0000-0000-0000-000000000001', 'a@b', N'A')`);
  expect(fk).toMatchObject({ number: 547, message: 'The INSERT statement conflicted with the FOREIGN KEY constraint "fk_users_tenant". The conflict occurred in database "app", table "dbo.tenants", column \'id\'.' });
});

test('4902 ALTER TABLE on a missing table; 15248 sp_rename of a missing column', async () => {
  expect(await first(`ALTER TABLE dbo.ghost ADD x INT NULL`)).toMatchObject({ number: 4902, message: 'Cannot find the object "dbo.ghost" because it does not exist or you do not have permissions.' });
  expect(await first(`EXEC sp_rename N'dbo.users.ghost', N'x', N'COLUMN'`)).toMatchObject({ number: 15248, class: 11, message: 'Either the parameter @objname is ambiguous or the claimed @objtype (COLUMN) is wrong.' });
});

test('111 CREATE SCHEMA not first in the batch; EXEC makes it its own batch', async () => {
  expect(await first(`SELECT 1; CREATE SCHEMA billing`)).toMatchObject({ number: 111, message: "'CREATE SCHEMA' must be the first statement in a query batch." });
  await h.ok(`SELECT 1; EXEC(N'CREATE SCHEMA billing')`);
  await h.ok(`EXEC sp_executesql N'CREATE SCHEMA audit'`);
  expect(await h.rows(`SELECT name FROM sys.schemas WHERE name IN ('billing', 'audit') ORDER BY name`)).toEqual([{ name: 'audit' }, { name: 'billing' }]);
  expect((await first(`CREATE SCHEMA billing`)).number).toBe(2714);
});

test('4901 adding a NOT NULL column without default to a non-empty table', async () => {
  expect((await first(`ALTER TABLE dbo.tenants ADD plan_code VARCHAR(10) NOT NULL`)).number).toBe(4901);
  await h.ok(`ALTER TABLE dbo.tenants ADD plan_code VARCHAR(10) NOT NULL CONSTRAINT df_tenants_plan DEFAULT 'free'`);
  expect(await h.rows(`SELECT plan_code FROM dbo.tenants`)).toEqual([{ plan_code: 'free' }]);
});

test('a failed statement leaves nothing behind; the batch goes on after a statement error', async () => {
  const out = await h.run(`CREATE TABLE dbo.half (a INT NOT NULL CONSTRAINT pk_users PRIMARY KEY); SELECT 2 AS next`);
  expect(out.filter((o) => o.kind === 'error').map((o) => (o as { number: number }).number)).toEqual([2714, 1750]);
  expect(out.some((o) => o.kind === 'resultSet')).toBe(true);
  expect(await h.rows(`SELECT OBJECT_ID('dbo.half') AS id`)).toEqual([{ id: null }]);
});

test('1785 multiple cascade paths or a cascade cycle', async () => {
  await h.ok(`CREATE TABLE dbo.projects (id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY, tenant_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_projects_tenant REFERENCES dbo.tenants (id) ON DELETE CASCADE)`);
  await h.ok(`CREATE TABLE dbo.tasks (id INT NOT NULL PRIMARY KEY, project_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_tasks_project REFERENCES dbo.projects (id) ON DELETE CASCADE, owner_id UNIQUEIDENTIFIER NULL)`);
  // tenants -> users -> tasks would be a second path from tenants to tasks.
  const e = await h.errors(`ALTER TABLE dbo.tasks ADD CONSTRAINT fk_tasks_owner FOREIGN KEY (owner_id) REFERENCES dbo.users (id) ON DELETE SET NULL`);
  expect(e.map((x) => x.number)).toEqual([1785, 1750]);
  expect(e[0].message).toBe("Introducing FOREIGN KEY constraint 'fk_tasks_owner' on table 'tasks' may cause cycles or multiple cascade paths. Specify ON DELETE NO ACTION or ON UPDATE NO ACTION, or modify other FOREIGN KEY constraints.");
  await h.ok(`ALTER TABLE dbo.tasks ADD CONSTRAINT fk_tasks_owner FOREIGN KEY (owner_id) REFERENCES dbo.users (id)`);
  expect((await h.errors(`CREATE TABLE dbo.tree (id INT NOT NULL PRIMARY KEY, parent_id INT NULL REFERENCES dbo.tree (id) ON DELETE CASCADE)`))[0].number).toBe(1785);
});

test('QUOTED_IDENTIFIER OFF makes "..." a string from the next batch on', async () => {
  await h.ok(`SET QUOTED_IDENTIFIER OFF`);
  expect(await h.rows(`SELECT "text" AS v`)).toEqual([{ v: 'text' }]);
  await h.ok(`SET QUOTED_IDENTIFIER ON`);
  expect((await h.errors(`SELECT "text" AS v`))[0].number).toBe(207);
});

test('208 binds every table a running statement names, even one a CASE branch would skip; an IF branch not taken is not compiled', async () => {
  const exists = `SELECT CASE WHEN OBJECT_ID(N'[schemac].[applied_plans]', N'U') IS NULL THEN 0 ELSE (SELECT COUNT(*) FROM [schemac].[applied_plans]) END AS found`;
  expect(await h.errors(exists)).toMatchObject([{ number: 208, message: "Invalid object name 'schemac.applied_plans'." }]);
  const guarded = await h.run(`IF OBJECT_ID(N'[schemac].[applied_plans]', N'U') IS NOT NULL SELECT COUNT(*) AS n FROM [schemac].[applied_plans]; SELECT 1 AS after`);
  expect(guarded.filter((o) => o.kind === 'error')).toEqual([]);
  expect(guarded.filter((o) => o.kind === 'resultSet')).toHaveLength(1);
});
