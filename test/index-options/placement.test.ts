/**
 * Placement (filegroups and partition schemes) through every layer: compiled from `on`, with
 * SQL Server's rule that a nonclustered index without ON goes where its table is; read from
 * index_data_spaces rows; diffed as part of an index's definition (a move is CREATE INDEX ...
 * WITH (DROP_EXISTING = ON) ON ...); written as ON in every CREATE; missing data spaces named
 * before anything runs; pulled back to a schema that plans nothing.
 */
import { compileFiles } from '../compiler/compile-helpers';
import { col, db, ix, pk, table } from '../support/model-builders';
import { roundTrip, describePlan } from '../pull/support';
import { expectValidTsql } from '../support/tsql-grammar';
import { diff } from '../../src/differ';
import { fingerprint } from '../../src/differ/fingerprint';
import { renderScript } from '../../src/emitters/tsql/script';
import { snapshotToModel } from '../../src/catalog/to-model';
import { modelToSnapshot } from '../../src/catalog/from-model';
import { parseSnapshot } from '../../src/catalog/snapshot';
import { missingDataSpaces } from '../../src/sqlserver/data-spaces';
import { nameKeyFor } from '../../src/sqlserver/names';
import type { DataSpace, Database, Index, Table } from '../../src/model';

const imports = "import { Column, Index, PrimaryKey, Table, Unique } from 'schemac';\n";
const PS: DataSpace = { kind: 'partitionScheme', name: 'ps_month', column: 'created_at' };
const FG: DataSpace = { kind: 'filegroup', name: 'FG_DATA' };

describe('compiling placement', () => {
  it('places the table, its clustered key and an index without on on the scheme; an index with on where it says', () => {
    const { result } = compileFiles({ 't.schema.ts': `${imports}
@Table('events', { on: { partitionScheme: 'ps_month', column: 'createdAt' } })
@PrimaryKey('pk_events', ['id', 'createdAt'], { clustered: true })
@Index('ix_events_code', ['code'])
@Index('ix_events_other', ['code'], { on: 'FG_DATA' })
@Unique('uq_events_code', ['code', 'createdAt'], { on: 'default' })
export class Event {
  @Column.int() id!: number;
  @Column.varchar(20) code!: string;
  @Column.datetime2() createdAt!: Date;
}
` }, { typeCheck: false });
    expect(result.diagnostics).toEqual([]);
    const t = result.database.tables[0];
    expect(t.dataSpace).toEqual(PS);
    expect(t.primaryKey?.dataSpace).toEqual(PS);
    expect(t.indexes.find((i) => i.name === 'ix_events_code')?.dataSpace).toEqual(PS);
    expect(t.indexes.find((i) => i.name === 'ix_events_other')?.dataSpace).toEqual(FG);
    expect(t.uniqueConstraints[0].dataSpace).toEqual({ kind: 'filegroup', name: 'PRIMARY' });
  });

  it('refuses a unique index or key on a scheme without the partitioning column in its key (SC1513, Msg 1908)', () => {
    const { result } = compileFiles({ 't.schema.ts': `${imports}
@Table('events', { on: { partitionScheme: 'ps_month', column: 'createdAt' } })
@PrimaryKey('pk_events', ['id'], { clustered: false })
@Index('ix_events_code', ['code'], { unique: true, on: 'FG_DATA' })
@Unique('uq_events_code', ['code', 'createdAt'])
export class Event {
  @Column.int() id!: number;
  @Column.varchar(20) code!: string;
  @Column.datetime2() createdAt!: Date;
}
` }, { typeCheck: false });
    expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([expect.stringMatching(/^SC1513 unique pk_events on partition scheme ps_month must have the partitioning column created_at/)]);
  });

  it('takes the table\'s place from its clustered key, and refuses a clustered key placed elsewhere than @Table (SC1513)', () => {
    const ok = compileFiles({ 't.schema.ts': `${imports}
@Table('a')
@PrimaryKey('pk_a', ['id'], { clustered: true, on: 'FG_DATA' })
export class A { @Column.int() id!: number; }
` }, { typeCheck: false }).result;
    expect(ok.diagnostics).toEqual([]);
    expect(ok.database.tables[0].dataSpace).toEqual(FG);
    const bad = compileFiles({ 't.schema.ts': `${imports}
@Table('a', { on: 'FG_OTHER' })
@PrimaryKey('pk_a', ['id'], { clustered: true, on: 'FG_DATA' })
@Index('ix_a', ['id'], { on: { partitionScheme: 'ps' } as never })
export class A { @Column.int() id!: number; }
` }, { typeCheck: false }).result;
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['SC1513', 'SC1513']);
  });
});

const events = (extra: Partial<Table> = {}, index: DataSpace | undefined = PS): Table => ({
  ...table('events', {
    columns: [col('id', 'int'), col('code', 'varchar(20)'), col('created_at', 'datetime2')],
    pk: { ...pk('pk_events', ['id', 'created_at']), dataSpace: PS },
    indexes: [{ ...ix('ix_events_code', ['code']), ...(index !== undefined ? { dataSpace: index } : {}) }],
  }),
  dataSpace: PS, rowCount: 10, ...extra,
});
const withSpaces = (d: Database): Database => ({ ...d, dataSpaces: [{ name: 'PRIMARY', kind: 'filegroup', isDefault: true }, { name: 'ps_month', kind: 'partitionScheme', isDefault: false }] });

describe('reading placement from the catalog', () => {
  it('reads the table\'s, the keys\' and the indexes\' data spaces and the database\'s, and writes them back the same', () => {
    const model = withSpaces(db([events()]));
    const snapshot = modelToSnapshot(model);
    expect(snapshot.index_data_spaces?.map((r) => [r.index_id, r.data_space_name, r.data_space_type, r.partition_column])).toEqual([
      [1, 'ps_month', 'PS', 'created_at'], [2, 'ps_month', 'PS', 'created_at'],
    ]);
    const read = snapshotToModel(parseSnapshot(JSON.stringify(snapshot), 'x.json')).database;
    expect(read.tables[0]).toMatchObject({ dataSpace: PS, primaryKey: { dataSpace: PS }, indexes: [{ dataSpace: PS }] });
    expect(read.dataSpaces).toEqual(model.dataSpaces);
  });
});

describe('diffing placement', () => {
  it('moves a nonclustered index by CREATE INDEX ... WITH (DROP_EXISTING = ON) ON ..., and back down', () => {
    const plan = diff(db([events({}, FG)]), withSpaces(db([events()])), { allowDrop: false });
    expect(plan.steps.map((s) => s.change.kind)).toEqual(['redefineIndex']);
    const up = renderScript(plan, { direction: 'up', databaseName: null }).text;
    const down = renderScript(plan, { direction: 'down', databaseName: null }).text;
    for (const s of [up, down]) expectValidTsql(s);
    expect(up).toContain('CREATE NONCLUSTERED INDEX [ix_events_code] ON [dbo].[events] ([code]) WITH (DROP_EXISTING = ON) ON [FG_DATA];');
    expect(down).toContain('WITH (DROP_EXISTING = ON) ON [ps_month] ([created_at]);');
  });

  it('writes ON in CREATE TABLE, its keys and its indexes', () => {
    const plan = diff(db([events()]), withSpaces(db([])), { allowDrop: false });
    const up = renderScript(plan, { direction: 'up', databaseName: null }).text;
    expectValidTsql(up);
    expect(up).toContain('CONSTRAINT [pk_events] PRIMARY KEY CLUSTERED ([id], [created_at]) ON [ps_month] ([created_at])\n) ON [ps_month] ([created_at]);');
    expect(up).toContain('CREATE NONCLUSTERED INDEX [ix_events_code] ON [dbo].[events] ([code]) ON [ps_month] ([created_at]);');
  });

  it('treats a placement on the database\'s default filegroup as no placement', () => {
    const declared = db([{ ...events({ dataSpace: undefined, primaryKey: { ...pk('pk_events', ['id', 'created_at']), dataSpace: { kind: 'filegroup', name: 'primary' } } }, undefined) }]);
    const current = db([{ ...events({ dataSpace: undefined, primaryKey: pk('pk_events', ['id', 'created_at']) }, undefined) }]);
    expect(diff(declared, current, { allowDrop: false }).steps).toEqual([]);
  });

  it('counts a moved index as drift in the fingerprint', () => {
    expect(fingerprint(db([events({}, FG)]))).not.toBe(fingerprint(db([events()])));
  });

  it('moves a heap through a transient clustered index on its first keyable column, and back in the down script', () => {
    const heap = (d: DataSpace | undefined): Table => ({ ...table('logs', { columns: [col('body', 'nvarchar(max)'), col('id', 'int')] }), ...(d ? { dataSpace: d } : {}), rowCount: 1 });
    const plan = diff(db([heap(FG)]), db([heap(undefined)]), { allowDrop: false });
    expect(plan.steps.map((s) => s.change)).toEqual([{ kind: 'moveHeap', table: { schema: 'dbo', name: 'logs' }, from: null, to: FG, key: 'id' }]);
    expect(plan.steps[0]?.hazards.map((h) => h.code)).toEqual(['table-rebuild']);
    expect(plan.steps[0]?.inverse).toMatchObject({ kind: 'moveHeap', from: FG, to: null, key: 'id' });
    expect(plan.skipped).toEqual([]);
  });

  it('moves a heap onto a partition scheme on its partitioning column; a heap of large-object columns only stays, saying why', () => {
    const PS: DataSpace = { kind: 'partitionScheme', name: 'ps_days', column: 'day' };
    const logs = (d: DataSpace | undefined): Table => ({ ...table('logs', { columns: [col('id', 'int'), col('day', 'date')] }), ...(d ? { dataSpace: d } : {}), rowCount: 1 });
    expect(diff(db([logs(PS)]), db([logs(undefined)]), { allowDrop: false }).steps.map((s) => s.change)).toEqual([expect.objectContaining({ kind: 'moveHeap', key: 'day', to: PS })]);
    const blobs = (d: DataSpace | undefined): Table => ({ ...table('blobs', { columns: [col('body', 'varbinary(max)')] }), ...(d ? { dataSpace: d } : {}), rowCount: 1 });
    const plan = diff(db([blobs(FG)]), db([blobs(undefined)]), { allowDrop: false });
    expect(plan.steps).toEqual([]);
    expect(plan.skipped.map((s) => s.reason)).toEqual([expect.stringContaining('the heap stays on the default filegroup')]);
  });

  it('names every data space the schema uses that the database lacks', () => {
    const missing = missingDataSpaces(db([events({}, FG)]), withSpaces(db([])), nameKeyFor('SQL_Latin1_General_CP1_CI_AS'));
    expect(missing).toEqual([expect.stringContaining('ix_events_code on dbo.events is placed on filegroup FG_DATA')]);
    expect(missingDataSpaces(db([events()]), withSpaces(db([])), nameKeyFor('SQL_Latin1_General_CP1_CI_AS'))).toEqual([]);
  });
});

describe('the partitioning column SQL Server adds to a non-unique index on a scheme', () => {
  const heapOn = (indexes: Index[]): Table => ({
    ...table('events', { columns: [col('id', 'int'), col('code', 'varchar(20)'), col('created_at', 'datetime2')], indexes }),
    dataSpace: PS, rowCount: 10,
  });
  const on = <T extends object>(o: T, d: DataSpace = PS): T => ({ ...o, dataSpace: d });
  const kinds = (desired: Index[], current: Index[]) => diff(db([heapOn(desired)]), db([heapOn(current)]), { allowDrop: false }).steps.map((s) => s.change.kind);

  it('is part of a clustered index\'s key whether declared or not, both ways', () => {
    const declared = [on(ix('cx_events', ['code', 'created_at'], { clustered: true }))];
    const implicit = [on(ix('cx_events', ['code'], { clustered: true }))];
    expect(kinds(implicit, declared)).toEqual([]);
    expect(kinds(declared, implicit)).toEqual([]);
  });

  it('is an included column of a nonclustered index whether declared or not, both ways', () => {
    const declared = [on(ix('ix_events_code', ['code'], { include: ['created_at'] }))];
    const implicit = [on(ix('ix_events_code', ['code']))];
    expect(kinds(implicit, declared)).toEqual([]);
    expect(kinds(declared, implicit)).toEqual([]);
    expect(kinds([on(ix('ix_events_code', ['code', 'created_at']))], implicit)).toEqual(['redefineIndex']);
  });

  it('does not hide a real change: a descending or leading partitioning column, a unique index, a filegroup', () => {
    const implicit = [on(ix('cx_events', ['code'], { clustered: true }))];
    expect(kinds([on({ ...ix('cx_events', [], { clustered: true }), columns: [{ name: 'code', descending: false }, { name: 'created_at', descending: true }] })], implicit)).toEqual(['redefineIndex']);
    expect(kinds([on(ix('cx_events', ['created_at', 'code'], { clustered: true }))], implicit)).toEqual(['redefineIndex']);
    expect(kinds([on(ix('ux_events', ['code', 'created_at'], { unique: true }))], [on(ix('ux_events', ['code', 'id', 'created_at'], { unique: true }))])).toEqual(['redefineIndex']);
    expect(kinds([on(ix('ix_events_code', ['code'], { include: ['created_at'] }), FG)], [on(ix('ix_events_code', ['code']), FG)])).toEqual(['redefineIndex']);
  });
});

describe('pulling placement', () => {
  it('writes on for the table and for an index placed elsewhere, so the pulled schema plans nothing', () => {
    const { pulled, diagnostics, plan } = roundTrip(withSpaces(db([events({}, FG)])));
    expect(diagnostics).toEqual([]);
    const text = pulled.files.map((f) => f.text).join('\n');
    expect(text).toContain("@Table('events', { on: { partitionScheme: 'ps_month', column: 'createdAt' } })");
    expect(text).toContain("on: 'FG_DATA'");
    expect(describePlan(plan)).toEqual([]);
  });
});
