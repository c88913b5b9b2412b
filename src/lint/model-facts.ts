/** Small questions about model objects that several lint rules ask. */
import { parseExpression, type Expr } from '../expr';
import type { Column, Database, Index, KeyConstraint, SourceRef, Table } from '../model';
import { nameKeyFor, sameName, type NameKey } from '../sqlserver/names';

/** Name comparison of the model's database collation (case-insensitive by default). */
export function nameKeyOf(db: Database): NameKey {
  return nameKeyFor(db.collation);
}

/** `schema.table` for messages. */
export function qualified(t: { readonly schema: string; readonly name: string }): string {
  return `${t.schema}.${t.name}`;
}

/** The table's column of that name (as `key` compares names), if any. */
export function columnOf(t: Table, name: string, key: NameKey): Column | undefined {
  return t.columns.find((c) => sameName(key, c.name, name));
}

/** The object's own position, else the table's (a rule always points somewhere useful). */
export function sourceOf(t: Table, o?: { readonly source?: SourceRef }): SourceRef | undefined {
  return o?.source ?? t.source;
}

/** An index-like object: a CREATE INDEX index or a PRIMARY KEY / UNIQUE constraint. */
export interface KeyedObject {
  /** 'index', 'primary key' or 'unique constraint', for messages. */
  readonly what: string;
  readonly object: Index | KeyConstraint;
  readonly clustered: boolean;
  readonly unique: boolean;
  readonly filter: Index['filter'];
}

/** The primary key, unique constraints and indexes of a table, in that order. */
export function keyedObjects(t: Table): KeyedObject[] {
  const out: KeyedObject[] = [];
  if (t.primaryKey) out.push({ what: 'primary key', object: t.primaryKey, clustered: t.primaryKey.clustered, unique: true, filter: null });
  for (const u of t.uniqueConstraints) out.push({ what: 'unique constraint', object: u, clustered: u.clustered, unique: true, filter: null });
  for (const i of t.indexes) out.push({ what: 'index', object: i, clustered: i.clustered, unique: i.unique, filter: i.filter });
  return out;
}

/** The AND-ed conjuncts of a filter; null when the filter text cannot be parsed. */
export function filterConjuncts(text: string): Expr[] | null {
  const parsed = parseExpression(text);
  if (!parsed.ok) return null;
  const flatten = (e: Expr): Expr[] => (e.kind === 'and' ? e.operands.flatMap(flatten) : [e]);
  return flatten(parsed.expr);
}

/** The column a node names (last part, unbracketed), or null when it is not a column. */
export function columnName(e: Expr): string | null {
  return e.kind === 'column' ? e.parts[e.parts.length - 1] ?? null : null;
}

/**
 * Column names a filter guarantees are NOT NULL: each conjunct `c IS NOT NULL`, `c <op> const`
 * or `c IN (...)` rejects NULL in c (a comparison with NULL is never true).
 */
export function nullRejectedColumns(conjuncts: readonly Expr[]): string[] {
  const out: string[] = [];
  for (const c of conjuncts) {
    const name = c.kind === 'isNull' ? (c.negated ? columnName(c.operand) : null)
      : c.kind === 'comparison' ? columnName(c.left)
      : c.kind === 'in' && !c.negated ? columnName(c.operand)
      : null;
    if (name !== null) out.push(name);
  }
  return out;
}
