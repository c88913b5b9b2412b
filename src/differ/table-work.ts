/**
 * The differ's working state for one table: the current and desired versions, how its columns
 * and entities pair up, and which current entities must be dropped whatever the schema says
 * (because they block an ALTER/DROP COLUMN, a clustered index change or a key change).
 */
import type { Hazard, PlanStep, SkippedObject, TableRef } from './changes';
import type { Entity, NameMap } from './entities';
import { tableKey, type NameKey } from '../sqlserver/names';
import type { Table } from '../model';

/** A current entity matched with a desired one; `changed` means drop and re-create. */
export interface EntityPair {
  readonly current: Entity;
  readonly desired: Entity;
  readonly changed: boolean;
}

/** Why a current entity is dropped against the schema's wishes, and whether it comes back. */
export interface ForcedDrop {
  /** Re-create it after (its desired version if paired, else its current definition). */
  readonly readd: boolean;
  readonly hazards: readonly Hazard[];
}

/** One table being diffed. `current` null: created; `desired` null: dropped or skipped. */
export interface TableWork {
  readonly current: Table | null;
  readonly desired: Table | null;
  /** The table's name before the plan (drops use it: they run before renames). */
  readonly oldRef: TableRef;
  /** The table's name after the plan (renames run before every add and alter). */
  readonly newRef: TableRef;
  /** Current column key -> desired column name, for every column that survives. */
  readonly columnNames: Map<string, string>;
  pairs: EntityPair[];
  extras: Entity[];
  missing: Entity[];
  readonly forced: Map<Entity, ForcedDrop>;
  /** Current column keys altered or dropped: foreign keys that reference them must be rebuilt. */
  readonly touchedColumns: Set<string>;
}

/** What every stage of the diff shares. */
export interface DiffContext {
  readonly key: NameKey;
  readonly allowDrop: boolean;
  /** Database default collation, for columns whose collation is null. */
  readonly collation: string;
  /** Work by current table key (paired, dropped and skipped tables). */
  readonly byCurrentKey: Map<string, TableWork>;
  readonly steps: PlanStep[];
  readonly skipped: SkippedObject[];
}

/** A fresh work item for a table. */
export function newWork(current: Table | null, desired: Table | null): TableWork {
  const cur = current ?? desired;
  const des = desired ?? current;
  if (cur === null || des === null) throw new Error('schemac differ: a table work needs at least one side');
  return {
    current, desired,
    oldRef: { schema: cur.schema, name: cur.name },
    newRef: { schema: des.schema, name: des.name },
    columnNames: new Map(), pairs: [], extras: [], missing: [], forced: new Map(), touchedColumns: new Set(),
  };
}

/** Records a forced drop, keeping the strongest answer (re-add wins) and every hazard. */
export function force(work: TableWork, entity: Entity, readd: boolean, hazards: readonly Hazard[] = []): void {
  const before = work.forced.get(entity);
  work.forced.set(entity, {
    readd: readd || (before?.readd ?? false),
    hazards: [...(before?.hazards ?? []), ...hazards],
  });
}

/** The current -> desired name map seen from one table (its columns, and every renamed table). */
export function nameMapFor(work: TableWork, ctx: DiffContext): NameMap {
  const columnOf = (w: TableWork) => (name: string): string => w.columnNames.get(ctx.key(name)) ?? name;
  return {
    column: columnOf(work),
    table: (schema, name) => {
      const other = ctx.byCurrentKey.get(tableKey(ctx.key, schema, name));
      if (other === undefined || other.desired === null) return { schema, name, column: (c: string) => c };
      return { schema: other.newRef.schema, name: other.newRef.name, column: columnOf(other) };
    },
  };
}

/** Effective collation of a column of a string type; null for other types. */
export function effectiveCollation(column: { type: { name: string }; collation: string | null }, dbCollation: string): string | null {
  if (!['char', 'varchar', 'nchar', 'nvarchar'].includes(column.type.name)) return null;
  return (column.collation ?? dbCollation).toLowerCase();
}

