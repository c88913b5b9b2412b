/**
 * pull writes change tracking on @Table (`true`, or `{ trackColumnsUpdated: true }`), so a pulled
 * database with tracked tables plans to nothing; CDC is not written (it is DBA configuration,
 * kept by plans, never declared) and a pulled CDC table plans to nothing too.
 */
import { expectPlansToNothing, roundTrip } from './support';
import { col, db, pk, table } from '../support/model-builders';

function tracked() {
  const orders = { ...table('dbo.orders', { columns: [col('id', 'int'), col('qty', 'int')], pk: pk('pk_orders', ['id']) }), changeTracking: { trackColumnsUpdated: true } };
  const tenants = { ...table('dbo.tenants', { columns: [col('id', 'int')], pk: pk('pk_tenants', ['id']) }), changeTracking: { trackColumnsUpdated: false }, cdc: { captureInstances: ['dbo_tenants'] } };
  const audit = { ...table('dbo.audit', { columns: [col('id', 'int')] }), cdc: { captureInstances: [] } };
  return db([orders, tenants, audit]);
}

describe('pull writes change tracking', () => {
  const { diagnostics, plan, pulled } = roundTrip(tracked());
  const text = pulled.files.map((f) => f.text).join('\n');

  it('plans to nothing against the database it read', () => {
    expectPlansToNothing({ pulled, diagnostics, plan });
  });

  it('writes each table\'s setting on @Table, and nothing for CDC', () => {
    expect(text).toMatch(/@Table\('orders', \{ changeTracking: \{ trackColumnsUpdated: true \} \}\)/);
    expect(text).toMatch(/@Table\('tenants', \{ changeTracking: true \}\)/);
    expect(text).not.toMatch(/cdc|capture/i);
    expect(text.match(/changeTracking/g)).toHaveLength(2);
  });
});
