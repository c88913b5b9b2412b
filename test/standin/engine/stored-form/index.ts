/**
 * SQL Server's stored form of an expression, as sys.check_constraints.definition,
 * sys.default_constraints.definition, sys.indexes.filter_definition and
 * sys.computed_columns.definition show it. Written independently of src/expr on purpose: the
 * stand-in must not agree with the product by construction.
 */
import { ColumnResolver, resolveColumns } from './columns';
import { parseExpression } from './parser';
import { printStored } from './printer';
import { DefinitionKind, enforceKindRules } from './rules';

export { StoredFormError } from './errors';
export type { StoredFormErrorNumber } from './errors';
export type { DefinitionKind } from './rules';
export type { ColumnResolver } from './columns';

/** Optional context the engine can give; without it names are kept as written. */
export interface StoredFormOptions {
  /** Looks a written column name up in the table (case-insensitively, as the engine defines). */
  readonly resolveColumn?: ColumnResolver;
}

/**
 * Turns `written` (the text inside CHECK (...), after DEFAULT, after WHERE, after AS) into the
 * text SQL Server stores. Throws StoredFormError (with the SQL Server error number, usually 102)
 * for text SQL Server would reject.
 */
export function storedForm(kind: DefinitionKind, written: string, options: StoredFormOptions = {}): string {
  const parsed = parseExpression(written);
  enforceKindRules(kind, parsed);
  const root = options.resolveColumn === undefined ? parsed.root : resolveColumns(parsed.root, options.resolveColumn);
  return printStored(root);
}
