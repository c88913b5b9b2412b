/**
 * fk-type-mismatch: a foreign key column whose type differs from the column it references.
 * SQL Server refuses a different base type outright (Msg 1778, e.g. char vs varchar, int vs
 * bigint); a different length, precision or scale is accepted but lets the child hold values
 * the parent cannot (or the other way round) and makes joins convert.
 */
import type { Database, ForeignKey, Table } from '../../model';
import type { Finding, LintRule } from '../rule';
import { typeText } from '../../sqlserver/types';
import type { NameKey } from '../../sqlserver/names';
import { columnOf, nameKeyOf, qualified, sourceOf } from '../model-facts';

/** Tables by schema and name as the database compares them: one look-up per foreign key, not a scan of every table. */
function tablesByName(db: Database, key: NameKey): Map<string, Table> {
  return new Map(db.tables.map((t) => [`${key(t.schema)}\0${key(t.name)}`, t]));
}

function check(db: Database, tables: ReadonlyMap<string, Table>, t: Table, fk: ForeignKey): Finding[] {
  const key = nameKeyOf(db);
  const target = tables.get(`${key(fk.referencedSchema)}\0${key(fk.referencedTable)}`);
  if (target === undefined) return [];
  const out: Finding[] = [];
  fk.columns.forEach((name, i) => {
    const child = columnOf(t, name, key);
    const refName = fk.referencedColumns[i];
    const parent = refName === undefined ? undefined : columnOf(target, refName, key);
    if (child === undefined || parent === undefined) return;
    // Alias types compare by their base type (sysname is nvarchar(128)).
    const a = typeText({ ...child.type, alias: undefined });
    const b = typeText({ ...parent.type, alias: undefined });
    if (a === b) return;
    const base = child.type.name !== parent.type.name;
    out.push({
      message: `foreign key ${fk.name}: ${qualified(t)}.${child.name} is ${a} but ${qualified(target)}.${parent.name} is ${b}; ${base ? 'SQL Server refuses a foreign key between different types (Msg 1778)' : 'values can differ in size and joins convert'}. Declare ${child.name} as ${b}`,
      source: sourceOf(t, fk),
    });
  });
  return out;
}

/** A foreign key column whose type differs from the referenced column's. */
export const fkTypeMismatch: LintRule = {
  id: 'fk-type-mismatch',
  defaultSeverity: 'warning',
  description: 'a foreign key column whose type differs from the referenced column',
  check: (db) => {
    const tables = tablesByName(db, nameKeyOf(db));
    return db.tables.flatMap((t) => t.foreignKeys.flatMap((fk) => check(db, tables, t, fk)));
  },
};
