/**
 * User alias types (CREATE TYPE ... FROM): created before the tables that use them, dropped
 * after the last column that used them, and redefined (SQL Server has no ALTER TYPE) only when
 * no column uses the old definition at that point of the plan. Columns of an alias type compare
 * by their base type (diff-columns); only the type objects themselves are planned here.
 *
 * A redefinition while columns still use the type is refused, naming the columns: the only way
 * through is to ALTER every such column to the base type, drop and recreate the type and ALTER
 * the columns back, which rewrites (and locks) every table involved, and rebuilds their indexes
 * and defaults. A DBA does that as a deliberate change: declare a new alias type, move the
 * columns to it in one plan, remove the old type in the next. The refusal says so.
 */
import type { AliasTypeDef, Column, Database, Table } from '../model';
import { sameType } from '../sqlserver/types';
import { tableKey, type NameKey } from '../sqlserver/names';
import type { PlanStep, RefusedChange, SkippedObject } from './changes';
import { NOT_DECLARED } from './skip-reasons';
import { step } from './step';
import type { Planned } from './table-pairs';

/** The key of an alias type (or of a column's alias) as the collation compares names. */
export function aliasKey(key: NameKey, a: { readonly schema: string; readonly name: string }): string {
  return `${key(a.schema)}.${key(a.name)}`;
}

function sameDefinition(a: AliasTypeDef, b: AliasTypeDef): boolean {
  return sameType(a.base, b.base) && a.nullable === b.nullable;
}

/** `schema.table.column` of every column of `tables` declared with alias type `k`. */
function usersOf(tables: readonly Table[], k: string, key: NameKey, keep: (t: Table, c: Column) => boolean = () => true): string[] {
  return tables.flatMap((t) => t.columns
    .filter((c) => c.type.alias !== undefined && aliasKey(key, c.type.alias) === k && keep(t, c))
    .map((c) => `${t.schema}.${t.name}.${c.name}`)).sort();
}

function listText(columns: readonly string[]): string {
  return columns.length <= 5 ? columns.join(', ') : `${columns.slice(0, 5).join(', ')} and ${columns.length - 5} more`;
}

/** What the first pass decides: creates and redefinitions, refusals, and the desired model to diff tables against. */
export interface AliasTypesBefore {
  readonly steps: PlanStep[];
  readonly refused: RefusedChange[];
  /** `desired`, with the columns of a refused redefinition kept at the current definition. */
  readonly desired: Database;
}

/**
 * Creates and redefinitions, planned before the tables are diffed. `dropsColumn` says whether the
 * plan will drop a current column (by its current table and name) before the create-types phase.
 */
export function planAliasTypes(
  desired: Database, current: Database, key: NameKey,
  dropsColumn: (t: Table, c: Column) => boolean,
): AliasTypesBefore {
  const have = new Map((current.aliasTypes ?? []).map((a) => [aliasKey(key, a), a] as const));
  const steps: PlanStep[] = [];
  const refused: RefusedChange[] = [];
  const keepCurrent = new Map<string, AliasTypeDef>();
  for (const want of desired.aliasTypes ?? []) {
    const k = aliasKey(key, want);
    const old = have.get(k);
    if (old === undefined) { steps.push(step({ kind: 'createType', type: want })); continue; }
    if (sameDefinition(old, want)) continue;
    // Every current column of the type, in any schema (an unmanaged table's column stops DROP TYPE too).
    const users = usersOf(current.tables, k, key, (t, c) => !dropsColumn(t, c));
    if (users.length === 0) { steps.push(step({ kind: 'redefineType', from: old, to: want })); continue; }
    keepCurrent.set(k, old);
    refused.push({
      table: { schema: want.schema, name: '' },
      change: `redefine type ${want.schema}.${want.name}`,
      reason: `columns ${listText(users)} use it, and SQL Server has no ALTER TYPE and cannot drop a type in use (Msg 3732); `
        + `declare a new alias type with the new definition, move the columns to it, and remove ${want.name} in a later plan`,
    });
  }
  return { steps, refused, desired: keepCurrent.size === 0 ? desired : withDefinitions(desired, keepCurrent, key) };
}

/** The desired model with the given alias types (and their columns' facets) at another definition. */
function withDefinitions(db: Database, defs: ReadonlyMap<string, AliasTypeDef>, key: NameKey): Database {
  const column = (c: Column): Column => {
    const def = c.type.alias === undefined ? undefined : defs.get(aliasKey(key, c.type.alias));
    return def === undefined ? c : { ...c, type: { ...def.base, alias: c.type.alias } };
  };
  return {
    ...db,
    aliasTypes: (db.aliasTypes ?? []).map((a) => defs.get(aliasKey(key, a)) ?? a),
    tables: db.tables.map((t) => ({ ...t, columns: t.columns.map(column) })),
  };
}

/**
 * Drops of alias types the schema no longer declares, in managed schemas only, planned after the
 * tables: a type some column still uses once the plan has run (a kept undeclared column, a table
 * in a schema the plan does not manage) is refused with allowDrop, skipped without.
 */
export function dropAliasTypes(
  desired: Database, current: Database, key: NameKey, allowDrop: boolean, inScope: (schema: string) => boolean,
  remainingCurrent: (t: Table, c: Column) => boolean,
): Planned & { readonly refused: RefusedChange[] } {
  const want = new Set((desired.aliasTypes ?? []).map((a) => aliasKey(key, a)));
  const steps: PlanStep[] = [];
  const skipped: SkippedObject[] = [];
  const refused: RefusedChange[] = [];
  for (const a of current.aliasTypes ?? []) {
    const k = aliasKey(key, a);
    if (want.has(k) || !inScope(a.schema)) continue;
    if (!allowDrop) { skipped.push({ table: { schema: a.schema, name: '' }, objectType: 'type', name: a.name, reason: NOT_DECLARED }); continue; }
    const users = [...usersOf(desired.tables, k, key), ...usersOf(current.tables, k, key, remainingCurrent)];
    if (users.length > 0) {
      refused.push({ table: { schema: a.schema, name: '' }, change: `drop type ${a.schema}.${a.name}`, reason: `columns ${listText([...new Set(users)].sort())} still use it (DROP TYPE fails while one does, Msg 3732)` });
      continue;
    }
    steps.push(step({ kind: 'dropType', type: a }));
  }
  return { steps, skipped, refused };
}

/** Current columns the plan drops: their table is dropped, or the column itself. */
export function droppedColumns(steps: readonly PlanStep[], key: NameKey): (t: Table, c: Column) => boolean {
  const tables = new Set<string>();
  const columns = new Set<string>();
  for (const { change } of steps) {
    if (change.kind === 'dropTable') tables.add(tableKey(key, change.table.schema, change.table.name));
    if (change.kind === 'dropColumn') columns.add(`${tableKey(key, change.table.schema, change.table.name)}.${key(change.column.name)}`);
  }
  return (t, c) => tables.has(tableKey(key, t.schema, t.name)) || columns.has(`${tableKey(key, t.schema, t.name)}.${key(c.name)}`);
}
