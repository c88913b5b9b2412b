/**
 * CREATE STATISTICS objects in the catalog (the optional `stats` and `stats_columns` arrays):
 * read into Table.statistics in stats_column_id order, written back by modelToSnapshot, checked
 * for references that do not resolve, and absent (not an empty array) when there are none.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseSnapshot, serializeSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';
import { modelToSnapshot } from '../../src/catalog/from-model';

const brownfieldText = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'catalog', 'brownfield.json'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit the JSON document freely
type Doc = Record<string, any>;

/** brownfield with two statistics on `users`: one on (email, status) NORECOMPUTE, one filtered. */
function withStats(): Doc {
  const doc: Doc = JSON.parse(brownfieldText);
  const users = doc.tables.find((t: Doc) => t.name === 'users');
  const col = (name: string) => doc.columns.find((c: Doc) => c.object_id === users.object_id && c.name === name).column_id as number;
  doc.stats = [
    { object_id: users.object_id, stats_id: 40, name: 'st_users_email_status', no_recompute: true, is_incremental: false, filter_definition: null },
    { object_id: users.object_id, stats_id: 41, name: 'st_users_login', no_recompute: false, is_incremental: false, filter_definition: '([is_deleted]=(0))' },
  ];
  // Listed out of order: the reader sorts by stats_column_id.
  doc.stats_columns = [
    { object_id: users.object_id, stats_id: 40, stats_column_id: 2, column_id: col('status') },
    { object_id: users.object_id, stats_id: 40, stats_column_id: 1, column_id: col('email') },
    { object_id: users.object_id, stats_id: 41, stats_column_id: 1, column_id: col('last_login_at') },
  ];
  return doc;
}

const read = (doc: Doc) => snapshotToModel(parseSnapshot(JSON.stringify(doc), 'db.json'));

test('statistics are read onto their table, columns in stats_column_id order', () => {
  const { database } = read(withStats());
  expect(database.tables.find((t) => t.name === 'users')?.statistics).toEqual([
    { name: 'st_users_email_status', columns: ['email', 'status'], filter: null, noRecompute: true, incremental: false },
    { name: 'st_users_login', columns: ['last_login_at'], filter: '([is_deleted]=(0))', noRecompute: false, incremental: false },
  ]);
  expect(database.tables.find((t) => t.name === 'tenants')?.statistics).toBeUndefined();
});

test('modelToSnapshot writes them back, so a round trip keeps them; without statistics the arrays are absent', () => {
  const { database } = read(withStats());
  const again = snapshotToModel(parseSnapshot(serializeSnapshot(modelToSnapshot(database)), 'again.json')).database;
  expect(again.tables.find((t) => t.name === 'users')?.statistics).toEqual(database.tables.find((t) => t.name === 'users')?.statistics);
  const plain = modelToSnapshot(read(JSON.parse(brownfieldText)).database);
  expect('stats' in plain).toBe(false);
});

test('a statistics column or row that does not resolve is an error naming where it is', () => {
  const noStats = withStats();
  noStats.stats_columns[0].stats_id = 99;
  expect(() => read(noStats)).toThrow(/stats_columns\[0\]\.stats_id/);
  const noColumn = withStats();
  noColumn.stats_columns[1].column_id = 999;
  expect(() => read(noColumn)).toThrow(/stats_columns\[1\]\.column_id/);
  const noTable = withStats();
  noTable.stats[0].object_id = 12345;
  expect(() => read(noTable)).toThrow(/stats\[0\]\.object_id/);
});
