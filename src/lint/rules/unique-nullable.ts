/**
 * unique-nullable: SQL Server treats NULLs as equal in a unique index or UNIQUE constraint, so
 * only one row per key may hold NULL in a nullable key column; the second NULL fails with a
 * duplicate key error. A unique filtered index whose filter rejects NULL in that column
 * (`c IS NOT NULL`, or any comparison on c) allows any number of NULL rows.
 */
import type { Table } from '../../model';
import type { Finding, LintRule } from '../rule';
import { sameName, type NameKey } from '../../sqlserver/names';
import { columnOf, filterConjuncts, keyedObjects, nameKeyOf, nullRejectedColumns, qualified, sourceOf } from '../model-facts';

function check(t: Table, key: NameKey): Finding[] {
  const out: Finding[] = [];
  for (const k of keyedObjects(t)) {
    if (!k.unique) continue;
    let rejected: string[] = [];
    if (k.filter !== null) {
      const conjuncts = filterConjuncts(k.filter.text);
      // An unreadable filter is reported by whoever built the model; do not guess here.
      if (conjuncts === null) continue;
      rejected = nullRejectedColumns(conjuncts);
    }
    const open = k.object.columns
      .map((c) => columnOf(t, c.name, key))
      .filter((c) => c !== undefined && c.nullable && !rejected.some((r) => sameName(key, r, c.name)))
      .map((c) => c?.name ?? '');
    if (open.length === 0) continue;
    const notNull = open.map((c) => `${c} IS NOT NULL`).join(' AND ');
    // Clustered indexes and constraints cannot be filtered; only a nonclustered index can.
    const fix = k.what === 'index' && !k.clustered
      ? `add ${notNull} to its filter`
      : `replace it with a nonclustered unique index filtered on ${notNull}`;
    out.push({
      message: `unique ${k.what === 'unique constraint' ? 'constraint' : k.what} ${k.object.name} of ${qualified(t)} covers nullable column${open.length > 1 ? 's' : ''} ${open.join(', ')}; SQL Server allows only one NULL per key in a unique index, so a second row with NULL fails. If several NULLs are meant, ${fix}; otherwise make the column NOT NULL`,
      source: sourceOf(t, k.object),
    });
  }
  return out;
}

/** A unique index or constraint over a nullable column whose filter does not exclude NULL. */
export const uniqueNullable: LintRule = {
  id: 'unique-nullable',
  defaultSeverity: 'warning',
  description: 'a unique index or constraint over a nullable column that admits only one NULL',
  check: (db) => db.tables.flatMap((t) => check(t, nameKeyOf(db))),
};
