/**
 * Typed XML over the wire: a column typed by an XML schema collection is created, read back from
 * sys.columns.xml_collection_id and planned empty; typing an untyped column with rows applies,
 * plans nothing after, and is undone by the DOWN script; pull writes the collection back.
 */
import { expectExit } from './support/project';
import { execAll } from './support/sqlcmd';
import { e2eTargets } from './real-server';
import { liveSuite } from './support/live-suite';
import { migrateAndBack } from './support/migrate-and-back';
import { pullPlansNothing } from './support/round-trip';

const FAST = ['--no-type-check'];

const SCHEMA = `import { Column, PrimaryKey, Table } from 'schemac';

@Table('candidates')
@PrimaryKey('pk_candidates', ['id'], { clustered: true })
export class Candidate {
  @Column.int() id!: number;
  @Column.xml({ nullable: true, schemaCollection: 'dbo.ResumeSchema' }) resume!: string | null;
  @Column.xml({ nullable: true }) notes!: string | null;
}
`;

const COLLECTION = `<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"><xsd:element name="note" type="xsd:string"/><xsd:element name="resume" type="xsd:string"/></xsd:schema>`;

for (const spec of e2eTargets()) {
  describe(`typed XML on the ${spec.name}`, () => {
    const suite = liveSuite(spec, { example: false, dropTables: ['dbo.candidates'] });

    it('creates a typed column, types another one with rows and back, and pulls the typing', async () => {
      await execAll(suite.target.url, [
        "IF EXISTS (SELECT 1 FROM sys.xml_schema_collections WHERE name = N'ResumeSchema') DROP XML SCHEMA COLLECTION dbo.ResumeSchema;",
        `CREATE XML SCHEMA COLLECTION dbo.ResumeSchema AS N'${COLLECTION}';`,
      ]);
      suite.project.write('candidates.schema.ts', SCHEMA);
      expectExit(await suite.project.run(['apply', ...suite.db(), '--auto-approve', ...FAST]), 0);
      await suite.planIsEmpty();
      const created = await suite.snapshot();
      expect(created.columns).toContainEqual(expect.objectContaining({ table: 'dbo.candidates', name: 'resume', xml_collection_schema: 'dbo', xml_collection_name: 'ResumeSchema', is_xml_document: false }));
      await execAll(suite.target.url, ["INSERT INTO dbo.candidates (id, notes) VALUES (1, N'<note>hello</note>');"]);

      suite.project.edit('candidates.schema.ts', '@Column.xml({ nullable: true }) notes', "@Column.xml({ nullable: true, schemaCollection: 'ResumeSchema', document: true }) notes");
      const { after, up } = await migrateAndBack(suite);
      expect(up).toContain('ALTER TABLE [dbo].[candidates] ALTER COLUMN [notes] xml(DOCUMENT [dbo].[ResumeSchema]) NULL;');
      expect(after.columns).toContainEqual(expect.objectContaining({ table: 'dbo.candidates', name: 'notes', xml_collection_name: 'ResumeSchema', is_xml_document: true }));

      await pullPlansNothing(suite, 'candidates.schema.ts', (text) => expect(text).toContain("schemaCollection: 'dbo.ResumeSchema', document: true"));
      await execAll(suite.target.url, ['DROP TABLE dbo.candidates;', 'DROP XML SCHEMA COLLECTION dbo.ResumeSchema;']);
    }, 240_000);
  });
}
