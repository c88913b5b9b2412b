/**
 * model -> snapshot rows -> model gives the model back: a migration's after.json must describe
 * exactly the state it was written from, or the next `migrate new` would plan phantom changes.
 */
import * as path from 'path';
import { modelToSnapshot } from '../../src/catalog/from-model';
import { parseSnapshot, serializeSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';
import { compileSchema } from '../../src/compiler';
import { diff, fingerprint } from '../../src/differ';
import type { Database, Table } from '../../src/model';
import { variedDatabase } from '../pull/varied-db';
import { ck, col, db, df, fk, ix, pk, table, uq } from '../support/model-builders';

const byName = <T extends { name: string }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** The model as a catalog can hold it: no compiler-only hints, no row counts, named arrays sorted. */
function comparable(d: Database): unknown {
  const strip = <T extends object>(x: T): T => {
    const { source: _s, renamedFrom: _r, backfill: _b, rowCount: _c, ...rest } = x as T & Record<string, unknown>;
    return rest as T;
  };
  const tables = [...d.tables].sort((a, b) => `${a.schema}.${a.name}`.localeCompare(`${b.schema}.${b.name}`)).map((t: Table) => ({
    ...strip(t),
    columns: t.columns.map(strip),
    primaryKey: t.primaryKey && strip(t.primaryKey),
    uniqueConstraints: byName(t.uniqueConstraints).map(strip),
    indexes: byName(t.indexes).map(strip),
    checks: byName(t.checks).map(strip),
    defaults: byName(t.defaults).map(strip),
    foreignKeys: byName(t.foreignKeys).map(strip),
  }));
  return { collation: d.collation, schemas: [...d.schemas].sort(), tables };
}

/** Through the file format too: written, serialized, parsed and read back. */
function roundTrip(d: Database): Database {
  const text = serializeSnapshot(modelToSnapshot(d, { database: 'app' }));
  const { database, diagnostics } = snapshotToModel(parseSnapshot(text, 'after.json'));
  expect(diagnostics).toEqual([]);
  return database;
}

function expectSame(d: Database): void {
  const back = roundTrip(d);
  expect(comparable(back)).toEqual(comparable(d));
  expect(fingerprint(back)).toBe(fingerprint(d));
  // The differ re-validates untrusted constraints whatever their source: compare with d against itself.
  expect(diff(d, back, { allowDrop: true }).steps).toEqual(diff(d, d, { allowDrop: true }).steps);
}

describe('modelToSnapshot', () => {
  test('the example schema comes back unchanged', () => {
    const compiled = compileSchema(path.resolve(__dirname, '../../schema'), { typeCheck: false });
    expect(compiled.database.tables.length).toBeGreaterThan(0);
    expectSame(compiled.database);
  });

  test('the feature fixtures (computed, collation, FK actions, other schemas) come back unchanged', () => {
    const compiled = compileSchema(path.resolve(__dirname, '../fixtures/schemas/features'), { typeCheck: false });
    expect(compiled.database.tables.length).toBeGreaterThan(1);
    expectSame(compiled.database);
  });

  test('a varied catalog model (system names, untrusted and disabled constraints, every type) comes back unchanged', () => {
    expectSame(variedDatabase());
  });

  test('keys, includes, descending columns, big identity seeds and a case-sensitive collation', () => {
    const parent = table('sales.accounts', {
      columns: [col('id', 'bigint', { identity: { seed: '9007199254740993', increment: '-2' } }), col('code', 'nvarchar(20)'), col('amount', 'decimal(38,6)'), col('at', 'datetime2(3)'), col('t', 'time(0)')],
      pk: pk('pk_accounts', ['id desc'], { clustered: false }),
      uniques: [uq('uq_accounts_code', ['code'], { clustered: true })],
      indexes: [ix('ix_accounts_at', ['at desc', 'code'], { include: ['amount', 't'], filter: '[amount]>(0)' })],
      checks: [ck('ck_accounts_amount', '([amount]>=(0))', { trusted: false })],
      defaults: [df('df_accounts_at', 'at', '(sysutcdatetime())')],
    });
    const child = table('lines', {
      columns: [col('account_id', 'bigint'), col('n', 'int'), col('note', 'varchar(max)', { nullable: true, collation: 'Latin1_General_BIN2' })],
      pk: pk('pk_lines', ['account_id', 'n']),
      fks: [fk('fk_lines_account', ['account_id'], 'sales.accounts', ['id'], { onDelete: 'CASCADE', onUpdate: 'NO_ACTION', enabled: false, trusted: false })],
    });
    expectSame(db([parent, child], { collation: 'SQL_Latin1_General_CP1_CS_AS', schemas: ['dbo', 'reporting', 'sales'] }));
  });

  test('an empty database', () => {
    expectSame(db([]));
  });

  test('object ids come from names: adding a table leaves the others as they were', () => {
    const a = table('a', { columns: [col('id', 'int')] });
    const b = table('b', { columns: [col('id', 'int')] });
    const ids = (d: Database) => new Map(modelToSnapshot(d).tables.map((t) => [t.name, t.object_id]));
    const before = ids(db([b]));
    const after = ids(db([a, b]));
    expect(after.get('b')).toBe(before.get('b'));
    expect(after.get('a')).not.toBe(after.get('b'));
  });

  test('a reference to a column the table does not have is a clear error, not a broken file', () => {
    const broken = table('t', { columns: [col('id', 'int')], indexes: [ix('ix_t_x', ['x'])] });
    expect(() => modelToSnapshot(db([broken]))).toThrow(/dbo\.t: index ix_t_x names column x/);
  });
});
