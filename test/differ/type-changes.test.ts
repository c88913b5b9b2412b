/** The type-change safety table. */
import { classifyTypeChange, narrowingEffect, type TypeChangeSafety } from '../../src/differ';
import { type } from '../support/model-builders';

const cases: Array<[string, string, TypeChangeSafety]> = [
  ['int', 'int', 'same'],
  ['int', 'bigint', 'widening'],
  ['bigint', 'int', 'narrowing'],
  ['varchar(50)', 'varchar(100)', 'widening'],
  ['varchar(100)', 'varchar(50)', 'narrowing'],
  ['varchar(50)', 'varchar(max)', 'widening'],
  ['varchar(max)', 'varchar(8000)', 'narrowing'],
  ['varchar(50)', 'nvarchar(50)', 'widening'],
  ['nvarchar(50)', 'varchar(50)', 'narrowing'],
  ['decimal(10,2)', 'decimal(12,2)', 'widening'],
  ['decimal(10,2)', 'decimal(10,4)', 'narrowing'],
  ['int', 'decimal(10,0)', 'widening'],
  ['int', 'decimal(9,0)', 'narrowing'],
  ['datetime', 'datetime2(3)', 'widening'],
  ['datetime2(7)', 'datetime', 'narrowing'],
  ['date', 'datetime2', 'widening'],
  ['time(7)', 'time(3)', 'narrowing'],
  ['uniqueidentifier', 'varchar(36)', 'widening'],
  ['uniqueidentifier', 'int', 'not-castable'],
  ['datetime', 'int', 'not-castable'],
  ['xml', 'int', 'not-castable'],
  ['varchar(10)', 'int', 'narrowing'],
  ['varbinary(10)', 'varbinary(20)', 'widening'],
  // The deprecated LOB types convert like their MAX replacements, both ways.
  ['text', 'varchar(max)', 'widening'],
  ['varchar(max)', 'text', 'widening'],
  ['ntext', 'nvarchar(max)', 'widening'],
  ['text', 'nvarchar(max)', 'widening'],
  ['ntext', 'varchar(max)', 'narrowing'],
  ['text', 'varchar(100)', 'narrowing'],
  ['image', 'varbinary(max)', 'widening'],
  ['varbinary(20)', 'image', 'widening'],
  ['image', 'int', 'not-castable'],
  // rowversion is never altered; hierarchyid and the spatial types convert to nothing in place.
  ['rowversion', 'binary(8)', 'not-castable'],
  ['binary(8)', 'rowversion', 'not-castable'],
  ['hierarchyid', 'varbinary(max)', 'not-castable'],
  ['geography', 'geometry', 'not-castable'],
  ['varchar(100)', 'geography', 'not-castable'],
  // sql_variant holds most base types; nothing converts out of it implicitly.
  ['int', 'sql_variant', 'widening'],
  ['nvarchar(100)', 'sql_variant', 'widening'],
  ['varchar(max)', 'sql_variant', 'not-castable'],
  ['xml', 'sql_variant', 'not-castable'],
  ['sql_variant', 'int', 'not-castable'],
  ['geography', 'geography', 'same'],
];

describe('type-change safety', () => {
  test.each(cases)('%s -> %s is %s', (from, to, expected) => {
    expect(classifyTypeChange(type(from), type(to))).toBe(expected);
  });
});

describe('what a narrowing does to a value that does not fit', () => {
  test.each([
    // Fractional digits are rounded away.
    ['decimal(19,4)', 'decimal(19,2)', 'rounds'],
    ['decimal(18,4)', 'decimal(16,2)', 'rounds'],
    ['datetime2(3)', 'datetime2(0)', 'rounds'],
    ['datetimeoffset(7)', 'datetimeoffset(3)', 'rounds'],
    ['time(7)', 'time(0)', 'rounds'],
    // Values that cannot be held fail the ALTER COLUMN.
    ['decimal(19,4)', 'decimal(10,4)', 'fails'],
    ['nvarchar(400)', 'nvarchar(320)', 'fails'],
    ['varbinary(max)', 'varbinary(16)', 'fails'],
    ['bigint', 'int', 'fails'],
    ['datetime2(7)', 'datetime', 'fails'],
    ['datetime', 'smalldatetime', 'fails'],
    ['nvarchar(50)', 'int', 'fails'],
  ])('%s -> %s %s', (from, to, expected) => {
    expect(narrowingEffect(type(from), type(to))).toBe(expected);
  });
});
