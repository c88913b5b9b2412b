/**
 * Compile-time checks of literal values against their column: a default (or backfill) must be a
 * member of the column's literal union, fit its length, precision and range, and convert to its
 * type; a union member must fit the column. Otherwise every insert that relies on the default
 * fails at run time (547 for the CHECK the union becomes, 2628 for a value that is too long),
 * or the CHECK admits a value no row can hold.
 */
import type { ts } from 'ts-morph';
import type { SqlType } from '../model';
import { isCharacterType, typeText } from '../sqlserver/types';
import { Codes } from './codes';
import type { DiagnosticBag } from './diagnostics';
import type { StaticValue } from './static-value';

/** Integer ranges (https://learn.microsoft.com/en-us/sql/t-sql/data-types/int-bigint-smallint-and-tinyint-transact-sql). */
const INTEGER_RANGE: Partial<Record<SqlType['name'], readonly [bigint, bigint]>> = {
  tinyint: [0n, 255n], smallint: [-32768n, 32767n], int: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

/** money/smallmoney ranges (https://learn.microsoft.com/en-us/sql/t-sql/data-types/money-and-smallmoney-transact-sql). */
const MONEY_LIMIT: Partial<Record<SqlType['name'], number>> = { money: 922337203685477.5807, smallmoney: 214748.3647 };

/** Years each date type holds (https://learn.microsoft.com/en-us/sql/t-sql/data-types/datetime-transact-sql and siblings). */
const YEARS: Partial<Record<SqlType['name'], readonly [number, number]>> = {
  date: [1, 9999], datetime2: [1, 9999], datetimeoffset: [1, 9999], datetime: [1753, 9999], smalldatetime: [1900, 2079],
};

const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const ISO_DATE = /^(\d{4})-?(\d{2})-?(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?)?(?:\s*(?:Z|[+-]\d{2}:\d{2}))?$/i;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?\s*(?:[AP]M)?$/i;

/** The column facts the checks need. */
export interface ValueTarget {
  readonly column: string;
  readonly type: SqlType;
  /** The literal union of the field's type, when it has one. */
  readonly union: readonly (string | number)[] | null;
}

/** Reports every way a literal default or backfill does not fit its column. */
export function checkLiteralValue(v: StaticValue, target: ValueTarget, what: 'default' | 'backfill', bag: DiagnosticBag): void {
  if (v.kind !== 'string' && v.kind !== 'number') return; // sql`...` is the user's expression; booleans fit bit
  const label = `${what} ${v.kind === 'string' ? `'${v.value}'` : v.text} of ${target.column}`;
  if (target.union !== null && !target.union.some((m) => m === v.value)) {
    bag.error(Codes.defaultNotInUnion, `${label} is not one of the values its type allows (${target.union.map(show).join(' | ')}); the CHECK made from the union would reject it`, v.node);
    return;
  }
  const problem = v.kind === 'string' ? stringProblem(v.value, target.type) : numberProblem(v.value, v.text, target.type);
  if (problem !== null) bag.error(problem.code, `${label} ${problem.message}`, v.node);
}

/** Reports union members longer than a character column (the CHECK would allow values no row can hold). */
export function checkUnionMembers(values: readonly (string | number)[], target: ValueTarget, node: ts.Node, bag: DiagnosticBag): void {
  const length = target.type.length;
  if (!isCharacterType(target.type) || typeof length !== 'number') return;
  for (const v of values) {
    if (typeof v === 'string' && v.length > length) {
      bag.error(Codes.unionMemberTooLong, `'${v}' in the type of ${target.column} is ${v.length} characters, longer than its ${typeText(target.type)}; widen the column or shorten the value`, node);
    }
  }
}

function show(v: string | number): string {
  return typeof v === 'string' ? `'${v}'` : String(v);
}

type Problem = { readonly code: (typeof Codes)[keyof typeof Codes]; readonly message: string } | null;

function stringProblem(value: string, type: SqlType): Problem {
  if (isCharacterType(type)) {
    // Characters for every character type: n types count UTF-16 code units as JavaScript does.
    if (typeof type.length === 'number' && value.length > type.length) {
      return { code: Codes.defaultTooLong, message: `is ${value.length} characters, longer than ${typeText(type)} (inserts relying on it fail with Msg 2628)` };
    }
    return null;
  }
  if (type.name === 'uniqueidentifier') {
    return GUID.test(value.trim()) ? null : { code: Codes.defaultNotConvertible, message: 'is not a uniqueidentifier (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)' };
  }
  if (type.name === 'time') {
    return TIME.test(value.trim()) ? null : { code: Codes.defaultNotConvertible, message: 'is not a time of day (hh:mm[:ss[.fffffff]])' };
  }
  const years = YEARS[type.name];
  if (years !== undefined) {
    const year = yearOf(value.trim());
    if (year === null) return { code: Codes.defaultNotConvertible, message: `does not convert to ${typeText(type)}; write it as 'YYYY-MM-DD' or 'YYYY-MM-DDThh:mm:ss'` };
    if (year < years[0] || year > years[1]) return { code: Codes.defaultOutOfRange, message: `is outside the years ${typeText(type)} holds (${years[0]} to ${years[1]})` };
  }
  return null;
}

/** The year of a date text SQL Server reads whatever the session's DATEFORMAT, or of one JavaScript reads; null when neither does. */
function yearOf(text: string): number | null {
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const probe = new Date(Date.UTC(2000, m - 1, d));
    return m >= 1 && m <= 12 && probe.getUTCDate() === d ? y : null;
  }
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : new Date(parsed).getFullYear();
}

function numberProblem(value: number, text: string, type: SqlType): Problem {
  const range = INTEGER_RANGE[type.name];
  if (range !== undefined) {
    if (!/^-?\d+$/.test(text)) return { code: Codes.defaultNotConvertible, message: `is not a whole number, which ${type.name} needs` };
    const n = BigInt(text);
    return n < range[0] || n > range[1] ? { code: Codes.defaultOutOfRange, message: `is outside the range of ${type.name} (${range[0]} to ${range[1]})` } : null;
  }
  if (type.name === 'decimal' || type.name === 'numeric') {
    const precision = type.precision ?? 18;
    const scale = type.scale ?? 0;
    const digits = text.replace(/^-/, '').split(/[eE]/)[0]?.split('.')[0]?.replace(/^0+/, '') ?? '';
    if (/e/i.test(text) ? Math.abs(value) >= 10 ** (precision - scale) : digits.length > precision - scale) {
      return { code: Codes.defaultOutOfRange, message: `needs more than the ${precision - scale} digit(s) before the point that ${typeText(type)} holds (Msg 8115)` };
    }
    return null;
  }
  const limit = MONEY_LIMIT[type.name];
  if (limit !== undefined && Math.abs(value) > limit) return { code: Codes.defaultOutOfRange, message: `is outside the range of ${type.name}` };
  if (type.name === 'real' && Math.abs(value) > 3.40e38) return { code: Codes.defaultOutOfRange, message: 'is outside the range of real' };
  return null;
}
