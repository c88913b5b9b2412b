/**
 * The type-change safety table: what ALTER COLUMN does to existing values when a column's type
 * changes. One place, so the differ's hazards and its drop-and-re-add decisions agree.
 */
import type { SqlType, SqlTypeName } from '../model';
import { isLegacyLob, isUnicodeType, sameType } from '../sqlserver/types';

/**
 * - same: nothing to do.
 * - widening: every existing value fits the new type unchanged.
 * - narrowing: ALTER COLUMN works but values may be truncated, rounded or fail to convert.
 * - not-castable: SQL Server has no implicit conversion; the column must be dropped and re-added.
 */
export type TypeChangeSafety = 'same' | 'widening' | 'narrowing' | 'not-castable';

type Family = 'integer' | 'exact' | 'approximate' | 'money' | 'datetime' | 'time' | 'string' | 'binary' | 'guid' | 'xml'
  | 'rowversion' | 'variant' | 'hierarchyid' | 'geography' | 'geometry';

const FAMILY: Record<SqlTypeName, Family> = {
  bit: 'integer', tinyint: 'integer', smallint: 'integer', int: 'integer', bigint: 'integer',
  decimal: 'exact', numeric: 'exact', money: 'money', smallmoney: 'money', float: 'approximate', real: 'approximate',
  date: 'datetime', datetime: 'datetime', datetime2: 'datetime', datetimeoffset: 'datetime', smalldatetime: 'datetime',
  time: 'time',
  char: 'string', varchar: 'string', nchar: 'string', nvarchar: 'string',
  binary: 'binary', varbinary: 'binary',
  uniqueidentifier: 'guid', xml: 'xml',
  // text/ntext/image convert like varchar(max)/nvarchar(max)/varbinary(max) (lengthOf treats them so).
  text: 'string', ntext: 'string', image: 'binary',
  rowversion: 'rowversion', sql_variant: 'variant', hierarchyid: 'hierarchyid', geography: 'geography', geometry: 'geometry',
};

/**
 * Families no ALTER COLUMN converts to or from another family. rowversion: "The modified column
 * can't be ... a timestamp data type" and no column can be altered to one (Msg 4927)
 * (https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql). hierarchyid and
 * the spatial types are CLR types with explicit conversions only (inferred from the conversion
 * chart of https://learn.microsoft.com/sql/t-sql/functions/cast-and-convert-transact-sql).
 */
const ISOLATED: ReadonlySet<Family> = new Set<Family>(['rowversion', 'hierarchyid', 'geography', 'geometry']);

/**
 * Families whose values sql_variant can hold: every base type but the large objects, rowversion,
 * the CLR types and sql_variant itself
 * (https://learn.microsoft.com/sql/t-sql/data-types/sql-variant-transact-sql). Converting out of
 * sql_variant needs an explicit CONVERT (same conversion chart), so ALTER COLUMN cannot.
 */
const VARIANT_HOLDS: ReadonlySet<Family> = new Set<Family>(['integer', 'exact', 'approximate', 'money', 'datetime', 'time', 'string', 'binary', 'guid']);

/** Decimal digits each integer type needs (bit as 1), for integer -> decimal/money widening. */
const INTEGER_DIGITS: Partial<Record<SqlTypeName, number>> = { bit: 1, tinyint: 3, smallint: 5, int: 10, bigint: 19 };
/** Rank of the date/time types by what they can hold (date part, time part, precision). */
const DATETIME_RANK: Partial<Record<SqlTypeName, number>> = { date: 0, smalldatetime: 1, datetime: 2, datetime2: 3, datetimeoffset: 4 };

/** Pairs of families with no implicit conversion between them (ALTER COLUMN would fail on rows). */
const NOT_CASTABLE = new Set<string>([
  'guid>integer', 'guid>exact', 'guid>approximate', 'guid>money', 'guid>datetime', 'guid>time', 'guid>xml',
  'integer>guid', 'exact>guid', 'approximate>guid', 'money>guid', 'datetime>guid', 'time>guid', 'xml>guid',
  'xml>integer', 'xml>exact', 'xml>approximate', 'xml>money', 'xml>datetime', 'xml>time',
  'integer>xml', 'exact>xml', 'approximate>xml', 'money>xml', 'datetime>xml', 'time>xml',
  'datetime>integer', 'datetime>exact', 'datetime>approximate', 'datetime>money',
  'integer>datetime', 'exact>datetime', 'approximate>datetime', 'money>datetime',
  'time>integer', 'time>exact', 'time>approximate', 'time>money', 'integer>time', 'exact>time', 'approximate>time', 'money>time',
  'binary>approximate', 'approximate>binary', 'binary>datetime', 'binary>time', 'binary>exact', 'binary>money',
]);

function lengthOf(t: SqlType): number {
  if (isLegacyLob(t)) return Number.POSITIVE_INFINITY;
  return t.length === 'max' ? Number.POSITIVE_INFINITY : t.length ?? 1;
}

/** A large-object value (MAX, text, ntext, image): sql_variant cannot hold one. */
function isLob(t: SqlType): boolean {
  return lengthOf(t) === Number.POSITIVE_INFINITY;
}

/** Classifies changing a column from one type to another. */
export function classifyTypeChange(from: SqlType, to: SqlType): TypeChangeSafety {
  if (sameType(from, to)) return 'same';
  const ff = FAMILY[from.name];
  const tf = FAMILY[to.name];
  if (NOT_CASTABLE.has(`${ff}>${tf}`)) return 'not-castable';
  if (ff !== tf && (ISOLATED.has(ff) || ISOLATED.has(tf))) return 'not-castable';
  if (ff === 'rowversion' || tf === 'rowversion') return 'not-castable';
  // text/ntext/image convert only within their own family (character or binary types).
  if (ff !== tf && (isLegacyLob(from) || isLegacyLob(to))) return 'not-castable';
  if (tf === 'variant') return ff === 'variant' ? 'same' : VARIANT_HOLDS.has(ff) && !isLob(from) ? 'widening' : 'not-castable';
  if (ff === 'variant') return 'not-castable';
  const fits = (ok: boolean): TypeChangeSafety => (ok ? 'widening' : 'narrowing');
  if (ff === 'string' && tf === 'string') {
    // Unicode to non-Unicode may lose characters outside the code page.
    return fits(lengthOf(to) >= lengthOf(from) && (isUnicodeType(to) || !isUnicodeType(from)));
  }
  if (ff === 'binary' && tf === 'binary') return fits(lengthOf(to) >= lengthOf(from));
  if (ff === 'integer' && tf === 'integer') return fits((INTEGER_DIGITS[to.name] ?? 0) >= (INTEGER_DIGITS[from.name] ?? 0));
  if (ff === 'integer' && tf === 'exact') {
    return fits((to.precision ?? 18) - (to.scale ?? 0) >= (INTEGER_DIGITS[from.name] ?? 19));
  }
  if (ff === 'integer' && tf === 'money') return fits((INTEGER_DIGITS[from.name] ?? 19) <= (to.name === 'money' ? 15 : 6));
  if (ff === 'integer' && tf === 'approximate') {
    // float keeps 15 significant digits, real 7.
    return fits((INTEGER_DIGITS[from.name] ?? 19) <= (to.name === 'float' ? 15 : 7));
  }
  if (ff === 'exact' && tf === 'exact') {
    const fp = from.precision ?? 18; const fs = from.scale ?? 0;
    const tp = to.precision ?? 18; const ts = to.scale ?? 0;
    return fits(tp - ts >= fp - fs && ts >= fs);
  }
  if (ff === 'money' && tf === 'money') return fits(to.name === 'money' || from.name === 'smallmoney');
  if (ff === 'approximate' && tf === 'approximate') return fits(to.name === 'float' || from.name === 'real');
  if (ff === 'datetime' && tf === 'datetime') {
    const rankOk = (DATETIME_RANK[to.name] ?? 0) >= (DATETIME_RANK[from.name] ?? 0);
    // datetime keeps 1/300 s; datetime2/datetimeoffset keep `scale` digits.
    const fromDigits = from.name === 'datetime' ? 3 : from.scale ?? 0;
    const toDigits = to.name === 'datetime' ? 3 : to.name === 'smalldatetime' || to.name === 'date' ? 0 : to.scale ?? 7;
    return fits(rankOk && toDigits >= fromDigits);
  }
  if (ff === 'time' && tf === 'time') return fits((to.scale ?? 7) >= (from.scale ?? 7));
  if (ff === 'guid' && tf === 'string') return fits(lengthOf(to) >= 36);
  // XML typing changes no value: typed to untyped keeps them all, and typing validates each one
  // against the collection, failing the step rather than changing data (a hazard of its own:
  // diff-columns.ts).
  if (ff === 'xml' && tf === 'xml') return 'widening';
  // Every other castable pair converts value by value and can fail or lose detail.
  return 'narrowing';
}

/**
 * What a narrowing change does to a value that does not fit: 'rounds' when only fractional digits
 * are lost (decimal scale, fractional seconds of time, datetime2 and datetimeoffset: SQL Server
 * rounds them, cast-and-convert-transact-sql), 'fails' when the value cannot be held at all (a
 * longer string, a larger number, an earlier date: the ALTER COLUMN stops with an error).
 */
export function narrowingEffect(from: SqlType, to: SqlType): 'rounds' | 'fails' {
  const ff = FAMILY[from.name];
  if (ff !== FAMILY[to.name]) return 'fails';
  if (ff === 'exact') return (to.precision ?? 18) - (to.scale ?? 0) >= (from.precision ?? 18) - (from.scale ?? 0) ? 'rounds' : 'fails';
  if (ff === 'time') return 'rounds';
  if (ff === 'datetime') return from.name === to.name && (from.name === 'datetime2' || from.name === 'datetimeoffset') ? 'rounds' : 'fails';
  return 'fails';
}
