/** Type facets and their text: one printer for DDL and for every message that names a type. */
import type { SqlType, SqlTypeName } from '../../src/model';
import {
  allowsIdentity, allowsMax, bytesPerLengthUnit, facetShape, isCharacterType, isNumericType, isSqlTypeName,
  isUnicodeType, MAX_LENGTH, modelTypeName, notIncludableReason, notIndexableReason, takesStringLiteral, typeText,
} from '../../src/sqlserver/types';
import { expectValidTsql } from '../support/tsql-grammar';

// One complete type per SqlTypeName; the Record makes a new type name fail to compile here.
const EVERY: Record<SqlTypeName, [SqlType, string]> = {
  bit: [{ name: 'bit' }, 'bit'],
  tinyint: [{ name: 'tinyint' }, 'tinyint'],
  smallint: [{ name: 'smallint' }, 'smallint'],
  int: [{ name: 'int' }, 'int'],
  bigint: [{ name: 'bigint' }, 'bigint'],
  decimal: [{ name: 'decimal', precision: 18, scale: 2 }, 'decimal(18,2)'],
  numeric: [{ name: 'numeric', precision: 38, scale: 0 }, 'numeric(38,0)'],
  money: [{ name: 'money' }, 'money'],
  smallmoney: [{ name: 'smallmoney' }, 'smallmoney'],
  float: [{ name: 'float', precision: 53 }, 'float'],
  real: [{ name: 'real' }, 'real'],
  date: [{ name: 'date' }, 'date'],
  time: [{ name: 'time', scale: 0 }, 'time(0)'],
  datetime: [{ name: 'datetime' }, 'datetime'],
  datetime2: [{ name: 'datetime2', scale: 3 }, 'datetime2(3)'],
  datetimeoffset: [{ name: 'datetimeoffset', scale: 7 }, 'datetimeoffset(7)'],
  smalldatetime: [{ name: 'smalldatetime' }, 'smalldatetime'],
  char: [{ name: 'char', length: 10 }, 'char(10)'],
  varchar: [{ name: 'varchar', length: 255 }, 'varchar(255)'],
  nchar: [{ name: 'nchar', length: 2 }, 'nchar(2)'],
  nvarchar: [{ name: 'nvarchar', length: 'max' }, 'nvarchar(max)'],
  binary: [{ name: 'binary', length: 16 }, 'binary(16)'],
  varbinary: [{ name: 'varbinary', length: 'max' }, 'varbinary(max)'],
  uniqueidentifier: [{ name: 'uniqueidentifier' }, 'uniqueidentifier'],
  xml: [{ name: 'xml' }, 'xml'],
  rowversion: [{ name: 'rowversion' }, 'rowversion'],
  sql_variant: [{ name: 'sql_variant' }, 'sql_variant'],
  hierarchyid: [{ name: 'hierarchyid' }, 'hierarchyid'],
  geography: [{ name: 'geography' }, 'geography'],
  geometry: [{ name: 'geometry' }, 'geometry'],
  text: [{ name: 'text' }, 'text'],
  ntext: [{ name: 'ntext' }, 'ntext'],
  image: [{ name: 'image' }, 'image'],
};

describe('type text', () => {
  it.each(Object.values(EVERY))('%j is written %s', (type, sql) => {
    expect(typeText(type)).toBe(sql);
  });

  it('writes float(53) as plain float, never with a scale', () => {
    expect(typeText({ name: 'float', precision: 53 })).toBe('float');
    expect(typeText({ name: 'float' })).toBe('float');
    expect(typeText({ name: 'float', precision: 53, scale: 0 })).toBe('float');
  });

  it('fills the facets SQL Server would default', () => {
    expect(typeText({ name: 'numeric' })).toBe('numeric(18,0)');
    expect(typeText({ name: 'datetime2' })).toBe('datetime2(7)');
  });

  it('refuses a string type without a length, and MAX where SQL Server has none', () => {
    expect(() => typeText({ name: 'varchar' })).toThrow(/needs a length/);
    expect(() => typeText({ name: 'char', length: 'max' })).toThrow(/not a SQL Server type/);
    expect(() => typeText({ name: 'decimal', precision: 0, scale: 0 })).toThrow(/bad facet/);
  });

  it('is text the T-SQL grammar accepts as a column type', () => {
    const columns = Object.values(EVERY).map(([type], i) => `[c${i}] ${typeText(type)} NULL`);
    expectValidTsql(`CREATE TABLE [dbo].[t] (\n    ${columns.join(',\n    ')}\n);`);
  });
});

describe('type facts', () => {
  it('knows the modelled type names and only those', () => {
    for (const name of Object.keys(EVERY)) expect(isSqlTypeName(name)).toBe(true);
    // timestamp is SQL Server's old name of rowversion: a synonym, not a model type of its own.
    expect(isSqlTypeName('timestamp')).toBe(false);
    expect(modelTypeName('timestamp')).toBe('rowversion');
    expect(modelTypeName('Geography')).toBe('geography');
    expect(modelTypeName('MyClrType')).toBeNull();
    expect(isSqlTypeName('VARCHAR')).toBe(false);
  });

  it('gives each type its facet shape', () => {
    expect(facetShape('nvarchar')).toBe('length');
    expect(facetShape('decimal')).toBe('precisionScale');
    expect(facetShape('float')).toBe('float');
    expect(facetShape('datetimeoffset')).toBe('fractionalSeconds');
    expect(facetShape('uniqueidentifier')).toBe('none');
  });

  it('separates unicode from single-byte character types', () => {
    const unicode = Object.values(EVERY).filter(([t]) => isUnicodeType(t)).map(([t]) => t.name);
    expect(unicode).toEqual(['nchar', 'nvarchar', 'ntext']);
    const character = Object.values(EVERY).filter(([t]) => isCharacterType(t)).map(([t]) => t.name);
    expect(character).toEqual(['char', 'varchar', 'nchar', 'nvarchar', 'text', 'ntext']);
    expect(bytesPerLengthUnit({ name: 'nchar' })).toBe(2);
    expect(bytesPerLengthUnit({ name: 'varbinary' })).toBe(1);
    expect(MAX_LENGTH.nvarchar).toBe(4000);
    expect(MAX_LENGTH.varchar).toBe(8000);
  });

  it('answers which literals and options a type takes', () => {
    expect(allowsMax('varchar')).toBe(true);
    expect(allowsMax('char')).toBe(false);
    expect(allowsIdentity({ name: 'bigint' })).toBe(true);
    expect(allowsIdentity({ name: 'decimal', precision: 10, scale: 0 })).toBe(true);
    expect(allowsIdentity({ name: 'decimal', precision: 10, scale: 2 })).toBe(false);
    expect(isNumericType({ name: 'money' })).toBe(true);
    expect(isNumericType({ name: 'date' })).toBe(false);
    expect(takesStringLiteral({ name: 'datetime2', scale: 7 })).toBe(true);
    expect(takesStringLiteral({ name: 'int' })).toBe(false);
  });
});

describe('types an index cannot take', () => {
  it('refuses large objects and spatial types as keys, and text/ntext/image even as INCLUDE columns', () => {
    const keyable = Object.values(EVERY).filter(([t]) => notIndexableReason(t) === null).map(([t]) => t.name);
    expect(keyable).not.toContain('nvarchar'); // nvarchar(max) in EVERY
    expect(Object.values(EVERY).filter(([t]) => notIndexableReason(t) !== null).map(([t]) => t.name))
      .toEqual(['nvarchar', 'varbinary', 'xml', 'geography', 'geometry', 'text', 'ntext', 'image']);
    expect(notIndexableReason({ name: 'rowversion' })).toBeNull();
    expect(notIndexableReason({ name: 'hierarchyid' })).toBeNull();
    expect(notIndexableReason({ name: 'sql_variant' })).toBeNull();
    expect(notIncludableReason({ name: 'image' })).toMatch(/cannot be INCLUDE columns/);
    expect(notIncludableReason({ name: 'varchar', length: 'max' })).toBeNull();
  });

  it('writes an alias type by its name: sysname bare, a user type schema-qualified', () => {
    expect(typeText({ name: 'nvarchar', length: 128, alias: { schema: 'sys', name: 'sysname' } })).toBe('sysname');
    expect(typeText({ name: 'nvarchar', length: 320, alias: { schema: 'dbo', name: 'Email' } })).toBe('dbo.Email');
  });
});
