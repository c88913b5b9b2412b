/** DDL then the catalog views: what a catalog reader sees after schemac's statements ran. */
import { open, SAAS_DDL } from './harness';
import type { Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = open();
  await h.ok(SAAS_DDL);
});

test('sys.tables lists user tables with schema and type', async () => {
  const rows = await h.rows(`SELECT SCHEMA_NAME(schema_id) AS s, name, type, is_ms_shipped FROM sys.tables ORDER BY name`);
  expect(rows).toEqual([
    { s: 'dbo', name: 'tenants', type: 'U ', is_ms_shipped: false }, // char(2), padded
    { s: 'dbo', name: 'users', type: 'U ', is_ms_shipped: false },
  ]);
});

test('sys.columns reports max_length in bytes and precision/scale per type', async () => {
  const rows = await h.rows(`
    SELECT c.name, TYPE_NAME(c.user_type_id) AS type_name, c.max_length, c.precision, c.scale, c.is_nullable, c.is_identity, c.collation_name
    FROM sys.columns c WHERE c.object_id = OBJECT_ID('dbo.users') ORDER BY c.column_id`);
  const by = Object.fromEntries(rows.map((r) => [r.name as string, r]));
  expect(by.id).toMatchObject({ type_name: 'uniqueidentifier', max_length: 16, precision: 0, scale: 0, is_nullable: false, collation_name: null });
  expect(by.index_id).toMatchObject({ type_name: 'bigint', max_length: 8, precision: 19, scale: 0, is_identity: true });
  expect(by.created_at).toMatchObject({ type_name: 'datetime', max_length: 8, precision: 23, scale: 3 });
  expect(by.is_deleted).toMatchObject({ type_name: 'bit', max_length: 1, precision: 1, scale: 0 });
  expect(by.email).toMatchObject({ type_name: 'varchar', max_length: 255, precision: 0, scale: 0, collation_name: 'SQL_Latin1_General_CP1_CI_AS' });
  expect(by.display_name).toMatchObject({ type_name: 'nvarchar', max_length: 510 });
  expect(by.login_count).toMatchObject({ type_name: 'int', max_length: 4, precision: 10, scale: 0 });
  expect(by.last_login_at).toMatchObject({ is_nullable: true });
  expect(by.balance).toMatchObject({ type_name: 'decimal', max_length: 9, precision: 18, scale: 2 });
  expect(by.seen_at).toMatchObject({ type_name: 'datetime2', max_length: 7, precision: 23, scale: 3 });
  expect(rows.map((r) => r.name)).toEqual(['id', 'index_id', 'tenant_id', 'created_at', 'is_deleted', 'email', 'display_name', 'login_count', 'last_login_at', 'status', 'user_metadata', 'balance', 'seen_at']);
});

test('MAX types have max_length -1 and datetime2 defaults to 27/7', async () => {
  await h.ok(`CREATE TABLE dbo.blobs (a NVARCHAR(MAX) NULL, b VARCHAR(MAX) NULL, c VARBINARY(MAX) NULL, d DATETIME2 NULL, e DECIMAL NULL)`);
  const rows = await h.rows(`SELECT name, max_length, precision, scale FROM sys.columns WHERE object_id = OBJECT_ID(N'[dbo].[blobs]') ORDER BY column_id`);
  expect(rows).toEqual([
    { name: 'a', max_length: -1, precision: 0, scale: 0 },
    { name: 'b', max_length: -1, precision: 0, scale: 0 },
    { name: 'c', max_length: -1, precision: 0, scale: 0 },
    { name: 'd', max_length: 8, precision: 27, scale: 7 },
    { name: 'e', max_length: 9, precision: 18, scale: 0 },
  ]);
  await h.ok(`DROP TABLE dbo.blobs`);
});

test('identity seed and increment come from sys.identity_columns', async () => {
  await h.ok(`CREATE TABLE dbo.seq (n INT IDENTITY(100, 5) NOT NULL, v INT NULL)`);
  const rows = await h.rows(`SELECT name, seed_value, increment_value FROM sys.identity_columns WHERE object_id = OBJECT_ID('dbo.seq')`);
  expect(rows).toEqual([{ name: 'n', seed_value: 100, increment_value: 5 }]);
  await h.ok(`INSERT INTO dbo.seq (v) VALUES (1), (2)`);
  expect(await h.rows(`SELECT n FROM dbo.seq ORDER BY n`)).toEqual([{ n: 100 }, { n: 105 }]);
  await h.ok(`DROP TABLE dbo.seq`);
});

test('defaults are stored as SQL Server stores them, named or system-named', async () => {
  const rows = await h.rows(`
    SELECT d.name, c.name AS col, d.definition, d.is_system_named
    FROM sys.default_constraints d JOIN sys.columns c ON c.object_id = d.parent_object_id AND c.column_id = d.parent_column_id
    WHERE d.parent_object_id = OBJECT_ID('dbo.users') ORDER BY c.column_id`);
  expect(rows).toEqual([
    { name: 'df_users_id', col: 'id', definition: '(newid())', is_system_named: false },
    { name: 'df_users_created_at', col: 'created_at', definition: '(getdate())', is_system_named: false },
    { name: 'df_users_is_deleted', col: 'is_deleted', definition: '((0))', is_system_named: false },
    { name: 'df_users_login_count', col: 'login_count', definition: '((0))', is_system_named: false },
    { name: 'df_users_status', col: 'status', definition: "('active')", is_system_named: false },
  ]);
  await h.ok(`CREATE TABLE dbo.accounts (id INT NOT NULL PRIMARY KEY, status VARCHAR(10) NOT NULL DEFAULT 'on')`);
  const sys = await h.rows(`SELECT d.name, d.is_system_named, OBJECT_NAME(d.object_id) AS same FROM sys.default_constraints d WHERE d.parent_object_id = OBJECT_ID('dbo.accounts')`);
  expect(sys).toHaveLength(1);
  expect(sys[0].name).toMatch(/^DF__accounts__statu__[0-9A-F]{8}$/);
  expect(sys[0].is_system_named).toBe(true);
  expect(sys[0].same).toBe(sys[0].name);
  const pk = await h.rows(`SELECT name, is_system_named, type FROM sys.key_constraints WHERE parent_object_id = OBJECT_ID('dbo.accounts')`);
  expect(pk[0].name).toMatch(/^PK__accounts__[0-9A-F]{16}$/);
  expect(pk[0]).toMatchObject({ is_system_named: true, type: 'PK' });
  await h.ok(`DROP TABLE dbo.accounts`);
});

test('check constraints: IN becomes a reversed OR chain', async () => {
  const rows = await h.rows(`SELECT name, definition, parent_column_id, is_disabled, is_not_trusted FROM sys.check_constraints WHERE parent_object_id = OBJECT_ID('dbo.users')`);
  expect(rows).toEqual([{
    name: 'ck_users_status',
    definition: "([status]='pending_verification' OR [status]='suspended' OR [status]='invited' OR [status]='active')",
    parent_column_id: 0, is_disabled: false, is_not_trusted: false,
  }]);
});

test('nonclustered PK, clustered unique index, filtered indexes with INCLUDE and DESC', async () => {
  const idx = await h.rows(`
    SELECT i.name, i.index_id, i.type, i.type_desc, i.is_unique, i.is_primary_key, i.has_filter, i.filter_definition
    FROM sys.indexes i WHERE i.object_id = OBJECT_ID('dbo.users') ORDER BY i.index_id`);
  expect(idx).toEqual([
    { name: 'ix_users_index_id', index_id: 1, type: 1, type_desc: 'CLUSTERED', is_unique: true, is_primary_key: false, has_filter: false, filter_definition: null },
    { name: 'pk_users', index_id: 2, type: 2, type_desc: 'NONCLUSTERED', is_unique: true, is_primary_key: true, has_filter: false, filter_definition: null },
    { name: 'ix_users_tenant_email', index_id: 3, type: 2, type_desc: 'NONCLUSTERED', is_unique: true, is_primary_key: false, has_filter: true, filter_definition: '([is_deleted]=(0))' },
    { name: 'ix_users_tenant_last_login', index_id: 4, type: 2, type_desc: 'NONCLUSTERED', is_unique: false, is_primary_key: false, has_filter: true, filter_definition: '([is_deleted]=(0))' },
  ]);
  const cols = await h.rows(`
    SELECT COL_NAME(ic.object_id, ic.column_id) AS col, ic.key_ordinal, ic.is_descending_key, ic.is_included_column
    FROM sys.index_columns ic JOIN sys.indexes i ON i.object_id = ic.object_id AND i.index_id = ic.index_id
    WHERE i.name = 'ix_users_tenant_last_login' ORDER BY ic.index_column_id`);
  expect(cols).toEqual([
    { col: 'tenant_id', key_ordinal: 1, is_descending_key: false, is_included_column: false },
    { col: 'last_login_at', key_ordinal: 2, is_descending_key: true, is_included_column: false },
    { col: 'display_name', key_ordinal: 0, is_descending_key: false, is_included_column: true },
  ]);
});

test('a table without a clustered index has a heap row (index_id 0); a default PK is clustered', async () => {
  await h.ok(`CREATE TABLE dbo.h1 (a INT NOT NULL); CREATE TABLE dbo.h2 (a INT NOT NULL CONSTRAINT pk_h2 PRIMARY KEY)`);
  const rows = await h.rows(`SELECT OBJECT_NAME(object_id) AS t, index_id, type_desc, name FROM sys.indexes WHERE object_id IN (OBJECT_ID('dbo.h1'), OBJECT_ID('dbo.h2')) ORDER BY t, index_id`);
  expect(rows).toEqual([
    { t: 'h1', index_id: 0, type_desc: 'HEAP', name: null },
    { t: 'h2', index_id: 1, type_desc: 'CLUSTERED', name: 'pk_h2' },
  ]);
  await h.ok(`INSERT INTO dbo.h1 VALUES (1), (2), (3)`);
  expect(await h.rows(`SELECT p.index_id, p.rows FROM sys.partitions p WHERE p.object_id = OBJECT_ID('dbo.h1')`)).toEqual([{ index_id: 0, rows: 3 }]);
  await h.ok(`DROP TABLE dbo.h1; DROP TABLE dbo.h2`);
});

test('foreign keys with actions and columns', async () => {
  const fk = await h.rows(`
    SELECT f.name, OBJECT_NAME(f.parent_object_id) AS parent, OBJECT_NAME(f.referenced_object_id) AS ref,
      f.delete_referential_action, f.delete_referential_action_desc, f.update_referential_action_desc, f.is_disabled, f.is_not_trusted, f.is_system_named
    FROM sys.foreign_keys f`);
  expect(fk).toEqual([{ name: 'fk_users_tenant', parent: 'users', ref: 'tenants', delete_referential_action: 3 - 2, delete_referential_action_desc: 'CASCADE', update_referential_action_desc: 'NO_ACTION', is_disabled: false, is_not_trusted: false, is_system_named: false }]);
  const cols = await h.rows(`
    SELECT fc.constraint_column_id, COL_NAME(fc.parent_object_id, fc.parent_column_id) AS pc, COL_NAME(fc.referenced_object_id, fc.referenced_column_id) AS rc
    FROM sys.foreign_key_columns fc`);
  expect(cols).toEqual([{ constraint_column_id: 1, pc: 'tenant_id', rc: 'id' }]);
});

test('sys.objects carries parent_object_id, type and modify_date for constraints', async () => {
  const rows = await h.rows(`SELECT o.name, o.type, o.type_desc, OBJECT_NAME(o.parent_object_id) AS parent FROM sys.objects o WHERE o.parent_object_id = OBJECT_ID('dbo.tenants') ORDER BY o.name`);
  expect(rows.map((r) => [r.name, r.type, r.parent])).toEqual([
    ['df_tenants_created_at', 'D ', 'tenants'], ['df_tenants_id', 'D ', 'tenants'], ['df_tenants_is_deleted', 'D ', 'tenants'],
    ['df_tenants_updated_at', 'D ', 'tenants'], ['pk_tenants', 'PK', 'tenants'],
  ]);
  const fp = await h.rows(`SELECT COUNT(*) AS n, MAX(modify_date) AS latest FROM sys.objects`);
  expect(fp[0].n).toBe(15); // 2 tables + 9 defaults + 2 PKs + 1 check + 1 FK
  expect(fp[0].latest).toBeInstanceOf(Date);
});

test('computed columns store their definition', async () => {
  await h.ok(`CREATE TABLE dbo.calc (a INT NOT NULL, b INT NOT NULL, s AS (a + b) PERSISTED)`);
  const rows = await h.rows(`SELECT name, definition, is_persisted, is_computed FROM sys.computed_columns WHERE object_id = OBJECT_ID('dbo.calc')`);
  expect(rows).toEqual([{ name: 's', definition: '([a]+[b])', is_persisted: true, is_computed: true }]);
  await h.ok(`INSERT INTO dbo.calc (a, b) VALUES (2, 3)`);
  expect(await h.rows(`SELECT s FROM dbo.calc`)).toEqual([{ s: 5 }]);
  await h.ok(`DROP TABLE dbo.calc`);
});

test('JSON functions in computed columns and checks, as WideWorldImporters declares them', async () => {
  await h.ok(`CREATE TABLE dbo.items (id int NOT NULL PRIMARY KEY, name nvarchar(100) NOT NULL, note varchar(20) NULL, custom nvarchar(max) NULL,
    tags AS (json_query(custom, N'$.Tags')), country AS (JSON_VALUE(custom, N'$.Origin.Country')), search AS (concat(name, N' ', name)), plain AS (CONCAT(note, 'x')),
    CONSTRAINT ck_items_custom CHECK (ISJSON(custom) > 0))`);
  expect(await h.rows(`SELECT name, TYPE_NAME(user_type_id) AS type, max_length FROM sys.columns WHERE object_id = OBJECT_ID('dbo.items') AND is_computed = 1 ORDER BY column_id`)).toEqual([
    { name: 'tags', type: 'nvarchar', max_length: -1 }, { name: 'country', type: 'nvarchar', max_length: 8000 },
    { name: 'search', type: 'nvarchar', max_length: 402 }, { name: 'plain', type: 'varchar', max_length: 21 },
  ]);
  await h.ok(`INSERT INTO dbo.items (id, name, custom) VALUES (1, N'a', N'{"Tags":["x","y"],"Origin":{"Country":"NZ"}}'), (2, N'b', NULL)`);
  expect(await h.rows(`SELECT id, tags, country FROM dbo.items ORDER BY id`)).toEqual([{ id: 1, tags: '["x","y"]', country: 'NZ' }, { id: 2, tags: null, country: null }]);
  expect((await h.errors(`INSERT INTO dbo.items (id, name, custom) VALUES (3, N'c', N'not json')`)).map((e) => e.number)).toEqual([547]);
  expect(await h.rows(`SELECT ISJSON(N'[1]') AS arr, ISJSON(N'1') AS scalar, JSON_VALUE(N'{"a":{"b":2}}', N'$.a') AS obj, JSON_QUERY(N'{"a":[1,2]}', N'lax $.a') AS q`))
    .toEqual([{ arr: 1, scalar: 0, obj: null, q: '[1,2]' }]);
  await h.ok(`DROP TABLE dbo.items`);
});

test('joined strings: lengths in characters added up, nvarchar when any part is, at most 8,000 bytes without a MAX part', async () => {
  await h.ok(`CREATE TABLE dbo.joined (n nvarchar(10) NULL, v varchar(20) NULL, big varchar(5000) NULL, m varchar(max) NULL,
    plus AS (n + v), capped AS (CONCAT(big, big)), lob AS (CONCAT(big, m)))`);
  expect(await h.rows(`SELECT name, TYPE_NAME(user_type_id) AS type, max_length FROM sys.columns WHERE object_id = OBJECT_ID('dbo.joined') AND is_computed = 1 ORDER BY column_id`)).toEqual([
    { name: 'plus', type: 'nvarchar', max_length: 60 }, { name: 'capped', type: 'varchar', max_length: 8000 }, { name: 'lob', type: 'varchar', max_length: -1 },
  ]);
  await h.ok(`DROP TABLE dbo.joined`);
});

test('a computed column is nullable unless it says NOT NULL or is ISNULL(x, constant)', async () => {
  await h.ok(`CREATE TABLE dbo.totals (a money NOT NULL, b money NOT NULL,
    plain AS (a + b), fallback AS (isnull(a + b, (0))), negative AS (ISNULL(a - b, -1)), nullish AS (isnull(a + b, NULL)), stated AS (a + b) PERSISTED NOT NULL)`);
  expect(await h.rows(`SELECT name, is_nullable FROM sys.columns WHERE object_id = OBJECT_ID('dbo.totals') AND is_computed = 1 ORDER BY column_id`)).toEqual([
    { name: 'plain', is_nullable: true }, { name: 'fallback', is_nullable: false }, { name: 'negative', is_nullable: false },
    { name: 'nullish', is_nullable: true }, { name: 'stated', is_nullable: false },
  ]);
  await h.ok(`DROP TABLE dbo.totals`);
});

test('IDENTITY ... NOT FOR REPLICATION and ROWGUIDCOL, in the order AdventureWorks writes them, are stored and reported', async () => {
  await h.ok(`CREATE TABLE dbo.entity (id int IDENTITY(1,1) NOT FOR REPLICATION NOT NULL, rowguid uniqueidentifier ROWGUIDCOL NOT NULL CONSTRAINT DF_entity_rowguid DEFAULT (newid()))`);
  await h.ok(`CREATE TABLE dbo.other (id int IDENTITY(5,2) NOT NULL)`);
  expect(await h.rows(`SELECT OBJECT_NAME(object_id) AS t, name, is_not_for_replication FROM sys.identity_columns WHERE object_id IN (OBJECT_ID('dbo.entity'), OBJECT_ID('dbo.other')) ORDER BY t`))
    .toEqual([{ t: 'entity', name: 'id', is_not_for_replication: true }, { t: 'other', name: 'id', is_not_for_replication: false }]);
  expect(await h.rows(`SELECT name, is_rowguidcol FROM sys.columns WHERE object_id = OBJECT_ID('dbo.entity') ORDER BY column_id`))
    .toEqual([{ name: 'id', is_rowguidcol: false }, { name: 'rowguid', is_rowguidcol: true }]);
  await h.ok(`DROP TABLE dbo.entity; DROP TABLE dbo.other`);
});

test("a computed column's decimal type follows SQL Server's precision and scale rules", async () => {
  // precision-scale-and-length-transact-sql.md: e1 * e2 is (p1 + p2 + 1, s1 + s2); e1 + e2 is
  // (max(s1, s2) + max(p1 - s1, p2 - s2) + 1, max(s1, s2)); e1 / e2 has scale max(6, s1 + p2 + 1);
  // int takes part as decimal(10,0), 0.2 is numeric(1,1), and a precision over 38 keeps the integral part.
  await h.ok(`CREATE TABLE dbo.money_math (
    total DECIMAL(19,4) NOT NULL, qty INT NOT NULL, big DECIMAL(38,10) NOT NULL,
    tax AS (total * 0.2) PERSISTED, line AS (total * qty), net AS (total + 10.50), share AS (total / qty),
    wide AS (big * big), sum2 AS (big + total))`);
  const rows = await h.rows(`SELECT name, precision, scale FROM sys.columns WHERE object_id = OBJECT_ID('dbo.money_math') AND is_computed = 1 ORDER BY column_id`);
  expect(rows).toEqual([
    { name: 'tax', precision: 21, scale: 5 },
    { name: 'line', precision: 30, scale: 4 },
    { name: 'net', precision: 20, scale: 4 },
    { name: 'share', precision: 30, scale: 15 },
    { name: 'wide', precision: 38, scale: 6 },
    { name: 'sum2', precision: 38, scale: 10 },
  ]);
  await h.ok(`DROP TABLE dbo.money_math`);
});

test('sys.types has the system types with SQL Server ids', async () => {
  const rows = await h.rows(`SELECT name, system_type_id, user_type_id FROM sys.types WHERE name IN ('int', 'nvarchar', 'sysname', 'uniqueidentifier', 'datetime2', 'bit') ORDER BY name`);
  expect(rows).toEqual([
    { name: 'bit', system_type_id: 104, user_type_id: 104 },
    { name: 'datetime2', system_type_id: 42, user_type_id: 42 },
    { name: 'int', system_type_id: 56, user_type_id: 56 },
    { name: 'nvarchar', system_type_id: 231, user_type_id: 231 },
    { name: 'sysname', system_type_id: 231, user_type_id: 256 },
    { name: 'uniqueidentifier', system_type_id: 36, user_type_id: 36 },
  ]);
});

test('metadata functions', async () => {
  const [r] = await h.rows(`
    SELECT DB_NAME() AS db, DB_ID() AS dbid, SUSER_SNAME() AS who, SCHEMA_ID('dbo') AS sid, SCHEMA_NAME(1) AS sname,
      COLUMNPROPERTY(OBJECT_ID('dbo.users'), 'display_name', 'charmaxlen') AS chars,
      COLUMNPROPERTY(OBJECT_ID('dbo.users'), 'index_id', 'IsIdentity') AS ident,
      COLUMNPROPERTY(OBJECT_ID('dbo.users'), 'email', 'ordinal') AS ord,
      DATABASEPROPERTYEX(DB_NAME(), 'Collation') AS coll,
      CAST(SERVERPROPERTY('ProductVersion') AS NVARCHAR(128)) AS ver,
      QUOTENAME('a]b') AS q, OBJECT_ID('dbo.nope') AS missing, @@TRANCOUNT AS tc, LEN('abc  ') AS len,
      ISNULL(NULL, 'x') AS isn, COALESCE(NULL, NULL, 3) AS co, UPPER('a') AS up, LOWER('B') AS low`);
  expect(r).toMatchObject({ db: 'app', who: 'sa', sid: 1, sname: 'dbo', chars: 255, ident: 1, ord: 6, coll: 'SQL_Latin1_General_CP1_CI_AS', ver: '16.0.4135.4', q: '[a]]b]', missing: null, tc: 0, len: 3, isn: 'x', co: 3, up: 'A', low: 'b' });
  const d = await h.rows(`SELECT OBJECT_DEFINITION(OBJECT_ID('dbo.df_users_status')) AS def, OBJECT_NAME(c.default_object_id) AS dname FROM sys.columns c WHERE c.object_id = OBJECT_ID('dbo.users') AND c.name = 'status'`);
  expect(d).toEqual([{ def: "('active')", dname: 'df_users_status' }]);
});

test('ALTER INDEX ... DISABLE is reported by sys.indexes.is_disabled until a REBUILD enables it again', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.t (id int NOT NULL PRIMARY KEY, a int NULL); CREATE INDEX ix_t_a ON dbo.t (a);
ALTER INDEX ix_t_a ON dbo.t DISABLE;`);
  expect(await h.rows(`SELECT is_disabled FROM sys.indexes WHERE name = 'ix_t_a'`)).toEqual([{ is_disabled: true }]);
  await h.ok(`ALTER INDEX ix_t_a ON dbo.t REBUILD;`);
  expect(await h.rows(`SELECT is_disabled FROM sys.indexes WHERE name = 'ix_t_a'`)).toEqual([{ is_disabled: false }]);
  expect((await h.errors(`ALTER INDEX nope ON dbo.t DISABLE;`)).map((e) => e.number)).toEqual([1088]);
});
