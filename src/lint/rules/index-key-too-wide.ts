/**
 * index-key-too-wide: SQL Server creates an index whose key could exceed 900 bytes (clustered)
 * or 1,700 bytes (nonclustered) with only a warning, then refuses every INSERT or UPDATE whose
 * key is actually that wide. Variable-length columns count at their declared maximum.
 * The compiler used to report the same thing as SC1505; lint owns it now (see supersede.ts).
 */
import type { Table } from '../../model';
import { keyBytes, maxKeyBytes } from '../../sqlserver/key-bytes';
import type { Finding, LintRule } from '../rule';
import type { NameKey } from '../../sqlserver/names';
import { columnOf, keyedObjects, nameKeyOf, qualified, sourceOf } from '../model-facts';

function check(t: Table, key: NameKey): Finding[] {
  const out: Finding[] = [];
  for (const k of keyedObjects(t)) {
    let total = 0;
    for (const c of k.object.columns) {
      const column = columnOf(t, c.name, key);
      // Unknown columns and MAX/xml keys are compile errors, not width findings.
      total += column === undefined ? 0 : keyBytes(column.type) ?? 0;
    }
    const limit = maxKeyBytes(k.clustered);
    if (total <= limit) continue;
    out.push({
      message: `${k.what} ${k.object.name} of ${qualified(t)} has a key of up to ${total} bytes, over SQL Server's ${limit}-byte limit for ${k.clustered ? 'clustered' : 'nonclustered'} keys (nvarchar(n) takes 2n bytes); inserts and updates whose key is wider will fail. Shorten the columns or move them to INCLUDE`,
      source: sourceOf(t, k.object),
    });
  }
  return out;
}

/** An index or key whose maximum key size exceeds 900 (clustered) or 1,700 (nonclustered) bytes. */
export const indexKeyTooWide: LintRule = {
  id: 'index-key-too-wide',
  defaultSeverity: 'warning',
  description: 'an index key over 900 bytes (clustered) or 1,700 bytes (nonclustered)',
  check: (db) => db.tables.flatMap((t) => check(t, nameKeyOf(db))),
};
