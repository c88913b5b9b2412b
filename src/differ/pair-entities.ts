/**
 * Pairs the constraints and indexes of a kept table, current with desired, so that an object
 * whose only difference is its name is renamed (one sp_rename), never rebuilt:
 *   1. by name (a default by its column, the primary key as the one it is);
 *   2. by a declared `renamedFrom`;
 *   3. by structure: a system-named object with any desired one of the same definition; any
 *      other object when the match is unique (one current and one desired of that definition),
 *      or, among several, when its name is the desired one with the old table name in it
 *      (a `{table}`-templated name of a renamed table).
 */
import { entitiesOf, NO_RENAMES, sameSignature, signature, type Entity, type NameMap } from './entities';
import { pendingRenames } from './rename-chains';
import type { NameKey } from '../sqlserver/names';
import type { KeptTable, SystemNames } from './table-pairs';
import { groupBy } from '../util/group-by';

export type { SystemNames } from './table-pairs';


/** A current entity matched with a desired one. */
export interface EntityPair {
  readonly current: Entity;
  readonly desired: Entity;
  /** The definitions differ: drop and re-create (or redefine in place). */
  readonly changed: boolean;
  /** The names differ and the plan renames it (sp_rename) when it is not re-created anyway. */
  readonly renamed: boolean;
}

/** How the entities of an existing table pair up (a dropped table has only extras). */
export interface EntityPairing {
  readonly pairs: readonly EntityPair[];
  /** Current entities the schema does not declare. */
  readonly extras: readonly Entity[];
  /** Desired entities the database does not have. */
  readonly missing: readonly Entity[];
}

function matchKey(e: Entity, key: NameKey, column: (name: string) => string): string {
  if (e.kind === 'primaryKey') return 'pk';
  if (e.kind === 'default') return `default:${key(column(e.object.column))}`;
  return `${e.kind}:${key(e.object.name)}`;
}

/** Desired column names are already desired: no renames to apply. */
const asDeclared = (name: string): string => name;


/** `name` with every occurrence of the table's old name replaced by its new one (case as the key says). */
function underNewTableName(name: string, table: KeptTable, key: NameKey): string {
  const from = table.oldRef.name;
  if (from === '' || key(from) === key(table.newRef.name)) return name;
  let out = '';
  for (let i = 0; i < name.length;) {
    if (key(name.slice(i, i + from.length)) === key(from)) { out += table.newRef.name; i += from.length; } else { out += name[i]; i += 1; }
  }
  return out;
}

/** Pairs the entities of a kept table; `map` moves current column and table names to desired ones. */
export function pairEntities(table: KeptTable, map: NameMap, key: NameKey, systemNames: SystemNames): EntityPairing {
  const current = entitiesOf(table.current);
  // Desired entities not yet paired, by match key (each desired entity's key is distinct).
  const open = new Map<string, Entity>();
  let declares = false;
  for (const e of entitiesOf(table.desired)) {
    open.set(matchKey(e, key, asDeclared), e);
    if (e.object.renamedFrom !== undefined) declares = true;
  }
  const pairs: Array<[Entity, Entity]> = [];
  // `desKey`: the desired entity's match key, when the caller found it under that key.
  const take = (cur: Entity, des: Entity, desKey = matchKey(des, key, asDeclared)) => { pairs.push([cur, des]); open.delete(desKey); };

  // 0. Declared renames that pairing by name would miss: chains and swaps among names (one kind
  // at a time; defaults and the primary key do not pair by name).
  const early = new Map<Entity, Entity>();
  for (const kind of declares ? ['unique', 'index', 'check', 'foreignKey'] as const : []) {
    const pending = pendingRenames({
      current: current.filter((e) => e.kind === kind), desired: [...open.values()].filter((e) => e.kind === kind), key,
      currentName: (e) => e.object.name, desiredName: (e) => e.object.name, renamedFrom: (e) => e.object.renamedFrom,
      same: (c, d) => sameSignature(c, d, key, map),
    });
    for (const [des, cur] of pending.pairs) early.set(cur, des);
  }
  for (const [cur, des] of early) take(cur, des);
  // 1. By name.
  let unmatched: Entity[] = [];
  for (const cur of current) {
    if (early.has(cur)) continue;
    const k = matchKey(cur, key, map.column);
    const des = open.get(k);
    if (des !== undefined && des.kind === cur.kind) take(cur, des, k); else unmatched.push(cur);
  }
  // 2. By a declared rename (it applies only while the new name is absent, i.e. until applied).
  if (declares && unmatched.length > 0) {
    const declared = groupBy([...open.values()].filter((d) => d.object.renamedFrom !== undefined),
      (d) => `${d.kind}|${key(d.object.renamedFrom ?? '')}`);
    unmatched = unmatched.filter((cur) => {
      const des = declared.get(`${cur.kind}|${key(cur.object.name)}`)?.shift();
      if (des === undefined || !open.has(matchKey(des, key, asDeclared))) return true;
      take(cur, des);
      return false;
    });
  }
  // 3. By structure (usually nothing is left to pair).
  if (unmatched.length === 0) return pairingOf(pairs, [], [...open.values()], key, map, systemNames);
  const sigOfCurrent = (e: Entity) => `${e.kind}|${signature(e, key, map)}`;
  const sigOfDesired = (e: Entity) => `${e.kind}|${signature(e, key, NO_RENAMES)}`;
  const byName = (a: Entity, b: Entity) => (a.object.name < b.object.name ? -1 : a.object.name > b.object.name ? 1 : 0);
  const openBySig = groupBy([...open.values()].sort(byName), sigOfDesired);
  const userNamed = groupBy(unmatched.filter((e) => !e.object.isSystemNamed), sigOfCurrent);
  const extras: Entity[] = [];
  for (const cur of unmatched) {
    const candidates = openBySig.get(sigOfCurrent(cur)) ?? [];
    let des: Entity | undefined;
    if (cur.object.isSystemNamed) des = candidates[0];
    else if (candidates.length === 1 && userNamed.get(sigOfCurrent(cur))?.length === 1) des = candidates[0];
    else des = candidates.find((d) => key(d.object.name) === key(underNewTableName(cur.object.name, table, key)));
    if (des === undefined) { extras.push(cur); continue; }
    candidates.splice(candidates.indexOf(des), 1);
    take(cur, des);
  }
  return pairingOf(pairs, extras, [...open.values()], key, map, systemNames);
}

/** The pairing of matched entities: whether each changed and is renamed. */
function pairingOf(
  pairs: readonly (readonly [Entity, Entity])[], extras: readonly Entity[], missing: readonly Entity[], key: NameKey, map: NameMap, systemNames: SystemNames,
): EntityPairing {
  return {
    pairs: pairs.map(([cur, des]) => ({
      current: cur, desired: des,
      changed: !sameSignature(cur, des, key, map),
      renamed: cur.object.name !== des.object.name && key(cur.object.name) !== key(des.object.name)
        && !(cur.object.isSystemNamed && systemNames === 'keep'),
    })),
    extras,
    missing,
  };
}
