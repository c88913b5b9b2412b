/** The built-in example (schema/, design.md "The user's world") compiles to exactly the model described. */
import * as path from 'path';
import { compileSchema } from '../../src/compiler';
import type { Table } from '../../src/model';

const result = compileSchema(path.resolve(__dirname, '../../schema'));
const table = (name: string): Table => {
  const t = result.database.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
};
/** A column as "name TYPE NULL|NOT NULL [IDENTITY(s,i)]". */
const columnLine = (t: Table): string[] => t.columns.map((c) => {
  const facets = c.type.length !== undefined ? `(${c.type.length})` : '';
  const identity = c.identity ? ` IDENTITY(${c.identity.seed},${c.identity.increment})` : '';
  return `${c.name} ${c.type.name}${facets} ${c.nullable ? 'NULL' : 'NOT NULL'}${identity}`;
});
/** An index as "name (cols) [unique] [clustered] [WHERE filter]". */
const indexLine = (t: Table): string[] => t.indexes.map((i) => [
  `${i.name} (${i.columns.map((c) => c.name + (c.descending ? ' DESC' : '')).join(', ')})`,
  i.unique ? 'unique' : '', i.clustered ? 'clustered' : '', i.filter ? `WHERE ${i.filter.text}` : '',
].filter(Boolean).join(' '));

const audited = [
  'id uniqueidentifier NOT NULL', 'index_id bigint NOT NULL IDENTITY(1,1)',
  'created_at datetime NOT NULL', 'updated_at datetime NOT NULL', 'is_deleted bit NOT NULL',
];

describe('the example schema', () => {
  test('compiles with no diagnostics into two dbo tables', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.database).toMatchObject({ name: null, collation: 'SQL_Latin1_General_CP1_CI_AS', schemas: ['dbo'] });
    expect(result.database.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['dbo.tenants', 'dbo.users']);
  });

  test('tenants: AuditedEntity columns, then name', () => {
    expect(columnLine(table('tenants'))).toEqual([...audited, 'name varchar(255) NOT NULL']);
  });

  test('users: AuditedEntity, BaseEntity, then its own columns in declaration order', () => {
    expect(columnLine(table('users'))).toEqual([
      ...audited, 'tenant_id uniqueidentifier NOT NULL',
      'identity_provider varchar(50) NOT NULL', 'identity_provider_id varchar(255) NOT NULL',
      'email varchar(255) NOT NULL', 'display_name varchar(255) NOT NULL', 'last_login_at datetime NULL',
      'login_count int NOT NULL', 'total_usage_minutes int NOT NULL', 'last_session_start datetime NULL',
      'last_active_at datetime NULL', 'status varchar(20) NOT NULL', 'user_metadata varchar(4000) NULL',
    ]);
  });

  test('the GUID primary key is nonclustered and named per table', () => {
    for (const name of ['tenants', 'users']) {
      expect(table(name).primaryKey).toMatchObject({ name: `pk_${name}`, clustered: false, columns: [{ name: 'id', descending: false }], isSystemNamed: false });
    }
  });

  test('indexes: mixin templates expanded per table, mixin ones first, filters on is_deleted', () => {
    expect(indexLine(table('tenants'))).toEqual([
      'ix_tenants_index_id (index_id) unique clustered',
      'ix_tenants_active (is_deleted) WHERE [is_deleted] = 0',
    ]);
    expect(indexLine(table('users'))).toEqual([
      'ix_users_index_id (index_id) unique clustered',
      'ix_users_active (is_deleted) WHERE [is_deleted] = 0',
      'ix_users_tenant_active (tenant_id, is_deleted, index_id) WHERE [is_deleted] = 0',
      'ix_users_tenant_id_lookup (tenant_id, id) WHERE [is_deleted] = 0',
      'ix_users_tenant_email (tenant_id, email) unique WHERE [is_deleted] = 0',
      'ix_users_identity_provider (identity_provider, identity_provider_id) unique WHERE [is_deleted] = 0',
      'ix_users_tenant_status (tenant_id, status) WHERE [is_deleted] = 0',
      'ix_users_tenant_last_login (tenant_id, last_login_at) WHERE [is_deleted] = 0',
    ]);
  });

  test('defaults are named df_{table}_{column} and typed like their column', () => {
    const defaults = table('users').defaults.map((d) => `${d.name} ${d.column} ${d.expression.text}`);
    expect(defaults).toEqual([
      'df_users_id id NEWID()', 'df_users_created_at created_at GETDATE()', 'df_users_updated_at updated_at GETDATE()',
      'df_users_is_deleted is_deleted 0', 'df_users_login_count login_count 0',
      'df_users_total_usage_minutes total_usage_minutes 0', "df_users_status status 'active'",
    ]);
    expect(table('tenants').defaults.map((d) => d.name)).toEqual(['df_tenants_id', 'df_tenants_created_at', 'df_tenants_updated_at', 'df_tenants_is_deleted']);
  });

  test('string-literal union types become CHECK ... IN lists in declaration order', () => {
    expect(table('users').checks.map((c) => `${c.name}: ${c.expression.text}`)).toEqual([
      "ck_users_identity_provider: [identity_provider] IN ('entra_id', 'google', 'email', 'github')",
      "ck_users_status: [status] IN ('active', 'invited', 'suspended', 'pending_verification')",
    ]);
    expect(table('users').checks.every((c) => c.expression.parsed && c.trusted && c.enabled)).toBe(true);
    expect(table('tenants').checks).toEqual([]);
  });

  test('users has fk_users_tenant to tenants(id); tenants has none', () => {
    expect(table('users').foreignKeys).toEqual([expect.objectContaining({
      name: 'fk_users_tenant', columns: ['tenant_id'], referencedSchema: 'dbo', referencedTable: 'tenants',
      referencedColumns: ['id'], onDelete: 'NO_ACTION', onUpdate: 'NO_ACTION', trusted: true, enabled: true,
    })]);
    expect(table('tenants').foreignKeys).toEqual([]);
  });

  test('sources point into the file that declared each object', () => {
    const users = table('users');
    expect(users.source?.file).toMatch(/schema[\\/]users\.schema\.ts$/);
    expect(users.columns[0].source?.file).toMatch(/audited-entity\.schema\.ts$/);
    expect(users.columns.find((c) => c.name === 'tenant_id')?.source?.file).toMatch(/base-entity\.schema\.ts$/);
    expect(users.foreignKeys[0].source?.file).toMatch(/base-entity\.schema\.ts$/);
    expect(users.indexes[4].source?.file).toMatch(/users\.schema\.ts$/);
  });
});
