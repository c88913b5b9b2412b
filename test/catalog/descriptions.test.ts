/**
 * Descriptions in the catalog snapshot: the optional extended_properties array (MS_Description,
 * minor_id 0 for the table) read into the model and written back from it; a NULL value is an
 * empty description, other properties are left out, and a database without descriptions
 * snapshots exactly as before (no array).
 */
import { modelToSnapshot } from '../../src/catalog/from-model';
import { parseSnapshot, serializeSnapshot, validateSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';
import { col, db, table } from '../support/model-builders';

const people = {
  ...table('people', { columns: [{ ...col('id', 'int'), description: "Key, O'Brien's.\nSecond line: café" }, col('name', 'nvarchar(50)')] }),
  description: 'People.',
};

describe('catalog: descriptions', () => {
  test('model -> snapshot rows -> file -> model gives the descriptions back', () => {
    const snapshot = modelToSnapshot(db([people]), { database: 'app' });
    const id = snapshot.tables[0]?.object_id;
    expect(snapshot.extended_properties).toEqual([
      { major_id: id, minor_id: 0, name: 'MS_Description', value: 'People.' },
      { major_id: id, minor_id: 1, name: 'MS_Description', value: "Key, O'Brien's.\nSecond line: café" },
    ]);
    const back = snapshotToModel(parseSnapshot(serializeSnapshot(snapshot), 'test')).database.tables[0];
    expect(back?.description).toBe('People.');
    expect(back?.columns.map((c) => c.description)).toEqual(["Key, O'Brien's.\nSecond line: café", undefined]);
  });

  test('no descriptions: no extended_properties array at all', () => {
    expect(modelToSnapshot(db([table('t', { columns: [col('id', 'int')] })])).extended_properties).toBeUndefined();
  });

  test('a NULL value is an empty description; other property names are not descriptions', () => {
    const base = modelToSnapshot(db([table('t', { columns: [col('id', 'int')] })]));
    const id = base.tables[0]?.object_id as number;
    const snapshot = validateSnapshot({
      ...base,
      extended_properties: [
        { major_id: id, minor_id: 0, name: 'ms_description', value: null },
        { major_id: id, minor_id: 1, name: 'Caption', value: 'not a description' },
      ],
    }, 'test');
    const t = snapshotToModel(snapshot).database.tables[0];
    expect(t?.description).toBe('');
    expect(t?.columns[0]?.description).toBeUndefined();
  });

  test('a row of the wrong shape is refused with its path', () => {
    const base = modelToSnapshot(db([table('t', { columns: [col('id', 'int')] })]));
    expect(() => validateSnapshot({ ...base, extended_properties: [{ major_id: 1, minor_id: 0, name: 'MS_Description', value: 3 }] }, 'f.json'))
      .toThrow(/extended_properties\[0\]\.value/);
  });
});
