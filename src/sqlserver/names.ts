/**
 * Name comparison as SQL Server does it: identifiers follow the database collation, so
 * `Users` and `users` are one table under a case-insensitive collation and two under _CS_/_BIN.
 * Every module that compares names asks for a NameKey here instead of lower-casing.
 */

/** Maps a name to the key two names share exactly when the collation calls them equal. */
export type NameKey = (name: string) => string;

/** SQL Server's default server collation for US English installs; also the catalog's fallback. */
export const DEFAULT_COLLATION = 'SQL_Latin1_General_CP1_CI_AS';

/** The schema schemac keeps for itself (history, lock); never diffed on either side. */
export const SCHEMAC_SCHEMA = 'schemac';

/**
 * Schemas every database has and schemac never creates or drops
 * (https://learn.microsoft.com/en-us/sql/relational-databases/security/authentication-access/ownership-and-user-schema-separation).
 */
export const BUILTIN_SCHEMAS: ReadonlySet<string> = new Set(['dbo', 'guest', 'sys', 'information_schema']);

/** SQL Server's limit for an identifier (sysname is nvarchar(128)). */
export const MAX_IDENTIFIER_LENGTH = 128;

/** True for collations that compare identifiers case-sensitively (_CS_ or binary). */
export function isCaseSensitive(collation: string): boolean {
  return /_CS(_|$)/i.test(collation) || /_BIN2?(_|$)/i.test(collation);
}

const exact: NameKey = (name) => name;
// toLowerCase is locale-free in JS; it matches SQL Server's CI behaviour for identifiers in practice.
const folded: NameKey = (name) => name.toLowerCase();

/** The name key function for a database collation. */
export function nameKeyFor(collation: string): NameKey {
  return isCaseSensitive(collation) ? exact : folded;
}

/** The name key of the default collation (case-insensitive), for models that carry none. */
export const defaultNameKey: NameKey = nameKeyFor(DEFAULT_COLLATION);

/** The key of a schema-qualified table name. */
export function tableKey(key: NameKey, schema: string, name: string): string {
  return `${key(schema)}\u0000${key(name)}`;
}

/** True when two names are one under the key. */
export function sameName(key: NameKey, a: string, b: string): boolean {
  return key(a) === key(b);
}

/**
 * True for schemac's own schema under any collation: the catalog and the differ leave it alone
 * even when a case-sensitive database spells it differently, since no user schema may shadow it.
 */
export function isSchemacSchema(name: string): boolean {
  return folded(name) === SCHEMAC_SCHEMA;
}

/** True for a built-in schema (dbo, guest, sys, INFORMATION_SCHEMA), whatever its case. */
export function isBuiltinSchema(name: string): boolean {
  return BUILTIN_SCHEMAS.has(folded(name));
}

/**
 * The key of a collation name: collation names themselves compare case-insensitively
 * (COLLATE latin1_general_ci_as is Latin1_General_CI_AS).
 */
export function collationKey(collation: string): string {
  return folded(collation);
}

/**
 * Key for words SQL Server reads case-insensitively in every collation: keywords, built-in
 * function names, type names, collation names, option names.
 */
export function keywordKey(word: string): string {
  return folded(word);
}
