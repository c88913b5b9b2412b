/**
 * Harder inputs: the parenthesis rules under nesting, names that need escaping, comments and
 * whitespace, and keyword case. Forms marked "inferred" extend the observed rules to shapes no
 * public sample shows.
 */
import { expectStored } from './expect-stored';

describe('arithmetic keeps its meaning through the parentheses', () => {
  it('parenthesises every nested operation, so precedence survives', () => {
    expectStored('computed', '[a] + [b] * [c] - [d]', '(([a]+([b]*[c]))-[d])');
    expectStored('computed', '([a] + [b]) * [c]', '(([a]+[b])*[c])');
    expectStored('computed', '[a] - ([b] - [c])', '([a]-([b]-[c]))');
    expectStored('computed', '[a] - [b] - [c]', '(([a]-[b])-[c])');
    expectStored('computed', '[a] * [b] / [c] % 7', '((([a]*[b])/[c])%(7))');
  });

  it('treats bitwise operators like + and -', () => {
    expectStored('computed', '[flags] & 4 | 1', '(([flags]&(4))|(1))');
  });

  it('parenthesises arithmetic on either side of a comparison', () => {
    expectStored('check', '[price] * [qty] <= [limit] + 10', '(([price]*[qty])<=([limit]+(10)))');
  });

  it('leaves a single operation in a function argument or CASE branch bare', () => {
    expectStored('computed', 'COALESCE([a] + 1, 0)', '(coalesce([a]+(1),(0)))');
    expectStored('computed', 'CASE WHEN [a] > 0 THEN [a] * 2 END', '(case when [a]>(0) then [a]*(2)  end)');
  });
});

describe('unary minus (inferred beyond literals)', () => {
  it('folds a minus into a number literal however it is written', () => {
    expectStored('default', '- 5', '((-5))');
    expectStored('default', '-(5)', '((-5))');
    expectStored('default', '((-5))', '((-5))');
    expectStored('check', '[t] > -273.15', '([t]>(-273.15))');
  });

  it('negates a column or an expression as an operator', () => {
    expectStored('computed', '-[balance]', '(-[balance])');
    expectStored('computed', '-([a] + [b])', '(-([a]+[b]))');
    expectStored('check', '-[x] < 0', '((-[x])<(0))');
    expectStored('computed', '[a] - -[b]', '([a]-(-[b]))');
    expectStored('computed', '~[mask]', '(~[mask])');
  });

  it('keeps a negated negative number', () => {
    expectStored('default', '-(-5)', '(-(-5))');
  });
});

describe('AND / OR / NOT parentheses', () => {
  it('drops parentheses that precedence does not need', () => {
    expectStored('check', '(((([x])))) > (((0)))', '([x]>(0))');
    expectStored('check', '([a] = 1 AND [b] = 2) OR [c] = 3', '([a]=(1) AND [b]=(2) OR [c]=(3))');
    expectStored('check', '(NOT [a] = 1) AND [b] = 2', '(NOT [a]=(1) AND [b]=(2))');
  });

  it('keeps parentheses precedence needs', () => {
    expectStored('check', '[a] = 1 AND ([b] = 2 OR [c] = 3)', '([a]=(1) AND ([b]=(2) OR [c]=(3)))');
    expectStored('check', 'NOT ([a] = 1 OR [b] = 2)', '(NOT ([a]=(1) OR [b]=(2)))');
  });

  it('flattens a chain grouped on the left and keeps one grouped on the right', () => {
    expectStored('check', '([a] = 1 OR [b] = 2) OR [c] = 3', '([a]=(1) OR [b]=(2) OR [c]=(3))');
    expectStored('check', '[a] = 1 OR ([b] = 2 OR [c] = 3)', '([a]=(1) OR ([b]=(2) OR [c]=(3)))');
    expectStored('check', '[a] = 1 AND ([b] = 2 AND [c] = 3)', '([a]=(1) AND ([b]=(2) AND [c]=(3)))');
  });

  it('expands IN and BETWEEN into chains that follow the same left/right rule', () => {
    expectStored('check', '[a] IN (1, 2) OR [b] IN (3, 4)', '([a]=(2) OR [a]=(1) OR ([b]=(4) OR [b]=(3)))');
    expectStored('check', '[a] BETWEEN 1 AND 2 AND [b] = 0', '([a]>=(1) AND [a]<=(2) AND [b]=(0))');
    expectStored('check', '[b] = 0 AND [a] BETWEEN 1 AND 2', '([b]=(0) AND ([a]>=(1) AND [a]<=(2)))');
    expectStored('check', '[a] IN (1, 2) AND [b] = 0', '(([a]=(2) OR [a]=(1)) AND [b]=(0))');
  });

  it('keeps the whole IN expression, not just a column, on each equality', () => {
    expectStored('check', 'LEN(TRIM([code])) IN (2, 3)', '(len(trim([code]))=(3) OR len(trim([code]))=(2))');
    expectStored('check', '[a] + 1 IN (2, [b])', '(([a]+(1))=[b] OR ([a]+(1))=(2))');
  });
});

describe('CASE', () => {
  it('nests, simple and searched, with and without ELSE', () => {
    expectStored(
      'computed',
      "CASE WHEN [a] = 1 THEN CASE [b] WHEN 2 THEN 'x' ELSE 'y' END ELSE CASE WHEN [c] IS NULL THEN 'n' END END",
      "(case when [a]=(1) then case [b] when (2) then 'x' else 'y' end else case when [c] IS NULL then 'n'  end end)",
    );
  });

  it('prints several WHEN arms in order', () => {
    expectStored('computed', "CASE [s] WHEN 1 THEN 'a' WHEN 2 THEN 'b' ELSE NULL END", "(case [s] when (1) then 'a' when (2) then 'b' else NULL end)");
  });

  it('uses a CASE as a comparison operand without parentheses', () => {
    expectStored('check', "CASE WHEN [kind] = 'x' THEN [a] ELSE [b] END > 0", "(case when [kind]='x' then [a] else [b] end>(0))");
  });
});

describe('names', () => {
  it('brackets bare, bracketed and double-quoted names alike', () => {
    expectStored('check', 'amount > 0', '([amount]>(0))');
    expectStored('check', '"amount" > 0', '([amount]>(0))');
    expectStored('check', '[order id] > 0', '([order id]>(0))');
  });

  it('escapes a closing bracket in a name by doubling it', () => {
    expectStored('check', '[a]]b] > 0', '([a]]b]>(0))');
    expectStored('check', '"we]ird" = 1', '([we]]ird]=(1))');
    expectStored('check', '"say ""hi""" = 1', '([say "hi"]=(1))');
  });

  it('keeps the case of column names as written', () => {
    expectStored('check', 'MixedCase > 0', '([MixedCase]>(0))');
  });

  it('keeps non-ASCII names', () => {
    expectStored('check', 'größe >= 0', '([größe]>=(0))');
  });

  it('keeps a NEXT VALUE FOR sequence name, schema included', () => {
    expectStored('default', 'NEXT VALUE FOR dbo.order_numbers', '(NEXT VALUE FOR [dbo].[order_numbers])');
  });

  it('lower-cases built-in function names but not schema-qualified ones', () => {
    expectStored('computed', 'UPPER(LEFT([name], 1)) + RIGHT([name], 2)', '(upper(left([name],(1)))+right([name],(2)))');
    expectStored('computed', 'dbo.FormatName([first], [last])', '([dbo].[FormatName]([first],[last]))');
  });
});

describe('COLLATE (inferred)', () => {
  it('follows its operand with a lower-case keyword and the collation name as written', () => {
    expectStored('check', "[code] COLLATE Latin1_General_CS_AS = 'ABC'", "([code] collate Latin1_General_CS_AS='ABC')");
  });

  it('stays attached to each equality of an IN list', () => {
    expectStored('check', "[s] COLLATE Latin1_General_BIN IN ('a', 'b')", "([s] collate Latin1_General_BIN='b' OR [s] collate Latin1_General_BIN='a')");
  });
});

describe('whitespace, comments and keyword case', () => {
  it('drops line and block comments and all layout', () => {
    expectStored('check', '[x]   /* why */ >\n\t-- because\n 0', '([x]>(0))');
    expectStored('check', '[x] /* nested /* comment */ still */ > 0', '([x]>(0))');
  });

  it('spells keywords the way SQL Server does whatever their case', () => {
    expectStored('check', "[x] is not null and [y] LiKe 'a%' or [z] is null", "([x] IS NOT NULL AND [y] like 'a%' OR [z] IS NULL)");
    expectStored('check', "[y] like 'a!%' escape '!'", "([y] like 'a!%' escape '!')");
  });

  it('keeps string literal bytes, quotes and spaces included', () => {
    expectStored('check', "[s] <> ' it''s  '", "([s]<>' it''s  ')");
  });
});
