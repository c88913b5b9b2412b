import { diff } from '../../src/differ';
import { ck, col, db, df, fk, ix, pk, table } from '../support/model-builders';
function tenantTable(i: number, extra: boolean) {
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
const m = (n: number, e: boolean) => db(Array.from({ length: n }, (_, i) => tenantTable(i, e && i % 10 === 0)));
const c = m(5000, false), d = m(5000, true);
for (let k = 0; k < 3; k++) {
  let t = performance.now(); diff(d, c, { allowDrop: false }); console.log('changed', performance.now() - t);
  t = performance.now(); diff(c, c, { allowDrop: false }); console.log('same', performance.now() - t);
  t = performance.now(); diff(d, db([]), { allowDrop: false }); console.log('create', performance.now() - t);
}
