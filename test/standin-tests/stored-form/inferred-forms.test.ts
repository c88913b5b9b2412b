/**
 * Forms no public source shows verbatim. Each expectation follows from the observed rules (one
 * pair of outer parentheses, literals in their own, keywords spelled as SQL Server spells them,
 * the stored text printed from the parsed tree rather than from the user's characters) and says
 * which rule it leans on. If a real server ever disagrees, change the printer and this file.
 */
import { expectStored } from './expect-stored';

describe('inferred: operator spellings', () => {
  it('stores != as <> (same comparison in the tree; <> is what every sample shows)', () => {
    expectStored('check', '[x] != 0', '([x]<>(0))');
  });

  it('stores !< and !> as >= and <=', () => {
    expectStored('check', '[x] !< 0', '([x]>=(0))');
    expectStored('check', '[x] !> 10', '([x]<=(10))');
  });

  it('stores NOT BETWEEN as NOT of the >= AND <= pair (like NOT IN is NOT of the OR chain)', () => {
    expectStored('check', '[Age] NOT BETWEEN 0 AND 17', '(NOT ([Age]>=(0) AND [Age]<=(17)))');
  });

  it('stores a one-item IN list as a single equality', () => {
    expectStored('check', "[kind] IN ('a')", "([kind]='a')");
    expectStored('check', "[kind] NOT IN ('a')", "(NOT [kind]='a')");
  });

  it('stores IS NULL tests of expressions with the expression parenthesised like any operand', () => {
    expectStored('check', '[a] + [b] IS NOT NULL', '(([a]+[b]) IS NOT NULL)');
  });
});

describe('inferred: keyword functions and shorthands', () => {
  it('stores CURRENT_TIMESTAMP as getdate() (what Prisma, TypeORM and MikroORM read back)', () => {
    expectStored('default', 'CURRENT_TIMESTAMP', '(getdate())');
  });

  it('stores the user keyword functions as their function forms', () => {
    expectStored('default', 'SYSTEM_USER', '(suser_sname())');
    expectStored('default', 'CURRENT_USER', '(user_name())');
    expectStored('default', 'SESSION_USER', '(user_name())');
  });

  it('spells abbreviated dateparts in full', () => {
    expectStored('default', 'DATEADD(dd, 30, GETDATE())', '(dateadd(day,(30),getdate()))');
    expectStored('computed', 'DATEDIFF(yy, [born], [died])', '(datediff(year,[born],[died]))');
  });

  it('stores IIF as the CASE it is shorthand for', () => {
    expectStored('computed', 'IIF([qty] > 0, 1, 0)', '(case when [qty]>(0) then (1) else (0) end)');
  });

  it('stores CAST as CONVERT with the type first (seen for computed columns)', () => {
    expectStored('computed', 'CAST([total] AS decimal(10, 2))', '(CONVERT([decimal](10,2),[total]))');
    expectStored('computed', 'TRY_CAST([code] AS int)', '(TRY_CONVERT([int],[code]))');
  });

  it('keeps a CONVERT style, as a numeric literal', () => {
    expectStored('computed', 'CONVERT(varchar(8), [d], 112)', '(CONVERT([varchar](8),[d],(112)))');
  });

  it('lower-cases system type names however they are quoted, and keeps alias types as written', () => {
    expectStored('default', 'CONVERT([INT], 1)', '(CONVERT([int],(1)))');
    expectStored('default', 'CONVERT(Flag, 1)', '(CONVERT([Flag],(1)))');
    expectStored('default', 'CAST(1 AS dbo.Flag)', '(CONVERT([dbo].[Flag],(1)))');
  });

  it('maps ISO type synonyms to the system type name', () => {
    expectStored('default', "CAST('x' AS national character varying(10))", "(CONVERT([nvarchar](10),'x'))");
    expectStored('default', 'CONVERT(double precision, 1)', '(CONVERT([float],(1)))');
    expectStored('default', 'CONVERT(INTEGER, 1)', '(CONVERT([int],(1)))');
  });
});

describe('inferred: literals', () => {
  it('wraps a binary constant like a number', () => {
    expectStored('default', '0x00FF', '((0x00FF))');
  });

  it('stores NULL bare inside the outer parentheses (Prisma treats "(NULL)" as no default)', () => {
    expectStored('default', 'NULL', '(NULL)');
  });

  it('drops a unary plus on a number', () => {
    expectStored('default', '+5', '((5))');
  });

  it('keeps numeric text verbatim, whatever its spelling', () => {
    expectStored('default', '1E3', '((1E3))');
    expectStored('default', '.5', '((.5))');
    expectStored('default', '007', '((007))');
  });

  it('upper-cases the N prefix of a string but keeps its body byte for byte', () => {
    expectStored('default', "n'Zoë''s'", "(N'Zoë''s')");
  });
});

describe('inferred: filters use the same printer as checks', () => {
  it('stores the documented filter shapes', () => {
    expectStored('filter', '[is_deleted] = 0', '([is_deleted]=(0))');
    expectStored('filter', '[deleted_at] IS NULL AND [tenant] = -1', '([deleted_at] IS NULL AND [tenant]=(-1))');
  });

  it('stores an IN-list filter as a reversed OR chain, like a check', () => {
    expectStored('filter', '[status] IN (1, 2, 3)', '([status]=(3) OR [status]=(2) OR [status]=(1))');
    expectStored('filter', "[a] IS NOT NULL AND [b] IN ('x', 'y')", "([a] IS NOT NULL AND ([b]='y' OR [b]='x'))");
  });
});
