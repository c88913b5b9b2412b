/**
 * fk-without-index: deleting or updating a parent row makes SQL Server look up child rows by
 * the FK columns; without an index that leads with them that lookup scans the child table
 * (and joins on the FK do too). A filtered index does not serve that lookup: it has no filter.
 */
import type { ForeignKey, Table } from '../../model';
import type { Finding, LintRule } from '../rule';
import { sameName, type NameKey } from '../../sqlserver/names';
import { keyedObjects, nameKeyOf, qualified, sourceOf } from '../model-facts';

/** True when the first `fk.columns.length` key columns are exactly the FK columns, in any order. */
function leadsWith(keyColumns: readonly { readonly name: string }[], fk: ForeignKey, key: NameKey): boolean {
  if (keyColumns.length < fk.columns.length) return false;
  const lead = keyColumns.slice(0, fk.columns.length);
  return fk.columns.every((c) => lead.some((k) => sameName(key, k.name, c)));
}

function check(t: Table, fk: ForeignKey, key: NameKey): Finding | null {
  const leading = keyedObjects(t).filter((k) => leadsWith(k.object.columns, fk, key));
  if (leading.some((k) => k.filter === null)) return null;
  const cols = fk.columns.join(', ');
  const filtered = leading.map((k) => k.object.name);
  const why = filtered.length > 0
    ? `only filtered index${filtered.length > 1 ? 'es' : ''} ${filtered.join(', ')} lead${filtered.length > 1 ? '' : 's'} with (${cols}), and a filtered index cannot serve the FK check`
    : `no index, primary key or unique key of ${qualified(t)} leads with (${cols})`;
  return {
    message: `foreign key ${fk.name}: ${why}; deleting or updating a ${fk.referencedSchema}.${fk.referencedTable} row then scans ${qualified(t)}. Add an unfiltered index whose leading columns are (${cols})`,
    source: sourceOf(t, fk),
  };
}

/** A foreign key without an index whose leading columns cover the FK columns. */
export const fkWithoutIndex: LintRule = {
  id: 'fk-without-index',
  defaultSeverity: 'warning',
  description: 'a foreign key whose columns lead no unfiltered index, primary key or unique key',
  check: (db) => db.tables.flatMap((t) => t.foreignKeys.map((fk) => check(t, fk, nameKeyOf(db))).filter((f): f is Finding => f !== null)),
};
