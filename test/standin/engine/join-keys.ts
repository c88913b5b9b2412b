/**
 * Hash keys for a join's ON clause: the equalities `a = b` (among its ANDed terms) between an
 * integer column of the left relation and an integer column of the right one. The join then tests
 * ON only against the right rows whose key matches the left row's, in their original order, so
 * its result is the nested loop's row for row; only the pairs it tests change. Catalog queries
 * join sys views on object_id, column_id and index_id, and testing every pair made a catalog read
 * of a few hundred tables take seconds. Integer keys only: equality is then plain numeric equality
 * (no collation, no conversion), and a NULL key matches nothing, as `=` never yields TRUE for it.
 */
import type { Expr } from './ast';
import type { Value } from './catalog';
import type { ScopeColumn } from './scope';
import { resolveColumn } from './scope';

const INTEGER = new Set(['tinyint', 'smallint', 'int', 'bigint']);

/** The key positions in each relation, or null when ON has no such equality. */
export interface JoinKeys {
  readonly left: readonly number[];
  readonly right: readonly number[];
}

function conjuncts(e: Expr): Expr[] {
  return e.k === 'bin' && e.op === 'AND' ? [...conjuncts(e.l), ...conjuncts(e.r)] : [e];
}

/** Where a column reference resolves among the joined columns (left then right), or -1 (not there, ambiguous, or an outer reference). */
function positionOf(e: Expr, columns: readonly ScopeColumn[]): number {
  if (e.k !== 'col') return -1;
  try {
    return resolveColumn({ columns, row: [] }, e.parts).index;
  } catch {
    return -1;
  }
}

/** The integer equalities of `on` between the left relation (the first `leftCount` columns) and the right one. */
export function joinKeys(on: Expr, columns: readonly ScopeColumn[], leftCount: number): JoinKeys | null {
  const left: number[] = [];
  const right: number[] = [];
  for (const term of conjuncts(on)) {
    if (term.k !== 'bin' || term.op !== '=') continue;
    const a = positionOf(term.l, columns);
    const b = positionOf(term.r, columns);
    if (a < 0 || b < 0 || !INTEGER.has(columns[a].type.name) || !INTEGER.has(columns[b].type.name)) continue;
    if (a < leftCount && b >= leftCount) { left.push(a); right.push(b - leftCount); }
    else if (b < leftCount && a >= leftCount) { left.push(b); right.push(a - leftCount); }
  }
  return left.length === 0 ? null : { left, right };
}

/** A row's key over `positions`, or null when one of them is NULL (it can equal nothing). */
export function keyOf(row: readonly Value[], positions: readonly number[]): string | null {
  let key = '';
  for (const p of positions) {
    const v = row[p];
    if (v === null || v === undefined) return null;
    key += `${String(Number(v))}|`;
  }
  return key;
}

/** The right rows' indexes by key, each list ascending. */
export function indexRows(rows: readonly (readonly Value[])[], positions: readonly number[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const key = keyOf(row, positions);
    if (key === null) return;
    const list = out.get(key);
    if (list) list.push(i); else out.set(key, [i]);
  });
  return out;
}
