/**
 * XML and spatial indexes in the stand-in: CREATE [PRIMARY] XML INDEX and CREATE SPATIAL INDEX
 * as SQL Server takes them (positional and named BOUNDING_BOX / GRIDS, USING left out), stored
 * with the defaults SQL Server fills in and reported in sys.indexes (type 3 XML, 4 SPATIAL),
 * sys.xml_indexes, sys.spatial_indexes and sys.spatial_index_tessellations; and what SQL Server
 * refuses (no clustered primary key, no primary XML index, a geometry index without a bounding
 * box, ONLINE = ON, the primary key or the indexed column changed while they exist).
 */
import { open, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = open();
  await h.ok(`CREATE TABLE dbo.doc (id int NOT NULL CONSTRAINT pk_doc PRIMARY KEY CLUSTERED, body xml NULL, shape geometry NULL, place geography NULL, n int NULL);
INSERT INTO dbo.doc (id, n) VALUES (1, 1), (2, 2);`);
});

const errorsOf = async (sql: string) => (await h.errors(sql)).map((e) => e.number);

test('primary and secondary XML indexes: sys.indexes type 3, sys.xml_indexes kinds and USING', async () => {
  await h.ok(`CREATE PRIMARY XML INDEX pxml_doc_body ON dbo.doc (body);
CREATE XML INDEX xpath_doc_body ON dbo.doc (body) USING XML INDEX pxml_doc_body FOR PATH WITH (FILLFACTOR = 80, PAD_INDEX = ON);
CREATE XML INDEX xvalue_doc_body ON [dbo].[doc] ([body]) USING XML INDEX [pxml_doc_body] FOR VALUE;`);
  expect(await h.rows(`SELECT name, type, type_desc, is_unique, fill_factor, is_padded FROM sys.indexes WHERE object_id = OBJECT_ID('dbo.doc') AND type = 3 ORDER BY index_id`)).toEqual([
    { name: 'pxml_doc_body', type: 3, type_desc: 'XML', is_unique: false, fill_factor: 0, is_padded: false },
    { name: 'xpath_doc_body', type: 3, type_desc: 'XML', is_unique: false, fill_factor: 80, is_padded: true },
    { name: 'xvalue_doc_body', type: 3, type_desc: 'XML', is_unique: false, fill_factor: 0, is_padded: false },
  ]);
  const xi = await h.rows(`SELECT xi.name, xi.using_xml_index_id, p.name AS using_name, xi.secondary_type, xi.secondary_type_desc, xi.xml_index_type, xi.xml_index_type_description
FROM sys.xml_indexes xi LEFT JOIN sys.indexes p ON p.object_id = xi.object_id AND p.index_id = xi.using_xml_index_id ORDER BY xi.index_id`);
  expect(xi.map((r) => [r.name, r.using_name, r.secondary_type, r.secondary_type_desc, r.xml_index_type, r.xml_index_type_description])).toEqual([
    ['pxml_doc_body', null, null, null, 0, 'PRIMARY_XML'],
    ['xpath_doc_body', 'pxml_doc_body', 'P', 'PATH', 1, 'SECONDARY_XML'],
    ['xvalue_doc_body', 'pxml_doc_body', 'V', 'VALUE', 1, 'SECONDARY_XML'],
  ]);
  // Dropping the primary takes its secondaries along (drop-xml-indexes).
  await h.ok(`DROP INDEX pxml_doc_body ON dbo.doc;`);
  expect(await h.rows(`SELECT name FROM sys.xml_indexes`)).toEqual([]);
});

test('XML index refusals: no clustered primary key, no primary, not xml, a second primary, ONLINE = ON', async () => {
  await h.ok(`CREATE TABLE dbo.heap (id int NOT NULL CONSTRAINT pk_heap PRIMARY KEY NONCLUSTERED, body xml NULL);`);
  expect(await errorsOf(`CREATE PRIMARY XML INDEX p ON dbo.heap (body);`)).toEqual([6332]);
  expect(await errorsOf(`CREATE XML INDEX s ON dbo.doc (body) USING XML INDEX nope FOR PATH;`)).toEqual([6339]);
  expect(await errorsOf(`CREATE PRIMARY XML INDEX p ON dbo.doc (n);`)).toEqual([6309]);
  await h.ok(`CREATE PRIMARY XML INDEX p ON dbo.doc (body);`);
  expect(await errorsOf(`CREATE PRIMARY XML INDEX p2 ON dbo.doc (body);`)).toEqual([6330]);
  expect(await errorsOf(`CREATE XML INDEX s ON dbo.doc (body) USING XML INDEX p FOR PATH WITH (ONLINE = ON);`)).toEqual([2725]);
});

test('spatial indexes: defaults filled in, named and positional forms, AUTO_GRID levels NULL', async () => {
  await h.ok(`CREATE SPATIAL INDEX s1 ON dbo.doc (shape) WITH (BOUNDING_BOX = (0, 0, 500, 200));
CREATE SPATIAL INDEX s2 ON dbo.doc (shape) USING GEOMETRY_GRID WITH (BOUNDING_BOX = (XMIN = -10.5, YMIN = 0, XMAX = 500, YMAX = 200), GRIDS = (LEVEL_4 = HIGH, LEVEL_1 = LOW), CELLS_PER_OBJECT = 64, PAD_INDEX = ON);
CREATE SPATIAL INDEX s3 ON dbo.doc (place);
CREATE SPATIAL INDEX s4 ON dbo.doc (place) USING GEOGRAPHY_GRID WITH (GRIDS = (MEDIUM, LOW, MEDIUM, HIGH));`);
  expect(await h.rows(`SELECT name, type, type_desc, spatial_index_type_desc, tessellation_scheme FROM sys.spatial_indexes ORDER BY index_id`)).toEqual([
    { name: 's1', type: 4, type_desc: 'SPATIAL', spatial_index_type_desc: 'GEOMETRY', tessellation_scheme: 'GEOMETRY_AUTO_GRID' },
    { name: 's2', type: 4, type_desc: 'SPATIAL', spatial_index_type_desc: 'GEOMETRY', tessellation_scheme: 'GEOMETRY_GRID' },
    { name: 's3', type: 4, type_desc: 'SPATIAL', spatial_index_type_desc: 'GEOGRAPHY', tessellation_scheme: 'GEOGRAPHY_AUTO_GRID' },
    { name: 's4', type: 4, type_desc: 'SPATIAL', spatial_index_type_desc: 'GEOGRAPHY', tessellation_scheme: 'GEOGRAPHY_GRID' },
  ]);
  const rows = await h.rows(`SELECT tessellation_scheme, bounding_box_xmin, bounding_box_ymin, bounding_box_xmax, bounding_box_ymax,
  level_1_grid, level_1_grid_desc, level_2_grid_desc, level_3_grid_desc, level_4_grid, level_4_grid_desc, cells_per_object
FROM sys.spatial_index_tessellations ORDER BY index_id`);
  expect(rows.map((r) => Object.values(r))).toEqual([
    ['GEOMETRY_AUTO_GRID', 0, 0, 500, 200, null, null, null, null, null, null, 8],
    ['GEOMETRY_GRID', -10.5, 0, 500, 200, 16, 'LOW', 'MEDIUM', 'MEDIUM', 256, 'HIGH', 64],
    ['GEOGRAPHY_AUTO_GRID', null, null, null, null, null, null, null, null, null, null, 12],
    ['GEOGRAPHY_GRID', null, null, null, null, 64, 'MEDIUM', 'LOW', 'MEDIUM', 256, 'HIGH', 16],
  ]);
});

test('spatial index refusals: wrong type, bounding box missing or misplaced, GRIDS on AUTO_GRID, no clustered key', async () => {
  expect(await errorsOf(`CREATE SPATIAL INDEX s ON dbo.doc (n);`)).toEqual([12001]);
  expect(await errorsOf(`CREATE SPATIAL INDEX s ON dbo.doc (shape);`)).toEqual([12009]);
  expect(await errorsOf(`CREATE SPATIAL INDEX s ON dbo.doc (shape) USING GEOGRAPHY_GRID;`)).toEqual([12009]);
  expect(await errorsOf(`CREATE SPATIAL INDEX s ON dbo.doc (place) WITH (BOUNDING_BOX = (0, 0, 1, 1));`)).toEqual([12009]);
  expect(await errorsOf(`CREATE SPATIAL INDEX s ON dbo.doc (place) WITH (GRIDS = (LOW, LOW, LOW, LOW));`)).toEqual([12009]);
  expect(await errorsOf(`CREATE SPATIAL INDEX s ON dbo.doc (place) WITH (CELLS_PER_OBJECT = 9000);`)).toEqual([12009]);
  expect(await errorsOf(`CREATE SPATIAL INDEX s ON dbo.doc (place) WITH (ONLINE = ON);`)).toEqual([2725]);
  await h.ok(`CREATE TABLE dbo.heap (id int NOT NULL, place geography NULL);`);
  expect(await errorsOf(`CREATE SPATIAL INDEX s ON dbo.heap (place);`)).toEqual([12008]);
});

test('the primary key and the indexed column cannot change while XML or spatial indexes exist', async () => {
  await h.ok(`CREATE PRIMARY XML INDEX p ON dbo.doc (body); CREATE SPATIAL INDEX s ON dbo.doc (place);`);
  expect(await errorsOf(`ALTER TABLE dbo.doc DROP CONSTRAINT pk_doc;`)).toEqual([3734, 3727]);
  expect(await errorsOf(`ALTER TABLE dbo.doc ALTER COLUMN body xml NOT NULL;`)).toEqual([5074, 4922]);
  expect(await errorsOf(`ALTER TABLE dbo.doc DROP COLUMN place;`)).toEqual([5074, 4922]);
  await h.ok(`DROP INDEX p ON dbo.doc; DROP INDEX s ON dbo.doc; ALTER TABLE dbo.doc DROP CONSTRAINT pk_doc;`);
});
