/**
 * Reading a view: its body (the SELECT kept in sys.sql_modules.definition) runs in the view's
 * database, without the caller's CTEs, and its result is seen through the columns the catalog
 * reports for the view (sys.columns, modules.ts): their names and their number. A view that is
 * not schema-bound keeps the columns it had when it was created or last refreshed, so after its
 * tables change it "might produce unexpected results when it is queried" until sp_refreshview
 * (https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-refreshview-transact-sql):
 * the first columns of the body's result by position, under the reported names; a body that now
 * yields fewer columns than reported is Msg 4502.
 */
import type { ModuleDef, Select } from './ast';
import type { Database, Module } from './catalog';
import type { Host, ScopeColumn } from './scope';
import type { Value } from './catalog';
import { tokenize } from './grammar';
import { parseBatch } from './parser';
import { SqlError, err } from './errors';
import { withCtes } from './cte';

const parsed = new Map<string, ModuleDef | null>();

/** A module's stored definition parsed again (cached by its text); null when it does not parse. */
export function parseModuleDefinition(definition: string, quotedIdentifier: boolean): ModuleDef | null {
  const key = `${quotedIdentifier ? 1 : 0}${definition}`;
  let def = parsed.get(key);
  if (def === undefined) {
    try {
      const s = parseBatch(definition, tokenize(definition, quotedIdentifier)).find((x) => x.k === 'createModule');
      def = s?.k === 'createModule' ? s.module : null;
    } catch (e) {
      if (!(e instanceof SqlError)) throw e;
      def = null;
    }
    if (parsed.size > 500) parsed.clear();
    parsed.set(key, def);
  }
  return def;
}

/** A module's parsed CREATE statement, or null when the engine cannot read it. */
export function moduleDef(m: Module): ModuleDef | null {
  return parseModuleDefinition(m.definition, m.quotedIdentifier);
}

/** A host whose current database is `db` (a module's body resolves one- and two-part names there). */
export function hostIn(host: Host, db: Database): Host {
  if (db === host.db) return host;
  return Object.create(host, { db: { value: db } }) as Host;
}

let depth = 0;

/**
 * Runs a module body at one more nesting level: "Stored procedures and managed code references
 * can be nested up to 32 levels" and views and functions count too; past it, Msg 217
 * (https://learn.microsoft.com/sql/relational-databases/stored-procedures/nested-stored-procedures).
 */
export function nested<T>(body: () => T): T {
  if (depth >= 32) throw new SqlError(217, 16, 1, 'Maximum stored procedure, function, trigger, or view nesting level exceeded (limit 32).');
  depth++;
  try { return body(); } finally { depth--; }
}

/** The SELECT of a view (CTEs attached), or Msg 40000 when the engine's parser could not read it. */
export function viewSelect(m: Module): Select {
  const sel = moduleDef(m)?.select;
  if (!sel) throw err.notSupported(`reading view '${m.name}' (its SELECT is a form the stand-in does not parse)`);
  return sel;
}

/**
 * A view's rows under its reported columns, qualified by `qual`. `run` executes a SELECT
 * (select.ts's executeSelect). Hidden columns the body carries (a base row's reference, for
 * UPDATE/DELETE through the view) are kept after the reported ones.
 */
export function viewRelation(m: Module, db: Database, schema: string, qual: string, host: Host, run: (sel: Select, host: Host) => { columns: readonly ScopeColumn[]; rows: Value[][] }): { columns: ScopeColumn[]; rows: Value[][] } {
  const sel = viewSelect(m);
  const r = nested(() => withCtes(undefined, undefined, () => run(sel, hostIn(host, db)), true));
  const visible = r.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.hidden !== true || c.rowOf === undefined);
  const carried = r.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.hidden === true && c.rowOf !== undefined);
  const reported = m.columns.length > 0 ? m.columns : visible.map(({ c }) => ({ name: c.name }));
  if (visible.length < reported.length) {
    throw new SqlError(4502, 16, 1, `View or function '${m.name}' has more column names specified than columns defined.`);
  }
  const picked = [...visible.slice(0, reported.length), ...carried];
  const columns = picked.map(({ c }, k) => ({ ...c, qual, schema, table: m.name, name: k < reported.length ? reported[k].name : c.name }));
  return { columns, rows: r.rows.map((row) => picked.map(({ i }) => row[i])) };
}
