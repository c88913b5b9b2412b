/**
 * Synonyms over the wire: a synonym over a table the schema renames is read from sys.synonyms,
 * and the plan's rename step names it as a dependent object; the apply goes through (SQL Server
 * does not check synonyms) and the synonym is left as it was.
 */
import { expectExit } from './support/project';
import { execAll, queryRows } from './support/sqlcmd';
import { e2eTargets } from './real-server';
import { liveSuite } from './support/live-suite';

const FAST = ['--no-type-check'];

const schema = (name: string, renamedFrom = '') => `import { Column, PrimaryKey, Table } from 'schemac';

@Table('${name}'${renamedFrom === '' ? '' : `, { renamedFrom: '${renamedFrom}' }`})
@PrimaryKey('pk_orders', ['id'], { clustered: true })
export class Order {
  @Column.int() id!: number;
}
`;

for (const spec of e2eTargets()) {
  describe(`synonyms on the ${spec.name}`, () => {
    const suite = liveSuite(spec, { example: false, dropTables: ['dbo.orders', 'dbo.purchases'] });

    it('a renamed table names the synonym over it as a dependent object', async () => {
      await execAll(suite.target.url, ["IF OBJECT_ID(N'dbo.orders_syn', N'SN') IS NOT NULL DROP SYNONYM dbo.orders_syn;"]);
      suite.project.write('orders.schema.ts', schema('orders'));
      expectExit(await suite.project.run(['apply', ...suite.db(), '--auto-approve', ...FAST]), 0);
      await execAll(suite.target.url, ['CREATE SYNONYM dbo.orders_syn FOR dbo.orders;', 'INSERT INTO dbo.orders (id) VALUES (1);']);
      suite.project.write('orders.schema.ts', schema('purchases', 'orders'));
      const plan = await suite.project.run(['plan', ...suite.db(), ...FAST]);
      expectExit(plan, 0);
      expect(plan.stdout).toContain('! dependent-object: synonym dbo.orders_syn points to dbo.orders, which this step renames to purchases');
      expectExit(await suite.project.run(['apply', ...suite.db(), '--auto-approve', ...FAST]), 0);
      await suite.planIsEmpty();
      expect(await queryRows(suite.target.url, "SELECT base_object_name FROM sys.synonyms WHERE name = 'orders_syn'")).toEqual([{ base_object_name: '[dbo].[orders]' }]);
      await execAll(suite.target.url, ['DROP SYNONYM dbo.orders_syn;']);
    }, 240_000);
  });
}
