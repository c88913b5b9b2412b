/**
 * Entity decisions to steps: pairs that changed are dropped and re-created, renamed pairs are
 * renamed, their trusted / enabled state brought to the declared one (constraint-state.ts); undeclared ones dropped (--allow-drop) or skipped; forced
 * drops dropped and, when they must come back, re-added.
 */
import { addChange, dropChange, isClustered, remap, renameObjectType, replaceChange, type Entity, type NameMap } from './entities';
import { constraintScan, hazard, indexBuild, isLarge, qualified } from './hazards';
import { constraintStateStep } from './constraint-state';
import { NOT_DECLARED } from './skip-reasons';
import { step } from './step';
import type { Hazard, PlanStep, SkippedObject, TableRef } from './changes';
import type { EntityPair, EntityPairing } from './pair-entities';
import type { Forced } from './forced';
import type { DiffContext, ExistingTable, KeptTable, Planned } from './table-pairs';
import type { Index, Table } from '../model';
import { isXmlOrSpatial } from '../sqlserver/xml-spatial-indexes';


/** Hazards of creating an entity on an existing table (large tables are built or scanned). */
function addHazards(e: Entity, table: Table, ref: TableRef): Hazard[] {
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
    case 'foreignKey':
      // Added WITH NOCHECK (validate: false, or disabled): the rows there are not read.
      return e.object.trusted ? constraintScan(table, ref, what) : [];
    case 'default': return [];
  }
}

/** The step that brings a kept check's or foreign key's trust and enabled state to the declared one, if any. */
function stateStep(pair: EntityPair, ref: TableRef): PlanStep | null {
  const { current, desired } = pair;
  if (!((current.kind === 'check' && desired.kind === 'check') || (current.kind === 'foreignKey' && desired.kind === 'foreignKey'))) return null;
  // Its name once renames have run (a kept system name stays).
  const name = pair.renamed ? desired.object.name : current.object.name;
  return constraintStateStep(current.object, desired.object, ref, name);
}

/** The refs an existing table's steps use: drops by the old name, adds by the new one. */
function refsOf(table: ExistingTable): { readonly oldRef: TableRef; readonly newRef: TableRef } {
  return table.kind === 'kept' ? table : { oldRef: table.ref, newRef: table.ref };
}

function dropStep(table: ExistingTable, e: Entity, hazards: readonly Hazard[]): PlanStep {
  return step(dropChange(refsOf(table).oldRef, e), hazards);
}

/** The step that creates `e`; with `replaces`, it re-creates a changed `replaces` dropped just before. */
function addStep(table: ExistingTable, e: Entity, replaces?: Entity): PlanStep {
  const { newRef } = refsOf(table);
  return step(replaces === undefined ? addChange(newRef, e) : replaceChange(newRef, e, replaces), addHazards(e, table.current, newRef));
}

/**
 * An index whose definition changed, under the same name, that CREATE INDEX ... WITH
 * (DROP_EXISTING = ON) can re-define in one statement; null otherwise. DROP_EXISTING cannot turn
 * a clustered index nonclustered (CREATE INDEX, "DROP_EXISTING" in Microsoft's documentation:
 * https://learn.microsoft.com/sql/t-sql/statements/create-index-transact-sql), and a renamed
 * one is dropped and created under its new name.
 */
function redefinable(pair: EntityPair): { readonly from: Index; readonly to: Index } | null {
  if (pair.current.kind !== 'index' || pair.desired.kind !== 'index' || pair.renamed) return null;
  if (pair.current.object.clustered && !pair.desired.object.clustered) return null;
  // XML and spatial indexes are dropped and created (a changed primary XML index takes its
  // secondaries with it, see xml-spatial-dependents.ts), never re-defined in place.
  if (isXmlOrSpatial(pair.current.object) || isXmlOrSpatial(pair.desired.object)) return null;
  // Rowstore and columnstore convert in place only as the clustered index (create-columnstore-index:
  // "Convert a clustered index to a clustered columnstore index with the same name", and back with
  // CREATE CLUSTERED INDEX ... DROP_EXISTING); a nonclustered one is dropped and created.
  const kindChanges = (pair.current.object.columnstore === true) !== (pair.desired.object.columnstore === true);
  if (kindChanges && !(pair.current.object.clustered && pair.desired.object.clustered)) return null;
  return { from: pair.current.object, to: pair.desired.object };
}

/** The steps of a kept table's entities: pairs, then extras, then missing ones. */
export function keptEntitySteps(table: KeptTable, pairing: EntityPairing, forced: Forced, map: NameMap, ctx: DiffContext): Planned {
  const steps: PlanStep[] = [];
  for (const pair of pairing.pairs) {
    const drop = forced.get(pair.current);
    // A memory-optimized table has no CREATE INDEX ... DROP_EXISTING: a changed index is dropped and added (ALTER TABLE).
    const inPlace = drop === undefined && pair.changed && table.current.memoryOptimized === undefined ? redefinable(pair) : null;
    if (inPlace !== null) {
      steps.push(step({ kind: 'redefineIndex', table: table.newRef, from: inPlace.from, to: inPlace.to },
        addHazards(pair.desired, table.current, table.newRef)));
      continue;
    }
    if (pair.changed || drop !== undefined) {
      steps.push(dropStep(table, pair.current, drop?.hazards ?? []), addStep(table, pair.desired, pair.changed ? pair.current : undefined));
      continue;
    }
    if (pair.renamed) {
      steps.push(step({
        kind: 'renameConstraint', table: table.newRef, objectType: renameObjectType(pair.current),
        from: pair.current.object.name, to: pair.desired.object.name,
      }));
    }
    const state = stateStep(pair, table.newRef);
    if (state !== null) steps.push(state);
  }
  const extras = extraEntitySteps(table, pairing.extras, forced, map, ctx);
  return {
    steps: [...steps, ...extras.steps, ...pairing.missing.map((e) => addStep(table, e))],
    skipped: extras.skipped,
  };
}

/** Undeclared current entities: dropped with --allow-drop, else skipped (or dropped and re-added when forced). */
export function extraEntitySteps(table: ExistingTable, extras: readonly Entity[], forced: Forced, map: NameMap, ctx: DiffContext): Planned {
  const steps: PlanStep[] = [];
  const skipped: SkippedObject[] = [];
  const { oldRef } = refsOf(table);
  // Objects of a skipped table are covered by the table's own skipped entry.
  const listSkipped = (e: Entity) => {
    if (table.kind === 'kept') skipped.push({ table: oldRef, objectType: e.kind, name: e.object.name, reason: NOT_DECLARED });
  };
  for (const e of extras) {
    const drop = forced.get(e);
    if (drop !== undefined) {
      steps.push(dropStep(table, e, drop.hazards));
      if (drop.readd && !ctx.allowDrop) {
        steps.push(addStep(table, remap(e, map)));
        // Still undeclared: it is rebuilt as it was, and listed like any other left-alone object.
        listSkipped(e);
      }
    } else if (ctx.allowDrop) {
      steps.push(dropStep(table, e, []));
    } else {
      listSkipped(e);
    }
  }
  return { steps, skipped };
}
