/**
 * SQL Graph in the stand-in: CREATE TABLE ... AS NODE | AS EDGE with SQL Server's internal
 * columns (graph_type 1-8, hex-suffixed names, internal ones hidden) and its GRAPH_UNIQUE_INDEX
 * on graph_id; sys.tables is_node / is_edge; edge constraints in CREATE TABLE and ALTER TABLE
 * (sys.edge_constraints, sys.edge_constraint_clauses, refused on a non-edge table or a non-node
 * clause table); INSERT into node and edge tables with $node_id readable; a node table named by an
 * edge constraint cannot be dropped; an index on $from_id, $to_id lands on the internal columns.
 */
import { open, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = open();
  await h.ok(`CREATE TABLE dbo.person (id int NOT NULL CONSTRAINT pk_person PRIMARY KEY, name nvarchar(100) NULL) AS NODE;
CREATE TABLE dbo.city (id int NOT NULL) AS NODE;
CREATE TABLE dbo.likes AS EDGE;
CREATE TABLE dbo.lives_in (since int NULL, CONSTRAINT ec_lives_in CONNECTION (dbo.person TO dbo.city) ON DELETE CASCADE) AS EDGE;`);
});

test('node and edge tables show their kind, internal columns and the graph index', async () => {
  expect(await h.rows(`SELECT name, is_node, is_edge FROM sys.tables ORDER BY name`)).toEqual([
    { name: 'city', is_node: true, is_edge: false }, { name: 'likes', is_node: false, is_edge: true },
    { name: 'lives_in', is_node: false, is_edge: true }, { name: 'person', is_node: true, is_edge: false },
  ]);
  const cols = await h.rows(`SELECT name, column_id, graph_type, graph_type_desc, is_hidden FROM sys.columns WHERE object_id = OBJECT_ID('dbo.lives_in') ORDER BY column_id`);
  expect(cols.map((c) => [String(c.name).replace(/_[0-9A-F]{32}$/, '_<hex>'), c.graph_type, c.graph_type_desc, c.is_hidden])).toEqual([
    ['graph_id_<hex>', 1, 'GRAPH_ID', true], ['$edge_id_<hex>', 2, 'GRAPH_ID_COMPUTED', false],
    ['from_obj_id_<hex>', 4, 'GRAPH_FROM_OBJ_ID', true], ['from_id_<hex>', 3, 'GRAPH_FROM_ID', true], ['$from_id_<hex>', 5, 'GRAPH_FROM_ID_COMPUTED', false],
    ['to_obj_id_<hex>', 7, 'GRAPH_TO_OBJ_ID', true], ['to_id_<hex>', 6, 'GRAPH_TO_ID', true], ['$to_id_<hex>', 8, 'GRAPH_TO_ID_COMPUTED', false],
    ['since', null, null, false],
  ]);
  const indexes = await h.rows(`SELECT i.name, i.is_unique, i.type_desc, c.graph_type FROM sys.indexes i JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id WHERE i.object_id = OBJECT_ID('dbo.person') ORDER BY i.index_id`);
  expect(indexes.map((r) => [String(r.name).replace(/[0-9A-F]{32}$/, '<hex>'), r.is_unique, r.type_desc, r.graph_type])).toEqual([
    ['pk_person', true, 'CLUSTERED', null], ['GRAPH_UNIQUE_INDEX_<hex>', true, 'NONCLUSTERED', 1],
  ]);
});

test('edge constraints: catalog views, ALTER TABLE ADD / DROP, refusals', async () => {
  expect(await h.rows(`SELECT ec.name, OBJECT_NAME(ec.parent_object_id) AS edge, OBJECT_NAME(c.from_object_id) AS f, OBJECT_NAME(c.to_object_id) AS t, ec.delete_referential_action_desc AS d, ec.type
FROM sys.edge_constraints ec JOIN sys.edge_constraint_clauses c ON c.object_id = ec.object_id`)).toEqual([{ name: 'ec_lives_in', edge: 'lives_in', f: 'person', t: 'city', d: 'CASCADE', type: 'EC' }]);
  await h.ok(`ALTER TABLE dbo.likes ADD CONSTRAINT ec_likes CONNECTION (dbo.person TO dbo.person, dbo.person TO dbo.city);`);
  expect(await h.rows(`SELECT clause_number FROM sys.edge_constraint_clauses WHERE object_id = OBJECT_ID('dbo.ec_likes') ORDER BY clause_number`)).toEqual([{ clause_number: 1 }, { clause_number: 2 }]);
  expect((await h.errors(`ALTER TABLE dbo.person ADD CONSTRAINT ec_x CONNECTION (dbo.person TO dbo.city);`)).map((e) => e.number)).toEqual([13930, 1750]);
  expect((await h.errors(`ALTER TABLE dbo.likes ADD CONSTRAINT ec_y CONNECTION (dbo.person TO dbo.likes);`)).map((e) => e.number)).toEqual([13933, 1750]);
  expect((await h.errors(`DROP TABLE dbo.city;`)).map((e) => e.number)).toEqual([3726]);
  // An edge constraint is an object of its schema: sp_rename renames it (sp-rename-transact-sql).
  await h.ok(`EXEC sp_rename N'[dbo].[ec_likes]', N'ec_likes2', N'OBJECT'; EXEC sp_rename N'[dbo].[ec_likes2]', N'ec_likes', N'OBJECT';`);
  expect(await h.rows(`SELECT name FROM sys.edge_constraints WHERE parent_object_id = OBJECT_ID('dbo.likes')`)).toEqual([{ name: 'ec_likes' }]);
  await h.ok(`ALTER TABLE dbo.lives_in DROP CONSTRAINT ec_lives_in; DROP TABLE dbo.lives_in; ALTER TABLE dbo.likes DROP CONSTRAINT ec_likes; DROP TABLE dbo.city;`);
});

test('INSERT into node and edge tables; $node_id reads as JSON; an edge outside its constraint is refused; deleting nodes cascades or is refused; an index on $from_id, $to_id', async () => {
  await h.ok(`INSERT INTO dbo.person (id, name) VALUES (1, N'Ada'), (2, N'Bob'); INSERT INTO dbo.city VALUES (10);`);
  expect(await h.rows(`SELECT $node_id AS node, name FROM dbo.person ORDER BY id`)).toEqual([
    { node: '{"type":"node","schema":"dbo","table":"person","id":0}', name: 'Ada' }, { node: '{"type":"node","schema":"dbo","table":"person","id":1}', name: 'Bob' },
  ]);
  expect(Object.keys((await h.rows(`SELECT * FROM dbo.person WHERE id = 1`))[0] ?? {}).map((k) => k.replace(/_[0-9A-F]{32}$/, '_<hex>'))).toEqual(['$node_id_<hex>', 'id', 'name']);
  await h.ok(`INSERT INTO dbo.lives_in ($from_id, $to_id, since) VALUES ((SELECT $node_id FROM dbo.person WHERE id = 1), (SELECT $node_id FROM dbo.city WHERE id = 10), 2020);`);
  expect(await h.rows(`SELECT since, $from_id AS f FROM dbo.lives_in`)).toEqual([{ since: 2020, f: '{"type":"node","schema":"dbo","table":"person","id":0}' }]);
  expect((await h.errors(`INSERT INTO dbo.lives_in ($from_id, $to_id) VALUES ((SELECT $node_id FROM dbo.person WHERE id = 1), (SELECT $node_id FROM dbo.person WHERE id = 2));`)).map((e) => e.number)).toEqual([547]);
  // ON DELETE CASCADE: deleting the person deletes the edge; a NO ACTION constraint refuses.
  await h.ok(`ALTER TABLE dbo.likes ADD CONSTRAINT ec_likes CONNECTION (dbo.person TO dbo.person);
INSERT INTO dbo.likes ($from_id, $to_id) VALUES ((SELECT $node_id FROM dbo.person WHERE id = 2), (SELECT $node_id FROM dbo.person WHERE id = 2));`);
  expect((await h.errors(`DELETE FROM dbo.person WHERE id = 2;`)).map((e) => e.number)).toEqual([547]);
  await h.ok(`DELETE FROM dbo.person WHERE id = 1;`);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM dbo.lives_in`)).toEqual([{ n: 0 }]);
  await h.ok(`INSERT INTO dbo.person (id, name) VALUES (1, N'Ada'); INSERT INTO dbo.lives_in ($from_id, $to_id) VALUES ((SELECT $node_id FROM dbo.person WHERE id = 1), (SELECT $node_id FROM dbo.city WHERE id = 10));`);
  await h.ok(`CREATE NONCLUSTERED INDEX ix_lives_in_from_to ON dbo.lives_in ($from_id, $to_id);`);
  expect((await h.rows(`SELECT c.graph_type FROM sys.index_columns ic JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
JOIN sys.indexes i ON i.object_id = ic.object_id AND i.index_id = ic.index_id WHERE i.name = 'ix_lives_in_from_to' ORDER BY ic.key_ordinal`)).map((r) => r.graph_type)).toEqual([4, 3, 7, 6]);
});
