/**
 * How the tables of two models pair up: each desired table is `added` or `kept` (with its
 * current version), each unclaimed current table `dropped`. Every later pass of the diff takes
 * these pairs as input; nothing here is mutated after pairing.
 */
import type { PlanStep, SkippedObject, TableRef } from './changes';
import type { NameMap } from './entities';
import { collationKey, tableKey, type NameKey } from '../sqlserver/names';
import { isCharacterType, typeText } from '../sqlserver/types';
import { pendingRenames } from './rename-chains';
import type { SqlType, Table } from '../model';

/** A table only the schema has: created. */
/** What plans do with names SQL Server generated: adopt the schema's names (sp_rename) or keep them. */
export type SystemNames = 'adopt' | 'keep';

export interface AddedTable { readonly kind: 'added'; readonly desired: Table; readonly ref: TableRef }
/** A table only the database has: dropped with --allow-drop, else skipped. */
export interface DroppedTable { readonly kind: 'dropped'; readonly current: Table; readonly ref: TableRef }
/** A table on both sides (same name, or a declared rename). */
export interface KeptTable {
  readonly kind: 'kept';
  readonly current: Table;
  readonly desired: Table;
  /** The table's name before the plan (drops use it: they run before transfers and renames). */
  readonly oldRef: TableRef;
  /**
   * The table's name after the plan (transfers and renames run before every add and alter); its
   * schema differs from oldRef's for a table moved to another schema.
   */
  readonly newRef: TableRef;
}

/** One table of the diff, by which side(s) it is on. */
export type TablePair = AddedTable | DroppedTable | KeptTable;

/** A table that exists in the database (its current version is known). */
export type ExistingTable = DroppedTable | KeptTable;

/** What every pass of the diff shares: read-only settings. */
export interface DiffContext {
  readonly key: NameKey;
  readonly allowDrop: boolean;
  /** Database default collation, for columns whose collation is null. */
  readonly collation: string;
  /** What to do with system-generated names (see DiffOptions). */
  readonly systemNames: SystemNames;
}

/** Steps and skipped objects a pass contributes to the plan. */
export interface Planned {
  readonly steps: readonly PlanStep[];
  readonly skipped: readonly SkippedObject[];
}

/** Concatenates what several passes planned. */
export function concatPlanned(parts: readonly Planned[]): Planned {
  return { steps: parts.flatMap((p) => p.steps), skipped: parts.flatMap((p) => p.skipped) };
}

/**
 * Pairs tables: declared renames still to make first (chains and swaps inside a schema:
 * rename-chains.ts), then by name, then by a declared renamedFrom (in the table's schema, or in
 * renamedFromSchema: a move) when the new name is absent.
 */
export function pairTables(desired: readonly Table[], current: readonly Table[], key: NameKey): TablePair[] {
  const refOf = (t: Table): TableRef => ({ schema: t.schema, name: t.name });
  const early = new Map<Table, Table>();
  for (const schema of new Set(desired.map((t) => key(t.schema)))) {
    const pending = pendingRenames({
      current: current.filter((t) => key(t.schema) === schema), desired: desired.filter((t) => key(t.schema) === schema), key,
      // A move to another schema is paired below: it is no chain or swap inside this schema.
      currentName: (t) => t.name, desiredName: (t) => t.name, renamedFrom: (t) => (t.renamedFromSchema === undefined ? t.renamedFrom : undefined),
      same: (c, d) => columnsShape(c, key) === columnsShape(d, key),
    });
    for (const [d, c] of pending.pairs) early.set(d, c);
  }
  const taken = new Set(early.values());
  const byKey = new Map(current.map((t) => [tableKey(key, t.schema, t.name), t] as const));
  const claimed = new Set([...taken].map((t) => tableKey(key, t.schema, t.name)));
  for (const d of desired) {
    const namesake = byKey.get(tableKey(key, d.schema, d.name));
    if (!early.has(d) && namesake !== undefined && !taken.has(namesake)) claimed.add(tableKey(key, d.schema, d.name));
  }
  const out: TablePair[] = [];
  for (const des of desired) {
    let cur = early.get(des) ?? null;
    const namesake = byKey.get(tableKey(key, des.schema, des.name));
    if (cur === null && namesake !== undefined && !taken.has(namesake)) cur = namesake;
    if (cur === null && des.renamedFrom !== undefined) {
      const old = tableKey(key, des.renamedFromSchema ?? des.schema, des.renamedFrom);
      if (!claimed.has(old)) cur = byKey.get(old) ?? null;
    }
    if (cur === null) { out.push({ kind: 'added', desired: des, ref: refOf(des) }); continue; }
    claimed.add(tableKey(key, cur.schema, cur.name));
    out.push({ kind: 'kept', current: cur, desired: des, oldRef: refOf(cur), newRef: refOf(des) });
  }
  for (const cur of current) {
    if (!claimed.has(tableKey(key, cur.schema, cur.name))) out.push({ kind: 'dropped', current: cur, ref: refOf(cur) });
  }
  return out;
}

/** A table's columns (names and types), to tell which of two swapped tables is which. */
function columnsShape(t: Table, key: NameKey): string {
  return t.columns.map((c) => `${key(c.name)}:${typeText(c.type)}:${c.nullable ? 'null' : 'not null'}`).sort().join(',');
}

/** Current table key -> the table's desired name and its column renames (current column key -> desired name). */
export type Renames = ReadonlyMap<string, { readonly ref: TableRef; readonly columns: ReadonlyMap<string, string> }>;

/** The current -> desired name map seen from one existing table (its columns, and every renamed table). */
export function nameMapFor(table: ExistingTable, renames: Renames, key: NameKey): NameMap {
  const columnOf = (schema: string, name: string) => {
    const names = renames.get(tableKey(key, schema, name))?.columns;
    return (column: string): string => names?.get(key(column)) ?? column;
  };
  return {
    column: columnOf(table.current.schema, table.current.name),
    table: (schema, name) => {
      const ref = renames.get(tableKey(key, schema, name))?.ref ?? { schema, name };
      return { schema: ref.schema, name: ref.name, column: columnOf(schema, name) };
    },
  };
}

/** Effective collation of a column of a string type; null for other types. */
export function effectiveCollation(column: { type: SqlType; collation: string | null }, dbCollation: string): string | null {
  if (!isCharacterType(column.type)) return null;
  return collationKey(column.collation ?? dbCollation);
}
