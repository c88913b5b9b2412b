import type { SqlExpression } from '../../model';

/**
 * Expressions cross the model as valid T-SQL text (src/model/expression.ts); the emitter only
 * decides how they are parenthesised. SQL Server stores `0` as `((0))` and `getdate()` as
 * `(getdate())`; written back verbatim inside another pair of parentheses they pile up, and the
 * grammar the tests use (like some readers) rejects a doubly parenthesised DEFAULT in
 * ALTER TABLE ... ADD CONSTRAINT ... FOR. So the outer, redundant pairs are removed and exactly
 * one pair is added back where the statement needs it. Comparison is unaffected: the differ
 * compares canonical keys, never this text.
 */

/** Index of the `)` that closes the `(` at `open`, skipping strings, brackets and comments; -1 if none. */
function matchingParen(text: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "'" || ch === '"' || ch === '[') {
      i = skipQuoted(text, i, ch === '[' ? ']' : ch);
      continue;
    }
    if (ch === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl + 1;
      continue;
    }
    if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      continue;
    }
    if (ch === '(') depth += 1;
    if (ch === ')') {
      depth -= 1;
      if (depth === 0) return i;
    }
    i += 1;
  }
  return -1;
}

/** Position after a quoted run starting at `start`; a doubled closer is an escaped one. */
function skipQuoted(text: string, start: number, closer: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === closer) {
      if (text[i + 1] === closer) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i += 1;
  }
  return text.length;
}

/** The text without whitespace and without every pair of parentheses that encloses all of it. */
export function stripOuterParens(text: string): string {
  let t = text.trim();
  while (t.startsWith('(') && matchingParen(t, 0) === t.length - 1) {
    t = t.slice(1, -1).trim();
  }
  if (t.length === 0) throw new Error(`schemac: empty expression: ${JSON.stringify(text)}`);
  return t;
}

/** `(expr)` with exactly one enclosing pair: DEFAULT, CHECK and computed-column bodies. */
export function parenthesized(expression: SqlExpression): string {
  return `(${stripOuterParens(expression.text)})`;
}

/** The expression without enclosing parentheses: a filtered index's WHERE. */
export function bare(expression: SqlExpression): string {
  return stripOuterParens(expression.text);
}
