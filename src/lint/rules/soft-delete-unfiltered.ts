/**
 * soft-delete-unfiltered: on a table with an is_deleted column, queries read live rows
 * (`WHERE is_deleted = 0`); an index that is not filtered on is_deleted also carries the
 * deleted rows, and a unique one forbids reusing a key a deleted row held. The clustered index
 * (it cannot be filtered), primary keys and unique constraints (neither can be filtered) and
 * indexes that are about is_deleted itself are left alone.
 */
import type { Table } from '../../model';
import type { Finding, LintRule } from '../rule';
import { sameName, type NameKey } from '../../sqlserver/names';
import { columnName, columnOf, filterConjuncts, nameKeyOf, qualified, sourceOf } from '../model-facts';

/** The soft-delete column the rule looks for (schemac's mixins name it so). */
const softDeleteColumn = 'is_deleted';

function filtersOn(text: string, column: string, key: NameKey): boolean {
  const conjuncts = filterConjuncts(text);
  // An unreadable filter: give it the benefit of the doubt if it mentions the column.
  if (conjuncts === null) return key(text).includes(key(column));
  return conjuncts.some((c) => {
    const operand = c.kind === 'comparison' ? c.left : c.kind === 'in' || c.kind === 'isNull' ? c.operand : null;
    const name = operand === null ? null : columnName(operand);
    return name !== null && sameName(key, name, column);
  });
}

function check(t: Table, key: NameKey): Finding[] {
  const flag = columnOf(t, softDeleteColumn, key);
  // A memory-optimized table's indexes cannot be filtered (transact-sql-constructs-not-supported-by-in-memory-oltp).
  if (flag === undefined || t.memoryOptimized !== undefined) return [];
  return t.indexes
    .filter((i) => !i.clustered && !(i.filter !== null && filtersOn(i.filter.text, flag.name, key)))
    .filter((i) => !i.columns.some((c) => sameName(key, c.name, flag.name)))
    .map((i): Finding => ({
      message: `index ${i.name} of ${qualified(t)} is not filtered on ${flag.name}, so it also holds soft-deleted rows${i.unique ? ' and a deleted row keeps its key taken' : ''}; if queries read only live rows, filter it WHERE ${flag.name} = 0 (activeOnly: true)`,
      source: sourceOf(t, i),
    }));
}

/** An index on a soft-delete table (one with is_deleted) that is not filtered on is_deleted. */
export const softDeleteUnfiltered: LintRule = {
  id: 'soft-delete-unfiltered',
  defaultSeverity: 'info',
  description: 'an index on a table with is_deleted that is not filtered on is_deleted',
  check: (db) => db.tables.flatMap((t) => check(t, nameKeyOf(db))),
};
