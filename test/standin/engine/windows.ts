/**
 * Window functions: fn(...) OVER ([PARTITION BY ...] [ORDER BY ...] [ROWS | RANGE frame])
 * (https://learn.microsoft.com/sql/t-sql/queries/select-over-clause-transact-sql). They are worked
 * out over the query's rows after FROM, WHERE, GROUP BY and HAVING, before DISTINCT, ORDER BY and
 * TOP, which is why they may appear only in the select list and ORDER BY (Msg 4108 elsewhere).
 *
 * - ROW_NUMBER, RANK, DENSE_RANK, NTILE, LAG, LEAD need ORDER BY (Msg 4112).
 * - An aggregate with ORDER BY and no frame runs over RANGE BETWEEN UNBOUNDED PRECEDING AND
 *   CURRENT ROW (peers of the current row included); without ORDER BY, over the whole partition.
 * - RANGE frames take only UNBOUNDED and CURRENT ROW bounds, as SQL Server's do.
 */
import type { Expr } from './ast';
import type { Value } from './catalog';
import type { Host, Scope } from './scope';
import type { SqlType } from './types';
import { ty } from './types';
import { compare, compareKeys, groupKey, toNumber } from './values';
import { SqlError } from './errors';

type Over = Extract<Expr, { k: 'over' }>;

const RANKING = new Set(['ROW_NUMBER', 'RANK', 'DENSE_RANK', 'NTILE']);
const OFFSET = new Set(['LAG', 'LEAD']);
const WINDOW_AGGREGATES = new Set(['COUNT', 'COUNT_BIG', 'SUM', 'AVG', 'MIN', 'MAX', 'FIRST_VALUE', 'LAST_VALUE']);

/** Msg 4108: a window function outside the select list and ORDER BY. */
export function windowedOutsideSelect(): SqlError {
  return new SqlError(4108, 16, 1, 'Windowed functions can only appear in the SELECT or ORDER BY clauses.', 'compile');
}

/** The window functions an expression uses, subqueries aside (they have their own). */
export function windowsIn(e: Expr | undefined, out: Over[] = []): Over[] {
  if (!e) return out;
  const walk = (x: Expr): void => {
    switch (x.k) {
      case 'over': out.push(x); return;
      case 'fn': x.args.forEach(walk); return;
      case 'un': case 'isnull': case 'cast': walk(x.e); return;
      case 'bin': walk(x.l); walk(x.r); return;
      case 'in': walk(x.e); (x.list ?? []).forEach(walk); return;
      case 'like': walk(x.e); walk(x.pat); return;
      case 'between': walk(x.e); walk(x.lo); walk(x.hi); return;
      case 'case': if (x.operand) walk(x.operand); x.whens.forEach(([a, b]) => { walk(a); walk(b); }); if (x.els) walk(x.els); return;
      default: return;
    }
  };
  walk(e);
  return out;
}

/** The type of a window function's result. */
export function windowType(e: Over, argType: (x: Expr) => SqlType): SqlType {
  const name = e.fn.name;
  if (RANKING.has(name)) return ty.bigint;
  if (OFFSET.has(name) || name === 'FIRST_VALUE' || name === 'LAST_VALUE') return argType(e.fn.args[0]);
  return argType(e.fn);
}

/** The value of a window function for the scope's row (Msg 4108 where no window values are in reach). */
export function windowValue(e: Over, scope: Scope | undefined): Value {
  const w = scope?.windows;
  const values = w?.values.get(e);
  if (!w || !values) throw windowedOutsideSelect();
  return values[w.index] ?? null;
}

function check(e: Over): void {
  const name = e.fn.name;
  if ((RANKING.has(name) || OFFSET.has(name)) && e.order.length === 0) {
    throw new SqlError(4112, 16, 1, `The function '${name}' must have an OVER clause with ORDER BY.`, 'compile');
  }
  if (!RANKING.has(name) && !OFFSET.has(name) && !WINDOW_AGGREGATES.has(name)) {
    throw new SqlError(4109, 16, 1, `The function '${name.toLowerCase()}' is not a valid windowing function, and cannot be used with the OVER clause.`, 'compile');
  }
  if (e.fn.distinct) throw new SqlError(10759, 16, 1, 'Use of DISTINCT is not allowed with the OVER clause.', 'compile');
  if (e.frame?.unit === 'RANGE' && [e.frame.start, e.frame.end].some((b) => b !== 0 && Math.abs(b) !== Infinity)) {
    throw new SqlError(4194, 16, 1, 'RANGE is only supported with UNBOUNDED and CURRENT ROW window frame delimiters.', 'compile');
  }
}

function aggregateOf(name: string, vals: readonly Value[], all: number, star: boolean): Value {
  const present = vals.filter((v) => v !== null);
  switch (name) {
    case 'COUNT': case 'COUNT_BIG': return star ? all : present.length;
    case 'SUM': return present.length ? present.reduce<number>((s, v) => s + toNumber(v), 0) : null;
    case 'AVG': return present.length ? present.reduce<number>((s, v) => s + toNumber(v), 0) / present.length : null;
    case 'MIN': return present.length ? present.reduce((m, v) => (compare(v, m) < 0 ? v : m)) : null;
    case 'MAX': return present.length ? present.reduce((m, v) => (compare(v, m) > 0 ? v : m)) : null;
    case 'FIRST_VALUE': return vals[0] ?? null;
    case 'LAST_VALUE': return vals.length ? vals[vals.length - 1] : null;
    default: return null;
  }
}

/** Works out every window function over the query's scopes (its rows, or its groups). */
export function computeWindows(overs: readonly Over[], scopes: readonly Scope[], host: Host, evaluate: (e: Expr, s: Scope) => Value): Map<Expr, Value[]> {
  const out = new Map<Expr, Value[]>();
  for (const e of overs) {
    if (out.has(e)) continue;
    check(e);
    const result: Value[] = new Array<Value>(scopes.length).fill(null);
    const parts = new Map<string, number[]>();
    scopes.forEach((s, i) => {
      const k = groupKey(e.partition.map((p) => evaluate(p, s)));
      const list = parts.get(k);
      if (list) list.push(i); else parts.set(k, [i]);
    });
    const args = scopes.map((s) => e.fn.args.map((a) => evaluate(a, s)));
    const desc = e.order.map((o) => o.desc);
    for (const members of parts.values()) {
      const keys = new Map(members.map((i) => [i, e.order.map((o) => evaluate(o.expr, scopes[i]))]));
      // A stable sort: peers keep the query's row order.
      const sorted = [...members].sort((a, b) => compareKeys(keys.get(a) ?? [], keys.get(b) ?? [], desc));
      const peerStart: number[] = [];
      const peerEnd: number[] = [];
      for (let p = 0; p < sorted.length; p++) {
        peerStart[p] = p > 0 && compareKeys(keys.get(sorted[p]) ?? [], keys.get(sorted[p - 1]) ?? [], desc) === 0 ? peerStart[p - 1] : p;
      }
      for (let p = sorted.length - 1; p >= 0; p--) {
        peerEnd[p] = p < sorted.length - 1 && peerStart[p + 1] === peerStart[p] ? peerEnd[p + 1] : p;
      }
      let dense = 0;
      sorted.forEach((idx, p) => {
        if (peerStart[p] === p) dense++;
        result[idx] = value(e, p, sorted, peerStart, peerEnd, dense, args);
      });
    }
    out.set(e, result);
    void host;
  }
  return out;
}

function value(e: Over, p: number, sorted: readonly number[], peerStart: readonly number[], peerEnd: readonly number[], dense: number, args: readonly (readonly Value[])[]): Value {
  const name = e.fn.name;
  const n = sorted.length;
  switch (name) {
    case 'ROW_NUMBER': return p + 1;
    case 'RANK': return peerStart[p] + 1;
    case 'DENSE_RANK': return dense;
    case 'NTILE': {
      // ntile-transact-sql.md: larger groups come first when the rows do not divide evenly.
      const tiles = Math.max(1, Math.trunc(toNumber(args[sorted[p]][0] ?? 1)));
      const size = Math.floor(n / tiles); const extra = n % tiles;
      const bigRows = extra * (size + 1);
      return p < bigRows ? Math.floor(p / (size + 1)) + 1 : extra + Math.floor((p - bigRows) / Math.max(size, 1)) + 1;
    }
    case 'LAG': case 'LEAD': {
      const a = args[sorted[p]];
      const offset = a.length > 1 ? Math.trunc(toNumber(a[1] ?? 1)) : 1;
      const q = name === 'LAG' ? p - offset : p + offset;
      return q >= 0 && q < n ? args[sorted[q]][0] ?? null : a.length > 2 ? a[2] : null;
    }
    default: {
      let lo: number; let hi: number;
      const f = e.frame;
      if (!f) { if (e.order.length === 0) { lo = 0; hi = n - 1; } else { lo = 0; hi = peerEnd[p]; } }
      else if (f.unit === 'ROWS') { lo = Math.max(0, p + f.start); hi = Math.min(n - 1, p + f.end); }
      else { lo = f.start === 0 ? peerStart[p] : 0; hi = f.end === 0 ? peerEnd[p] : n - 1; }
      const frame = lo > hi ? [] : sorted.slice(lo, hi + 1);
      const vals = frame.map((i) => (e.fn.star ? 1 : args[i][0] ?? null));
      return aggregateOf(name, vals, frame.length, e.fn.star);
    }
  }
}
