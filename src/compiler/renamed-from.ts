/** Declared renames of named table objects: the `renamedFrom` option every constraint and index accepts. */
import { Codes } from './codes';
import type { DiagnosticBag } from './diagnostics';
import { expandTemplate } from './names';
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
