/**
 * LOCK_ESCALATION over the wire: a new table declared with it is created and set in one step and
 * planned empty; changing it (with rows) is one ALTER TABLE ... SET, the down script restores the
 * catalog; pull writes the option, and the pulled files plan nothing.
 */
import { expectExit } from './support/project';
import { execAll } from './support/sqlcmd';
import { e2eTargets } from './real-server';
import { liveSuite } from './support/live-suite';
import { migrateAndBack } from './support/migrate-and-back';
import { pullPlansNothing } from './support/round-trip';

const FAST = ['--no-type-check'];

const schema = (lockEscalation: string) => `import { Column, Table } from 'schemac';

@Table('ledger_entries', { lockEscalation: '${lockEscalation}' })
export class LedgerEntry {
  @Column.int({ primaryKey: { name: 'pk_ledger_entries' } }) id!: number;
  @Column.decimal(12, 2) amount!: string;
}
`;

for (const spec of e2eTargets()) {
  describe(`LOCK_ESCALATION on the ${spec.name}`, () => {
    const suite = liveSuite(spec, { example: false, dropTables: ['dbo.ledger_entries'] });

    it('creates the table with it, changes it with rows and back, and pulls it', async () => {
      suite.project.write('ledger.schema.ts', schema('DISABLE'));
      expectExit(await suite.project.run(['apply', ...suite.db(), '--auto-approve', ...FAST]), 0);
      await suite.planIsEmpty();
      expect((await suite.snapshot()).table_options).toContainEqual(expect.objectContaining({ table: 'dbo.ledger_entries', lock_escalation: 1 }));
      await execAll(suite.target.url, ['INSERT INTO dbo.ledger_entries (id, amount) VALUES (1, 10.50), (2, 3.25);']);

      suite.project.write('ledger.schema.ts', schema('AUTO'));
      const { after, up } = await migrateAndBack(suite);
      expect(up).toContain('ALTER TABLE [dbo].[ledger_entries] SET (LOCK_ESCALATION = AUTO);');
      expect(after.table_options).toContainEqual(expect.objectContaining({ table: 'dbo.ledger_entries', lock_escalation: 2 }));

      await pullPlansNothing(suite, 'ledger_entries.schema.ts', (text) => expect(text).toContain("lockEscalation: 'AUTO'"));
    }, 240_000);
  });
}
