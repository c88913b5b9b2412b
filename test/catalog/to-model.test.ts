import * as fs from 'fs';
import * as path from 'path';
import { parseSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';
import type { Table } from '../../src/model';

const brownfieldText = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'catalog', 'brownfield.json'), 'utf8');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit the JSON document freely
type Doc = Record<string, any>;

function brownfield(): Doc {
  return JSON.parse(brownfieldText);
}

function model(doc: Doc = brownfield()) {
  return snapshotToModel(parseSnapshot(JSON.stringify(doc), 'brownfield.json'));
}

function table(name: string, doc?: Doc): Table {
  const found = model(doc).database.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

function indexId(doc: Doc, name: string): number {
  return doc.indexes.find((i: Doc) => i.name === name).index_id;
}

describe('brownfield catalog to model', () => {
  const { database, diagnostics } = model();
  const users = database.tables.find((t) => t.name === 'users')!;
  const tenants = database.tables.find((t) => t.name === 'tenants')!;

  it('reads the database facts and reports nothing', () => {
    expect(diagnostics).toEqual([]);
    expect(database.name).toBe('app');
    expect(database.collation).toBe('SQL_Latin1_General_CP1_CI_AS');
    expect(database.schemas).toEqual(['dbo']);
    expect(database.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['dbo.tenants', 'dbo.users']);
    expect(users.rowCount).toBe(42);
  });

  it('reads the columns in column order with their types in characters', () => {
    expect(users.columns.map((c) => c.name)).toEqual([
      'id', 'index_id', 'tenant_id', 'created_at', 'updated_at', 'is_deleted', 'identity_provider',
      'identity_provider_id', 'email', 'display_name', 'last_login_at', 'login_count',
      'total_usage_minutes', 'last_session_start', 'last_active_at', 'status', 'user_metadata',
    ]);
    const byName = new Map(users.columns.map((c) => [c.name, c]));
    expect(byName.get('index_id')).toMatchObject({ type: { name: 'bigint' }, identity: { seed: '1', increment: '1' }, nullable: false });
    expect(byName.get('email')).toMatchObject({ type: { name: 'varchar', length: 255 }, collation: null, nullable: false });
    expect(byName.get('user_metadata')).toMatchObject({ type: { name: 'varchar', length: 4000 }, nullable: true });
    expect(byName.get('last_login_at')).toMatchObject({ type: { name: 'datetime' }, nullable: true, identity: null, computed: null });
  });

  it('reads the system-named nonclustered primary key', () => {
    expect(users.primaryKey).toEqual({
      name: 'PK__users__3213E83F7EFD826D', isSystemNamed: true, clustered: false,
      columns: [{ name: 'id', descending: false }],
    });
    expect(users.uniqueConstraints).toEqual([]);
  });

  it('reads the indexes sorted by name, key columns in key order, filters as stored', () => {
    expect(users.indexes.map((i) => i.name)).toEqual([
      'ix_users_active', 'ix_users_identity_provider', 'ix_users_index_id', 'ix_users_tenant_active',
      'ix_users_tenant_email', 'ix_users_tenant_id_lookup', 'ix_users_tenant_last_login', 'ix_users_tenant_status',
    ]);
    const clustered = users.indexes.find((i) => i.name === 'ix_users_index_id')!;
    expect(clustered).toMatchObject({ unique: true, clustered: true, filter: null, include: [], isSystemNamed: false });
    const tenantActive = users.indexes.find((i) => i.name === 'ix_users_tenant_active')!;
    expect(tenantActive.columns.map((c) => c.name)).toEqual(['tenant_id', 'is_deleted', 'index_id']);
    expect(tenantActive.unique).toBe(false);
    expect(tenantActive.filter?.text).toBe('([is_deleted]=(0))');
    expect(users.indexes.find((i) => i.name === 'ix_users_tenant_email')).toMatchObject({ unique: true, clustered: false });
  });

  it('reads the defaults with their system names, none on users.id', () => {
    expect(users.defaults.map((d) => [d.name, d.column, d.expression.text, d.isSystemNamed])).toEqual([
      ['DF__users__creat__36B12243', 'created_at', '(getdate())', true],
      ['DF__users__is_de__38996AB5', 'is_deleted', '((0))', true],
      ['DF__users__login__398D8EEE', 'login_count', '((0))', true],
      ['DF__users__statu__3B75D760', 'status', "('active')", true],
      ['DF__users__total__3A81B327', 'total_usage_minutes', '((0))', true],
      ['DF__users__updat__37A5467C', 'updated_at', '(getdate())', true],
    ]);
    expect(tenants.defaults.find((d) => d.column === 'id')?.expression.text).toBe('(newid())');
  });

  it('reads the checks as stored, trusted and enabled', () => {
    expect(users.checks.map((c) => c.name)).toEqual(['ck_users_identity_provider', 'ck_users_status']);
    expect(users.checks[1]).toMatchObject({
      isSystemNamed: false, trusted: true, enabled: true,
      expression: { text: "([status]='pending_verification' OR [status]='suspended' OR [status]='invited' OR [status]='active')" },
    });
  });

  it('reads the foreign key with its target resolved', () => {
    expect(users.foreignKeys).toEqual([{
      name: 'fk_users_tenant', isSystemNamed: false, columns: ['tenant_id'], referencedSchema: 'dbo',
      referencedTable: 'tenants', referencedColumns: ['id'], onDelete: 'NO_ACTION', onUpdate: 'NO_ACTION',
      trusted: true, enabled: true,
    }]);
  });

  it('gives the same model whatever the row order', () => {
    const doc = brownfield();
    for (const key of Object.keys(doc)) if (Array.isArray(doc[key])) doc[key].reverse();
    expect(model(doc).database).toEqual(database);
  });
});

describe('catalog details to model', () => {
  it('orders key columns by key_ordinal and keeps INCLUDE columns and DESC apart', () => {
    const doc = brownfield();
    const users = doc.tables[1].object_id;
    const id = indexId(doc, 'ix_users_tenant_status');
    doc.index_columns = doc.index_columns.filter((r: Doc) => !(r.object_id === users && r.index_id === id));
    doc.index_columns.push(
      { object_id: users, index_id: id, index_column_id: 4, column_id: 10, key_ordinal: 0, is_included_column: true, is_descending_key: false },
      { object_id: users, index_id: id, index_column_id: 2, column_id: 2, key_ordinal: 2, is_included_column: false, is_descending_key: true },
      { object_id: users, index_id: id, index_column_id: 3, column_id: 9, key_ordinal: 0, is_included_column: true, is_descending_key: false },
      { object_id: users, index_id: id, index_column_id: 1, column_id: 16, key_ordinal: 1, is_included_column: false, is_descending_key: false },
    );
    const index = table('users', doc).indexes.find((i) => i.name === 'ix_users_tenant_status')!;
    expect(index.columns).toEqual([{ name: 'status', descending: false }, { name: 'index_id', descending: true }]);
    expect(index.include).toEqual(['email', 'display_name']);
  });

  it('orders foreign key columns by constraint_column_id', () => {
    const doc = brownfield();
    doc.foreign_key_columns = [
      { constraint_object_id: doc.foreign_keys[0].object_id, constraint_column_id: 2, parent_column_id: 1, referenced_column_id: 2 },
      { constraint_object_id: doc.foreign_keys[0].object_id, constraint_column_id: 1, parent_column_id: 3, referenced_column_id: 1 },
    ];
    const fk = table('users', doc).foreignKeys[0]!;
    expect(fk.columns).toEqual(['tenant_id', 'id']);
    expect(fk.referencedColumns).toEqual(['id', 'index_id']);
  });

  it('reads a UNIQUE constraint as a key, not as an index', () => {
    const doc = brownfield();
    const users = doc.tables[1].object_id;
    const index = doc.indexes.find((i: Doc) => i.name === 'ix_users_tenant_email');
    Object.assign(index, { name: 'UQ__users__AB6E6164C0F2D9B1', is_unique_constraint: true, has_filter: false, filter_definition: null });
    doc.key_constraints.push({ parent_object_id: users, unique_index_id: index.index_id, name: index.name, type: 'UQ', is_system_named: true });
    const t = table('users', doc);
    expect(t.uniqueConstraints).toEqual([{
      name: 'UQ__users__AB6E6164C0F2D9B1', isSystemNamed: true, clustered: false,
      columns: [{ name: 'tenant_id', descending: false }, { name: 'email', descending: false }],
    }]);
    expect(t.indexes.map((i) => i.name)).not.toContain('UQ__users__AB6E6164C0F2D9B1');
  });

  it('carries untrusted and disabled constraints', () => {
    const doc = brownfield();
    doc.check_constraints[0].is_not_trusted = true;
    doc.foreign_keys[0].is_disabled = true;
    doc.foreign_keys[0].is_not_trusted = true;
    doc.foreign_keys[0].delete_referential_action_desc = 'CASCADE';
    const t = table('users', doc);
    expect(t.checks.find((c) => c.name === doc.check_constraints[0].name)).toMatchObject({ trusted: false, enabled: true });
    expect(t.foreignKeys[0]).toMatchObject({ trusted: false, enabled: false, onDelete: 'CASCADE', onUpdate: 'NO_ACTION' });
  });

  it('warns about a disabled index', () => {
    const doc = brownfield();
    doc.indexes.find((i: Doc) => i.name === 'ix_users_tenant_status').is_disabled = true;
    expect(model(doc).diagnostics).toEqual([
      expect.objectContaining({ code: 'SC3003', severity: 'warning', message: expect.stringContaining('dbo.users: index ix_users_tenant_status is disabled') }),
    ]);
  });

  it('turns an unparsable definition into a warning naming table and object, and keeps the text', () => {
    const doc = brownfield();
    doc.check_constraints.find((c: Doc) => c.name === 'ck_users_status').definition = '(([status]=';
    const { database, diagnostics } = model(doc);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'SC3002', severity: 'warning', message: expect.stringContaining('dbo.users: check ck_users_status: ') }),
    ]);
    const check = database.tables[1]!.checks.find((c) => c.name === 'ck_users_status')!;
    expect(check.expression).toMatchObject({ text: '(([status]=', parsed: false });
  });

  it('derives schemas from the tables when the snapshot has none, always with dbo', () => {
    const doc = brownfield();
    delete doc.schemas;
    delete doc.database_collation;
    doc.tables[1].schema_name = 'sales';
    const { database } = model(doc);
    expect(database.schemas).toEqual(['dbo', 'sales']);
    expect(database.collation).toBe('SQL_Latin1_General_CP1_CI_AS');
    expect(database.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['dbo.tenants', 'sales.users']);
    expect(database.tables[1]!.foreignKeys[0]!.referencedSchema).toBe('dbo');
  });

  it('leaves out schemac\'s own schema even when a snapshot file holds it', () => {
    const doc = brownfield();
    doc.schemas = ['dbo', 'schemac'];
    doc.tables.push({ object_id: 7, schema_name: 'schemac', name: 'history' });
    const { database } = model(doc);
    expect(database.schemas).toEqual(['dbo']);
    expect(database.tables.map((t) => t.name)).toEqual(['tenants', 'users']);
  });

  it('keeps schemas the snapshot lists even without tables', () => {
    const doc = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'catalog', 'empty.json'), 'utf8'));
    doc.schemas = ['audit'];
    expect(model(doc).database).toEqual({ name: 'empty_app', collation: 'SQL_Latin1_General_CP1_CI_AS', schemas: ['audit', 'dbo'], tables: [] });
  });
});
