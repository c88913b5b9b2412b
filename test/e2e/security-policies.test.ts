/**
 * Row-level security over the wire: a tenant-scoped table with rows and a schema-bound security
 * policy (a FILTER and an AFTER INSERT BLOCK predicate over tenant_id). Widening tenant_id from int
 * to bigint applies: the plan drops the policy, alters the column and re-creates the policy in
 * its one transaction; each tenant still sees only its rows after, the next plan is empty, the
 * DOWN script restores the catalog (policy included), and plan names the policy in its hazard.
 */
import { expectExit, shown } from './support/project';
import { execAll, queryRows } from './support/sqlcmd';
import { e2eTargets } from './real-server';
import { liveSuite } from './support/live-suite';
import { migrateAndBack } from './support/migrate-and-back';

const FAST = ['--no-type-check'];

const SCHEMA = `import { Column, PrimaryKey, Table } from 'schemac';

@Table('orders')
@PrimaryKey('pk_orders', ['id'], { clustered: true })
export class Order {
  @Column.int() id!: number;
  @Column.int() tenantId!: number;
  @Column.nvarchar(50, { nullable: true }) note!: string | null;
}
`;

// The docs' tenant predicate (row-level-security, SESSION_CONTEXT example), in its own schema as the best practices advise.
const POLICY = [
  `IF SCHEMA_ID(N'sec') IS NULL EXEC(N'CREATE SCHEMA sec');`,
  `CREATE FUNCTION sec.tenant_predicate(@tenant_id bigint) RETURNS TABLE WITH SCHEMABINDING
AS RETURN SELECT 1 AS ok WHERE @tenant_id = CAST(SESSION_CONTEXT(N'tenant_id') AS bigint);`,
  `CREATE SECURITY POLICY sec.tenant_policy
  ADD FILTER PREDICATE sec.tenant_predicate(tenant_id) ON dbo.orders,
  ADD BLOCK PREDICATE sec.tenant_predicate(tenant_id) ON dbo.orders AFTER INSERT
  WITH (STATE = ON, SCHEMABINDING = ON);`,
];

for (const spec of e2eTargets()) {
  describe(`row-level security policies on the ${spec.name}`, () => {
    const suite = liveSuite(spec, {
      example: false, dropTables: ['dbo.orders'],
      // The policy binds the table: it goes first (a real server's database outlives one test).
      beforeEach: (s) => execAll(s.target.url, [
        `IF OBJECT_ID(N'sec.tenant_policy') IS NOT NULL DROP SECURITY POLICY sec.tenant_policy;`,
        `IF OBJECT_ID(N'sec.tenant_predicate') IS NOT NULL DROP FUNCTION sec.tenant_predicate;`,
      ]),
    });
    const tenantRows = (tenant: number): Promise<unknown[]> =>
      queryRows(suite.target.url, `EXEC sp_set_session_context @key = N'tenant_id', @value = ${tenant}; SELECT id FROM dbo.orders ORDER BY id;`).then((rows) => rows.map((r) => r.id));

    it('widens tenant_id under the policy with rows: applied, filtered after, planned empty, and back', async () => {
      suite.project.write('orders.schema.ts', SCHEMA);
      expectExit(await suite.project.run(['apply', ...suite.db(), '--auto-approve', ...FAST]), 0);
      await execAll(suite.target.url, [`INSERT INTO dbo.orders (id, tenant_id, note) VALUES (1, 1, N'a'), (2, 1, N'b'), (3, 2, N'c');`, ...POLICY]);
      expect(await tenantRows(1)).toEqual([1, 2]);
      expect(await tenantRows(2)).toEqual([3]);
      await suite.planIsEmpty();

      suite.project.edit('orders.schema.ts', '@Column.int() tenantId!: number;', '@Column.bigint() tenantId!: number;');
      const plan = await suite.project.run(['plan', ...suite.db(), ...FAST]);
      expectExit(plan, 0);
      expect(plan.stdout).toContain('security policy sec.tenant_policy');
      expect(plan.stdout).toMatch(/dependent-rebuild.*security policy sec\.tenant_policy is dropped before the change and re-created exactly as it was after it/s);

      const { before, after, up } = await migrateAndBack(suite);
      expect(up.indexOf('DROP SECURITY POLICY [sec].[tenant_policy];')).toBeLessThan(up.indexOf('ALTER COLUMN [tenant_id] bigint NOT NULL'));
      expect(up.indexOf('ALTER COLUMN [tenant_id] bigint NOT NULL')).toBeLessThan(up.indexOf('CREATE SECURITY POLICY [sec].[tenant_policy]'));
      expect(after.columns).toContainEqual(expect.objectContaining({ table: 'dbo.orders', name: 'tenant_id', type_name: 'bigint' }));
      expect(before.columns).toContainEqual(expect.objectContaining({ table: 'dbo.orders', name: 'tenant_id', type_name: 'int' }));
      // The policy is back exactly: its options and its predicates in order.
      expect(after.security_policies).toEqual(before.security_policies);
      expect(after.security_predicates).toEqual(before.security_predicates);
      expect(after.security_predicates).toEqual([
        expect.objectContaining({ policy: 'sec.tenant_policy', place: 1, predicate_type_desc: 'FILTER', operation_desc: null }),
        expect.objectContaining({ policy: 'sec.tenant_policy', place: 2, predicate_type_desc: 'BLOCK', operation_desc: 'AFTER INSERT' }),
      ]);
      // Row filtering holds after the apply, as before it.
      expect(await tenantRows(1)).toEqual([1, 2]);
      expect(await tenantRows(2)).toEqual([3]);
      expect(await tenantRows(3)).toEqual([]);
    }, 240_000);

    it('refuses to drop a column the policy passes, naming it', async () => {
      suite.project.write('orders.schema.ts', SCHEMA);
      expectExit(await suite.project.run(['apply', ...suite.db(), '--auto-approve', ...FAST]), 0);
      await execAll(suite.target.url, POLICY);
      suite.project.edit('orders.schema.ts', '  @Column.int() tenantId!: number;\n', '');
      const r = await suite.project.run(['apply', ...suite.db(), '--auto-approve', '--allow-drop', '--allow-data-loss', ...FAST]);
      expect(r.code).toBe(3);
      expect(`${r.stdout}${r.stderr}`).toMatch(/drop column tenant_id.*schema-bound security policy sec\.tenant_policy/s);
      expect(shown(r)).not.toContain('Msg 5074');
    }, 120_000);
  });
}
