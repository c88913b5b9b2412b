/**
 * A database is never refused as a whole: what schemac cannot model is read as opaque, reported
 * once, kept out of the diff, never dropped, and only the changes that would touch it are refused.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseSnapshot, serializeSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';
import { diff } from '../../src/differ';
import { renderPlanText } from '../../src/emitters/plan-text';
import { formatPlanJson } from '../../src/emitters/plan-json';
import type { Column, Database, Table } from '../../src/model';

const brownfieldText = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'catalog', 'brownfield.json'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit the JSON document freely
type Doc = Record<string, any>;

const USERS = 613577224;

function column(objectId: number, columnId: number, name: string, typeName: string, extra: Doc = {}): Doc {
  return {
    object_id: objectId, column_id: columnId, name, type_name: typeName, system_type_name: null, max_length: -1,
    precision: 0, scale: 0, is_nullable: true, is_identity: false, seed_value: null, increment_value: null,
    collation_name: null, is_computed: false, computed_definition: null, ...extra,
  };
}

/** brownfield + users.shape (a CLR type), users.profile (xml) with a selective XML index, and a full-text index on users.email. */
function withOpaque(): Doc {
  const doc: Doc = JSON.parse(brownfieldText);
  doc.columns.push(column(USERS, 18, 'shape', 'MyClrType'));
  doc.columns.push(column(USERS, 19, 'profile', 'xml'));
  doc.indexes.push({ object_id: USERS, index_id: 40, name: 'pxml_users_profile', type_desc: 'XML', is_unique: false,
    is_primary_key: false, is_unique_constraint: false, has_filter: false, filter_definition: null, is_disabled: false });
  doc.index_columns.push({ object_id: USERS, index_id: 40, index_column_id: 1, column_id: 19, key_ordinal: 1, is_included_column: false, is_descending_key: false });
  // A selective XML index (xml_index_type 2): XML indexes are modelled, selective ones are not.
  doc.xml_indexes = [{ object_id: USERS, index_id: 40, using_xml_index_id: null, secondary_type_desc: null, xml_index_type: 2 }];
  doc.default_constraints.push({ parent_object_id: USERS, parent_column_id: 18, name: 'df_users_shape', definition: "('x')", is_system_named: false });
  const email = doc.columns.find((c: Doc) => c.object_id === USERS && c.name === 'email');
  doc.fulltext_index_columns = [{ object_id: USERS, column_id: email.column_id }];
  return doc;
}

function read(doc: Doc, skip?: (t: { schema: string; name: string }) => boolean) {
  return snapshotToModel(parseSnapshot(JSON.stringify(doc), 'db.json'), skip ? { skipTable: skip } : {});
}

function users(db: Database): Table {
  return db.tables.find((t) => t.name === 'users')!;
}

/** The database as its own desired state, opaque objects aside (as a compiled schema would be). */
function desiredOf(db: Database, edit: (t: Table) => Table = (t) => t): Database {
  return { ...db, name: null, tables: db.tables.map((t) => { const { opaque: _o, rowCount: _r, ...rest } = t; return t.name === 'users' ? edit(rest) : rest; }) };
}

describe('opaque objects in the catalog', () => {
  const { database, diagnostics } = read(withOpaque());

  it('reads the rest of the table and reports each opaque object once, as a warning naming it', () => {
    expect(users(database).columns.map((c) => c.name)).toContain('profile');
    expect(users(database).columns.map((c) => c.name)).not.toContain('shape');
    expect(users(database).defaults.map((d) => d.name)).not.toContain('df_users_shape');
    expect(users(database).indexes.map((i) => i.name)).not.toContain('pxml_users_profile');
    expect(users(database).opaque?.map((o) => `${o.kind} ${o.name} [${o.columns.join(',')}]`)).toEqual([
      'column shape [shape]', 'index pxml_users_profile [profile]', 'index full-text index [email]', 'constraint df_users_shape [shape]',
    ]);
    expect(diagnostics.every((d) => d.code === 'SC3001' && d.severity === 'warning')).toBe(true);
    expect(diagnostics.map((d) => d.message).sort()).toEqual([
      expect.stringMatching(/^dbo\.users: column shape: type MyClrType has no schemac mapping; schemac leaves it as it is/),
      expect.stringMatching(/^dbo\.users: constraint df_users_shape: it is defined on shape/),
      expect.stringMatching(/^dbo\.users: index full-text index: full-text indexes are not modelled/),
      expect.stringMatching(/^dbo\.users: index pxml_users_profile: it is a selective XML index, which schemac does not model/),
    ]);
  });

  it('plans nothing for them: the schema without them is an empty plan, even with --allow-drop', () => {
    const plan = diff(desiredOf(database), database, { allowDrop: true });
    expect(plan.steps).toEqual([]);
    expect(plan.refused).toBeUndefined();
  });

  it('refuses a change that touches one, names the object and why, and plans the rest', () => {
    const widen = (t: Table): Table => ({
      ...t,
      columns: [
        ...t.columns.map((c): Column => (c.name === 'email' || c.name === 'display_name' ? { ...c, type: { name: 'varchar', length: 400 } } : c)),
        { name: 'shape', type: { name: 'varbinary', length: 'max' }, nullable: true, identity: null, collation: null, computed: null },
      ],
    });
    const plan = diff(desiredOf(database, widen), database, { allowDrop: false });
    expect(plan.refused).toHaveLength(2);
    expect(plan.refused).toEqual(expect.arrayContaining([
      { table: { schema: 'dbo', name: 'users' }, change: 'alter column email', reason: expect.stringMatching(/index full-text index \(full-text indexes are not modelled\)/) },
      { table: { schema: 'dbo', name: 'users' }, change: 'add column shape', reason: expect.stringMatching(/column shape \(type MyClrType/) },
    ]));
    // display_name has nothing opaque on it: its change is planned.
    expect(plan.steps.map((s) => s.change.kind === 'alterColumn' ? s.change.to.name : s.change.kind)).toContain('display_name');
    expect(renderPlanText(plan, { color: false })).toMatch(/Refused \(schemac cannot make these changes; apply refuses\):\n(.*\n)* {2}x dbo\.users: alter column email: it would touch index full-text index/);
    expect(JSON.parse(formatPlanJson(plan, { fingerprint: 'f' })).refused).toHaveLength(2);
  });

  it('never drops a table holding one, even with --allow-drop', () => {
    const desired: Database = { ...desiredOf(database), tables: desiredOf(database).tables.filter((t) => t.name !== 'users') };
    const plan = diff(desired, database, { allowDrop: true });
    expect(plan.steps.filter((s) => 'table' in s.change && (s.change.table as { name: string }).name === 'users')).toEqual([]);
    expect(plan.refused).toEqual([expect.objectContaining({ change: 'drop table dbo.users', reason: expect.stringMatching(/^it holds column shape/) })]);
  });
});

describe('ignored tables and old snapshots', () => {
  it('leaves ignored tables out before anything is read: no warning, no table', () => {
    const { database, diagnostics } = read(withOpaque(), (t) => t.name === 'users');
    expect(diagnostics).toEqual([]);
    expect(database.tables.map((t) => t.name)).toEqual(['tenants']);
  });

  it('keeps a kept table\'s foreign key to an ignored table', () => {
    const { database } = read(withOpaque(), (t) => t.name === 'tenants');
    expect(users(database).foreignKeys.map((f) => f.referencedTable)).toEqual(['tenants']);
    expect(database.tables.map((t) => t.name)).toEqual(['users']);
  });

  it('reads a snapshot without the optional arrays, and writes the optional array back when present', () => {
    expect(read(JSON.parse(brownfieldText)).diagnostics).toEqual([]);
    const text = serializeSnapshot(parseSnapshot(JSON.stringify(withOpaque()), 'db.json'));
    expect(JSON.parse(text).fulltext_index_columns).toEqual([{ object_id: USERS, column_id: expect.any(Number) }]);
  });
});

describe('FILESTREAM columns', () => {
  it('are opaque: kept out of the model and the diff, so a plan never re-creates one as plain varbinary(max)', () => {
    const doc: Doc = JSON.parse(brownfieldText);
    doc.columns.push(column(USERS, 18, 'document', 'varbinary', { is_filestream: true }));
    const { database, diagnostics } = read(doc);
    expect(users(database).columns.map((c) => c.name)).not.toContain('document');
    expect(users(database).opaque?.map((o) => `${o.kind} ${o.name}`)).toEqual(['column document']);
    // Marked, so the production pass keeps the table's ALTER COLUMN offline (sqlserver/online-alter-column.ts).
    expect(users(database).opaque?.map((o) => o.filestream)).toEqual([true]);
    expect(diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^dbo\.users: column document: it is a FILESTREAM column/)]);
    expect(diff(desiredOf(database), database, { allowDrop: true }).steps).toEqual([]);
  });
});

describe('Always Encrypted columns whose key name the catalog hides', () => {
  it('are opaque (VIEW ANY COLUMN ENCRYPTION KEY DEFINITION not granted): never read as plaintext and altered', () => {
    const doc: Doc = JSON.parse(brownfieldText);
    const visible = { encryption_type: 2, encryption_algorithm_name: 'AEAD_AES_256_CBC_HMAC_SHA_256' };
    doc.columns.push(column(USERS, 18, 'secret', 'varbinary', { ...visible, column_encryption_key_name: null }));
    doc.columns.push(column(USERS, 19, 'known', 'varbinary', { ...visible, column_encryption_key_name: 'CEK1' }));
    const { database, diagnostics } = read(doc);
    expect(users(database).columns.find((c) => c.name === 'known')?.encryption).toEqual({ key: 'CEK1', type: 'randomized', algorithm: 'AEAD_AES_256_CBC_HMAC_SHA_256' });
    expect(users(database).opaque?.map((o) => `${o.kind} ${o.name}`)).toEqual(['column secret']);
    expect(diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^dbo\.users: column secret: it is encrypted \(Always Encrypted\) but the catalog shows no column encryption key name/)]);
  });
});
