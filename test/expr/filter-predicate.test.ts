/** Filtered-index predicates: what SQL Server's CREATE INDEX grammar accepts (design.md rule 10). */
import { defaultNameKey } from '../../src/sqlserver/names';
import { filterPredicateProblems } from '../../src/expr';

describe('filterPredicateProblems accepts what CREATE INDEX ... WHERE accepts', () => {
  it.each([
    '[is_deleted] = 0',
    'is_deleted = 0',
    '([is_deleted]=(0))',
    'a IS NOT NULL AND b IN (1,2)',
    "[Name] <> N''",
    "[Name] IS NOT NULL AND [Name] <> N''",
    "([Name] IS NOT NULL AND [Name]<>N'')",
    'x IS NULL',
    "x != 'a' AND y !> 5 AND z !< -1 AND w >= 1.5 AND v < 0x10",
    "a = 1 AND (b = 2 AND c IN ('x', N'y'))",
    'tenant_id IS NOT NULL AND is_deleted = 0',
  ])('%s', (text) => {
    expect(filterPredicateProblems(text, defaultNameKey)).toEqual([]);
  });
});

describe('filterPredicateProblems rejects the rest, naming the offending part', () => {
  it.each([
    ['OR', 'a = 1 OR b = 2', ['OR is not allowed in a filtered index predicate: "a = 1 OR b = 2"']],
    [
      'OR of one column, with a hint',
      '[status] = 1 OR [status] = 2',
      ['OR is not allowed in a filtered index predicate: "[status] = 1 OR [status] = 2"; use status IN (...) instead'],
    ],
    ['LIKE', "x = 1 AND name LIKE 'a%'", ['LIKE is not allowed in a filtered index predicate: "name LIKE \'a%\'"']],
    [
      'BETWEEN',
      'x BETWEEN 1 AND 5',
      ['BETWEEN is not allowed in a filtered index predicate: "x BETWEEN 1 AND 5"; write column >= low AND column <= high'],
    ],
    ['NOT', 'NOT x = 1', ['NOT is not allowed in a filtered index predicate: "NOT x = 1"']],
    ['NOT IN', 'x NOT IN (1, 2)', ['NOT IN is not allowed in a filtered index predicate: "x NOT IN (1, 2)"']],
    ['a function on the column', 'upper(x) = 1', ['functions are not allowed in a filtered index predicate: "upper(x)"']],
    ['a function as the constant', 'created_at > GETDATE()', ['functions are not allowed in a filtered index predicate: "GETDATE()"']],
    ['CAST', "x = CAST('1' AS int)", ['functions are not allowed in a filtered index predicate: "CAST(\'1\' AS int)"']],
    ['column = column', 'a = b', ['a filtered index predicate cannot compare two columns: "a = b"']],
    ['constant first', '0 = is_deleted', ['a filtered index predicate must name the column first: "0 = is_deleted"']],
    [
      'x = NULL',
      'x = NULL',
      ['NULL cannot be used with a comparison operator in a filtered index predicate: "x = NULL"; use IS NULL or IS NOT NULL'],
    ],
    ['x <> NULL', 'x <> NULL', [expect.stringContaining('NULL cannot be used with a comparison operator')]],
    ['arithmetic', 'a + 1 > 2', ['a filtered index predicate must compare a column, not "a + 1"']],
    ['a bare column', 'is_active', ['a filtered index predicate may only compare a column with a constant: "is_active"']],
    ['a function in an IN list', 'x IN (1, abs(-2))', ['functions are not allowed in a filtered index predicate: "abs(-2)"']],
    ['a column in an IN list', 'x IN (1, y)', ['a filtered index predicate cannot compare two columns: "x IN (1, y)"']],
    ['NULL in an IN list', 'x IN (1, NULL)', ['NULL is not allowed in the IN list of a filtered index predicate: "x IN (1, NULL)"']],
    ['a table prefix', 't.x = 1', ['a filtered index predicate must use the bare column name: "t.x"']],
  ])('%s: %s', (_name, text, expected) => {
    expect(filterPredicateProblems(text, defaultNameKey)).toEqual(expected);
  });

  it('reports each offending conjunct once', () => {
    const problems = filterPredicateProblems("a = 1 AND (b = 1 OR c = 2) AND d LIKE 'x' AND e = f AND g IS NULL", defaultNameKey);
    expect(problems).toEqual([
      'OR is not allowed in a filtered index predicate: "(b = 1 OR c = 2)"',
      'LIKE is not allowed in a filtered index predicate: "d LIKE \'x\'"',
      'a filtered index predicate cannot compare two columns: "e = f"',
    ]);
  });

  it('reports unreadable text as one problem instead of accepting it', () => {
    const problems = filterPredicateProblems('is_deleted = = 0', defaultNameKey);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('cannot parse expression "is_deleted = = 0"');
  });
});
