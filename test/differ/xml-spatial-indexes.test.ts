/**
 * XML and spatial indexes in the differ: never altered in place (drop and create); secondary XML
 * indexes dropped before their primary and created after it; dropped and re-created around a
 * change to their column or to the clustered primary key they hang off, with dependent-rebuild
 * hazards, in both directions; always built offline (Sch-M), whatever the edition; the catalog
 * snapshot and pull carry them, so a pulled table plans nothing.
 */
import { diff } from '../../src/differ';
import { renderScript } from '../../src/emitters';
import { modelToSnapshot } from '../../src/catalog/from-model';
import { parseSnapshot, serializeSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';
import type { Column, Index, Table } from '../../src/model';
import { col, db, ix, pk, table } from '../support/model-builders';
import { describeDiagnostics, describePlan, roundTrip } from '../pull/support';
import { applyPlan } from '../support/simulate';
import { expectValidTsql } from '../support/tsql-grammar';

const primary: Index = { ...ix('pxml_doc_body', ['body']), xml: { kind: 'primary' } };
const path: Index = { ...ix('xpath_doc_body', ['body']), xml: { kind: 'secondary', using: 'pxml_doc_body', for: 'PATH' }, fillFactor: 80 };
const place: Index = { ...ix('six_doc_place', ['place']), spatial: { tessellation: 'GEOGRAPHY_AUTO_GRID', cellsPerObject: 12 } };
const shape: Index = {
  ...ix('six_doc_shape', ['shape']), dataCompression: 'PAGE',
  spatial: { tessellation: 'GEOMETRY_GRID', boundingBox: { xmin: -10.5, ymin: 0, xmax: 500, ymax: 200 }, grids: ['LOW', 'MEDIUM', 'MEDIUM', 'HIGH'], cellsPerObject: 16 },
};
const columns = (o: { idType?: string; bodyNullable?: boolean } = {}): Column[] => [
  col('id', o.idType ?? 'int'), col('body', 'xml', { nullable: o.bodyNullable ?? true }), col('shape', 'geometry', { nullable: true }), col('place', 'geography', { nullable: true }),
];
const doc = (indexes: Index[], o: { idType?: string; bodyNullable?: boolean; rows?: number } = {}): Table =>
  table('doc', { columns: columns(o), pk: pk('pk_doc', ['id']), indexes, rowCount: o.rows ?? 5 });
const steps = (p: ReturnType<typeof diff>) => p.steps.map((s) => `${s.change.kind} ${'index' in s.change && s.change.index !== null && typeof s.change.index === 'object' ? s.change.index.name : 'constraint' in s.change ? s.change.constraint.name : ''}`.trim());
const ALL = [primary, path, place, shape];

test('new XML and spatial indexes: primary before secondary, offline builds, T-SQL as SQL Server takes it; down drops secondary first', () => {
  const current = db([doc([])]);
  const plan = diff(db([doc(ALL)]), current, { allowDrop: false });
  expect(steps(plan)).toEqual(['createIndex pxml_doc_body', 'createIndex six_doc_place', 'createIndex six_doc_shape', 'createIndex xpath_doc_body']);
  expect(plan.steps.map((s) => [s.impact?.rule, s.impact?.lock, s.impact?.online])).toEqual(Array(4).fill(['xml-spatial-index-build', 'Sch-M', false]));
  expect(plan.steps[0]?.impact?.offlineReason).toMatch(/offline only/);
  const up = renderScript(plan, { direction: 'up', databaseName: 'app' }).text;
  expect(up).toContain('CREATE PRIMARY XML INDEX [pxml_doc_body] ON [dbo].[doc] ([body]);');
  expect(up).toContain('CREATE XML INDEX [xpath_doc_body] ON [dbo].[doc] ([body]) USING XML INDEX [pxml_doc_body] FOR PATH WITH (FILLFACTOR = 80);');
  expect(up).toContain('CREATE SPATIAL INDEX [six_doc_place] ON [dbo].[doc] ([place]) USING GEOGRAPHY_AUTO_GRID WITH (CELLS_PER_OBJECT = 12);');
  expect(up).toContain('CREATE SPATIAL INDEX [six_doc_shape] ON [dbo].[doc] ([shape]) USING GEOMETRY_GRID WITH (BOUNDING_BOX = (XMIN = -10.5, YMIN = 0, XMAX = 500, YMAX = 200), GRIDS = (LEVEL_1 = LOW, LEVEL_2 = MEDIUM, LEVEL_3 = MEDIUM, LEVEL_4 = HIGH), CELLS_PER_OBJECT = 16, DATA_COMPRESSION = PAGE);');
  expect(up).not.toMatch(/ONLINE = ON[,)]/);
  const down = renderScript(plan, { direction: 'down', databaseName: 'app' }).text;
  expect(down.indexOf('DROP INDEX [xpath_doc_body]')).toBeLessThan(down.indexOf('DROP INDEX [pxml_doc_body]'));
  expectValidTsql(up);
  expectValidTsql(down);
  const after = applyPlan(current, plan.steps, 'up');
  expect(after.tables[0]?.indexes.map((i) => i.name).sort()).toEqual(ALL.map((i) => i.name).sort());
  expect(applyPlan(after, plan.steps, 'down').tables[0]?.indexes).toEqual([]);
});

test('a changed definition is dropped and created (never DROP_EXISTING); a changed primary takes its secondaries along', () => {
  const current = db([doc(ALL)]);
  const cells = diff(db([doc([primary, path, { ...place, spatial: { tessellation: 'GEOGRAPHY_AUTO_GRID', cellsPerObject: 20 } }, shape])]), current, { allowDrop: false });
  expect(steps(cells)).toEqual(['dropIndex six_doc_place', 'createIndex six_doc_place']);
  // The primary XML index moves to another column: its secondary must go first and come back after.
  const moved = { ...current, tables: [{ ...doc(ALL), columns: [...columns(), col('body2', 'xml', { nullable: true })] }] };
  const desired = { ...moved, tables: [{ ...moved.tables[0] as Table, indexes: [{ ...primary, columns: [{ name: 'body2', descending: false }] }, { ...path, columns: [{ name: 'body2', descending: false }] }, place, shape] }] };
  const plan = diff(desired, moved, { allowDrop: false });
  expect(steps(plan)).toEqual(['dropIndex xpath_doc_body', 'dropIndex pxml_doc_body', 'createIndex pxml_doc_body', 'createIndex xpath_doc_body']);
  const kept = diff({ ...desired, tables: [{ ...desired.tables[0] as Table, indexes: [{ ...primary, columns: [{ name: 'body2', descending: false }] }, path, place, shape] }] }, moved, { allowDrop: false });
  // A secondary left on the old column while its primary moves is still dropped and re-created with it (SQL Server would take it along).
  expect(kept.steps.find((s) => s.change.kind === 'dropIndex' && s.change.index.name === 'xpath_doc_body')?.hazards.map((h) => h.code)).toContain('dependent-rebuild');
  expect(() => applyPlan(applyPlan(moved, plan.steps, 'up'), plan.steps, 'down')).not.toThrow();
});

test('altering the xml column drops and re-creates its XML indexes around the ALTER, both ways', () => {
  const current = db([doc(ALL)]);
  const plan = diff(db([doc(ALL, { bodyNullable: false })]), current, { allowDrop: false });
  expect(steps(plan)).toEqual(['dropIndex xpath_doc_body', 'dropIndex pxml_doc_body', 'alterColumn', 'createIndex pxml_doc_body', 'createIndex xpath_doc_body']);
  const up = applyPlan(current, plan.steps, 'up');
  expect(applyPlan(up, plan.steps, 'down').tables[0]?.indexes.map((i) => i.name).sort()).toEqual(ALL.map((i) => i.name).sort());
  expectValidTsql(renderScript(plan, { direction: 'down', databaseName: 'app' }).text);
});

test('changing the clustered primary key drops every XML and spatial index before it and re-creates them after, with dependent-rebuild hazards', () => {
  const current = db([doc(ALL)]);
  const plan = diff(db([doc(ALL, { idType: 'bigint' })]), current, { allowDrop: false });
  expect(steps(plan)).toEqual([
    'dropIndex xpath_doc_body', 'dropIndex pxml_doc_body', 'dropIndex six_doc_place', 'dropIndex six_doc_shape', 'dropPrimaryKey pk_doc',
    'alterColumn', 'addPrimaryKey pk_doc', 'createIndex pxml_doc_body', 'createIndex six_doc_place', 'createIndex six_doc_shape', 'createIndex xpath_doc_body',
  ]);
  const hazards = plan.steps.filter((s) => s.change.kind === 'dropIndex').map((s) => s.hazards.map((h) => h.code));
  expect(hazards).toEqual([['dependent-rebuild'], ['dependent-rebuild'], ['dependent-rebuild'], ['dependent-rebuild']]);
  expect(plan.steps[1]?.hazards[0]?.message).toMatch(/primary XML index pxml_doc_body is dropped and re-created around the change to primary key pk_doc of dbo\.doc .*reads all 5 rows/);
  const up = applyPlan(current, plan.steps, 'up');
  expect(applyPlan(up, plan.steps, 'down').tables[0]?.indexes.length).toBe(4);
  const back = diff(current, db([doc(ALL, { idType: 'bigint' })]), { allowDrop: false });
  expect(steps(back).slice(0, 5)).toEqual(['dropIndex xpath_doc_body', 'dropIndex pxml_doc_body', 'dropIndex six_doc_place', 'dropIndex six_doc_shape', 'dropPrimaryKey pk_doc']);
});

test('the snapshot carries them (sys.xml_indexes, sys.spatial_index_tessellations), and pull writes them so the plan is empty', () => {
  const model = db([doc(ALL)]);
  const snapshot = modelToSnapshot(model, { database: 'app' });
  const read = snapshotToModel(parseSnapshot(serializeSnapshot(snapshot), 'db.json')).database;
  expect(read.tables[0]?.indexes.map((i) => [i.name, i.xml ?? i.spatial])).toEqual(ALL.map((i) => [i.name, i.xml ?? i.spatial]).sort());
  expect(describePlan(diff(model, read, { allowDrop: false }))).toEqual([]);
  const { diagnostics, plan, pulled } = roundTrip(read);
  expect(describeDiagnostics(diagnostics)).toEqual([]);
  expect(describePlan(plan)).toEqual([]);
  const text = pulled.files.map((f) => f.text).join('\n');
  expect(text).toContain("@XmlIndex('pxml_doc_body', 'body')");
  expect(text).toContain("@XmlIndex('xpath_doc_body', 'body', { using: 'pxml_doc_body', for: 'PATH', fillFactor: 80 })");
  expect(text).toContain("@SpatialIndex('six_doc_place', 'place', { using: 'GEOGRAPHY_AUTO_GRID' })");
  expect(text).toContain("@SpatialIndex('six_doc_shape', 'shape', { using: 'GEOMETRY_GRID', boundingBox: { xmin: -10.5, ymin: 0, xmax: 500, ymax: 200 }, grids: { level1: 'LOW', level4: 'HIGH' }, dataCompression: 'PAGE' })");
});

test('renaming a primary XML index is one sp_rename: its secondaries stay (SQL Server ties them by index_id)', () => {
  const current = db([doc(ALL)]);
  const renamed: Index = { ...primary, name: 'pxml_doc_body2', renamedFrom: 'pxml_doc_body' };
  const plan = diff(db([doc([renamed, { ...path, xml: { kind: 'secondary', using: 'pxml_doc_body2', for: 'PATH' } }, place, shape])]), current, { allowDrop: false });
  expect(steps(plan)).toEqual(['renameConstraint']);
  expect(renderScript(plan, { direction: 'up', databaseName: 'app' }).text).toContain("EXEC sp_rename N'[dbo].[doc].[pxml_doc_body]', N'pxml_doc_body2', N'INDEX';");
});
