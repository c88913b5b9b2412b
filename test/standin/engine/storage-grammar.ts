/**
 * Grammar-view rewrites for index options and data spaces the antlr grammar snapshot lacks
 * (each is documented T-SQL): `FILLFACTOR = n` inside WITH (...) (create-index-transact-sql,
 * alter-table-index-option-transact-sql), a partition scheme `ON ps (column)` after a table's,
 * index's or constraint's definition (create-table / create-index-transact-sql), and the
 * statements that make data spaces: `ALTER DATABASE ... ADD FILEGROUP fg`
 * (alter-database-transact-sql-file-and-filegroup-options), `CREATE PARTITION FUNCTION`
 * and `CREATE PARTITION SCHEME` (create-partition-function / create-partition-scheme-transact-sql),
 * and `CREATE SPATIAL INDEX` (create-spatial-index-transact-sql).
 * Each only changes what the grammar sees; the engine's own parser reads the real text.
 */
import type { RewriteTools } from './temporal-grammar';

/** The token index just past the parenthesised group opening at j. */
function afterGroup(up: (i: number) => string, j: number, end: number): number {
  let depth = 0;
  do { if (up(j) === '(') depth++; if (up(j) === ')') depth--; j++; } while (j < end && depth > 0);
  return j;
}

/** Applies the storage rewrites that start at token i. */
export function storageRewrites(i: number, r: RewriteTools): void {
  const { up, tokens, blank, blankGroup, edit } = r;
  // FILLFACTOR = n in a WITH (...) list: the grammar takes other options of the same shape.
  if (up(i) === 'FILLFACTOR' && up(i + 1) === '=' && (up(i - 1) === '(' || up(i - 1) === ',')) edit(tokens[i], 'x_fillfactor');
  // ON ps (column) right after a closing parenthesis: the placement of a table, index or key.
  const isName = (j: number) => tokens[j] !== undefined && (tokens[j].kind === 'word' || tokens[j].kind === 'qid');
  if (up(i) === 'ON' && up(i - 1) === ')' && isName(i + 1) && up(i + 2) === '(' && !['DELETE', 'UPDATE', 'PARTITIONS'].includes(up(i + 1))) blankGroup(i + 2);
  // Statements the grammar has no rule for: shown as PRINT 0 (same lines).
  const whole = (to: number) => { edit(tokens[i], 'PRINT 0'); for (let k = i + 1; k < to; k++) blank(tokens[k]); };
  if (up(i) === 'ALTER' && up(i + 1) === 'DATABASE') {
    let j = i + 2;
    while (tokens[j] && up(j) !== 'ADD' && up(j) !== ';' && tokens[j].kind !== 'eof' && j < i + 5) j++;
    if (up(j) === 'ADD' && up(j + 1) === 'FILEGROUP') {
      let end = j + 3;
      if (up(end) === 'CONTAINS') end += up(end + 1) === 'MEMORY_OPTIMIZED_DATA' ? 2 : 2;
      whole(end);
    }
  }
  if (up(i) === 'CREATE' && up(i + 1) === 'PARTITION' && (up(i + 2) === 'FUNCTION' || up(i + 2) === 'SCHEME')) {
    // FUNCTION ... FOR VALUES (...) | SCHEME ... TO (...): the statement ends with that group.
    const last = up(i + 2) === 'FUNCTION' ? 'VALUES' : 'TO';
    let j = i + 3;
    while (tokens[j] && tokens[j].kind !== 'eof' && up(j) !== last) j++;
    if (up(j) === last && up(j + 1) === '(') whole(afterGroup(up, j + 1, tokens.length));
  }
  // CREATE SPATIAL INDEX i ON t (c) [USING scheme] [WITH (...)] [ON fg] (create-spatial-index-transact-sql):
  // the grammar has no spatial index; the engine's parser reads the statement itself.
  if (up(i) === 'CREATE' && up(i + 1) === 'SPATIAL' && up(i + 2) === 'INDEX') {
    let j = i + 3;
    while (tokens[j] && tokens[j].kind !== 'eof' && up(j) !== '(' && up(j) !== ';') j++;
    if (up(j) !== '(') return;
    j = afterGroup(up, j, tokens.length);
    if (up(j) === 'USING') j += 2;
    if (up(j) === 'WITH' && up(j + 1) === '(') j = afterGroup(up, j + 1, tokens.length);
    if (up(j) === 'ON' && isName(j + 1)) j += 2;
    whole(j);
  }
}
