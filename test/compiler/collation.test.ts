/**
 * Names compare as the target database's collation does: under the default (case-insensitive)
 * collation `Code` and `code` are one name, in a case-sensitive database two.
 */
import { diff } from '../../src/differ';
import { renderScript } from '../../src/emitters';
import { expectValidTsql } from '../support/tsql-grammar';
import { compileFiles } from './compile-helpers';

const source = `import { Column, Index, Table } from 'schemac';
@Table('codes') @Index('ix_codes_upper', ['upper']) @Index('IX_codes_upper', ['lower'])
export class Codes {
  @Column.varchar(10, { name: 'Code', default: 'UPPER' }) upper!: string;
  @Column.varchar(10, { name: 'code', default: 'lower' }) lower!: string;
}
`;

describe('names under the database collation', () => {
  it('reports Code and code as one name twice under the default collation', () => {
    const { result } = compileFiles({ 'codes.schema.ts': source }, { typeCheck: false });
    const duplicates = result.diagnostics.filter((d) => d.code === 'SC1201').map((d) => d.message);
    expect(duplicates).toEqual(expect.arrayContaining([expect.stringMatching(/code/), expect.stringMatching(/IX_codes_upper/)]));
  });

  it('keeps Code and code apart, each with its own default, in a case-sensitive database', () => {
    const { result } = compileFiles({ 'codes.schema.ts': source }, { typeCheck: false, collation: 'Latin1_General_100_CS_AS' });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [table] = result.database.tables;
    expect(table?.columns.map((c) => c.name)).toEqual(['Code', 'code']);
    expect(table?.defaults.map((d) => [d.column, d.expression.text])).toEqual([['Code', "'UPPER'"], ['code', "'lower'"]]);
    expect(table?.indexes.map((i) => i.name)).toEqual(['ix_codes_upper', 'IX_codes_upper']);
  });

  it('plans CREATE TABLE for a case-sensitive database with each default on its own column', () => {
    const collation = 'Latin1_General_100_CS_AS';
    const { result } = compileFiles({ 'codes.schema.ts': source }, { typeCheck: false, collation });
    const plan = diff(result.database, { name: 'app', collation, schemas: ['dbo'], tables: [] }, { allowDrop: false });
    const script = renderScript(plan, { direction: 'up', databaseName: null }).text;
    expect(script).toContain("[Code] varchar(10) NOT NULL CONSTRAINT [df_codes_Code] DEFAULT ('UPPER')");
    expect(script).toContain("[code] varchar(10) NOT NULL CONSTRAINT [df_codes_code] DEFAULT ('lower')");
    expectValidTsql(script);
  });
});
