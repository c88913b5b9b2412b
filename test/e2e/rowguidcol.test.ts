/**
 * ROWGUIDCOL over the wire: created from nothing and planned empty; a change of the column under
 * it (NULL -> NOT NULL, with rows) applies, since the plan drops the property around the ALTER
 * COLUMN SQL Server would refuse; the DOWN script restores the catalog; pull writes the option.
 */
import { expectExit } from './support/project';
import { execAll } from './support/sqlcmd';
import { e2eTargets } from './real-server';
import { liveSuite } from './support/live-suite';
import { migrateAndBack } from './support/migrate-and-back';
import { pullPlansNothing } from './support/round-trip';

const FAST = ['--no-type-check'];

const SCHEMA = `import { Column, PrimaryKey, Table, sql } from 'schemac';

@Table('documents')
@PrimaryKey('pk_documents', ['id'], { clustered: true })
export class Document {
  @Column.int() id!: number;
  @Column.uniqueidentifier({ nullable: true, rowguidcol: true, default: sql\`newsequentialid()\` }) rowguid!: string | null;
}
`;

for (const spec of e2eTargets()) {
  describe(`ROWGUIDCOL on the ${spec.name}`, () => {
    const suite = liveSuite(spec, { example: false, dropTables: ['dbo.documents'] });

    it('creates it, alters the column under it with rows and back, and pulls it', async () => {
      suite.project.write('documents.schema.ts', SCHEMA);
      expectExit(await suite.project.run(['apply', ...suite.db(), '--auto-approve', ...FAST]), 0);
      await suite.planIsEmpty();
      expect((await suite.snapshot()).columns).toContainEqual(expect.objectContaining({ table: 'dbo.documents', name: 'rowguid', is_rowguidcol: true }));
      await execAll(suite.target.url, ['INSERT INTO dbo.documents (id) VALUES (1), (2);']);

      suite.project.edit('documents.schema.ts', '{ nullable: true, rowguidcol: true,', '{ rowguidcol: true,');
      suite.project.edit('documents.schema.ts', 'rowguid!: string | null;', 'rowguid!: string;');
      const { after, up } = await migrateAndBack(suite);
      expect(up).toContain('ALTER TABLE [dbo].[documents] ALTER COLUMN [rowguid] DROP ROWGUIDCOL;');
      expect(up).toContain('ALTER TABLE [dbo].[documents] ALTER COLUMN [rowguid] ADD ROWGUIDCOL;');
      expect(after.columns).toContainEqual(expect.objectContaining({ table: 'dbo.documents', name: 'rowguid', is_nullable: false, is_rowguidcol: true }));

      await pullPlansNothing(suite, 'documents.schema.ts', (text) => expect(text).toContain('rowguidcol: true'));
    }, 240_000);
  });
}
