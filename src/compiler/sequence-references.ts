/**
 * NEXT VALUE FOR in a default written as sql`...` must name a sequence the schema declares, or
 * one the config lists as external: otherwise the plan would fail at deploy time (Msg 208), or
 * depend on an object schemac neither creates nor knows about.
 */
import { referencedSequences } from '../expr';
import type { NameKey } from '../sqlserver/names';
import { Codes } from './codes';
import type { DiagnosticBag } from './diagnostics';
import type { SequenceRegistry } from './sequences';
import type { TableDraft } from './table-draft';

/** `schema.name` of a one- or two-part sequence name (a one-part name is in the default schema); null for other shapes. */
function qualifiedName(parts: readonly string[], defaultSchema: string): { schema: string; name: string } | null {
  if (parts.length === 1) return { schema: defaultSchema, name: parts[0] as string };
  if (parts.length === 2) return { schema: parts[0] as string, name: parts[1] as string };
  return null;
}

/** Reports each default's NEXT VALUE FOR target that is neither declared nor external. */
export function checkSequenceReferences(
  drafts: readonly TableDraft[], registry: SequenceRegistry, external: readonly string[], defaultSchema: string, key: NameKey, bag: DiagnosticBag,
): void {
  const known = new Set(registry.declared.map((d) => `${key(d.name.schema)}.${key(d.name.name)}`));
  for (const e of external) {
    const q = qualifiedName(e.split('.'), defaultSchema);
    if (q !== null) known.add(`${key(q.schema)}.${key(q.name)}`);
  }
  for (const d of drafts) {
    for (const df of d.defaults) {
      for (const parts of referencedSequences(df.expression.text)) {
        const q = qualifiedName(parts, defaultSchema);
        if (q === null || known.has(`${key(q.schema)}.${key(q.name)}`)) continue;
        const origin = d.origins.get(df);
        bag.error(Codes.unknownSequence, `default of ${d.schema}.${d.name}.${df.column} draws from sequence ${q.schema}.${q.name}, which no schema file declares; declare it with Sequence(...) or list it in externalSequences in schemac.config.json`, origin?.node ?? df.source);
      }
    }
  }
}
