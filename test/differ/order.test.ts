/** Phases, inverses and output stability of the differ. */
import { diff, PHASES, phaseOf, type Change, type ChangeKind } from '../../src/differ';
import { invert } from '../../src/differ/inverse';
import { ck, col, db, df, expr, fk, ix, pk, seq, table, uq } from '../support/model-builders';
import type { Database, DependentModule, SecurityPolicy, Table } from '../../src/model';

const ref = { schema: 'dbo', name: 't' };
const VIEW: DependentModule = {
  schema: 'dbo', name: 'v', type: 'V', schemaBound: true, definition: 'CREATE VIEW dbo.v WITH SCHEMABINDING AS SELECT a FROM dbo.t',
  ansiNulls: true, quotedIdentifier: true, parent: null, indexes: [], definedName: { schema: 'dbo', name: 'v' },
  references: [{ schema: 'dbo', name: 't', isTable: true, columns: ['a'], columnsFrom: 'catalog', schemaBound: true }],
};
const POLICY: SecurityPolicy = {
  schema: 'dbo', name: 'p', enabled: true, schemaBound: true, notForReplication: false,
  predicates: [{ kind: 'FILTER', operation: null, target: ref, definition: '[dbo].[f]([a])', function: { schema: 'dbo', name: 'f' }, columns: ['a'] }],
};
const c = col('a', 'int');
const sample: Record<ChangeKind, Change> = {
  createSchema: { kind: 'createSchema', schema: 's' },
  dropSchema: { kind: 'dropSchema', schema: 's' },
  createType: { kind: 'createType', type: { schema: 'dbo', name: 'Email', base: { name: 'nvarchar', length: 320 }, nullable: false } },
  dropType: { kind: 'dropType', type: { schema: 'dbo', name: 'Email', base: { name: 'nvarchar', length: 320 }, nullable: false } },
  redefineType: { kind: 'redefineType', from: { schema: 'dbo', name: 'Email', base: { name: 'nvarchar', length: 320 }, nullable: false }, to: { schema: 'dbo', name: 'Email', base: { name: 'nvarchar', length: 400 }, nullable: true } },
  createTable: { kind: 'createTable', table: table('t', { columns: [c] }) },
  dropTable: { kind: 'dropTable', table: table('t', { columns: [c] }) },
  renameTable: { kind: 'renameTable', schema: 'dbo', from: 'a', to: 'b' },
  transferTable: { kind: 'transferTable', name: 'a', from: 'old', to: 'dbo' },
  addColumn: { kind: 'addColumn', table: ref, column: c },
  dropColumn: { kind: 'dropColumn', table: ref, column: c },
  renameColumn: { kind: 'renameColumn', table: ref, from: 'a', to: 'b' },
  alterColumn: { kind: 'alterColumn', table: ref, from: c, to: col('a', 'bigint') },
  backfillColumn: { kind: 'backfillColumn', table: ref, column: 'a', expression: expr('0') },
  addDefault: { kind: 'addDefault', table: ref, constraint: df('df', 'a', '0') },
  dropDefault: { kind: 'dropDefault', table: ref, constraint: df('df', 'a', '0') },
  addCheck: { kind: 'addCheck', table: ref, constraint: ck('ck', 'a > 0') },
  dropCheck: { kind: 'dropCheck', table: ref, constraint: ck('ck', 'a > 0') },
  addPrimaryKey: { kind: 'addPrimaryKey', table: ref, constraint: pk('pk', ['a'], { clustered: false }) },
  dropPrimaryKey: { kind: 'dropPrimaryKey', table: ref, constraint: pk('pk', ['a']) },
  addUnique: { kind: 'addUnique', table: ref, constraint: uq('uq', ['a']) },
  dropUnique: { kind: 'dropUnique', table: ref, constraint: uq('uq', ['a']) },
  createIndex: { kind: 'createIndex', table: ref, index: ix('ix', ['a']) },
  dropIndex: { kind: 'dropIndex', table: ref, index: ix('ix', ['a']) },
  addForeignKey: { kind: 'addForeignKey', table: ref, constraint: fk('fk', ['a'], 'p', ['id']) },
  dropForeignKey: { kind: 'dropForeignKey', table: ref, constraint: fk('fk', ['a'], 'p', ['id']) },
  addEdgeConstraint: { kind: 'addEdgeConstraint', table: ref, constraint: { name: 'ec', isSystemNamed: false, onDelete: 'NO_ACTION', connections: [] } },
  dropEdgeConstraint: { kind: 'dropEdgeConstraint', table: ref, constraint: { name: 'ec', isSystemNamed: false, onDelete: 'NO_ACTION', connections: [] } },
  redefineIndex: { kind: 'redefineIndex', table: ref, from: ix('ix_a', ['a']), to: ix('ix_a', ['a'], { include: ['b'] }) },
  renameConstraint: { kind: 'renameConstraint', table: ref, objectType: 'OBJECT', from: 'x', to: 'y' },
  revalidateConstraint: { kind: 'revalidateConstraint', table: ref, name: 'ck' },
  untrustConstraint: { kind: 'untrustConstraint', table: ref, name: 'ck' },
  disableConstraint: { kind: 'disableConstraint', table: ref, name: 'ck', wasTrusted: true },
  enableConstraint: { kind: 'enableConstraint', table: ref, name: 'ck' },
  createSequence: { kind: 'createSequence', sequence: seq('s') },
  dropSequence: { kind: 'dropSequence', sequence: seq('s') },
  alterSequence: { kind: 'alterSequence', from: seq('s'), to: seq('s', { cycle: true }) },
  recreateSequence: { kind: 'recreateSequence', from: seq('s'), to: seq('s', { type: { name: 'int' } }) },
  rebuildCompression: { kind: 'rebuildCompression', table: ref, index: { name: 'ix', clustered: false }, from: 'NONE', to: 'PAGE' },
  alterBucketCount: { kind: 'alterBucketCount', table: ref, index: 'ix', from: 64, to: 1024 },
  setIgnoreDupKey: { kind: 'setIgnoreDupKey', table: ref, index: 'ix', to: true },
  setSparse: { kind: 'setSparse', table: ref, column: 'a', sparse: true },
  rebuildIndexOptions: { kind: 'rebuildIndexOptions', table: ref, index: { name: 'ix', clustered: false }, from: {}, to: { fillFactor: 80 } },
  setIndexOptions: { kind: 'setIndexOptions', table: ref, index: 'ix', from: {}, to: { allowPageLocks: false } },
  setNotForReplication: { kind: 'setNotForReplication', table: ref, column: 'a', notForReplication: true },
  setRowGuidCol: { kind: 'setRowGuidCol', table: ref, column: 'a', rowguidcol: true },
  moveHeap: { kind: 'moveHeap', table: ref, from: null, to: { kind: 'filegroup', name: 'FG2' }, key: 'a' },
  setLockEscalation: { kind: 'setLockEscalation', table: ref, from: 'TABLE', to: 'AUTO' },
  enableChangeTracking: { kind: 'enableChangeTracking', table: ref, tracking: { trackColumnsUpdated: false } },
  disableChangeTracking: { kind: 'disableChangeTracking', table: ref, tracking: { trackColumnsUpdated: false } },
  setMask: { kind: 'setMask', table: ref, column: 'a', from: null, to: 'default()' },
  dropModule: { kind: 'dropModule', module: VIEW },
  createModule: { kind: 'createModule', module: VIEW },
  refreshModule: { kind: 'refreshModule', module: VIEW },
  dropSecurityPolicy: { kind: 'dropSecurityPolicy', policy: POLICY },
  createSecurityPolicy: { kind: 'createSecurityPolicy', policy: POLICY },
  unbindColumn: { kind: 'unbindColumn', table: ref, column: 'a', what: 'default', object: { schema: 'dbo', name: 'zero', definition: null } },
  unbindType: { kind: 'unbindType', type: { schema: 'dbo', name: 'Qty' }, what: 'default', object: { schema: 'dbo', name: 'zero', definition: null } },
  bindType: { kind: 'bindType', type: { schema: 'dbo', name: 'Qty' }, what: 'rule', object: { schema: 'dbo', name: 'positive', definition: null } },
  bindColumn: { kind: 'bindColumn', table: ref, column: 'a', what: 'rule', object: { schema: 'dbo', name: 'positive', definition: null } },
  dropStatistics: { kind: 'dropStatistics', table: ref, statistics: { name: 'st_a', columns: ['a'], filter: null, noRecompute: false, incremental: false } },
  createStatistics: { kind: 'createStatistics', table: ref, statistics: { name: 'st_a', columns: ['a'], filter: null, noRecompute: false, incremental: false } },
  setDescription: { kind: 'setDescription', table: ref, column: 'a', from: null, to: 'the a' },
  addPeriod: { kind: 'addPeriod', table: ref, start: { ...col('s', 'datetime2'), period: { end: 'start', hidden: false } }, end: { ...col('e', 'datetime2'), period: { end: 'end', hidden: false } } },
  dropPeriod: { kind: 'dropPeriod', table: ref, start: { ...col('s', 'datetime2'), period: { end: 'start', hidden: false } }, end: { ...col('e', 'datetime2'), period: { end: 'end', hidden: false } } },
  enableVersioning: { kind: 'enableVersioning', table: ref, versioning: { historySchema: 'dbo', historyTable: 't_history', retention: { unit: 'INFINITE' } }, historyExists: false },
  disableVersioning: { kind: 'disableVersioning', table: ref, versioning: { historySchema: 'dbo', historyTable: 't_history', retention: { unit: 'INFINITE' } }, dropHistory: false },
  alterRetention: { kind: 'alterRetention', table: ref, from: { unit: 'INFINITE' }, to: { unit: 'MONTH', count: 3 } },
  alterPeriodHidden: { kind: 'alterPeriodHidden', table: ref, column: 's', hidden: true },
};

const phaseIndex = (change: Change) => PHASES.findIndex((p) => p.phase === phaseOf(change));

describe('differ: phases and inverses', () => {
  test.each(Object.entries(sample))('%s inverts back to itself (backfill has none)', (kind, change) => {
    const inverse = invert(change);
    if (kind === 'backfillColumn') expect(inverse).toBeNull();
    else expect(invert(inverse as Change)).toEqual(change);
  });

  test('every phase has a reason and every phase is used by some change kind', () => {
    for (const p of PHASES) expect(p.reason.length).toBeGreaterThan(10);
    const used = new Set(Object.values(sample).map(phaseOf));
    used.add(phaseOf({ kind: 'createIndex', table: ref, index: ix('cx', ['a'], { clustered: true }) }));
    used.add(phaseOf({ kind: 'addColumn', table: ref, column: col('c', 'int', { computed: 'a * 2' }) }));
    expect([...used].sort()).toEqual(PHASES.map((p) => p.phase).sort());
  });

  test('phases follow design rule 7', () => {
    // A moved table: its target schema exists before ALTER SCHEMA ... TRANSFER, its old schema is
    // dropped (when managed) only once emptied, and a rename after the move names the new schema.
    const seq: ChangeKind[] = ['dropForeignKey', 'dropIndex', 'dropColumn', 'dropTable', 'createSchema', 'transferTable', 'dropSchema', 'renameTable',
      'createTable', 'addColumn', 'backfillColumn', 'alterColumn', 'addDefault', 'addCheck', 'addPrimaryKey', 'createIndex', 'addForeignKey'];
    const idx = seq.map((k) => phaseIndex(sample[k]));
    expect(idx).toEqual([...idx].sort((a, b) => a - b));
    expect(new Set(idx).size).toBe(idx.length);
    // Clustered structures come before nonclustered keys and indexes.
    const clustered = phaseIndex({ kind: 'addPrimaryKey', table: ref, constraint: pk('pk', ['a'], { clustered: true }) });
    expect(clustered).toBeLessThan(phaseIndex(sample.addPrimaryKey));
    expect(phaseIndex(sample.addPrimaryKey)).toBeLessThan(phaseIndex(sample.createIndex));
  });
});

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Shuffles every array; `keepNew` keeps the declaration order of tables `current` lacks (CREATE TABLE follows it). */
function shuffleDb(d: Database, seed: number, keepNew?: Database): Database {
  const t = (x: Table): Table => keepNew !== undefined && !keepNew.tables.some((o) => o.name === x.name) ? x : ({
    ...x, columns: shuffled(x.columns, seed), indexes: shuffled(x.indexes, seed + 1), checks: shuffled(x.checks, seed + 2),
    defaults: shuffled(x.defaults, seed + 3), foreignKeys: shuffled(x.foreignKeys, seed + 4), uniqueConstraints: shuffled(x.uniqueConstraints, seed + 5),
  });
  return { ...d, schemas: shuffled(d.schemas, seed), tables: shuffled(d.tables, seed + 6).map(t) };
}

describe('differ: stable output', () => {
  const current = db([
    table('a', { columns: [col('id', 'int'), col('x', 'int', { nullable: true }), col('y', 'int', { nullable: true })], pk: pk('pk_a', ['id']),
      indexes: [ix('ix_a_x', ['x']), ix('ix_a_y', ['y'])], checks: [ck('ck_a_x', 'x > 0'), ck('ck_a_y', 'y > 0')] }),
    table('old', { columns: [col('id', 'int')] }),
  ]);
  const desired = db([
    table('a', { columns: [col('id', 'int'), col('x', 'bigint', { nullable: true }), col('z', 'int', { nullable: true })], pk: pk('pk_a', ['id']),
      indexes: [ix('ix_a_x', ['x']), ix('ix_a_z', ['z'])], checks: [ck('ck_a_x', 'x > 1'), ck('ck_a_z', 'z > 0')] }),
    table('s.b', { columns: [col('id', 'int'), col('a_id', 'int')], fks: [fk('fk_b_a', ['a_id'], 'a', ['id'])] }),
    table('c', { columns: [col('id', 'int'), col('b_id', 'int')], pk: pk('pk_c', ['id']), fks: [fk('fk_c_b', ['b_id'], 's.b', ['id'])] }),
  ]);

  test('reordering arrays (but a new table\'s declaration order) gives byte-identical plans', () => {
    const base = JSON.stringify(diff(desired, current, { allowDrop: true }));
    expect(base).toContain('createTable');
    for (let seed = 1; seed <= 5; seed++) {
      expect(JSON.stringify(diff(shuffleDb(desired, seed, current), shuffleDb(current, seed * 7), { allowDrop: true }))).toBe(base);
    }
  });
});
