/** The config's `ignore` section applied to a model: ignored tables are removed before planning and lint. */
import type { Database, Table } from '../model';
import { nameKeyFor, type NameKey } from '../sqlserver/names';
import type { IgnoreSettings } from './config-types';

/** A matcher for one pattern over name keys; * is any run of characters, ? one character. */
function globMatcher(pattern: string): RegExp {
  const body = pattern.split('').map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`);
}

/**
 * A predicate that says whether a table is ignored. Patterns match as the database collation
 * compares names (`key`): case-insensitively by default, exactly in a case-sensitive database.
 */
export function ignoredTable(ignore: IgnoreSettings, key: NameKey): (t: { readonly schema: string; readonly name: string }) => boolean {
  const matcher = (p: string): RegExp => globMatcher(key(p));
  const qualified = ignore.tables.filter((p) => p.includes('.')).map(matcher);
  const bare = ignore.tables.filter((p) => !p.includes('.')).map(matcher);
  const schemas = new Set(ignore.schemas.map(key));
  return (t) => schemas.has(key(t.schema))
    || qualified.some((r) => r.test(`${key(t.schema)}.${key(t.name)}`))
    || bare.some((r) => r.test(key(t.name)));
}

/**
 * The model without descriptions (config "descriptions": "ignore"): the database's are then
 * neither compared nor dropped, and the schema's doc comments are not read.
 */
export function withoutDescriptions(db: Database): Database {
  if (!db.tables.some((t) => t.description !== undefined || t.columns.some((c) => c.description !== undefined))) return db;
  const bare = <T extends { readonly description?: string }>(x: T): T => {
    const { description: _dropped, ...rest } = x;
    return rest as T;
  };
  return { ...db, tables: db.tables.map((t) => ({ ...bare(t), columns: t.columns.map(bare) })) };
}

/** The model without ignored tables (foreign keys pointing at them stay: they are the table's own). */
export function withoutIgnored(db: Database, ignore: IgnoreSettings): Database {
  const ignored = ignoredTable(ignore, nameKeyFor(db.collation));
  const tables: Table[] = db.tables.filter((t) => !ignored(t));
  return tables.length === db.tables.length ? db : { ...db, tables };
}
