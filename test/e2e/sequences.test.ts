/**
 * Sequences over the wire (issue 15, item 1): a sequence and a default drawing from it created
 * from nothing, rows inserted through the default, then each kind of change applied with rows in
 * the table: the plan after apply is empty, and the down script made before the apply restores
 * the catalog exactly (the numbering a RESTART reset is not part of the catalog compared).
 */
import * as fs from 'fs';
import * as path from 'path';
import { expectExit, shown } from './support/project';
import { execAll, queryRows, runLikeSqlcmd } from './support/sqlcmd';
import { e2eTargets } from './real-server';
import { liveSuite } from './support/live-suite';

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
    const suite = liveSuite(spec, { example: false, dropTables: [] });
    const { db, snapshot, planIsEmpty } = suite;

    it('creates the sequence before the table from nothing; inserts draw from the default; the plan is then empty', async () => {
      suite.project.write('orders.schema.ts', START);
      const plan = await suite.project.run(['plan', ...db(), '--format', 'json', FAST]);
      expectExit(plan, 0);
      const up = (JSON.parse(plan.stdout) as { statements: { up: { sql: string }[] } }).statements.up.map((s) => s.sql);
      expect(up.findIndex((s) => s.startsWith('CREATE SEQUENCE'))).toBeLessThan(up.findIndex((s) => s.startsWith('CREATE TABLE')));
      expectExit(await suite.project.run(['apply', ...db(), '--auto-approve', FAST]), 0);
      await planIsEmpty();
      await execAll(suite.target.url, ['INSERT INTO [sales].[orders] ([id]) VALUES (1), (2), (3);']);
      expect(await queryRows(suite.target.url, 'SELECT [id], [order_no] FROM [sales].[orders] ORDER BY [id]'))
        .toEqual([{ id: 1, order_no: '1000' }, { id: 2, order_no: '1001' }, { id: 3, order_no: '1002' }]);
      const [seq] = (await snapshot()).sequences as Record<string, unknown>[];
      expect(seq).toMatchObject({ schema_name: 'sales', name: 'order_numbers', type_name: 'bigint', start_value: 1000, cache_size: 20 });
    }, 180_000);

    test.each(changes.map((c) => [c.name, c] as const))('changes %s; converges; its down script restores the catalog', async (_name, c) => {
      const flags = c.applyFlags ?? [];
      const before = await snapshot();
      suite.project.write('orders.schema.ts', c.text);
      const down = await suite.project.run(['emit-sql', ...db(), '--down', FAST]);
      expectExit(down, 0);
      expectExit(await suite.project.run(['apply', ...db(), '--auto-approve', FAST, ...flags]), 0);
      await planIsEmpty();
      const after = await snapshot();
      expect(after).not.toEqual(before);
      await execAll(suite.target.url, [`INSERT INTO [sales].[orders] ([id]) SELECT MAX([id]) + 1 FROM [sales].[orders];`]);

      const run = await runLikeSqlcmd(suite.target.url, down.stdout);
      expect(run.batches.flatMap((b) => b.errors)).toEqual([]);
      expect(await snapshot()).toEqual({ ...before, row_counts: (await snapshot()).row_counts });
      expectExit(await suite.project.run(['apply', ...db(), '--auto-approve', FAST, ...flags]), 0);
      await planIsEmpty();
    }, 240_000);

    it('a type change continues after the value the sequence reached, and so does its down script', async () => {
      const current = async () => Number((await queryRows(suite.target.url, "SELECT CONVERT(bigint, current_value) AS v FROM sys.sequences WHERE name = N'order_numbers'"))[0]?.v);
      const drawn = async () => {
        await execAll(suite.target.url, ['INSERT INTO [sales].[orders] ([id]) SELECT MAX([id]) + 1 FROM [sales].[orders];']);
        return Number((await queryRows(suite.target.url, 'SELECT TOP (1) [order_no] FROM [sales].[orders] ORDER BY [id] DESC'))[0]?.order_no);
      };
      const last = changes[changes.length - 1] as Change;
      const reached = await current();
      suite.project.write('orders.schema.ts', last.text.replace("type: 'int', start: 5000", "type: 'bigint', start: 5000"));
      const down = await suite.project.run(['emit-sql', ...db(), '--down', FAST]);
      expectExit(down, 0);
      expectExit(await suite.project.run(['apply', ...db(), '--auto-approve', FAST]), 0);
      await planIsEmpty();
      expect(await drawn()).toBe(reached + 5);
      const run = await runLikeSqlcmd(suite.target.url, down.stdout);
      expect(run.batches.flatMap((b) => b.errors)).toEqual([]);
      expect(await drawn()).toBe(reached + 10);
      suite.project.write('orders.schema.ts', last.text);
      await planIsEmpty();
    }, 240_000);

    it('the new column was filled from its sequence over the existing rows', async () => {
      const rows = await queryRows(suite.target.url, 'SELECT [invoice_no] FROM [sales].[orders] ORDER BY [id]');
      const values = rows.map((r) => Number(r.invoice_no));
      expect(new Set(values).size).toBe(values.length);
    }, 60_000);

    it('pull writes the sequences and their defaults back; plan over the pulled files is empty', async () => {
      const pulled = await suite.project.run(['pull', ...db(), '--out', 'pulled']);
      expectExit(pulled, 0);
      // Written as a person would: each default names the pulled Sequence's const.
      const orders = fs.readFileSync(path.join(suite.project.dir, 'pulled', 'sales.orders.schema.ts'), 'utf8');
      expect(orders).toContain("import { salesInvoiceNumbers, salesOrderNumbers } from './sequences.schema';");
      expect(orders).toContain('default: nextValueFor(salesOrderNumbers)');
      expect(orders).toContain('default: nextValueFor(salesInvoiceNumbers)');
      const again = await suite.project.run(['plan', ...db(), '--schema', 'pulled', '--detailed-exitcode', FAST]);
      if (again.code !== 0) throw new Error(`plan over pulled files is not empty: ${shown(again)}`);
    }, 180_000);

    it('drops the sequences with --allow-drop once no default draws from them, after the table', async () => {
      suite.project.write('orders.schema.ts', `import { Column, Table } from 'schemac';
@Table('other', { schema: 'sales' }) export class Other { @Column.int({ primaryKey: true }) id!: number; }
`);
      const plan = await suite.project.run(['plan', ...db(), '--allow-drop', '--format', 'json', FAST]);
      expectExit(plan, 0);
      const kinds = (JSON.parse(plan.stdout) as { changes: { kind: string }[] }).changes.map((x) => x.kind);
      expect(kinds.lastIndexOf('dropTable')).toBeLessThan(kinds.indexOf('dropSequence'));
      expectExit(await suite.project.run(['apply', ...db(), '--auto-approve', '--allow-drop', '--allow-data-loss', FAST]), 0);
      expect((await snapshot()).sequences).toEqual([]);
      await planIsEmpty(['--allow-drop']);
    }, 180_000);
  });
}
