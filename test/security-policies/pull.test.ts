/**
 * pull names the security policies on a table in a line comment above its class (schema files
 * cannot declare them), with a doc-comment description kept as it is, so the pulled files plan to
 * nothing against the database.
 */
import { expectPlansToNothing, roundTrip } from '../pull/support';
import { col, db, pk, table } from '../support/model-builders';
import type { Database, SecurityPolicy } from '../../src/model';

const POLICY: SecurityPolicy = {
  schema: 'sec', name: 'tenant_policy', enabled: true, schemaBound: true, notForReplication: false,
  predicates: (['FILTER', 'BLOCK'] as const).map((kind) => ({
    kind, operation: kind === 'BLOCK' ? 'AFTER INSERT' as const : null, target: { schema: 'dbo', name: 'orders' },
    definition: '[sec].[tenant_predicate]([tenant_id])', function: { schema: 'sec', name: 'tenant_predicate' }, columns: ['tenant_id'],
  })),
};

function tenanted(): Database {
  return {
    ...db([
      { ...table('dbo.orders', { columns: [col('id', 'int'), col('tenant_id', 'int')], pk: pk('pk_orders', ['id']) }), description: 'Orders of every tenant.' },
      table('dbo.tenants', { columns: [col('id', 'int')], pk: pk('pk_tenants', ['id']) }),
    ]),
    securityPolicies: [POLICY],
  };
}

describe('pull names security policies', () => {
  const { diagnostics, plan, pulled } = roundTrip(tenanted());
  const file = (name: string) => pulled.files.find((f) => f.path === name)?.text ?? '';

  it('plans to nothing against the database it read', () => {
    expectPlansToNothing({ pulled, diagnostics, plan });
  });

  it('writes one line comment per policy above the class and its description, and none on other tables', () => {
    expect(file('orders.schema.ts')).toContain([
      '// Security policy sec.tenant_policy (STATE = ON): FILTER [sec].[tenant_predicate]([tenant_id]); BLOCK AFTER INSERT [sec].[tenant_predicate]([tenant_id]) (row-level security; kept, not declared here)',
      '/** Orders of every tenant. */',
      "@Table('orders')",
    ].join('\n'));
    expect(file('tenants.schema.ts')).not.toContain('Security policy');
  });
});
