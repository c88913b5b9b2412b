/**
 * Recognizing a check that is a list of allowed strings (what a TypeScript string-literal union
 * compiles to), so `pull` can write the union back.
 */
import type { NameKey } from '../sqlserver/names';
import type { Expr } from './ast';

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
