/**
 * A class decorator spelled like schemac's but not imported from 'schemac' (an @Index added to a
 * pulled file whose import lacks Index) is SC1003 at the decorator: with --no-type-check nothing
 * else notices, and the index would silently not be planned. A decorator of the same name the
 * file imports from elsewhere or declares itself is the user's own and is left alone.
 */
import { compileOne } from './compile-helpers';

test('an @Index the file does not import is SC1003 at the decorator, and no index is compiled', () => {
  const c = compileOne('line.schema.ts', `import { Column, PrimaryKey, Table } from 'schemac';

@Table('line')
@PrimaryKey('pk_line', ['id'])
@Index('ix_line_track', ['trackId'])
export class Line {
  @Column.int() id!: number;
  @Column.int() trackId!: number;
}
`);
  expect(c.found).toEqual(['SC1003 line.schema.ts:5:1']);
  expect(c.messages).toEqual(["@Index is not imported from 'schemac', so schemac does not read it; add Index to the file's import from 'schemac'"]);
});

test('a decorator of that name imported from another module or declared in the file is not reported', () => {
  const c = compileOne('line.schema.ts', `import { Column, Table } from 'schemac';
import { Index } from './my-decorators';
function Check(_: string): ClassDecorator { return () => undefined; }

@Table('line')
@Index('mine')
@Check('mine too')
export class Line {
  @Column.int() id!: number;
}
`);
  expect(c.found.filter((f) => f.startsWith('SC1003'))).toEqual([]);
});
