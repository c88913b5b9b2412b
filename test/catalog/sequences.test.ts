/**
 * Sequences at the catalog boundary: sys.sequences rows to the model (cache_size NULL read as
 * CACHE or NO CACHE by is_cached; values beyond 2^53 as decimal strings), the model back to rows
 * and through the snapshot file, and the stored default text comparing equal to what the compiler
 * writes, so a plan after apply is empty.
 */
import { modelToSnapshot } from '../../src/catalog/from-model';
import { rowsToSnapshotObject } from '../../src/catalog/read-rows';
import { CATALOG_QUERIES } from '../../src/catalog/queries';
import { parseSnapshot, serializeSnapshot, validateSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';
import { makeExpression } from '../../src/expr';
import { fingerprint } from '../../src/differ';
import { defaultNameKey } from '../../src/sqlserver/names';
import { db, seq } from '../support/model-builders';

const row = (o: Record<string, unknown>) => ({
  object_id: 7, schema_name: 'sales', name: 'order_numbers', type_name: 'bigint', system_type_id: 127, user_type_id: 127, precision: 19,
  start_value: 1000, increment: 1, minimum_value: '-9223372036854775808', maximum_value: '9223372036854775807',
  is_cycling: false, is_cached: true, cache_size: null, ...o,
});

describe('sys.sequences rows to the model', () => {
  const base = modelToSnapshot(db([]), { database: 'app' });
  const read = (rows: Record<string, unknown>[]) => snapshotToModel(validateSnapshot({ ...base, sequences: rows }, 'test')).database.sequences;

  it('reads CACHE without a size, NO CACHE and CACHE n apart by is_cached and cache_size', () => {
    const read3 = read([row({ name: 'a' }), row({ object_id: 8, name: 'b', is_cached: false }), row({ object_id: 9, name: 'c', cache_size: 50 })]) ?? [];
    expect(read3.map((q) => [q.name, q.cache])).toEqual([['a', { kind: 'default' }], ['b', { kind: 'none' }], ['c', { kind: 'size', size: 50 }]]);
  });

  it('keeps every digit of bigint and decimal(38,0) bounds, and the precision of decimal', () => {
    const [q] = read([row({ type_name: 'decimal', system_type_id: 106, user_type_id: 106, precision: 38, minimum_value: '-99999999999999999999999999999999999999', maximum_value: '99999999999999999999999999999999999999' })]) ?? [];
    expect(q).toMatchObject({ type: { name: 'decimal', precision: 38, scale: 0 }, min: '-99999999999999999999999999999999999999', max: '99999999999999999999999999999999999999', start: '1000' });
  });

  it('turns the batch result set into snapshot rows, numbers where they fit', () => {
    const sets = CATALOG_QUERIES.map((q) => (q.name === 'sequences' ? [row({ start_value: '1000', increment: '-1', minimum_value: '-9223372036854775808' })] : q.name === 'database' ? [{ database: 'app', server_version: '16.0' }] : []));
    const doc = rowsToSnapshotObject(sets) as { sequences: Record<string, unknown>[] };
    expect(doc.sequences[0]).toMatchObject({ start_value: 1000, increment: -1, minimum_value: '-9223372036854775808' });
  });
});

describe('model to rows and back', () => {
  it('gives the same sequences through the snapshot file, and the same fingerprint', () => {
    const d = db([], { sequences: [
      seq('sales.order_numbers', { start: '1000', cache: { kind: 'size', size: 20 } }),
      seq('countdown', { type: { name: 'numeric', precision: 5, scale: 0 }, start: '500', increment: '-1', min: '-99999', max: '500', cycle: true, cache: { kind: 'none' } }),
    ] });
    const back = snapshotToModel(parseSnapshot(serializeSnapshot(modelToSnapshot(d, { database: 'app' })), 'after.json')).database;
    expect(back.sequences).toEqual([...(d.sequences ?? [])].sort((a, b) => (a.schema < b.schema ? -1 : 1)));
    expect(fingerprint(back)).toBe(fingerprint(d));
  });
});

describe('the stored NEXT VALUE FOR default compares equal to what the compiler writes', () => {
  const key = defaultNameKey;
  it.each([
    ['NEXT VALUE FOR [sales].[order_numbers]', '(NEXT VALUE FOR [sales].[order_numbers])'],
    ['NEXT VALUE FOR sales.Order_Numbers', '(NEXT VALUE FOR [sales].[order_numbers])'],
    ['(NEXT VALUE FOR [PeopleSequence])', '(NEXT VALUE FOR [PeopleSequence])'],
  ])('%s ~ %s', (written, stored) => {
    expect(makeExpression(written, key).expression.canonical).toBe(makeExpression(stored, key).expression.canonical);
  });
  it('a different sequence is a different default', () => {
    expect(makeExpression('NEXT VALUE FOR [dbo].[a]', key).expression.canonical).not.toBe(makeExpression('(NEXT VALUE FOR [dbo].[b])', key).expression.canonical);
  });
});
