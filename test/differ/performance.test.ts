/**
 * The differ is linear in tables: 5,000 tables diff well under a second. Timings take the
 * best of three runs (the machine is shared) and check growth from 1,000 to 5,000 tables.
 */
import { diff } from '../../src/differ';
import { ck, col, db, df, fk, ix, pk, table } from '../support/model-builders';
import type { Database, Table } from '../../src/model';

function tenantTable(i: number, extra: boolean): Table {
  const name = `t${String(i).padStart(5, '0')}`;
  return table(name, {
    columns: [col('id', 'uniqueidentifier'), col('index_id', 'bigint', { identity: true }), col('tenant_id', 'uniqueidentifier'),
      col('is_deleted', 'bit'), col('name', 'varchar(255)'), ...(extra ? [col('note', 'varchar(10)', { nullable: true })] : [])],
    pk: pk(`pk_${name}`, ['id'], { clustered: false }),
    indexes: [ix(`ix_${name}_index_id`, ['index_id'], { unique: true, clustered: true }), ix(`ix_${name}_active`, ['is_deleted'], { filter: 'is_deleted = 0' })],
    checks: [ck(`ck_${name}_name`, "name <> ''")], defaults: [df(`df_${name}_is_deleted`, 'is_deleted', '0')],
    fks: i === 0 ? [] : [fk(`fk_${name}_tenant`, ['tenant_id'], 't00000', ['id'])],
    rowCount: 1000,
  });
}

function model(n: number, extra: boolean): Database {
  return db(Array.from({ length: n }, (_, i) => tenantTable(i, extra && i % 10 === 0)));
}

function bestOf3(run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('differ performance', () => {
  test('5,000 tables (one in ten changed) diff in well under a second, and time grows linearly', () => {
    const small = [model(1000, true), model(1000, false)] as const;
    const large = [model(5000, true), model(5000, false)] as const;
    expect(diff(large[0], large[1], { allowDrop: false }).steps).toHaveLength(500);
    const tSmall = bestOf3(() => diff(small[0], small[1], { allowDrop: false }));
    const tLarge = bestOf3(() => diff(large[0], large[1], { allowDrop: false }));
    expect(tLarge).toBeLessThan(1000);
    // Linear growth is 5x; quadratic would be 25x. Allow noise from the shared machine.
    expect(tLarge / Math.max(tSmall, 1)).toBeLessThan(12);
  });

  test('creating 5,000 tables from an empty database is as fast', () => {
    const desired = model(5000, false);
    expect(diff(desired, db([]), { allowDrop: false }).steps.length).toBe(5000 * 3 + 4999);
    expect(bestOf3(() => diff(desired, db([]), { allowDrop: false }))).toBeLessThan(1000);
  });
});
