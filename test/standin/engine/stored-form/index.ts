/**
 * SQL Server's stored form of an expression, as sys.check_constraints.definition,
 * sys.default_constraints.definition, sys.indexes.filter_definition and
 * sys.computed_columns.definition show it. Written independently of src/expr on purpose: the
 * stand-in must not agree with the product by construction.
 */
import { parseExpression } from './parser';
import { printStored } from './printer';
import { DefinitionKind, enforceKindRules } from './rules';

export { StoredFormError } from './errors';
export type { StoredFormErrorNumber } from './errors';
export type { DefinitionKind } from './rules';

/**
 * Turns `written` (the text inside CHECK (...), after DEFAULT, after WHERE, after AS) into the
 * text SQL Server stores. Throws StoredFormError (with the SQL Server error number, usually 102)
 * for text SQL Server would reject.
 */
export function storedForm(kind: DefinitionKind, written: string): string {
  const parsed = parseExpression(written);
  enforceKindRules(kind, parsed);
  return printStored(parsed.root);
}
