/**
 * Index options (FILLFACTOR, PAD_INDEX, ALLOW_ROW_LOCKS, ALLOW_PAGE_LOCKS,
 * OPTIMIZE_FOR_SEQUENTIAL_KEY, STATISTICS_NORECOMPUTE) through every layer: compiled from the
 * decorators, read from sys.indexes / sys.stats rows, diffed into REBUILD and SET steps,
 * rendered into every CREATE that re-creates an index, and pulled back to a schema that plans
 * nothing.
 */
import { compileFiles } from '../compiler/compile-helpers';
import { col, db, ix, pk, table } from '../support/model-builders';
import { runCase, type DiffCase } from '../differ/run-case';
import { roundTrip, describePlan } from '../pull/support';
import { diff } from '../../src/differ';
import { renderScript } from '../../src/emitters/tsql/script';
import { expectValidTsql } from '../support/tsql-grammar';
import { snapshotToModel } from '../../src/catalog/to-model';
import { modelToSnapshot } from '../../src/catalog/from-model';
import { parseSnapshot } from '../../src/catalog/snapshot';
import type { Index, Table } from '../../src/model';

const imports = "import { Column, ColumnstoreIndex, Index, PrimaryKey, Table, Unique } from 'schemac';\n";

describe('compiling index options', () => {
  it('reads each option, leaves defaults out, and treats FILLFACTOR 100 as the default', () => {
    const { result } = compileFiles({ 't.schema.ts': `${imports}
@Table('orders')
@PrimaryKey('pk_orders', ['id'], { clustered: false, fillFactor: 90, optimizeForSequentialKey: true })
@Unique('uq_orders_code', ['code'], { allowRowLocks: false, allowPageLocks: true, fillFactor: 100 })
@Index('ix_orders_code', ['code'], { fillFactor: 80, padIndex: true, allowPageLocks: false, statisticsNoRecompute: true })
export class Order {
  @Column.int() id!: number;
  @Column.varchar(20) code!: string;
  @Column.int({ primaryKey: false }) n!: number;
}
` }, { typeCheck: false });
    expect(result.diagnostics).toEqual([]);
    const t = result.database.tables[0];
    expect(t.primaryKey).toMatchObject({ fillFactor: 90, optimizeForSequentialKey: true });
    const uq = t.uniqueConstraints[0];
    expect(uq.allowRowLocks).toBe(false);
    expect('allowPageLocks' in uq || 'fillFactor' in uq).toBe(false);
    expect(t.indexes[0]).toMatchObject({ fillFactor: 80, padIndex: true, allowPageLocks: false, statisticsNoRecompute: true });
  });

  it('refuses FILLFACTOR outside 1..100 and options CREATE COLUMNSTORE INDEX does not have (SC1512)', () => {
    const { result } = compileFiles({ 't.schema.ts': `${imports}
@Table('orders')
@Index('ix_orders_code', ['code'], { fillFactor: 0 })
@ColumnstoreIndex('ncci_orders', ['id'], { fillFactor: 80 } as never)
export class Order {
  @Column.int() id!: number;
  @Column.varchar(20) code!: string;
}
` }, { typeCheck: false });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['SC1512', 'SC1512']);
  });
});

describe('reading index options from the catalog', () => {
  it('reads sys.indexes and sys.stats values, defaults left out, and writes them back the same', () => {
    const t: Table = table('orders', {
      columns: [col('id', 'int'), col('code', 'varchar(20)')],
      pk: { ...pk('pk_orders', ['id']), fillFactor: 90, statisticsNoRecompute: true },
      indexes: [{ ...ix('ix_orders_code', ['code']), fillFactor: 80, padIndex: true, allowRowLocks: false, allowPageLocks: false, optimizeForSequentialKey: true }],
    });
    const snapshot = modelToSnapshot(db([t]));
    const rows = snapshot.indexes.map((i) => [i.name, i.fill_factor, i.is_padded, i.allow_row_locks, i.allow_page_locks, i.optimize_for_sequential_key, i.no_recompute]);
    expect(rows).toEqual([
      ['pk_orders', 90, undefined, undefined, undefined, undefined, true],
      ['ix_orders_code', 80, true, false, false, true, undefined],
    ]);
    const read = snapshotToModel(parseSnapshot(JSON.stringify(snapshot), 'x.json')).database.tables[0];
    expect(read.primaryKey).toMatchObject({ fillFactor: 90, statisticsNoRecompute: true });
    expect(read.indexes[0]).toMatchObject({ fillFactor: 80, padIndex: true, allowRowLocks: false, allowPageLocks: false, optimizeForSequentialKey: true });
  });

  it('reads a row as SQL Server reports defaults (fill factor 0 or 100, locks allowed) as no options', () => {
    const t: Table = table('orders', { columns: [col('id', 'int')], indexes: [ix('ix_orders_id', ['id'])] });
    const snapshot = modelToSnapshot(db([t]));
    const row = snapshot.indexes[0] as unknown as Record<string, unknown>;
    Object.assign(row, { fill_factor: 100, is_padded: false, allow_row_locks: true, allow_page_locks: true, optimize_for_sequential_key: false, no_recompute: false });
    const read = snapshotToModel(parseSnapshot(JSON.stringify(snapshot), 'x.json')).database.tables[0].indexes[0];
    expect(read).toEqual(t.indexes[0]);
  });
});

const code = col('code', 'varchar(20)');
const id = col('id', 'int');
const orders = (index: Partial<Index>, extra: Partial<Table> = {}): Table => ({
  ...table('orders', { columns: [id, code], pk: pk('pk_orders', ['id']), indexes: [{ ...ix('ix_orders_code', ['code']), ...index }] }),
  rowCount: 1_000, ...extra,
});

const cases: DiffCase[] = [
  {
    name: 'FILLFACTOR and PAD_INDEX change by one ALTER INDEX ... REBUILD',
    current: db([orders({ fillFactor: 80 })]),
    desired: db([orders({ padIndex: true, fillFactor: 70 })]),
    steps: ['rebuildIndexOptions dbo.orders.ix_orders_code {"fillFactor":80}->{"padIndex":true,"fillFactor":70}'],
  },
  {
    name: 'the lock, NORECOMPUTE and sequential-key options change by one ALTER INDEX ... SET, no rebuild',
    current: db([orders({ allowPageLocks: false })]),
    desired: db([orders({ allowRowLocks: false, statisticsNoRecompute: true, optimizeForSequentialKey: true })]),
    steps: ['setIndexOptions dbo.orders.ix_orders_code {"allowPageLocks":false}->{"statisticsNoRecompute":true,"allowRowLocks":false,"optimizeForSequentialKey":true}'],
    noHazards: true,
  },
  {
    name: 'a key\'s options change in place too',
    current: db([orders({}, { primaryKey: { ...pk('pk_orders', ['id']), fillFactor: 90 } })]),
    desired: db([orders({}, { primaryKey: { ...pk('pk_orders', ['id']), allowPageLocks: false } })]),
    steps: [
      'rebuildIndexOptions dbo.orders.pk_orders {"fillFactor":90}->{"allowPageLocks":false}',
      'setIndexOptions dbo.orders.pk_orders {"fillFactor":90}->{"allowPageLocks":false}',
    ],
  },
  {
    name: 'a compression and a fill-factor change of one index are one rebuild',
    current: db([orders({ fillFactor: 90 })]),
    desired: db([orders({ fillFactor: 80, dataCompression: 'PAGE' })]),
    steps: ['rebuildIndexOptions dbo.orders.ix_orders_code {"fillFactor":90}->{"fillFactor":80} NONE->PAGE'],
  },
  {
    name: 'the table\'s compression rides in its clustered key\'s fill-factor rebuild',
    current: db([orders({}, { primaryKey: { ...pk('pk_orders', ['id']), fillFactor: 90 } })]),
    desired: db([orders({}, { dataCompression: 'ROW', primaryKey: { ...pk('pk_orders', ['id']), dataCompression: 'ROW' } })]),
    steps: ['rebuildIndexOptions dbo.orders.pk_orders {"fillFactor":90}->{} NONE->ROW'],
    hazards: ['rebuildIndexOptions dbo.orders.pk_orders {"fillFactor":90}->{} NONE->ROW: table-rebuild'],
  },
  {
    name: 'a compression change alone is still its own rebuild, and so is one of a table whose clustered index keeps its options',
    current: db([orders({}, { primaryKey: { ...pk('pk_orders', ['id']), fillFactor: 90 } })]),
    desired: db([orders({ dataCompression: 'ROW' }, { dataCompression: 'PAGE', primaryKey: { ...pk('pk_orders', ['id']), dataCompression: 'PAGE', fillFactor: 90 } })]),
    steps: ['rebuildCompression dbo.orders. NONE->PAGE', 'rebuildCompression dbo.orders.ix_orders_code NONE->ROW'],
  },
];

describe('diffing index options', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => runCase(c));

  it('re-creates an index around a column retype with its options, and the down script does too', () => {
    const options = { fillFactor: 80, padIndex: true as const, allowPageLocks: false as const };
    const current = db([orders(options)]);
    const desired = db([{ ...orders(options), columns: [id, col('code', 'nvarchar(20)')] }]);
    const plan = diff(desired, current, { allowDrop: false });
    const script = (direction: 'up' | 'down') => renderScript(plan, { direction, databaseName: null }).text;
    for (const direction of ['up', 'down'] as const) {
      expectValidTsql(script(direction));
      expect(script(direction)).toContain('CREATE NONCLUSTERED INDEX [ix_orders_code] ON [dbo].[orders] ([code]) WITH (PAD_INDEX = ON, FILLFACTOR = 80, ALLOW_PAGE_LOCKS = OFF);');
    }
  });

  it('writes one ALTER INDEX ... REBUILD WITH (FILLFACTOR, DATA_COMPRESSION), and the down script one too', () => {
    const plan = diff(db([orders({ fillFactor: 80, dataCompression: 'PAGE' })]), db([orders({})]), { allowDrop: false });
    const up = renderScript(plan, { direction: 'up', databaseName: null }).text;
    const down = renderScript(plan, { direction: 'down', databaseName: null }).text;
    for (const s of [up, down]) expectValidTsql(s);
    expect(up.match(/REBUILD/g)).toHaveLength(1);
    expect(up).toContain('ALTER INDEX [ix_orders_code] ON [dbo].[orders] REBUILD WITH (FILLFACTOR = 80, DATA_COMPRESSION = PAGE);');
    expect(down).toContain('ALTER INDEX [ix_orders_code] ON [dbo].[orders] REBUILD WITH (FILLFACTOR = 100, DATA_COMPRESSION = NONE);');
  });

  it('moves a clustered index and changes the table\'s compression in its one DROP_EXISTING build, no table rebuild after', () => {
    const FG = { kind: 'filegroup' as const, name: 'FG_DATA' };
    const t = (d: Partial<Table>, cx: Partial<Index>): Table => ({
      ...table('events', { columns: [id, code], indexes: [{ ...ix('cx_events', ['id'], { clustered: true }), ...cx }] }), rowCount: 10, ...d,
    });
    const plan = diff(db([t({ dataCompression: 'PAGE', dataSpace: FG }, { dataCompression: 'PAGE', dataSpace: FG, fillFactor: 80 })]), db([t({}, {})]), { allowDrop: false });
    expect(plan.steps.map((s) => s.change.kind)).toEqual(['redefineIndex']);
    const up = renderScript(plan, { direction: 'up', databaseName: null }).text;
    expect(up).toContain('CREATE CLUSTERED INDEX [cx_events] ON [dbo].[events] ([id]) WITH (FILLFACTOR = 80, DATA_COMPRESSION = PAGE, DROP_EXISTING = ON) ON [FG_DATA];');
  });

  it('puts the default fill factor back as FILLFACTOR = 100, which reads as the default', () => {
    const plan = diff(db([orders({})]), db([orders({ fillFactor: 80 })]), { allowDrop: false });
    const up = renderScript(plan, { direction: 'up', databaseName: null }).text;
    expectValidTsql(up);
    expect(up).toContain('ALTER INDEX [ix_orders_code] ON [dbo].[orders] REBUILD WITH (FILLFACTOR = 100);');
  });
});

describe('pulling index options', () => {
  it('writes each option so the pulled schema plans nothing', () => {
    const t: Table = table('orders', {
      columns: [id, code],
      pk: { ...pk('pk_orders', ['id'], { clustered: false }), fillFactor: 90, optimizeForSequentialKey: true },
      indexes: [{ ...ix('ix_orders_code', ['code']), fillFactor: 80, padIndex: true, allowRowLocks: false, statisticsNoRecompute: true }],
    });
    const { pulled, diagnostics, plan } = roundTrip(db([t]));
    expect(diagnostics).toEqual([]);
    const text = pulled.files.map((f) => f.text).join('\n');
    expect(text).toContain("@PrimaryKey('pk_orders', ['id'], { clustered: false, fillFactor: 90, optimizeForSequentialKey: true })");
    expect(text).toContain("{ padIndex: true, fillFactor: 80, statisticsNoRecompute: true, allowRowLocks: false }");
    expect(describePlan(plan)).toEqual([]);
  });
});
