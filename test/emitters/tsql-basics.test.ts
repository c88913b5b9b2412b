import { renderColumnDefinition } from '../../src/emitters/tsql/column';
import { stripOuterParens } from '../../src/emitters/tsql/expression';
import { expectValidTsql } from '../support/tsql-grammar';
import { col, df, expr, t } from './fixtures';

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
