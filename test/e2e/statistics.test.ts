/**
 * Statistics made by CREATE STATISTICS over the wire: a DBA's statistics on a table with rows
 * would make SQL Server refuse the ALTER COLUMN of a retyped column (Msg 5074) and the DROP COLUMN
 * of a dropped one. The plan drops them around the change and re-creates them (NORECOMPUTE and
 * the filter kept); the apply commits, plans nothing after, and the DOWN script restores the
 * columns and the statistics.
 */
import { expectExit } from './support/project';
import { execAll, queryRows, runLikeSqlcmd } from './support/sqlcmd';
import { expectCleanRun } from './lifecycle-suite';
import { e2eTargets } from './real-server';
import { liveSuite } from './support/live-suite';

const FAST = ['--no-type-check'];

const SCHEMA = `import { Column, PrimaryKey, Table } from 'schemac';

@Table('stock_items')
@PrimaryKey('pk_stock_items', ['id'], { clustered: true })
export class StockItem {
  @Column.int() id!: number;
  @Column.varchar(10) code!: string;
  @Column.int() qty!: number;
  @Column.decimal(9, 2, { nullable: true }) price!: number | null;
  @Column.char(4, { nullable: true }) legacy!: string | null;
}
`;

const STATS = `SELECT s.name, s.no_recompute, s.filter_definition, c.name AS column_name, sc.stats_column_id
FROM sys.stats s JOIN sys.stats_columns sc ON sc.object_id = s.object_id AND sc.stats_id = s.stats_id
JOIN sys.columns c ON c.object_id = sc.object_id AND c.column_id = sc.column_id
WHERE s.object_id = OBJECT_ID(N'dbo.stock_items') AND s.user_created = 1 ORDER BY s.name, sc.stats_column_id`;

for (const spec of e2eTargets()) {
  describe(`CREATE STATISTICS statistics on the ${spec.name}`, () => {
    const suite = liveSuite(spec, { example: false, dropTables: ['dbo.stock_items'] });

    it('drops and re-creates them around a retyped and a dropped column; the DOWN script brings both back', async () => {
      suite.project.write('stock.schema.ts', SCHEMA);
      expectExit(await suite.project.run(['apply', ...suite.db(), '--auto-approve', ...FAST]), 0);
      await execAll(suite.target.url, [
        "INSERT INTO dbo.stock_items (id, code, qty, price, legacy) VALUES (1, 'a', 5, 1.50, 'L1'), (2, 'b', 0, NULL, NULL);",
        'CREATE STATISTICS st_stock_code_qty ON dbo.stock_items (code, qty) WITH NORECOMPUTE;',
        'CREATE STATISTICS st_stock_price ON dbo.stock_items (price) WHERE qty > 0;',
        'CREATE STATISTICS st_stock_legacy ON dbo.stock_items (legacy);',
      ]);
      const before = await queryRows(suite.target.url, STATS);
      await suite.planIsEmpty();

      suite.project.edit('stock.schema.ts', '@Column.int() qty!: number;', '@Column.bigint() qty!: number;');
      suite.project.edit('stock.schema.ts', "  @Column.char(4, { nullable: true }) legacy!: string | null;\n", '');
      const down = await suite.project.run(['emit-sql', '--down', '--allow-drop', ...suite.db(), ...FAST]);
      expectExit(down, 0);
      const plan = await suite.project.run(['plan', '--allow-drop', ...suite.db(), ...FAST]);
      expectExit(plan, 0);
      expect(plan.stdout).toContain('drop statistics st_stock_code_qty (code, qty)');
      expect(plan.stdout).toContain('re-create statistics st_stock_price (price) WHERE ([qty]>(0))');
      expect(plan.stdout).toContain('drop statistics st_stock_legacy (legacy)');

      const apply = await suite.project.run(['apply', '--allow-drop', '--allow-data-loss', ...suite.db(), '--auto-approve', ...FAST]);
      expectExit(apply, 0);
      await suite.planIsEmpty(['--allow-drop']);
      expect(await queryRows(suite.target.url, STATS)).toEqual(before.filter((r) => r.name !== 'st_stock_legacy'));
      expect(await queryRows(suite.target.url, 'SELECT id, qty FROM dbo.stock_items ORDER BY id')).toEqual([{ id: 1, qty: '5' }, { id: 2, qty: '0' }]);

      expectCleanRun(await runLikeSqlcmd(suite.target.url, down.stdout));
      expect(await queryRows(suite.target.url, STATS)).toEqual(before);
      expect(await queryRows(suite.target.url, "SELECT TYPE_NAME(user_type_id) AS t FROM sys.columns WHERE object_id = OBJECT_ID(N'dbo.stock_items') AND name = 'qty'")).toEqual([{ t: 'int' }]);
    }, 240_000);
  });
}
