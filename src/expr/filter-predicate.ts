/**
 * What SQL Server accepts as a filtered-index predicate (CREATE INDEX doc grammar,
 * sqlserver-catalog.md 2.1 rule 11): conjuncts joined by AND, each `column <op> constant`
 * (IS, IS NOT, =, <>, !=, >, >=, !>, <, <=, !<) or `column IN (constant, ...)`. No OR, NOT,
 * LIKE, BETWEEN, functions, column-to-column comparisons, or NULL with a comparison operator.
 */
import type { NameKey } from '../sqlserver/names';
import { childrenOf, type Expr } from './ast';
import { quote } from './source-text';

/** One message per offending part of a parsed filter `expr` read from `text`; empty when valid. */
export function filterProblemsOf(text: string, expr: Expr, names: NameKey): string[] {
  const problems: string[] = [];
  for (const conjunct of conjunctsOf(expr)) {
    const problem = conjunctProblem(text, conjunct, names);
    if (problem !== null) problems.push(problem);
  }
  return problems;
}

function conjunctsOf(expr: Expr): Expr[] {
  if (expr.kind !== 'and') return [expr];
  return expr.operands.flatMap(conjunctsOf);
}

function conjunctProblem(text: string, c: Expr, names: NameKey): string | null {
  const part = `"${quote(text, c)}"`;
  switch (c.kind) {
    case 'or':
      return `OR is not allowed in a filtered index predicate: ${part}${orHint(c.operands, names)}`;
    case 'not':
      return `NOT is not allowed in a filtered index predicate: ${part}`;
    case 'between':
      return `BETWEEN is not allowed in a filtered index predicate: ${part}; write column >= low AND column <= high`;
    case 'like':
      return `LIKE is not allowed in a filtered index predicate: ${part}`;
    case 'isNull':
      return columnProblem(text, c.operand);
    case 'comparison': {
      const left = columnProblem(text, c.left);
      if (left !== null) {
        return c.right.kind === 'column' && isConstant(c.left)
          ? `a filtered index predicate must name the column first: ${part}`
          : left;
      }
      if (c.right.kind === 'null') {
        return `NULL cannot be used with a comparison operator in a filtered index predicate: ${part}; use IS NULL or IS NOT NULL`;
      }
      return constantProblem(text, c.right, part);
    }
    case 'in': {
      if (c.negated) return `NOT IN is not allowed in a filtered index predicate: ${part}`;
      const operand = columnProblem(text, c.operand);
      if (operand !== null) return operand;
      for (const v of c.values) {
        if (v.kind === 'null') return `NULL is not allowed in the IN list of a filtered index predicate: ${part}`;
        const problem = constantProblem(text, v, part);
        if (problem !== null) return problem;
      }
      return null;
    }
    default:
      return functionProblem(text, c) ?? `a filtered index predicate may only compare a column with a constant: ${part}`;
  }
}

/** Why `e` is not a plain column name, or null when it is. */
function columnProblem(text: string, e: Expr): string | null {
  if (e.kind === 'column') {
    return e.parts.length === 1 ? null : `a filtered index predicate must use the bare column name: "${quote(text, e)}"`;
  }
  return functionProblem(text, e) ?? `a filtered index predicate must compare a column, not "${quote(text, e)}"`;
}

/** Why `e` is not a constant, or null when it is. */
function constantProblem(text: string, e: Expr, part: string): string | null {
  if (isConstant(e)) return null;
  if (e.kind === 'column') return `a filtered index predicate cannot compare two columns: ${part}`;
  return functionProblem(text, e) ?? `a filtered index predicate may only compare with a constant: ${part}`;
}

function isConstant(e: Expr): boolean {
  if (e.kind === 'number' || e.kind === 'string') return true;
  return e.kind === 'unary' && (e.op === '-' || e.op === '+') && e.operand.kind === 'number';
}

/** A message naming the first function (or CAST/CONVERT, NEXT VALUE FOR) inside `e`, if any. */
function functionProblem(text: string, e: Expr): string | null {
  if (e.kind === 'call' || e.kind === 'convert' || e.kind === 'nextValue') {
    return `functions are not allowed in a filtered index predicate: "${quote(text, e)}"`;
  }
  for (const child of childrenOf(e)) {
    const found = functionProblem(text, child);
    if (found !== null) return found;
  }
  return null;
}

/** When an OR chain is all `col = constant` on one column, suggest the IN form SQL Server accepts. */
function orHint(operands: readonly Expr[], names: NameKey): string {
  let column: string | null = null;
  for (const o of operands) {
    if (o.kind !== 'comparison' || o.op !== '=' || o.left.kind !== 'column' || !isConstant(o.right)) return '';
    const name = o.left.parts.join('.');
    if (column !== null && names(column) !== names(name)) return '';
    column = name;
  }
  return column === null ? '' : `; use ${column} IN (...) instead`;
}
