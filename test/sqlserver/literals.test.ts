/** Quoting and typed literals (design.md rule 8): one module for the compiler and the emitters. */
import type { SqlType } from '../../src/model';
import {
  bracket, collationName, inListText, nLiteral, quoteIdent, quoteQualified, stringLiteral, typedStringLiteral,
} from '../../src/sqlserver/literals';
import { expectValidTsql } from '../support/tsql-grammar';

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

  it('brackets without a length check where the compiler reports the length itself', () => {
    expect(bracket('x'.repeat(129))).toBe(`[${'x'.repeat(129)}]`);
    expect(bracket('a]b')).toBe('[a]]b]');
  });
});

describe('string literals', () => {
  it('doubles quotes, with N only for unicode', () => {
    expect(stringLiteral("it's", false)).toBe("'it''s'");
    expect(stringLiteral("it's", true)).toBe("N'it''s'");
    expect(nLiteral("O'Brien's")).toBe("N'O''Brien''s'");
    expect(nLiteral('')).toBe("N''");
  });

  const typed: [SqlType, string][] = [
    [{ name: 'char', length: 3 }, "'a''b'"],
    [{ name: 'varchar', length: 'max' }, "'a''b'"],
    [{ name: 'nchar', length: 3 }, "N'a''b'"],
    [{ name: 'nvarchar', length: 20 }, "N'a''b'"],
    [{ name: 'date' }, "'a''b'"],
  ];
  it.each(typed)('meets %j as %s', (type, literal) => {
    expect(typedStringLiteral("a'b", type)).toBe(literal);
  });

  it('types an IN list like its column, numbers bare', () => {
    expect(inListText('status', ['active', "o'k"], { name: 'varchar', length: 20 })).toBe("[status] IN ('active', 'o''k')");
    expect(inListText('status', ['active'], { name: 'nchar', length: 6 })).toBe("[status] IN (N'active')");
    expect(inListText('p]', [1, 2], { name: 'int' })).toBe('[p]]] IN (1, 2)');
    expectValidTsql(`ALTER TABLE [t] ADD CONSTRAINT [ck] CHECK (${inListText('s', ['a', "b'c"], { name: 'nvarchar', length: 5 })});`);
  });
});

describe('collation names', () => {
  it('lets collation names through bare and refuses anything else', () => {
    expect(collationName('Latin1_General_100_CS_AS_SC')).toBe('Latin1_General_100_CS_AS_SC');
    expect(() => collationName('x; DROP TABLE y')).toThrow(/collation/);
  });
});
