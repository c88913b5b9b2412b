/**
 * Text SQL Server refuses must be refused by the stand-in too, with the error number the engine
 * reports and a message that names the offending token and what was wrong.
 */
import { storedForm, StoredFormError } from '../../standin/engine/stored-form';
import { storeError } from './expect-stored';

describe('syntax errors (102, Incorrect syntax near ...)', () => {
  it.each([
    ['a comparison with no right-hand side', '[x] >', '>', 'ends too early'],
    ['a dangling AND', '[x] = 1 AND', 'AND', 'ends too early'],
    ['two values with no operator', '[x] 1', '1', 'unexpected text after the expression'],
    ['an unclosed parenthesis', '([x] = 1', '1', 'parenthesis is not closed'],
    ['an extra closing parenthesis', '[x] = 1)', ')', 'unexpected text'],
    ['an unclosed string', "[x] = 'abc", "'abc", 'unclosed string'],
    ['an unclosed bracket', '[x = 1', '[x = 1', 'unclosed quoted identifier'],
    ['IS not followed by NULL', '[x] IS 1', '1', 'IS must be followed by NULL'],
    ['a keyword where a value belongs', '[x] = SELECT', 'SELECT', 'keyword SELECT'],
    ['a subquery in an IN list', '[x] IN (SELECT 1)', 'SELECT', 'subqueries are not allowed'],
    ['BETWEEN without AND', '[x] BETWEEN 1 OR 2', 'OR', 'BETWEEN needs AND'],
    ['CASE without WHEN', 'CASE END = 1', 'END', 'keyword END'],
    ['CASE without END', "CASE WHEN [x] = 1 THEN 'a'", "'a'", 'CASE must end with END'],
    ['a datepart that is not one', 'DATEADD(fortnight, 1, [d]) > 0', 'fortnight', 'needs a datepart'],
    ['an unknown multi-word type', 'CONVERT(very long int, 1) = 1', 'very', "unknown data type 'very long int'"],
    ['a variable', '[x] = @limit', '@limit', 'variables are not allowed'],
    ['a stray character', '[x] = 1 ;', ';', "unexpected character ';'"],
    ['a number running into a name', '[x] = 1abc', '1a', 'a number runs into a name'],
    ['an unclosed block comment', '[x] = 1 /* note', '/*', "missing end comment mark"],
    ['empty text', '   ', '', 'the expression is empty'],
    ['a condition used as a value', '([x] = 1) + 1 > 0', '+', 'a condition cannot be used as a value'],
  ])('%s: %s', (_name, written, near, problem) => {
    const error = storeError('check', written);
    expect(error.number).toBe(102);
    expect(error.near).toBe(near);
    // SQL Server's wording names reserved words as keywords.
    const keyword = ['AND', 'OR', 'SELECT', 'END'].includes(near);
    expect(error.headline).toBe(keyword ? `Incorrect syntax near the keyword '${near}'.` : `Incorrect syntax near '${near}'.`);
    expect(error.message).toContain(error.headline);
    expect(error.message).toContain(problem);
  });

  it('is an Error the engine can catch by class', () => {
    expect(() => storedForm('check', '[x] >')).toThrow(StoredFormError);
    expect(() => storedForm('check', '[x] >')).toThrow(Error);
  });

  it('reports where in the written text the problem is', () => {
    expect(storeError('check', '[a] = 1 AND AND [b] = 2').position).toBe(12);
  });
});

describe('errors that are not about syntax', () => {
  it('refuses a CHECK that is a value, not a condition (4145)', () => {
    const error = storeError('check', '[is_active]');
    expect(error.number).toBe(4145);
    expect(error.headline).toBe("An expression of non-boolean type specified in a context where a condition is expected, near ')'.");
  });

  it('refuses a value where AND needs a condition (4145)', () => {
    expect(storeError('check', '[a] = 1 AND [b]').number).toBe(4145);
  });

  it('refuses a DEFAULT that names a column (128)', () => {
    const error = storeError('default', 'UPPER([name])');
    expect(error.number).toBe(128);
    expect(error.near).toBe('name');
    expect(error.message).toContain('Column names are not permitted');
  });

  it('refuses a condition as a DEFAULT or computed column', () => {
    expect(storeError('default', '1 = 1').number).toBe(102);
    expect(storeError('computed', '[a] > [b]').number).toBe(102);
  });

  it.each([
    ['OR across columns', '[a] = 1 OR [b] = 2'],
    ['OR with a non-equality', '[a] = 1 OR [a] > 5'],
    ['LIKE', "[name] LIKE 'a%'"],
    ['BETWEEN', '[n] BETWEEN 1 AND 5'],
    ['NOT', 'NOT [a] = 1'],
    ['a function', 'LEN([name]) > 0'],
    ['arithmetic', '[a] + 1 > 0'],
    ['a comparison with NULL', '[a] = NULL'],
    ['two columns', '[a] = [b]'],
    ['a constant on the left', '0 < [a]'],
    ['CASE', 'CASE WHEN [a] = 1 THEN 1 END = 1'],
  ])('refuses %s in a filtered index predicate (10735)', (_name, written) => {
    const error = storeError('filter', written);
    expect(error.number).toBe(10735);
    expect(error.message).toContain('Incorrect WHERE clause for filtered index');
  });

  it('accepts the same texts as a CHECK, where they are legal', () => {
    expect(storedForm('check', '[a] = 1 OR [b] = 2')).toBe('([a]=(1) OR [b]=(2))');
    expect(storedForm('check', "[name] LIKE 'a%'")).toBe("([name] like 'a%')");
  });
});
