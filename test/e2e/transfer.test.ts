/**
 * A table moved to another schema over the wire, with rows and a foreign key pointing at it:
 * `renamedFrom: 'sales.orders'` on `archive.purchases` plans CREATE SCHEMA, ALTER SCHEMA ...
 * TRANSFER and sp_rename (never a new empty table); after the apply the plan is empty, the rows
 * are where the table now is, the FK follows it, and the down script (planned before the apply)
 * restores the catalog exactly. The table's permissions, which the move drops, are granted again
 * in both directions.
 */
import { expectExit, shown } from './support/project';
import { execAll, queryRows, runLikeSqlcmd } from './support/sqlcmd';
import { dropTableIfExists, liveSuite } from './support/live-suite';
import { e2eTargets } from './real-server';

const FAST = '--no-type-check';

const orders = (schema: string, name: string, renamedFrom?: string) => `
import { Check, Column, Table } from 'schemac';

@Table('${name}', { schema: '${schema}'${renamedFrom !== undefined ? `, renamedFrom: '${renamedFrom}'` : ''} })
@Check('ck_orders_status', sql\`[status] <> ''\`)
export class Order {
  @Column.int({ primaryKey: { name: 'pk_orders' } }) id!: number;
  @Column.varchar(10, { default: 'new', name: 'status' }) status!: string;
}
`.replace("import { Check, Column, Table } from 'schemac';", "import { Check, Column, Table, sql } from 'schemac';");

const lines = `
import { Column, ForeignKey, Table } from 'schemac';
import { Order } from './orders.schema';

@Table('lines')
@ForeignKey('fk_lines_order', ['orderId'], () => Order)
export class Line {
  @Column.int({ primaryKey: { name: 'pk_lines' } }) id!: number;
  @Column.int() orderId!: number;
}
`;

for (const spec of e2eTargets()) {
  describe(`a table moved to another schema on the ${spec.name}`, () => {
    const suite = liveSuite(spec, {
      example: false, dropTables: ['dbo.lines', 'archive.purchases', 'archive.orders', 'sales.orders'],
      beforeEach: (s) => { s.project.write('orders.schema.ts', orders('sales', 'orders')); s.project.write('lines.schema.ts', lines); },
    });
    const { db } = suite;
    afterEach(async () => {
      await execAll(suite.target.url, [dropTableIfExists('dbo.lines'), dropTableIfExists('archive.purchases'), "IF SCHEMA_ID(N'archive') IS NOT NULL DROP SCHEMA [archive];",
        'DROP USER IF EXISTS [schemac_reporting];']);
    });

    test('transfer then rename, rows and FK kept, plan empty after, down restores the catalog', async () => {
      const { project, target } = suite;
      expectExit(await project.run(['apply', ...db(), '--auto-approve', FAST]), 0);
      await execAll(target.url, [
        'INSERT INTO [sales].[orders] ([id]) VALUES (1), (2), (3);',
        'INSERT INTO [dbo].[lines] ([id], [order_id]) VALUES (10, 1), (11, 3);',
        // The move drops these; schemac grants them again.
        'CREATE USER [schemac_reporting] WITHOUT LOGIN;',
        'GRANT SELECT, INSERT ON [sales].[orders] TO [schemac_reporting];',
        'DENY UPDATE ON [sales].[orders] ([status]) TO [schemac_reporting];',
      ]);
      const before = await suite.snapshot();

      project.write('orders.schema.ts', orders('archive', 'purchases', 'sales.orders'));
      const plan = await project.run(['plan', ...db(), '--format', 'json', FAST]);
      expectExit(plan, 0);
      const json = JSON.parse(plan.stdout) as { statements: { up: { sql: string }[] }; hazards: { code: string }[] };
      expect(json.statements.up.map((s) => s.sql)).toEqual([
        "EXEC(N'CREATE SCHEMA [archive]');",
        'ALTER SCHEMA [archive] TRANSFER OBJECT::[sales].[orders];',
        'GRANT INSERT, SELECT ON OBJECT::[archive].[orders] TO [schemac_reporting];',
        'DENY UPDATE ON OBJECT::[archive].[orders] ([status]) TO [schemac_reporting];',
        "EXEC sp_rename N'[archive].[orders]', N'purchases', N'OBJECT';",
        // The generated default name follows the table's; it is renamed where the transfer put it.
        "EXEC sp_rename N'[archive].[df_orders_status]', N'df_purchases_status', N'OBJECT';",
      ]);
      expect(json.hazards.map((h) => h.code)).toEqual([]);
      const down = await project.run(['emit-sql', ...db(), '--down', FAST]);
      expectExit(down, 0);

      expectExit(await project.run(['apply', ...db(), '--auto-approve', FAST]), 0);
      const again = await project.run(['plan', ...db(), '--detailed-exitcode', FAST]);
      if (again.code !== 0) throw new Error(`plan after apply is not empty: ${shown(again)}`);
      expect(await queryRows(target.url, 'SELECT COUNT(*) AS n FROM [archive].[purchases]')).toEqual([{ n: 3 }]);
      expect(await queryRows(target.url, "SELECT OBJECT_SCHEMA_NAME(referenced_object_id) AS s, OBJECT_NAME(referenced_object_id) AS t FROM sys.foreign_keys WHERE name = 'fk_lines_order'"))
        .toEqual([{ s: 'archive', t: 'purchases' }]);
      expect(await queryRows(target.url, "SELECT SCHEMA_NAME(schema_id) AS s FROM sys.objects WHERE name IN ('pk_orders', 'ck_orders_status') ORDER BY name"))
        .toEqual([{ s: 'archive' }, { s: 'archive' }]);
      expect(await queryRows(target.url, `SELECT OBJECT_SCHEMA_NAME(p.major_id) AS s, OBJECT_NAME(p.major_id) AS t, p.minor_id, p.permission_name, p.state FROM sys.database_permissions p
JOIN sys.database_principals dp ON dp.principal_id = p.grantee_principal_id WHERE dp.name = N'schemac_reporting' AND p.class = 1 ORDER BY p.minor_id, p.permission_name`))
        .toEqual([
          { s: 'archive', t: 'purchases', minor_id: 0, permission_name: 'INSERT', state: 'G' },
          { s: 'archive', t: 'purchases', minor_id: 0, permission_name: 'SELECT', state: 'G' },
          { s: 'archive', t: 'purchases', minor_id: 2, permission_name: 'UPDATE', state: 'D' },
        ]);

      const run = await runLikeSqlcmd(target.url, down.stdout);
      expect(run.batches.flatMap((b) => b.errors)).toEqual([]);
      expect(await suite.snapshot()).toEqual(before);
      expect(await queryRows(target.url, 'SELECT COUNT(*) AS n FROM [sales].[orders]')).toEqual([{ n: 3 }]);
    }, 180_000);
  });
}
