import { renderColumnDefinition } from '../../src/emitters/tsql/column';
import { stripOuterParens } from '../../src/emitters/tsql/expression';
import { nLiteral, quoteIdent, quoteQualified, stringLiteral } from '../../src/emitters/tsql/quote';
import { renderType } from '../../src/emitters/tsql/types';
import type { SqlType } from '../../src/model';
import { expectValidTsql } from '../support/tsql-grammar';
import { col, df, expr, t } from './fixtures';

describe('identifier quoting', () => {
  it('brackets names and doubles a closing bracket', () => {
    expect(quoteIdent('users')).toBe('[users]');
    expect(quoteIdent('a]b')).toBe('[a]]b]');
    expect(quoteIdent('a]]b')).toBe('[a]]]]b]');
    expect(quoteIdent('[x')).toBe('[[x]');
    expect(quoteQualified('my schema', 'order')).toBe('[my schema].[order]');
  });

  it('refuses names SQL Server would refuse', () => {
    expect(() => quoteIdent('')).toThrow(/empty/);
    expect(() => quoteIdent('x'.repeat(129))).toThrow(/128/);
    expect(quoteIdent('x'.repeat(128))).toHaveLength(130);
  });
});

describe('string literals', () => {
  it("doubles quotes, with N only for unicode", () => {
    expect(stringLiteral("it's", false)).toBe("'it''s'");
    expect(stringLiteral("it's", true)).toBe("N'it''s'");
    expect(nLiteral("O'Brien's")).toBe("N'O''Brien''s'");
    expect(nLiteral('')).toBe("N''");
  });
});

describe('types', () => {
  const cases: [SqlType, string][] = [
    [{ name: 'varchar', length: 255 }, 'varchar(255)'],
    [{ name: 'nvarchar', length: 'max' }, 'nvarchar(max)'],
    [{ name: 'varbinary', length: 'max' }, 'varbinary(max)'],
    [{ name: 'char', length: 10 }, 'char(10)'],
    [{ name: 'decimal', precision: 18, scale: 2 }, 'decimal(18,2)'],
    [{ name: 'numeric' }, 'numeric(18,0)'],
    [{ name: 'datetime2', scale: 3 }, 'datetime2(3)'],
    [{ name: 'datetimeoffset', scale: 7 }, 'datetimeoffset(7)'],
    [{ name: 'time', scale: 0 }, 'time(0)'],
    [{ name: 'float', precision: 53 }, 'float'],
    [{ name: 'float' }, 'float'],
    [{ name: 'uniqueidentifier' }, 'uniqueidentifier'],
    [{ name: 'bit' }, 'bit'],
    [{ name: 'xml' }, 'xml'],
  ];
  it.each(cases)('%j renders as %s', (type, sql) => {
    expect(renderType(type)).toBe(sql);
  });

  it('refuses a string type without a length, and MAX where SQL Server has none', () => {
    expect(() => renderType({ name: 'varchar' })).toThrow(/needs a length/);
    expect(() => renderType({ name: 'char', length: 'max' })).toThrow(/not a SQL Server type/);
    expect(() => renderType({ name: 'decimal', precision: 0, scale: 0 })).toThrow(/bad facet/);
  });
});

describe('expression parentheses', () => {
  it('removes only pairs that enclose the whole expression', () => {
    expect(stripOuterParens('((0))')).toBe('0');
    expect(stripOuterParens(' (getdate()) ')).toBe('getdate()');
    expect(stripOuterParens('([a]>(0))')).toBe('[a]>(0)');
    expect(stripOuterParens('(a) + (b)')).toBe('(a) + (b)');
    expect(stripOuterParens("(')(')")).toBe("')('");
    expect(stripOuterParens('([a)]=(1))')).toBe('[a)]=(1)');
    expect(() => stripOuterParens('()')).toThrow(/empty/);
  });
});

describe('column definitions', () => {
  it('puts the default constraint name right before DEFAULT, never unnamed', () => {
    const sql = renderColumnDefinition(col('status', t.varchar(20)), df('df_users_status', 'status', "('active')"));
    expect(sql).toBe("[status] varchar(20) NOT NULL CONSTRAINT [df_users_status] DEFAULT ('active')");
  });

  it('renders collation, identity, nullability and computed columns', () => {
    expect(renderColumnDefinition(col('name', t.nvarchar(50), { collation: 'Latin1_General_CI_AS', nullable: true }), null))
      .toBe('[name] nvarchar(50) COLLATE Latin1_General_CI_AS NULL');
    expect(renderColumnDefinition(col('index_id', t.bigint, { identity: { seed: '1000000000000', increment: '-1' } }), null))
      .toBe('[index_id] bigint IDENTITY(1000000000000,-1) NOT NULL');
    expect(renderColumnDefinition(col('total', t.int, { computed: { expression: expr('([a]+[b])'), persisted: true } }), null))
      .toBe('[total] AS ([a]+[b]) PERSISTED NOT NULL');
    expect(renderColumnDefinition(col('upper_name', t.int, { nullable: true, computed: { expression: expr('upper(name)'), persisted: false } }), null))
      .toBe('[upper_name] AS (upper(name))');
  });

  it('refuses what SQL Server refuses', () => {
    expect(() => renderColumnDefinition(col('id', t.int, { identity: { seed: '1', increment: '1' } }), df('df', 'id', '0'))).toThrow(/identity/);
    expect(() => renderColumnDefinition(col('n', t.int, { collation: 'Latin1_General_CI_AS' }), null)).toThrow(/collation/);
    expect(() => renderColumnDefinition(col('n', t.varchar(1), { collation: 'x; DROP TABLE y' }), null)).toThrow(/collation/);
    expect(() => renderColumnDefinition(col('n', t.int, { identity: { seed: '1; --', increment: '1' } }), null)).toThrow(/identity/);
  });

  it('produces column definitions the grammar accepts inside CREATE TABLE', () => {
    const columns = [
      renderColumnDefinition(col('a]b', t.decimal(18, 2), { nullable: true }), df('df_t_a', 'a]b', '((-1.5))')),
      renderColumnDefinition(col('n', t.nvarchar('max'), { collation: 'Latin1_General_CI_AS', nullable: true }), df('df_t_n', 'n', "(N'it''s')")),
      renderColumnDefinition(col('c', t.int, { computed: { expression: expr('([a]]b]*(2))'), persisted: true } }), null),
      renderColumnDefinition(col('d', { name: 'datetime2', scale: 3 }), df('df_t_d', 'd', '(sysutcdatetime())')),
    ];
    expectValidTsql(`CREATE TABLE [dbo].[t] (\n    ${columns.join(',\n    ')}\n);`);
  });
});
