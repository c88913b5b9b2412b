/**
 * Recognizing a check that is a list of allowed strings (what a TypeScript string-literal union
 * compiles to), so `pull` can write the union back.
 */
import type { NameKey } from '../sqlserver/names';
import type { Expr } from './ast';
import { quote } from './source-text';

/** A column and its allowed string values, in the order the user wrote them. */
export interface InList {
  readonly column: string;
  readonly values: string[];
}

/**
 * `col IN ('a', 'b')` gives [a, b] as written. The stored form `([col]='b' OR [col]='a')` is the
 * IN list reversed (SQL Server prints IN as an OR chain in reverse order, sqlserver-catalog.md
 * 2.1 rule 7), so an OR chain is reversed back. Anything else is null.
 */
export function inListOfExpr(expr: Expr, names: NameKey): InList | null {
  if (expr.kind === 'in') {
    if (expr.negated || expr.operand.kind !== 'column' || expr.operand.parts.length !== 1) return null;
    const values = stringValues(expr.values);
    return values === null ? null : { column: expr.operand.parts[0], values };
  }
  const terms = expr.kind === 'or' ? flattenOr(expr) : [expr];
  let column: string | null = null;
  const values: string[] = [];
  for (const t of terms) {
    if (t.kind !== 'comparison' || t.op !== '=' || t.left.kind !== 'column' || t.left.parts.length !== 1) return null;
    if (t.right.kind !== 'string') return null;
    const name = t.left.parts[0];
    if (column === null) column = name;
    else if (names(column) !== names(name)) return null;
    values.push(t.right.value);
  }
  if (column === null) return null;
  return { column, values: values.reverse() };
}

function flattenOr(expr: Expr): Expr[] {
  return expr.kind === 'or' ? expr.operands.flatMap(flattenOr) : [expr];
}

function stringValues(values: readonly Expr[]): string[] | null {
  const out: string[] = [];
  for (const v of values) {
    if (v.kind !== 'string') return null;
    out.push(v.value);
  }
  return out;
}

/**
 * A filtered index's predicate with each conjunct that is an OR chain of `column = constant` on
 * one column written back as `column IN (...)`, in the order the chain reverses to (as for
 * checks, sqlserver-catalog.md 2.1 rule 7). SQL Server keeps `WHERE st IN (1, 2)` as that OR chain
 * (inferred: as it keeps an IN list of a check; the stand-in does the same), while the
 * CREATE INDEX grammar documents IN lists and no OR, so what pull writes uses the documented form.
 * Null when there is no such conjunct (the text is then written as stored).
 */
export function filterInListsOfExpr(text: string, expr: Expr, names: NameKey): string | null {
  const conjuncts = expr.kind === 'and' ? flattenAnd(expr) : [expr];
  let rewritten = false;
  const parts = conjuncts.map((c) => {
    const list = c.kind === 'or' ? equalityChain(flattenOr(c), names) : null;
    if (list === null) return quote(text, c);
    rewritten = true;
    return `${quote(text, list.column)} IN (${list.values.map((v) => bareConstant(quote(text, v))).reverse().join(', ')})`;
  });
  return rewritten ? parts.join(' AND ') : null;
}

function flattenAnd(expr: Expr): Expr[] {
  return expr.kind === 'and' ? expr.operands.flatMap(flattenAnd) : [expr];
}

/** The column and constants of `col = c1 OR col = c2 ...` (constants as written), or null. */
function equalityChain(terms: readonly Expr[], names: NameKey): { column: Expr; values: Expr[] } | null {
  let column: Expr | null = null;
  const values: Expr[] = [];
  for (const t of terms) {
    if (t.kind !== 'comparison' || t.op !== '=' || t.left.kind !== 'column' || t.left.parts.length !== 1) return null;
    const v = t.right;
    const constant = v.kind === 'number' || v.kind === 'string' || (v.kind === 'unary' && (v.op === '-' || v.op === '+') && v.operand.kind === 'number');
    if (!constant) return null;
    if (column === null) column = t.left;
    else if (column.kind !== 'column' || names(column.parts[0] as string) !== names(t.left.parts[0] as string)) return null;
    values.push(v);
  }
  return column === null ? null : { column, values };
}

/** A constant's text without the parentheses SQL Server prints around it (`(3)`, `(-1)`): a constant is what the IN list of CREATE INDEX's grammar takes. */
function bareConstant(t: string): string {
  // A string constant starts with a quote or N, so a leading parenthesis is always a wrapping one.
  while (t.startsWith('(') && t.endsWith(')')) t = t.slice(1, -1).trim();
  return t;
}
