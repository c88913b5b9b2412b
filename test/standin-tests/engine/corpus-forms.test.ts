/**
 * Forms from public SQL Server databases and peers' test corpora (test/fixtures/corpus) that the
 * stand-in refused: hierarchyid methods in computed columns (AdventureWorks' Production.Document),
 * SQL Server 2022's characters argument of LTRIM / RTRIM / TRIM (sqldef's tests_sqlserver2022.yml),
 * a column's REFERENCES with SET DEFAULT (create-table-transact-sql <column_constraint>:
 * "ON DELETE { NO ACTION | CASCADE | SET NULL | SET DEFAULT }", the same for ON UPDATE), and a
 * schema-bound view whose table's alias is the table's own name (`FROM dbo.p AS p`: the alias is
 * no one-part object name; create-view-transact-sql asks two-part names of the objects only).
 */
import { open } from './harness';

test('a computed column calls a hierarchyid method of another column: GetLevel() is smallint', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.doc (node hierarchyid NOT NULL, lvl AS node.GetLevel(), path AS node.ToString())`);
  expect(await h.rows(`SELECT c.name, TYPE_NAME(c.user_type_id) AS type_name, cc.definition FROM sys.columns c
    JOIN sys.computed_columns cc ON cc.object_id = c.object_id AND cc.column_id = c.column_id
    WHERE c.object_id = OBJECT_ID('dbo.doc') ORDER BY c.column_id`)).toEqual([
    { name: 'lvl', type_name: 'smallint', definition: '([node].[GetLevel]())' },
    { name: 'path', type_name: 'nvarchar', definition: '([node].[ToString]())' },
  ]);
  await h.ok(`CREATE INDEX ix_doc_lvl ON dbo.doc (lvl, node)`);
  // A dotted name that is not a hierarchyid column's method is still a user function that does not exist.
  expect((await h.errors(`CREATE TABLE dbo.doc2 (n int, x AS n.GetLevel())`)).map((e) => e.number)).toEqual([4121]);
});

test('LTRIM, RTRIM and TRIM remove the characters their second argument names (SQL Server 2022)', async () => {
  const h = open();
  expect(await h.rows(`SELECT LTRIM('xxa', 'x') AS l, RTRIM('ayx', 'xy') AS r, TRIM('  a  ') AS t, LTRIM('  a') AS l2`))
    .toEqual([{ l: 'a', r: 'a', t: 'a', l2: 'a' }]);
  await h.ok(`CREATE TABLE dbo.t (t2 varchar(20) NOT NULL, CONSTRAINT ck_t2 CHECK (ltrim(t2, 'xy') <> ''))`);
  expect((await h.errors(`INSERT INTO dbo.t VALUES ('xyx')`)).map((e) => e.number)).toEqual([547]);
  await h.ok(`INSERT INTO dbo.t VALUES ('xa')`);
});

test("a column's REFERENCES takes ON DELETE / ON UPDATE SET DEFAULT, beside the column's own DEFAULT", async () => {
  const h = open();
  await h.ok('CREATE TABLE dbo.p (id int NOT NULL PRIMARY KEY); CREATE TABLE dbo.p2 (id int NOT NULL PRIMARY KEY)');
  await h.ok('CREATE TABLE dbo.q (id int NOT NULL PRIMARY KEY, pid int NULL DEFAULT 0 REFERENCES dbo.p (id) ON DELETE SET DEFAULT ON UPDATE CASCADE)');
  await h.ok('ALTER TABLE dbo.q ADD pid2 int NULL REFERENCES dbo.p2 (id) ON UPDATE SET DEFAULT');
  expect(await h.rows(`SELECT delete_referential_action_desc AS d, update_referential_action_desc AS u FROM sys.foreign_keys
    WHERE parent_object_id = OBJECT_ID('dbo.q') ORDER BY object_id`)).toEqual([{ d: 'SET_DEFAULT', u: 'CASCADE' }, { d: 'NO_ACTION', u: 'SET_DEFAULT' }]);
  expect(await h.rows(`SELECT d.definition FROM sys.default_constraints d WHERE d.parent_object_id = OBJECT_ID('dbo.q')`)).toEqual([{ definition: '((0))' }]);
});

test('a schema-bound view may alias its table by the table\'s own name; a one-part table name is still refused', async () => {
  const h = open();
  await h.ok('CREATE TABLE dbo.p (id int NOT NULL PRIMARY KEY, name nvarchar(50) NOT NULL)');
  await h.ok('CREATE VIEW dbo.v1 WITH SCHEMABINDING AS SELECT p.id, p.name FROM dbo.p AS p');
  await h.ok('CREATE VIEW dbo.v2 WITH SCHEMABINDING AS SELECT p.id FROM dbo.p p WHERE p.id > 0');
  expect(await h.rows(`SELECT OBJECT_NAME(referencing_id) AS r, referenced_minor_id AS m FROM sys.sql_expression_dependencies ORDER BY r, m`))
    .toEqual([{ r: 'v1', m: 1 }, { r: 'v1', m: 2 }, { r: 'v2', m: 1 }]);
  expect((await h.errors('CREATE VIEW dbo.v3 WITH SCHEMABINDING AS SELECT id FROM p')).map((e) => e.number)).toEqual([4512]);
});
