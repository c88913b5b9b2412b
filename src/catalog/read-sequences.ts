/**
 * sys.sequences rows to the model. Values come back as SQL Server stores them: the type's bounds
 * for NO MINVALUE / NO MAXVALUE, and cache_size NULL for both NO CACHE and CACHE without a size
 * (told apart by is_cached). A sequence of a type schemac cannot model (none exists: CREATE
 * SEQUENCE takes integer types only) is a warning and is left out, never a refusal.
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-sequences-transact-sql
 */
import type { Diagnostic, Sequence, SequenceCache } from '../model';
import { keywordKey } from '../sqlserver/names';
import { sequenceType } from '../sqlserver/sequences';
import { compareText } from '../util/compare';
import { CatalogCodes } from './codes';
import type { SequenceRow } from './snapshot-types';
import { decimalString } from './to-model-types';

/** The cache setting a row records. */
function cacheOf(r: SequenceRow): SequenceCache {
  if (!r.is_cached) return { kind: 'none' };
  return r.cache_size === null ? { kind: 'default' } : { kind: 'size', size: r.cache_size };
}

/** The sequences of a snapshot, sorted by schema and name, without those of skipped schemas. */
export function readSequences(rows: readonly SequenceRow[], skipSchema: (schema: string) => boolean, diagnostics: Diagnostic[]): Sequence[] {
  const out: Sequence[] = [];
  for (const r of rows) {
    if (skipSchema(r.schema_name)) continue;
    const name = keywordKey(r.type_name);
    const type = sequenceType(name, name === 'decimal' || name === 'numeric' ? r.precision : undefined);
    if ('problem' in type) {
      diagnostics.push({ code: CatalogCodes.opaqueObject, severity: 'warning', message: `sequence ${r.schema_name}.${r.name}: ${type.problem}; it is left as it is` });
      continue;
    }
    out.push({
      schema: r.schema_name, name: r.name, type: type.type,
      start: decimalString(r.start_value), increment: decimalString(r.increment),
      min: decimalString(r.minimum_value), max: decimalString(r.maximum_value),
      cycle: r.is_cycling, cache: cacheOf(r),
    });
  }
  return out.sort((a, b) => compareText(a.schema, b.schema) || compareText(a.name, b.name));
}
