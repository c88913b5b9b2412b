/**
 * schemac's whole catalog read on SQL Server 2017 (14.x), 2019 (15.x) and 2022 (16.x), over the
 * wire: the stand-in reporting each version has only that version's columns in its sys.* views,
 * and fails a batch naming a missing one with Msg 207 even in an IF branch that would not run
 * (test/standin/engine/view-versions.ts), as SQL Server does. Every read succeeds, reads what a
 * newer version adds (sequential-key optimization, XML compression, ledger) as its default, and
 * a plan on a small schema finds nothing to do and then the one change. Azure SQL Database
 * (engine edition 5, version 12) reads and plans as 2022 does. The versions are faults
 * of the stand-in, so this suite runs there only.
 */
import { standinSuite } from './support/live-suite';
import { expectExit } from './support/project';
import { execAll } from './support/sqlcmd';

const FAST = '--no-type-check';

const SCHEMA = `import { Column, Index, Table } from 'schemac';

@Table('customers')
export class Customer {
  @Column.int({ identity: [1, 1], primaryKey: { name: 'pk_customers' } }) id!: number;
  @Column.nvarchar(100) name!: string;
}

@Table('orders')
@Index('ix_orders_customer', ['customer_id'])
export class Order {
  @Column.int({ identity: [1, 1], primaryKey: { name: 'pk_orders' } }) id!: number;
  @Column.int({ references: { table: 'customers', column: 'id', name: 'fk_orders_customers' } }) customer_id!: number;
  @Column.xml({ nullable: true }) detail!: string | null;
  @Column.decimal(12, 2, { default: 0 }) total!: string;
}
`;

const VERSIONS = [['SQL Server 2017', '14.0.1000.169'], ['SQL Server 2019', '15.0.2000.5'], ['SQL Server 2022', '16.0.4135.4']] as const;

describe('the catalog read on each supported SQL Server version', () => {
  const suite = standinSuite({ example: false, dropTables: ['dbo.orders', 'dbo.customers'], dropHistory: true });

  it('reads the same catalog on 2017, 2019 and 2022 and plans nothing, then the one change', async () => {
    suite.project.write('shop.schema.ts', SCHEMA);
    expectExit(await suite.project.run(['apply', ...suite.db(), '--auto-approve', FAST]), 0);
    await execAll(suite.target.url, [
      "INSERT INTO dbo.customers (name) VALUES (N'Ada'), (N'Grace');",
      "INSERT INTO dbo.orders (customer_id, detail, total) VALUES (1, N'<o n=\"1\"/>', 12.50), (2, NULL, 3.25);",
    ]);
    const newest = await suite.snapshot();
    for (const [name, productVersion] of VERSIONS) {
      suite.engine.setFaults({ productVersion });
      // What 2019 and 2022 add reads as its default before them: the same catalog on every version.
      expect({ name, catalog: await suite.snapshot() }).toEqual({ name, catalog: newest });
      await suite.planIsEmpty();
    }
    // Azure SQL Database reports version 12 with the newest engine: the catalog's guards
    // (EngineEdition 5) read what 2022 reads, and the plan allows what 2022 allows.
    suite.engine.setFaults({});
    suite.engine.setEdition('azure');
    expect({ name: 'Azure SQL Database', catalog: await suite.snapshot() }).toEqual({ name: 'Azure SQL Database', catalog: newest });
    await suite.planIsEmpty();
    suite.project.write('shop.schema.ts', SCHEMA.replace("@Table('orders')", "@Table('orders', { xmlCompression: true })"));
    const azure = await suite.project.run(['plan', ...suite.db(), FAST]);
    expectExit(azure, 0);
    expect(azure.stdout).toContain('rebuild table with XML_COMPRESSION OFF -> ON');
    expect(azure.stdout).not.toContain('Refused');
    suite.engine.setEdition('developer');
    suite.engine.setFaults({ productVersion: '15.0.2000.5' });
    const older = await suite.project.run(['plan', ...suite.db(), FAST]);
    expect(older.stdout).toContain('Enterprise 15 has no XML_COMPRESSION (SQL Server 2022 or Azure SQL has it)');

    // OPTIMIZE_FOR_SEQUENTIAL_KEY is 2019's: on 2017 the plan refuses it by name instead of an apply failing on Msg 155.
    suite.engine.setFaults({ productVersion: '14.0.1000.169' });
    suite.project.write('shop.schema.ts', SCHEMA.replace("primaryKey: { name: 'pk_orders' }", "primaryKey: { name: 'pk_orders', optimizeForSequentialKey: true }"));
    const sequential = await suite.project.run(['apply', ...suite.db(), '--auto-approve', FAST]);
    expect(sequential.code).not.toBe(0);
    expect(sequential.stdout + sequential.stderr).toContain('OPTIMIZE_FOR_SEQUENTIAL_KEY = ON for pk_orders');
    expect(sequential.stdout + sequential.stderr).toContain('Enterprise 14 has no OPTIMIZE_FOR_SEQUENTIAL_KEY (SQL Server 2019 or Azure SQL has it)');
    expect(sequential.stderr).toContain('nothing was changed');
    suite.project.write('shop.schema.ts', SCHEMA.replace('  @Column.nvarchar(100) name!: string;', '  @Column.nvarchar(100) name!: string;\n  @Column.nvarchar(200, { nullable: true }) email!: string | null;'));
    const plan = await suite.project.run(['plan', ...suite.db(), FAST]);
    expectExit(plan, 0);
    expect(plan.stdout).toMatch(/add column email/i);
  });
});
