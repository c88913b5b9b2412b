/** referencedColumns (for "names a column that does not exist") and inListOf (for `pull`). */
import { defaultNameKey } from '../../src/sqlserver/names';
import { inListOf, makeExpression, referencedColumns } from '../../src/expr';

describe('referencedColumns', () => {
  it.each([
    ["[status] IN ('a', 'b')", ['status']],
    ["([PersonType] IS NULL OR (upper([PersonType])='GC' OR upper([PersonType])='SP'))", ['PersonType']],
    ['[a] + [B] > [A] AND b IS NULL', ['a', 'B']],
    ["([HireDate]>='1996-07-01' AND [HireDate]<=dateadd(day,(1),getdate()))", ['HireDate']],
    ['DATEDIFF(dd, [start], [end]) > 0', ['start', 'end']],
    ['CONVERT([varchar](max), [x]) = CAST(y AS integer)', ['x', 'y']],
    ['t.col = 1', ['col']],
    ['[we]]ird] = 1', ['we]ird']],
    ['"Quoted" = 1', ['Quoted']],
    ['NEXT VALUE FOR [seq]', []],
    ['(getdate())', []],
    ["x COLLATE Latin1_General_CI_AS = 'a'", ['x']],
    ['CASE WHEN a > 0 THEN b ELSE c END', ['a', 'b', 'c']],
    ['x = 1 AND = 2', []],
  ])('%s -> %j', (text, expected) => {
    expect(referencedColumns(text, defaultNameKey)).toEqual(expected);
  });
});

describe('inListOf', () => {
  const written = "status IN ('active', 'invited', 'suspended', 'pending_verification')";
  const stored =
    "([status]='pending_verification' OR [status]='suspended' OR [status]='invited' OR [status]='active')";
  const values = ['active', 'invited', 'suspended', 'pending_verification'];

  it('reads an IN list in written order', () => {
    expect(inListOf(written, defaultNameKey)).toEqual({ column: 'status', values });
  });

  it('reads the stored reversed OR chain back in written order', () => {
    expect(inListOf(stored, defaultNameKey)).toEqual({ column: 'status', values });
  });

  it('round-trips: the list it reads, written back as IN, is the same check', () => {
    const read = inListOf(stored, defaultNameKey);
    if (read === null) throw new Error('expected a list');
    const rewritten = `[${read.column}] IN (${read.values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`;
    expect(makeExpression(rewritten, defaultNameKey).expression.canonical).toBe(makeExpression(stored, defaultNameKey).expression.canonical);
    expect(rewritten).toBe("[status] IN ('active', 'invited', 'suspended', 'pending_verification')");
  });

  it.each([
    ["([PostType]='Comment' OR [PostType]='Answer' OR [PostType]='Question')", 'PostType', ['Question', 'Answer', 'Comment']],
    ["([c]='in_progress' OR [c]='todo')", 'c', ['todo', 'in_progress']],
    ["([kind]='only')", 'kind', ['only']],
    ["[Kind] IN (N'a', 'it''s')", 'Kind', ['a', "it's"]],
    ["([Status]='b' OR [status]='a')", 'Status', ['a', 'b']],
  ])('%s', (text, column, expected) => {
    expect(inListOf(text, defaultNameKey)).toEqual({ column, values: expected });
  });

  it.each([
    '[PayFrequency] IN (1, 2)',
    '([PayFrequency]=(2) OR [PayFrequency]=(1))',
    "x NOT IN ('a')",
    "(upper([Class])='H' OR upper([Class])='M')",
    "([a]='x' OR [b]='y')",
    "([a]='x' OR [a] IS NULL)",
    "([a]='x' AND [b]='y')",
    "t.a IN ('x')",
    "[a] <> 'x'",
    "[a] IN ('x', b)",
    "x IN ('a'",
  ])('is null for %s', (text) => {
    expect(inListOf(text, defaultNameKey)).toBeNull();
  });
});
