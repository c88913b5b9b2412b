/**
 * The canonical key must make what a user writes equal to what SQL Server stores for it
 * (test/fixtures/normalization-cases.json, the repository's one copy of the cases, each pair from a
 * public source; the stand-in's stored-form tests read the same file),
 * and must keep different expressions different.
 */
import { defaultNameKey } from '../../src/sqlserver/names';
import { makeExpression } from '../../src/expr';
import cases from '../fixtures/normalization-cases.json';

interface Case {
  readonly kind: string;
  readonly written: string;
  readonly stored: string;
  readonly source: string;
}

function key(text: string): string {
  const result = makeExpression(text, defaultNameKey);
  expect(result.problem).toBeNull();
  expect(result.expression.parsed).toBe(true);
  expect(result.expression.text).toBe(text);
  return result.expression.canonical;
}

describe('written and stored forms from public sources have one canonical key', () => {
  it('has all 66 cases', () => {
    expect(cases).toHaveLength(66);
  });

  it.each((cases as Case[]).map((c, i) => [`#${i + 1} ${c.kind}: ${c.written}`, c] as const))('%s', (_name, c) => {
    expect(key(c.written)).toBe(key(c.stored));
  });
});

/** [what, written, stored-style form]: equal keys. */
const EQUIVALENT: readonly (readonly [string, string, string])[] = [
  ['!= is <>', '[x] != 1', '([x]<>(1))'],
  ['NOT IN is an AND of <>, in any order', 'x NOT IN (1, 2)', '([x]<>(2) AND [x]<>(1))'],
  ['NOT over = is <>', 'NOT (x = 1)', '([x]<>(1))'],
  ['NOT BETWEEN is < OR >', 'x NOT BETWEEN 1 AND 2', '([x]<(1) OR [x]>(2))'],
  ['!> is <=', 'x !> 5', '([x]<=(5))'],
  ['NOT over > is <=', 'NOT x > 5', '([x]<=(5))'],
  ['double NOT cancels', 'NOT NOT x IS NULL', '([x] IS NULL)'],
  ['NOT x IN is x NOT IN', "NOT x IN ('a')", "([x]<>'a')"],
  ['CAST is CONVERT, integer is int', 'CAST(x AS integer)', '(CONVERT([int],[x]))'],
  ['character varying is varchar', 'CAST(x AS character varying(10))', '(CONVERT([varchar](10),[x]))'],
  ['national character varying is nvarchar', 'CONVERT(national character varying(max), x)', '(CONVERT([nvarchar](max),[x]))'],
  ['double precision is float', 'CAST(1 AS double precision)', '(CONVERT([float],(1)))'],
  ['decimal precision and scale', 'CONVERT(DECIMAL(10, 2), x)', '(CONVERT([decimal](10,2),[x]))'],
  ['CURRENT_TIMESTAMP is getdate()', 'CURRENT_TIMESTAMP', '(getdate())'],
  ['-1 is -(1)', '-1', '(-(1))'],
  ['quoted, bracketed and plain names, any case', '"Col" = 1', '([col]=(1))'],
  ['comments are ignored', 'x /* why */ = 1 -- note', '([x]=(1))'],
  ['IN values are a set', 'x IN (1, 1, 2)', '([x]=(2) OR [x]=(1))'],
  ['IN with one value is =', 'x IN (1)', '([x]=(1))'],
  ['datepart abbreviations', 'DATEADD(dd, 1, x)', '(dateadd(day,(1),[x]))'],
  ['keyword case', 'x is not null and y like \'a%\'', "([x] IS NOT NULL AND [y] like 'a%')"],
  ['n prefix case', "n'a'", "(N'a')"],
  ['exponent case', '1.5E+000', '((1.5e+000))'],
  ['two-part names', 'dbo.fn(t.c)', '([dbo].[fn]([t].[c]))'],
  ['nested OR chains flatten', '(a = 1 OR b = 2) OR c = 3', '([a]=(1) OR ([b]=(2) OR [c]=(3)))'],
  ['nested AND chains flatten', 'a = 1 AND (b = 2 AND c = 3)', '(([a]=(1) AND [b]=(2)) AND [c]=(3))'],
  ['CASE', 'CASE WHEN x > 0 THEN 1 ELSE 0 END', '(case when [x]>(0) then (1) else (0) end)'],
  ['IIF is a searched CASE', 'IIF(x > 0, 1, 0)', '(case when [x]>(0) then (1) else (0) end)'],
  ['NEXT VALUE FOR', 'NEXT VALUE FOR dbo.seq', '(NEXT VALUE FOR [dbo].[seq])'],
  ['COLLATE', 'x COLLATE Latin1_General_CI_AS = N\'a\'', "([x] collate latin1_general_ci_as=N'a')"],
  ['escaped quotes', "'it''s'", "('it''s')"],
  ['nested unary minus', '- -1', '(-(-(1)))'],
  ['brackets with ]] inside', '[a]]b] = 1', '("a]b"=(1))'],
];

/** Pairs whose keys must differ. */
const DIFFERENT: readonly (readonly [string, string])[] = [
  ["'a'", "N'a'"],
  ["'a'", "'A'"],
  ["'a b'", "'ab'"],
  ['0', '1'],
  ['0.0', '0'],
  ['0.00', '0.0'],
  ['x > 1', 'x >= 1'],
  ['x IN (1, 2)', 'x IN (1, 2, 3)'],
  ['x IN (1, 2)', '([x]=(3) OR [x]=(2) OR [x]=(1))'],
  ['x IN (1, 2)', 'x NOT IN (1, 2)'],
  ['a = 1 AND b = 2', 'a = 1 OR b = 2'],
  ['a = 1 OR b = 2', 'a = 1 OR a = 2'],
  ['[a] = 1', '[b] = 1'],
  ['getdate()', 'getutcdate()'],
  ['x IS NULL', 'x IS NOT NULL'],
  ["x LIKE 'a%'", "x NOT LIKE 'a%'"],
  ['a - b - c', 'a - (b - c)'],
  ['a + b * c', '(a + b) * c'],
  ['CONVERT(int, x)', 'CONVERT(bigint, x)'],
  ['CONVERT(varchar(10), x)', 'CONVERT(varchar(20), x)'],
  ['CONVERT(varchar(10), x)', 'TRY_CONVERT(varchar(10), x)'],
  ['CONVERT(datetime, x, 120)', 'CONVERT(datetime, x, 121)'],
  ['-1', '1'],
  ['~1', '-1'],
  ['DATEADD(day, 1, x)', 'DATEADD(month, 1, x)'],
  ['t.c', 'c'],
  ['NEXT VALUE FOR s1', 'NEXT VALUE FOR s2'],
  ['x BETWEEN 1 AND 2', 'x BETWEEN 1 AND 3'],
];

describe('equivalences the rules imply beyond the observed cases', () => {
  it.each(EQUIVALENT)('%s: %s == %s', (_name, written, stored) => {
    expect(key(written)).toBe(key(stored));
  });
});

describe('different expressions keep different keys', () => {
  it.each(DIFFERENT)('%s != %s', (a, b) => {
    expect(key(a)).not.toBe(key(b));
  });
});

describe('the key is a fixed point', () => {
  it('gives keys that are T-SQL with the same key, for every expression in this file', () => {
    const texts = [
      ...(cases as Case[]).flatMap((c) => [c.written, c.stored]),
      ...EQUIVALENT.flatMap(([, a, b]) => [a, b]),
      ...DIFFERENT.flatMap(([a, b]) => [a, b]),
    ];
    for (const text of texts) {
      const once = key(text);
      expect([text, key(once)]).toEqual([text, once]);
    }
  });
});
