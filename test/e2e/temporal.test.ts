/**
 * Issue 15, system-versioned temporal tables, over the wire with rows: created from nothing
 * (plan empty afterwards, down script back to nothing), pull then plan empty, and history rows
 * written by UPDATE and DELETE. The catalog is compared with `schemac snapshot`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { snapshotOf } from './support/catalog-compare';
import { expectExit, shown } from './support/project';
import { execAll, queryRows, runLikeSqlcmd } from './support/sqlcmd';
import { e2eTargets } from './real-server';
import { liveSuite } from './support/live-suite';

const FAST = '--no-type-check';

/** sales.orders, versioned; `extra` adds fields, `versioning` replaces the table options. */
const orders = (o: { extra?: string; versioning?: string } = {}): string => `
import { Column, Table } from 'schemac';

@Table('orders', { schema: 'sales'${o.versioning ?? ", systemVersioning: { retention: { months: 6 } }"} })
export class Order {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.nvarchar(100) note!: string;
  @Column.datetime2(3, { generatedAlways: 'rowStart', hidden: true }) validFrom!: Date;
  @Column.datetime2(3, { generatedAlways: 'rowEnd', hidden: true }) validTo!: Date;${o.extra ?? ''}
}
`;

for (const spec of e2eTargets()) {
  describe(`system-versioned tables on the ${spec.name}`, () => {
    const suite = liveSuite(spec, { example: false, dropTables: [] });
    const { db, snapshot, planIsEmpty } = suite;

    beforeEach(async () => {
      await execAll(suite.target.url, [
        "IF EXISTS (SELECT 1 FROM sys.tables WHERE object_id = OBJECT_ID(N'[sales].[orders]') AND temporal_type = 2) ALTER TABLE [sales].[orders] SET (SYSTEM_VERSIONING = OFF);",
        "IF OBJECT_ID(N'[sales].[orders]', N'U') IS NOT NULL DROP TABLE [sales].[orders];",
        "IF OBJECT_ID(N'[sales].[orders_history]', N'U') IS NOT NULL DROP TABLE [sales].[orders_history];",
        "IF EXISTS (SELECT 1 FROM sys.tables WHERE object_id = OBJECT_ID(N'[sales].[purchase_orders]') AND temporal_type = 2) ALTER TABLE [sales].[purchase_orders] SET (SYSTEM_VERSIONING = OFF);",
        "IF OBJECT_ID(N'[sales].[purchase_orders]', N'U') IS NOT NULL DROP TABLE [sales].[purchase_orders];",
        "IF OBJECT_ID(N'[sales].[purchase_orders_history]', N'U') IS NOT NULL DROP TABLE [sales].[purchase_orders_history];",
      ]);
    });

    test('created from nothing: CREATE TABLE with its period and versioning, plan empty after, down script back to before', async () => {
      const before = await snapshot();
      suite.project.write('orders.schema.ts', orders());
      const down = await suite.project.run(['emit-sql', ...db(), '--down', FAST]);
      expectExit(down, 0);
      expectExit(await suite.project.run(['apply', ...db(), '--auto-approve', FAST]), 0);
      await planIsEmpty();
      const after = snapshotOf(await suite.project.run(['snapshot', ...db()]));
      const history = after.tables.find((t) => t.name === 'orders_history');
      expect(after.tables.find((t) => t.name === 'orders')).toMatchObject({ temporal_type: 2, history_table_id: history?.object_id, history_retention_period: 6, history_retention_period_unit: 5 });
      expect(history).toMatchObject({ schema_name: 'sales', temporal_type: 1 });

      const run = await runLikeSqlcmd(suite.target.url, down.stdout);
      expect(run.batches.flatMap((b) => b.errors)).toEqual([]);
      expect(await snapshot()).toEqual(before);
    }, 180_000);

    test('UPDATE and DELETE keep the old row versions in the history table; SELECT * leaves hidden period columns out', async () => {
      suite.project.write('orders.schema.ts', orders());
      expectExit(await suite.project.run(['apply', ...db(), '--auto-approve', FAST]), 0);
      await execAll(suite.target.url, [
        "INSERT INTO [sales].[orders] ([id], [note]) VALUES (1, N'a'), (2, N'b');",
        "UPDATE [sales].[orders] SET [note] = N'a2' WHERE [id] = 1;",
        'DELETE FROM [sales].[orders] WHERE [id] = 2;',
      ]);
      expect(await queryRows(suite.target.url, 'SELECT COUNT(*) AS n FROM [sales].[orders_history];')).toEqual([{ n: 2 }]);
      expect(await queryRows(suite.target.url, 'SELECT * FROM [sales].[orders];')).toEqual([{ id: 1, note: 'a2' }]);
    }, 180_000);

    /** Applies `schema`, planning its down script against the database first; returns the down script. */
    const applyWithDown = async (schema: string, flags: string[] = []): Promise<string> => {
      suite.project.write('orders.schema.ts', schema);
      const down = await suite.project.run(['emit-sql', ...db(), '--down', FAST, ...flags]);
      expectExit(down, 0);
      expectExit(await suite.project.run(['apply', ...db(), '--auto-approve', FAST, ...flags]), 0);
      const again = await suite.project.run(['plan', ...db(), '--detailed-exitcode', FAST, ...flags]);
      if (again.code !== 0) throw new Error(`plan after apply is not empty: ${shown(again)}`);
      return down.stdout;
    };
    const historyCount = async (): Promise<unknown> => (await queryRows(suite.target.url, 'SELECT COUNT(*) AS n FROM [sales].[orders_history];'))[0];
    const withRows = async (): Promise<void> => {
      await execAll(suite.target.url, [
        "INSERT INTO [sales].[orders] ([id], [note]) VALUES (1, N'a'), (2, N'b');",
        "UPDATE [sales].[orders] SET [note] = N'a2' WHERE [id] = 1;",
      ]);
    };

    test('adding a column to a versioned table keeps its history rows; NOT NULL with a backfill is wrapped in OFF/ON and keeps them too', async () => {
      await applyWithDown(orders());
      await withRows();
      expect(await historyCount()).toEqual({ n: 1 });
      const before = await snapshot();
      const downAdd = await applyWithDown(orders({ extra: '\n  @Column.int({ nullable: true }) qty!: number | null;' }));
      expect(await historyCount()).toEqual({ n: 1 });
      const plan = await suite.project.run(['plan', ...db(), '--format', 'json', FAST]);
      expectExit(plan, 0);
      const strict = await applyWithDown(orders({ extra: '\n  @Column.int({ backfill: 0 }) qty!: number;' }));
      expect(await historyCount()).toEqual({ n: 1 });
      expect(await queryRows(suite.target.url, 'SELECT [qty] FROM [sales].[orders_history];')).toEqual([{ qty: 0 }]);
      expect(await queryRows(suite.target.url, "SELECT temporal_type FROM sys.tables WHERE name = N'orders';")).toEqual([{ temporal_type: 2 }]);
      for (const down of [strict, downAdd]) {
        const run = await runLikeSqlcmd(suite.target.url, down);
        expect(run.batches.flatMap((b) => b.errors)).toEqual([]);
      }
      expect(await snapshot()).toEqual(before);
      expect(await historyCount()).toEqual({ n: 1 });
    }, 240_000);

    test('a renamed versioned table takes its history along, with new and altered columns; history rows kept, down script back', async () => {
      await applyWithDown(orders());
      await withRows();
      const before = await snapshot();
      const renamed = orders({ extra: "\n  @Column.char(3, { default: 'EUR' }) currency!: string;" })
        .replace("@Table('orders', { schema: 'sales'", "@Table('purchase_orders', { schema: 'sales', renamedFrom: 'orders'")
        .replace('@Column.nvarchar(100) note', '@Column.nvarchar(200) note');
      const down = await applyWithDown(renamed);
      expect(await queryRows(suite.target.url, "SELECT name, temporal_type FROM sys.tables WHERE name LIKE N'%orders%' ORDER BY name;"))
        .toEqual([{ name: 'purchase_orders', temporal_type: 2 }, { name: 'purchase_orders_history', temporal_type: 1 }]);
      expect(await queryRows(suite.target.url, 'SELECT [note], [currency] FROM [sales].[purchase_orders_history];')).toEqual([{ note: 'a', currency: 'EUR' }]);
      const run = await runLikeSqlcmd(suite.target.url, down);
      expect(run.batches.flatMap((b) => b.errors)).toEqual([]);
      expect(await snapshot()).toEqual(before);
      expect(await historyCount()).toEqual({ n: 1 });
    }, 240_000);

    test('versioning on for a table with rows (period columns added), then off keeping the history; each down script restores the catalog', async () => {
      const plain = orders({ versioning: '' }).replace(/^.*generatedAlways.*\n/gm, '');
      await applyWithDown(plain);
      await execAll(suite.target.url, ["INSERT INTO [sales].[orders] ([id], [note]) VALUES (1, N'a'), (2, N'b');"]);
      const before = await snapshot();
      const downOn = await applyWithDown(orders());
      expect(await queryRows(suite.target.url, "SELECT COUNT(*) AS n FROM [sales].[orders];")).toEqual([{ n: 2 }]);
      // The defaults that filled the existing rows are gone again: SQL Server generates the values.
      expect(await queryRows(suite.target.url, "SELECT name FROM sys.default_constraints WHERE parent_object_id = OBJECT_ID(N'[sales].[orders]');")).toEqual([]);
      await execAll(suite.target.url, ["UPDATE [sales].[orders] SET [note] = N'a2' WHERE [id] = 1;"]);
      const versioned = await snapshot();
      const downOff = await applyWithDown(orders({ versioning: '' }));
      expect(await queryRows(suite.target.url, "SELECT name, temporal_type FROM sys.tables WHERE name LIKE N'orders%' ORDER BY name;"))
        .toEqual([{ name: 'orders', temporal_type: 0 }, { name: 'orders_history', temporal_type: 0 }]);
      expect(await historyCount()).toEqual({ n: 1 });
      let run = await runLikeSqlcmd(suite.target.url, downOff);
      expect(run.batches.flatMap((b) => b.errors)).toEqual([]);
      expect(await snapshot()).toEqual(versioned);
      run = await runLikeSqlcmd(suite.target.url, downOn);
      expect(run.batches.flatMap((b) => b.errors)).toEqual([]);
      expect(await snapshot()).toEqual(before);
    }, 240_000);

    test('pull writes the versioned table back; plan over the pulled files is empty', async () => {
      suite.project.write('orders.schema.ts', orders());
      expectExit(await suite.project.run(['apply', ...db(), '--auto-approve', FAST]), 0);
      const pulled = await suite.project.run(['pull', ...db(), '--out', 'pulled']);
      expectExit(pulled, 0);
      const dir = path.join(suite.project.dir, 'pulled');
      const text = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
      expect(text).toContain("systemVersioning: { retention: { months: 6 } }");
      expect(text).toContain("@Column.datetime2(3, { generatedAlways: 'rowStart', hidden: true })");
      const again = await suite.project.run(['plan', ...db(), '--schema', 'pulled', '--detailed-exitcode', FAST]);
      if (again.code !== 0) throw new Error(`plan over pulled files is not empty: ${shown(again)}`);
    }, 180_000);
  });
}
