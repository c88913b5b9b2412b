/**
 * Checks and foreign keys not validated or disabled, over the wire with rows: a legacy database
 * with a NOCHECK foreign key over an orphan and a disabled check over a violating row is pulled
 * to files that say so (validate: false, enabled: false) and plan nothing; a foreign key added
 * `validate: false` to a table holding an orphan goes in WITH NOCHECK (no scan, no failure),
 * converges and is undone by the DOWN script; the disabled check enabled WITH NOCHECK likewise.
 */
import * as fs from 'fs';
import * as path from 'path';
import { expectExit } from './support/project';
import { execAll } from './support/sqlcmd';
import { migrateAndBack } from './support/migrate-and-back';
import { e2eTargets } from './real-server';
import { liveSuite } from './support/live-suite';

const LEGACY = [
  'CREATE TABLE dbo.customers (id int NOT NULL CONSTRAINT pk_customers PRIMARY KEY, name nvarchar(50) NOT NULL);',
  "INSERT INTO dbo.customers VALUES (1, N'Ada'), (2, N'Bob');",
  'CREATE TABLE dbo.orders (id int NOT NULL CONSTRAINT pk_orders PRIMARY KEY, customer_id int NOT NULL, qty int NOT NULL);',
  'INSERT INTO dbo.orders VALUES (1, 1, 3), (2, 7, 1);',
  'ALTER TABLE dbo.orders WITH NOCHECK ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES dbo.customers (id);',
  'ALTER TABLE dbo.orders ADD CONSTRAINT ck_orders_qty CHECK (qty > 0);',
  'ALTER TABLE dbo.orders NOCHECK CONSTRAINT ck_orders_qty;',
  'INSERT INTO dbo.orders VALUES (3, 2, -4);',
  'CREATE TABLE dbo.shipments (id int NOT NULL CONSTRAINT pk_shipments PRIMARY KEY, order_id int NOT NULL);',
  'INSERT INTO dbo.shipments VALUES (1, 1), (2, 42);',
];

type Row = Record<string, unknown>;
const find = (rows: unknown[] | undefined, match: Row): Row | undefined =>
  (rows as Row[] | undefined)?.find((r) => Object.entries(match).every(([k, v]) => r[k] === v));

for (const spec of e2eTargets()) {
  describe(`not-validated and disabled constraints on the ${spec.name}`, () => {
    const suite = liveSuite(spec, { example: false, dropTables: ['dbo.shipments', 'dbo.orders', 'dbo.customers'] });
    const { planIsEmpty } = suite;
    const text = () => fs.readdirSync(path.join(suite.project.dir, 'schema')).map((f) => suite.project.read(f)).join('\n');

    it('pulls a legacy database to files that keep its NOCHECK key and disabled check, plans nothing, then adds a key WITH NOCHECK over an orphan and enables the check WITH NOCHECK, each undone by the down script', async () => {
      await execAll(suite.target.url, LEGACY);
      expectExit(await suite.project.run(['pull', ...suite.db(), '--out', 'schema', '--force']), 0);
      expect(text()).toMatch(/@Check\('ck_orders_qty', sql`[^`]*`, \{ enabled: false \}\)/);
      expect(text()).toMatch(/@ForeignKey\('fk_orders_customer', .*\{ validate: false \}\)/);
      await planIsEmpty();

      suite.project.edit('shipments.schema.ts', "@Table('shipments')", "@Table('shipments')\n@ForeignKey('fk_shipments_order', ['orderId'], () => Orders, ['id'], { validate: false })");
      suite.project.edit('shipments.schema.ts', "import { Column,", "import { Orders } from './orders.schema';\nimport { ForeignKey, Column,");
      const added = await migrateAndBack(suite);
      expect(added.up).toContain('ALTER TABLE [dbo].[shipments] WITH NOCHECK ADD CONSTRAINT [fk_shipments_order] FOREIGN KEY ([order_id]) REFERENCES [dbo].[orders] ([id]);');
      expect(added.down).toContain('ALTER TABLE [dbo].[shipments] DROP CONSTRAINT [fk_shipments_order];');
      expect(find(added.after.foreign_keys, { name: 'fk_shipments_order' })).toMatchObject({ is_disabled: false, is_not_trusted: true });
      expect(find(added.after.row_counts, { table: 'dbo.shipments' })).toMatchObject({ rows: 2 });

      suite.project.edit('orders.schema.ts', '{ enabled: false }', '{ validate: false }');
      const enabled = await migrateAndBack(suite);
      expect(enabled.up).toContain('ALTER TABLE [dbo].[orders] WITH NOCHECK CHECK CONSTRAINT [ck_orders_qty];');
      expect(enabled.down).toContain('ALTER TABLE [dbo].[orders] NOCHECK CONSTRAINT [ck_orders_qty];');
      expect(find(enabled.after.check_constraints, { name: 'ck_orders_qty' })).toMatchObject({ is_disabled: false, is_not_trusted: true });
    }, 300_000);
  });
}
