/**
 * SQL Server's type facts, once: which facets each type takes, their limits, the type
 * families other rules ask about, and the type as SQL Server writes it. The compiler, the
 * catalog, the differ, the emitters and lint all read these; a new type is added here.
 */
import type { SqlType, SqlTypeName } from '../model';
import { assertNever } from '../util/assert-never';

/**
 * How a type takes its facets: a length (characters or bytes, or max), precision and scale,
 * float's mantissa bits, fractional-second digits, or none.
 */
export type FacetShape = 'none' | 'length' | 'precisionScale' | 'float' | 'fractionalSeconds';

const SHAPES: Readonly<Record<SqlTypeName, FacetShape>> = {
  bit: 'none', tinyint: 'none', smallint: 'none', int: 'none', bigint: 'none',
  decimal: 'precisionScale', numeric: 'precisionScale',
  money: 'none', smallmoney: 'none', float: 'float', real: 'none',
  date: 'none', time: 'fractionalSeconds', datetime: 'none', datetime2: 'fractionalSeconds',
  datetimeoffset: 'fractionalSeconds', smalldatetime: 'none',
  char: 'length', varchar: 'length', nchar: 'length', nvarchar: 'length',
  binary: 'length', varbinary: 'length',
  uniqueidentifier: 'none', xml: 'none',
};

/** The facet shape of a type name. */
export function facetShape(name: SqlTypeName): FacetShape {
  return SHAPES[name];
}

/** True when `name` (lower case) is a type schemac maps. */
export function isSqlTypeName(name: string): name is SqlTypeName {
  return Object.prototype.hasOwnProperty.call(SHAPES, name);
}

/**
 * The largest length a length-typed column may declare: 8,000 bytes per row-stored value, so
 * 4,000 characters for the two-byte nchar/nvarchar
 * (https://learn.microsoft.com/en-us/sql/t-sql/data-types/nchar-and-nvarchar-transact-sql).
 */
export const MAX_LENGTH: Readonly<Partial<Record<SqlTypeName, number>>> = {
  char: 8000, varchar: 8000, nchar: 4000, nvarchar: 4000, binary: 8000, varbinary: 8000,
};

/** The default precision of decimal/numeric and the highest allowed. */
export const DECIMAL_DEFAULT_PRECISION = 18;
/** decimal/numeric precision limit. */
export const DECIMAL_MAX_PRECISION = 38;
/** Fractional-second digits of time/datetime2/datetimeoffset when none are given, and the limit. */
export const FRACTIONAL_SECONDS_MAX = 7;
/** float's mantissa bits: float(1..24) is stored as real, float(25..53) as float(53). */
export const FLOAT_MAX_BITS = 53;
/** The highest float(n) SQL Server stores as real. */
export const REAL_MAX_BITS = 24;

const MAX_ALLOWED: ReadonlySet<SqlTypeName> = new Set<SqlTypeName>(['varchar', 'nvarchar', 'varbinary']);

/** Types whose length may be MAX (the fixed-length ones may not). */
export function allowsMax(name: SqlTypeName): boolean {
  return MAX_ALLOWED.has(name);
}

/** char, varchar, nchar, nvarchar: the types that carry a collation. */
export function isCharacterType(t: SqlType): boolean {
  return t.name === 'char' || t.name === 'varchar' || t.name === 'nchar' || t.name === 'nvarchar';
}

/** nchar, nvarchar: a string literal meets them with the N prefix; two bytes per character. */
export function isUnicodeType(t: SqlType): boolean {
  return t.name === 'nchar' || t.name === 'nvarchar';
}

/** Bytes one unit of a length facet takes (sys.columns.max_length is in bytes). */
export function bytesPerLengthUnit(t: SqlType): 1 | 2 {
  return isUnicodeType(t) ? 2 : 1;
}

const NUMERIC: ReadonlySet<SqlTypeName> = new Set<SqlTypeName>([
  'bit', 'tinyint', 'smallint', 'int', 'bigint', 'decimal', 'numeric', 'money', 'smallmoney', 'float', 'real',
]);

/** Numeric types a number literal fits. */
export function isNumericType(t: SqlType): boolean {
  return NUMERIC.has(t.name);
}

const DATE_TIME: ReadonlySet<SqlTypeName> = new Set<SqlTypeName>([
  'date', 'time', 'datetime', 'datetime2', 'datetimeoffset', 'smalldatetime',
]);

/** Date and time types. */
export function isDateTimeType(t: SqlType): boolean {
  return DATE_TIME.has(t.name);
}

/** Types a quoted string literal fits (character, date/time, uniqueidentifier, xml). */
export function takesStringLiteral(t: SqlType): boolean {
  return isCharacterType(t) || isDateTimeType(t) || t.name === 'xml' || t.name === 'uniqueidentifier';
}

/** Exact integer types, and decimal/numeric with scale 0: the types IDENTITY accepts. */
export function allowsIdentity(t: SqlType): boolean {
  return t.name === 'tinyint' || t.name === 'smallint' || t.name === 'int' || t.name === 'bigint'
    || ((t.name === 'decimal' || t.name === 'numeric') && t.scale === 0);
}

/**
 * The type as SQL Server writes it: `varchar(255)`, `nvarchar(max)`, `decimal(18,2)`,
 * `datetime2(3)`, `float` for float(53). Used for DDL and for every message that names a type.
 * Facets are always written out (never left to SQL Server's defaults, which differ between DDL
 * and CAST); a missing length throws, because `varchar` without one silently means varchar(1).
 */
export function typeText(type: SqlType): string {
  const shape = SHAPES[type.name];
  switch (shape) {
    case 'none':
      return type.name;
    case 'length': {
      if (type.length === undefined) throw new Error(`schemac: type ${type.name} needs a length`);
      if (type.length === 'max') {
        if (!MAX_ALLOWED.has(type.name)) throw new Error(`schemac: ${type.name}(max) is not a SQL Server type`);
        return `${type.name}(max)`;
      }
      return `${type.name}(${positiveInt(type.length, type.name)})`;
    }
    case 'precisionScale':
      return `${type.name}(${positiveInt(type.precision ?? DECIMAL_DEFAULT_PRECISION, type.name)},${nonNegativeInt(type.scale ?? 0, type.name)})`;
    case 'float': {
      // SQL Server stores float(25..53) as float(53), which is plain `float`.
      const p = type.precision ?? FLOAT_MAX_BITS;
      return p === FLOAT_MAX_BITS ? 'float' : `float(${positiveInt(p, type.name)})`;
    }
    case 'fractionalSeconds':
      return `${type.name}(${nonNegativeInt(type.scale ?? FRACTIONAL_SECONDS_MAX, type.name)})`;
    default:
      return assertNever(shape, 'type shape');
  }
}

function positiveInt(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 1) throw new Error(`schemac: bad facet ${n} for ${what}`);
  return n;
}

function nonNegativeInt(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 0) throw new Error(`schemac: bad facet ${n} for ${what}`);
  return n;
}

/** True when two types are stored identically (name and every facet). */
export function sameType(a: SqlType, b: SqlType): boolean {
  return a.name === b.name && a.length === b.length && a.precision === b.precision && a.scale === b.scale;
}
