/**
 * Storage changes of a kept table that need no rebuild of its definition: DATA_COMPRESSION and
 * XML_COMPRESSION of the table's rows (heap or rowstore clustered index) and of each index or key
 * kept as it is, and IGNORE_DUP_KEY of each kept unique index or key. An entity re-created anyway carries its
 * new options in its CREATE, so it gets no step here.
 */
import type { DataCompression, Index, KeyConstraint, ServerFacts, Table } from '../model';
import { indexCompression, indexXmlCompression, supportsXmlCompression, tableCompression, tableXmlCompression, xmlCompressionDelta } from '../sqlserver/storage';
import { editionName, supportsSequentialKeyOption } from '../sqlserver/editions';
import { isXmlOrSpatial } from '../sqlserver/xml-spatial-indexes';
import { changedIndexOptions, indexOptionsOf } from '../sqlserver/index-options';
import { hazard, indexBuild as indexBuildHazard, mayHaveRows, qualified } from './hazards';
import type { Entity } from './entities';
import type { Forced } from './forced';
import type { EntityPairing } from './pair-entities';
import { step } from './step';
import type { PlanStep, RefusedChange, XmlCompressionChange } from './changes';
import { dataSpaceText, heapMoveKey, sameDataSpace } from '../sqlserver/data-spaces';
import type { NameKey } from '../sqlserver/names';
import { sameBucketCount } from '../sqlserver/memory-optimized';
import type { KeptTable, Planned, TablePair } from './table-pairs';

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

/** A DATA_COMPRESSION change, old -> new. */
type CompressionChange = { readonly from: DataCompression; readonly to: DataCompression };

/** The data and XML compression changes one rebuild makes; either may be null. */
type Compressions = { readonly data: CompressionChange | null; readonly xml: XmlCompressionChange | null };

/** What a rebuild changes, for messages: "DATA_COMPRESSION NONE -> PAGE and XML_COMPRESSION OFF -> ON". */
function compressionsText(c: Compressions): string {
  return [
    ...(c.data !== null ? [`DATA_COMPRESSION ${c.data.from} -> ${c.data.to}`] : []),
    ...(c.xml !== null ? [xmlCompressionDelta(c.xml)] : []),
  ].join(' and ');
}

/** `from -> to` when the two differ, else null. */
function delta<T extends DataCompression | boolean>(from: T, to: T): { readonly from: T; readonly to: T } | null {
  return from !== to ? { from, to } : null;
}

/** Whether a rebuild has anything to change. */
function anyChange(c: Compressions): boolean {
  return c.data !== null || c.xml !== null;
}

/**
 * FILLFACTOR / PAD_INDEX (a rebuild of the index) and the options ALTER INDEX ... SET changes at
 * once, of an index or key kept as it is, with its compression change when there is one: a
 * compression change and a fill-factor change of one index are one ALTER INDEX ... REBUILD
 * WITH (...), not two rebuilds. `compression` is left out of the result when no rebuild for the
 * options is needed (`merged` false): the caller then rebuilds for the compression alone.
 * Columnstore indexes have no options of these.
 */
function optionSteps(table: KeptTable, cur: Index | KeyConstraint, des: Index | KeyConstraint, compression: Compressions): { steps: PlanStep[]; merged: boolean } {
  const from = indexOptionsOf(cur);
  const to = indexOptionsOf(des);
  const out: PlanStep[] = [];
  const rebuild = changedIndexOptions(from, to, 'rebuild').length > 0;
  if (rebuild) {
    const what = `a new FILLFACTOR / PAD_INDEX${anyChange(compression) ? ` and ${compressionsText(compression)}` : ''}`;
    const hazards = des.clustered && mayHaveRows(table.current)
      ? [hazard('table-rebuild', `${qualified(table.newRef)} is rewritten to rebuild its clustered ${des.name} with ${what}`)]
      : indexBuildHazard(table.current, table.newRef, `${des.name} again with ${what}`);
    out.push(step({
      kind: 'rebuildIndexOptions', table: table.newRef, index: { name: des.name, clustered: des.clustered, ...offlineOnly(des) }, from, to,
      ...(compression.data !== null ? { compression: compression.data } : {}),
      ...(compression.xml !== null ? { xmlCompression: compression.xml } : {}),
    }, hazards));
  }
  if (changedIndexOptions(from, to, 'set').length > 0) out.push(step({ kind: 'setIndexOptions', table: table.newRef, index: des.name, from, to }));
  return { steps: out, merged: rebuild && anyChange(compression) };
}

/**
 * Whether this plan builds the table's rowstore clustered index or key (new, re-created or
 * redefined): its CREATE carries the table's DATA_COMPRESSION (tsql/clauses.ts storageOptions),
 * so the table needs no rebuild of its own for it.
 */
function clusteredBuilt(pairing: EntityPairing, forced: Forced): boolean {
  const rowstoreClustered = (e: Entity): boolean => {
    const o = indexLike(e);
    return o !== null && o.clustered && !('columnstore' in o && o.columnstore === true);
  };
  return pairing.missing.some(rowstoreClustered)
    || pairing.pairs.some((p) => rowstoreClustered(p.desired) && (p.changed || forced.has(p.current)));
}

/** The compression, IGNORE_DUP_KEY and index option steps of a kept table. */
export function storageSteps(table: KeptTable, pairing: EntityPairing, forced: Forced, key: NameKey): Planned {
  const steps: PlanStep[] = [];
  const { current, desired, newRef } = table;
  const rebuildHazard = (c: Compressions) => (mayHaveRows(current)
    ? [hazard('table-rebuild', `${qualified(newRef)} is rewritten, with every index on it, to change ${compressionsText(c)}`)] : []);
  // A clustered columnstore table has no rowstore compression of its own; its index carries it.
  const tableRebuilt = !hasColumnstoreClustered(current) && !hasColumnstoreClustered(desired) && !clusteredBuilt(pairing, forced);
  let tableChange: Compressions = {
    data: tableRebuilt ? delta(tableCompression(current), tableCompression(desired)) : null,
    xml: tableRebuilt ? delta(tableXmlCompression(current), tableXmlCompression(desired)) : null,
  };
  for (const pair of pairing.pairs) {
    if (pair.changed || forced.has(pair.current)) continue;
    const cur = indexLike(pair.current);
    const des = indexLike(pair.desired);
    if (cur === null || des === null) continue;
    const columnstore = 'columnstore' in des && des.columnstore === true;
    // A rowstore clustered index holds the table's rows: its compression is the table's.
    const holdsRows = des.clustered && !columnstore;
    const compression: Compressions = holdsRows ? tableChange : {
      data: delta(indexCompression(cur), indexCompression(des)),
      xml: delta(indexXmlCompression(cur), indexXmlCompression(des)),
    };
    const options = optionSteps(table, cur, des, compression);
    if (holdsRows && options.merged) tableChange = { data: null, xml: null };
    if (!holdsRows && anyChange(compression) && !options.merged) {
      steps.push(step({
        kind: 'rebuildCompression', table: newRef, index: { name: des.name, clustered: des.clustered, ...(columnstore ? { columnstore } : {}), ...offlineOnly(des) },
        from: indexCompression(cur), to: indexCompression(des), ...(compression.xml !== null ? { xml: compression.xml } : {}),
      }, des.clustered ? rebuildHazard(compression) : indexBuildHazard(current, newRef, `${des.name} again with ${compressionsText(compression)}`)));
    }
    // Both hash (a change of kind re-creates the index): SQL Server keeps the count rounded up to a power of two.
    if (cur.bucketCount !== undefined && des.bucketCount !== undefined && !sameBucketCount(cur.bucketCount, des.bucketCount)) {
      steps.push(step({ kind: 'alterBucketCount', table: newRef, index: des.name, from: cur.bucketCount, to: des.bucketCount }, indexBuildHazard(current, newRef, `hash index ${des.name} again with ${des.bucketCount} buckets`)));
    }
    if ((cur.ignoreDupKey ?? false) !== (des.ignoreDupKey ?? false)) {
      steps.push(step({ kind: 'setIgnoreDupKey', table: newRef, index: des.name, to: des.ignoreDupKey ?? false }));
    }
    steps.push(...options.steps);
  }
  if (anyChange(tableChange)) {
    steps.unshift(step({
      kind: 'rebuildCompression', table: newRef, index: null, from: tableCompression(current), to: tableCompression(desired),
      ...(tableChange.xml !== null ? { xml: tableChange.xml } : {}),
    }, rebuildHazard(tableChange)));
  }
  const moved = heapMove(table, key);
  return { steps: [...steps, ...moved.steps], skipped: moved.skipped };
}

/**
 * A heap's placement cannot change in place (only an index's can, by DROP_EXISTING): a transient
 * clustered index is built in the target place and dropped again, which leaves the rows there
 * (MoveHeap), rewriting the table and rebuilding its nonclustered indexes twice. A table with a
 * clustered index or key moves with it. Skipped, saying why, when no column can hold the index.
 */
function heapMove(table: KeptTable, key: NameKey): Planned {
  const { current, desired, newRef } = table;
  const clustered = (t: Table) => [...(t.primaryKey ? [t.primaryKey] : []), ...t.uniqueConstraints, ...t.indexes].some((o) => o.clustered);
  if (clustered(current) || clustered(desired) || current.memoryOptimized !== undefined || sameDataSpace(current.dataSpace, desired.dataSpace, key)) return { steps: [], skipped: [] };
  const column = heapMoveKey(current.columns, desired.dataSpace, key);
  if (column === null) {
    return { steps: [], skipped: [{
      table: newRef, objectType: 'table', name: newRef.name,
      reason: `the heap stays on ${dataSpaceText(current.dataSpace)}: SQL Server moves a heap to ${dataSpaceText(desired.dataSpace)} only by building a clustered index there, and no column of ${qualified(newRef)} can be its key`,
    }] };
  }
  const compression = tableCompression(current);
  const xml = tableXmlCompression(current);
  const hazards = mayHaveRows(current)
    ? [hazard('table-rebuild', `${qualified(newRef)} is rewritten on ${dataSpaceText(desired.dataSpace)}, and its nonclustered indexes rebuilt twice, to move the heap there`)] : [];
  return {
    steps: [step({
      kind: 'moveHeap', table: newRef, from: current.dataSpace ?? null, to: desired.dataSpace ?? null, key: column,
      ...(compression !== 'NONE' ? { compression } : {}), ...(xml ? { xmlCompression: true } : {}),
    }, hazards)],
    skipped: [],
  };
}

/**
 * An option a later SQL Server added, declared on a server without it: each table naming it is
 * refused, with the objects (`declaring`) that carry it, as SQL Server would refuse the option
 * itself. A catalog read from such a server never has the option, so every object that declares it
 * would be created or altered with it.
 */
function optionRefusals(
  tables: readonly TablePair[], server: ServerFacts | undefined, supported: boolean,
  option: { readonly sql: string; readonly property: string; readonly since: string }, declaring: (d: Table) => readonly string[],
): RefusedChange[] {
  if (supported || server === undefined) return [];
  return tables.flatMap((t) => {
    if (t.kind === 'dropped') return [];
    const objects = declaring(t.desired);
    if (objects.length === 0) return [];
    return [{
      table: { schema: t.desired.schema, name: t.desired.name },
      change: `${option.sql} = ON for ${objects.join(', ')}`,
      reason: `${editionName(server)} ${server.majorVersion} has no ${option.sql} (${option.since} or Azure SQL has it); remove ${option.property} or use a newer server`,
    }];
  });
}

/** A table's keys and indexes. */
const keysAndIndexes = (d: Table): (KeyConstraint | Index)[] => [...(d.primaryKey !== null ? [d.primaryKey] : []), ...d.uniqueConstraints, ...d.indexes];

/** XML_COMPRESSION before SQL Server 2022: the table itself (its heap or clustered index) and its keys and indexes. */
export function xmlCompressionRefusals(tables: readonly TablePair[], server: ServerFacts | undefined): RefusedChange[] {
  return optionRefusals(tables, server, supportsXmlCompression(server), { sql: 'XML_COMPRESSION', property: 'xmlCompression', since: 'SQL Server 2022' },
    (d) => [...(tableXmlCompression(d) ? [qualified({ schema: d.schema, name: d.name })] : []), ...keysAndIndexes(d).filter((o) => o.xmlCompression === true).map((o) => o.name)]);
}

/**
 * OPTIMIZE_FOR_SEQUENTIAL_KEY before SQL Server 2019 (the catalog reads it through INDEXPROPERTY,
 * NULL there, so as OFF): the keys and indexes that declare it.
 */
export function sequentialKeyRefusals(tables: readonly TablePair[], server: ServerFacts | undefined): RefusedChange[] {
  return optionRefusals(tables, server, supportsSequentialKeyOption(server), { sql: 'OPTIMIZE_FOR_SEQUENTIAL_KEY', property: 'optimizeForSequentialKey', since: 'SQL Server 2019' },
    (d) => keysAndIndexes(d).filter((o) => o.optimizeForSequentialKey === true).map((o) => o.name));
}
