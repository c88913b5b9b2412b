/**
 * Typed XML (xml(CONTENT | DOCUMENT schema.collection)) through the pipeline: the compiler reads
 * `schemaCollection` / `document` (and refuses them elsewhere), the catalog reads
 * sys.columns.xml_collection_id's collection, pull writes the options back so a pulled table plans
 * nothing, and the differ plans typing as an ALTER COLUMN that validates (a constraint-scan hazard,
 * not data loss) and untyping as one that changes nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { diff } from '../../src/differ';
import { renderScript } from '../../src/emitters';
import { parseSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';
import type { Column, Table } from '../../src/model';
import { col, db, pk, table } from '../support/model-builders';
import { compileFiles } from '../compiler/compile-helpers';
import { expectPlansToNothing, roundTrip } from '../pull/support';
import { expectValidTsql } from '../support/tsql-grammar';

const RESUME = { schema: 'HumanResources', name: 'HRResumeSchemaCollection', document: false };
const typed = (c: Column, xmlSchema = RESUME): Column => ({ ...c, type: { ...c.type, xmlSchema } });
const candidates = (resume: Column): Table => table('HumanResources.JobCandidate', {
  columns: [col('JobCandidateID', 'int'), resume], pk: pk('PK_JobCandidate', ['JobCandidateID']), rowCount: 13,
});

test('the compiler reads schemaCollection and document on xml, and refuses them on other types', () => {
  const c = compileFiles({ 't.schema.ts': `import { Column, Table } from 'schemac';
@Table('docs')
export class Doc {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.xml({ nullable: true, schemaCollection: 'HumanResources.HRResumeSchemaCollection' }) resume!: string | null;
  @Column.xml({ nullable: true, schemaCollection: 'Local', document: true }) local!: string | null;
  @Column.xml({ nullable: true }) plain!: string | null;
  @Column.nvarchar(10, { schemaCollection: 'x' } as never) wrong!: string;
}` }, { typeCheck: false });
  const cols = c.result.database.tables[0]?.columns ?? [];
  expect(cols.map((x) => x.type.xmlSchema ?? null)).toEqual([null, RESUME, { schema: 'dbo', name: 'Local', document: true }, null, null]);
  expect(c.result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(['SC1104 column wrong: schemaCollection applies to xml columns only']);
});

test('the catalog reads the collection of a typed column', () => {
  const doc = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'catalog', 'brownfield.json'), 'utf8')) as { columns: Record<string, unknown>[] };
  const users = doc.columns.find((c) => c.name === 'user_metadata') as Record<string, unknown>;
  Object.assign(users, { type_name: 'xml', max_length: -1, collation_name: null, xml_collection_schema: 'dbo', xml_collection_name: 'Meta', is_xml_document: true });
  const t = snapshotToModel(parseSnapshot(JSON.stringify(doc), 'db.json')).database.tables.find((x) => x.name === 'users');
  expect(t?.columns.find((c) => c.name === 'user_metadata')?.type).toEqual({ name: 'xml', xmlSchema: { schema: 'dbo', name: 'Meta', document: true } });
});

test('typing a column is an ALTER COLUMN that validates; untyping one changes no value', () => {
  const plain = col('Resume', 'xml', { nullable: true });
  const up = diff(db([candidates(typed(plain))]), db([candidates(plain)]), { allowDrop: false });
  expect(up.steps.map((s) => [s.change.kind, s.hazards.map((h) => h.code), (s.downHazards ?? []).map((h) => h.code)])).toEqual([['alterColumn', ['constraint-scan'], []]]);
  const script = renderScript(up, { direction: 'up', databaseName: 'app' }).text;
  expect(script).toContain('ALTER TABLE [HumanResources].[JobCandidate] ALTER COLUMN [Resume] xml(CONTENT [HumanResources].[HRResumeSchemaCollection]) NULL;');
  expect(renderScript(up, { direction: 'down', databaseName: 'app' }).text).toContain('ALTER COLUMN [Resume] xml NULL;');
  expectValidTsql(script);
  const down = diff(db([candidates(plain)]), db([candidates(typed(plain))]), { allowDrop: false });
  expect(down.steps.map((s) => [s.change.kind, s.hazards.map((h) => h.code)])).toEqual([['alterColumn', []]]);
  // CONTENT to DOCUMENT is a change too; the same typing is none.
  expect(diff(db([candidates(typed(plain, { ...RESUME, document: true }))]), db([candidates(typed(plain))]), { allowDrop: false }).steps).toHaveLength(1);
  expect(diff(db([candidates(typed(plain, { ...RESUME, name: 'hrresumeschemacollection' }))]), db([candidates(typed(plain))]), { allowDrop: false }).steps).toEqual([]);
});

test('pull writes the collection, so the pulled table plans nothing; CREATE TABLE names it', () => {
  const database = db([candidates(typed(col('Resume', 'xml', { nullable: true }), { ...RESUME, document: true }))]);
  const { diagnostics, plan, pulled } = roundTrip(database);
  expectPlansToNothing({ pulled, diagnostics, plan });
  expect(pulled.files.map((f) => f.text).join('\n')).toContain("@Column.xml({ name: 'Resume', nullable: true, schemaCollection: 'HumanResources.HRResumeSchemaCollection', document: true })");
  const created = renderScript(diff(database, db([]), { allowDrop: false }), { direction: 'up', databaseName: 'app' }).text;
  expect(created).toContain('[Resume] xml(DOCUMENT [HumanResources].[HRResumeSchemaCollection]) NULL');
});
