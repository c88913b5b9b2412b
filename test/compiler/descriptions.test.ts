/**
 * Doc comments as descriptions: the text rule (decoration, block tags, inline links, escapes,
 * paragraphs), tables and fields, mixin fields in every inheriting table, the 7,500-byte limit
 * (SC1901 at the comment), and the switch that turns reading them off.
 */
import { descriptionText } from '../../src/compiler/doc-comment';
import { compileFiles, locations, positionOf } from './compile-helpers';

describe('doc comment text', () => {
  test.each([
    ['one line', ' Users of a tenant. ', 'Users of a tenant.'],
    ['decorated lines, paragraphs kept, blank runs and ends trimmed', '\n * First line,\n * second line.\n *\n *\n * Second paragraph.   \n *\n ', 'First line,\nsecond line.\n\nSecond paragraph.'],
    ['relative indentation kept', '\n * Items:\n *   - one\n *   - two\n ', 'Items:\n  - one\n  - two'],
    ['undecorated lines lose their common indentation', '\n    Plain\n      indented\n    text\n  ', 'Plain\n  indented\ntext'],
    ['ends at the first block tag', '\n * Summary.\n * @deprecated use v2\n * more\n ', 'Summary.'],
    ['only tags: no description', '\n * @internal\n ', ''],
    ['inline links become their text or target', ' See {@link Team} and {@link Other | the other table}. ', 'See Team and the other table.'],
    ['escapes written by pull', '\n * a *\\/ b\n * \\@c {\\@link d}\n ', 'a */ b\n@c {@link d}'],
    ['CRLF files', '\r\n * a\r\n * b\r\n ', 'a\nb'],
  ])('%s', (_what, body, expected) => {
    expect(descriptionText(body)).toBe(expected);
  });
});

const MIXIN = [
  "import { Column, Mixin, Table } from 'schemac';",
  '',
  '@Mixin()',
  'export abstract class Base {',
  '  /** Surrogate key. */',
  '  @Column.int({ identity: true, primaryKey: true }) id!: number;',
  '}',
  '',
  '/** Mixin docs describe no table. */',
  '@Mixin()',
  'export abstract class Named extends Base {',
  '  @Column.nvarchar(50) name!: string;',
  '}',
  '',
  '/**',
  ' * Teams.',
  ' */',
  "@Table('teams')",
  'export class Team extends Named {',
  '  /* a block comment is not a doc comment */',
  '  @Column.int({ nullable: true }) size!: number | null;',
  '}',
  '',
  "@Table('people')",
  'export class Person extends Base {',
  '  // a line comment is not either',
  '  /** Given name. */',
  '  @Column.nvarchar(50) given!: string;',
  '}',
  '',
].join('\n');

describe('descriptions from a schema', () => {
  test('table and field comments; a mixin field describes its column in every table', () => {
    const { result } = compileFiles({ 'a.schema.ts': MIXIN }, { typeCheck: false });
    expect(result.diagnostics).toEqual([]);
    const shape = result.database.tables.map((t) => ({ table: t.name, description: t.description, columns: t.columns.map((c) => [c.name, c.description]) }));
    expect(shape).toEqual([
      { table: 'people', description: undefined, columns: [['id', 'Surrogate key.'], ['given', 'Given name.']] },
      { table: 'teams', description: 'Teams.', columns: [['id', 'Surrogate key.'], ['name', undefined], ['size', undefined]] },
    ]);
  });

  test('"descriptions" off: no comment is read', () => {
    const { result } = compileFiles({ 'a.schema.ts': MIXIN }, { typeCheck: false, descriptions: false });
    expect(result.database.tables.flatMap((t) => [t.description, ...t.columns.map((c) => c.description)]).filter((d) => d !== undefined)).toEqual([]);
  });

  test('a comment over 7,500 bytes as nvarchar is SC1901 at the comment, once for a mixin field; 3,750 characters fit', () => {
    const fits = 'x'.repeat(3750);
    const long = 'y'.repeat(3751);
    const text = [
      "import { Column, Mixin, Table } from 'schemac';",
      '@Mixin()',
      'export abstract class Base {',
      `  /** ${long} */`,
      '  @Column.int({ identity: true, primaryKey: true }) id!: number;',
      '}',
      `/** ${fits} */`,
      "@Table('a')",
      'export class A extends Base {}',
      "@Table('b')",
      'export class B extends Base {}',
      '',
    ].join('\n');
    const { result } = compileFiles({ 'a.schema.ts': text }, { typeCheck: false });
    const at = positionOf(text, `/** ${long}`);
    expect(locations(result.diagnostics, 'SC1901')).toEqual([`a.schema.ts:${at.line}:${at.column}`]);
    expect(result.diagnostics.find((d) => d.code === 'SC1901')?.message).toBe(
      'the description of column id is 7502 bytes as nvarchar (3751 characters); SQL Server keeps at most 7500 bytes in an extended property (Msg 15097): shorten the doc comment',
    );
    expect(result.database.tables.map((t) => [t.name, t.description?.length, t.columns[0]?.description])).toEqual([['a', 3750, undefined], ['b', undefined, undefined]]);
  });
});
