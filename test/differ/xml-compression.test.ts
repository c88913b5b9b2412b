/**
 * XML_COMPRESSION (SQL Server 2022+) in the differ, the T-SQL it writes, the catalog snapshot and
 * pull: a change is one REBUILD of the heap / clustered index (ALTER TABLE) or of the index (ALTER
 * INDEX), together with a DATA_COMPRESSION or FILLFACTOR change of the same object; every CREATE
 * and re-create carries it, so a rebuild never drops it; a pulled table plans nothing.
 */
import { diff } from '../../src/differ';
import { describeChange, renderScript } from '../../src/emitters';
import { modelToSnapshot } from '../../src/catalog/from-model';
import { parseSnapshot, serializeSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';
import type { Index, KeyConstraint, Table } from '../../src/model';
import { col, db, ix, pk, table } from '../support/model-builders';
import { describeDiagnostics, describePlan, roundTrip } from '../pull/support';
import { runCase, type DiffCase } from './run-case';
import { expectValidTsql } from '../support/tsql-grammar';

const id = col('id', 'int');
const body = col('body', 'xml', { nullable: true });
const code = col('code', 'int');
const pkDocs = (o: Partial<KeyConstraint> = {}): KeyConstraint => ({ ...pk('pk_docs', ['id']), ...o });
const ixCode = (o: Partial<Index> = {}): Index => ({ ...ix('ix_docs_code', ['code'], { include: ['body'] }), ...o });
const docs = (o: Partial<Table> = {}, key: KeyConstraint = pkDocs(), indexes: Index[] = [ixCode()]): Table =>
  ({ ...table('docs', { columns: [id, body, code], pk: key, indexes }), rowCount: 20_000_000, ...o });

const cases: DiffCase[] = [
  {
    name: 'table XML_COMPRESSION on: one ALTER TABLE REBUILD, a table-rebuild hazard (the clustered key carries it, no step of its own)',
    current: db([docs()]),
    desired: db([docs({ xmlCompression: true }, pkDocs({ xmlCompression: true }))]),
    steps: ['rebuildCompression dbo.docs. NONE->NONE xml false->true'],
    hazards: ['rebuildCompression dbo.docs. NONE->NONE xml false->true: table-rebuild'],
  },
  {
    name: 'table DATA_COMPRESSION and XML_COMPRESSION change together: still one rebuild',
    current: db([docs()]),
    desired: db([docs({ xmlCompression: true, dataCompression: 'PAGE' }, pkDocs({ xmlCompression: true, dataCompression: 'PAGE' }))]),
    steps: ['rebuildCompression dbo.docs. NONE->PAGE xml false->true'],
  },
  {
    name: 'an index\'s XML_COMPRESSION: ALTER INDEX REBUILD of that index, an index-build hazard on a large table',
    current: db([docs()]),
    desired: db([docs({}, pkDocs(), [ixCode({ xmlCompression: true })])]),
    steps: ['rebuildCompression dbo.docs.ix_docs_code NONE->NONE xml false->true'],
    hazards: ['rebuildCompression dbo.docs.ix_docs_code NONE->NONE xml false->true: index-build'],
  },
  {
    name: 'XML_COMPRESSION off and a new FILLFACTOR of one index: one rebuild',
    current: db([docs({}, pkDocs(), [ixCode({ xmlCompression: true })])]),
    desired: db([docs({}, pkDocs(), [ixCode({ fillFactor: 80 })])]),
    steps: ['rebuildIndexOptions dbo.docs.ix_docs_code {}->{"fillFactor":80} xml true->false'],
  },
  {
    name: 'a redefined index carries its XML_COMPRESSION in its CREATE: no rebuild of its own',
    current: db([docs({}, pkDocs(), [ixCode({ xmlCompression: true })])]),
    desired: db([docs({}, pkDocs(), [ixCode({ xmlCompression: true, columns: [{ name: 'code', descending: true }] })])]),
    steps: ['redefineIndex dbo.docs.ix_docs_code'],
  },
];

describe('differ: XML_COMPRESSION', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => runCase(c));
});

test('T-SQL: CREATE TABLE / key / index WITH (XML_COMPRESSION = ON), REBUILD WITH (XML_COMPRESSION = ON | OFF) up and down', () => {
  const compressed = docs({ xmlCompression: true }, pkDocs({ xmlCompression: true }), [ixCode({ xmlCompression: true })]);
  const created = renderScript(diff(db([compressed]), db([]), { allowDrop: false }), { direction: 'up', databaseName: 'app' }).text;
  expect(created).toContain('CONSTRAINT [pk_docs] PRIMARY KEY CLUSTERED ([id]) WITH (XML_COMPRESSION = ON)');
  expect(created).toMatch(/\)\nWITH \(XML_COMPRESSION = ON\);/);
  expect(created).toContain('CREATE NONCLUSTERED INDEX [ix_docs_code] ON [dbo].[docs] ([code]) INCLUDE ([body]) WITH (XML_COMPRESSION = ON);');

  const plan = diff(db([compressed]), db([docs()]), { allowDrop: false });
  const up = renderScript(plan, { direction: 'up', databaseName: 'app' }).text;
  expect(up).toContain('ALTER TABLE [dbo].[docs] REBUILD WITH (XML_COMPRESSION = ON);');
  expect(up).toContain('ALTER INDEX [ix_docs_code] ON [dbo].[docs] REBUILD WITH (XML_COMPRESSION = ON);');
  const down = renderScript(plan, { direction: 'down', databaseName: 'app' }).text;
  expect(down).toContain('ALTER TABLE [dbo].[docs] REBUILD WITH (XML_COMPRESSION = OFF);');
  expect(down).toContain('ALTER INDEX [ix_docs_code] ON [dbo].[docs] REBUILD WITH (XML_COMPRESSION = OFF);');
  for (const script of [created, up, down]) expectValidTsql(script);
  // Both kinds in one rebuild.
  const both = diff(db([docs({ xmlCompression: true, dataCompression: 'ROW' }, pkDocs({ xmlCompression: true, dataCompression: 'ROW' }))]), db([docs()]), { allowDrop: false });
  expect(renderScript(both, { direction: 'up', databaseName: 'app' }).text).toContain('ALTER TABLE [dbo].[docs] REBUILD WITH (DATA_COMPRESSION = ROW, XML_COMPRESSION = ON);');
  expect(describeChange(both.steps[0]!.change).summary).toBe('rebuild table with DATA_COMPRESSION NONE -> ROW, XML_COMPRESSION OFF -> ON');
  // A redefined index keeps it: its CREATE ... WITH (DROP_EXISTING = ON) says it again.
  const redefined = diff(db([docs({}, pkDocs(), [ixCode({ xmlCompression: true, columns: [{ name: 'code', descending: true }] })])]), db([docs({}, pkDocs(), [ixCode({ xmlCompression: true })])]), { allowDrop: false });
  expect(renderScript(redefined, { direction: 'up', databaseName: 'app' }).text).toMatch(/CREATE NONCLUSTERED INDEX \[ix_docs_code\][^;]*XML_COMPRESSION = ON/);
});

test('the snapshot carries it (sys.partitions.xml_compression_desc), and pull writes it so the plan is empty', () => {
  const heap: Table = { ...table('notes', { columns: [id, body], indexes: [ixCode({ columns: [{ name: 'id', descending: false }], include: ['body'], name: 'ix_notes_id', xmlCompression: true })] }), xmlCompression: true };
  const model = db([docs({ xmlCompression: true }, pkDocs({ xmlCompression: true }), [ixCode({ xmlCompression: true })]), heap]);
  const snapshot = modelToSnapshot(model, { database: 'app' });
  expect(snapshot.partitions?.map((p) => [p.index_id, p.data_compression_desc, p.xml_compression_desc])).toEqual([[1, 'NONE', 'ON'], [2, 'NONE', 'ON'], [0, 'NONE', 'ON'], [2, 'NONE', 'ON']]);
  const read = snapshotToModel(parseSnapshot(serializeSnapshot(snapshot), 'db.json')).database;
  expect(read.tables.map((t) => [t.name, t.xmlCompression, t.primaryKey?.xmlCompression, t.indexes[0]?.xmlCompression])).toEqual([
    ['docs', true, true, true], ['notes', true, undefined, true],
  ]);
  expect(describePlan(diff(model, read, { allowDrop: false }))).toEqual([]);
  const { diagnostics, plan, pulled } = roundTrip(read);
  expect(describeDiagnostics(diagnostics)).toEqual([]);
  expect(describePlan(plan)).toEqual([]);
  const text = pulled.files.map((f) => f.text).join('\n');
  expect(text).toContain("@Table('docs', { xmlCompression: true })");
  expect(text).toContain("@Index('ix_docs_code', ['code'], { include: ['body'], xmlCompression: true })");
});

test('older servers and snapshots (no xml_compression_desc) read OFF; partitions that differ are read as partition 1 with a warning', () => {
  const snapshot = modelToSnapshot(db([docs({}, pkDocs(), [ixCode({ xmlCompression: true })])]), { database: 'app' });
  const rows = snapshot.partitions ?? [];
  const old = { ...snapshot, partitions: rows.map(({ xml_compression_desc: _x, ...r }) => r) };
  expect(snapshotToModel(old).database.tables[0]?.indexes[0]?.xmlCompression).toBeUndefined();
  const mixed = { ...snapshot, partitions: [...rows, { ...rows[0], partition_number: 2, xml_compression_desc: 'OFF' }] };
  const { database, diagnostics } = snapshotToModel(mixed as typeof snapshot);
  expect(database.tables[0]?.indexes[0]?.xmlCompression).toBe(true);
  expect(diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('index ix_docs_code differ in XML_COMPRESSION (ON, OFF)')]);
});

test('a server before SQL Server 2022 has no XML_COMPRESSION: the tables that declare it are refused by name', () => {
  const on2019 = { ...db([docs()]), server: { engineEdition: 3, edition: 'Enterprise Edition (64-bit)', majorVersion: 15 } };
  const desired = db([docs({}, pkDocs(), [ixCode({ xmlCompression: true })])]);
  expect(diff(desired, on2019, { allowDrop: false }).refused).toEqual([{
    table: { schema: 'dbo', name: 'docs' }, change: 'XML_COMPRESSION = ON for ix_docs_code',
    reason: 'Enterprise 15 has no XML_COMPRESSION (SQL Server 2022 or Azure SQL has it); remove xmlCompression or use a newer server',
  }]);
  expect(diff(desired, { ...on2019, server: { ...on2019.server, majorVersion: 16 } }, { allowDrop: false }).refused).toBeUndefined();
});

test('a heap moved to another filegroup keeps its XML_COMPRESSION through the transient clustered index', () => {
  const heap = (o: Partial<Table> = {}): Table => ({ ...table('notes', { columns: [id, body] }), rowCount: 10, xmlCompression: true, ...o });
  const plan = diff(db([heap({ dataSpace: { kind: 'filegroup', name: 'FG2' } })]), db([heap()]), { allowDrop: false });
  expect(plan.steps.map((s) => s.change)).toEqual([expect.objectContaining({ kind: 'moveHeap', xmlCompression: true })]);
  expect(renderScript(plan, { direction: 'up', databaseName: 'app' }).text).toContain('CREATE CLUSTERED INDEX [schemac_heap_move] ON [dbo].[notes] ([id]) WITH (XML_COMPRESSION = ON) ON [FG2];');
});
