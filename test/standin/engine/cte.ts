/**
 * Common table expressions (WITH name [(columns)] AS (query), ...):
 * https://learn.microsoft.com/sql/t-sql/queries/with-common-table-expression-transact-sql
 *
 * A statement's CTEs are in reach while it runs, of its FROM clauses and subqueries alike. The
 * engine runs a statement synchronously, so the CTEs in reach are a stack of frames pushed around
 * it (no other statement can run in between); a view's body starts a new, opaque frame, since a
 * view never sees its caller's CTEs. A CTE is worked out when first read and kept for the rest of
 * the statement (SQL Server may evaluate it more than once, but a statement sees one state of the
 * data). A recursive CTE (one whose members name it) runs its anchor members, then its recursive
 * members over the previous level's rows until a level adds none; more levels than MAXRECURSION
 * (default 100, 0 = no limit) is Msg 530.
 */
import type { Cte, FromItem, Select } from './ast';
import type { Value } from './catalog';
import { sameName } from './catalog';
import type { ScopeColumn } from './scope';
import { SqlError } from './errors';

/** A worked-out relation (as select.ts builds them). */
export interface CteRelation { readonly columns: readonly ScopeColumn[]; readonly rows: Value[][] }

interface Entry {
  readonly cte: Cte;
  readonly index: number;
  rel?: CteRelation;
  /** While a recursive CTE's recursive member runs: the previous level's rows. */
  level?: CteRelation;
}

interface Frame { readonly entries: readonly Entry[]; readonly maxRecursion: number; readonly opaque: boolean; /** The entry being worked out (it sees only the entries before it, and itself). */ busy?: number }

const frames: Frame[] = [];

/** Runs `body` with `ctes` in reach (none: an opaque frame, for a view's body). */
export function withCtes<T>(ctes: readonly Cte[] | undefined, maxRecursion: number | undefined, body: () => T, opaque = false): T {
  if (!ctes?.length && !opaque) return body();
  frames.push({ entries: (ctes ?? []).map((cte, index) => ({ cte, index })), maxRecursion: maxRecursion ?? 100, opaque });
  try { return body(); } finally { frames.pop(); }
}

/** Whether a one-part name is a CTE in reach. */
export function isCteName(name: readonly string[]): boolean {
  return find(name) !== undefined;
}

function find(name: readonly string[]): { entry: Entry; frame: Frame } | undefined {
  if (name.length !== 1) return undefined;
  for (let f = frames.length - 1; f >= 0; f--) {
    const frame = frames[f];
    const visible = frame.busy === undefined ? frame.entries : frame.entries.slice(0, frame.busy + 1);
    const entry = visible.find((e) => sameName(e.cte.name, name[0]));
    if (entry) return { entry, frame };
    if (frame.opaque) return undefined;
  }
  return undefined;
}

/** The names a query reads in FROM (one-part ones are CTE candidates), subqueries included. */
function readsName(node: unknown, name: string): boolean {
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((x) => readsName(x, name));
  const o = node as { k?: string; name?: unknown };
  if (o.k === 'table' && Array.isArray(o.name) && o.name.length === 1 && sameName(String(o.name[0]), name)) return true;
  return Object.values(node).some((v) => typeof v === 'object' && readsName(v, name));
}

/** A query's UNION chain as its members. */
function members(sel: Select): Select[] {
  const out: Select[] = [];
  for (let s: Select | undefined = sel; s; s = s.union?.next) out.push({ ...s, union: undefined });
  return out;
}

/**
 * The relation of a CTE named in FROM (qualified by `qual`), or undefined when no CTE of that
 * name is in reach. `run` executes a SELECT (select.ts's executeSelect, passed in to keep the
 * import one-way).
 */
export function cteRelation(item: Extract<FromItem, { k: 'table' }>, run: (sel: Select) => CteRelation): CteRelation | undefined {
  const hit = find(item.name);
  if (!hit) return undefined;
  const { entry, frame } = hit;
  const qual = item.alias ?? entry.cte.name;
  const requalify = (r: CteRelation): CteRelation => ({ columns: r.columns.map((c) => ({ ...c, qual })), rows: r.rows });
  if (entry.level) return requalify(entry.level);
  if (!entry.rel) {
    if (frame.busy === entry.index) {
      // Read by its own anchor, or outside the UNION ALL of recursive members.
      throw new SqlError(252, 16, 1, `Recursive common table expression '${entry.cte.name}' does not contain a top-level UNION ALL operator.`, 'compile');
    }
    const saved = frame.busy;
    frame.busy = entry.index;
    try { entry.rel = materialize(entry, frame, run); } finally { frame.busy = saved; }
  }
  return requalify(entry.rel);
}

function named(entry: Entry, r: CteRelation): CteRelation {
  const { cte } = entry;
  if (cte.columns && cte.columns.length !== r.columns.length) {
    // Msg 8158 (more) / 8159 (fewer): the query's columns against the CTE's column list.
    const more = r.columns.length > cte.columns.length;
    throw new SqlError(more ? 8158 : 8159, 16, 1, `'${cte.name}' has ${more ? 'more' : 'fewer'} columns than were specified in the column list.`, 'compile');
  }
  const columns = r.columns.map((c, i) => {
    const name = cte.columns ? cte.columns[i] : c.name;
    if (name === '') throw new SqlError(8155, 16, 2, `No column name was specified for column ${i + 1} of '${cte.name}'.`, 'compile');
    return { ...c, qual: cte.name, name };
  });
  return { columns, rows: r.rows };
}

function materialize(entry: Entry, frame: Frame, run: (sel: Select) => CteRelation): CteRelation {
  const name = entry.cte.name;
  const all = members(entry.cte.sel);
  const recursive = all.filter((m) => readsName(m, name));
  if (recursive.length === 0) return named(entry, run(entry.cte.sel));
  // Anchors first, then recursive members, joined by UNION ALL (the page's guidelines for recursive CTEs).
  const anchors = all.slice(0, all.findIndex((m) => readsName(m, name)));
  if (anchors.length === 0) throw new SqlError(246, 16, 1, `No anchor member was specified for recursive query "${name}".`, 'compile');
  for (let s: Select | undefined = entry.cte.sel; s?.union; s = s.union.next) {
    if (!s.union.all && readsName(s.union.next, name)) throw new SqlError(252, 16, 1, `Recursive common table expression '${name}' does not contain a top-level UNION ALL operator.`, 'compile');
  }
  const anchorSel = chain(anchors, entry.cte.sel);
  const first = named(entry, run(anchorSel));
  const rows = [...first.rows];
  let level: CteRelation = first;
  for (let depth = 0; level.rows.length > 0; depth++) {
    if (frame.maxRecursion !== 0 && depth >= frame.maxRecursion) {
      throw new SqlError(530, 16, 1, `The statement terminated. The maximum recursion ${frame.maxRecursion} has been exhausted before statement completion.`);
    }
    entry.level = level;
    let next: Value[][] = [];
    try { for (const m of recursive) next = next.concat(run(m).rows); } finally { entry.level = undefined; }
    level = { columns: first.columns, rows: next };
    rows.push(...next);
  }
  return { columns: first.columns, rows };
}

/** The anchor members as one query (UNION / UNION ALL between them as written). */
function chain(anchors: readonly Select[], whole: Select): Select {
  const links: { all: boolean }[] = [];
  for (let s: Select | undefined = whole; s?.union; s = s.union.next) links.push({ all: s.union.all });
  let out: Select = anchors[anchors.length - 1];
  for (let i = anchors.length - 2; i >= 0; i--) out = { ...anchors[i], union: { all: links[i].all, next: out } };
  return out;
}
