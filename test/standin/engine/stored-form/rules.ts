/**
 * What each kind of definition may contain, checked before anything is stored, so the stand-in
 * refuses what SQL Server refuses: a CHECK or filter must be a condition, a DEFAULT or computed
 * column a value; a DEFAULT may not name a column; a filter is the narrow grammar of the
 * CREATE INDEX docs (`<filter_predicate> ::= <conjunct> [ AND <conjunct> ]`, a conjunct being
 * `column <comparison> constant`, `column IS [NOT] NULL` or `column IN (constant, ...)`).
 */
import { assertNever, isCondition, Node } from './ast';
import { StoredFormError } from './errors';
import { Feature, Parsed } from './parser';
import { children } from './walk';

/** The four places SQL Server stores an expression. */
export type DefinitionKind = 'check' | 'default' | 'filter' | 'computed';

/** Throws the StoredFormError SQL Server would raise for this definition, if any. */
export function enforceKindRules(kind: DefinitionKind, parsed: Parsed): void {
  const near = parsed.last.text;
  switch (kind) {
    case 'check':
      // The written text always sits inside CHECK ( ... ): SQL Server names that closing ')'.
      requireCondition(parsed, ')');
      return;
    case 'filter':
      requireCondition(parsed, near);
      enforceFilterGrammar(parsed);
      return;
    case 'default':
      requireValue(parsed, near);
      forbidColumns(parsed.root);
      return;
    case 'computed':
      requireValue(parsed, near);
      return;
    default:
      assertNever(kind);
  }
}

function requireCondition(parsed: Parsed, near: string): void {
  if (!isCondition(parsed.root)) throw new StoredFormError(4145, near, parsed.last.position, 'a CHECK or index filter must be a condition');
}

function requireValue(parsed: Parsed, near: string): void {
  if (isCondition(parsed.root)) throw new StoredFormError(102, near, parsed.last.position, 'a DEFAULT or computed column must be a value, not a condition');
}

function forbidColumns(node: Node): void {
  if (node.kind === 'column') throw new StoredFormError(128, node.parts.join('.'), 0, 'a DEFAULT cannot refer to a column');
  children(node).forEach(forbidColumns);
}

// Anything beyond comparisons, IS NULL, IN lists and AND is outside the documented grammar.
// OR is checked by shape instead (see checkInList).
const FILTER_FORBIDDEN: readonly Feature[] = ['not', 'like', 'between', 'case', 'call', 'arithmetic', 'collate', 'convert'];

function enforceFilterGrammar(parsed: Parsed): void {
  const used = FILTER_FORBIDDEN.find((f) => parsed.features.has(f));
  if (used !== undefined) throw filterError(used.toUpperCase(), `${used} is not allowed in a filtered index predicate`);
  conjuncts(parsed.root).forEach(checkConjunct);
}

function conjuncts(node: Node): Node[] {
  return node.kind === 'logic' && node.op === 'AND' ? node.items.flatMap(conjuncts) : [node];
}

function checkConjunct(node: Node): void {
  if (node.kind === 'is-null') {
    if (node.operand.kind !== 'column') throw filterError('IS', 'IS [NOT] NULL must test a column');
    return;
  }
  if (node.kind === 'logic' && node.op === 'OR') {
    checkInList(node);
    return;
  }
  if (node.kind === 'compare') {
    if (node.left.kind !== 'column') throw filterError(node.op, 'a comparison must have a column on its left');
    if (!isConstant(node.right)) throw filterError(node.op, 'a column can only be compared with a constant, and NULL is not one');
    return;
  }
  throw filterError(node.kind, 'only comparisons, IS [NOT] NULL and IN lists joined by AND are allowed');
}

/**
 * An IN list is stored as an OR chain of equalities on one column, and that stored text must be
 * accepted again when re-applied, so an OR of that exact shape passes whether it came from IN or
 * was written out. Inferred: no public sample shows a filter with IN stored, or re-applied.
 */
function checkInList(node: Extract<Node, { kind: 'logic' }>): void {
  const equalities = disjuncts(node);
  const columns = new Set<string>();
  for (const item of equalities) {
    if (item.kind !== 'compare' || item.op !== '=' || item.left.kind !== 'column' || !isConstant(item.right)) {
      throw filterError('OR', 'OR is only allowed as an IN list: equalities of one column with constants');
    }
    columns.add(item.left.parts.join('.').toLowerCase());
  }
  if (columns.size > 1) throw filterError('OR', 'an IN list tests a single column');
}

function disjuncts(node: Node): Node[] {
  return node.kind === 'logic' && node.op === 'OR' ? node.items.flatMap(disjuncts) : [node];
}

function isConstant(node: Node): boolean {
  return node.kind === 'number' || node.kind === 'string' || node.kind === 'binary';
}

function filterError(near: string, problem: string): StoredFormError {
  return new StoredFormError(10735, near, 0, problem);
}
