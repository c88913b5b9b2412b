/**
 * Synonyms in the catalog (the optional `synonyms` array): read into Database.synonyms with their
 * base object split into parts, skipped in schemas the read leaves out, and written back by
 * modelToSnapshot.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseSnapshot, serializeSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';
import { modelToSnapshot } from '../../src/catalog/from-model';

const brownfield = () => JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'catalog', 'brownfield.json'), 'utf8')) as Record<string, unknown>;

test('synonyms are read with their base parts, and survive a round trip through modelToSnapshot', () => {
  const doc = { ...brownfield(), synonyms: [
    { schema_name: 'dbo', name: 'tenants_syn', base_object_name: '[dbo].[tenants]' },
    { schema_name: 'schemac', name: 'internal', base_object_name: '[dbo].[users]' },
  ] };
  const { database } = snapshotToModel(parseSnapshot(JSON.stringify(doc), 'db.json'));
  expect(database.synonyms).toEqual([
    { schema: 'dbo', name: 'tenants_syn', baseObject: '[dbo].[tenants]', base: { server: null, database: null, schema: 'dbo', name: 'tenants' } },
  ]);
  const again = snapshotToModel(parseSnapshot(serializeSnapshot(modelToSnapshot(database)), 'again.json')).database;
  expect(again.synonyms).toEqual(database.synonyms);
  expect(snapshotToModel(parseSnapshot(JSON.stringify(brownfield()), 'db.json')).database.synonyms).toBeUndefined();
});

test('a synonym row without its base object name is an error naming where it is', () => {
  const doc = { ...brownfield(), synonyms: [{ schema_name: 'dbo', name: 's' }] };
  expect(() => parseSnapshot(JSON.stringify(doc), 'db.json')).toThrow(/synonyms\[0\]/);
});
