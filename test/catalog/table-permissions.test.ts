/**
 * Permissions on tables in the catalog (the optional `table_permissions` array): read into each
 * table's `permissions`, object-level first, column ids as names; absent from every table when
 * the snapshot predates them (so a move knows it cannot grant them again); written back by
 * modelToSnapshot; a row naming a table or column the snapshot lacks is an error naming it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseSnapshot, serializeSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';
import { modelToSnapshot } from '../../src/catalog/from-model';

const brownfield = () => JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'catalog', 'brownfield.json'), 'utf8')) as Record<string, unknown>;
const TENANTS = 581577110;

test('permissions are read per table, object-level first, and survive a round trip through modelToSnapshot', () => {
  const doc = { ...brownfield(), table_permissions: [
    { object_id: TENANTS, column_id: 6, grantee: 'reporting', permission_name: 'UPDATE', state: 'W' },
    { object_id: TENANTS, column_id: 0, grantee: 'reporting', permission_name: 'SELECT', state: 'G' },
    { object_id: TENANTS, column_id: 0, grantee: 'public', permission_name: 'DELETE', state: 'D' },
  ] };
  const { database } = snapshotToModel(parseSnapshot(JSON.stringify(doc), 'db.json'));
  const tenants = database.tables.find((t) => t.name === 'tenants');
  expect(tenants?.permissions).toEqual([
    { column: null, grantee: 'public', permission: 'DELETE', state: 'deny' },
    { column: null, grantee: 'reporting', permission: 'SELECT', state: 'grant' },
    { column: 'name', grantee: 'reporting', permission: 'UPDATE', state: 'grant-with-grant-option' },
  ]);
  expect(database.tables.find((t) => t.name === 'users')?.permissions).toEqual([]);
  const again = snapshotToModel(parseSnapshot(serializeSnapshot(modelToSnapshot(database)), 'again.json')).database;
  expect(again.tables.map((t) => t.permissions)).toEqual(database.tables.map((t) => t.permissions));
  expect(snapshotToModel(parseSnapshot(JSON.stringify(brownfield()), 'db.json')).database.tables.every((t) => t.permissions === undefined)).toBe(true);
});

test('a permission row on a column the table does not have is an error naming where it is', () => {
  const doc = { ...brownfield(), table_permissions: [{ object_id: TENANTS, column_id: 99, grantee: 'r', permission_name: 'SELECT', state: 'G' }] };
  expect(() => parseSnapshot(JSON.stringify(doc), 'db.json')).toThrow(/table_permissions\[0\]\.column_id/);
});
