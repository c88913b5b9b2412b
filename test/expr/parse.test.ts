/** The parser's tree (precedence, spans) and its behaviour on text it cannot read. */
import { defaultNameKey } from '../../src/sqlserver/names';
import { makeExpression, parseExpression, type Expr } from '../../src/expr';

function tree(text: string): Expr {
  const result = parseExpression(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.message}`);
  return result.expr;
}

/** A compact S-expression of the tree, so precedence is visible in one string. */
function shape(e: Expr): string {
  switch (e.kind) {
    case 'column':
      return e.parts.join('.');
    case 'number':
      return e.text;
    case 'string':
      return `${e.national ? 'N' : ''}'${e.value}'`;
    case 'null':
      return 'NULL';
    case 'datepart':
      return `#${e.name}`;
    case 'unary':
      return `(${e.op} ${shape(e.operand)})`;
    case 'binary':
    case 'comparison':
      return `(${e.op} ${shape(e.left)} ${shape(e.right)})`;
    case 'isNull':
      return `(${e.negated ? 'notnull' : 'isnull'} ${shape(e.operand)})`;
    case 'in':
      return `(${e.negated ? 'notin' : 'in'} ${shape(e.operand)} ${e.values.map(shape).join(' ')})`;
    case 'between':
      return `(${e.negated ? 'notbetween' : 'between'} ${shape(e.operand)} ${shape(e.low)} ${shape(e.high)})`;
    case 'like':
      return `(${e.negated ? 'notlike' : 'like'} ${shape(e.operand)} ${shape(e.pattern)}${e.escape ? ` ${shape(e.escape)}` : ''})`;
    case 'not':
      return `(not ${shape(e.operand)})`;
    case 'and':
    case 'or':
      return `(${e.kind} ${e.operands.map(shape).join(' ')})`;
    case 'call':
      return `(call ${e.name.join('.')}${e.args.map((a) => ` ${shape(a)}`).join('')})`;
    case 'convert':
      return `(${e.fn} ${e.type.parts.join('.')}[${e.type.args.join(',')}] ${shape(e.value)}${e.style ? ` ${shape(e.style)}` : ''})`;
    case 'case':
      return `(case${e.subject ? ` ${shape(e.subject)}` : ''}${e.branches.map((b) => ` ${shape(b.when)}->${shape(b.then)}`).join('')}${e.otherwise ? ` else ${shape(e.otherwise)}` : ''})`;
    case 'nextValue':
      return `(next ${e.sequence.join('.')})`;
    case 'collate':
      return `(collate ${shape(e.operand)} ${e.collation})`;
  }
}

describe('parseExpression builds the tree T-SQL precedence implies', () => {
  it.each([
    ['a + b * c', '(+ a (* b c))'],
    ['a - b - c', '(- (- a b) c)'],
    ['-a * b', '(* (- a) b)'],
    ['~a & b | c ^ d', '(^ (| (& (~ a) b) c) d)'],
    ['a % b / c', '(/ (% a b) c)'],
    ['a OR b = 1 AND c = 2', '(or a (and (= b 1) (= c 2)))'],
    ['NOT a = 1 AND b = 2', '(and (not (= a 1)) (= b 2))'],
    ['a + 1 > b * 2', '(> (+ a 1) (* b 2))'],
    ['x BETWEEN 1 AND 2 AND y = 3', '(and (between x 1 2) (= y 3))'],
    ['x NOT BETWEEN a + 1 AND 2', '(notbetween x (+ a 1) 2)'],
    ["x NOT LIKE 'a!%' ESCAPE '!'", "(notlike x 'a!%' '!')"],
    ['x IS NOT NULL OR y IS NULL', '(or (notnull x) (isnull y))'],
    ["[a b].[c]]d] NOT IN (N'x', 'y')", "(notin a b.c]d N'x' 'y')"],
    ['"Quoted ""name""" = 1', '(= Quoted "name" 1)'],
    ['(((1)))', '1'],
    ['DATEADD(day, -1, GETDATE())', '(call DATEADD #day (- 1) (call GETDATE))'],
    ['CONVERT([varchar](max), x, 120)', '(convert varchar[max] x 120)'],
    ['CAST(x AS character varying(10))', '(convert character varying[10] x)'],
    ['TRY_CAST(x AS decimal(10, 2))', '(try_convert decimal[10,2] x)'],
    ['CASE x WHEN 1 THEN 2 ELSE 3 END', '(case x 1->2 else 3)'],
    ['NEXT VALUE FOR dbo.s', '(next dbo.s)'],
    ['value = 1 AND [next] = 2', '(and (= value 1) (= next 2))'],
    ["x COLLATE Latin1_General_BIN = 'a'", "(= (collate x Latin1_General_BIN) 'a')"],
    ['CURRENT_TIMESTAMP', '(call CURRENT_TIMESTAMP)'],
    ['1.1000000000000001e+000 + .5 + 0x1F', '(+ (+ 1.1000000000000001e+000 .5) 0x1F)'],
  ])('%s', (text, expected) => {
    expect(shape(tree(text))).toBe(expected);
  });

  it('records where each node came from, parentheses included', () => {
    const text = "( [status] = 'active' ) AND upper((x)) IN ('A')";
    const root = tree(text);
    if (root.kind !== 'and') throw new Error('expected AND');
    expect(root.operands.map((o) => text.slice(o.start, o.end))).toEqual(["( [status] = 'active' )", "upper((x)) IN ('A')"]);
    const [first] = root.operands;
    if (first.kind !== 'comparison') throw new Error('expected a comparison');
    expect(text.slice(first.left.start, first.left.end)).toBe('[status]');
  });

  it('keeps the unescaped value of strings and names', () => {
    const e = tree("[it's]]] = 'it''s'");
    expect(shape(e)).toBe("(= it's] 'it's')");
  });
});

describe('text the parser cannot read', () => {
  const broken = [
    '', '   ', '(', ')', '(1', '1)', 'a =', '= 1', 'a IN', 'a IN ()', 'a IN (1,', "'abc", '[abc', '"abc',
    "N'abc", 'CAST(1 AS)', 'CAST(1 int)', 'CONVERT(int)', 'CONVERT(int, )', 'CASE WHEN END', 'CASE END',
    'CASE WHEN 1 THEN 2', 'x BETWEEN 1', 'x BETWEEN 1 OR 2', 'a = = 1', 'a.', '.a', 'a..b', '/* open',
    'SELECT 1', 'x IN (SELECT 1)', 'EXISTS (SELECT 1)', '1e', '1e+', '12abc', '`x`', 'a ? b', 'a ; b',
    'NEXT VALUE FOR', 'f(1,)', 'f(,1)', 'a IS 5', 'a IS NOT', 'a NOT', 'a NOT b', 'x COLLATE', '1 2',
    'CAST(x AS varchar(foo))', 'CAST(x AS varchar(10)', 'a AND', 'OR b', 'NOT', 'a LIKE', 'a = 1 = 2',
    'AND = 1', 'x AT TIME ZONE \'UTC\'', '$1', 'a = {1}',
    '('.repeat(5000) + '1' + ')'.repeat(5000),
    '- '.repeat(5000) + '1',
    'NOT '.repeat(5000) + 'x = 1',
    Array.from({ length: 5000 }, (_, i) => String(i)).join(' + '),
  ];

  it.each(broken.map((t) => [t.length > 40 ? `${t.slice(0, 40)}... (${t.length} chars)` : JSON.stringify(t), t]))(
    '%s gives parsed:false and a one-line problem',
    (_name, text) => {
      const result = makeExpression(text, defaultNameKey);
      expect(result.expression.parsed).toBe(false);
      expect(result.expression.text).toBe(text);
      expect(result.expression.canonical).toBe(text.replace(/\s+/g, '').toLowerCase());
      expect(result.problem).toMatch(/^cannot parse expression "[^\n]*": [^\n]+ at character \d+/);
      expect(result.problem?.length ?? 0).toBeLessThan(300);
    },
  );

  it('says where it failed', () => {
    expect(makeExpression('[a] = = 1', defaultNameKey).problem).toBe(
      'cannot parse expression "[a] = = 1": expected an expression but found "=" at character 7 near "= 1"',
    );
    expect(makeExpression("x IN ('a', 'b'", defaultNameKey).problem).toContain('expected ")" closing the IN list but found end of text');
    expect(makeExpression('x AT TIME ZONE \'UTC\'', defaultNameKey).problem).toContain('found "AT" at character 3');
  });

  it('never throws on random token soup', () => {
    const pieces = [
      'a', '[b]', '"c"', '1', '-', '0.5', "'s'", "N'n'", '(', ')', ',', '.', '=', '<>', '!=', '>=', '!<', '+', '*',
      '/', '%', '&', '|', '^', '~', 'AND', 'OR', 'NOT', 'IS', 'NULL', 'IN', 'BETWEEN', 'LIKE', 'ESCAPE', 'CASE',
      'WHEN', 'THEN', 'ELSE', 'END', 'CAST', 'AS', 'CONVERT', 'NEXT', 'VALUE', 'FOR', 'COLLATE', 'int', 'max',
      'getdate()', '--', '/*', '*/', "'", '[', ']', '"', '\n', 'dateadd', 'day',
    ];
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let parsed = 0;
    for (let i = 0; i < 3000; i++) {
      const length = 1 + random(12);
      const text = Array.from({ length }, () => pieces[random(pieces.length)]).join(random(2) === 0 ? ' ' : '');
      const result = makeExpression(text, defaultNameKey);
      expect(result.expression.parsed === (result.problem === null)).toBe(true);
      if (result.expression.parsed) parsed++;
    }
    // The soup must exercise both outcomes, or this test proves nothing.
    expect(parsed).toBeGreaterThan(50);
    expect(parsed).toBeLessThan(2950);
  });
});
