/**
 * UPDATE and DELETE whose target is not simply a table: an alias or table of a FROM clause
 * (`UPDATE o SET ... FROM sales.orders o JOIN ...`, `DELETE l FROM t l JOIN ...`), a CTE or a
 * view over one base table (`WITH d AS (... ROW_NUMBER() ...) DELETE FROM d WHERE rn > 1`).
 * https://learn.microsoft.com/sql/t-sql/statements/update-transact-sql,
 * https://learn.microsoft.com/sql/t-sql/statements/delete-transact-sql (FROM table_source), and
 * "Modify data through a view" (https://learn.microsoft.com/sql/relational-databases/views/modify-data-through-a-view):
 * a modification may affect only one base table (Msg 4405), may not set a derived column (4406),
 * and the view (or CTE) may not aggregate, group or use DISTINCT (4403).
 *
 * The target's FROM item carries a reference to each base row (select.ts ROW_REF) through joins,
 * CTEs, views and derived tables; the rows that survive WHERE name the base rows to change. A
 * target row that several joined rows match is changed once, from the first of them (SQL Server
 * leaves which one unspecified).
 */
import type { Cte, FromItem, Name, Select, Statement } from './ast';
import type { Column, Row, Table, Value } from './catalog';
import { findColumn, findTable, sameName } from './catalog';
import type { DdlContext } from './ddl-constraints';
import type { Host, Scope } from './scope';
import { buildFrom, resolveName } from './select';
import { withCtes } from './cte';
import { findModule } from './modules';
import { hostIn, viewSelect } from './views';
import { evaluate, hasAggregate, test } from './eval';
import type { Changed } from './dml';
import { removeRows, updateRows } from './dml';
import { SqlError, err } from './errors';

type Dml = Extract<Statement, { k: 'update' | 'delete' }>;

/** The FROM item a one-part target name is the alias (or unaliased table) of. */
function findTarget(items: readonly FromItem[], name: Name): Extract<FromItem, { k: 'table' }> | undefined {
  const last = name[name.length - 1];
  const walk = (f: FromItem): Extract<FromItem, { k: 'table' }> | undefined => {
    if (f.k === 'table') {
      if (name.length === 1 && f.alias !== undefined && sameName(f.alias, last)) return f;
      if (f.alias === undefined && f.name.length >= name.length && name.every((p, i) => sameName(p, f.name[f.name.length - name.length + i]))) return f;
      return undefined;
    }
    if (f.k === 'join' || f.k === 'apply') return walk(f.l) ?? walk(f.r);
    return undefined;
  };
  for (const f of items) { const hit = walk(f); if (hit) return hit; }
  return undefined;
}

/** The FROM clause an UPDATE / DELETE reads and its target item (added, cross-joined, when FROM does not name it). */
export function dmlSource(s: Dml): { from: readonly FromItem[]; target: Extract<FromItem, { k: 'table' }> } {
  const own: Extract<FromItem, { k: 'table' }> = { k: 'table', name: s.table };
  if (!s.from) return { from: [own], target: own };
  const hit = findTarget(s.from, s.table);
  return hit ? { from: s.from, target: hit } : { from: [own, ...s.from], target: own };
}

function cteNamed(ctes: readonly Cte[] | undefined, name: Name): Cte | undefined {
  return name.length === 1 ? ctes?.find((c) => sameName(c.name, name[0])) : undefined;
}

/** The tables a query's FROM reads directly, through CTEs and views (for locks and binding). */
function baseTablesOf(sel: Select, ctes: readonly Cte[] | undefined, host: Host, out: Name[], depth = 0): void {
  if (depth > 32) return;
  const walk = (f: FromItem): void => {
    if (f.k === 'join' || f.k === 'apply') { walk(f.l); walk(f.r); return; }
    if (f.k === 'derived') { baseTablesOf(f.sub, ctes, host, out, depth + 1); return; }
    if (f.k !== 'table') return;
    const cte = cteNamed([...(sel.with ?? []), ...(ctes ?? [])], f.name);
    if (cte) { baseTablesOf(cte.sel, [...(sel.with ?? []), ...(ctes ?? [])], host, out, depth + 1); return; }
    const { db, schema, name } = resolveName(host, f.name);
    const view = findTable(db, schema, name) ? undefined : findModule(db, [schema, name]);
    if (view?.type === 'V') { try { baseTablesOf(viewSelect(view), undefined, host, out, depth + 1); } catch { /* an unreadable view: its own error when it runs */ } return; }
    out.push(f.name);
  };
  sel.from.forEach(walk);
}

/** Whether an UPDATE / DELETE needs this module (a FROM, a CTE or a view target) rather than dml.ts's table path. */
export function needsTargetPath(s: Dml, host: Host): boolean {
  if (s.from || s.with || (s.k === 'update' && s.sets.some((x) => x.assign !== undefined))) return true;
  const { db, schema, name } = resolveName(host, s.table);
  return !findTable(db, schema, name) && findModule(db, [schema, name])?.type === 'V';
}

/** The base table names behind a table or view name (itself when it is a table). */
export function baseNames(name: Name, host: Host): Name[] {
  const out: Name[] = [];
  baseTablesOf({ k: 'select', distinct: false, items: [], from: [{ k: 'table', name }], groupBy: [], orderBy: [] }, undefined, host, out);
  return out.length > 0 ? out : [name];
}

/**
 * INSERT into a view (modify-data-through-a-view): the view's one base table and the base
 * columns the given (or all) view columns show; undefined when the name is not a view. A view
 * over several tables is Msg 4405, one that aggregates 4403, a derived column given a value 4406.
 */
export function viewInsertTarget(host: Host, name: Name, columns: readonly string[] | undefined): { table: Name; columns: string[] } | undefined {
  if (name.length === 1 && name[0].startsWith('@')) return undefined;
  const { db, schema, name: n } = resolveName(host, name);
  if (findTable(db, schema, n)) return undefined;
  const view = findModule(db, [schema, n]);
  if (view?.type !== 'V') return undefined;
  const sel = viewSelect(view);
  if (sel.distinct || sel.groupBy.length > 0 || sel.having || sel.union || sel.items.some((i) => hasAggregate(i.expr))) throw notUpdatable(view.name);
  // The view's tables by alias; the given columns must all come from one of them ("must reference
  // columns from only one base table").
  const sources: { alias: string; name: Name }[] = [];
  const walk = (f: FromItem): void => {
    if (f.k === 'table') sources.push({ alias: f.alias ?? f.name[f.name.length - 1], name: f.name });
    else if (f.k === 'join') { walk(f.l); walk(f.r); }
    else throw new SqlError(4405, 16, 1, `View or function '${view.name}' is not updatable because the modification affects multiple base tables.`);
  };
  sel.from.forEach(walk);
  const reported = view.columns.map((c) => c.name);
  const starred = sel.items.some((i) => i.expr.k === 'star');
  const picked = (columns ?? reported).map((col) => {
    const k = reported.findIndex((r) => sameName(r, col));
    if (k < 0) throw err.invalidColumn(col);
    if (starred && sources.length === 1) return { source: sources[0], column: reported[k] };
    const e = sel.items[k]?.expr;
    if (e?.k !== 'col') throw new SqlError(4406, 16, 1, `Update or insert of view or function '${view.name}' failed because it contains a derived or constant field.`);
    const column = e.parts[e.parts.length - 1];
    const qual = e.parts.length >= 2 ? e.parts[e.parts.length - 2] : undefined;
    const source = qual !== undefined ? sources.find((x) => sameName(x.alias, qual)) : sources.find((x) => {
      const r = resolveName(hostIn(host, db), x.name);
      return findTable(r.db, r.schema, r.name)?.columns.some((c) => sameName(c.name, column));
    });
    if (!source) throw err.invalidColumn(col);
    return { source, column };
  });
  const tables = new Set(picked.map((p) => p.source));
  if (tables.size !== 1) throw new SqlError(4405, 16, 1, `View or function '${view.name}' is not updatable because the modification affects multiple base tables.`);
  const base = picked[0].source.name;
  const table = base.length >= 2 || db === host.db ? base : [db.name, 'dbo', ...base];
  return { table, columns: picked.map((p) => p.column) };
}

/** The base table names an UPDATE / DELETE may write (the target's, through CTEs and views), for locks and binding. */
export function writtenTables(s: Dml, host: Host): Name[] {
  const { target } = dmlSource(s);
  const out: Name[] = [];
  baseTablesOf({ k: 'select', distinct: false, items: [], from: [target], groupBy: [], orderBy: [], with: s.with }, undefined, host, out);
  return out.length > 0 ? out : [s.table];
}

function notUpdatable(what: string): SqlError {
  return new SqlError(4403, 16, 1, `Cannot update the view or function '${what}' because it contains aggregates, or a DISTINCT or GROUP BY clause, or PIVOT or UNPIVOT operator.`);
}

/** Refuses a CTE or view target whose query aggregates, groups or uses DISTINCT (Msg 4403). */
function guardUpdatable(s: Dml, target: Extract<FromItem, { k: 'table' }>, host: Host): void {
  const cte = cteNamed(s.with, target.name);
  let sel: Select | undefined = cte?.sel;
  if (!sel) {
    const { db, schema, name } = resolveName(host, target.name);
    const view = findTable(db, schema, name) ? undefined : findModule(db, [schema, name]);
    if (view?.type === 'V') sel = viewSelect(view);
  }
  if (!sel) return;
  if (sel.distinct || sel.groupBy.length > 0 || sel.having || sel.union || sel.items.some((i) => hasAggregate(i.expr))) throw notUpdatable(target.name[target.name.length - 1]);
}

interface Hit { readonly index: number; readonly scope: Scope }

/** The target's matched rows: the FROM relation filtered by WHERE, each with its base row index. */
function matches(ctx: DdlContext, s: Dml, limit: number): { hits: Hit[]; columns: Scope['columns']; table: Table | undefined; qual: string } {
  const { from, target } = dmlSource(s);
  guardUpdatable(s, target, ctx.host);
  const rel = buildFrom(from, ctx.host, undefined, target);
  const qual = target.alias ?? target.name[target.name.length - 1];
  const refs = rel.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.rowOf !== undefined);
  const tables = [...new Set(refs.map(({ c }) => c.rowOf as Table))];
  const hits: Hit[] = [];
  const seen = new Set<number>();
  let table: Table | undefined = tables[0];
  if (tables.length > 1) {
    // Several base tables behind the target: the SET columns decide (UPDATE); DELETE cannot.
    if (s.k === 'delete') throw new SqlError(4405, 16, 1, `View or function '${qual}' is not updatable because the modification affects multiple base tables.`);
    const setTables = new Set(s.sets.filter((x) => x.col !== '').map((x) => rel.columns.find((c) => sameName(c.qual, qual) && sameName(c.name, x.col))?.source?.table));
    if (setTables.size !== 1 || setTables.has(undefined)) throw new SqlError(4405, 16, 1, `View or function '${qual}' is not updatable because the modification affects multiple base tables.`);
    table = [...setTables][0];
  }
  const ref = refs.find(({ c }) => c.rowOf === table);
  if (!ref || !table) return { hits, columns: rel.columns, table, qual };
  for (const row of rel.rows) {
    if (hits.length >= limit) break;
    const scope: Scope = { columns: rel.columns, row };
    if (s.where && test(s.where, scope, ctx.host) !== true) continue;
    const index = row[ref.i] as number;
    if (seen.has(index)) continue;
    seen.add(index);
    hits.push({ index, scope });
  }
  return { hits, columns: rel.columns, table, qual };
}

/** The base column an UPDATE's SET names: the target table's own, or what a CTE / view column shows (4406 for a derived one). */
function setColumn(columns: Scope['columns'], qual: string, table: Table, col: string, direct: boolean): Column {
  if (direct) {
    const c = findColumn(table, col);
    if (!c) throw err.invalidColumn(col);
    return c;
  }
  const shown = columns.find((c) => sameName(c.qual, qual) && sameName(c.name, col) && c.hidden !== true);
  if (!shown) throw err.invalidColumn(col);
  if (!shown.source || shown.source.table !== table) throw new SqlError(4406, 16, 1, `Update or insert of view or function '${qual}' failed because it contains a derived or constant field.`);
  const c = findColumn(table, shown.source.column);
  if (!c) throw err.invalidColumn(col);
  return c;
}

/** Runs an UPDATE / DELETE through FROM, a CTE or a view; `assign` sets a variable (UPDATE's SET @v = ...). */
export function modifyThrough(ctx: DdlContext, s: Dml, top: Value | undefined, assign: (name: string, v: Value) => void): Changed & { readonly scopes: ReadonlyMap<Row, Scope> } {
  const limit = top === undefined || top === null ? Infinity : Math.max(0, Math.floor(Number(top)));
  return withCtes(s.with, undefined, () => {
    const { hits, columns, table, qual } = matches(ctx, s, limit);
    if (!table) throw new SqlError(4405, 16, 1, `View or function '${qual}' is not updatable because the modification affects multiple base tables.`);
    const scopes = new Map<Row, Scope>();
    if (s.k === 'delete') {
      const gone = hits.map((h) => table.rows[h.index]);
      gone.forEach((r, i) => scopes.set(r, hits[i].scope));
      return { ...removeRows(ctx, table, gone), scopes };
    }
    const direct = isTableItem(s, ctx.host);
    const sets = s.sets.filter((x) => x.col !== '');
    const cols = sets.map((x) => setColumn(columns, qual, table, x.col, direct));
    const changed = updateRows(ctx, table, cols, hits.map((h) => ({
      row: table.rows[h.index],
      values: () => {
        const vals = sets.map((x) => evaluate(x.expr, h.scope, ctx.host));
        for (const x of s.sets) if (x.assign) assign(x.assign, x.col === '' ? evaluate(x.expr, h.scope, ctx.host) : vals[sets.indexOf(x)]);
        return vals;
      },
    })));
    changed.after.forEach((r, i) => scopes.set(r, hits[i].scope));
    return { ...changed, scopes };
  });
}

/** Whether the target item is a table (not a CTE or view), whose SET columns are its own. */
function isTableItem(s: Dml, host: Host): boolean {
  const { target } = dmlSource(s);
  if (cteNamed(s.with, target.name)) return false;
  const { db, schema, name } = resolveName(host, target.name);
  return findTable(db, schema, name) !== undefined;
}
