/**
 * Issue 14 over the wire: the same schema change planned against the stand-in set to
 * Enterprise (Developer) and to Standard edition: online on one, offline with the reason on the
 * other; --online=require refuses on Standard; the scripts run and converge on both; a backfill
 * over a "large" table runs in batches, converges, and rolls back whole when a later step fails.
 * Editions and fault injection exist only on the stand-in, so this suite runs there only.
 */
import type { StandinEngine } from '../standin/engine';
import { standinSuite } from './support/live-suite';
import { expectExit, shown, type TempProject } from './support/project';
import { execAll, queryRows, runLikeSqlcmd } from './support/sqlcmd';

const FAST = '--no-type-check';
// The stand-in's tables are small: call 20 rows large so the large-table rules apply.
const LARGE = ['--large-table-rows', '20'];

const ORDERS = `import { Column, Table } from 'schemac';

@Table('orders')
export class Order {
  @Column.int({ identity: [1, 1], primaryKey: { name: 'pk_orders', clustered: true } })
  id!: number;

  @Column.varchar(40)
  customer!: string;
}
`;

const WITH_INDEX = ORDERS.replace("import { Column, Table } from 'schemac';", "import { Column, Index, Table } from 'schemac';")
  .replace("@Table('orders')", "@Table('orders')\n@Index('ix_orders_customer', ['customer'])");

const WITH_STATUS = ORDERS.replace('  customer!: string;\n', "  customer!: string;\n\n  @Column.varchar(10, { backfill: 'new' })\n  status!: string;\n");

// The key becomes nonclustered and the rows are clustered on customer: the clustered key is dropped first.
const CLUSTERED_ON_CUSTOMER = WITH_INDEX.replace("primaryKey: { name: 'pk_orders', clustered: true }", "primaryKey: { name: 'pk_orders', clustered: false }")
  .replace("@Index('ix_orders_customer', ['customer'])", "@Index('cx_orders_customer', ['customer'], { clustered: true })");

const WITH_PRIORITY = ORDERS.replace('  customer!: string;\n', "  customer!: string;\n\n  @Column.int({ default: 3 })\n  priority!: number;\n");

interface PlanDoc {
  changes: { kind: string; impact: { class: string; online: boolean | null; offlineReason: string | null; rows: number | null; mb: number | null; batches: number | null; lock: string } | null }[];
  statements: { up: { sql: string }[] };
}

describe('production-safe DDL on the stand-in', () => {
  const suite = standinSuite({
    example: false,
    dropTables: ['dbo.orders'],
    dropHistory: true,
    beforeEach: (s) => s.engine.setViewDatabaseState(true),
  });
  let engine: StandinEngine;
  let url: string;
  let project: TempProject;
  beforeAll(() => { ({ engine, project, target: { url } } = suite); });
  const { db } = suite;

  const planJson = async (...extra: string[]): Promise<PlanDoc> => {
    const r = await project.run(['plan', ...db(), '--format', 'json', FAST, ...extra]);
    expectExit(r, 0);
    return JSON.parse(r.stdout) as PlanDoc;
  };
  const expectConverged = (): Promise<void> => suite.planIsEmpty();
  const orderRows = async (n: number): Promise<void> => {
    const values = Array.from({ length: n }, (_v, i) => `('customer ${i}')`).join(', ');
    await execAll(url, [`INSERT INTO [dbo].[orders] ([customer]) VALUES ${values};`]);
  };

  beforeEach(async () => {
    project.write('orders.schema.ts', ORDERS);
    expectExit(await project.run(['apply', ...db(), '--auto-approve', FAST]), 0);
    await orderRows(30);
  });

  it('builds an index online on Enterprise-class editions and offline, with the reason, on Standard', async () => {
    project.write('orders.schema.ts', WITH_INDEX);

    const enterprise = await planJson(...LARGE);
    const build = enterprise.changes.find((c) => c.kind === 'createIndex');
    expect(build?.impact).toMatchObject({ class: 'index-build', online: true, lock: 'Sch-S', rows: 30, offlineReason: null });
    expect(enterprise.statements.up.map((s) => s.sql)).toContain(
      'CREATE NONCLUSTERED INDEX [ix_orders_customer] ON [dbo].[orders] ([customer]) WITH (ONLINE = ON);');

    engine.setEdition('standard');
    const standard = await planJson(...LARGE);
    expect(standard.changes.find((c) => c.kind === 'createIndex')?.impact).toMatchObject({
      class: 'index-build', online: false, lock: 'S', rows: 30, offlineReason: 'Standard edition has no online index operations',
    });
    expect(standard.statements.up.map((s) => s.sql)).toContain(
      'CREATE NONCLUSTERED INDEX [ix_orders_customer] ON [dbo].[orders] ([customer]);');

    // The plan text carries the lock column; --online=require refuses on Standard, in plan and apply.
    const text = await project.run(['plan', ...db(), FAST, ...LARGE]);
    expect(text.stdout).toMatch(/create nonclustered index ix_orders_customer.*\| index-build, offline, S \(Standard edition has no online index operations\); 30 rows/);
    const refusedPlan = await project.run(['plan', ...db(), FAST, ...LARGE, '--online', 'require']);
    expect(refusedPlan.code).toBe(3);
    expect(refusedPlan.stderr).toContain('--online=require refuses this plan: step 1 (dbo.orders: create nonclustered index ix_orders_customer');
    const refusedApply = await project.run(['apply', ...db(), '--auto-approve', FAST, ...LARGE, '--online', 'require']);
    expect(refusedApply.code).toBe(3);
    expect(refusedApply.stderr).toContain('refusing to apply with --online=require');
    expect(await queryRows(url, "SELECT COUNT(*) AS n FROM sys.indexes WHERE name = N'ix_orders_customer'")).toEqual([{ n: 0 }]);

    // Standard: the offline script runs like sqlcmd and converges.
    const script = await project.run(['emit-sql', ...db(), FAST, ...LARGE]);
    expectExit(script, 0);
    expect(script.stdout).toContain('-- lock: index-build, offline, S (Standard edition has no online index operations); 30 rows');
    const run = await runLikeSqlcmd(url, script.stdout);
    expect(run.batches.flatMap((b) => b.errors)).toEqual([]);
    await expectConverged();
  });

  it('reads sizes from sys.dm_db_partition_stats, and still the rows from sys.partitions without VIEW DATABASE STATE', async () => {
    project.write('orders.schema.ts', WITH_INDEX);
    const granted = await planJson(...LARGE);
    expect(granted.changes.find((c) => c.kind === 'createIndex')?.impact).toMatchObject({ rows: 30 });
    expect(granted.changes.find((c) => c.kind === 'createIndex')?.impact?.mb).toBeGreaterThan(0);

    engine.setViewDatabaseState(false);
    const denied = await planJson(...LARGE);
    expect(denied.changes.find((c) => c.kind === 'createIndex')?.impact).toMatchObject({ rows: 30, mb: null });
    const snapshot = await project.run(['snapshot', ...db()]);
    expectExit(snapshot, 0);
    const rows = (JSON.parse(snapshot.stdout) as { row_counts: { rows: number; used_pages?: number | null }[] }).row_counts;
    expect(rows.map((r) => [r.rows, r.used_pages ?? null])).toEqual([[30, null]]);
    // The DMV itself refuses the login, as SQL Server does.
    const direct = await runLikeSqlcmd(url, 'SELECT * FROM sys.dm_db_partition_stats;');
    expect(direct.batches[0]?.errors.map((x) => x.number)).toEqual([300]);
  });

  it('applies the online build on Enterprise, and SQL Server refuses ONLINE = ON on Standard (Msg 1712)', async () => {
    project.write('orders.schema.ts', WITH_INDEX);
    const applied = await project.run(['apply', ...db(), '--auto-approve', FAST, ...LARGE, '--online', 'require']);
    expectExit(applied, 0);
    await expectConverged();
    const recorded = engine.recordedOptions.filter((r) => r.statement.includes('ix_orders_customer'));
    expect(recorded.map((r) => r.options)).toEqual([[{ name: 'ONLINE', value: 'ON' }]]);

    engine.setEdition('standard');
    const forced = await runLikeSqlcmd(url, 'CREATE NONCLUSTERED INDEX [ix_orders_forced] ON [dbo].[orders] ([customer]) WITH (ONLINE = ON);');
    expect(forced.batches[0]?.errors.map((e) => e.number)).toEqual([1712]);
  });

  it('drops a clustered primary key online on Enterprise under --online=require; Standard refuses it as an offline table rebuild', async () => {
    project.write('orders.schema.ts', CLUSTERED_ON_CUSTOMER);
    const enterprise = await planJson(...LARGE, '--online', 'require');
    expect(enterprise.changes.find((c) => c.kind === 'dropPrimaryKey')?.impact).toMatchObject({ class: 'table-rebuild', online: true, lock: 'Sch-S', rows: 30 });
    expect(enterprise.statements.up.map((s) => s.sql)).toContain('ALTER TABLE [dbo].[orders] DROP CONSTRAINT [pk_orders] WITH (ONLINE = ON);');

    engine.setEdition('standard');
    const refused = await project.run(['plan', ...db(), FAST, ...LARGE, '--online', 'require']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/step 1 \(dbo\.orders: drop primary key pk_orders\): table-rebuild, offline, Sch-M \(Standard edition has no online index operations\)/);

    engine.setEdition('developer');
    expectExit(await project.run(['apply', ...db(), '--auto-approve', FAST, ...LARGE, '--online', 'require']), 0);
    await expectConverged();
    const recorded = engine.recordedOptions.filter((r) => r.statement.includes('DROP CONSTRAINT [pk_orders]'));
    expect(recorded.map((r) => r.options)).toEqual([[{ name: 'ONLINE', value: 'ON' }]]);
    expect(await queryRows(url, "SELECT COUNT(*) AS n FROM dbo.orders")).toEqual([{ n: 30 }]);
  });

  it('waits at low priority when asked, where the server supports it', async () => {
    project.write('orders.schema.ts', WITH_INDEX);
    const doc = await planJson(...LARGE, '--low-priority-wait', '5');
    expect(doc.statements.up.map((s) => s.sql)).toContain(
      'CREATE NONCLUSTERED INDEX [ix_orders_customer] ON [dbo].[orders] ([customer]) WITH (ONLINE = ON (WAIT_AT_LOW_PRIORITY (MAX_DURATION = 5 MINUTES, ABORT_AFTER_WAIT = SELF)));');
    expectExit(await project.run(['apply', ...db(), '--auto-approve', FAST, ...LARGE, '--low-priority-wait', '5']), 0);
    const recorded = engine.recordedOptions.filter((r) => r.statement.includes('ix_orders_customer')).pop();
    expect(recorded?.options).toEqual([{ name: 'ONLINE', value: 'ON', detail: '(WAIT_AT_LOW_PRIORITY (MAX_DURATION = 5 MINUTES, ABORT_AFTER_WAIT = SELF))' }]);
    await expectConverged();
  });

  it('adds a NOT NULL column with a constant default in one statement: metadata-only on Enterprise, every row written on Standard', async () => {
    project.write('orders.schema.ts', WITH_PRIORITY);
    const add = "ALTER TABLE [dbo].[orders] ADD [priority] int NOT NULL CONSTRAINT [df_orders_priority] DEFAULT (3);";
    const enterprise = await planJson(...LARGE);
    expect(enterprise.changes.map((c) => [c.kind, c.impact?.class])).toEqual([['addColumn', 'metadata-only']]);
    expect(enterprise.statements.up.map((s) => s.sql)).toEqual([add]);

    engine.setEdition('standard');
    const standard = await planJson(...LARGE);
    expect(standard.changes.map((c) => [c.kind, c.impact?.class, c.impact?.lock, c.impact?.rows])).toEqual([['addColumn', 'size-of-data', 'Sch-M', 30]]);
    const down = await project.run(['emit-sql', ...db(), FAST, '--down']);
    expectExit(down, 0);
    const applied = await project.run(['apply', ...db(), '--auto-approve', FAST, ...LARGE]);
    expectExit(applied, 0);
    // SQL Server fills every existing row with the default.
    expect(await queryRows(url, 'SELECT COUNT(*) AS n FROM [dbo].[orders] WHERE [priority] = 3')).toEqual([{ n: 30 }]);
    await expectConverged();

    // The down script drops the default, then the column: the table is as it was.
    const dropDefault = down.stdout.indexOf('ALTER TABLE [dbo].[orders] DROP CONSTRAINT [df_orders_priority];');
    expect(dropDefault).toBeGreaterThan(0);
    expect(down.stdout.indexOf('ALTER TABLE [dbo].[orders] DROP COLUMN [priority];')).toBeGreaterThan(dropDefault);
    const run = await runLikeSqlcmd(url, down.stdout);
    expect(run.batches.flatMap((b) => b.errors)).toEqual([]);
    project.write('orders.schema.ts', ORDERS);
    await expectConverged();
  });

  it('backfills a large table in batches inside the transaction, and converges', async () => {
    project.write('orders.schema.ts', WITH_STATUS);
    const doc = await planJson(...LARGE, '--backfill-batch-rows', '7');
    expect(doc.changes.find((c) => c.kind === 'backfillColumn')?.impact).toMatchObject({ class: 'size-of-data', rows: 30, batches: 5 });
    const loop = doc.statements.up.map((s) => s.sql).find((s) => s.includes('WHILE'));
    expect(loop).toContain("UPDATE TOP (7) [dbo].[orders] SET [status] = ('new') WHERE [status] IS NULL;");

    const applied = await project.run(['apply', ...db(), '--auto-approve', FAST, ...LARGE, '--backfill-batch-rows', '7', '--progress']);
    expectExit(applied, 0);
    // Progress from each batch: 7, 14, 21, 28, 30, then the empty pass.
    expect(applied.stderr).toContain('schemac: backfilled 28 rows of [dbo].[orders].[status]');
    expect(applied.stderr).toContain('schemac: backfilled 30 rows of [dbo].[orders].[status]');
    expect(await queryRows(url, "SELECT COUNT(*) AS n FROM [dbo].[orders] WHERE [status] = 'new'")).toEqual([{ n: 30 }]);
    await expectConverged();
  });

  it('rolls the batched backfill back whole when a later step fails', async () => {
    project.write('orders.schema.ts', WITH_STATUS);
    engine.setFaults({ failures: [{ match: 'ALTER COLUMN [status]', number: 50000, message: 'injected failure after the backfill' }] });
    const r = await project.run(['apply', ...db(), '--auto-approve', FAST, ...LARGE, '--backfill-batch-rows', '7']);
    expect(r.code).toBe(1);
    expect(shown(r)).toContain('injected failure after the backfill');
    expect(await queryRows(url, "SELECT COUNT(*) AS n FROM sys.columns WHERE object_id = OBJECT_ID(N'dbo.orders') AND name = N'status'")).toEqual([{ n: 0 }]);
    expect(await queryRows(url, 'SELECT COUNT(*) AS n FROM [dbo].[orders]')).toEqual([{ n: 30 }]);
  });
});
