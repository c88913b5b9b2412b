/**
 * Pre-flight counts over a table an enabled FILTER predicate guards see only the rows the login
 * may read: rows found are real (the plan is blocked), none found proves nothing (the check is
 * listed as not run, naming the policy).
 */
import { runPlanPreflight, type PreflightSource } from '../../src/app/preflight';
import { diff } from '../../src/differ';
import type { Database, SecurityPolicy } from '../../src/model';
import { col, db, table } from '../support/model-builders';

const POLICY: SecurityPolicy = {
  schema: 'sec', name: 'tenant_policy', enabled: true, schemaBound: false, notForReplication: false,
  predicates: [{ kind: 'FILTER', operation: null, target: { schema: 'dbo', name: 'orders' }, definition: '[sec].[f]([tenant_id])', function: { schema: 'sec', name: 'f' }, columns: ['tenant_id'] }],
};
const orders = (nullable: boolean) => table('orders', { columns: [col('id', 'int'), col('tenant_id', 'int'), col('note', 'nvarchar(50)', { nullable })], rowCount: 3 });
const current: Database = { ...db([orders(true)]), securityPolicies: [POLICY] };
const plan = diff(db([orders(false)]), current, { allowDrop: false });
const counting = (n: number): PreflightSource => ({ kind: 'database', run: async () => ({ violations: new Map([[0, n], [1, n]]), samples: new Map() }) });

test('none found on a filtered table: not run, naming the policy', async () => {
  const report = await runPlanPreflight(plan, current, counting(0), { samples: false, timeoutMs: 1000 });
  expect(report.blocked).toBe(false);
  expect(report.findings).toEqual([]);
  expect(report.notRun).toEqual([expect.objectContaining({ reason: expect.stringContaining('security policy sec.tenant_policy filters dbo.orders, so the count sees only the rows this login may read') })]);
});

test('rows found on a filtered table are real: the plan is blocked', async () => {
  const report = await runPlanPreflight(plan, current, counting(2), { samples: false, timeoutMs: 1000 });
  expect(report.blocked).toBe(true);
  expect(report.findings.map((f) => f.violations)).toEqual([2]);
});
