/** The config's `ignore` section applied to a model: ignored tables are removed before planning and lint. */
import type { Database, Table } from '../model';
import type { IgnoreSettings } from './config-types';

/** A case-insensitive matcher for one pattern; * is any run of characters, ? one character. */
function globMatcher(pattern: string): RegExp {
  const body = pattern.split('').map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'i');
}

/** A predicate that says whether a table is ignored. */
export function ignoredTable(ignore: IgnoreSettings): (t: { readonly schema: string; readonly name: string }) => boolean {
  const qualified = ignore.tables.filter((p) => p.includes('.')).map(globMatcher);
  const bare = ignore.tables.filter((p) => !p.includes('.')).map(globMatcher);
  const schemas = new Set(ignore.schemas.map((s) => s.toLowerCase()));
  return (t) => schemas.has(t.schema.toLowerCase())
    || qualified.some((r) => r.test(`${t.schema}.${t.name}`))
    || bare.some((r) => r.test(t.name));
}

/** The model without ignored tables (foreign keys pointing at them stay: they are the table's own). */
export function withoutIgnored(db: Database, ignore: IgnoreSettings): Database {
  const ignored = ignoredTable(ignore);
  const tables: Table[] = db.tables.filter((t) => !ignored(t));
  return tables.length === db.tables.length ? db : { ...db, tables };
}
