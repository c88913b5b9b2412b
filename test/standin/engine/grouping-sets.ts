/**
 * GROUP BY ROLLUP / CUBE (and the older GROUP BY ... WITH ROLLUP | CUBE), per
 * https://learn.microsoft.com/sql/t-sql/queries/select-group-by-transact-sql: ROLLUP (a, b) groups
 * by (a, b), (a) and (); CUBE (a, b) by every subset of the list. On a row of a coarser grouping
 * the rolled-up expressions are NULL and GROUPING(expr) is 1 (eval.ts). Rows come out finest
 * grouping first (SQL Server guarantees no order without ORDER BY). Inferred: a rolled-up
 * expression must be a column of the FROM (as in legacy scripts) for its NULL to show; no
 * grand-total row over no rows.
 */
import type { Expr } from './ast';
import type { Value } from './catalog';
import type { Host, Scope } from './scope';
import { resolveColumn } from './scope';
import { evaluate } from './eval';
import { groupKey } from './values';

/** The groupings ROLLUP or CUBE makes of n expressions: each the set of indexes kept. */
function groupings(n: number, kind: 'rollup' | 'cube'): number[][] {
  const all = [...Array(n).keys()];
  if (kind === 'rollup') return [...Array(n + 1).keys()].map((k) => all.slice(0, n - k));
  const sets: number[][] = [];
  for (let mask = (1 << n) - 1; mask >= 0; mask--) sets.push(all.filter((i) => (mask & (1 << (n - 1 - i))) !== 0));
  return sets.sort((a, b) => b.length - a.length);
}

/** One scope per group of every grouping, its rolled-up columns NULL and its GROUPING() answers set. */
export function rolledUpScopes(
  exprs: readonly Expr[], kind: 'rollup' | 'cube', rows: readonly (readonly Value[])[], columns: Scope['columns'],
  scopeOf: (row: readonly Value[], group?: readonly (readonly Value[])[]) => Scope, host: Host,
): Scope[] {
  const typing = scopeOf(columns.map(() => null));
  const columnOf = exprs.map((e) => (e.k === 'col' ? resolveColumn(typing, e.parts) : undefined));
  const out: Scope[] = [];
  for (const kept of groupings(exprs.length, kind)) {
    const rolledUp = new Set(exprs.map((_, i) => i).filter((i) => !kept.includes(i)));
    const groups = new Map<string, (readonly Value[])[]>();
    for (const row of rows) {
      const key = groupKey(kept.map((i) => evaluate(exprs[i], scopeOf(row), host)));
      const list = groups.get(key);
      if (list) list.push(row); else groups.set(key, [row]);
    }
    for (const group of groups.values()) {
      const shown = [...group[0]];
      for (const i of rolledUp) {
        const c = columnOf[i];
        if (c !== undefined && c.scope === typing) shown[c.index] = null;
      }
      out.push({ ...scopeOf(shown, group), grouping: { exprs, rolledUp } });
    }
  }
  return out;
}
