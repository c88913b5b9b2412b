/**
 * Memory-optimized tables in the stand-in: the syntax real servers take (MEMORY_OPTIMIZED,
 * DURABILITY, NONCLUSTERED HASH keys, inline and column INDEX ... HASH WITH (BUCKET_COUNT)),
 * reported by sys.tables, sys.indexes (type 7) and sys.hash_indexes (bucket counts rounded up to
 * a power of two); index changes only through ALTER TABLE; no such DDL inside a transaction;
 * none without the MEMORY_OPTIMIZED_DATA filegroup.
 */
import { open, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = open();
});

const FG = `ALTER DATABASE CURRENT ADD FILEGROUP mem_fg CONTAINS MEMORY_OPTIMIZED_DATA;`;
const SESSIONS = `CREATE TABLE dbo.sessions (
  id int NOT NULL CONSTRAINT pk_sessions PRIMARY KEY NONCLUSTERED HASH WITH (BUCKET_COUNT = 1000),
  user_id int NOT NULL INDEX ix_sessions_user NONCLUSTERED HASH WITH (BUCKET_COUNT = 300000),
  started_at datetime2(3) NOT NULL,
  INDEX ix_sessions_started NONCLUSTERED (started_at)
) WITH (MEMORY_OPTIMIZED = ON, DURABILITY = SCHEMA_AND_DATA);`;
const HASHES = `SELECT i.name, i.type, i.type_desc, h.bucket_count FROM sys.indexes i LEFT JOIN sys.hash_indexes h ON h.object_id = i.object_id AND h.index_id = i.index_id
WHERE i.object_id = OBJECT_ID('dbo.sessions') AND i.name IS NOT NULL ORDER BY i.name`;

test('the catalog reports the table, its durability and its hash indexes with stored bucket counts', async () => {
  expect((await h.errors(SESSIONS)).map((e) => e.number)).toEqual([41337]);
  await h.ok(FG);
  expect(await h.rows(`SELECT name, type, type_desc FROM sys.data_spaces WHERE type = 'FX'`)).toEqual([{ name: 'mem_fg', type: 'FX', type_desc: 'MEMORY_OPTIMIZED_DATA_FILEGROUP' }]);
  await h.ok(SESSIONS);
  await h.ok(`INSERT INTO dbo.sessions (id, user_id, started_at) VALUES (1, 10, '2026-01-01'), (2, 20, '2026-01-02');`);
  expect(await h.rows(`SELECT is_memory_optimized, durability, durability_desc FROM sys.tables WHERE name = 'sessions'`)).toEqual([{ is_memory_optimized: true, durability: 0, durability_desc: 'SCHEMA_AND_DATA' }]);
  expect(await h.rows(HASHES)).toEqual([
    { name: 'ix_sessions_started', type: 2, type_desc: 'NONCLUSTERED', bucket_count: null },
    { name: 'ix_sessions_user', type: 7, type_desc: 'NONCLUSTERED HASH', bucket_count: 524288 },
    { name: 'pk_sessions', type: 7, type_desc: 'NONCLUSTERED HASH', bucket_count: 1024 },
  ]);
  await h.ok(`CREATE TABLE dbo.cart (user_id int NOT NULL, INDEX ix_cart_user HASH (user_id) WITH (BUCKET_COUNT = 16)) WITH (MEMORY_OPTIMIZED = ON, DURABILITY = SCHEMA_ONLY);`);
  expect(await h.rows(`SELECT is_memory_optimized, durability_desc FROM sys.tables WHERE name = 'cart'`)).toEqual([{ is_memory_optimized: true, durability_desc: 'SCHEMA_ONLY' }]);
});

test('indexes change only through ALTER TABLE, outside a transaction; rows stay', async () => {
  await h.ok(FG);
  await h.ok(SESSIONS);
  await h.ok(`INSERT INTO dbo.sessions (id, user_id, started_at) VALUES (1, 10, '2026-01-01');`);
  const numbers = async (sql: string) => (await h.errors(sql)).map((e) => e.number);
  expect(await numbers(`CREATE INDEX ix_x ON dbo.sessions (started_at);`)).toEqual([10794]);
  expect(await numbers(`DROP INDEX ix_sessions_started ON dbo.sessions;`)).toEqual([10794]);
  expect(await numbers(`BEGIN TRANSACTION; ALTER TABLE dbo.sessions DROP INDEX ix_sessions_started;`)).toEqual([12331]);
  await h.ok(`IF @@TRANCOUNT > 0 ROLLBACK;`);
  await h.ok(`ALTER TABLE dbo.sessions ADD INDEX ix_sessions_both NONCLUSTERED HASH (user_id, started_at) WITH (BUCKET_COUNT = 64);`);
  await h.ok(`ALTER TABLE dbo.sessions ALTER INDEX pk_sessions REBUILD WITH (BUCKET_COUNT = 5000);`);
  await h.ok(`ALTER TABLE dbo.sessions DROP INDEX ix_sessions_started;`);
  expect(await h.rows(HASHES)).toEqual([
    { name: 'ix_sessions_both', type: 7, type_desc: 'NONCLUSTERED HASH', bucket_count: 64 },
    { name: 'ix_sessions_user', type: 7, type_desc: 'NONCLUSTERED HASH', bucket_count: 524288 },
    { name: 'pk_sessions', type: 7, type_desc: 'NONCLUSTERED HASH', bucket_count: 8192 },
  ]);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM dbo.sessions`)).toEqual([{ n: 1 }]);
  expect(await numbers(`CREATE TABLE dbo.plain (id int NOT NULL PRIMARY KEY NONCLUSTERED HASH WITH (BUCKET_COUNT = 8));`)).toEqual([10794]);
  expect(await numbers(`CREATE TABLE dbo.nokey (a int NOT NULL, INDEX ix_a HASH (a) WITH (BUCKET_COUNT = 8)) WITH (MEMORY_OPTIMIZED = ON);`)).toEqual([41321]);
});
