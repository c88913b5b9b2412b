/** The sequences an expression draws from (NEXT VALUE FOR), for "is it declared" checks. */
import { childrenOf, type Expr } from './ast';
import { parseExpression } from './parser';

/** Every NEXT VALUE FOR target in `text`, as its name parts (unbracketed); [] when unparsable. */
export function referencedSequences(text: string): string[][] {
  const parsed = parseExpression(text);
  if (!parsed.ok) return [];
  const out: string[][] = [];
  const walk = (e: Expr): void => {
    if (e.kind === 'nextValue') out.push([...e.sequence]);
    for (const child of childrenOf(e)) walk(child);
  };
  walk(parsed.expr);
  return out;
}
