/**
 * SQL Server's type facts, once: which facets each type takes, their limits, the type
 * families other rules ask about, and the type as SQL Server writes it. The compiler, the
 * catalog, the differ, the emitters and lint all read these; a new type is added here.
 */
import { keywordKey } from './names';
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
  rowversion: 'none', sql_variant: 'none', hierarchyid: 'none', geography: 'none', geometry: 'none',
  text: 'none', ntext: 'none', image: 'none',
};

/**
 * Each type's name as SHAPES's own key, which typeText writes instead of the model's copy of the
 * same name. Why: V8 turns a string once used as a property key (SHAPES[type.name] and many
 * lookups like it) into a "thin" forwarding string, and Array.prototype.join over one builds a
 * two-byte result; one such type name in a column definition made the whole script text
 * two-byte, twice the memory to build, copy and encode.
 */
const TYPE_NAMES: ReadonlyMap<string, SqlTypeName> = new Map(Object.keys(SHAPES).map((name) => [name, name as SqlTypeName]));

/**
 * Names SQL Server reports (TYPE_NAME) for a type schemac calls otherwise: `timestamp` is the
 * deprecated synonym of rowversion and the name sys.types keeps for it
 * (https://learn.microsoft.com/sql/t-sql/data-types/rowversion-transact-sql).
 */
const SYNONYMS: Readonly<Record<string, SqlTypeName>> = { timestamp: 'rowversion' };

/** The model type name of a type name as SQL Server or a user writes it (lower case), or null. */
export function modelTypeName(name: string): SqlTypeName | null {
  const lower = name.toLowerCase();
  const synonym = SYNONYMS[lower];
  if (synonym !== undefined) return synonym;
  return isSqlTypeName(lower) ? lower : null;
}

/**
 * Deprecated types, with what replaces them: "ntext, text, and image data types will be
 * removed in a future version of SQL Server"
 * (https://learn.microsoft.com/sql/t-sql/data-types/ntext-text-and-image-transact-sql).
 */
export const DEPRECATED_TYPES: Readonly<Partial<Record<SqlTypeName, string>>> = {
  text: 'varchar(max)', ntext: 'nvarchar(max)', image: 'varbinary(max)',
};

/**
 * text, ntext or image: the deprecated types, which the documentation also calls legacy LOB
 * types. They convert only within their family, and keep a table's clustered index operations
 * and online ALTER COLUMN offline (online-drop.ts, online-alter-column.ts).
 */
export function isLegacyLob(t: SqlType): boolean {
  return DEPRECATED_TYPES[t.name] !== undefined;
}

/** sysname: the built-in alias of nvarchar(128) NOT NULL, under the `sys` schema. */
export const SYSNAME = { schema: 'sys', name: 'sysname', base: { name: 'nvarchar', length: 128 } } as const;

/**
 * Why SQL Server refuses a column of this type as an index key, or null when it may be one.
 * "Columns that are of the large object (LOB) data types ntext, text, varchar(max),
 * nvarchar(max), varbinary(max), xml, or image can't be specified as key columns for an index";
 * geometry and geography columns take only a spatial index
 * (https://learn.microsoft.com/sql/t-sql/statements/create-index-transact-sql).
 */
export function notIndexableReason(t: SqlType): string | null {
  if (t.length === 'max') return `${typeText(t)} is a large object type, which cannot be an index key`;
  switch (t.name) {
    case 'text': case 'ntext': case 'image': case 'xml':
      return `${t.name} is a large object type, which cannot be an index key`;
    case 'geography': case 'geometry':
      return `${t.name} columns take only a spatial index, not a key of an ordinary index`;
    default:
      return null;
  }
}

/** text, ntext and image cannot even be INCLUDE columns of a nonclustered index (same page). */
export function notIncludableReason(t: SqlType): string | null {
  return t.name === 'text' || t.name === 'ntext' || t.name === 'image'
    ? `${t.name} columns cannot be INCLUDE columns of an index` : null;
}

/**
 * rowversion: at most one per table, and SQL Server sets its value itself, so no DEFAULT
 * (https://learn.microsoft.com/sql/t-sql/data-types/rowversion-transact-sql).
 */
export function isRowversion(t: SqlType): boolean {
  return t.name === 'rowversion';
}

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

/** char, varchar, nchar, nvarchar (and the deprecated text, ntext): the types that carry a collation. */
export function isCharacterType(t: SqlType): boolean {
  return t.name === 'char' || t.name === 'varchar' || t.name === 'nchar' || t.name === 'nvarchar'
    || t.name === 'text' || t.name === 'ntext';
}

/** nchar, nvarchar, ntext: a string literal meets them with the N prefix; two bytes per character. */
export function isUnicodeType(t: SqlType): boolean {
  return t.name === 'nchar' || t.name === 'nvarchar' || t.name === 'ntext';
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
  // An alias type is written by its own name; its facets are its base type's.
  if (type.alias !== undefined) return type.alias.schema.toLowerCase() === 'sys' ? type.alias.name : `${type.alias.schema}.${type.alias.name}`;
  // Typed XML names its schema collection: xml(CONTENT [s].[c]) (create-table-transact-sql, "xml_schema_collection").
  if (type.xmlSchema !== undefined) {
    const q = (part: string) => `[${part.replace(/\]/g, ']]')}]`;
    return `xml(${type.xmlSchema.document ? 'DOCUMENT' : 'CONTENT'} ${q(type.xmlSchema.schema)}.${q(type.xmlSchema.name)})`;
  }
  const shape = SHAPES[type.name];
  switch (shape) {
    case 'none':
      return TYPE_NAMES.get(type.name) ?? type.name;
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
  return a.name === b.name && a.length === b.length && a.precision === b.precision && a.scale === b.scale && sameXmlSchema(a, b);
}

/** Both untyped, or typed by the same collection the same way (names compare as keywords: sys names are case-insensitive here; inferred). */
export function sameXmlSchema(a: SqlType, b: SqlType): boolean {
  const x = a.xmlSchema;
  const y = b.xmlSchema;
  if (x === undefined || y === undefined) return x === y;
  return keywordKey(x.schema) === keywordKey(y.schema) && keywordKey(x.name) === keywordKey(y.name) && x.document === y.document;
}

/** True for an alias type SQL Server itself defines in sys (sysname); user alias types live in user schemas. */
export function isSystemAlias(alias: { readonly schema: string }): boolean {
  return keywordKey(alias.schema) === 'sys';
}

/** True for sys.sysname, written as itself (its facets are nvarchar(128)'s, implied by the name). */
export function isSysname(alias: { readonly schema: string; readonly name: string } | undefined): boolean {
  return alias !== undefined && isSystemAlias(alias) && keywordKey(alias.name) === 'sysname';
}
