/**
 * T-SQL expressions: parse what a user wrote or what SQL Server stored, and produce the
 * canonical comparison key the model carries (see src/model/expression.ts).
 * PLACEHOLDER CONTRACT: the expr helper replaces the bodies; the signatures are fixed.
 */
import type { SqlExpression } from '../model';

/** Result of reading an expression: the model value, and why it could not be parsed (if so). */
export interface ExpressionResult {
  readonly expression: SqlExpression;
  /** Null when parsed; otherwise a one-line reason, and `expression.canonical` is the text fallback. */
  readonly problem: string | null;
}

/** Reads a check, default, filter or computed definition into a model expression. */
export function makeExpression(text: string): ExpressionResult {
  const canonical = text.replace(/\s+/g, '').toLowerCase();
  return { expression: { text, canonical, parsed: false }, problem: 'expression parser not yet implemented' };
}

/**
 * Why SQL Server would refuse `text` as a filtered-index predicate (design.md rule 10), one
 * message per problem; empty when it is acceptable.
 */
export function filterPredicateProblems(text: string): string[] {
  void text;
  return [];
}

/** The columns an expression references (bracket-free names), for "column does not exist" checks. */
export function referencedColumns(text: string): string[] {
  void text;
  return [];
}
