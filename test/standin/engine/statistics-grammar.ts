/**
 * Grammar-view rewrites for statistics statements. The antlr grammar snapshot takes only part of
 * what SQL Server documents: no WHERE filter and no lone NORECOMPUTE or INCREMENTAL = ON|OFF in
 * CREATE STATISTICS, no statistics list or WITH options (FULLSCAN, SAMPLE n PERCENT, ...) in
 * UPDATE STATISTICS, and only one item in DROP STATISTICS
 * (https://learn.microsoft.com/sql/t-sql/statements/create-statistics-transact-sql,
 * update-statistics-transact-sql, drop-statistics-transact-sql). The grammar is shown the
 * statement's head (CREATE STATISTICS s ON t (c, ...) / UPDATE STATISTICS t [s] /
 * DROP STATISTICS t.s); the engine's own parser reads, and checks, the whole text.
 */
import type { RewriteTools } from './temporal-grammar';

const STATEMENT_WORDS = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'EXEC', 'EXECUTE', 'DROP', 'IF', 'BEGIN', 'DECLARE', 'SET', 'PRINT', 'GO', 'CREATE', 'ALTER', 'WHILE', 'END']);

/** Blanks tokens from j to the end of the statement (a `;`, the next statement's keyword outside parentheses, or the end). */
function blankRest(r: RewriteTools, j: number): void {
  let depth = 0;
  while (r.tokens[j] && r.tokens[j].kind !== 'eof') {
    const w = r.up(j);
    if (depth === 0 && (w === ';' || STATEMENT_WORDS.has(w))) return;
    if (w === '(') depth++;
    if (w === ')') depth--;
    r.blank(r.tokens[j]);
    j++;
  }
}

/** The index after a (multi-part) name starting at j. */
function afterName(r: RewriteTools, j: number): number {
  const part = (k: number) => r.tokens[k] !== undefined && (r.tokens[k].kind === 'word' || r.tokens[k].kind === 'qid');
  if (!part(j)) return j;
  j++;
  while (r.up(j) === '.' && part(j + 1)) j += 2;
  return j;
}

/** Applies the statistics rewrites that start at token i. */
export function statisticsRewrites(i: number, r: RewriteTools): void {
  const { up } = r;
  if (up(i) === 'CREATE' && up(i + 1) === 'STATISTICS') {
    // CREATE STATISTICS s ON t ( ... ): keep through the closing parenthesis of the column list.
    let j = afterName(r, i + 2);
    if (up(j) !== 'ON') return;
    j = afterName(r, j + 1);
    if (up(j) !== '(') return;
    let depth = 0;
    do { if (up(j) === '(') depth++; if (up(j) === ')') depth--; j++; } while (r.tokens[j] && depth > 0);
    blankRest(r, j);
  } else if (up(i) === 'UPDATE' && up(i + 1) === 'STATISTICS') {
    const j = afterName(r, i + 2);
    // One statistics name (not WITH) stays; a list or the options go.
    blankRest(r, up(j) !== 'WITH' && up(j) !== '(' && afterName(r, j) > j ? afterName(r, j) : j);
  } else if (up(i) === 'DROP' && up(i + 1) === 'STATISTICS') {
    blankRest(r, afterName(r, i + 2));
  }
}
