/**
 * Large models give exact, complete plans (5,000 tables). Speed is measured by `npm run bench`
 * and reported, never asserted by a timed test.
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

describe('differ on large models', () => {
  test('5,000 tables, one in ten changed: exactly those changes', () => {
    const large = [model(5000, true), model(5000, false)] as const;
    const plan = diff(large[0], large[1], { allowDrop: false });
    expect(plan.steps).toHaveLength(500);
    expect(new Set(plan.steps.map((s) => s.change.kind))).toEqual(new Set(['addColumn']));
  });

  test('creating 5,000 tables from an empty database plans every table, index and FK', () => {
    const desired = model(5000, false);
    expect(diff(desired, db([]), { allowDrop: false }).steps.length).toBe(5000 * 3 + 4999);
  });
});
