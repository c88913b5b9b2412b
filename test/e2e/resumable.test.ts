/**
 * `--resumable` over the wire (issue 14): on the stand-in set to an edition with resumable index
 * builds (Developer, SQL Server 2022), apply builds the index after COMMIT, outside the
 * transaction, and converges; a failure in the transactional part rolls everything back and
 * runs no build; a build that pauses leaves the rest committed and says how to resume or abort
 * it, and plan notices the paused build; on Standard edition --resumable is refused; the
 * emit-sql --resumable script runs batch by batch and converges. Editions and faults exist only
 * on the stand-in, so this suite runs there only.
 */
import type { StandinEngine } from '../standin/engine';
import { standinSuite } from './support/live-suite';
import { expectExit, shown, type TempProject } from './support/project';
import { execAll, queryRows, runLikeSqlcmd } from './support/sqlcmd';

const FAST = '--no-type-check';

const ORDERS = `import { Column, Table } from 'schemac';

@Table('orders')
export class Order {
  @Column.int({ identity: [1, 1], primaryKey: { name: 'pk_orders', clustered: true } })
  id!: number;

  @Column.varchar(40)
  customer!: string;
}
`;

/** A new nullable column (in the transaction) and an index on the customer (after COMMIT). */
const WITH_INDEX = ORDERS.replace("import { Column, Table } from 'schemac';", "import { Column, Index, Table } from 'schemac';")
  .replace("@Table('orders')", "@Table('orders')\n@Index('ix_orders_customer', ['customer'])")
  .replace('  customer!: string;\n', '  customer!: string;\n\n  @Column.varchar(100, { nullable: true })\n  note!: string | null;\n');

const BUILD = 'CREATE NONCLUSTERED INDEX [ix_orders_customer] ON [dbo].[orders] ([customer]) WITH (ONLINE = ON, RESUMABLE = ON, MAX_DURATION = 30 MINUTES);';

describe('--resumable on the stand-in', () => {
  const suite = standinSuite({
    example: false,
    dropTables: ['dbo.orders'],
    dropHistory: true,
    // A build a test left paused blocks DDL on its table (10637): end it before the table is dropped.
    beforeEach: (s) => execAll(s.target.url, ["IF EXISTS (SELECT 1 FROM sys.index_resumable_operations) ALTER INDEX [ix_orders_customer] ON [dbo].[orders] ABORT;"]),
  });
  let engine: StandinEngine;
  let url: string;
  let project: TempProject;
  beforeAll(() => { ({ engine, project, target: { url } } = suite); });
  const { db } = suite;
  const indexCount = async (): Promise<unknown> => (await queryRows(url, "SELECT COUNT(*) AS n FROM sys.indexes WHERE name = N'ix_orders_customer'"))[0]?.n;
  const noteColumn = async (): Promise<unknown> => (await queryRows(url, "SELECT COUNT(*) AS n FROM sys.columns WHERE object_id = OBJECT_ID(N'dbo.orders') AND name = N'note'"))[0]?.n;
  const expectConverged = (): Promise<void> => suite.planIsEmpty();

  beforeEach(async () => {
    project.write('orders.schema.ts', ORDERS);
    expectExit(await project.run(['apply', ...db(), '--auto-approve', FAST]), 0);
    const values = Array.from({ length: 30 }, (_v, i) => `('customer ${i}')`).join(', ');
    await execAll(url, [`INSERT INTO [dbo].[orders] ([customer]) VALUES ${values};`]);
    project.write('orders.schema.ts', WITH_INDEX);
  });

  it('marks the build in the plan, then applies it after COMMIT, outside the transaction, and converges', async () => {
    const plan = await project.run(['plan', ...db(), FAST, '--resumable', '--resumable-max-duration', '30']);
    expectExit(plan, 0);
    expect(plan.stdout).toContain('> after COMMIT, outside the transaction: resumable online build (RESUMABLE = ON, pausing after 30 minutes)');
    expect(plan.stdout).toContain('1 index build runs after COMMIT, outside the transaction (--resumable)');
    expect(plan.stderr).toContain('schemac: --resumable: 1 index build(s) run after COMMIT, outside the transaction, as resumable online builds');
    const json = await project.run(['plan', ...db(), FAST, '--resumable', '--resumable-max-duration', '30', '--format', 'json']);
    const doc = JSON.parse(json.stdout) as { changes: { kind: string; resumable?: unknown }[]; statements: { up: { sql: string }[] } };
    expect(doc.changes.map((c) => [c.kind, c.resumable ?? null])).toEqual([['addColumn', null], ['createIndex', { afterCommit: true, maxDurationMinutes: 30 }]]);
    expect(doc.statements.up.at(-1)?.sql).toBe(BUILD);

    const recording = engine.recordStatements();
    const applied = await project.run(['apply', ...db(), '--auto-approve', FAST, '--resumable', '--resumable-max-duration', '30', '--progress']);
    recording.stop();
    expectExit(applied, 0);
    expect(applied.stderr).toContain('step 2 of 2: dbo.orders: create nonclustered index ix_orders_customer (customer) (resumable, after COMMIT)');
    expect(applied.stderr).toContain('verifying: planning again after the resumable builds');
    expect(applied.stdout).toContain('Applied 2 change(s)');
    const build = recording.records.find((r) => r.text.startsWith('CREATE NONCLUSTERED INDEX [ix_orders_customer]'));
    const add = recording.records.find((r) => r.text.startsWith('ALTER TABLE [dbo].[orders] ADD [note]'));
    expect(add?.trancount).toBe(1);
    expect(build?.trancount).toBe(0);
    // The build runs after the COMMIT that made the rest permanent.
    const commit = recording.records.findIndex((r) => r.text === 'COMMIT TRANSACTION');
    expect(commit).toBeGreaterThan(-1);
    expect(recording.records.indexOf(build as never)).toBeGreaterThan(commit);
    expect(engine.recordedOptions.filter((r) => r.statement.includes('ix_orders_customer')).at(-1)?.options).toEqual([
      { name: 'ONLINE', value: 'ON' }, { name: 'RESUMABLE', value: 'ON' }, { name: 'MAX_DURATION', value: '30' },
    ]);
    expect(await indexCount()).toBe(1);
    await expectConverged();
    // The history row records the catalog as it ended, index included.
    const history = await project.run(['history', ...db(), '--format', 'json']);
    expectExit(history, 0);
    const snapshot = await project.run(['plan', ...db(), FAST, '--format', 'json']);
    const fingerprint = (JSON.parse(snapshot.stdout) as { fingerprint: string }).fingerprint;
    expect(history.stdout).toContain(fingerprint);
  });

  it('rolls the transactional part back whole and runs no build when one of its steps fails', async () => {
    engine.setFaults({ failures: [{ match: 'ADD [note]', number: 50000, message: 'injected failure in the transaction' }] });
    const recordedBefore = engine.recordedOptions.length;
    const r = await project.run(['apply', ...db(), '--auto-approve', FAST, '--resumable']);
    expect(r.code).toBe(1);
    expect(shown(r)).toContain('injected failure in the transaction');
    expect(await noteColumn()).toBe(0);
    expect(await indexCount()).toBe(0);
    expect(engine.recordedOptions.slice(recordedBefore).filter((x) => x.statement.includes('ix_orders_customer'))).toEqual([]);
  });

  it('says what was committed and how to resume a build that paused; plan and apply then point at the paused build', async () => {
    engine.setFaults({ pauses: [{ match: 'ix_orders_customer' }] });
    const r = await project.run(['apply', ...db(), '--auto-approve', FAST, '--resumable']);
    expect(r.code).toBe(1);
    const text = shown(r);
    expect(text).toContain("the transaction's 1 step(s) are committed");
    expect(text).toContain('SQL Server error 3643');
    expect(text).toContain('ALTER INDEX [ix_orders_customer] ON [dbo].[orders] RESUME; continues it');
    expect(text).toContain('ALTER INDEX [ix_orders_customer] ON [dbo].[orders] ABORT; gives it up');
    expect(await noteColumn()).toBe(1);
    expect(await indexCount()).toBe(0);

    // A later plan reads sys.index_resumable_operations: it points at the paused build instead
    // of offering a CREATE INDEX SQL Server would refuse, and apply refuses before any change.
    const plan = await project.run(['plan', ...db(), FAST]);
    expectExit(plan, 0);
    expect(plan.stdout).toContain('dbo.orders: a resumable build of index ix_orders_customer is paused at 0% (sys.index_resumable_operations), so the plan\'s CREATE INDEX would fail: '
      + 'ALTER INDEX [ix_orders_customer] ON [dbo].[orders] RESUME; finishes it, ALTER INDEX [ix_orders_customer] ON [dbo].[orders] ABORT; gives it up; then plan again');
    const snapshot = await project.run(['snapshot', ...db()]);
    expect((JSON.parse(snapshot.stdout) as { resumable_operations?: unknown }).resumable_operations).toEqual([
      { object_id: expect.any(Number), index_id: expect.any(Number), name: 'ix_orders_customer', state_desc: 'PAUSED', percent_complete: 0 },
    ]);
    const again = await project.run(['apply', ...db(), '--auto-approve', FAST]);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('refusing to apply: dbo.orders: a resumable build of index ix_orders_customer is paused');

    await execAll(url, ['ALTER INDEX [ix_orders_customer] ON [dbo].[orders] RESUME;']);
    await expectConverged();
  });

  it('refuses --resumable on Standard edition, and plan and emit-sql say why', async () => {
    engine.setEdition('standard');
    const r = await project.run(['apply', ...db(), '--auto-approve', FAST, '--resumable']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('refusing to apply with --resumable: Standard edition has no online index operations, and RESUMABLE needs ONLINE = ON');
    expect(await noteColumn()).toBe(0);
    const script = await project.run(['emit-sql', ...db(), FAST, '--resumable']);
    expectExit(script, 0);
    expect(script.stderr).toContain('--resumable: no build can be resumable: Standard edition');
    expect(script.stdout).not.toContain('RESUMABLE');
  });

  it('reads the catalog of a server older than resumable CREATE INDEX, where --resumable says why it cannot help', async () => {
    // SQL Server 2017, the oldest schemac reads (2016's sys.tables has no history_retention_period, Msg 207).
    engine.setFaults({ productVersion: '14.0.3456.2' });
    const r = await project.run(['plan', ...db(), FAST, '--resumable']);
    expectExit(r, 0);
    expect(r.stdout).toContain('create nonclustered index ix_orders_customer');
    expect(r.stderr).toContain('--resumable: no build can be resumable: SQL Server 14 has no resumable CREATE INDEX (SQL Server 2019, version 15, and later have it)');
  });

  it('refuses --resumable with a saved plan, and --resumable-max-duration without --resumable or past a week', async () => {
    const alone = await project.run(['plan', ...db(), FAST, '--resumable-max-duration', '5']);
    expect(alone.code).toBe(1);
    expect(alone.stderr).toContain('--resumable-max-duration needs --resumable');
    const long = await project.run(['plan', ...db(), FAST, '--resumable', '--resumable-max-duration', '10081']);
    expect(long.code).toBe(1);
    expect(long.stderr).toContain('--resumable-max-duration takes at most 10080 minutes');

    const saved = await project.run(['plan', ...db(), FAST, '--resumable', '--out', 'plan.json']);
    expect(saved.code).toBe(1);
    expect(saved.stderr).toContain('--resumable cannot be saved with --out');
    expectExit(await project.run(['plan', ...db(), FAST, '--out', 'plan.json']), 0);
    const r = await project.run(['apply', 'plan.json', ...db(), '--auto-approve', FAST, '--resumable']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--resumable cannot apply a saved plan file');
  });

  it('emits a script whose build follows COMMIT, and which runs batch by batch and converges', async () => {
    const script = await project.run(['emit-sql', ...db(), FAST, '--resumable']);
    expectExit(script, 0);
    const text = script.stdout;
    expect(text).toContain('-- then 1 resumable index build AFTER COMMIT, outside the transaction');
    expect(text).toContain('-- runs AFTER COMMIT, outside the transaction (RESUMABLE = ON cannot run inside one)');
    const commit = text.indexOf('COMMIT TRANSACTION;');
    const build = text.indexOf('CREATE NONCLUSTERED INDEX [ix_orders_customer] ON [dbo].[orders] ([customer]) WITH (ONLINE = ON, RESUMABLE = ON);');
    expect(commit).toBeGreaterThan(0);
    expect(build).toBeGreaterThan(commit);
    expect(text.indexOf('ALTER TABLE [dbo].[orders] ADD [note]')).toBeLessThan(commit);
    const run = await runLikeSqlcmd(url, text);
    expect(run.batches.flatMap((b) => b.errors)).toEqual([]);
    expect(await indexCount()).toBe(1);
    await expectConverged();
  });
});
