/**
 * Catalog rows of XML and spatial indexes to the model: sys.xml_indexes gives primary or secondary
 * (USING by index_id, FOR by secondary_type_desc), sys.spatial_index_tessellations the scheme,
 * box, grids and cells; what cannot be read faithfully stays opaque (SC3001) with the reason: a
 * snapshot written before these arrays existed, a selective XML index, an unknown scheme.
 */
import { modelToSnapshot } from '../../src/catalog/from-model';
import { parseSnapshot, serializeSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';
import { fingerprint } from '../../src/differ/fingerprint';
import type { CatalogSnapshot } from '../../src/catalog/snapshot-types';
import type { Index } from '../../src/model';
import { col, db, ix, pk, table } from '../support/model-builders';

const primary: Index = { ...ix('pxml_doc_body', ['body']), xml: { kind: 'primary' } };
const value: Index = { ...ix('xvalue_doc_body', ['body']), xml: { kind: 'secondary', using: 'pxml_doc_body', for: 'VALUE' } };
const place: Index = { ...ix('six_doc_place', ['place']), spatial: { tessellation: 'GEOGRAPHY_GRID', grids: ['HIGH', 'MEDIUM', 'LOW', 'MEDIUM'], cellsPerObject: 64 } };
const model = db([table('doc', { columns: [col('id', 'int'), col('body', 'xml', { nullable: true }), col('place', 'geography', { nullable: true })], pk: pk('pk_doc', ['id']), indexes: [primary, value, place] })]);

type Doc = { -readonly [K in keyof CatalogSnapshot]: CatalogSnapshot[K] };
const snapshot = (): Doc => JSON.parse(serializeSnapshot(modelToSnapshot(model, { database: 'app' }))) as Doc;
const read = (doc: Doc) => snapshotToModel(parseSnapshot(JSON.stringify(doc), 'db.json'));
const indexes = (doc: Doc) => read(doc).database.tables[0]?.indexes.map((i) => i.name) ?? [];
const warnings = (doc: Doc) => read(doc).diagnostics.map((d) => `${d.code} ${d.message}`);

test('reads primary, secondary and spatial definitions back as the model wrote them', () => {
  const doc = snapshot();
  expect(doc.xml_indexes?.map((r) => [r.xml_index_type, r.secondary_type_desc])).toEqual([[0, null], [1, 'VALUE']]);
  expect(doc.spatial_index_tessellations?.[0]).toMatchObject({ tessellation_scheme: 'GEOGRAPHY_GRID', bounding_box_xmin: null, level_1_grid_desc: 'HIGH', cells_per_object: 64 });
  expect(read(doc).database.tables[0]?.indexes).toEqual([primary, place, value]);
  expect(warnings(doc)).toEqual([]);
});

test('AUTO_GRID levels are NULL, and a NULL cells_per_object reads as the scheme default', () => {
  const doc = snapshot();
  doc.spatial_index_tessellations = doc.spatial_index_tessellations?.map((r) => ({ ...r, tessellation_scheme: 'GEOGRAPHY_AUTO_GRID', level_1_grid_desc: null, level_2_grid_desc: null, level_3_grid_desc: null, level_4_grid_desc: null, cells_per_object: null }));
  expect(read(doc).database.tables[0]?.indexes.find((i) => i.name === 'six_doc_place')?.spatial).toEqual({ tessellation: 'GEOGRAPHY_AUTO_GRID', cellsPerObject: 12 });
});

test('what cannot be read faithfully stays opaque, with the reason', () => {
  const older = snapshot();
  delete older.xml_indexes;
  delete older.spatial_index_tessellations;
  expect(indexes(older)).toEqual([]);
  expect(warnings(older)).toEqual([
    expect.stringMatching(/SC3001 dbo\.doc: index pxml_doc_body: the snapshot has no sys\.xml_indexes row for it/),
    expect.stringMatching(/SC3001 dbo\.doc: index six_doc_place: the snapshot has no sys\.spatial_index_tessellations row/),
    expect.stringMatching(/SC3001 dbo\.doc: index xvalue_doc_body: the snapshot has no sys\.xml_indexes row/),
  ]);
  const selective = snapshot();
  selective.xml_indexes = selective.xml_indexes?.map((r) => (r.xml_index_type === 1 ? { ...r, xml_index_type: 3 } : r));
  selective.spatial_index_tessellations = selective.spatial_index_tessellations?.map((r) => ({ ...r, tessellation_scheme: 'GEOGRAPHY_FANCY_GRID' }));
  expect(indexes(selective)).toEqual(['pxml_doc_body']);
  expect(warnings(selective)).toEqual([
    expect.stringMatching(/six_doc_place: its tessellation scheme GEOGRAPHY_FANCY_GRID is not one schemac knows/),
    expect.stringMatching(/xvalue_doc_body: it is a selective XML index, which schemac does not model/),
  ]);
});

test('the plan fingerprint sees their definitions (a changed tessellation or secondary kind is drift)', () => {
  const withIndexes = (indexes: Index[]) => ({ ...model, tables: [{ ...model.tables[0]!, indexes }] });
  const base = fingerprint(model);
  expect(fingerprint(withIndexes([primary, value, { ...place, spatial: { ...place.spatial!, cellsPerObject: 65 } }]))).not.toBe(base);
  expect(fingerprint(withIndexes([primary, { ...value, xml: { kind: 'secondary', using: 'pxml_doc_body', for: 'PATH' } }, place]))).not.toBe(base);
  expect(fingerprint(withIndexes([primary, value, place]))).toBe(base);
});
