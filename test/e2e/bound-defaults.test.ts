/**
 * Bound defaults and rules over the wire: a legacy table with CREATE DEFAULT / CREATE RULE bound
 * to a column (and rows) pulls to files that plan nothing; declaring a default on the bound
 * column unbinds it and adds the constraint (SQL Server refuses it otherwise, Msg 1781), plans
 * empty after, with the column's type changed under its bound rule in the same plan; the down
 * script drops the constraint and binds the default again.
 */
import { expectExit } from './support/project';
import { execAll } from './support/sqlcmd';
import { e2eTargets } from './real-server';
import { liveSuite } from './support/live-suite';
import { migrateAndBack } from './support/migrate-and-back';
import { pullPlansNothing } from './support/round-trip';

for (const spec of e2eTargets()) {
  describe(`bound defaults and rules on the ${spec.name}`, () => {
    const suite = liveSuite(spec, { example: false, dropTables: ['dbo.stock'] });

    it('pulls them as comments, replaces the bound default by a declared one, and the down script binds it again', async () => {
      // Each CREATE DEFAULT / CREATE RULE alone in its batch, as SQL Server requires.
      await execAll(suite.target.url, [
        'CREATE TABLE dbo.stock (id int NOT NULL CONSTRAINT pk_stock PRIMARY KEY, qty int NOT NULL);',
        'CREATE DEFAULT dbo.zero AS 0', 'CREATE RULE dbo.positive AS @v >= 0',
        "EXEC sp_bindefault 'dbo.zero', 'dbo.stock.qty'; EXEC sp_bindrule 'dbo.positive', 'dbo.stock.qty';",
        'INSERT INTO dbo.stock (id) VALUES (1), (2);',
      ]);
      await pullPlansNothing(suite, 'stock.schema.ts', (text) => expect(text).toContain('// Bound default dbo.zero: CREATE DEFAULT dbo.zero AS 0'));

      suite.project.write('stock.schema.ts', `import { Column, PrimaryKey, Table } from 'schemac';

@Table('stock')
@PrimaryKey('pk_stock', ['id'], { clustered: true })
export class Stock {
  @Column.int() id!: number;
  @Column.bigint({ default: 0 }) qty!: number;
}
`);
      const { after, before, up, down } = await migrateAndBack(suite);
      expect(up).toMatch(/EXEC sp_unbindefault N'\[dbo\]\.\[stock\]\.\[qty\]';[\s\S]*ADD CONSTRAINT \[df_stock_qty\] DEFAULT/);
      // The type change too: SQL Server refuses it while the rule is bound, so the rule is unbound around it, both ways.
      expect(up).toMatch(/EXEC sp_unbindrule N'\[dbo\]\.\[stock\]\.\[qty\]';[\s\S]*ALTER COLUMN \[qty\] bigint[\s\S]*EXEC sp_bindrule N'\[dbo\]\.\[positive\]', N'\[dbo\]\.\[stock\]\.\[qty\]';/);
      expect(down).toContain("EXEC sp_bindefault N'[dbo].[zero]', N'[dbo].[stock].[qty]';");
      expect(before.columns).toContainEqual(expect.objectContaining({ table: 'dbo.stock', name: 'qty', default_object_id: 'dbo.zero', rule_object_id: 'dbo.positive' }));
      expect(after.columns).toContainEqual(expect.objectContaining({ table: 'dbo.stock', name: 'qty', default_object_id: 'df_stock_qty', rule_object_id: 'dbo.positive' }));
      expectExit(await suite.project.run(['plan', ...suite.db(), '--no-type-check', '--detailed-exitcode']), 0);
    }, 240_000);
  });
}
