/**
 * Grammar-view rewrites for sequences: the antlr grammar snapshot has no NEXT VALUE FOR
 * expression at all, and takes a minus sign in CREATE SEQUENCE only after INCREMENT BY
 * (https://learn.microsoft.com/sql/t-sql/functions/next-value-for-transact-sql,
 * https://learn.microsoft.com/sql/t-sql/statements/create-sequence-transact-sql: "START WITH
 * <constant>", "MINVALUE [ <constant> ]"). Each rewrite only changes what the grammar sees; the
 * engine's own parser reads the real text.
 */
import type { RewriteTools } from './temporal-grammar';

/** Whether token j starts a name part (a word or [quoted] identifier). */
const isNamePart = (r: RewriteTools, j: number): boolean => r.tokens[j] !== undefined && (r.tokens[j].kind === 'word' || r.tokens[j].kind === 'qid');

/**
 * Applies the sequence rewrites that start at token i; `inSequence` says whether i is inside a
 * CREATE / ALTER SEQUENCE statement.
 * - NEXT VALUE FOR [a.]b        -> 0
 * - (WITH | BY | MINVALUE | MAXVALUE) -n in CREATE / ALTER SEQUENCE -> the minus is blanked
 */
export function sequenceRewrites(i: number, r: RewriteTools, inSequence: boolean): void {
  const { up, tokens, blank, edit } = r;
  if (up(i) === 'NEXT' && up(i + 1) === 'VALUE' && up(i + 2) === 'FOR' && isNamePart(r, i + 3)) {
    edit(tokens[i], '0'); blank(tokens[i + 1]); blank(tokens[i + 2]);
    let j = i + 3;
    blank(tokens[j]);
    while (up(j + 1) === '.' && isNamePart(r, j + 2)) { blank(tokens[j + 1]); blank(tokens[j + 2]); j += 2; }
  }
  if (inSequence && up(i) === '-' && tokens[i + 1]?.kind === 'number' && ['WITH', 'BY', 'MINVALUE', 'MAXVALUE'].includes(up(i - 1))) blank(tokens[i]);
}
