/**
 * NOT FOR REPLICATION over the wire, on identity columns, foreign keys and checks (as
 * AdventureWorks declares them): created from nothing and read back as SQL Server stores them
 * (the check and the foreign key untrusted, which is no reason to re-validate them), planned
 * empty afterwards; then each flag flipped over rows, applied, converged, undone exactly by the
 * DOWN script and applied again; and pulled back to files that plan nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { expectExit, shown, tempProject } from './support/project';
import { execAll } from './support/sqlcmd';
import { migrateAndBack } from './support/migrate-and-back';
import { e2eTargets } from './real-server';
import { liveSuite } from './support/live-suite';

const FAST = ['--no-type-check'];

const SCHEMA = `import { Check, Column, ForeignKey, Table, sql } from 'schemac';

@Table('order_heads')
export class OrderHead {
  @Column.int({ identity: [1, 1], notForReplication: true, primaryKey: { name: 'pk_order_heads', clustered: true } }) id!: number;
  @Column.varchar(20) code!: string;
}

@Table('order_lines')
@ForeignKey('fk_order_lines_head', ['headId'], () => OrderHead, ['id'], { onDelete: 'CASCADE', notForReplication: true })
@Check('ck_order_lines_qty', sql\`[qty] > 0\`, { notForReplication: true })
export class OrderLine {
  @Column.int({ identity: true, primaryKey: { name: 'pk_order_lines', clustered: true } }) id!: number;
  @Column.int() headId!: number;
  @Column.int() qty!: number;
}
`;

type Row = Record<string, unknown>;
const find = (rows: unknown[] | undefined, match: Row): Row | undefined =>
  (rows as Row[] | undefined)?.find((r) => Object.entries(match).every(([k, v]) => r[k] === v));

for (const spec of e2eTargets()) {
  describe(`NOT FOR REPLICATION on the ${spec.name}`, () => {
    const suite = liveSuite(spec, { example: false, dropTables: [] });
    const { snapshot, planIsEmpty } = suite;

    beforeAll(() => suite.project.write('orders.schema.ts', SCHEMA));

    it('creates the three flags, reads them back, and plans nothing after (rows included)', async () => {
      expectExit(await suite.project.run(['apply', '--database', suite.target.url, '--auto-approve', ...FAST]), 0);
      await execAll(suite.target.url, [
        "INSERT INTO dbo.order_heads (code) VALUES ('a'), ('b');",
        'INSERT INTO dbo.order_lines (head_id, qty) VALUES (1, 2), (2, 5), (2, 1);',
      ]);
      await planIsEmpty();
      const s = await snapshot();
      expect(find(s.columns, { table: 'dbo.order_heads', name: 'id' })).toMatchObject({ is_identity: true, is_not_for_replication: true });
      expect(find(s.columns, { table: 'dbo.order_lines', name: 'id' })).toMatchObject({ is_identity: true, is_not_for_replication: false });
      // SQL Server keeps NOT FOR REPLICATION constraints untrusted; schemac does not re-validate them.
      expect(find(s.check_constraints, { name: 'ck_order_lines_qty' })).toMatchObject({ is_not_for_replication: true, is_not_trusted: true });
      expect(find(s.foreign_keys, { name: 'fk_order_lines_head' })).toMatchObject({ is_not_for_replication: true, is_not_trusted: true });
    }, 240_000);

    it('drops NOT FOR REPLICATION from the identity in place, keeping its values; the way down adds it back', async () => {
      suite.project.edit('orders.schema.ts', "identity: [1, 1], notForReplication: true,", 'identity: [1, 1],');
      const { after, up, down } = await migrateAndBack(suite);
      expect(up).toContain('ALTER TABLE [dbo].[order_heads] ALTER COLUMN [id] DROP NOT FOR REPLICATION;');
      expect(down).toContain('ALTER TABLE [dbo].[order_heads] ALTER COLUMN [id] ADD NOT FOR REPLICATION;');
      expect(find(after.columns, { table: 'dbo.order_heads', name: 'id' })).toMatchObject({ is_not_for_replication: false });
      expect(find(after.row_counts, { table: 'dbo.order_heads' })).toMatchObject({ rows: 2 });
    }, 240_000);

    it('re-creates the foreign key without the flag, checked over the rows; the way down brings it back', async () => {
      suite.project.edit('orders.schema.ts', "{ onDelete: 'CASCADE', notForReplication: true }", "{ onDelete: 'CASCADE' }");
      const { after, up, down } = await migrateAndBack(suite);
      expect(up).toContain('ALTER TABLE [dbo].[order_lines] ADD CONSTRAINT [fk_order_lines_head] FOREIGN KEY ([head_id]) REFERENCES [dbo].[order_heads] ([id]) ON DELETE CASCADE;');
      expect(down).toContain('REFERENCES [dbo].[order_heads] ([id]) ON DELETE CASCADE NOT FOR REPLICATION;');
      expect(find(after.foreign_keys, { name: 'fk_order_lines_head' })).toMatchObject({ is_not_for_replication: false, is_not_trusted: false });
    }, 240_000);

    it('re-creates the check without the flag; the way down brings it back', async () => {
      suite.project.edit('orders.schema.ts', '{ notForReplication: true })\nexport class OrderLine', ')\nexport class OrderLine');
      const { after, up, down } = await migrateAndBack(suite);
      expect(up).toContain('ALTER TABLE [dbo].[order_lines] ADD CONSTRAINT [ck_order_lines_qty] CHECK ([qty] > 0);');
      expect(down).toContain('CHECK NOT FOR REPLICATION ([qty]>(0))');
      expect(find(after.check_constraints, { name: 'ck_order_lines_qty' })).toMatchObject({ is_not_for_replication: false, is_not_trusted: false });
    }, 240_000);

    it('sets all three again and pulls the database back to files that write them and plan nothing', async () => {
      suite.project.write('orders.schema.ts', SCHEMA);
      expectExit(await suite.project.run(['apply', '--database', suite.target.url, '--auto-approve', ...FAST]), 0);
      await planIsEmpty();
      const pulled = tempProject(false);
      try {
        expectExit(await pulled.run(['pull', '--database', suite.target.url, '--out', 'schema']), 0);
        const text = fs.readdirSync(path.join(pulled.dir, 'schema')).map((f) => pulled.read(f)).join('\n');
        expect(text.match(/notForReplication: true/g)).toHaveLength(3);
        const plan = await pulled.run(['plan', '--database', suite.target.url, '--detailed-exitcode', ...FAST]);
        if (plan.code !== 0) throw new Error(`plan after pull is not empty: ${shown(plan)}`);
      } finally {
        pulled.remove();
      }
    }, 240_000);
  });
}
