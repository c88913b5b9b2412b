/**
 * Change tracking over the wire, with rows: a plan that tracks a table while the database's change
 * tracking is off is shown (plan, emit-sql) with the ALTER DATABASE to run first, and apply refuses
 * it; once on, a tracked table is created and
 * plans empty; a column change with a primary key change keeps the tracking (disabled before the
 * key's drop, enabled after, up and down: the stand-in refuses the drop otherwise, Msg 3735), plans
 * empty, and its DOWN script restores the catalog; pull writes the option. A CDC-tracked table's
 * column change is planned with a warning naming its capture instance (stand-in: CDC's procedures).
 */
import { expectExit, shown } from './support/project';
import { execAll, queryRows } from './support/sqlcmd';
import { e2eTargets } from './real-server';
import { liveSuite } from './support/live-suite';
import { migrateAndBack } from './support/migrate-and-back';
import { pullPlansNothing } from './support/round-trip';

const FAST = ['--no-type-check'];

const schema = (key: string, tracking: string, extra = '') => `import { Column, PrimaryKey, Table } from 'schemac';

@Table('orders', { changeTracking: ${tracking} })
@PrimaryKey('pk_orders', [${key}])
export class Order {
  @Column.int() id!: number;
  @Column.varchar(10) code!: string;
  @Column.int() qty!: number;
${extra}}
`;

for (const spec of e2eTargets()) {
  describe(`change tracking on the ${spec.name}`, () => {
    const suite = liveSuite(spec, { example: false, dropTables: ['dbo.orders'] });

    it('needs the database setting, keeps tracking through a key change, restores it going down, and pulls it', async () => {
      // The database setting is the DBA's: off, plan and emit-sql show the change with the statement
      // to run first (so the script can be reviewed before), and apply refuses before any SQL runs.
      await execAll(suite.target.url, [`IF EXISTS (SELECT 1 FROM sys.change_tracking_databases WHERE database_id = DB_ID()) ALTER DATABASE CURRENT SET CHANGE_TRACKING = OFF;`]);
      suite.project.write('orders.schema.ts', schema("'id'", 'true'));
      const statement = /ALTER DATABASE \[\w+\] SET CHANGE_TRACKING = ON \(CHANGE_RETENTION = 2 DAYS, AUTO_CLEANUP = ON\);/;
      const planned = await suite.project.run(['plan', ...suite.db(), ...FAST]);
      expectExit(planned, 0);
      expect(planned.stdout).toMatch(new RegExp(`Before apply[^\n]*\n\\s+! the plan enables change tracking on dbo\\.orders, but database \\w+ does not have change tracking on .*Msg 1718.*:\n\\s+${statement.source}`));
      const script = await suite.project.run(['emit-sql', ...suite.db(), ...FAST]);
      expectExit(script, 0);
      expect(script.stdout.split('\n').slice(0, 4).join('\n')).toMatch(new RegExp(`^-- schemac up script\n-- RUN FIRST: .*\n-- .*Msg 1718.*:\n--\\s+${statement.source}$`));
      const refused = await suite.project.run(['apply', ...suite.db(), '--auto-approve', ...FAST]);
      expectExit(refused, 1);
      expect(shown(refused)).toMatch(new RegExp(`refusing to apply: .*does not have change tracking on .*Msg 1718.*nothing was changed.*\n\\s+${statement.source}`, 's'));
      expect(await queryRows(suite.target.url, "SELECT COUNT(*) AS n FROM sys.tables WHERE name = 'orders'")).toEqual([{ n: 0 }]);

      await execAll(suite.target.url, ['ALTER DATABASE CURRENT SET CHANGE_TRACKING = ON (CHANGE_RETENTION = 2 DAYS, AUTO_CLEANUP = ON);']);
      expectExit(await suite.project.run(['apply', ...suite.db(), '--auto-approve', ...FAST]), 0);
      await suite.planIsEmpty();
      await execAll(suite.target.url, ["INSERT INTO dbo.orders (id, code, qty) VALUES (1, 'a', 5), (2, 'b', 7);"]);

      // A column change and a primary key change, with TRACK_COLUMNS_UPDATED turned on.
      suite.project.write('orders.schema.ts', schema("'id', 'code'", '{ trackColumnsUpdated: true }', '  @Column.nvarchar(200, { nullable: true }) note!: string | null;\n'));
      const { before, after, up, down } = await migrateAndBack(suite);
      for (const script of [up, down]) {
        expect(script.indexOf('DISABLE CHANGE_TRACKING;')).toBeGreaterThan(-1);
        expect(script.indexOf('DISABLE CHANGE_TRACKING;')).toBeLessThan(script.indexOf('DROP CONSTRAINT [pk_orders]'));
        expect(script.lastIndexOf('ENABLE CHANGE_TRACKING')).toBeGreaterThan(script.indexOf('ADD CONSTRAINT [pk_orders] PRIMARY KEY'));
      }
      expect(before.change_tracking_tables).toEqual([{ table: 'dbo.orders', is_track_columns_updated_on: false }]);
      expect(after.change_tracking_tables).toEqual([{ table: 'dbo.orders', is_track_columns_updated_on: true }]);
      expect(await queryRows(suite.target.url, 'SELECT COUNT(*) AS n FROM dbo.orders')).toEqual([{ n: 2 }]);

      await pullPlansNothing(suite, 'orders.schema.ts', (text) => expect(text).toContain('changeTracking: { trackColumnsUpdated: true }'));
    }, 240_000);

    // CDC needs SQL Server Agent's edition and jobs on a real server; the stand-in keeps its metadata.
    (spec.name === 'stand-in' ? it : it.skip)('plans a CDC table\'s column change with a warning naming its capture instance', async () => {
      suite.project.write('orders.schema.ts', schema("'id'", 'true'));
      expectExit(await suite.project.run(['apply', ...suite.db(), '--auto-approve', ...FAST]), 0);
      await execAll(suite.target.url, ['EXEC sys.sp_cdc_enable_db;', "EXEC sys.sp_cdc_enable_table @source_schema = N'dbo', @source_name = N'orders', @role_name = NULL;"]);
      await suite.planIsEmpty();
      suite.project.write('orders.schema.ts', schema("'id'", 'true', '  @Column.int({ nullable: true }) returned!: number | null;\n'));
      const plan = await suite.project.run(['plan', ...suite.db(), ...FAST]);
      expectExit(plan, 0);
      expect(plan.stdout).toMatch(/dbo\.orders is tracked by change data capture \(capture instance dbo_orders\); this plan adds returned/);
      await execAll(suite.target.url, ["EXEC sys.sp_cdc_disable_table @source_schema = N'dbo', @source_name = N'orders', @capture_instance = N'all';"]);
    }, 120_000);
  });
}
