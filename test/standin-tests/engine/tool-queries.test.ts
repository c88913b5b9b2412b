/**
 * Catalog queries real clients run: schemac's own batch (the product's text, read here as data:
 * the stand-in itself shares no code with src/, but a hand copy in a test would go stale when
 * the product's queries change) and the shapes Prisma, EF Core and sqldef use
 * (/work/shared/sqlserver-catalog.md section 1).
 */
import { CATALOG_BATCH, CATALOG_QUERIES, FINGERPRINT_QUERY } from '../../../src/catalog/queries';
import { open, SAAS_DDL } from './harness';
import type { Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = open();
  await h.ok(SAAS_DDL);
  await h.ok(`CREATE SCHEMA schemac`);
  await h.ok(`CREATE TABLE schemac.history (id INT NOT NULL PRIMARY KEY)`);
  await h.ok(`INSERT INTO dbo.tenants (name) VALUES ('a'), ('b')`);
});

test("schemac's catalog batch returns one result set per query", async () => {
  const sets = await h.sets(CATALOG_BATCH);
  expect(sets).toHaveLength(CATALOG_QUERIES.length);
  const named = (name: (typeof CATALOG_QUERIES)[number]['name']) => sets[CATALOG_QUERIES.findIndex((q) => q.name === name)]!;
  const [database, schemas, tables, columns, indexes, indexColumns, keys, checks, defaults, fks, fkColumns, rowCounts] = ([
    'database', 'schemas', 'tables', 'columns', 'indexes', 'index_columns', 'key_constraints', 'check_constraints',
    'default_constraints', 'foreign_keys', 'foreign_key_columns', 'row_counts',
  ] as const).map(named);
  // The stand-in's default edition is Developer (EngineEdition 3), version 16 (SQL Server 2022).
  expect(database).toEqual([{
    database: 'app', server_version: '16.0.4135.4', database_collation: 'SQL_Latin1_General_CP1_CI_AS',
    engine_edition: 3, edition: 'Developer Edition (64-bit)', product_major_version: 16, change_tracking_on: false,
  }]);
  expect(schemas).toEqual([{ name: 'dbo' }]);
  expect(tables.map((t) => t.name)).toEqual(['tenants', 'users']);
  const tenantsId = tables[0].object_id;
  expect(columns.find((c) => c.object_id === tenantsId && c.name === 'index_id')).toMatchObject({ type_name: 'bigint', system_type_name: null, is_identity: true, seed_value: '1', increment_value: '1', is_computed: false, computed_definition: null });
  expect(columns.filter((c) => c.object_id === tenantsId).map((c) => c.column_id)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(indexes.map((i) => i.name)).toEqual(['ix_tenants_index_id', 'pk_tenants', 'ix_tenants_active', 'ix_users_index_id', 'pk_users', 'ix_users_tenant_email', 'ix_users_tenant_last_login']);
  expect(indexColumns.filter((c) => c.is_included_column === true)).toHaveLength(1);
  expect(keys.map((k) => [k.name, k.type, k.is_system_named])).toEqual([['pk_tenants', 'PK', false], ['pk_users', 'PK', false]]);
  expect(checks.map((c) => c.name)).toEqual(['ck_users_status']);
  expect(defaults).toHaveLength(9);
  expect(fks).toMatchObject([{ name: 'fk_users_tenant', delete_referential_action_desc: 'CASCADE', update_referential_action_desc: 'NO_ACTION' }]);
  expect(fkColumns).toHaveLength(1);
  // used_pages sums sys.dm_db_partition_stats over every index: the stand-in estimates one page
  // per non-empty index (tenants has three), none for an empty table.
  expect(rowCounts).toEqual([{ object_id: tenantsId, rows: 2, used_pages: 3 }, { object_id: tables[1].object_id, rows: 0, used_pages: 0 }]);
});

test("schemac's fingerprint query moves when the schema changes", async () => {
  const q = FINGERPRINT_QUERY;
  const [before] = await h.rows(q);
  await h.ok(`ALTER TABLE dbo.tenants ADD CONSTRAINT ck_tenants_name CHECK (name <> '')`);
  const [after] = await h.rows(q);
  expect(after.object_count).toBe((before.object_count as number) + 1);
  await h.ok(`ALTER TABLE dbo.tenants DROP CONSTRAINT ck_tenants_name`);
});

test('Prisma-shaped column, index and foreign key queries', async () => {
  const cols = await h.rows(`
    SELECT c.name AS column_name,
      CASE typ.is_assembly_type WHEN 1 THEN TYPE_NAME(c.user_type_id) ELSE TYPE_NAME(c.system_type_id) END AS data_type,
      COLUMNPROPERTY(c.object_id, c.name, 'charmaxlen') AS character_maximum_length,
      OBJECT_DEFINITION(c.default_object_id) AS column_default,
      c.is_nullable AS is_nullable,
      COLUMNPROPERTY(c.object_id, c.name, 'IsIdentity') AS is_identity,
      OBJECT_NAME(c.object_id) AS table_name,
      OBJECT_NAME(c.default_object_id) AS constraint_name,
      CASE WHEN c.system_type_id IN (48, 52, 56, 59, 60, 62, 106, 108, 122, 127) THEN c.precision END AS numeric_precision,
      CASE WHEN c.system_type_id IN (40, 41, 42, 43, 58, 61) THEN NULL ELSE ODBCSCALE(c.system_type_id, c.scale) END AS numeric_scale,
      SCHEMA_NAME(obj.schema_id) AS namespace
    FROM sys.columns c
    INNER JOIN sys.objects obj ON c.object_id = obj.object_id
    INNER JOIN sys.types typ ON c.user_type_id = typ.user_type_id
    WHERE obj.is_ms_shipped = 0 AND obj.type = 'U' AND SCHEMA_NAME(obj.schema_id) IN ('dbo')
    ORDER BY COLUMNPROPERTY(c.object_id, c.name, 'ordinal')`);
  const status = cols.find((c) => c.table_name === 'users' && c.column_name === 'status');
  expect(status).toMatchObject({ data_type: 'varchar', character_maximum_length: 20, column_default: "('active')", constraint_name: 'df_users_status', is_identity: 0, numeric_precision: null });
  expect(cols.find((c) => c.table_name === 'users' && c.column_name === 'login_count')).toMatchObject({ numeric_precision: 10, numeric_scale: 0 });
  const idx = await h.rows(`
    SELECT DISTINCT ind.name AS index_name, ind.is_unique AS is_unique, ind.is_unique_constraint AS is_unique_constraint,
      ind.is_primary_key AS is_primary_key, col.name AS column_name, ic.key_ordinal AS seq_in_index, ic.is_descending_key AS is_descending,
      t.name AS table_name, ind.type_desc AS clustering
    FROM sys.indexes ind
    INNER JOIN sys.index_columns ic ON ind.object_id = ic.object_id AND ind.index_id = ic.index_id
    INNER JOIN sys.columns col ON ic.object_id = col.object_id AND ic.column_id = col.column_id
    INNER JOIN sys.tables t ON ind.object_id = t.object_id
    WHERE SCHEMA_NAME(t.schema_id) = 'dbo' AND t.is_ms_shipped = 0 AND ic.key_ordinal != 0 AND ind.filter_definition IS NULL
      AND ind.name IS NOT NULL AND ind.type_desc IN ('CLUSTERED', 'NONCLUSTERED', 'CLUSTERED COLUMNSTORE', 'NONCLUSTERED COLUMNSTORE')
    ORDER BY table_name, index_name, seq_in_index`);
  expect(idx.map((r) => `${r.table_name}.${r.index_name}.${r.column_name}:${r.clustering}`)).toEqual([
    'tenants.ix_tenants_index_id.index_id:CLUSTERED', 'tenants.pk_tenants.id:NONCLUSTERED',
    'users.ix_users_index_id.index_id:CLUSTERED', 'users.pk_users.id:NONCLUSTERED',
  ]);
  const fks = await h.rows(`
    SELECT OBJECT_NAME(fkc.constraint_object_id) AS constraint_name, parent_table.name AS table_name, referenced_table.name AS referenced_table_name,
      SCHEMA_NAME(referenced_table.schema_id) AS referenced_schema_name, parent_column.name AS column_name, referenced_column.name AS referenced_column_name,
      fk.delete_referential_action, fk.update_referential_action, fkc.constraint_column_id AS ordinal_position
    FROM sys.foreign_key_columns AS fkc
    INNER JOIN sys.tables AS parent_table ON fkc.parent_object_id = parent_table.object_id
    INNER JOIN sys.tables AS referenced_table ON fkc.referenced_object_id = referenced_table.object_id
    INNER JOIN sys.columns AS parent_column ON fkc.parent_object_id = parent_column.object_id AND fkc.parent_column_id = parent_column.column_id
    INNER JOIN sys.columns AS referenced_column ON fkc.referenced_object_id = referenced_column.object_id AND fkc.referenced_column_id = referenced_column.column_id
    INNER JOIN sys.foreign_keys AS fk ON fkc.constraint_object_id = fk.object_id AND fkc.parent_object_id = fk.parent_object_id
    WHERE parent_table.is_ms_shipped = 0 AND referenced_table.is_ms_shipped = 0 AND OBJECT_SCHEMA_NAME(fkc.parent_object_id) = 'dbo'
    ORDER BY table_name, constraint_name, ordinal_position`);
  expect(fks).toEqual([{ constraint_name: 'fk_users_tenant', table_name: 'users', referenced_table_name: 'tenants', referenced_schema_name: 'dbo', column_name: 'tenant_id', referenced_column_name: 'id', delete_referential_action: 1, update_referential_action: 0, ordinal_position: 1 }]);
});

test('EF Core-shaped column and index queries', async () => {
  const cols = await h.rows(`
    SELECT SCHEMA_NAME([t].[schema_id]) AS [table_schema], [t].[name] AS [table_name], [c].[name] AS [column_name], [c].[column_id] AS [ordinal],
      SCHEMA_NAME([tp].[schema_id]) AS [type_schema], [tp].[name] AS [type_name], CAST([c].[max_length] AS int) AS [max_length],
      [c].[precision] AS [precision], [c].[scale] AS [scale], [c].[is_nullable] AS [nullable], [c].[is_identity] AS [is_identity],
      [dc].[definition] AS [default_sql], [dc].[name] AS [default_constraint_name], [dc].[is_system_named] AS [default_constraint_is_system_named],
      [cc].[definition] AS [computed_sql], [cc].[is_persisted] AS [computed_is_persisted], [c].[collation_name] AS [collation_name], [c].[is_sparse] AS [is_sparse]
    FROM [sys].[columns] AS [c]
    JOIN [sys].[tables] AS [t] ON [c].[object_id] = [t].[object_id]
    LEFT JOIN [sys].[types] AS [tp] ON [c].[user_type_id] = [tp].[user_type_id]
    LEFT JOIN [sys].[computed_columns] AS [cc] ON [c].[object_id] = [cc].[object_id] AND [c].[column_id] = [cc].[column_id]
    LEFT JOIN [sys].[default_constraints] AS [dc] ON [c].[object_id] = [dc].[parent_object_id] AND [c].[column_id] = [dc].[parent_column_id]
    WHERE [t].[is_ms_shipped] = 0 AND [t].[name] <> '__EFMigrationsHistory'
    ORDER BY [table_schema], [table_name], [c].[column_id]`);
  expect(cols.find((c) => c.table_name === 'users' && c.column_name === 'display_name')).toMatchObject({ type_name: 'nvarchar', max_length: 510, nullable: false, default_sql: null, collation_name: 'SQL_Latin1_General_CP1_CI_AS', type_schema: 'sys' });
  expect(cols.find((c) => c.table_name === 'users' && c.column_name === 'is_deleted')).toMatchObject({ default_sql: '((0))', default_constraint_name: 'df_users_is_deleted', default_constraint_is_system_named: false });
  expect(cols.filter((c) => c.table_schema === 'schemac')).toHaveLength(1);
  const idx = await h.rows(`
    SELECT SCHEMA_NAME([t].[schema_id]) AS [table_schema], [t].[name] AS [table_name], [i].[name] AS [index_name], [i].[type_desc], [i].[is_primary_key],
      [i].[is_unique_constraint], [i].[is_unique], [i].[has_filter], [i].[filter_definition], [i].[fill_factor], COL_NAME([ic].[object_id], [ic].[column_id]) AS [column_name],
      [ic].[is_descending_key], [ic].[is_included_column]
    FROM [sys].[indexes] AS [i]
    JOIN [sys].[tables] AS [t] ON [i].[object_id] = [t].[object_id]
    JOIN [sys].[index_columns] AS [ic] ON [i].[object_id] = [ic].[object_id] AND [i].[index_id] = [ic].[index_id]
    WHERE [i].[is_hypothetical] = 0 AND [t].[name] = N'users'
    ORDER BY [table_schema], [table_name], [index_name], [ic].[key_ordinal]`);
  const lastLogin = idx.filter((r) => r.index_name === 'ix_users_tenant_last_login');
  expect(lastLogin.map((r) => [r.column_name, r.is_descending_key, r.is_included_column])).toEqual([['display_name', false, true], ['tenant_id', false, false], ['last_login_at', true, false]]);
  expect(lastLogin[0]).toMatchObject({ has_filter: true, filter_definition: '([is_deleted]=(0))' });
});

test('sqldef-shaped index query joining sys.stats, and column query with identity and checks', async () => {
  const idx = await h.rows(`
    SELECT ind.name AS index_name, ind.is_primary_key, ind.is_unique, ind.is_unique_constraint, ind.type_desc, ind.filter_definition,
      ind.is_padded, ind.fill_factor, ind.ignore_dup_key, st.no_recompute, st.is_incremental, ind.allow_row_locks, ind.allow_page_locks,
      COL_NAME(ic.object_id, ic.column_id) AS column_name, ic.is_descending_key, ic.is_included_column
    FROM sys.indexes ind
    INNER JOIN sys.stats st ON ind.object_id = st.object_id AND ind.index_id = st.stats_id
    INNER JOIN sys.index_columns ic ON ind.object_id = ic.object_id AND ind.index_id = ic.index_id
    WHERE ind.object_id = OBJECT_ID('[dbo].[tenants]')
    ORDER BY ind.index_id, ic.key_ordinal`);
  expect(idx.map((r) => r.index_name)).toEqual(['ix_tenants_index_id', 'pk_tenants', 'ix_tenants_active']);
  expect(idx[2]).toMatchObject({ filter_definition: '([is_deleted]=(0))', allow_row_locks: true, no_recompute: false });
  const cols = await h.rows(`
    SELECT c.name, [type_name] = tp.name, c.max_length, c.precision, c.scale, c.is_nullable, c.is_identity, ic.seed_value, ic.increment_value,
      ic.is_not_for_replication, c.default_object_id, default_name = OBJECT_NAME(c.default_object_id), default_definition = OBJECT_DEFINITION(c.default_object_id),
      check_name = cc.name, check_definition = cc.definition
    FROM sys.columns c
    INNER JOIN sys.types tp ON c.user_type_id = tp.user_type_id
    LEFT JOIN sys.check_constraints cc ON c.object_id = cc.parent_object_id AND cc.parent_column_id = c.column_id
    LEFT JOIN sys.identity_columns ic ON c.object_id = ic.object_id AND c.column_id = ic.column_id
    WHERE c.object_id = OBJECT_ID('dbo.users')
    ORDER BY c.column_id`);
  expect(cols[1]).toMatchObject({ name: 'index_id', type_name: 'bigint', is_identity: true, seed_value: 1, increment_value: 1, default_name: null });
  expect(cols[0]).toMatchObject({ name: 'id', default_name: 'df_users_id', default_definition: '(newid())' });
  const checks = await h.rows(`SELECT cc.name, cc.definition FROM sys.check_constraints cc WHERE cc.parent_object_id = OBJECT_ID('dbo.users') AND cc.parent_column_id = 0`);
  expect(checks.map((c) => c.name)).toEqual(['ck_users_status']);
});

test('INFORMATION_SCHEMA and parameters through sp_executesql (as mssql sends them)', async () => {
  const out = await h.session.executeRpc('sp_executesql', [
    { name: '@statement', type: 'nvarchar(max)', value: 'SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = @t AND COLUMN_NAME = @c' },
    { name: '@params', type: 'nvarchar(max)', value: '@t nvarchar(128), @c nvarchar(128)' },
    { name: '@t', type: 'nvarchar(128)', value: 'users' },
    { name: '@c', type: 'nvarchar(128)', value: 'display_name' },
  ], new AbortController().signal);
  const rs = out.find((o) => o.kind === 'resultSet');
  expect(rs && rs.kind === 'resultSet' ? rs.resultSet.rows : null).toEqual([['users', 'display_name', 'nvarchar', 255]]);
});
