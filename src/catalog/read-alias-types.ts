/**
 * sys.types rows of user alias types to the model. A row whose base type schemac does not map
 * cannot occur for an alias type (CREATE TYPE takes only system types), but an unreadable row is
 * a warning and is left out, never a refusal of the database.
 */
import type { AliasTypeDef, Diagnostic } from '../model';
import { keywordKey } from '../sqlserver/names';
import { modelTypeName } from '../sqlserver/types';
import { compareText } from '../util/compare';
import { CatalogCodes } from './codes';
import type { TypeRow } from './snapshot-types';
import { baseType } from './to-model-types';
import type { BindingReader } from './read-bound-objects';

/** The alias types of a snapshot, sorted by schema and name, without those of skipped schemas. */
export function readAliasTypes(rows: readonly TypeRow[], skipSchema: (schema: string) => boolean, diagnostics: Diagnostic[], bindings: BindingReader): AliasTypeDef[] {
  const out: AliasTypeDef[] = [];
  for (const r of rows) {
    if (skipSchema(r.schema_name)) continue;
    const name = modelTypeName(keywordKey(r.system_type_name));
    if (name === null) {
      diagnostics.push({ code: CatalogCodes.opaqueObject, severity: 'warning', message: `alias type ${r.schema_name}.${r.name}: base type ${r.system_type_name} has no schemac mapping; it is left as it is` });
      continue;
    }
    out.push({ schema: r.schema_name, name: r.name, base: baseType(name, r), nullable: r.is_nullable, ...bindings.of(r, `type ${r.schema_name}.${r.name}`) });
  }
  return out.sort((a, b) => compareText(a.schema, b.schema) || compareText(a.name, b.name));
}
