/**
 * Storage changes of a kept table that need no rebuild of its definition: DATA_COMPRESSION of
 * the table's rows (heap or rowstore clustered index) and of each index or key kept as it is,
 * and IGNORE_DUP_KEY of each kept unique index or key. An entity re-created anyway carries its
 * new options in its CREATE, so it gets no step here.
 */
import type { Index, KeyConstraint, Table } from '../model';
import { indexCompression, tableCompression } from '../sqlserver/storage';
import { isXmlOrSpatial } from '../sqlserver/xml-spatial-indexes';
import { changedIndexOptions, indexOptionsOf } from '../sqlserver/index-options';
import { hazard, indexBuild as indexBuildHazard, mayHaveRows, qualified } from './hazards';
import type { Entity } from './entities';
import type { Forced } from './forced';
import type { EntityPairing } from './pair-entities';
import { step } from './step';
import type { PlanStep, SkippedObject } from './changes';
import { dataSpaceText, sameDataSpace } from '../sqlserver/data-spaces';
import type { KeptTable, Planned } from './table-pairs';

function hasColumnstoreClustered(t: Table): boolean {
  return t.indexes.some((i) => i.clustered && i.columnstore === true);
}

/** `{ offlineOnly: true }` for an XML or spatial index (never rebuilt online), else nothing. */
function offlineOnly(o: Index | KeyConstraint): { offlineOnly?: true } {
  return 'xml' in o && isXmlOrSpatial(o) ? { offlineOnly: true } : {};
}

function indexLike(e: Entity): Index | KeyConstraint | null {
  return e.kind === 'index' || e.kind === 'unique' || e.kind === 'primaryKey' ? e.object : null;
}

/**
 * FILLFACTOR / PAD_INDEX (a rebuild of the index) and the options ALTER INDEX ... SET changes at
 * once, of an index or key kept as it is. Columnstore indexes have none of them.
 */
function optionSteps(table: KeptTable, cur: Index | KeyConstraint, des: Index | KeyConstraint): PlanStep[] {
  const from = indexOptionsOf(cur);
  const to = indexOptionsOf(des);
  const out: PlanStep[] = [];
  if (changedIndexOptions(from, to, 'rebuild').length > 0) {
    const hazards = des.clustered && mayHaveRows(table.current)
      ? [hazard('table-rebuild', `${qualified(table.newRef)} is rewritten to rebuild its clustered ${des.name} with a new FILLFACTOR / PAD_INDEX`)]
      : indexBuildHazard(table.current, table.newRef, `${des.name} again with a new FILLFACTOR / PAD_INDEX`);
    out.push(step({ kind: 'rebuildIndexOptions', table: table.newRef, index: { name: des.name, clustered: des.clustered, ...offlineOnly(des) }, from, to }, hazards));
  }
  if (changedIndexOptions(from, to, 'set').length > 0) out.push(step({ kind: 'setIndexOptions', table: table.newRef, index: des.name, from, to }));
  return out;
}

/** The compression, IGNORE_DUP_KEY and index option steps of a kept table. */
export function storageSteps(table: KeptTable, pairing: EntityPairing, forced: Forced): Planned {
  const steps: PlanStep[] = [];
  const { current, desired, newRef } = table;
  const rebuildHazard = (from: string, to: string) => (mayHaveRows(current)
    ? [hazard('table-rebuild', `${qualified(newRef)} is rewritten, with every index on it, to change its compression from ${from} to ${to}`)] : []);
  // A clustered columnstore table has no rowstore compression of its own; its index carries it.
  if (!hasColumnstoreClustered(current) && !hasColumnstoreClustered(desired) && tableCompression(current) !== tableCompression(desired)) {
    steps.push(step({ kind: 'rebuildCompression', table: newRef, index: null, from: tableCompression(current), to: tableCompression(desired) },
      rebuildHazard(tableCompression(current), tableCompression(desired))));
  }
  for (const pair of pairing.pairs) {
    if (pair.changed || forced.has(pair.current)) continue;
    const cur = indexLike(pair.current);
    const des = indexLike(pair.desired);
    if (cur === null || des === null) continue;
    const columnstore = 'columnstore' in des && des.columnstore === true;
    // A rowstore clustered index holds the table's rows: the table's step above covers it.
    if (!(des.clustered && !columnstore) && indexCompression(cur) !== indexCompression(des)) {
      steps.push(step({
        kind: 'rebuildCompression', table: newRef, index: { name: des.name, clustered: des.clustered, ...(columnstore ? { columnstore } : {}), ...offlineOnly(des) },
        from: indexCompression(cur), to: indexCompression(des),
      }, des.clustered ? rebuildHazard(indexCompression(cur), indexCompression(des)) : []));
    }
    if ((cur.ignoreDupKey ?? false) !== (des.ignoreDupKey ?? false)) {
      steps.push(step({ kind: 'setIgnoreDupKey', table: newRef, index: des.name, to: des.ignoreDupKey ?? false }));
    }
    steps.push(...optionSteps(table, cur, des));
  }
  return { steps, skipped: heapMove(table) };
}

/**
 * A heap's placement cannot change in place (only an index's can, by DROP_EXISTING): the heap is
 * left where it is and the plan says so. A table with a clustered index or key moves with it.
 */
function heapMove(table: KeptTable): SkippedObject[] {
  const { current, desired, newRef } = table;
  const clustered = (t: Table) => [...(t.primaryKey ? [t.primaryKey] : []), ...t.uniqueConstraints, ...t.indexes].some((o) => o.clustered);
  if (clustered(current) || clustered(desired) || sameDataSpace(current.dataSpace, desired.dataSpace, (n) => n.toLowerCase())) return [];
  return [{
    table: newRef, objectType: 'table', name: newRef.name,
    reason: `the heap stays on ${dataSpaceText(current.dataSpace)}: SQL Server moves a heap to ${dataSpaceText(desired.dataSpace)} only by building a clustered index there (CREATE CLUSTERED INDEX ... ON ..., then DROP INDEX)`,
  }];
}
