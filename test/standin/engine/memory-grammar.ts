/**
 * Grammar-view rewrites for memory-optimized tables (SQL Server 2014+; the antlr grammar snapshot
 * has none of it). Each only changes what the grammar sees; the engine's parser reads the text.
 * Sources: create-table-transact-sql (memory-optimized syntax: `{ PRIMARY KEY | UNIQUE }
 * NONCLUSTERED HASH (c) WITH (BUCKET_COUNT = n)`, `INDEX i [NONCLUSTERED] HASH (c) WITH (...)`,
 * `INDEX i CLUSTERED COLUMNSTORE`, a column's `INDEX i [NONCLUSTERED] [HASH] WITH (...)`), the
 * disk-based `INDEX i [UNIQUE] [CLUSTERED | NONCLUSTERED] (c)`, and alter-table-transact-sql /
 * altering-memory-optimized-tables (`ALTER TABLE t ADD INDEX ...`, `DROP INDEX i`,
 * `ALTER INDEX i REBUILD WITH (BUCKET_COUNT = n)`):
 * - NONCLUSTERED HASH                          -> NONCLUSTERED
 * - INDEX i HASH (...)                          -> INDEX i NONCLUSTERED (...)
 * - INDEX i UNIQUE [NON]CLUSTERED (...)         -> INDEX i UNIQUE (...)
 * - INDEX i CLUSTERED COLUMNSTORE               -> INDEX i CLUSTERED (x)
 * - a column's INDEX i [NONCLUSTERED] [HASH] [WITH (...)] -> blanked
 * - ALTER TABLE t ADD INDEX i [UNIQUE] ...      -> ADD CONSTRAINT i UNIQUE ...
 * - ALTER TABLE t DROP INDEX i | ALTER INDEX i REBUILD WITH (...) -> DROP CONSTRAINT i
 *   (ALTER INDEX ... REBUILD WITH (...) is blanked by the ALTER INDEX rewrite of grammar.ts)
 */
import type { RewriteTools } from './temporal-grammar';

/** Whether token i follows `ALTER TABLE [s.]t` directly. */
function afterAlterTable(up: (i: number) => string, isName: (j: number) => boolean, i: number): boolean {
  let j = i - 1;
  if (!isName(j)) return false;
  while (up(j - 1) === '.' && isName(j - 2)) j -= 2;
  return up(j - 1) === 'TABLE' && up(j - 2) === 'ALTER';
}

/** Applies the memory-optimized rewrites that start at token i. */
export function memoryRewrites(i: number, r: RewriteTools): void {
  const { up, tokens, blank, blankGroup, edit } = r;
  const isName = (j: number) => tokens[j] !== undefined && (tokens[j].kind === 'word' || tokens[j].kind === 'qid');
  if (up(i) === 'HASH' && up(i - 1) === 'NONCLUSTERED') blank(tokens[i]);
  if (up(i) !== 'INDEX' || !isName(i + 1)) {
    if ((up(i) === 'DROP' || up(i) === 'ALTER') && up(i + 1) === 'INDEX' && afterAlterTable(up, isName, i)) edit(tokens[i + 1], 'CONSTRAINT');
    return;
  }
  const n = i + 2;
  // ALTER TABLE t ADD INDEX i ...: seen as a UNIQUE constraint of the same shape.
  if (up(i - 1) === 'ADD' && afterAlterTable(up, isName, i - 1)) {
    edit(tokens[i], 'CONSTRAINT');
    if (up(n) !== 'UNIQUE') edit(tokens[i + 1], `${tokens[i + 1].text} UNIQUE`);
  }
  if (up(n) === 'HASH') edit(tokens[n], 'NONCLUSTERED');
  if (up(n) === 'UNIQUE' && (up(n + 1) === 'NONCLUSTERED' || up(n + 1) === 'CLUSTERED') && up(i - 1) !== 'ADD') blank(tokens[n + 1]);
  if (up(n) === 'CLUSTERED' && up(n + 1) === 'COLUMNSTORE') edit(tokens[n + 1], '(x)');
  // A column's own index: no column list of its own.
  let k = n;
  while (['NONCLUSTERED', 'HASH', 'UNIQUE'].includes(up(k))) k++;
  if (up(k) === 'WITH' || up(k) === ',' || up(k) === ')') {
    if (up(k) === 'WITH' || up(k - 1) !== ')') {
      for (let x = i; x < k; x++) blank(tokens[x]);
      if (up(k) === 'WITH' && up(k + 1) === '(') { blank(tokens[k]); blankGroup(k + 1); }
    }
  }
}
