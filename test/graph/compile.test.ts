/**
 * SQL Graph in the schema: `graph: 'node' | 'edge'` on @Table and @Connection edge constraints
 * compile to Table.graph / Table.edgeConstraints; misuse is SC1119 / SC1307 at file:line:col.
 */
import { compileOne, where } from '../compiler/compile-helpers';

const imports = "import { Column, Connection, Table } from 'schemac';\n";

function compile(source: string, typeCheck = false) {
  return compileOne('g.schema.ts', `${imports}${source}`, typeCheck);
}

const nodes = `
@Table('person', { graph: 'node' })
export class Person {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.nvarchar(100) name!: string;
}
@Table('city', { graph: 'node', schema: 'geo' })
export class City {
  @Column.int({ primaryKey: true }) id!: number;
}
`;

describe('graph tables compile', () => {
  it('node and edge tables, an edge table with no columns, and edge constraints with their clauses', () => {
    const { result, found } = compile(`${nodes}
@Table('lives_in', { graph: 'edge' })
@Connection('ec_lives_in', [{ from: () => Person, to: () => City }, { from: () => Person, to: () => Person }], { onDelete: 'CASCADE' })
export class LivesIn {
  @Column.int({ nullable: true }) since!: number | null;
}
@Table('likes', { graph: 'edge' })
@Connection([{ from: () => Person, to: () => Person }])
export class Likes {}
@Table('plain')
export class Plain {
  @Column.int({ primaryKey: true }) id!: number;
}`, true); // type-checked: graph and @Connection are part of the API's types
    expect(found).toEqual([]);
    const t = (name: string) => result.database.tables.find((x) => x.name === name);
    expect(t('person')?.graph).toBe('node');
    expect(t('city')).toMatchObject({ graph: 'node', schema: 'geo' });
    expect(t('plain')).not.toHaveProperty('graph');
    expect(t('plain')).not.toHaveProperty('edgeConstraints');
    expect(t('likes')).toMatchObject({ graph: 'edge', columns: [] });
    expect(t('likes')?.edgeConstraints).toEqual([expect.objectContaining({
      name: 'ec_likes', isSystemNamed: false, onDelete: 'NO_ACTION',
      connections: [{ fromSchema: 'dbo', fromTable: 'person', toSchema: 'dbo', toTable: 'person' }],
    })]);
    expect(t('lives_in')?.edgeConstraints).toEqual([expect.objectContaining({
      name: 'ec_lives_in', onDelete: 'CASCADE',
      connections: [
        { fromSchema: 'dbo', fromTable: 'person', toSchema: 'geo', toTable: 'city' },
        { fromSchema: 'dbo', fromTable: 'person', toSchema: 'dbo', toTable: 'person' },
      ],
    })]);
  });

  it('refuses an edge constraint on a node table or an ordinary table, and a clause naming a table that is not a node table', () => {
    const { files, found, messages } = compile(`${nodes}
@Table('likes', { graph: 'edge' })
export class Likes {}
@Table('plain')
@Connection('ec_plain', [{ from: () => Person, to: () => City }])
export class Plain { @Column.int() id!: number; }
@Table('other', { graph: 'node' })
@Connection('ec_other', [{ from: () => Person, to: () => City }])
export class Other { @Column.int() id!: number; }
@Table('bad', { graph: 'edge' })
@Connection('ec_bad', [{ from: () => Person, to: () => Plain }, { from: () => Likes, to: () => City }])
export class Bad {}`);
    expect(found.sort()).toEqual([
      `SC1307 ${where(files, 'g.schema.ts', "@Connection('ec_plain'")}`,
      `SC1307 ${where(files, 'g.schema.ts', "@Connection('ec_other'")}`,
      `SC1307 ${where(files, 'g.schema.ts', '() => Plain }')}`,
      `SC1307 ${where(files, 'g.schema.ts', '() => Likes')}`,
    ].sort());
    expect(messages.join('\n')).toMatch(/ec_plain is on table dbo\.plain, which is not a graph table; edge constraints belong on edge tables/);
    expect(messages.join('\n')).toMatch(/ec_other is on table dbo\.other, which is a node table/);
    expect(messages.join('\n')).toMatch(/ec_bad names table dbo\.plain, which is not a graph table; both tables of a clause must be node tables/);
    expect(messages.join('\n')).toMatch(/ec_bad names table dbo\.likes, which is an edge table/);
  });

  it('refuses a bad graph value, a versioned graph table, a node table without columns, a bad onDelete, an empty clause list and a name used twice', () => {
    const { files, found } = compile(`${nodes}
@Table('x', { graph: 'vertex' as 'node' })
export class X { @Column.int() id!: number; }
@Table('empty_node', { graph: 'node' })
export class EmptyNode {}
@Table('versioned', { graph: 'node', systemVersioning: true })
export class Versioned {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.datetime2(7, { generatedAlways: 'rowStart' }) validFrom!: Date;
  @Column.datetime2(7, { generatedAlways: 'rowEnd' }) validTo!: Date;
}
@Table('e', { graph: 'edge' })
@Connection('ec_e', [{ from: () => Person, to: () => City }], { onDelete: 'SET_NULL' as 'CASCADE' })
@Connection('ec_e2', [])
@Connection('person', [{ from: () => Person, to: () => City }])
export class E {}`);
    expect(found.sort()).toEqual([
      `SC1119 ${where(files, 'g.schema.ts', "'vertex'")}`,
      `SC1119 ${where(files, 'g.schema.ts', "'node' })\nexport class EmptyNode")}`,
      `SC1119 ${where(files, 'g.schema.ts', 'true })\nexport class Versioned')}`,
      `SC1307 ${where(files, 'g.schema.ts', "'SET_NULL'")}`,
      `SC1307 ${where(files, 'g.schema.ts', '[])')}`,
      // The collision is reported once, at the table the edge constraint's name takes.
      `SC1201 ${where(files, 'g.schema.ts', "'person'")}`,
    ].sort());
  });
});
