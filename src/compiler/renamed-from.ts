/** Declared renames: the `renamedFrom` option of tables (which may name another schema: a move) and of every constraint and index. */
import { Codes } from './codes';
import type { DiagnosticBag } from './diagnostics';
import { expandTemplate } from './names';
import { MAX_IDENTIFIER_LENGTH, type NameKey } from '../sqlserver/names';
import { parseQualifiedName } from '../sqlserver/qualified-name';
import type { StaticValue } from './static-value';
import type { TableDraft } from './table-draft';

/**
 * `renamedFrom` of an options bag, its {table} / {schema} expanded with the table's (new) name,
 * as a property to spread into the object; nothing when absent.
 */
export function renamedFromOption(draft: TableDraft, opts: ReadonlyMap<string, StaticValue>, bag: DiagnosticBag): { renamedFrom?: string } {
  const v = opts.get('renamedFrom');
  if (v === undefined) return {};
  if (v.kind !== 'string' || v.value === '') {
    bag.error(Codes.notStatic, 'renamedFrom must be a non-empty string literal: the previous name', v.node);
    return {};
  }
  const { name, unknown } = expandTemplate(v.value, draft.name, draft.schema);
  for (const u of unknown) bag.error(Codes.unknownPlaceholder, `unknown placeholder ${u} in renamedFrom; use {table} or {schema}`, v.node);
  return { renamedFrom: name };
}

/** A table's declared previous name: `renamedFromSchema` only when it names another schema (a move). */
export interface TableRenamedFrom {
  readonly renamedFrom?: string;
  readonly renamedFromSchema?: string;
}

/**
 * `renamedFrom` of @Table: 'orders' (the same schema) or 'sales.orders' (another schema: the table
 * is moved with ALTER SCHEMA ... TRANSFER, then renamed if its name changes too). A schema that
 * is the table's own, compared as the collation compares names, is a plain rename.
 */
export function tableRenamedFrom(v: StaticValue | undefined, schema: string, key: NameKey, bag: DiagnosticBag): TableRenamedFrom {
  if (v === undefined) return {};
  if (v.kind !== 'string' || v.value === '') {
    bag.error(Codes.notStatic, "renamedFrom must be a non-empty string literal: the previous name, 'table' or 'schema.table'", v.node);
    return {};
  }
  const parsed = parseQualifiedName(v.value);
  if (!parsed.ok) {
    bag.error(Codes.badQualifiedName, `renamedFrom ${parsed.message}`, v.node);
    return {};
  }
  for (const part of [parsed.schema, parsed.name]) {
    if (part !== null && part.length > MAX_IDENTIFIER_LENGTH) bag.error(Codes.identifierTooLong, `renamedFrom part ${part} is ${part.length} characters; SQL Server allows ${MAX_IDENTIFIER_LENGTH}`, v.node);
  }
  if (parsed.schema === null || key(parsed.schema) === key(schema)) return { renamedFrom: parsed.name };
  return { renamedFrom: parsed.name, renamedFromSchema: parsed.schema };
}
