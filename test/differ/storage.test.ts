/**
 * Storage changes in the differ (issue 15, item 4), table-driven: each plan's steps in order,
 * convergence (the simulated result plans nothing) and down restoring the fingerprint exactly.
 */
import { col, db, ix, pk, table, uq } from '../support/model-builders';
import { runCase, type DiffCase } from './run-case';
import { diff } from '../../src/differ';
import type { Column, Index, Table } from '../../src/model';

const id = col('id', 'int');
const code = col('code', 'varchar(20)');
const note = col('note', 'int', { nullable: true });
const sparse = (c: Column): Column => ({ ...c, sparse: true });
const withIx = (i: Index, extra: Partial<Index>): Index => ({ ...i, ...extra });
const rows = (t: Table): Table => ({ ...t, rowCount: 1_000 });

const base = (extra: Partial<Table> = {}): Table => rows({
  ...table('readings', { columns: [id, code, note], pk: pk('pk_readings', ['id']), indexes: [ix('ix_readings_code', ['code'], { unique: true })] }),
  ...extra,
});

const cases: DiffCase[] = [
  {
    name: 'table compression: one ALTER TABLE REBUILD (the clustered key carries it and gets no step of its own)',
    current: db([base()]),
    desired: db([base({ dataCompression: 'PAGE', primaryKey: { ...pk('pk_readings', ['id']), dataCompression: 'PAGE' } })]),
    steps: ['rebuildCompression dbo.readings. NONE->PAGE'],
    hazards: ['rebuildCompression dbo.readings. NONE->PAGE: table-rebuild'],
  },
  {
    name: 'index compression: ALTER INDEX REBUILD of that index only',
    current: db([base()]),
    desired: db([base({ indexes: [withIx(ix('ix_readings_code', ['code'], { unique: true }), { dataCompression: 'ROW' })] })]),
    steps: ['rebuildCompression dbo.readings.ix_readings_code NONE->ROW'],
    noHazards: true,
  },
  {
    name: 'IGNORE_DUP_KEY on an index and a UNIQUE constraint: ALTER INDEX SET, no rebuild',
    current: db([base({ uniqueConstraints: [uq('uq_readings_note', ['note'])] })]),
    desired: db([base({
      uniqueConstraints: [{ ...uq('uq_readings_note', ['note']), ignoreDupKey: true }],
      indexes: [withIx(ix('ix_readings_code', ['code'], { unique: true }), { ignoreDupKey: true })],
    })]),
    steps: ['setIgnoreDupKey dbo.readings.ix_readings_code=ON', 'setIgnoreDupKey dbo.readings.uq_readings_note=ON'],
    noHazards: true,
  },
  {
    name: 'a sparse column becoming NOT NULL: DROP SPARSE before ALTER COLUMN (down: NULL first, then ADD SPARSE)',
    current: db([base({ columns: [id, code, sparse(note)] })]),
    desired: db([base({ columns: [id, code, { ...note, nullable: false, backfill: { text: '0', canonical: '0' } as never }] })]),
    steps: ['backfillColumn dbo.readings.note=0', 'setSparse dbo.readings.note=not sparse', 'alterColumn dbo.readings.note'],
  },
  {
    name: 'SPARSE on: ADD SPARSE, a table-rebuild hazard over rows',
    current: db([base()]),
    desired: db([base({ columns: [id, code, sparse(note)] })]),
    steps: ['setSparse dbo.readings.note=SPARSE'],
    hazards: ['setSparse dbo.readings.note=SPARSE: table-rebuild'],
  },
  {
    name: 'a rowstore clustered index becoming a clustered columnstore index of the same name: redefined in place',
    current: db([rows(table('facts', { columns: [id, code], indexes: [ix('cx_facts', ['id'], { clustered: true })] }))]),
    desired: db([rows(table('facts', { columns: [id, code], indexes: [{ ...ix('cx_facts', [], { clustered: true }), columnstore: true }] }))]),
    steps: ['redefineIndex dbo.facts.cx_facts'],
  },
  {
    name: 'a nonclustered columnstore index added beside a rowstore one, and its archive compression',
    current: db([base()]),
    desired: db([base({ indexes: [ix('ix_readings_code', ['code'], { unique: true }), { ...ix('ncci_readings', ['code', 'note']), columnstore: true, dataCompression: 'COLUMNSTORE_ARCHIVE' }] })]),
    steps: ['createIndex dbo.readings.ncci_readings'],
  },
];

describe('differ: storage options', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => runCase(c));
});

describe('lock impact of columnstore builds', () => {
  const facts = (majorVersion: number) => ({
    ...db([rows(table('facts', { columns: [id, code], indexes: [] }))]),
    server: { engineEdition: 3, edition: 'Enterprise Edition (64-bit)', majorVersion },
  });
  const desired = db([rows(table('facts', { columns: [id, code], indexes: [{ ...ix('cci_facts', [], { clustered: true }), columnstore: true }] }))]);

  it('builds a clustered columnstore index online from SQL Server 2019, offline before, and says why', () => {
    const on2019 = diff(desired, facts(15), { allowDrop: false }).steps[0];
    expect([on2019?.impact?.rule, on2019?.change]).toEqual(['clustered-rebuild-online', expect.objectContaining({ online: { lowPriorityWaitMinutes: null } })]);
    const on2017 = diff(desired, facts(14), { allowDrop: false }).steps[0];
    expect([on2017?.impact?.rule, on2017?.impact?.offlineReason]).toEqual(['clustered-rebuild-offline', 'SQL Server 14 does not support it online']);
    expect(on2017?.change).not.toHaveProperty('online');
  });
});
