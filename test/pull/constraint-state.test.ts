/**
 * pull writes an untrusted check or foreign key with `validate: false` and a disabled one with
 * `enabled: false` (legacy databases hold many NOCHECK foreign keys), so plan after pull is empty;
 * an untrusted allowed-values check stays a @Check, as a literal union cannot carry the option.
 */
import { expectPlansToNothing, roundTrip } from './support';
import { ck, col, db, fk, pk, table } from '../support/model-builders';

function legacy() {
  const customers = table('customers', { columns: [col('id', 'int'), col('tier', 'varchar(10)')], pk: pk('pk_customers', ['id']),
    checks: [ck('ck_customers_tier', "([tier]='gold' OR [tier]='basic')", { trusted: false })] });
  const orders = table('orders', {
    columns: [col('id', 'int'), col('customer_id', 'int'), col('referrer_id', 'int', { nullable: true }), col('qty', 'int'), col('total', 'int')],
    pk: pk('pk_orders', ['id']),
    checks: [ck('ck_orders_qty', '([qty]>(0))', { trusted: false, enabled: false }), ck('ck_orders_total', '([total]>=(0))')],
    fks: [
      fk('fk_orders_customer', ['customer_id'], 'customers', ['id'], { trusted: false }),
      fk('fk_orders_referrer', ['referrer_id'], 'customers', ['id'], { trusted: false, enabled: false }),
    ],
  });
  return db([customers, orders]);
}

describe('pull writes not-validated and disabled constraints', () => {
  const { diagnostics, plan, pulled } = roundTrip(legacy());
  const text = pulled.files.map((f) => f.text).join('\n');

  it('plans to nothing against the database it read, and reports nothing it could not write', () => {
    expectPlansToNothing({ pulled, diagnostics, plan });
  });

  it('writes validate: false on an untrusted constraint, enabled: false on a disabled one, and nothing on a trusted one', () => {
    expect(text).toMatch(/@Check\('ck_customers_tier', sql`.*`, \{ validate: false \}\)/);
    expect(text).toMatch(/@Check\('ck_orders_qty', sql`.*`, \{ enabled: false \}\)/);
    expect(text).toMatch(/@Check\('ck_orders_total', sql`[^`]*`\)/);
    expect(text).toMatch(/@ForeignKey\('fk_orders_customer', .*\{ validate: false \}\)/);
    expect(text).toMatch(/@ForeignKey\('fk_orders_referrer', .*\{ enabled: false \}\)/);
    expect(text.match(/validate: false|enabled: false/g)).toHaveLength(4);
  });
});
