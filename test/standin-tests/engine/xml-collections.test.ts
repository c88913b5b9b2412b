/**
 * XML schema collections and typed xml columns in the stand-in: CREATE / DROP XML SCHEMA
 * COLLECTION, sys.xml_schema_collections (sys.sys as id 1), sys.columns xml_collection_id and
 * is_xml_document for xml(CONTENT | DOCUMENT c) columns, ALTER COLUMN to and from typed xml, and
 * the errors: a missing collection, DROP while a column uses it, a rollback undoing the DDL.
 */
import { open, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = open();
  await h.ok(`CREATE XML SCHEMA COLLECTION dbo.ResumeSchema AS N'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"><xsd:element name="r" type="xsd:string"/></xsd:schema>';`);
});

const TYPED = `SELECT c.name, c.xml_collection_id, c.is_xml_document, SCHEMA_NAME(x.schema_id) AS collection_schema, x.name AS collection
FROM sys.columns c LEFT JOIN sys.xml_schema_collections x ON x.xml_collection_id = c.xml_collection_id AND c.xml_collection_id <> 0
WHERE c.object_id = OBJECT_ID('dbo.candidates') ORDER BY c.column_id`;

test('typed xml columns report their collection; untyped ones report 0', async () => {
  await h.ok(`CREATE TABLE dbo.candidates (id int NOT NULL, resume xml(CONTENT dbo.ResumeSchema) NULL, doc xml(DOCUMENT [dbo].[ResumeSchema]) NULL, plain xml NULL);`);
  const rows = await h.rows(TYPED);
  expect(rows.map((r) => [r.name, r.xml_collection_id === 0 ? 0 : 'id', r.is_xml_document, r.collection_schema, r.collection])).toEqual([
    ['id', 0, false, null, null],
    ['resume', 'id', false, 'dbo', 'ResumeSchema'],
    ['doc', 'id', true, 'dbo', 'ResumeSchema'],
    ['plain', 0, false, null, null],
  ]);
  expect(await h.rows(`SELECT name FROM sys.xml_schema_collections WHERE xml_collection_id = 1`)).toEqual([{ name: 'sys' }]);
  await h.ok(`ALTER TABLE dbo.candidates ALTER COLUMN plain xml(dbo.ResumeSchema) NULL; ALTER TABLE dbo.candidates ALTER COLUMN resume xml NULL;`);
  expect((await h.rows(TYPED)).map((r) => [r.name, r.collection])).toEqual([['id', null], ['resume', null], ['doc', 'ResumeSchema'], ['plain', 'ResumeSchema']]);
});

test('a missing collection, DROP while used, and a rollback', async () => {
  expect((await h.errors(`CREATE TABLE dbo.t (d xml(dbo.Nope) NULL);`)).map((e) => e.number)).toEqual([2214]);
  expect((await h.errors(`CREATE XML SCHEMA COLLECTION dbo.ResumeSchema AS N'<x/>';`)).map((e) => e.number)).toEqual([2714]);
  await h.ok(`CREATE TABLE dbo.t (d xml(dbo.ResumeSchema) NULL);`);
  expect((await h.errors(`DROP XML SCHEMA COLLECTION dbo.ResumeSchema;`)).map((e) => e.number)).toEqual([6328]);
  await h.ok(`DROP TABLE dbo.t; BEGIN TRANSACTION; DROP XML SCHEMA COLLECTION dbo.ResumeSchema; ROLLBACK;`);
  expect(await h.rows(`SELECT name FROM sys.xml_schema_collections WHERE xml_collection_id <> 1`)).toEqual([{ name: 'ResumeSchema' }]);
});
