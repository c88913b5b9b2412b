/**
 * Name comparison as SQL Server does it: identifiers follow the database collation, so
 * `Users` and `users` are one table under a case-insensitive collation and two under _CS_/_BIN.
 */

/** Maps a name to the key two names share exactly when the collation calls them equal. */
export type NameKey = (name: string) => string;

/** The schema schemac keeps for itself (history, lock); never diffed on either side. */
export const SCHEMAC_SCHEMA = 'schemac';

/** True for collations that compare identifiers case-sensitively (_CS_ or binary). */
export function isCaseSensitive(collation: string): boolean {
  return /_CS(_|$)/i.test(collation) || /_BIN2?(_|$)/i.test(collation);
}

/** The name key function for a database collation. */
export function nameKeyFor(collation: string): NameKey {
  // toLowerCase is locale-free in JS; it matches SQL Server's CI behaviour for identifiers in practice.
  return isCaseSensitive(collation) ? (name) => name : (name) => name.toLowerCase();
}

/** The key of a schema-qualified table name. */
export function tableKey(key: NameKey, schema: string, name: string): string {
  return `${key(schema)}\u0000${key(name)}`;
}
