/**
 * The names a plan's steps use, traced back to the names the catalog has before the plan. Steps
 * after the renames phase name a table as renamed (and as moved: a transfer runs before its table's
 * rename) and a column as renamed; what a step touches in the catalog is found under the old names.
 */
import type { PlanStep, TableRef } from './changes';
import { tableKey, type NameKey } from '../sqlserver/names';

export interface NamesBefore {
  /** The table a step names, under its name before the plan. */
  table(t: TableRef): TableRef;
  /** A renameTable step's old name, before the move that ran ahead of it (if any). */
  unmoved(t: TableRef): TableRef;
  /** A column of table `t`, both as a step names them, under the column's name before the plan. */
  column(t: TableRef, name: string): string;
}

export function namesBefore(steps: readonly PlanStep[], key: NameKey): NamesBefore {
  const renamedFrom = new Map<string, TableRef>();
  const movedFrom = new Map<string, TableRef>();
  const columnFrom = new Map<string, string>();
  for (const s of steps) {
    const c = s.change;
    if (c.kind === 'renameTable') renamedFrom.set(tableKey(key, c.schema, c.to), { schema: c.schema, name: c.from });
    if (c.kind === 'transferTable') movedFrom.set(tableKey(key, c.to, c.name), { schema: c.from, name: c.name });
    if (c.kind === 'renameColumn') columnFrom.set(`${tableKey(key, c.table.schema, c.table.name)}\u0000${key(c.to)}`, c.from);
  }
  const unmoved = (t: TableRef): TableRef => movedFrom.get(tableKey(key, t.schema, t.name)) ?? t;
  return {
    table: (t) => unmoved(renamedFrom.get(tableKey(key, t.schema, t.name)) ?? t),
    unmoved,
    column: (t, name) => columnFrom.get(`${tableKey(key, t.schema, t.name)}\u0000${key(name)}`) ?? name,
  };
}
