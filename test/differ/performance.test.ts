/** The differ is linear in tables: 5,000 tables diff well under a second. */
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

describe('differ performance', () => {
  test('5,000 tables: unchanged, changed and created diff in well under a second each', () => {
    const current = model(5000, false);
    const desired = model(5000, true);
    for (const [d, c, expected] of [[desired, current, 500], [current, current, 0], [desired, db([]), -1]] as const) {
      const started = performance.now();
      const plan = diff(d, c, { allowDrop: false });
      const ms = performance.now() - started;
      if (expected >= 0) expect(plan.steps.length).toBe(expected);
      else expect(plan.steps.length).toBeGreaterThan(5000);
      expect(ms).toBeLessThan(1000);
    }
  });
});
