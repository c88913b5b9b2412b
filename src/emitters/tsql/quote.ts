/**
 * Identifier quoting and string literals: the two places where T-SQL text meets user-chosen
 * names and values, so both escape unconditionally (design.md rule 8).
 */

/** SQL Server's limit for a regular identifier (sysname is nvarchar(128)). */
export const MAX_IDENTIFIER_LENGTH = 128;

/** `[name]` with every `]` doubled; throws on an empty or over-long name rather than emit it. */
export function quoteIdent(name: string): string {
  if (name.length === 0) throw new Error('schemac: cannot quote an empty identifier');
  if (name.length > MAX_IDENTIFIER_LENGTH) {
    throw new Error(`schemac: identifier longer than ${MAX_IDENTIFIER_LENGTH} characters: ${name}`);
  }
  return `[${name.replace(/\]/g, ']]')}]`;
}

/** `[schema].[name]`, each part quoted. */
export function quoteQualified(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/**
 * A string literal with `'` doubled. `unicode` adds the N prefix: SQL Server keeps the prefix as
 * written, so callers choose it from the type the literal meets (N for nchar/nvarchar).
 */
export function stringLiteral(value: string, unicode: boolean): string {
  return `${unicode ? 'N' : ''}'${value.replace(/'/g, "''")}'`;
}

/** N'...' literal, for names and messages passed to procedures (sp_rename, EXEC, RAISERROR). */
export function nLiteral(value: string): string {
  return stringLiteral(value, true);
}

/**
 * A collation name is emitted bare (COLLATE takes no quotes), so only the characters SQL Server
 * collation names use are let through.
 */
export function collationName(name: string): string {
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`schemac: not a collation name: ${name}`);
  return name;
}
