/**
 * Quoting and typed literals: where T-SQL text meets user-chosen names and values, so both
 * escape unconditionally (design.md rule 8).
 */
import type { SqlType } from '../model';
import { MAX_IDENTIFIER_LENGTH } from './names';
import { isUnicodeType } from './types';

/** `[name]` with every `]` doubled, whatever its length (for text that is checked elsewhere). */
export function bracket(name: string): string {
  // The test first: almost no name holds a `]`, and a script quotes tens of thousands of names.
  return `[${name.includes(']') ? name.replace(/]/g, ']]') : name}]`;
}

/** `[name]` with every `]` doubled; throws on an empty or over-long name rather than emit it. */
export function quoteIdent(name: string): string {
  if (name.length === 0) throw new Error('schemac: cannot quote an empty identifier');
  if (name.length > MAX_IDENTIFIER_LENGTH) {
    throw new Error(`schemac: identifier longer than ${MAX_IDENTIFIER_LENGTH} characters: ${name}`);
  }
  return bracket(name);
}

/** `[schema].[name]`, each part quoted. */
export function quoteQualified(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/** `NEXT VALUE FOR [schema].[name]`: a sequence default, schema-qualified so it never depends on the creator's default schema. */
export function nextValueForText(schema: string, name: string): string {
  return `NEXT VALUE FOR ${quoteQualified(schema, name)}`;
}

/**
 * A string literal with `'` doubled. `unicode` adds the N prefix: SQL Server keeps the prefix as
 * written, so callers choose it from the type the literal meets (N for nchar/nvarchar).
 */
export function stringLiteral(value: string, unicode: boolean): string {
  return `${unicode ? 'N' : ''}'${value.includes("'") ? value.replace(/'/g, "''") : value}'`;
}

/** A string literal typed like the column it meets: 'x' for char/varchar and others, N'x' for nchar/nvarchar. */
export function typedStringLiteral(value: string, type: SqlType): string {
  return stringLiteral(value, isUnicodeType(type));
}

/** N'...' literal, for names and messages passed to procedures (sp_rename, EXEC, RAISERROR). */
export function nLiteral(value: string): string {
  return stringLiteral(value, true);
}

/** `[col] IN (v1, v2, ...)` for a string- or number-literal union, literals typed like the column. */
export function inListText(column: string, values: readonly (string | number)[], type: SqlType): string {
  const items = values.map((v) => (typeof v === 'number' ? String(v) : typedStringLiteral(v, type)));
  return `${bracket(column)} IN (${items.join(', ')})`;
}

/**
 * A collation name is written bare (COLLATE takes no quotes), so only the characters SQL Server
 * collation names use are let through.
 */
export function collationName(name: string): string {
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`schemac: not a collation name: ${name}`);
  return name;
}
