/**
 * The sys.* views as each SQL Server version has them (columns a later version added are absent),
 * and binding their columns when a batch is compiled: a missing one fails the whole batch with
 * Msg 207, in an IF branch that would not run too, while EXEC(N'...') and sp_executesql compile
 * their text only when it runs (view-versions.ts).
 */
import { createEngine } from '../../standin/engine';
import type { StandinEdition } from '../../standin/engine/editions';
import { wrap, type Harness } from './harness';

function at(productVersion: string | undefined, edition?: StandinEdition): Harness {
  const engine = createEngine({ password: 'Secret#1', databases: ['app'], ...(productVersion ? { productVersion } : {}), ...(edition ? { edition } : {}) });
  const login = engine.login('sa', 'Secret#1', 'app');
  if (!login.ok) throw new Error(login.error.message);
  return wrap(login.session);
}
const columnsOf = async (h: Harness, view: string): Promise<string[]> => Object.keys((await h.rows(`SELECT TOP 1 * FROM ${view}`))[0] ?? {});
const SETUP = 'CREATE TABLE dbo.t (id int PRIMARY KEY, x xml NULL);';

test('sys.tables, sys.columns, sys.partitions and sys.indexes have the columns of the reported version', async () => {
  const v14 = at('14.0.1000.169');
  await v14.ok(SETUP);
  const tables14 = await columnsOf(v14, 'sys.tables');
  expect(tables14).toEqual(expect.arrayContaining(['is_node', 'is_edge', 'history_retention_period', 'temporal_type']));
  expect(tables14).not.toContain('ledger_type');
  expect(await columnsOf(v14, 'sys.columns')).not.toContain('is_dropped_ledger_column');
  expect(await columnsOf(v14, 'sys.partitions')).not.toContain('xml_compression');
  expect(await columnsOf(v14, 'sys.indexes')).not.toContain('optimize_for_sequential_key');
  // Values stay with their columns once others are left out.
  expect(await v14.rows("SELECT c.name, c.is_nullable, c.graph_type FROM sys.columns c WHERE c.object_id = OBJECT_ID('dbo.t') ORDER BY c.column_id"))
    .toEqual([{ name: 'id', is_nullable: false, graph_type: null }, { name: 'x', is_nullable: true, graph_type: null }]);

  const v15 = at('15.0.2000.5');
  await v15.ok(SETUP);
  expect(await columnsOf(v15, 'sys.indexes')).toContain('optimize_for_sequential_key');
  expect(await columnsOf(v15, 'sys.tables')).not.toContain('ledger_type');

  const v16 = at(undefined);
  await v16.ok(SETUP);
  expect(await columnsOf(v16, 'sys.tables')).toContain('ledger_type');
  expect(await columnsOf(v16, 'sys.partitions')).toContain('xml_compression');
});

test('Azure SQL Database reports version 12 and has the newest columns and views', async () => {
  const h = at(undefined, 'azure');
  await h.ok(SETUP);
  expect(await h.rows("SELECT CAST(SERVERPROPERTY('ProductMajorVersion') AS int) AS major, CAST(SERVERPROPERTY('EngineEdition') AS int) AS edition, CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)) AS v"))
    .toEqual([{ major: 12, edition: 5, v: '12.0.2000.8' }]);
  expect(String((await h.rows('SELECT @@VERSION AS v'))[0]?.v)).toMatch(/^Microsoft SQL Azure \(RTM\) - 12\.0\.2000\.8/);
  expect(await h.rows('SELECT t.name, t.ledger_type FROM sys.tables t')).toEqual([{ name: 't', ledger_type: 0 }]);
  expect(await h.rows('SELECT COUNT(*) AS n FROM sys.edge_constraints')).toEqual([{ n: 0 }]);
});

describe('compile-time binding of system views\' columns', () => {
  const v15 = (): Harness => at('15.0.2000.5');

  test('a missing column in an IF branch that would not run fails the whole batch: nothing before it runs', async () => {
    const h = v15();
    const errors = await h.errors(`SELECT 1 AS before_it;
IF CAST(SERVERPROPERTY('ProductMajorVersion') AS int) >= 16
  SELECT t.object_id, t.ledger_type FROM sys.tables t
ELSE
  SELECT t.object_id, CAST(0 AS tinyint) AS ledger_type FROM sys.tables t`);
    expect(errors.map((e) => [e.number, e.message, e.line])).toEqual([[207, "Invalid column name 'ledger_type'.", 3]]);
    const out = await h.run("SELECT 1 AS x; IF 1 = 0 SELECT p.xml_compression_desc FROM sys.partitions AS p;");
    expect(out.filter((o) => o.kind === 'resultSet')).toEqual([]);
  });

  test('the name of the view, a bare name, a subquery and IF EXISTS are bound too; WHILE, TRY and blocks are looked into', async () => {
    const h = v15();
    for (const batch of [
      'IF 1 = 0 SELECT sys.tables.ledger_type FROM sys.tables',
      'IF 1 = 0 SELECT name FROM sys.tables WHERE is_dropped_ledger_table = 1',
      'IF 1 = 0 SELECT o.name FROM sys.objects o WHERE EXISTS (SELECT 1 FROM sys.columns c WHERE c.object_id = o.object_id AND c.is_dropped_ledger_column = 1)',
      'IF EXISTS (SELECT 1 FROM sys.views v WHERE v.ledger_view_type = 1) PRINT 1',
      'WHILE 1 = 0 BEGIN SELECT i.name FROM sys.index_columns ic JOIN sys.indexes i ON i.object_id = ic.object_id WHERE ic.column_store_order_ordinal > 0 END',
      'BEGIN TRY IF 1 = 0 BEGIN DECLARE @n int; SET @n = (SELECT COUNT(*) FROM sys.tables t WHERE t.ledger_type = 2) END END TRY BEGIN CATCH END CATCH',
    ]) expect({ batch, errors: (await h.errors(batch)).map((e) => e.number) }).toEqual({ batch, errors: [207] });
  });

  test('EXEC(N\'...\') and sp_executesql compile their text only when it runs', async () => {
    const h = v15();
    await h.ok("IF CAST(SERVERPROPERTY('ProductMajorVersion') AS int) >= 16 EXEC(N'SELECT t.ledger_type FROM sys.tables t') ELSE SELECT 0 AS ledger_type");
    await h.ok("IF 1 = 0 EXEC sp_executesql N'SELECT p.xml_compression FROM sys.partitions p'");
    // Run, the dynamic batch fails on its own.
    expect((await h.errors("EXEC(N'SELECT t.ledger_type FROM sys.tables t')")).map((e) => e.number)).toEqual([207]);
  });

  test('a view\'s SELECT is bound at CREATE VIEW, a procedure\'s body before it runs', async () => {
    const h = v15();
    expect((await h.errors('CREATE VIEW dbo.ledgers AS SELECT t.name, t.ledger_type FROM sys.tables t')).map((e) => e.number)).toEqual([207]);
    expect(await h.rows("SELECT COUNT(*) AS n FROM sys.views WHERE name = N'ledgers'")).toEqual([{ n: 0 }]);
    await h.ok("CREATE PROCEDURE dbo.p AS BEGIN SELECT 1 AS first; IF 1 = 0 SELECT p.xml_compression FROM sys.partitions p; END");
    const out = await h.run('EXEC dbo.p');
    expect(out.filter((o) => o.kind === 'error').map((o) => (o.kind === 'error' ? o.number : 0))).toEqual([207]);
    expect(out.filter((o) => o.kind === 'resultSet')).toEqual([]);
  });

  test('columns the version has, aliases of the select list and user tables keep today\'s binding', async () => {
    const h = v15();
    await h.ok('CREATE TABLE dbo.ledgers (ledger_type int)');
    // A user table's column of the same name; a select-list alias in ORDER BY; an alias shared with a user table.
    await h.ok('IF 1 = 0 SELECT ledger_type FROM dbo.ledgers');
    await h.ok('SELECT CAST(0 AS tinyint) AS ledger_type FROM sys.tables ORDER BY ledger_type');
    await h.ok('IF 1 = 0 SELECT t.ledger_type FROM dbo.ledgers t');
    await h.ok('IF 1 = 0 SELECT i.optimize_for_sequential_key, t.is_node, t.history_retention_period FROM sys.indexes i JOIN sys.tables t ON t.object_id = i.object_id');
    // A missing user table is still resolved only when its statement runs.
    await h.ok('IF 1 = 0 SELECT x.nothing FROM dbo.not_yet x');
    // On 2022 the same columns bind.
    await at(undefined).ok('IF 1 = 0 SELECT t.ledger_type, p.xml_compression FROM sys.tables t JOIN sys.partitions p ON p.object_id = t.object_id');
  });
});

test('OPTIMIZE_FOR_SEQUENTIAL_KEY is SQL Server 2019\'s and XML_COMPRESSION 2022\'s: an older server does not know them, in a key of CREATE TABLE too', async () => {
  const v14 = at('14.0.1000.169');
  for (const batch of [
    'CREATE TABLE dbo.a (id int CONSTRAINT pk_a PRIMARY KEY WITH (OPTIMIZE_FOR_SEQUENTIAL_KEY = ON))',
    'CREATE TABLE dbo.a (id int NOT NULL, CONSTRAINT pk_a PRIMARY KEY (id) WITH (OPTIMIZE_FOR_SEQUENTIAL_KEY = ON))',
    'CREATE TABLE dbo.a (id int NOT NULL, x xml NULL, CONSTRAINT pk_a PRIMARY KEY (id) WITH (XML_COMPRESSION = ON))',
  ]) expect({ batch, errors: (await v14.errors(batch)).map((e) => [e.number, e.message]) }).toEqual({ batch, errors: [[155, expect.stringMatching(/^'(OPTIMIZE_FOR_SEQUENTIAL_KEY|XML_COMPRESSION)' is not a recognized option\.$/)]] });
  await v14.ok('CREATE TABLE dbo.b (id int NOT NULL CONSTRAINT pk_b PRIMARY KEY)');
  expect((await v14.errors('CREATE INDEX ix_b ON dbo.b (id) WITH (OPTIMIZE_FOR_SEQUENTIAL_KEY = ON)')).map((e) => e.number)).toEqual([155]);
  expect((await v14.errors('ALTER INDEX pk_b ON dbo.b SET (OPTIMIZE_FOR_SEQUENTIAL_KEY = ON)')).map((e) => e.number)).toEqual([155]);

  const v15 = at('15.0.2000.5');
  await v15.ok('CREATE TABLE dbo.a (id int CONSTRAINT pk_a PRIMARY KEY WITH (OPTIMIZE_FOR_SEQUENTIAL_KEY = ON))');
  expect(await v15.rows('SELECT i.name, i.optimize_for_sequential_key FROM sys.indexes i WHERE i.name = N\'pk_a\'')).toEqual([{ name: 'pk_a', optimize_for_sequential_key: true }]);
  expect((await v15.errors('CREATE TABLE dbo.c (id int NOT NULL, x xml NULL, CONSTRAINT pk_c PRIMARY KEY (id) WITH (XML_COMPRESSION = ON))')).map((e) => e.number)).toEqual([155]);
  await at(undefined, 'azure').ok('CREATE TABLE dbo.a (id int NOT NULL, x xml NULL, CONSTRAINT pk_a PRIMARY KEY (id) WITH (XML_COMPRESSION = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = ON))');
});

test('edge constraints are SQL Server 2019\'s: 2017 has node and edge tables but no CONNECTION', async () => {
  const graph = 'CREATE TABLE dbo.person (id int PRIMARY KEY) AS NODE; CREATE TABLE dbo.city (id int PRIMARY KEY) AS NODE; CREATE TABLE dbo.lives_in (since int NULL) AS EDGE;';
  const v14 = at('14.0.1000.169');
  await v14.ok(graph);
  expect((await v14.errors('ALTER TABLE dbo.lives_in ADD CONSTRAINT ec_lives_in CONNECTION (dbo.person TO dbo.city)')).map((e) => [e.number, e.message])).toEqual([[102, "Incorrect syntax near 'CONNECTION'."]]);
  const v15 = at('15.0.2000.5');
  await v15.ok(graph);
  await v15.ok('ALTER TABLE dbo.lives_in ADD CONSTRAINT ec_lives_in CONNECTION (dbo.person TO dbo.city)');
  expect(await v15.rows('SELECT ec.name FROM sys.edge_constraints ec')).toEqual([{ name: 'ec_lives_in' }]);
});
