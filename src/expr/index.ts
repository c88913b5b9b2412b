/**
 * T-SQL expressions: parse what a user wrote or what SQL Server stored, and produce the
 * canonical comparison key the model carries (see src/model/expression.ts). The compiler and
 * the catalog reader both call makeExpression, so the normalization happens at the model
 * boundary and nowhere else (design.md "Normalization").
 */
import type { NameKey } from '../sqlserver/names';
import type { SqlExpression } from '../model';
import { canonicalKey } from './canonical';
import { columnsOf } from './columns';
import { filterProblemsOf } from './filter-predicate';
import { TextMemo } from './memo';
import { filterInListsOfExpr, inListOfExpr, type InList } from './in-list';
import { parseExpression } from './parser';
import { oneLine } from './source-text';

/** The expression tree (a discriminated union on `kind`), for callers of parseExpression. */
export type * from './ast';
/** Parses text into the tree, or says where it stopped; never throws. */
export { parseExpression, type ParseResult } from './parser';
/** The sequences an expression names in NEXT VALUE FOR. */
export { referencedSequences, soleSequence } from './sequences';
/** A column and its allowed string values (see inListOf). */
export type { InList } from './in-list';

/** Result of reading an expression: the model value, and why it could not be parsed (if so). */
export interface ExpressionResult {
  readonly expression: SqlExpression;
  /** Null when parsed; otherwise a one-line reason, and `expression.canonical` is the text fallback. */
  readonly problem: string | null;
}

/**
 * Reads a check, default, filter or computed definition into a model expression; names in its
 * canonical key compare as `names` (the database collation's name key) says.
 */
export function makeExpression(text: string, names: NameKey): ExpressionResult {
  let memo = expressionMemos.get(names);
  if (memo === undefined) {
    memo = new TextMemo<ExpressionResult>(20_000, 4_096);
    expressionMemos.set(names, memo);
  }
  return memo.get(text, (t) => readExpression(t, names), (r) => r.problem === null || !INTERNAL_FAILURES.test(r.problem));
}

/** Model expressions already made, per name key (memo.ts); collations have one of two keys. */
const expressionMemos = new WeakMap<NameKey, TextMemo<ExpressionResult>>();

/** How makeExpression reports its own printer failing. */
const INTERNAL_FAILURE = 'internal printer failure: ';
/** Results never reused (see TextMemo.get): the parser's or the printer's own failure. */
const INTERNAL_FAILURES = /internal (parser|printer) failure: /;

function readExpression(text: string, names: NameKey): ExpressionResult {
  const parsed = parseExpression(text);
  if (parsed.ok) {
    try {
      return { expression: { text, canonical: canonicalKey(parsed.expr, names), parsed: true }, problem: null };
    } catch (error) {
      // Defensive: a printer bug must degrade to the text key, never break the model build.
      const message = error instanceof Error ? error.message : String(error);
      return fallback(text, `${INTERNAL_FAILURE}${message}`, 0, names);
    }
  }
  return fallback(text, parsed.message, parsed.offset, names);
}

/** The whitespace-insensitive text key (keyed like names) used when the parser cannot read `text`. */
function fallback(text: string, message: string, offset: number, names: NameKey): ExpressionResult {
  const canonical = names(text.replace(/\s+/g, ''));
  return { expression: { text, canonical, parsed: false }, problem: describeFailure(text, message, offset) };
}

/** One line: the text, what went wrong, and the 1-based character where it did. */
function describeFailure(text: string, message: string, offset: number): string {
  const near = offset < text.length ? ` near "${oneLine(text.slice(offset), 20)}"` : '';
  return `cannot parse expression "${oneLine(text)}": ${message} at character ${offset + 1}${near}`;
}

/**
 * Why SQL Server would refuse `text` as a filtered-index predicate (design.md rule 10), one
 * message per problem; empty when it is acceptable.
 */
export function filterPredicateProblems(text: string, names: NameKey): string[] {
  const parsed = parseExpression(text);
  if (!parsed.ok) return [describeFailure(text, parsed.message, parsed.offset)];
  return filterProblemsOf(text, parsed.expr, names);
}

/** The columns an expression references (bracket-free names), for "column does not exist" checks. */
export function referencedColumns(text: string, names: NameKey): string[] {
  const parsed = parseExpression(text);
  // Unparsable text is already reported by makeExpression; guessing names would add false errors.
  return parsed.ok ? columnsOf(parsed.expr, names) : [];
}

/**
 * The column and allowed string values of a check that is exactly `column IN ('a', ...)` or
 * the OR chain of equalities SQL Server stores for it; values in the order the user wrote them.
 */
export function inListOf(text: string, names: NameKey): InList | null {
  const parsed = parseExpression(text);
  return parsed.ok ? inListOfExpr(parsed.expr, names) : null;
}

/**
 * A stored filtered-index predicate with its IN lists written as IN again (in-list.ts
 * filterInListsOfExpr); `text` itself when it has none or cannot be parsed.
 */
export function filterWithInLists(text: string, names: NameKey): string {
  const parsed = parseExpression(text);
  return (parsed.ok ? filterInListsOfExpr(text, parsed.expr, names) : null) ?? text;
}

/** The canonical key of `text`, or null when it cannot be parsed (for callers comparing two texts). */
export function canonicalOf(text: string, names: NameKey): string | null {
  const parsed = parseExpression(text);
  return parsed.ok ? canonicalKey(parsed.expr, names) : null;
}
