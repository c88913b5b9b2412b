/**
 * Change tracking and CDC in the catalog: the batch reads sys.change_tracking_tables, the
 * database's sys.change_tracking_databases row, sys.tables.is_tracked_by_cdc and (guarded)
 * cdc.change_tables; snapshot rows carry them into the model; older snapshots without them load
 * (untracked tables, the database's setting unknown); model -> snapshot -> model keeps them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { modelToSnapshot } from '../../src/catalog/from-model';
import { CATALOG_QUERIES } from '../../src/catalog/queries';
import { rowsToSnapshotObject } from '../../src/catalog/read-rows';
import { parseSnapshot, serializeSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit the JSON document freely
type Doc = Record<string, any>;

const brownfield = (): Doc => JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'catalog', 'brownfield.json'), 'utf8'));
const model = (doc: Doc) => snapshotToModel(parseSnapshot(JSON.stringify(doc), 'brownfield.json')).database;
const sql = (name: string) => CATALOG_QUERIES.find((q) => q.name === name)?.sql ?? '';

/** brownfield.json with users tracked (TRACK_COLUMNS_UPDATED = ON), tenants tracked by CDC, and the database's change tracking on. */
function tracked(): Doc {
  const doc = brownfield();
  const id = (name: string) => doc.tables.find((t: Doc) => t.name === name).object_id;
  doc.change_tracking_on = true;
  doc.change_tracking_tables = [{ object_id: id('users'), is_track_columns_updated_on: true }];
  doc.tables.find((t: Doc) => t.name === 'tenants').is_tracked_by_cdc = true;
  doc.cdc_change_tables = [{ source_object_id: id('tenants'), capture_instance: 'dbo_tenants_v2' }, { source_object_id: id('tenants'), capture_instance: 'dbo_tenants' }];
  return doc;
}

test('the batch reads the tracking views, the CDC flag and the capture instances behind a guard', () => {
  expect(sql('database')).toMatch(/sys\.change_tracking_databases ctd WHERE ctd\.database_id = DB_ID\(\)\) THEN 1 ELSE 0 END AS bit\) AS change_tracking_on/);
  expect(sql('tables')).toMatch(/t\.is_tracked_by_cdc/);
  expect(sql('change_tracking_tables')).toMatch(/FROM sys\.change_tracking_tables ctt/);
  // cdc.change_tables exists only in a CDC-enabled database and needs SELECT: guarded by an IF.
  expect(sql('cdc_change_tables')).toMatch(/^IF EXISTS \(SELECT 1 FROM sys\.databases d WHERE d\.database_id = DB_ID\(\) AND d\.is_cdc_enabled = 1\)\n {2}AND HAS_PERMS_BY_NAME/);
});

test('snapshot rows become the model: tracking with its option, CDC with its capture instances, the database setting', () => {
  const db = model(tracked());
  expect(db.changeTrackingOn).toBe(true);
  expect(db.tables.find((t) => t.name === 'users')).toMatchObject({ changeTracking: { trackColumnsUpdated: true } });
  expect(db.tables.find((t) => t.name === 'users')).not.toHaveProperty('cdc');
  expect(db.tables.find((t) => t.name === 'tenants')?.cdc).toEqual({ captureInstances: ['dbo_tenants', 'dbo_tenants_v2'] });
  expect(db.tables.find((t) => t.name === 'tenants')).not.toHaveProperty('changeTracking');
});

test('an older snapshot loads: no table tracked, the database setting not known', () => {
  const db = model(brownfield());
  expect(db).not.toHaveProperty('changeTrackingOn');
  expect(db.tables.some((t) => t.changeTracking !== undefined || t.cdc !== undefined)).toBe(false);
});

test('CDC on without readable capture instances is still CDC (the names are then unknown)', () => {
  const doc = tracked();
  delete doc.cdc_change_tables;
  expect(model(doc).tables.find((t) => t.name === 'tenants')?.cdc).toEqual({ captureInstances: [] });
});

test('model -> snapshot -> model keeps tracking, CDC and the database setting; the file round-trips', () => {
  const db = model(tracked());
  const back = snapshotToModel(parseSnapshot(serializeSnapshot(modelToSnapshot(db)), 'x')).database;
  expect(back.changeTrackingOn).toBe(true);
  expect(back.tables.map((t) => [t.name, t.changeTracking, t.cdc])).toEqual(db.tables.map((t) => [t.name, t.changeTracking, t.cdc]));
  const text = serializeSnapshot(parseSnapshot(JSON.stringify(tracked()), 'x'));
  expect(JSON.parse(text)).toMatchObject({ change_tracking_on: true, change_tracking_tables: [expect.anything()], cdc_change_tables: [expect.anything(), expect.anything()] });
});

test('a live read records the database setting whether on or off (a bit may come as 1)', () => {
  const sets = CATALOG_QUERIES.map((q) => (q.name === 'database' ? [{ database: 'app', server_version: '16.0', change_tracking_on: 1 }] : []));
  expect(rowsToSnapshotObject(sets).change_tracking_on).toBe(true);
  const off = CATALOG_QUERIES.map((q) => (q.name === 'database' ? [{ database: 'app', server_version: '16.0', change_tracking_on: false }] : []));
  expect(rowsToSnapshotObject(off).change_tracking_on).toBe(false);
});
