/**
 * `lockEscalation` of @Table: 'AUTO' and 'DISABLE' compile to Table.lockEscalation, 'TABLE' (the
 * default) to nothing; anything else is SC1410 at the value, and a wrong literal is also a type error.
 */
import { compileFiles, where } from './compile-helpers';

const source = (value: string) => `import { Column, Table } from 'schemac';
@Table('hot_rows', { lockEscalation: ${value} })
export class HotRow {
  @Column.int({ primaryKey: true }) id!: number;
}
`;

test.each([["'AUTO'", 'AUTO'], ["'DISABLE'", 'DISABLE'], ["'TABLE'", undefined]])('lockEscalation %s', (value, expected) => {
  const { result } = compileFiles({ 'h.schema.ts': source(value) }, { typeCheck: false });
  expect(result.diagnostics).toEqual([]);
  expect(result.database.tables[0]?.lockEscalation).toBe(expected);
});

test('a value SQL Server does not take is SC1410 at the value, and a type error', () => {
  const files = { 'h.schema.ts': source("'PARTITION'") };
  const untyped = compileFiles(files, { typeCheck: false }).result;
  expect(untyped.diagnostics.map((d) => `${d.code} ${d.source?.file.split('/').pop()}:${d.source?.line}:${d.source?.column}`)).toEqual([`SC1410 ${where(files, 'h.schema.ts', "'PARTITION'")}`]);
  expect(untyped.diagnostics[0]?.message).toMatch(/'TABLE', 'AUTO' or 'DISABLE'/);
  expect(compileFiles(files, { typeCheck: true }).result.diagnostics.map((d) => d.code)).toContain('SC1000');
});
