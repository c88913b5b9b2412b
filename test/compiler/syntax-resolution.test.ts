/**
 * Extraction reads the schema's syntax and follows imports by path, without TypeScript's
 * checker: mixins, foreign-key targets, constants and literal unions reached through named,
 * default, namespace and re-exported imports, and the literal-union shapes it reads.
 */
import { compileFiles } from './compile-helpers';

const files: Record<string, string> = {
  'shared.ts': `
export type Lifecycle = 'draft' | 'live';
export const KINDS = ['a', 'b', 'c'] as const;
export enum Level { Low = 'low', High = 'high' }
export enum Step { First, Second, Tenth = 10, Eleventh }
export const CODE_LENGTH = 12;
`,
  'barrel.ts': `
export * from './shared';
export { Lifecycle as State } from './shared';
export { default as Stamped } from './stamped.schema';
`,
  'stamped.schema.ts': `
import { Column, Mixin } from 'schemac';
@Mixin()
export default class Stamped {
  @Column.datetime2(3) createdAt!: Date;
}
`,
  'owners.schema.ts': `
import { Column, Table } from 'schemac';
import * as shared from './shared';
@Table('owners')
export class Owner {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.varchar(10) level!: shared.Level;
}
`,
  'items.schema.ts': `
import { Column, ForeignKey, Table } from 'schemac';
import { CODE_LENGTH, KINDS, State, Stamped, Step } from './barrel';
import * as owners from './owners.schema';
type Kind = (typeof KINDS)[number];
@Table('items')
@ForeignKey('fk_items_owner', ['ownerId'], () => owners.Owner)
export class Item extends Stamped {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.int() ownerId!: number;
  @Column.varchar(CODE_LENGTH) code!: string;
  @Column.varchar(10) state!: State;
  @Column.char(1) kind!: Kind;
  @Column.int() step!: Step;
  @Column.int() second!: Step.Second;
}
`,
};

describe('extraction from syntax, imports followed by path', () => {
  const { result } = compileFiles(files);
  const table = (name: string) => result.database.tables.find((t) => t.name === name);

  test('compiles cleanly', () => {
    expect(result.diagnostics).toEqual([]);
  });

  test('a default-exported mixin re-exported through a barrel gives its columns', () => {
    expect(table('items')?.columns.map((c) => c.name)).toEqual(['created_at', 'id', 'owner_id', 'code', 'state', 'kind', 'step', 'second']);
  });

  test('a constant imported through export * sizes a column', () => {
    expect(table('items')?.columns.find((c) => c.name === 'code')?.type).toEqual({ name: 'varchar', length: 12 });
  });

  test('literal unions: a renamed re-exported alias, (typeof LIST)[number], enums and an enum member', () => {
    expect(table('items')?.checks.map((c) => c.expression.text)).toEqual([
      "[state] IN ('draft', 'live')",
      "[kind] IN ('a', 'b', 'c')",
      '[step] IN (0, 1, 10, 11)',
      '[second] IN (1)',
    ]);
    expect(table('owners')?.checks.map((c) => c.expression.text)).toEqual(["[level] IN ('low', 'high')"]);
  });

  test('a foreign-key target reached through a namespace import', () => {
    expect(table('items')?.foreignKeys).toEqual([expect.objectContaining({ name: 'fk_items_owner', referencedTable: 'owners', referencedColumns: ['id'] })]);
  });
});

describe('what syntax does not make a literal union', () => {
  test('an array without as const and an interface give no CHECK', () => {
    const { result } = compileFiles({
      't.schema.ts': `
import { Column, Table } from 'schemac';
const LOOSE = ['a', 'b'];
interface Shape { x: string }
@Table('t')
export class T {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.varchar(5) loose!: (typeof LOOSE)[number];
  @Column.varchar(5, { nullable: true }) shaped!: Shape | null;
}
`,
    }, { typeCheck: false });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.database.tables[0].checks).toEqual([]);
  });
});
