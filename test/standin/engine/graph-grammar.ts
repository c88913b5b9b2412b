/**
 * Grammar-view rewrites for SQL Graph (create-table-sql-graph, graph-edge-constraints,
 * sql-graph-architecture): the antlr grammar snapshot knows neither `AS NODE | AS EDGE`, nor
 * edge constraints, nor the pseudo-columns. Each rewrite only changes what the grammar sees;
 * the engine's own parser reads the real text:
 * - CREATE TABLE t (...) AS NODE | AS EDGE          -> the AS NODE | AS EDGE is blanked
 * - CREATE TABLE t AS EDGE (no column list)          -> CREATE TABLE t (x_edge int)
 * - [CONSTRAINT c] CONNECTION (a TO b, ...) [ON DELETE NO ACTION | CASCADE] -> CHECK (1 = 1)
 * - $node_id, $edge_id, $from_id, $to_id (one token, see tokenize) -> [$node_id], ...
 */
import type { Token } from './grammar';
import type { RewriteTools } from './temporal-grammar';

/** The pseudo-columns of node and edge tables, as tokenize joins them ($ and the word). */
export const PSEUDO_COLUMNS = new Set(['$NODE_ID', '$EDGE_ID', '$FROM_ID', '$TO_ID']);

const isName = (t: Token | undefined): boolean => t !== undefined && (t.kind === 'word' || t.kind === 'qid');

/** Whether the (possibly dotted) name ending at token `end` follows CREATE TABLE. */
function afterCreateTable(end: number, r: RewriteTools): boolean {
  let k = end;
  if (!isName(r.tokens[k])) return false;
  while (r.up(k - 1) === '.' && isName(r.tokens[k - 2])) k -= 2;
  return r.up(k - 1) === 'TABLE' && r.up(k - 2) === 'CREATE';
}

/** The index of the `(` that the `)` at `close` ends, or -1. */
function openerOf(close: number, r: RewriteTools): number {
  let depth = 0;
  for (let k = close; k >= 0; k--) {
    if (r.up(k) === ')') depth++;
    if (r.up(k) === '(' && --depth === 0) return k;
  }
  return -1;
}

/** Applies the graph rewrites that start at token i. */
export function graphRewrites(i: number, r: RewriteTools): void {
  const { up, tokens, blank, edit } = r;
  const t = tokens[i];
  if (t === undefined) return;
  if (t.kind === 'qid' && PSEUDO_COLUMNS.has(t.upper)) edit(t, `[${t.value}]`);
  if (up(i) === 'AS' && (up(i + 1) === 'NODE' || up(i + 1) === 'EDGE')) {
    if (up(i - 1) === ')') {
      if (afterCreateTable(openerOf(i - 1, r) - 1, r)) { blank(t); blank(tokens[i + 1]); }
    } else if (up(i + 1) === 'EDGE' && afterCreateTable(i - 1, r)) {
      edit(t, '(x_edge int)');
      blank(tokens[i + 1]);
    }
  }
  if (up(i) === 'CONNECTION' && up(i + 1) === '(') {
    edit(t, 'CHECK (1 = 1)');
    let k = i + 1;
    let depth = 0;
    do { if (up(k) === '(') depth++; if (up(k) === ')') depth--; blank(tokens[k]); k++; } while (tokens[k] && depth > 0);
    if (up(k) === 'ON' && up(k + 1) === 'DELETE') {
      const words = up(k + 2) === 'NO' ? 4 : 3;
      for (let n = 0; n < words; n++) blank(tokens[k + n]);
    }
  }
}
