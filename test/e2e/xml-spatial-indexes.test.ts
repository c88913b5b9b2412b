/**
 * XML and spatial indexes over the wire, with rows: a table made by hand with a primary XML index
 * and a geography index is pulled and plans nothing; then the schema adds a secondary XML index, a
 * geometry column with a GEOMETRY_GRID index, makes the xml column NOT NULL and widens the
 * clustered primary key (int -> bigint). The plan drops every XML and spatial index before the
 * key and the column change and builds them again after (primary before secondary); it applies,
 * plans empty, its DOWN script restores the catalog exactly, and it applies again.
 */
import * as fs from 'fs';
import * as path from 'path';
import { expectExit } from './support/project';
import { execAll } from './support/sqlcmd';
import { e2eTargets } from './real-server';
import { liveSuite } from './support/live-suite';
import { migrateAndBack } from './support/migrate-and-back';

const SETUP = [
  `CREATE TABLE dbo.docs (id int NOT NULL CONSTRAINT pk_docs PRIMARY KEY CLUSTERED, title nvarchar(50) NOT NULL, body xml NULL, place geography NULL);`,
  `INSERT INTO dbo.docs (id, title, body) VALUES (1, N'one', N'<doc n="1"/>'), (2, N'two', N'<doc n="2"><p>x</p></doc>'), (3, N'three', N'<doc/>');`,
  'CREATE PRIMARY XML INDEX pxml_docs_body ON dbo.docs (body);',
  'CREATE SPATIAL INDEX six_docs_place ON dbo.docs (place) USING GEOGRAPHY_GRID WITH (GRIDS = (LEVEL_1 = LOW), CELLS_PER_OBJECT = 32);',
];

const CHANGED = `import { Column, PrimaryKey, SpatialIndex, Table, XmlIndex } from 'schemac';

@Table('docs')
@PrimaryKey('pk_docs', ['id'], { clustered: true })
@XmlIndex('pxml_docs_body', 'body')
@XmlIndex('xpath_docs_body', 'body', { using: 'pxml_docs_body', for: 'PATH' })
@SpatialIndex('six_docs_place', 'place', { using: 'GEOGRAPHY_GRID', grids: { level1: 'LOW' }, cellsPerObject: 32 })
@SpatialIndex('six_docs_shape', 'shape', { using: 'GEOMETRY_GRID', boundingBox: { xmin: 0, ymin: 0, xmax: 500, ymax: 200 }, fillFactor: 90 })
export class Doc {
  @Column.bigint() id!: number;
  @Column.nvarchar(50) title!: string;
  @Column.xml() body!: string;
  @Column.geography({ nullable: true }) place!: string | null;
  @Column.geometry({ nullable: true }) shape!: string | null;
}
`;

for (const spec of e2eTargets()) {
  describe(`XML and spatial indexes on the ${spec.name}`, () => {
    const suite = liveSuite(spec, { example: false, dropTables: ['dbo.docs'] });

    it('pulls them, then rebuilds them around a key and column change, there and back', async () => {
      await execAll(suite.target.url, SETUP);
      expectExit(await suite.project.run(['pull', ...suite.db(), '--force']), 0);
      const pulled = fs.readFileSync(path.join(suite.project.dir, 'schema', 'docs.schema.ts'), 'utf8');
      expect(pulled).toContain("@XmlIndex('pxml_docs_body', 'body')");
      expect(pulled).toContain("@SpatialIndex('six_docs_place', 'place', { using: 'GEOGRAPHY_GRID', grids: { level1: 'LOW' }, cellsPerObject: 32 })");
      await suite.planIsEmpty();

      suite.project.write('docs.schema.ts', CHANGED);
      const { after, up, down } = await migrateAndBack(suite);
      const at = (script: string, text: string) => {
        const i = script.indexOf(text);
        if (i < 0) throw new Error(`not in the script: ${text}`);
        return i;
      };
      // Up: the indexes go before the key, come back after it, the primary before its secondary.
      expect(at(up, 'DROP INDEX [pxml_docs_body]')).toBeLessThan(at(up, 'DROP CONSTRAINT [pk_docs]'));
      expect(at(up, 'DROP INDEX [six_docs_place]')).toBeLessThan(at(up, 'DROP CONSTRAINT [pk_docs]'));
      expect(at(up, 'ADD CONSTRAINT [pk_docs] PRIMARY KEY CLUSTERED')).toBeLessThan(at(up, 'CREATE PRIMARY XML INDEX [pxml_docs_body]'));
      expect(at(up, 'CREATE PRIMARY XML INDEX [pxml_docs_body]')).toBeLessThan(at(up, 'CREATE XML INDEX [xpath_docs_body] ON [dbo].[docs] ([body]) USING XML INDEX [pxml_docs_body] FOR PATH;'));
      expect(up).toContain('CREATE SPATIAL INDEX [six_docs_shape] ON [dbo].[docs] ([shape]) USING GEOMETRY_GRID WITH (BOUNDING_BOX = (XMIN = 0, YMIN = 0, XMAX = 500, YMAX = 200), GRIDS = (LEVEL_1 = MEDIUM, LEVEL_2 = MEDIUM, LEVEL_3 = MEDIUM, LEVEL_4 = MEDIUM), CELLS_PER_OBJECT = 16, FILLFACTOR = 90);');
      // The key and the ALTER COLUMN go online where the edition allows; XML and spatial indexes never do.
      expect(up).toContain('ADD CONSTRAINT [pk_docs] PRIMARY KEY CLUSTERED ([id]) WITH (ONLINE = ON);');
      expect(up).not.toMatch(/(XML|SPATIAL) INDEX [^\n]*ONLINE/);
      // Down: the secondary goes before its primary, and every index before the key goes back to int.
      expect(at(down, 'DROP INDEX [xpath_docs_body]')).toBeLessThan(at(down, 'DROP INDEX [pxml_docs_body]'));
      expect(at(down, 'DROP INDEX [six_docs_shape]')).toBeLessThan(at(down, 'DROP COLUMN [shape]'));
      expect(after.xml_indexes).toEqual([
        expect.objectContaining({ index: 'dbo.docs.pxml_docs_body', using: null, xml_index_type: 0 }),
        expect.objectContaining({ index: 'dbo.docs.xpath_docs_body', using: 'pxml_docs_body', secondary_type_desc: 'PATH', xml_index_type: 1 }),
      ]);
      expect(after.spatial_index_tessellations).toEqual([
        expect.objectContaining({ index: 'dbo.docs.six_docs_place', tessellation_scheme: 'GEOGRAPHY_GRID', level_1_grid_desc: 'LOW', level_2_grid_desc: 'MEDIUM', cells_per_object: 32 }),
        expect.objectContaining({ index: 'dbo.docs.six_docs_shape', tessellation_scheme: 'GEOMETRY_GRID', bounding_box_xmax: 500, cells_per_object: 16 }),
      ]);
      expect(after.row_counts).toEqual([expect.objectContaining({ table: 'dbo.docs', rows: 3 })]);
    }, 240_000);
  });
}
