/**
 * Alias types in schema files: `export const Email = AliasType.nvarchar(320)` declares CREATE TYPE
 * dbo.Email, `@Column.alias(Email)` uses it (followed through imports by path, no checker), and
 * SQL Server's refusals are diagnostics at the line that causes them.
 */
import { compileFiles, locations, where } from './compile-helpers';

const types = `
import { AliasType } from 'schemac';
export const Email = AliasType.nvarchar(320);
export const Money = AliasType.decimal(19, 4, { name: 'Amount', schema: 'billing', nullable: true });
`;

describe('alias types in the compiler', () => {
  test('declarations become Database.aliasTypes; columns carry the base type and the alias, nullability from the type unless overridden', () => {
    const { result } = compileFiles({
      'types.ts': types,
      'orders.schema.ts': `
import { Column, Table } from 'schemac';
import { Email, Money } from './types';
import * as t from './types';
@Table('orders')
export class Order {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.alias(Email) contact!: string;
  @Column.alias(Money) total!: number | null;
  @Column.alias(t.Email, { nullable: true, name: 'backup_contact' }) backup!: string | null;
  @Column.alias(Money, { nullable: false, default: 0 }) paid!: number;
}
`,
    }, { typeCheck: false });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.database.aliasTypes?.map(({ source: _s, ...a }) => a)).toEqual([
      { schema: 'billing', name: 'Amount', base: { name: 'decimal', precision: 19, scale: 4 }, nullable: true },
      { schema: 'dbo', name: 'Email', base: { name: 'nvarchar', length: 320 }, nullable: false },
    ]);
    expect(result.database.schemas).toEqual(['billing', 'dbo']);
    const cols = result.database.tables[0]?.columns.map((c) => [c.name, c.type, c.nullable]);
    expect(cols).toEqual([
      ['id', { name: 'int' }, false],
      ['contact', { name: 'nvarchar', length: 320, alias: { schema: 'dbo', name: 'Email' } }, false],
      ['total', { name: 'decimal', precision: 19, scale: 4, alias: { schema: 'billing', name: 'Amount' } }, true],
      ['backup_contact', { name: 'nvarchar', length: 320, alias: { schema: 'dbo', name: 'Email' } }, true],
      ['paid', { name: 'decimal', precision: 19, scale: 4, alias: { schema: 'billing', name: 'Amount' } }, false],
    ]);
    expect(result.database.tables[0]?.defaults.map((d) => d.expression.text)).toEqual(['0']);
  });

  test('SC1130 unknown alias type, SC1131 alias of an alias, SC1132 a base type CREATE TYPE refuses, SC1201 twice', () => {
    const files = {
      'bad.schema.ts': `
import { AliasType, Column, Table } from 'schemac';
const NotAType = 42;
export const Name = AliasType.sysname();
export const Doc = AliasType.xml();
export const Code = AliasType.varchar(10);
export const Code2 = AliasType.char(3, { name: 'Code' });
@Table('things')
export class Thing {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.alias(NotAType) a!: string;
  @Column.alias(Missing) b!: string;
  @Column.alias(Code) c!: string;
}
`,
    };
    const { result } = compileFiles(files, { typeCheck: false });
    const d = result.diagnostics;
    expect(locations(d, 'SC1130')).toEqual([where(files, 'bad.schema.ts', 'NotAType) a'), where(files, 'bad.schema.ts', 'Missing)')]);
    expect(locations(d, 'SC1131')).toEqual([where(files, 'bad.schema.ts', 'sysname()')]);
    expect(locations(d, 'SC1132')).toEqual([where(files, 'bad.schema.ts', 'xml()')]);
    expect(d.find((x) => x.code === 'SC1201')?.message).toBe('alias type dbo.Code is declared twice');
    expect(result.database.tables[0]?.columns.map((c) => c.name)).toEqual(['id', 'c']);
  });

  test('the types check a column against its alias in the editor: a number field on an nvarchar alias is a TypeScript error', () => {
    const { result } = compileFiles({
      'typed.schema.ts': `
import { AliasType, Column, Table } from 'schemac';
export const Email = AliasType.nvarchar(320);
@Table('people')
export class Person {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.alias(Email) email!: number;
  @Column.alias(Email, { identity: true }) other!: string;
}
`,
    }, { typeChecker: 'in-process' });
    const ts = result.diagnostics.filter((x) => x.code === 'SC1000').map((x) => x.source?.line);
    expect(ts).toEqual(expect.arrayContaining([7, 8]));
  });
});
