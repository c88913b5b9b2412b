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

/**
 * The sequence a default draws from when the default is nothing but `NEXT VALUE FOR` it (its name
 * parts, unbracketed; the parentheses SQL Server stores around it do not count); null otherwise.
 */
export function soleSequence(text: string): string[] | null {
  const parsed = parseExpression(text);
  return parsed.ok && parsed.expr.kind === 'nextValue' ? [...parsed.expr.sequence] : null;
}
