/**
 * Constraints and indexes of an existing table: pair current with desired (by name, a default
 * by its column, the primary key as the one it is; a system-named object by structure), and
 * decide which current ones must go whatever the schema says (the clustered rule, foreign keys
 * whose referenced key or columns change).
 */
import { entitiesOf, isClustered, NO_RENAMES, signature, type Entity, type NameMap } from './entities';
import { ForcedBuilder, NOTHING_FORCED, type Forced } from './forced';
import { hazard, qualified } from './hazards';
import type { NameKey } from '../sqlserver/names';
import type { DiffContext, ExistingTable, KeptTable } from './table-pairs';

/** A current entity matched with a desired one; `changed` means drop and re-create. */
export interface EntityPair {
  readonly current: Entity;
  readonly desired: Entity;
  readonly changed: boolean;
}

/** How the entities of an existing table pair up (a dropped table has only extras). */
export interface EntityPairing {
  readonly pairs: readonly EntityPair[];
  /** Current entities the schema does not declare. */
  readonly extras: readonly Entity[];
  /** Desired entities the database does not have. */
  readonly missing: readonly Entity[];
}

/** An existing table with its entity pairing and what the column pass forced out of it. */
export interface EntityState {
  readonly table: ExistingTable;
  readonly pairing: EntityPairing;
  /** Forced drops known before foreign keys cascade (clustered rule, column changes). */
  readonly forced: Forced;
  /** Current column keys altered or dropped. */
  readonly touched: ReadonlySet<string>;
}

function matchKey(e: Entity, key: NameKey, column: (name: string) => string): string {
  if (e.kind === 'primaryKey') return 'pk';
  if (e.kind === 'default') return `default:${key(column(e.object.column))}`;
  return `${e.kind}:${key(e.object.name)}`;
}

/** Pairs the entities of a kept table; `map` moves current column and table names to desired ones. */
export function pairEntities(table: KeptTable, map: NameMap, key: NameKey): EntityPairing {
  const current = entitiesOf(table.current);
  const desired = entitiesOf(table.desired);
  const open = new Map(desired.map((e) => [matchKey(e, key, (c) => c), e] as const));
  const unmatched: Entity[] = [];
  const pairs: Array<[Entity, Entity]> = [];
  for (const cur of current) {
    const k = matchKey(cur, key, map.column);
    const des = open.get(k);
    if (des !== undefined && des.kind === cur.kind) { pairs.push([cur, des]); open.delete(k); } else unmatched.push(cur);
  }
  // System-named objects are matched by structure: SQL Server named them, the schema names them.
  const bySignature = new Map<string, Entity[]>();
  const anySystemNamed = unmatched.some((e) => e.object.isSystemNamed);
  for (const des of anySystemNamed ? [...open.values()].sort((a, b) => (a.object.name < b.object.name ? -1 : 1)) : []) {
    const k = `${des.kind}|${signature(des, key, NO_RENAMES)}`;
    bySignature.set(k, [...(bySignature.get(k) ?? []), des]);
  }
  const extras: Entity[] = [];
  for (const cur of unmatched) {
    const candidates = cur.object.isSystemNamed ? bySignature.get(`${cur.kind}|${signature(cur, key, map)}`) : undefined;
    const des = candidates?.shift();
    if (des === undefined) { extras.push(cur); continue; }
    pairs.push([cur, des]);
    open.delete(matchKey(des, key, (c) => c));
  }
  return {
    pairs: pairs.map(([cur, des]) => ({
      current: cur, desired: des,
      changed: signature(cur, key, map) !== signature(des, key, NO_RENAMES)
        || (key(cur.object.name) !== key(des.object.name) && !cur.object.isSystemNamed),
    })),
    extras,
    missing: [...open.values()],
  };
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
