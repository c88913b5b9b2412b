/** SELECT evaluated over rows: joins, grouping, ordering, subqueries, variables, typed columns. */
import { open } from './harness';
import type { Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = open();
  await h.ok(`
    CREATE TABLE dbo.dept (id INT NOT NULL PRIMARY KEY, name NVARCHAR(50) NOT NULL);
    CREATE TABLE dbo.emp (id INT NOT NULL PRIMARY KEY, dept_id INT NULL REFERENCES dbo.dept (id), name VARCHAR(50) NOT NULL, salary DECIMAL(10,2) NULL);
    INSERT INTO dbo.dept VALUES (1, N'Eng'), (2, N'Ops'), (3, N'Empty');
    INSERT INTO dbo.emp VALUES (1, 1, 'ann', 100.50), (2, 1, 'bob', 80), (3, 2, 'cy', NULL), (4, NULL, 'dee', 10);`);
});

test('INNER and LEFT JOIN with aliases, WHERE, ORDER BY', async () => {
  expect(await h.rows(`SELECT e.name, d.name AS dept FROM dbo.emp AS e INNER JOIN dbo.dept d ON d.id = e.dept_id WHERE e.salary IS NOT NULL ORDER BY e.name DESC`))
    .toEqual([{ name: 'bob', dept: 'Eng' }, { name: 'ann', dept: 'Eng' }]);
  expect(await h.rows(`SELECT d.name, e.name AS emp FROM dbo.dept d LEFT JOIN dbo.emp e ON e.dept_id = d.id AND e.id > 1 ORDER BY d.id, e.id`))
    .toEqual([{ name: 'Eng', emp: 'bob' }, { name: 'Ops', emp: 'cy' }, { name: 'Empty', emp: null }]);
});

test('GROUP BY with COUNT/SUM/MAX/MIN and HAVING', async () => {
  expect(await h.rows(`SELECT dept_id, COUNT(*) AS n, SUM(salary) AS total, MAX(name) AS mx, MIN(salary) AS mn FROM dbo.emp GROUP BY dept_id HAVING COUNT(*) >= 1 ORDER BY dept_id`))
    .toEqual([{ dept_id: null, n: 1, total: 10, mx: 'dee', mn: 10 }, { dept_id: 1, n: 2, total: 180.5, mx: 'bob', mn: 80 }, { dept_id: 2, n: 1, total: null, mx: 'cy', mn: null }]);
  expect(await h.rows(`SELECT COUNT(*) AS n, COUNT(salary) AS withSalary FROM dbo.emp WHERE 1 = 0`)).toEqual([{ n: 0, withSalary: 0 }]);
});

test('TOP, DISTINCT, CASE, IN, LIKE (case-insensitive), BETWEEN', async () => {
  expect(await h.rows(`SELECT TOP 2 name FROM dbo.emp ORDER BY id`)).toEqual([{ name: 'ann' }, { name: 'bob' }]);
  expect(await h.rows(`SELECT TOP (1) name FROM dbo.emp ORDER BY salary DESC`)).toEqual([{ name: 'ann' }]);
  expect(await h.rows(`SELECT DISTINCT dept_id FROM dbo.emp WHERE dept_id IS NOT NULL ORDER BY dept_id`)).toEqual([{ dept_id: 1 }, { dept_id: 2 }]);
  expect(await h.rows(`SELECT name, CASE WHEN salary >= 100 THEN 'high' WHEN salary IS NULL THEN 'none' ELSE 'low' END AS band FROM dbo.emp WHERE id IN (1, 3, 4) ORDER BY id`))
    .toEqual([{ name: 'ann', band: 'high' }, { name: 'cy', band: 'none' }, { name: 'dee', band: 'low' }]);
  expect(await h.rows(`SELECT name FROM dbo.emp WHERE name LIKE 'A%' OR name LIKE '_e_'`)).toEqual([{ name: 'ann' }, { name: 'dee' }]);
  expect(await h.rows(`SELECT name FROM dbo.emp WHERE salary BETWEEN 50 AND 100 AND name NOT IN ('x')`)).toEqual([{ name: 'bob' }]);
  expect(await h.rows(`SELECT name FROM dbo.emp WHERE name = 'ANN  '`)).toEqual([{ name: 'ann' }]);
});

test('scalar subqueries, EXISTS, IN (SELECT ...), derived tables', async () => {
  expect(await h.rows(`SELECT name FROM dbo.emp WHERE salary = (SELECT MAX(salary) FROM dbo.emp)`)).toEqual([{ name: 'ann' }]);
  expect(await h.rows(`SELECT d.name FROM dbo.dept d WHERE NOT EXISTS (SELECT 1 FROM dbo.emp e WHERE e.dept_id = d.id)`)).toEqual([{ name: 'Empty' }]);
  expect(await h.rows(`SELECT name FROM dbo.dept WHERE id IN (SELECT dept_id FROM dbo.emp WHERE salary > 90)`)).toEqual([{ name: 'Eng' }]);
  expect(await h.rows(`SELECT x.dept_id, x.n FROM (SELECT dept_id, COUNT(*) AS n FROM dbo.emp GROUP BY dept_id) x WHERE x.n > 1`)).toEqual([{ dept_id: 1, n: 2 }]);
  expect(await h.rows(`SELECT d.name, (SELECT COUNT(*) FROM dbo.emp e WHERE e.dept_id = d.id) AS n FROM dbo.dept d ORDER BY n DESC, d.name`))
    .toEqual([{ name: 'Eng', n: 2 }, { name: 'Ops', n: 1 }, { name: 'Empty', n: 0 }]);
});

test('result columns carry SQL types for the wire', async () => {
  const out = await h.ok(`SELECT id, name, salary, CAST(1 AS BIT) AS flag, N'x' AS lit, GETDATE() AS now, NEWID() AS g, CAST(id AS BIGINT) AS big FROM dbo.emp WHERE id = 1`);
  const rs = out.find((o) => o.kind === 'resultSet');
  if (!rs || rs.kind !== 'resultSet') throw new Error('no result set');
  expect(rs.resultSet.columns).toEqual([
    { name: 'id', type: 'int', nullable: false },
    { name: 'name', type: 'varchar', length: 50, nullable: false },
    { name: 'salary', type: 'decimal', precision: 10, scale: 2, nullable: true },
    { name: 'flag', type: 'bit', nullable: true },
    { name: 'lit', type: 'nvarchar', length: 2, nullable: true },
    { name: 'now', type: 'datetime', nullable: true },
    { name: 'g', type: 'uniqueidentifier', nullable: true },
    { name: 'big', type: 'bigint', nullable: true },
  ]);
  const row = rs.resultSet.rows[0];
  expect(row.slice(0, 4)).toEqual([1, 'ann', 100.5, true]);
  expect(row[5]).toBeInstanceOf(Date);
  expect(row[6]).toMatch(/^[0-9A-F-]{36}$/);
});

test('several statements give several result sets with row counts; SELECT without FROM; variables', async () => {
  const out = await h.ok(`DECLARE @d INT; SET @d = 2; SELECT name FROM dbo.emp WHERE dept_id = @d; SELECT @d + 1 AS n, @@SPID AS spid, @@VERSION AS v`);
  const sets = out.filter((o) => o.kind === 'resultSet');
  expect(sets).toHaveLength(2);
  expect(out.filter((o) => o.kind === 'done' && o.rowCount !== undefined).map((o) => (o as { rowCount: number }).rowCount)).toEqual([1, 1]);
  const second = sets[1].kind === 'resultSet' ? sets[1].resultSet.rows[0] : [];
  expect(second[0]).toBe(3);
  expect(second[1]).toBeGreaterThanOrEqual(51);
  expect(String(second[2])).toMatch(/^Microsoft SQL Server 2022 .*16\.0\.4135\.4/);
});

test('sp_executesql inside a batch with typed parameters', async () => {
  expect(await h.rows(`EXEC sp_executesql N'SELECT name FROM dbo.emp WHERE id = @id AND name LIKE @p', N'@id INT, @p VARCHAR(10)', @id = 2, @p = 'b%'`)).toEqual([{ name: 'bob' }]);
});

test("tedious's connection set-up batch runs", async () => {
  await h.ok(`set textsize 2147483647
set quoted_identifier on
set arithabort off
set numeric_roundabort off
set ansi_warnings on
set ansi_padding on
set ansi_nulls on
set concat_null_yields_null on
set cursor_close_on_commit off
set implicit_transactions off
set language us_english
set dateformat mdy
set datefirst 7
set transaction isolation level read committed`);
  expect(await h.rows(`SELECT SESSIONPROPERTY('QUOTED_IDENTIFIER') AS q, SESSIONPROPERTY('ARITHABORT') AS a`)).toEqual([{ q: 1, a: 0 }]);
});

test('USE switches database and reports it', async () => {
  const out = await h.ok(`USE other; SELECT DB_NAME() AS db`);
  expect(out.find((o) => o.kind === 'databaseChanged')).toEqual({ kind: 'databaseChanged', from: 'app', to: 'other' });
  expect(await h.rows(`SELECT DB_NAME() AS db, OBJECT_ID('dbo.emp') AS e`)).toEqual([{ db: 'other', e: null }]);
  await h.ok(`USE app`);
});

test('CREATE DATABASE and DROP DATABASE, as a test script sets up its own database', async () => {
  await h.ok(`CREATE DATABASE shop COLLATE Latin1_General_100_CI_AS`);
  expect(await h.rows(`SELECT name, collation_name FROM sys.databases WHERE name = N'shop'`)).toEqual([{ name: 'shop', collation_name: 'Latin1_General_100_CI_AS' }]);
  await h.ok(`USE shop; CREATE TABLE dbo.items (id INT NOT NULL PRIMARY KEY); INSERT INTO dbo.items VALUES (1)`);
  expect(await h.rows(`SELECT DB_NAME() AS db, COUNT(*) AS n FROM dbo.items`)).toEqual([{ db: 'shop', n: 1 }]);
  expect((await h.errors(`DROP DATABASE shop`)).map((e) => e.number)).toEqual([3702]);
  expect((await h.errors(`CREATE DATABASE shop`)).map((e) => e.number)).toEqual([1801]);
  await h.ok(`USE app`);
  expect((await h.errors(`BEGIN TRANSACTION; DROP DATABASE shop`)).map((e) => e.number)).toEqual([226]);
  await h.ok(`IF @@TRANCOUNT > 0 ROLLBACK`);
  await h.ok(`DROP DATABASE shop; DROP DATABASE IF EXISTS shop`);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM sys.databases WHERE name = N'shop'`)).toEqual([{ n: 0 }]);
  expect((await h.errors(`DROP DATABASE shop`)).map((e) => e.number)).toEqual([3701]);
});

test('INSERT with DEFAULT in VALUES and DEFAULT VALUES uses the column defaults', async () => {
  await h.ok(`CREATE TABLE dbo.dv (id INT IDENTITY(1,1) NOT NULL, s VARCHAR(5) NOT NULL CONSTRAINT df_dv_s DEFAULT 'z', n INT NULL)`);
  await h.ok(`INSERT INTO dbo.dv (s, n) VALUES (DEFAULT, 1); INSERT INTO dbo.dv DEFAULT VALUES`);
  expect(await h.rows(`SELECT id, s, n FROM dbo.dv ORDER BY id`)).toEqual([{ id: 1, s: 'z', n: 1 }, { id: 2, s: 'z', n: null }]);
  expect(await h.rows(`SELECT SCOPE_IDENTITY() AS si, @@IDENTITY AS i`)).toEqual([{ si: 2, i: 2 }]);
});

test('a statement the engine cannot parse is reported on its own line', async () => {
  const e = await h.errors(`SELECT 1\nWAITFOR DELAY '00:00:00'`);
  expect(e).toMatchObject([{ number: 102, line: 2 }]);
});

test('an explicit CAST or CONVERT to a shorter string truncates it; assigning one to a column is Msg 2628', async () => {
  expect(await h.rows(`SELECT CAST(N'bin' AS varchar(2)) AS c, CONVERT(nvarchar(1), 'xyz') AS v, TRY_CAST('abcdef' AS char(3)) AS t`)).toEqual([{ c: 'bi', v: 'x', t: 'abc' }]);
  await h.ok(`CREATE TABLE dbo.short_codes (code varchar(2) NOT NULL)`);
  expect((await h.errors(`INSERT INTO dbo.short_codes (code) VALUES ('abc')`)).map((e) => e.number)).toEqual([2628]);
  await h.ok(`INSERT INTO dbo.short_codes (code) VALUES (CAST('abc' AS varchar(2)))`);
  expect(await h.rows(`SELECT code FROM dbo.short_codes`)).toEqual([{ code: 'ab' }]);
});
