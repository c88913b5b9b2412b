/** T-SQL literal text for defaults and derived checks, typed like the column they meet (rule 8). */
import type { SqlType } from '../model';
import { isUnicode } from './column-types';

/** 'x' for char/varchar and other types, N'x' for nchar/nvarchar; quotes doubled. */
export function stringLiteral(value: string, type: SqlType): string {
  const body = `'${value.replace(/'/g, "''")}'`;
  return isUnicode(type) ? `N${body}` : body;
}

/** A bracket-quoted identifier with `]` escaped. */
export function quoteName(name: string): string {
  return `[${name.replace(/]/g, ']]')}]`;
}

/** `[col] IN (v1, v2, ...)` for a string- or number-literal union. */
export function inList(column: string, values: readonly (string | number)[], type: SqlType): string {
  const items = values.map((v) => (typeof v === 'number' ? String(v) : stringLiteral(v, type)));
  return `${quoteName(column)} IN (${items.join(', ')})`;
}
