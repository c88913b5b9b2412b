/**
 * Storage changes of a kept table that need no rebuild of its definition: DATA_COMPRESSION of
 * the table's rows (heap or rowstore clustered index) and of each index or key kept as it is,
 * and IGNORE_DUP_KEY of each kept unique index or key. An entity re-created anyway carries its
 * new options in its CREATE, so it gets no step here.
 */
import type { Index, KeyConstraint, Table } from '../model';
import { indexCompression, tableCompression } from '../sqlserver/storage';
import { hazard, mayHaveRows, qualified } from './hazards';
import type { Entity } from './entities';
import type { Forced } from './forced';
import type { EntityPairing } from './pair-entities';
import { step } from './step';
import type { PlanStep } from './changes';
import type { KeptTable, Planned } from './table-pairs';

function hasColumnstoreClustered(t: Table): boolean {
  return t.indexes.some((i) => i.clustered && i.columnstore === true);
}

function indexLike(e: Entity): Index | KeyConstraint | null {
  return e.kind === 'index' || e.kind === 'unique' || e.kind === 'primaryKey' ? e.object : null;
}

/** The compression and IGNORE_DUP_KEY steps of a kept table. */
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
        kind: 'rebuildCompression', table: newRef, index: { name: des.name, clustered: des.clustered, ...(columnstore ? { columnstore } : {}) },
        from: indexCompression(cur), to: indexCompression(des),
      }, des.clustered ? rebuildHazard(indexCompression(cur), indexCompression(des)) : []));
    }
    if ((cur.ignoreDupKey ?? false) !== (des.ignoreDupKey ?? false)) {
      steps.push(step({ kind: 'setIgnoreDupKey', table: newRef, index: des.name, to: des.ignoreDupKey ?? false }));
    }
  }
  return { steps, skipped: [] };
}
