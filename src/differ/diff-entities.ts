/**
 * Constraints and indexes of an existing table, once paired (pair-entities.ts): decide which
 * current ones must go whatever the schema says (the clustered rule, foreign keys whose
 * referenced key or columns change).
 */
import { entitiesOf, isClustered, type Entity } from './entities';
import { ForcedBuilder, NOTHING_FORCED, type Forced } from './forced';
import { hazard, qualified } from './hazards';
import type { EntityPairing } from './pair-entities';
import type { DiffContext, ExistingTable, KeptTable } from './table-pairs';

/** An existing table with its entity pairing and what the column pass forced out of it. */
export interface EntityState {
  readonly table: ExistingTable;
  readonly pairing: EntityPairing;
  /** Forced drops known before foreign keys cascade (clustered rule, column changes). */
  readonly forced: Forced;
  /** Current column keys altered or dropped. */
  readonly touched: ReadonlySet<string>;
}

/** A dropped table's pairing: every current entity is an extra. */
export function droppedPairing(current: ExistingTable['current']): EntityPairing {
  return { pairs: [], extras: [...entitiesOf(current)], missing: [] };
}

/**
 * A table has one clustered index. When the schema declares a clustered index and the current
 * clustered one is not declared at all, it must go even without --allow-drop (a changed one is
 * already dropped and re-created through its pair).
 */
export function clusteredRule(table: KeptTable, pairing: EntityPairing): Forced {
  const wanted = pairing.pairs.map((p) => p.desired).concat(pairing.missing).find(isClustered);
  const extra = pairing.extras.find(isClustered);
  if (wanted === undefined || extra === undefined) return NOTHING_FORCED;
  const out = new ForcedBuilder();
  out.force(extra, false, [hazard('table-rebuild',
    `drops undeclared clustered ${extra.object.name} of ${qualified(table.oldRef)}: the schema declares ${wanted.object.name} as the clustered index`)]);
  return out.result();
}

/** Whether the plan drops a current entity (forced, changed, or undeclared with --allow-drop). */
export function dropsEntity(state: EntityState, e: Entity, ctx: DiffContext): boolean {
  if (state.forced.has(e)) return true;
  if (state.table.kind === 'dropped') return ctx.allowDrop;
  const pair = state.pairing.pairs.find((p) => p.current === e);
  return pair !== undefined ? pair.changed : ctx.allowDrop;
}

/**
 * Foreign keys whose referenced key or columns are dropped or altered: dropped, then re-added.
 * `byCurrentKey` finds the state of a referenced table by its current name.
 */
export function cascadeForeignKeys(
  states: readonly EntityState[], byCurrentKey: (schema: string, name: string) => EntityState | undefined, ctx: DiffContext,
): ReadonlyMap<EntityState, Forced> {
  const setKey = (cols: readonly string[]) => [...new Set(cols.map(ctx.key))].sort().join(',');
  const droppedKeys = new Map<EntityState, Set<string>>();
  for (const s of states) {
    const keys = new Set<string>();
    for (const e of entitiesOf(s.table.current)) {
      const cols = e.kind === 'primaryKey' || e.kind === 'unique' || (e.kind === 'index' && e.object.unique)
        ? e.object.columns.map((c) => c.name) : null;
      if (cols !== null && dropsEntity(s, e, ctx)) keys.add(setKey(cols));
    }
    droppedKeys.set(s, keys);
  }
  const out = new Map<EntityState, Forced>();
  for (const s of states) {
    if (s.table.kind === 'dropped' && ctx.allowDrop) continue;
    const forced = new ForcedBuilder();
    for (const e of entitiesOf(s.table.current)) {
      if (e.kind !== 'foreignKey' || dropsEntity(s, e, ctx)) continue;
      const target = byCurrentKey(e.object.referencedSchema, e.object.referencedTable);
      if (target === undefined) continue;
      const keyGone = droppedKeys.get(target)?.has(setKey(e.object.referencedColumns)) ?? false;
      const columnTouched = e.object.referencedColumns.some((c) => target.touched.has(ctx.key(c)));
      if (keyGone || columnTouched) forced.force(e, true);
    }
    out.set(s, forced.result());
  }
  return out;
}
