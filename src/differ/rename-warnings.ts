/**
 * Declared renames that point nowhere: a `renamedFrom` whose old name exists neither in the
 * database nor under the new name (a typo, or a database this rename was never meant for).
 * Once a rename has been applied the new name exists, so the declaration is harmless and silent.
 */
import type { PlanWarning, TableRef } from './changes';
import { entitiesOf, type Entity } from './entities';
import type { NameKey } from '../sqlserver/names';
import type { KeptTable, TablePair } from './table-pairs';
import { tableKey } from '../sqlserver/names';
import type { Table } from '../model';

const WHAT: Record<Entity['kind'], string> = {
  primaryKey: 'primary key', unique: 'unique constraint', index: 'index', check: 'check constraint', default: 'default', foreignKey: 'foreign key',
};

function warning(table: TableRef, what: string, name: string, old: string, where: string): PlanWarning {
  return {
    table,
    message: `${what} ${name} declares renamedFrom '${old}', but ${where} has neither ${old} nor ${name}: nothing is renamed, ${name} is created`,
  };
}

/** Warnings for every stale renamedFrom of tables, columns, constraints and indexes. */
export function renameWarnings(tables: readonly TablePair[], current: readonly Table[], key: NameKey): PlanWarning[] {
  const out: PlanWarning[] = [];
  const tableNames = new Set(current.map((t) => tableKey(key, t.schema, t.name)));
  for (const t of tables) {
    if (t.kind === 'added') {
      const old = t.desired.renamedFrom;
      // A move names the schema it comes from (renamedFrom 'sales.orders').
      const oldSchema = t.desired.renamedFromSchema ?? t.ref.schema;
      if (old !== undefined && !tableNames.has(tableKey(key, oldSchema, old))) {
        out.push(warning(t.ref, 'table', `${t.ref.schema}.${t.ref.name}`, old, `schema ${oldSchema}`));
      }
      continue;
    }
    if (t.kind !== 'kept') continue;
    // The name sets are built only for a table that declares a rename (most declare none).
    if (t.desired.columns.some((c) => c.renamedFrom !== undefined)) staleColumnRenames(t, key, out);
    if (entitiesOf(t.desired).some((e) => e.object.renamedFrom !== undefined)) staleEntityRenames(t, key, out);
  }
  return out;
}

/** Where a kept table's old names were looked for. */
function tableWhere(t: KeptTable): string {
  return `table ${t.oldRef.schema}.${t.oldRef.name}`;
}

/** Columns declaring a renamedFrom that names no current column (nor is the new name there). */
function staleColumnRenames(t: KeptTable, key: NameKey, out: PlanWarning[]): void {
  const where = tableWhere(t);
  const columns = new Set(t.current.columns.map((c) => key(c.name)));
  for (const c of t.desired.columns) {
    if (c.renamedFrom !== undefined && !columns.has(key(c.renamedFrom)) && !columns.has(key(c.name))) {
      out.push(warning(t.newRef, 'column', c.name, c.renamedFrom, where));
    }
  }
}

/** The same for constraints and indexes, within each kind. */
function staleEntityRenames(t: KeptTable, key: NameKey, out: PlanWarning[]): void {
  const where = tableWhere(t);
  const names = new Set(entitiesOf(t.current).map((e) => `${e.kind}|${key(e.object.name)}`));
  for (const e of entitiesOf(t.desired)) {
    const old = e.object.renamedFrom;
    if (old !== undefined && !names.has(`${e.kind}|${key(old)}`) && !names.has(`${e.kind}|${key(e.object.name)}`)) {
      out.push(warning(t.newRef, WHAT[e.kind], e.object.name, old, where));
    }
  }
}

/**
 * A declared swap (a -> b, b -> a, or a longer cycle) whose members have the same definition:
 * before and after it the names look the same, so schemac cannot tell whether it was applied and
 * plans nothing for it (planning it would rename again on every run).
 */
export function swapWarning(table: TableRef, what: string, names: readonly string[]): PlanWarning {
  return {
    table,
    message: `${what} ${names.join(', ')} declare renames among each other (a swap), but they have the same definition, so schemac cannot tell whether the swap was applied: nothing is renamed. Rename one of them to a temporary name in one apply, then finish the swap in the next`,
  };
}
