/**
 * Grammar-view rewrite for CREATE / ALTER / DROP SECURITY POLICY: the antlr grammar snapshot has
 * no ALTER SECURITY POLICY at all, and takes CREATE's options only as `SCHEMABINDING ON|OFF`
 * (create-security-policy-transact-sql: "WITH ( STATE = { ON | OFF } [,] [ SCHEMABINDING = { ON |
 * OFF } ] )"). The whole statement becomes `GRANT ALL ON x_securable TO x_principal` for the
 * grammar, as security-grammar.ts does; the engine's parser (parse-policy.ts) reads the real text.
 */
import type { RewriteTools } from './temporal-grammar';

/** Words that start the next statement (the policy's own ALTER / DROP PREDICATE and AFTER INSERT... aside). */
const STATEMENT_WORDS = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'CREATE', 'ALTER', 'DROP', 'EXEC', 'EXECUTE', 'IF', 'BEGIN', 'END', 'DECLARE', 'SET', 'PRINT', 'GO', 'GRANT', 'DENY', 'REVOKE', 'MERGE', 'TRUNCATE', 'USE', 'RETURN', 'COMMIT', 'ROLLBACK', 'SAVE', 'THROW', 'RAISERROR', 'WHILE']);

/** When token i starts a security policy statement, rewrites it and returns its last token's index; otherwise i. */
export function policyRewrites(i: number, r: RewriteTools): number {
  const { up, tokens, blank, edit } = r;
  if (!['CREATE', 'ALTER', 'DROP'].includes(up(i)) || up(i + 1) !== 'SECURITY' || up(i + 2) !== 'POLICY') return i;
  let j = i + 3;
  let depth = 0;
  while (tokens[j] && tokens[j].kind !== 'eof') {
    const w = up(j);
    if (w === '(') depth++;
    if (w === ')') depth--;
    if (depth === 0 && w === ';') break;
    const inner = ((w === 'ALTER' || w === 'DROP') && (up(j + 1) === 'FILTER' || up(j + 1) === 'BLOCK'))
      || ((w === 'INSERT' || w === 'UPDATE' || w === 'DELETE') && (up(j - 1) === 'AFTER' || up(j - 1) === 'BEFORE'))
      || (w === 'IF' && j === i + 3 && up(j + 1) === 'EXISTS');
    if (depth === 0 && STATEMENT_WORDS.has(w) && !inner) break;
    j++;
  }
  edit(tokens[i], 'GRANT ALL ON x_securable TO x_principal');
  for (let k = i + 1; k < j; k++) blank(tokens[k]);
  return j - 1;
}
