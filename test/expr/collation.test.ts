/** Expression keys compare column names as the database collation does; keywords never depend on it. */
import { canonicalOf, inListOf, makeExpression, referencedColumns } from '../../src/expr';
import { DEFAULT_COLLATION, nameKeyFor } from '../../src/sqlserver/names';

const ci = nameKeyFor(DEFAULT_COLLATION);
const cs = nameKeyFor('Latin1_General_CS_AS');

describe('expression keys under a collation', () => {
  it('treats [Code] and [code] as one column only under a case-insensitive collation', () => {
    expect(canonicalOf('[Code] = 1', ci)).toBe(canonicalOf('[code]=(1)', ci));
    expect(canonicalOf('[Code] = 1', cs)).not.toBe(canonicalOf('[code] = 1', cs));
    expect(makeExpression('[Code] > 0', cs).expression.canonical).toBe(makeExpression('([Code]>(0))', cs).expression.canonical);
  });

  it('reads keywords, function and type names case-insensitively whatever the collation', () => {
    expect(canonicalOf('GETDATE()', cs)).toBe(canonicalOf('(getdate())', cs));
    expect(canonicalOf('CAST([a] AS VARCHAR(10))', cs)).toBe(canonicalOf('cast([a] as varchar(10))', cs));
    expect(canonicalOf('[a] IS NOT NULL', cs)).toBe(canonicalOf('[a] is not null', cs));
  });

  it('lists Code and code as two columns in a case-sensitive database', () => {
    expect(referencedColumns('[Code] + [code]', ci)).toEqual(['Code']);
    expect(referencedColumns('[Code] + [code]', cs)).toEqual(['Code', 'code']);
    expect(inListOf("[s] = 'a' OR [S] = 'b'", ci)).toEqual({ column: 's', values: ['b', 'a'] });
    expect(inListOf("[s] = 'a' OR [S] = 'b'", cs)).toBeNull();
  });
});
