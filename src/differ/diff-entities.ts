/**
 * Constraints and indexes of a table present on both sides: pair current with desired (by
 * name, a default by its column, the primary key as the one it is; a system-named object by
 * structure), then turn pairs, extras and forced drops into steps.
 */
import {
  addChange, dropChange, entitiesOf, isClustered, isTrusted, NO_RENAMES, remap, renameObjectType, signature,
  type Entity,
} from './entities';
import { constraintScan, hazard, indexBuild, isLarge, qualified } from './hazards';
import { step } from './step';
import { force, nameMapFor, type DiffContext, type TableWork } from './table-work';
import type { Hazard, TableRef } from './changes';
import type { NameKey } from '../sqlserver/names';
import { NOT_DECLARED } from './skip-reasons';
import type { Table } from '../model';


function matchKey(e: Entity, key: NameKey, column: (name: string) => string): string {
  if (e.kind === 'primaryKey') return 'pk';
  if (e.kind === 'default') return `default:${key(column(e.object.column))}`;
  return `${e.kind}:${key(e.object.name)}`;
}

/** Pairs the entities of a table present on both sides (fills pairs, extras, missing). */
export function pairEntities(work: TableWork, ctx: DiffContext): void {
  const map = nameMapFor(work, ctx);
  const current = entitiesOf(work.current as Table);
  const desired = entitiesOf(work.desired as Table);
  const open = new Map(desired.map((e) => [matchKey(e, ctx.key, (c) => c), e] as const));
  const unmatched: Entity[] = [];
  const pairs: Array<[Entity, Entity]> = [];
  for (const cur of current) {
    const k = matchKey(cur, ctx.key, map.column);
    const des = open.get(k);
    if (des !== undefined && des.kind === cur.kind) { pairs.push([cur, des]); open.delete(k); } else unmatched.push(cur);
  }
  // System-named objects are matched by structure: SQL Server named them, the schema names them.
  const bySignature = new Map<string, Entity[]>();
  const anySystemNamed = unmatched.some((e) => e.object.isSystemNamed);
  for (const des of anySystemNamed ? [...open.values()].sort((a, b) => (a.object.name < b.object.name ? -1 : 1)) : []) {
    const k = `${des.kind}|${signature(des, ctx.key, NO_RENAMES)}`;
    bySignature.set(k, [...(bySignature.get(k) ?? []), des]);
  }
  const extras: Entity[] = [];
  for (const cur of unmatched) {
    const candidates = cur.object.isSystemNamed ? bySignature.get(`${cur.kind}|${signature(cur, ctx.key, map)}`) : undefined;
    const des = candidates?.shift();
    if (des === undefined) { extras.push(cur); continue; }
    pairs.push([cur, des]);
    open.delete(matchKey(des, ctx.key, (c) => c));
  }
  work.pairs = pairs.map(([cur, des]) => ({
    current: cur, desired: des,
    changed: signature(cur, ctx.key, map) !== signature(des, ctx.key, NO_RENAMES)
      || (ctx.key(cur.object.name) !== ctx.key(des.object.name) && !cur.object.isSystemNamed),
  }));
  work.extras = extras;
  work.missing = [...open.values()];
  applyClusteredRule(work);
}

/**
 * A table has one clustered index. When the schema declares a clustered index and the current
 * clustered one is not declared at all, it must go even without --allow-drop (a changed one is
 * already dropped and re-created through its pair).
 */
function applyClusteredRule(work: TableWork): void {
  const wanted = work.pairs.map((p) => p.desired).concat(work.missing).find(isClustered);
  const extra = work.extras.find(isClustered);
  if (wanted === undefined || extra === undefined) return;
  force(work, extra, false, [hazard('table-rebuild',
    `drops undeclared clustered ${extra.object.name} of ${qualified(work.oldRef)}: the schema declares ${wanted.object.name} as the clustered index`)]);
}

/** Hazards of creating an entity on an existing table (large tables are built or scanned). */
function addHazards(e: Entity, work: TableWork, ref: TableRef): Hazard[] {
  const table = work.current;
  const what = `${e.kind === 'index' ? 'index' : 'constraint'} ${e.object.name}`;
  switch (e.kind) {
    case 'primaryKey':
    case 'unique':
    case 'index': {
      const out = indexBuild(table, ref, what);
      if (isClustered(e) && isLarge(table)) out.push(hazard('table-rebuild', `clustered ${e.object.name} rewrites ${qualified(ref)}`));
      return out;
    }
    case 'check':
    case 'foreignKey': return constraintScan(table, ref, what);
    case 'default': return [];
  }
}

function pushDrop(ctx: DiffContext, work: TableWork, e: Entity, hazards: readonly Hazard[]): void {
  ctx.steps.push(step(dropChange(work.oldRef, e), hazards));
}

function pushAdd(ctx: DiffContext, work: TableWork, e: Entity): void {
  ctx.steps.push(step(addChange(work.newRef, e), addHazards(e, work, work.newRef)));
}

/** Turns a paired table's entity decisions into steps. */
export function finalizeEntities(work: TableWork, ctx: DiffContext): void {
  for (const pair of work.pairs) {
    const forced = work.forced.get(pair.current);
    if (pair.changed || forced !== undefined) {
      pushDrop(ctx, work, pair.current, forced?.hazards ?? []);
      pushAdd(ctx, work, pair.desired);
      continue;
    }
    if (ctx.key(pair.current.object.name) !== ctx.key(pair.desired.object.name)) {
      ctx.steps.push(step({
        kind: 'renameConstraint', table: work.newRef, objectType: renameObjectType(pair.current),
        from: pair.current.object.name, to: pair.desired.object.name,
      }));
    }
    if (!isTrusted(pair.current)) {
      const hazards = [hazard('constraint-scan', `re-validating ${pair.desired.object.name} scans ${qualified(work.newRef)} and fails if a row violates it`)];
      const wasDisabled = (pair.current.kind === 'check' || pair.current.kind === 'foreignKey') && !pair.current.object.enabled;
      // The inverse (NOCHECK, then WITH NOCHECK CHECK) leaves it enabled but untrusted, not disabled.
      if (wasDisabled) hazards.push(hazard('irreversible', `${pair.desired.object.name} was disabled; the down script leaves it enabled but untrusted`));
      ctx.steps.push(step({ kind: 'revalidateConstraint', table: work.newRef, name: pair.desired.object.name }, hazards));
    }
  }
  finalizeExtras(work, ctx);
  for (const e of work.missing) pushAdd(ctx, work, e);
}

/** Undeclared current entities: dropped with --allow-drop, else skipped (or dropped and re-added when forced). */
export function finalizeExtras(work: TableWork, ctx: DiffContext): void {
  const map = nameMapFor(work, ctx);
  for (const e of work.extras) {
    const forced = work.forced.get(e);
    if (forced !== undefined) {
      pushDrop(ctx, work, e, forced.hazards);
      if (forced.readd && !ctx.allowDrop) {
        pushAdd(ctx, work, remap(e, map));
        // Still undeclared: it is rebuilt as it was, and listed like any other left-alone object.
        if (work.desired !== null) ctx.skipped.push({ table: work.oldRef, objectType: e.kind, name: e.object.name, reason: NOT_DECLARED });
      }
    } else if (ctx.allowDrop) {
      pushDrop(ctx, work, e, []);
    } else if (work.desired !== null) {
      ctx.skipped.push({ table: work.oldRef, objectType: e.kind, name: e.object.name, reason: NOT_DECLARED });
    }
  }
}

/** Marks foreign keys whose referenced key or columns are dropped or altered: drop, then re-add. */
export function cascadeForeignKeys(works: readonly TableWork[], ctx: DiffContext): void {
  const setKey = (cols: readonly string[]) => [...new Set(cols.map(ctx.key))].sort().join(',');
  const droppedKeys = new Map<TableWork, Set<string>>();
  for (const w of works) {
    if (w.current === null) continue;
    const keys = new Set<string>();
    for (const e of entitiesOf(w.current)) {
      const cols = e.kind === 'primaryKey' || e.kind === 'unique' || (e.kind === 'index' && e.object.unique)
        ? e.object.columns.map((c) => c.name) : null;
      if (cols !== null && dropsEntity(w, e, ctx)) keys.add(setKey(cols));
    }
    droppedKeys.set(w, keys);
  }
  for (const w of works) {
    if (w.current === null || (w.desired === null && ctx.allowDrop)) continue;
    for (const e of entitiesOf(w.current)) {
      if (e.kind !== 'foreignKey' || dropsEntity(w, e, ctx)) continue;
      const target = ctx.byCurrentKey.get(`${ctx.key(e.object.referencedSchema)}\u0000${ctx.key(e.object.referencedTable)}`);
      if (target === undefined) continue;
      const keyGone = droppedKeys.get(target)?.has(setKey(e.object.referencedColumns)) ?? false;
      const columnTouched = e.object.referencedColumns.some((c) => target.touchedColumns.has(ctx.key(c)));
      if (keyGone || columnTouched) force(w, e, true);
    }
  }
}

function dropsEntity(w: TableWork, e: Entity, ctx: DiffContext): boolean {
  if (w.forced.has(e)) return true;
  if (w.desired === null) return ctx.allowDrop;
  const pair = w.pairs.find((p) => p.current === e);
  return pair !== undefined ? pair.changed : ctx.allowDrop;
}
