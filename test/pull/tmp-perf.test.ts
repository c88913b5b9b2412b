import { pullSchema } from '../../src/emitters/typescript';
import { col, db, df, ix, pk, table } from '../support/model-builders';
test('perf', () => {
  const tables = [];
  for (let i = 0; i < 2000; i++) {
    const name = `t${i}`;
    const extra = [];
    for (let j = 0; j < 10; j++) extra.push(col(`c${(i * 7 + j * 13) % 300}`, j % 2 ? 'int' : 'varchar(50)', { nullable: true }));
    const uniq = [...new Map(extra.map((c) => [c.name, c])).values()];
    tables.push(table(name, {
      columns: [col('id', 'uniqueidentifier'), col('index_id', 'bigint', { identity: true }), col('created_at', 'datetime'), col('is_deleted', 'bit'), ...uniq],
      pk: pk(`pk_${name}`, ['id'], { clustered: false }),
      indexes: [ix(`ix_${name}_index_id`, ['index_id'], { unique: true, clustered: true }), ix(`ix_${name}_active`, ['is_deleted'], { filter: '([is_deleted]=(0))' })],
      defaults: [df(`df_${name}_id`, 'id', '(newid())'), df(`df_${name}_is_deleted`, 'is_deleted', '((0))')],
    }));
  }
  const t0 = Date.now();
  const r = pullSchema(db(tables));
  console.log(Date.now() - t0, 'ms', r.files.length, r.files.filter((f) => !f.path.startsWith('t')).map((f) => f.path));
});
