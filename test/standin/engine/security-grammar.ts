/**
 * Grammar-view rewrite for GRANT, DENY and REVOKE: the antlr grammar snapshot takes GRANT ALL or
 * a one-word permission ON an object, and none of DENY, REVOKE GRANT OPTION FOR, column lists,
 * permission names of several words (VIEW DEFINITION, CREATE TABLE), or class::securable
 * (grant-transact-sql, deny-transact-sql, revoke-transact-sql). The whole statement becomes
 * `GRANT ALL ON x_securable TO x_principal` for the grammar; the engine's own parser
 * (parse-security.ts) reads the real text and refuses what is malformed (Msg 102).
 */
import type { RewriteTools } from './temporal-grammar';

const isName = (r: RewriteTools, j: number): boolean => r.tokens[j] !== undefined && (r.tokens[j].kind === 'word' || r.tokens[j].kind === 'qid');

/**
 * When token i starts a GRANT, DENY or REVOKE, rewrites it and returns the index of its last
 * token; otherwise returns i. A statement whose end cannot be found is left as it is (the
 * grammar then reports it).
 */
export function securityRewrites(i: number, r: RewriteTools): number {
  const { up, tokens, blank, edit } = r;
  const verb = up(i);
  if (verb !== 'GRANT' && verb !== 'DENY' && verb !== 'REVOKE') return i;
  // The permissions and securable run to the TO (FROM for REVOKE) outside parentheses.
  let j = i + 1;
  let depth = 0;
  while (tokens[j] && tokens[j].kind !== 'eof' && up(j) !== ';') {
    if (up(j) === '(') depth++;
    if (up(j) === ')') depth--;
    if (depth === 0 && (up(j) === 'TO' || (verb === 'REVOKE' && up(j) === 'FROM'))) break;
    j++;
  }
  if (up(j) !== 'TO' && up(j) !== 'FROM') return i;
  // One or more principals, then [WITH GRANT OPTION] [CASCADE] [AS principal].
  if (!isName(r, j + 1)) return i;
  j += 1;
  while (up(j + 1) === ',' && isName(r, j + 2)) j += 2;
  if (up(j + 1) === 'WITH' && up(j + 2) === 'GRANT' && up(j + 3) === 'OPTION') j += 3;
  if (up(j + 1) === 'CASCADE') j += 1;
  if (up(j + 1) === 'AS' && isName(r, j + 2)) j += 2;
  edit(tokens[i], 'GRANT ALL ON x_securable TO x_principal');
  for (let k = i + 1; k <= j; k++) blank(tokens[k]);
  return j;
}
