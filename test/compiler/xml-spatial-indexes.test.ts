/**
 * @XmlIndex and @SpatialIndex: compiled to the model with SQL Server's defaults filled in (so the
 * catalog's reading compares equal), and every definition SQL Server refuses reported at the
 * file:line:col where it was written (SC1514 XML, SC1515 spatial, SC1512 an option they do not take).
 */
import { compileFiles, where } from './compile-helpers';

const imports = "import { Column, Index, SpatialIndex, Table, XmlIndex } from 'schemac';\n";

function compile(source: string, typeCheck = false) {
  const files = { 't.schema.ts': `${imports}${source}` };
  const c = compileFiles(files, { typeCheck });
  const found = c.result.diagnostics.map((d) => `${d.code} ${d.source?.file.split('/').pop()}:${d.source?.line}:${d.source?.column}`);
  return { ...c, files, found };
}

const TABLE = (decorators: string, pk = '{ primaryKey: { clustered: true } }') => `
${decorators}
export class Doc {
  @Column.int(${pk}) id!: number;
  @Column.xml({ nullable: true }) body!: string | null;
  @Column.xml({ nullable: true }) other!: string | null;
  @Column.geometry({ nullable: true }) shape!: string | null;
  @Column.geography({ nullable: true }) place!: string | null;
  @Column.int({ nullable: true }) n!: number | null;
}`;

describe('XML and spatial indexes compile to the model', () => {
  it('fills in what SQL Server fills in: schemes, grids, cells per object; secondaries name their primary', () => {
    const { result, found } = compile(`@Table('docs')
@XmlIndex('pxml_{table}_body', 'body')
@XmlIndex('xpath_{table}_body', 'body', { using: 'pxml_{table}_body', for: 'PATH', fillFactor: 80 })
@SpatialIndex('six_{table}_place', 'place')
@SpatialIndex('six_{table}_shape', 'shape', { using: 'GEOMETRY_GRID', boundingBox: { xmin: -10.5, ymin: 0, xmax: 500, ymax: 200 }, grids: { level1: 'LOW', level4: 'HIGH' }, dataCompression: 'PAGE' })
@SpatialIndex('six_{table}_shape_auto', 'shape', { boundingBox: { xmin: 0, ymin: 0, xmax: 1, ymax: 1 }, cellsPerObject: 20 })${TABLE('')}`, true);
    expect(found).toEqual([]);
    const docs = result.database.tables.find((t) => t.name === 'docs');
    const byName = new Map(docs?.indexes.map((i) => [i.name, i]));
    expect(byName.get('pxml_docs_body')).toMatchObject({ columns: [{ name: 'body', descending: false }], unique: false, clustered: false, include: [], filter: null, xml: { kind: 'primary' } });
    expect(byName.get('xpath_docs_body')).toMatchObject({ xml: { kind: 'secondary', using: 'pxml_docs_body', for: 'PATH' }, fillFactor: 80 });
    expect(byName.get('six_docs_place')?.spatial).toEqual({ tessellation: 'GEOGRAPHY_AUTO_GRID', cellsPerObject: 12 });
    expect(byName.get('six_docs_shape')?.spatial).toEqual({
      tessellation: 'GEOMETRY_GRID', boundingBox: { xmin: -10.5, ymin: 0, xmax: 500, ymax: 200 }, grids: ['LOW', 'MEDIUM', 'MEDIUM', 'HIGH'], cellsPerObject: 16,
    });
    expect(byName.get('six_docs_shape')?.dataCompression).toBe('PAGE');
    expect(byName.get('six_docs_shape_auto')?.spatial).toEqual({ tessellation: 'GEOMETRY_AUTO_GRID', boundingBox: { xmin: 0, ymin: 0, xmax: 1, ymax: 1 }, cellsPerObject: 20 });
  });

  it('reports what SQL Server refuses, each at its file:line:col', () => {
    const { files, found } = compile(`@Table('docs')
@XmlIndex('pxml_n', 'n')
@XmlIndex('pxml_body', 'body')
@XmlIndex('pxml_body_2', 'body')
@XmlIndex('xpath_other', 'other', { using: 'pxml_body', for: 'PATH' })
@XmlIndex('xvalue_body', 'body', { using: 'nope', for: 'VALUE' })
@XmlIndex('xbad_body', 'body', { using: 'pxml_body' })
@XmlIndex('xwhere_other', 'other', { where: 1 })
@SpatialIndex('six_n', 'n')
@SpatialIndex('six_shape', 'shape')
@SpatialIndex('six_place_box', 'place', { boundingBox: { xmin: 0, ymin: 0, xmax: 1, ymax: 1 } })
@SpatialIndex('six_place_grids', 'place', { using: 'GEOGRAPHY_AUTO_GRID', grids: { level1: 'LOW' } })
@SpatialIndex('six_place_type', 'place', { using: 'GEOMETRY_GRID', boundingBox: { xmin: 0, ymin: 0, xmax: 1, ymax: 1 } })
@SpatialIndex('six_place_cells', 'place', { cellsPerObject: 9000 })
@SpatialIndex('six_shape_box', 'shape', { boundingBox: { xmin: 5, ymin: 0, xmax: 1, ymax: 1 } })${TABLE('')}`);
    const f = 't.schema.ts';
    expect(found.sort()).toEqual([
      `SC1514 ${where(files, f, "'n')", 0)}`,
      `SC1514 ${where(files, f, "@XmlIndex('pxml_body_2'")}`,
      `SC1514 ${where(files, f, "{ using: 'pxml_body', for: 'PATH' }", 0, 9)}`,
      `SC1514 ${where(files, f, "'nope'")}`,
      `SC1514 ${where(files, f, "'pxml_body' })")}`,
      `SC1512 ${where(files, f, '1 })')}`,
      `SC1515 ${where(files, f, "'n')", 1)}`,
      `SC1515 ${where(files, f, "'shape')")}`,
      `SC1515 ${where(files, f, '{ xmin: 0', 0)}`,
      `SC1515 ${where(files, f, "{ level1: 'LOW' }")}`,
      `SC1515 ${where(files, f, "'GEOMETRY_GRID'")}`,
      `SC1515 ${where(files, f, '9000')}`,
      `SC1515 ${where(files, f, '{ xmin: 5')}`,
    ].sort());
  });

  it('needs a clustered primary key on the table', () => {
    const none = compile(`@Table('docs')
@XmlIndex('pxml_body', 'body')
@SpatialIndex('six_place', 'place')${TABLE('', '')}`);
    expect(none.found).toEqual([`SC1514 ${where(none.files, 't.schema.ts', "@XmlIndex('pxml_body'")}`, `SC1515 ${where(none.files, 't.schema.ts', "@SpatialIndex('six_place'")}`]);
    const nonclustered = compile(`@Table('docs')
@Index('ix_docs_n', ['n'], { clustered: true })
@XmlIndex('pxml_body', 'body')${TABLE('', '{ primaryKey: { clustered: false } }')}`);
    expect(nonclustered.result.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/pk_docs of dbo\.docs is nonclustered; declare it clustered: true/)]);
  });
});
