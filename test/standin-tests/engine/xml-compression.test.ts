/**
 * XML_COMPRESSION (SQL Server 2022+) in the stand-in: the table option, index option and REBUILD
 * option of ALTER TABLE / ALTER INDEX (create-table-transact-sql, create-index-transact-sql,
 * alter-table-transact-sql), kept per heap or index and reported by sys.partitions
 * (xml_compression bit, xml_compression_desc OFF | ON); refused where SQL Server has no such
 * option: CREATE COLUMNSTORE INDEX, memory-optimized tables, servers before 2022.
 */
import { createEngine } from '../../standin/engine';
import { open, wrap } from './harness';

const PARTITIONS = `SELECT i.name, p.index_id, p.data_compression_desc AS data, p.xml_compression, p.xml_compression_desc AS xml
FROM sys.partitions p LEFT JOIN sys.indexes i ON i.object_id = p.object_id AND i.index_id = p.index_id
WHERE p.object_id = OBJECT_ID('dbo.docs') ORDER BY p.index_id`;

test('the table and index options are kept per heap or index; a clustered index built on a heap keeps its XML compression; REBUILD changes it', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.docs (id int NOT NULL, code int NOT NULL, body xml NULL) WITH (XML_COMPRESSION = ON)`);
  await h.ok(`CREATE INDEX ix_docs_code ON dbo.docs (code) INCLUDE (body) WITH (DATA_COMPRESSION = PAGE, XML_COMPRESSION = ON)`);
  expect(await h.rows(PARTITIONS)).toEqual([
    { name: null, index_id: 0, data: 'NONE', xml_compression: true, xml: 'ON' },
    { name: 'ix_docs_code', index_id: 2, data: 'PAGE', xml_compression: true, xml: 'ON' },
  ]);
  await h.ok(`ALTER TABLE dbo.docs ADD CONSTRAINT pk_docs PRIMARY KEY CLUSTERED (id)`);
  await h.ok(`ALTER INDEX ix_docs_code ON dbo.docs REBUILD WITH (XML_COMPRESSION = OFF)`);
  expect(await h.rows(PARTITIONS)).toEqual([
    { name: 'pk_docs', index_id: 1, data: 'NONE', xml_compression: true, xml: 'ON' },
    { name: 'ix_docs_code', index_id: 2, data: 'PAGE', xml_compression: false, xml: 'OFF' },
  ]);
  await h.ok(`ALTER TABLE dbo.docs REBUILD WITH (XML_COMPRESSION = OFF, DATA_COMPRESSION = ROW)`);
  expect((await h.rows(PARTITIONS))[0]).toEqual({ name: 'pk_docs', index_id: 1, data: 'ROW', xml_compression: false, xml: 'OFF' });
});

test('refused on a columnstore index, a memory-optimized table, a value other than ON or OFF, and before SQL Server 2022', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.docs (id int NOT NULL, code int NOT NULL)`);
  expect((await h.errors(`CREATE COLUMNSTORE INDEX ncci_docs ON dbo.docs (code) WITH (XML_COMPRESSION = ON)`)).map((e) => e.number)).toEqual([155]);
  expect((await h.errors(`ALTER TABLE dbo.docs REBUILD WITH (XML_COMPRESSION = PAGE)`)).map((e) => e.number)).toEqual([102]);
  await h.ok(`ALTER DATABASE CURRENT ADD FILEGROUP mem_fg CONTAINS MEMORY_OPTIMIZED_DATA;`);
  expect((await h.errors(`CREATE TABLE dbo.mem (id int NOT NULL PRIMARY KEY NONCLUSTERED) WITH (MEMORY_OPTIMIZED = ON, XML_COMPRESSION = ON)`)).map((e) => e.number)).toEqual([10794]);

  const engine = createEngine({ password: 'Secret#1', databases: ['app'], productVersion: '15.0.4355.3' });
  const login = engine.login('sa', 'Secret#1', 'app');
  if (!login.ok) throw new Error(login.error.message);
  const old = wrap(login.session);
  expect((await old.errors(`CREATE TABLE dbo.docs (id int NOT NULL, body xml NULL) WITH (XML_COMPRESSION = ON)`)).map((e) => e.message)).toEqual(["'XML_COMPRESSION' is not a recognized option."]);
});
