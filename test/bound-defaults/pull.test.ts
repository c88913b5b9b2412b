/**
 * pull names a column's bound default and rule in a line comment (schema files cannot declare
 * them), never as a declared default, so the pulled files plan to nothing against the database.
 */
import { expectPlansToNothing, roundTrip } from '../pull/support';
import { col, db, pk, table } from '../support/model-builders';
import type { Column } from '../../src/model';

const zero = { schema: 'dbo', name: 'zero', definition: 'CREATE DEFAULT zero AS 0' };
const positive = { schema: 'dbo', name: 'positive', definition: 'CREATE RULE positive\r\nAS @v >= 0' };
const bound = (c: Column, o: Partial<Pick<Column, 'boundDefault' | 'boundRule'>>): Column => ({ ...c, ...o });

function legacy() {
  return db([
    table('dbo.stock', {
      columns: [col('id', 'int'), bound(col('qty', 'int'), { boundDefault: zero, boundRule: positive }), bound(col('reserved', 'int', { nullable: true }), { boundDefault: zero })],
      pk: pk('pk_stock', ['id']),
    }),
    // The same column without bindings elsewhere: not merged into one mixin with the bound one.
    table('dbo.orders', { columns: [col('id', 'int'), col('qty', 'int'), col('reserved', 'int', { nullable: true })], pk: pk('pk_orders', ['id']) }),
  ]);
}

describe('pull names bound defaults and rules', () => {
  const { diagnostics, plan, pulled } = roundTrip(legacy());
  const text = pulled.files.map((f) => f.text).join('\n');

  it('plans to nothing against the database it read', () => {
    expectPlansToNothing({ pulled, diagnostics, plan });
  });

  it('writes a line comment over each bound column, with the stored definition on one line', () => {
    expect(text).toContain('  // Bound default dbo.zero: CREATE DEFAULT zero AS 0 (sp_bindefault; kept, not declared here: a default declared here replaces it)\n  // Bound rule dbo.positive: CREATE RULE positive AS @v >= 0 (sp_bindrule; kept, not declared here)\n  @Column.int()\n  qty!: number;');
    expect(text.match(/\/\/ Bound default/g)).toHaveLength(2);
    expect(text).not.toMatch(/default: 0/);
  });
});
