/**
 * `changeTracking` of @Table: `true` and `{ trackColumnsUpdated }` compile to Table.changeTracking;
 * a value of another shape is SC1413 at the value; a table SQL Server would not track (no primary
 * key: Msg 4997; a rowversion key: Msg 4999) is SC1414 at the option.
 */
import { compileFiles, where } from './compile-helpers';

const source = (value: string, key = '@Column.int({ primaryKey: true }) id!: number;') => `import { Column, Table } from 'schemac';
@Table('orders', { changeTracking: ${value} })
export class Order {
  ${key}
  @Column.int() qty!: number;
}
`;

test.each([
  ['true', { trackColumnsUpdated: false }],
  ['{ trackColumnsUpdated: true }', { trackColumnsUpdated: true }],
  ['{ trackColumnsUpdated: false }', { trackColumnsUpdated: false }],
  ['false', undefined],
])('changeTracking %s', (value, expected) => {
  const { result } = compileFiles({ 'o.schema.ts': source(value) }, { typeCheck: false });
  expect(result.diagnostics).toEqual([]);
  expect(result.database.tables[0]?.changeTracking).toEqual(expected);
});

test.each([["'ON'", "'ON'"], ['{ trackColumnsUpdated: 1 }', '1'], ['{ columns: true }', 'true }']])('%s is SC1413 at the value', (value, at) => {
  const files = { 'o.schema.ts': source(value) };
  const { result } = compileFiles(files, { typeCheck: false });
  expect(result.diagnostics.map((d) => `${d.code} ${d.source?.file.split('/').pop()}:${d.source?.line}:${d.source?.column}`)).toEqual([`SC1413 ${where(files, 'o.schema.ts', at)}`]);
});

test('a table without a primary key is SC1414 naming the table (Msg 4997)', () => {
  const files = { 'o.schema.ts': source('true', '@Column.int() id!: number;') };
  const { result } = compileFiles(files, { typeCheck: false });
  expect(result.diagnostics.map((d) => `${d.code} ${d.source?.file.split('/').pop()}:${d.source?.line}:${d.source?.column}`)).toEqual([`SC1414 ${where(files, 'o.schema.ts', 'true')}`]);
  expect(result.diagnostics[0]?.message).toBe('change tracking needs a primary key: dbo.orders has none (SQL Server refuses ENABLE CHANGE_TRACKING with Msg 4997)');
});

test('a primary key on a rowversion column is SC1414 (Msg 4999)', () => {
  const { result } = compileFiles({ 'o.schema.ts': source('true', '@Column.rowversion({ primaryKey: true }) ver!: Buffer;') }, { typeCheck: false });
  expect(result.diagnostics.map((d) => d.code)).toEqual(['SC1414']);
  expect(result.diagnostics[0]?.message).toMatch(/rowversion column ver .*Msg 4999/);
});

test('the option is typed: a wrong shape is a type error too', () => {
  expect(compileFiles({ 'o.schema.ts': source("'ON'") }, { typeCheck: true }).result.diagnostics.map((d) => d.code)).toContain('SC1000');
});
