/**
 * XML_COMPRESSION (SQL Server 2022+) over the wire: created from nothing on a table and an index
 * and planned empty; with rows, the table's and the index's are turned off (one REBUILD each), the
 * DOWN script restores the catalog; pull writes the option.
 */
import { expectExit } from './support/project';
import { execAll } from './support/sqlcmd';
import { e2eTargets } from './real-server';
import { liveSuite } from './support/live-suite';
import { migrateAndBack } from './support/migrate-and-back';
import { pullPlansNothing } from './support/round-trip';

const FAST = ['--no-type-check'];

const SCHEMA = `import { Column, Index, Table } from 'schemac';

@Table('documents', { xmlCompression: true })
@Index('ix_documents_code', ['code'], { include: ['body'], xmlCompression: true })
export class Document {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.varchar(20) code!: string;
  @Column.xml({ nullable: true }) body!: string | null;
}
`;

for (const spec of e2eTargets()) {
  describe(`XML_COMPRESSION on the ${spec.name}`, () => {
    const suite = liveSuite(spec, { example: false, dropTables: ['dbo.documents'] });

    it('creates it on the table and an index, rebuilds both off with rows and back, and pulls it', async () => {
      suite.project.write('documents.schema.ts', SCHEMA);
      expectExit(await suite.project.run(['apply', ...suite.db(), '--auto-approve', ...FAST]), 0);
      await suite.planIsEmpty();
      expect((await suite.snapshot()).partitions).toEqual(expect.arrayContaining([
        expect.objectContaining({ index: 'dbo.documents.pk_documents', xml_compression_desc: 'ON' }),
        expect.objectContaining({ index: 'dbo.documents.ix_documents_code', xml_compression_desc: 'ON' }),
      ]));
      await execAll(suite.target.url, ["INSERT INTO dbo.documents (id, code, body) VALUES (1, 'a', N'<a/>'), (2, 'b', NULL);"]);

      suite.project.edit('documents.schema.ts', "@Table('documents', { xmlCompression: true })", "@Table('documents')");
      suite.project.edit('documents.schema.ts', "include: ['body'], xmlCompression: true", "include: ['body'], xmlCompression: false");
      const { after, up, down } = await migrateAndBack(suite);
      // Online where the edition has it.
      expect(up).toMatch(/ALTER TABLE \[dbo\]\.\[documents\] REBUILD WITH \(XML_COMPRESSION = OFF[,)]/);
      expect(up).toMatch(/ALTER INDEX \[ix_documents_code\] ON \[dbo\]\.\[documents\] REBUILD WITH \(XML_COMPRESSION = OFF[,)]/);
      expect(down).toMatch(/ALTER TABLE \[dbo\]\.\[documents\] REBUILD WITH \(XML_COMPRESSION = ON[,)]/);
      expect(after.partitions).not.toContainEqual(expect.objectContaining({ xml_compression_desc: 'ON' }));

      suite.project.write('documents.schema.ts', SCHEMA);
      expectExit(await suite.project.run(['apply', ...suite.db(), '--auto-approve', ...FAST]), 0);
      await pullPlansNothing(suite, 'documents.schema.ts', (text) => {
        expect(text).toContain("@Table('documents', { xmlCompression: true })");
        expect(text).toContain('xmlCompression: true })');
      });
    }, 240_000);
  });
}
