/**
 * sys.index_resumable_operations rows (the optional `resumable_operations` array): read onto
 * their table as resumable builds, written back by modelToSnapshot, and refused when they name
 * no table.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';
import { modelToSnapshot } from '../../src/catalog/from-model';

const brownfieldText = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'catalog', 'brownfield.json'), 'utf8');

function withPausedBuild(objectId?: number): string {
  const doc = JSON.parse(brownfieldText) as { tables: { object_id: number; schema_name: string; name: string }[]; resumable_operations?: unknown[] };
  const table = doc.tables[0] as { object_id: number };
  doc.resumable_operations = [{ object_id: objectId ?? table.object_id, index_id: 9, name: 'ix_pending', state_desc: 'PAUSED', percent_complete: 42 }];
  return JSON.stringify(doc);
}

describe('resumable builds in the catalog snapshot', () => {
  it('puts a paused build on its table, and writes it back', () => {
    const model = snapshotToModel(parseSnapshot(withPausedBuild(), 'db.json')).database;
    const withBuild = model.tables.filter((t) => t.resumableBuilds !== undefined);
    expect(withBuild.map((t) => t.resumableBuilds)).toEqual([[{ index: 'ix_pending', indexId: 9, state: 'PAUSED', percentComplete: 42 }]]);
    const again = modelToSnapshot(model);
    expect(again.resumable_operations?.map((r) => [r.name, r.state_desc, r.percent_complete])).toEqual([['ix_pending', 'PAUSED', 42]]);
  });

  it('has none in a snapshot without the array', () => {
    expect(snapshotToModel(parseSnapshot(brownfieldText, 'db.json')).database.tables.some((t) => t.resumableBuilds !== undefined)).toBe(false);
  });

  it('refuses a row that names no table', () => {
    expect(() => parseSnapshot(withPausedBuild(424242), 'db.json')).toThrow(/resumable_operations\[0\]\.object_id: no table has object_id 424242/);
  });
});
