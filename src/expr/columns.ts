/** The columns an expression tree references, for "names a column that does not exist" checks. */
import type { NameKey } from '../sqlserver/names';
import { childrenOf, type Expr } from './ast';

/**
 * Column names in first-seen order, unbracketed and in their original case, each once
 * (compared as `names` says); for `t.c` the column part `c`. Datepart keywords, type
 * names, sequence and collation names are not columns and are not in the tree as columns.
 */
export function columnsOf(expr: Expr, names: NameKey): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  // Explicit stack: walking a deep tree must not depend on the JS call stack.
  const stack: Expr[] = [expr];
  while (stack.length > 0) {
    const node = stack.pop() as Expr;
    if (node.kind === 'column') {
      const name = node.parts[node.parts.length - 1];
      const key = names(name);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(name);
      }
      continue;
    }
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}
