/**
 * Index options over the wire: FILLFACTOR, PAD_INDEX, ALLOW_ROW_LOCKS / ALLOW_PAGE_LOCKS,
 * STATISTICS_NORECOMPUTE and OPTIMIZE_FOR_SEQUENTIAL_KEY on indexes and keys. Created from
 * nothing, kept when a column change re-creates the index, changed in place (REBUILD or SET),
 * undone exactly by the DOWN script, and pulled back to a schema that plans nothing.
 */
import type { ComparableCatalog } from './support/catalog-compare';
import { expectExit } from './support/project';
import { migrateAndBack } from './support/migrate-and-back';
import { pullPlansNothing } from './support/round-trip';
import { execAll, queryRows } from './support/sqlcmd';
import { e2eTargets } from './real-server';
import { liveSuite } from './support/live-suite';

const FAST = ['--no-type-check'];

const SCHEMA = `import { Column, Index, PrimaryKey, Table } from 'schemac';

@Table('orders')
@PrimaryKey('pk_orders', ['id'], { clustered: true, fillFactor: 90, statisticsNoRecompute: true })
@Index('ix_orders_code', ['code'], { fillFactor: 80, padIndex: true, allowPageLocks: false })
export class Order {
  @Column.int() id!: number;
  @Column.varchar(20) code!: string;
}
`;

for (const spec of e2eTargets()) {
  describe(`index options on the ${spec.name}`, () => {
    const suite = liveSuite(spec, { example: false, dropTables: [] });
    const { snapshot, planIsEmpty } = suite;
    const run = (...args: string[]) => suite.project.run([...args, '--database', suite.target.url, ...FAST]);


    const index = (s: ComparableCatalog, name: string) => (s.indexes as Record<string, unknown>[]).find((i) => i.name === name);

    beforeAll(() => suite.project.write('orders.schema.ts', SCHEMA));

    it('creates the index and key with their options, reads them back, and plans nothing after', async () => {
      const up = await run('emit-sql');
      expect(up.stdout).toContain('CONSTRAINT [pk_orders] PRIMARY KEY CLUSTERED ([id]) WITH (FILLFACTOR = 90, STATISTICS_NORECOMPUTE = ON)');
      expect(up.stdout).toContain('CREATE NONCLUSTERED INDEX [ix_orders_code] ON [dbo].[orders] ([code]) WITH (PAD_INDEX = ON, FILLFACTOR = 80, ALLOW_PAGE_LOCKS = OFF)');
      expectExit(await run('apply', '--auto-approve'), 0);
      await planIsEmpty();
      const s = await snapshot();
      expect(index(s, 'ix_orders_code')).toMatchObject({ fill_factor: 80, is_padded: true, allow_page_locks: false, allow_row_locks: true });
      expect(index(s, 'pk_orders')).toMatchObject({ fill_factor: 90, no_recompute: true, is_padded: false });
      await execAll(suite.target.url, ["INSERT INTO dbo.orders (id, code) VALUES (1, 'a'), (2, 'b'), (3, 'c');"]);
    }, 240_000);

    it('keeps the options when a column change re-creates the index, and the rows', async () => {
      suite.project.edit('orders.schema.ts', '@Column.varchar(20) code', '@Column.nvarchar(20) code');
      const { after, up } = await migrateAndBack(suite);
      expect(up).toContain('DROP INDEX [ix_orders_code]');
      expect(up).toContain('WITH (PAD_INDEX = ON, FILLFACTOR = 80, ALLOW_PAGE_LOCKS = OFF)');
      expect(index(after, 'ix_orders_code')).toMatchObject({ fill_factor: 80, is_padded: true, allow_page_locks: false });
      expect(await queryRows(suite.target.url, 'SELECT COUNT(*) AS n FROM dbo.orders')).toEqual([{ n: 3 }]);
    }, 240_000);

    it('changes FILLFACTOR by a rebuild and the lock options by ALTER INDEX ... SET, and back down', async () => {
      suite.project.edit('orders.schema.ts', '{ fillFactor: 80, padIndex: true, allowPageLocks: false }', '{ fillFactor: 70, padIndex: true, allowRowLocks: false }');
      const { after, up } = await migrateAndBack(suite);
      expect(up).toContain('ALTER INDEX [ix_orders_code] ON [dbo].[orders] REBUILD WITH (FILLFACTOR = 70');
      expect(up).toContain('ALTER INDEX [ix_orders_code] ON [dbo].[orders] SET (ALLOW_ROW_LOCKS = OFF, ALLOW_PAGE_LOCKS = ON);');
      expect(index(after, 'ix_orders_code')).toMatchObject({ fill_factor: 70, allow_row_locks: false, allow_page_locks: true });
    }, 240_000);

    it('changes a compression and a fill factor of one index (and of the table through its clustered key) in one rebuild each', async () => {
      suite.project.edit('orders.schema.ts', "@Table('orders')", "@Table('orders', { dataCompression: 'PAGE' })");
      suite.project.edit('orders.schema.ts', '{ clustered: true, fillFactor: 90,', '{ clustered: true, fillFactor: 85,');
      suite.project.edit('orders.schema.ts', '{ fillFactor: 70, padIndex: true, allowRowLocks: false }', "{ fillFactor: 60, padIndex: true, allowRowLocks: false, dataCompression: 'ROW' }");
      try {
        const { after, up } = await migrateAndBack(suite);
        expect(up.match(/REBUILD/g)).toHaveLength(2);
        expect(up).toContain('ALTER INDEX [pk_orders] ON [dbo].[orders] REBUILD WITH (FILLFACTOR = 85, DATA_COMPRESSION = PAGE');
        expect(up).toContain('ALTER INDEX [ix_orders_code] ON [dbo].[orders] REBUILD WITH (FILLFACTOR = 60, DATA_COMPRESSION = ROW');
        expect(index(after, 'ix_orders_code')).toMatchObject({ fill_factor: 60 });
        expect(index(after, 'pk_orders')).toMatchObject({ fill_factor: 85 });
        expect((after.partitions as Record<string, unknown>[]).map((p) => [p.index, p.data_compression_desc])).toEqual(expect.arrayContaining([
          ['dbo.orders.pk_orders', 'PAGE'], ['dbo.orders.ix_orders_code', 'ROW'],
        ]));
      } finally {
        suite.project.edit('orders.schema.ts', "@Table('orders', { dataCompression: 'PAGE' })", "@Table('orders')");
        suite.project.edit('orders.schema.ts', '{ clustered: true, fillFactor: 85,', '{ clustered: true, fillFactor: 90,');
        suite.project.edit('orders.schema.ts', "{ fillFactor: 60, padIndex: true, allowRowLocks: false, dataCompression: 'ROW' }", '{ fillFactor: 70, padIndex: true, allowRowLocks: false }');
      }
      expectExit(await run('apply', '--auto-approve'), 0);
    }, 240_000);

    it('pulls the options back to schema files that plan nothing', async () => {
      await pullPlansNothing(suite, 'orders.schema.ts', (text) => {
          expect(text).toContain('padIndex: true, fillFactor: 70, allowRowLocks: false');
          expect(text).toContain('fillFactor: 90, statisticsNoRecompute: true');
      });
    }, 240_000);
  });
}
