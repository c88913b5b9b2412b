/**
 * Sequences over the wire (issue 15, item 1): a sequence and a default drawing from it created
 * from nothing, rows inserted through the default, then each kind of change applied with rows in
 * the table: the plan after apply is empty, and the down script made before the apply restores
 * the catalog exactly (the numbering a RESTART reset is not part of the catalog compared).
 */
import { comparable, snapshotOf, type ComparableCatalog } from './support/catalog-compare';
import { expectExit, shown, tempProject, type TempProject } from './support/project';
import { execAll, queryRows, runLikeSqlcmd } from './support/sqlcmd';
import { e2eTargets, type LiveTarget } from './real-server';

const FAST = '--no-type-check';

/** The schema file: `seq` is the Sequence(...) options, `extra` more declarations and columns. */
const schema = (seq: string, o: { columnType?: string; extraSequence?: string; extraColumn?: string } = {}): string => `
import { Column, Sequence, Table, nextValueFor } from 'schemac';

export const orderNumbers = Sequence('order_numbers', { schema: 'sales', ${seq} });
${o.extraSequence ?? ''}
@Table('orders', { schema: 'sales' })
export class Order {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.${o.columnType ?? 'bigint'}({ default: nextValueFor(orderNumbers) }) orderNo!: number;
  ${o.extraColumn ?? ''}
}
`;

/** `applyFlags` go to apply only (plan and emit-sql take no --allow-data-loss). */
interface Change { readonly name: string; readonly text: string; readonly applyFlags?: readonly string[] }

const START = schema("start: 1000, cache: 20");
const changes: Change[] = [
  { name: 'increment and cache size (ALTER SEQUENCE)', text: schema('start: 1000, increment: 5, cache: 50') },
  { name: 'min, max and cycle (ALTER SEQUENCE)', text: schema('start: 1000, increment: 5, min: 1, max: 999999, cycle: true, cache: 50') },
  { name: 'a new start (ALTER SEQUENCE ... RESTART WITH)', text: schema('start: 5000, increment: 5, min: 1, max: 999999, cycle: true, cache: 50') },
  { name: 'no cache', text: schema('start: 5000, increment: 5, min: 1, max: 999999, cycle: true, cache: false') },
  {
    name: 'the type (drop the default, drop and create the sequence, add the default back)',
    text: schema("type: 'int', start: 5000, increment: 5, min: 1, max: 999999, cycle: true, cache: false", { columnType: 'int' }),
    applyFlags: ['--allow-data-loss'],
  },
  {
    name: 'a second sequence and a new NOT NULL column drawing from it over existing rows',
    text: schema("type: 'int', start: 5000, increment: 5, min: 1, max: 999999, cycle: true, cache: false", {
      columnType: 'int', extraSequence: "export const invoiceNumbers = Sequence('invoice_numbers', { schema: 'sales', type: 'int', start: 1 });",
      extraColumn: '@Column.int({ default: nextValueFor(invoiceNumbers) }) invoiceNo!: number;',
    }),
  },
];

for (const spec of e2eTargets()) {
  describe(`sequences on the ${spec.name}`, () => {
    let target: LiveTarget;
    let project: TempProject;
    const db = (): string[] => ['--database', target.url];
    const snapshot = async (): Promise<ComparableCatalog> => comparable(snapshotOf(await project.run(['snapshot', ...db()])));
    const planIsEmpty = async (flags: readonly string[] = []): Promise<void> => {
      const again = await project.run(['plan', ...db(), '--detailed-exitcode', FAST, ...flags]);
      if (again.code !== 0) throw new Error(`plan after apply is not empty: ${shown(again)}`);
    };

    beforeAll(async () => {
      target = await spec.start();
      project = tempProject(false);
    }, 120_000);

    afterAll(async () => {
      project?.remove();
      await target?.stop();
    });

    it('creates the sequence before the table from nothing; inserts draw from the default; the plan is then empty', async () => {
      project.write('orders.schema.ts', START);
      const plan = await project.run(['plan', ...db(), '--format', 'json', FAST]);
      expectExit(plan, 0);
      const up = (JSON.parse(plan.stdout) as { statements: { up: { sql: string }[] } }).statements.up.map((s) => s.sql);
      expect(up.findIndex((s) => s.startsWith('CREATE SEQUENCE'))).toBeLessThan(up.findIndex((s) => s.startsWith('CREATE TABLE')));
      expectExit(await project.run(['apply', ...db(), '--auto-approve', FAST]), 0);
      await planIsEmpty();
      await execAll(target.url, ['INSERT INTO [sales].[orders] ([id]) VALUES (1), (2), (3);']);
      expect(await queryRows(target.url, 'SELECT [id], [order_no] FROM [sales].[orders] ORDER BY [id]'))
        .toEqual([{ id: 1, order_no: '1000' }, { id: 2, order_no: '1001' }, { id: 3, order_no: '1002' }]);
      const [seq] = (await snapshot()).sequences as Record<string, unknown>[];
      expect(seq).toMatchObject({ schema_name: 'sales', name: 'order_numbers', type_name: 'bigint', start_value: 1000, cache_size: 20 });
    }, 180_000);

    test.each(changes.map((c) => [c.name, c] as const))('changes %s; converges; its down script restores the catalog', async (_name, c) => {
      const flags = c.applyFlags ?? [];
      const before = await snapshot();
      project.write('orders.schema.ts', c.text);
      const down = await project.run(['emit-sql', ...db(), '--down', FAST]);
      expectExit(down, 0);
      expectExit(await project.run(['apply', ...db(), '--auto-approve', FAST, ...flags]), 0);
      await planIsEmpty();
      const after = await snapshot();
      expect(after).not.toEqual(before);
      await execAll(target.url, [`INSERT INTO [sales].[orders] ([id]) SELECT MAX([id]) + 1 FROM [sales].[orders];`]);

      const run = await runLikeSqlcmd(target.url, down.stdout);
      expect(run.batches.flatMap((b) => b.errors)).toEqual([]);
      expect(await snapshot()).toEqual({ ...before, row_counts: (await snapshot()).row_counts });
      expectExit(await project.run(['apply', ...db(), '--auto-approve', FAST, ...flags]), 0);
      await planIsEmpty();
    }, 240_000);

    it('the new column was filled from its sequence over the existing rows', async () => {
      const rows = await queryRows(target.url, 'SELECT [invoice_no] FROM [sales].[orders] ORDER BY [id]');
      const values = rows.map((r) => Number(r.invoice_no));
      expect(new Set(values).size).toBe(values.length);
    }, 60_000);

    it('pull writes the sequences and their defaults back; plan over the pulled files is empty', async () => {
      const pulled = await project.run(['pull', ...db(), '--out', 'pulled']);
      expectExit(pulled, 0);
      const again = await project.run(['plan', ...db(), '--schema', 'pulled', '--detailed-exitcode', FAST]);
      if (again.code !== 0) throw new Error(`plan over pulled files is not empty: ${shown(again)}`);
    }, 180_000);

    it('drops the sequences with --allow-drop once no default draws from them, after the table', async () => {
      project.write('orders.schema.ts', `import { Column, Table } from 'schemac';
@Table('other', { schema: 'sales' }) export class Other { @Column.int({ primaryKey: true }) id!: number; }
`);
      const plan = await project.run(['plan', ...db(), '--allow-drop', '--format', 'json', FAST]);
      expectExit(plan, 0);
      const kinds = (JSON.parse(plan.stdout) as { changes: { kind: string }[] }).changes.map((x) => x.kind);
      expect(kinds.lastIndexOf('dropTable')).toBeLessThan(kinds.indexOf('dropSequence'));
      expectExit(await project.run(['apply', ...db(), '--auto-approve', '--allow-drop', '--allow-data-loss', FAST]), 0);
      expect((await snapshot()).sequences).toEqual([]);
      await planIsEmpty(['--allow-drop']);
    }, 180_000);
  });
}
