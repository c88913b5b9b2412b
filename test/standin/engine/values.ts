/** Value semantics: SQL comparison under the CI collation, truthiness, conversion, LIKE. */
import type { Value } from './catalog';
import type { SqlType } from './types';
import { isNumericType } from './types';
import { SqlError, err } from './errors';

/** Three-valued logic result. */
export type Truth = boolean | null;

function asComparable(v: Value): number | string | Date {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
  return v as number | string | Date;
}

/** Compares two non-null values as SQL Server would (CI_AS strings, trailing blanks ignored). */
export function compare(a: Value, b: Value): number {
  const x = asComparable(a);
  const y = asComparable(b);
  if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : x > y ? 1 : 0;
  if (typeof x === 'number' && typeof y === 'string') return compare(x, toNumber(y));
  if (typeof x === 'string' && typeof y === 'number') return compare(toNumber(x), y);
  if (x instanceof Date || y instanceof Date) {
    const tx = x instanceof Date ? x.getTime() : new Date(String(x)).getTime();
    const tyy = y instanceof Date ? y.getTime() : new Date(String(y)).getTime();
    return tx < tyy ? -1 : tx > tyy ? 1 : 0;
  }
  const sx = String(x).replace(/ +$/, '').toLowerCase();
  const sy = String(y).replace(/ +$/, '').toLowerCase();
  return sx < sy ? -1 : sx > sy ? 1 : 0;
}

/** SQL equality with NULL -> unknown. */
export function sqlEquals(a: Value, b: Value): Truth { return a === null || b === null ? null : compare(a, b) === 0; }

/** A value used as a condition. */
export function truth(v: Value | Truth): Truth { return v === null ? null : v === true || v === false ? v : Boolean(v); }

/** Converts text to a number or raises 245. */
export function toNumber(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const s = String(v).trim();
  if (s === '' || Number.isNaN(Number(s))) throw err.conversion(String(v), 'int');
  return Number(s);
}

/** Text form of a value as CAST(... AS nvarchar) gives it. */
export function toText(v: Value): string {
  if (v instanceof Date) return v.toISOString().replace('T', ' ').replace('Z', '');
  if (v instanceof Uint8Array) return '0x' + Buffer.from(v).toString('hex').toUpperCase();
  if (typeof v === 'boolean') return v ? '1' : '0';
  return String(v);
}

/** Integer types' ranges (https://learn.microsoft.com/en-us/sql/t-sql/data-types/int-bigint-smallint-and-tinyint-transact-sql). */
const INTEGER_RANGE: Record<string, [number, number]> = {
  tinyint: [0, 255], smallint: [-32768, 32767], int: [-2147483648, 2147483647],
  bigint: [-9223372036854775808, 9223372036854775807],
};

/**
 * A value too large for the target type: text overflows with Msg 248, numbers with Msg 8115
 * ("Arithmetic overflow error converting expression to data type int.", as SQL Server words it).
 */
function overflow(v: Value, type: string): SqlError {
  if (typeof v === 'string') return new SqlError(248, 16, 1, `The conversion of the varchar value '${v}' overflowed an ${type} column.`);
  return new SqlError(8115, 16, 2, `Arithmetic overflow error converting ${type === 'numeric' ? 'numeric' : 'expression'} to data type ${type}.`);
}

/**
 * Converts a value to a column's type (assignment, or an explicit CAST / CONVERT when `explicit`);
 * raises SQL Server's conversion errors. An assignment of a string too long for its column is Msg
 * 2628; an explicit conversion truncates it ("When you convert character or binary expressions
 * ... to an expression of a different data type, the data can be truncated", cast-and-convert-transact-sql).
 */
export function convert(v: Value, t: SqlType, explicit = false): Value {
  if (v === null) return null;
  if (t.name === 'bit') {
    if (typeof v === 'string') { const s = v.trim().toLowerCase(); if (s === 'true') return 1; if (s === 'false') return 0; }
    return toNumber(v) !== 0 ? 1 : 0;
  }
  if (isNumericType(t.name)) {
    const n = toNumber(v);
    if (['int', 'bigint', 'smallint', 'tinyint'].includes(t.name)) {
      const whole = Math.trunc(n);
      const [lo, hi] = INTEGER_RANGE[t.name] as [number, number];
      if (whole < lo || whole > hi) throw overflow(v, t.name);
      return whole;
    }
    if (t.name === 'decimal' || t.name === 'numeric') {
      const rounded = Number(n.toFixed(t.scale));
      // decimal(p, s) holds p - s digits before the point (Msg 8115 beyond them).
      if (Math.abs(rounded) >= 10 ** (t.precision - t.scale)) throw overflow(v, 'numeric');
      return rounded;
    }
    return n;
  }
  if (['varchar', 'char', 'nvarchar', 'nchar', 'text', 'ntext', 'xml', 'sysname'].includes(t.name)) {
    const s = toText(v);
    // text and ntext report max_length 16 (the size of their text pointer) but hold up to 2^31 - 1
    // bytes (https://learn.microsoft.com/sql/t-sql/data-types/ntext-text-and-image-transact-sql).
    const unbounded = t.maxLength === -1 || t.name === 'text' || t.name === 'ntext';
    const chars = unbounded ? Infinity : t.name.startsWith('n') ? t.maxLength / 2 : t.maxLength;
    if (s.length > chars) {
      if (explicit) return s.slice(0, chars);
      throw new SqlError(2628, 16, 1, `String or binary data would be truncated.`);
    }
    return s;
  }
  if (t.name === 'uniqueidentifier') {
    const s = toText(v).trim();
    if (!/^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i.test(s)) throw new SqlError(8169, 16, 2, 'Conversion failed when converting from a character string to uniqueidentifier.');
    return s.replace(/[{}]/g, '').toUpperCase();
  }
  if (['datetime', 'datetime2', 'date', 'smalldatetime', 'datetimeoffset', 'time'].includes(t.name)) {
    if (v instanceof Date) return v;
    const d = new Date(String(v).replace(' ', 'T') + (/[zZ]|[+-]\d\d:\d\d$/.test(String(v)) ? '' : 'Z'));
    if (Number.isNaN(d.getTime())) throw new SqlError(241, 16, 1, 'Conversion failed when converting date and/or time from character string.');
    return d;
  }
  if (t.name === 'varbinary' || t.name === 'binary') return v instanceof Uint8Array ? v : Buffer.from(toText(v), 'utf16le');
  return v;
}

/** LIKE with %, _ and [..], case-insensitively. */
export function like(s: string, pattern: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '%') re += '[\\s\\S]*';
    else if (c === '_') re += '[\\s\\S]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) { re += '\\['; continue; }
      let cls = pattern.slice(i + 1, end);
      if (cls.startsWith('^')) cls = '^' + cls.slice(1).replace(/[\\\]]/g, '\\$&');
      else cls = cls.replace(/[\\\]^]/g, '\\$&');
      re += `[${cls}]`;
      i = end;
    } else re += c.replace(/[.*+?^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i').test(s.replace(/ +$/, '')) || new RegExp(`^${re}$`, 'i').test(s);
}

/**
 * Compares two sort keys in ORDER BY order: NULLs first (lowest), each key reversed where
 * `desc[i]` (ORDER BY, OVER (ORDER BY), WITHIN GROUP (ORDER BY)).
 */
export function compareKeys(a: readonly Value[], b: readonly Value[], desc: readonly boolean[]): number {
  for (let i = 0; i < desc.length; i++) {
    const x = a[i] ?? null; const y = b[i] ?? null;
    const c = x === null && y === null ? 0 : x === null ? -1 : y === null ? 1 : compare(x, y);
    if (c !== 0) return desc[i] ? -c : c;
  }
  return 0;
}

/** A grouping key: values equal under the default collation (case, trailing spaces) give the same key. */
export function groupKey(vals: readonly Value[]): string {
  return JSON.stringify(vals.map((v) => (typeof v === 'string' ? v.replace(/ +$/, '').toLowerCase() : v instanceof Date ? v.getTime() : v)));
}
