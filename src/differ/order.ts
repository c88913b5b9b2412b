/**
 * Ordering: every change belongs to a phase, phases run in the order of PHASES (each with the
 * reason it sits where it does), and inside a phase steps are sorted by a total key so the
 * output is byte-for-byte stable whatever order the models listed things in.
 */
import { assertNever, type Change, type PlanStep } from './changes';
import { tableKey, type NameKey } from '../sqlserver/names';
import type { Table } from '../model';

/** The phases of a plan, in execution order. */
export const PHASES = [
  { phase: 'versioning-off', reason: 'SYSTEM_VERSIONING = OFF first: a versioned table cannot be dropped, nor some of its columns changed (change-schema), while versioning is on' },
  { phase: 'tracking-off', reason: 'DISABLE CHANGE_TRACKING before a tracked table\'s primary key is dropped (Msg 3735 otherwise), under the name the table has before renames' },
  { phase: 'drop-dependents', reason: 'schema-bound views and functions (and triggers of dropped tables) go before anything they bind changes' },
  { phase: 'drop-foreign-keys', reason: 'a foreign key blocks dropping or changing the key, column or table it references' },
  { phase: 'drop-constraints', reason: 'indexes, checks, defaults, UNIQUEs and PKs block dropping or altering their columns' },
  { phase: 'drop-columns', reason: 'columns go once nothing depends on them, before their table could be dropped' },
  { phase: 'drop-tables', reason: 'tables go once nothing references them' },
  { phase: 'drop-sequences', reason: 'after the tables and defaults that drew from them (Msg 3729 otherwise), before their schema' },
  { phase: 'create-schemas', reason: 'a table needs its schema, and a table moved to another schema needs it before the transfer' },
  { phase: 'transfers', reason: 'ALTER SCHEMA ... TRANSFER after drops (a freed name in the target schema can be taken) and once the target schema exists; before renames, which name the table in its new schema' },
  { phase: 'drop-schemas', reason: 'a schema can only be dropped once empty: after its tables and sequences are dropped and moved out' },
  { phase: 'renames', reason: 'after drops (a freed name can be taken) and before adds (which use the new names)' },
  { phase: 'create-types', reason: 'alias types (new or redefined: DROP then CREATE TYPE) exist before the tables and columns that use them' },
  { phase: 'sequences', reason: 'created and altered after their schema, before the tables and defaults that draw from them' },
  { phase: 'create-tables', reason: 'in foreign-key order (referenced first) though FKs are added last anyway' },
  { phase: 'add-columns', reason: 'new columns exist before they are filled, altered or constrained' },
  { phase: 'backfill', reason: 'NULLs are filled before a column becomes NOT NULL' },
  { phase: 'alter-columns', reason: 'after backfill, with their blocking constraints dropped earlier' },
  { phase: 'add-computed-columns', reason: 'a computed column reads other columns: added once those are added and altered' },
  { phase: 'add-defaults', reason: 'ALTER COLUMN has no DEFAULT clause; defaults attach to the final column' },
  { phase: 'add-checks', reason: 'checks (and re-validations) see the final columns and data' },
  { phase: 'clustered-indexes', reason: 'one clustered index per table, created before nonclustered ones so they are built once' },
  { phase: 'redefine-indexes', reason: 'CREATE INDEX ... WITH (DROP_EXISTING = ON) after the columns it names exist and after a new clustered index (so it is built once), before new keys and nonclustered indexes' },
  { phase: 'keys', reason: 'nonclustered PRIMARY KEY and UNIQUE constraints, which foreign keys reference' },
  { phase: 'nonclustered-indexes', reason: 'built after the clustered index so they are not rebuilt' },
  { phase: 'storage', reason: 'compression rebuilds and IGNORE_DUP_KEY run on the final indexes (a table rebuild after its clustered index exists)' },
  { phase: 'foreign-keys', reason: 'last: the referenced keys exist and FK cycles need every table first' },
  { phase: 'tracking-on', reason: 'ENABLE CHANGE_TRACKING once the table has its final primary key (Msg 4997 without one) and name' },
  { phase: 'versioning-on', reason: 'SYSTEM_VERSIONING = ON (and retention changes) once the table, its period and its history table have their final columns' },
  { phase: 'drop-types', reason: 'after every column that used the alias type is dropped or altered to another type (DROP TYPE fails while one does, Msg 3732)' },
  { phase: 'descriptions', reason: 'metadata only: documents tables and columns under their final names, once everything exists' },
  { phase: 'create-dependents', reason: 'views and functions are re-created over the final tables' },
  { phase: 'refresh-dependents', reason: 'last: modules that are not schema-bound are refreshed over the final tables and the re-created modules, bases first' },
] as const;

/** A phase name. */
export type Phase = (typeof PHASES)[number]['phase'];

const PHASE_INDEX = new Map<Phase, number>(PHASES.map((p, i) => [p.phase, i]));

function clusteredPhase(clustered: boolean, otherwise: Phase): Phase {
  return clustered ? 'clustered-indexes' : otherwise;
}

/** The phase a change runs in. */
export function phaseOf(change: Change): Phase {
  switch (change.kind) {
    // An edge constraint names node tables as a foreign key names its target: dropped first, added last.
    case 'dropForeignKey': case 'dropEdgeConstraint': return 'drop-foreign-keys';
    case 'dropIndex': case 'dropCheck': case 'dropDefault': case 'dropUnique': case 'dropPrimaryKey': return 'drop-constraints';
    case 'dropColumn': return 'drop-columns';
    case 'dropTable': return 'drop-tables';
    case 'dropSchema': return 'drop-schemas';
    case 'renameTable': case 'renameColumn': case 'renameConstraint': return 'renames';
    case 'transferTable': return 'transfers';
    case 'createSchema': return 'create-schemas';
    case 'createTable': return 'create-tables';
    case 'createType': case 'redefineType': return 'create-types';
    case 'dropType': return 'drop-types';
    case 'addColumn': return change.column.computed === null ? 'add-columns' : 'add-computed-columns';
    case 'backfillColumn': return 'backfill';
    case 'alterColumn': return 'alter-columns';
    case 'addDefault': return 'add-defaults';
    case 'addCheck': case 'revalidateConstraint': case 'untrustConstraint': case 'disableConstraint': case 'enableConstraint': return 'add-checks';
    case 'createIndex': return clusteredPhase(change.index.clustered, 'nonclustered-indexes');
    // With the clustered indexes: before new nonclustered ones, which the move would rebuild twice.
    case 'moveHeap': return 'clustered-indexes';
    case 'addPrimaryKey': case 'addUnique': return clusteredPhase(change.constraint.clustered, 'keys');
    case 'addForeignKey': case 'addEdgeConstraint': return 'foreign-keys';
    case 'redefineIndex': return 'redefine-indexes';
    // After the defaults drawing from it are dropped, before they are added back.
    case 'dropSequence': case 'recreateSequence': return 'drop-sequences';
    case 'createSequence': case 'alterSequence': return 'sequences';
    case 'rebuildCompression': case 'setIgnoreDupKey': case 'rebuildIndexOptions': case 'setIndexOptions': case 'alterBucketCount': case 'setLockEscalation': return 'storage';
    case 'disableChangeTracking': return 'tracking-off';
    case 'enableChangeTracking': return 'tracking-on';
    // Beside ALTER COLUMN: DROP SPARSE before it (a sparse column cannot become NOT NULL), ADD SPARSE after.
    case 'setSparse': return 'alter-columns';
    // An identity's flag, beside its column's other ALTER COLUMNs (nothing depends on it).
    case 'setNotForReplication': return 'alter-columns';
    // Beside ALTER COLUMN: DROP ROWGUIDCOL before it (SQL Server refuses to alter the ROWGUIDCOL), ADD after.
    case 'setRowGuidCol': return 'alter-columns';
    // Beside ALTER COLUMN: a mask is dropped before the column is altered and added after.
    case 'setMask': return 'alter-columns';
    case 'setDescription': return 'descriptions';
    case 'disableVersioning': return 'versioning-off';
    case 'enableVersioning': case 'alterRetention': return 'versioning-on';
    case 'addPeriod': return 'add-columns';
    case 'dropPeriod': return 'drop-columns';
    case 'alterPeriodHidden': return 'alter-columns';
    case 'dropModule': case 'dropSecurityPolicy': return 'drop-dependents';
    case 'createModule': case 'createSecurityPolicy': return 'create-dependents';
    case 'refreshModule': return 'refresh-dependents';
    // Placed by statistics.ts around the steps they are in the way of, not by phase.
    case 'dropStatistics': return 'drop-constraints';
    case 'createStatistics': return 'nonclustered-indexes';
    // Placed by bindings.ts around the steps they are in the way of, not by phase.
    case 'unbindColumn': return 'drop-constraints';
    case 'bindColumn': return 'nonclustered-indexes';
    case 'unbindType': return 'drop-constraints';
    case 'bindType': return 'nonclustered-indexes';
    default: return assertNever(change, 'change kind');
  }
}

type SortKey = readonly (string | number)[];

/** Schema, table, a rank inside the phase, and the object's name. */
function keyInPhase(change: Change): SortKey {
  switch (change.kind) {
    case 'createSchema': case 'dropSchema': return [change.schema, '', 0, ''];
    case 'createType': case 'dropType': return [change.type.schema, change.type.name, 0, ''];
    case 'redefineType': return [change.to.schema, change.to.name, 0, ''];
    case 'createTable': case 'dropTable': return [change.table.schema, change.table.name, 0, ''];
    // Inside `renames`: the table first, its columns next, constraints last (they name the new table).
    case 'renameTable': return [change.schema, change.to, 0, change.to];
    case 'transferTable': return [change.to, change.name, 0, change.from];
    case 'renameColumn': return [change.table.schema, change.table.name, 1, change.to];
    case 'renameConstraint': return [change.table.schema, change.table.name, 2, change.to];
    case 'addColumn': case 'dropColumn': return [change.table.schema, change.table.name, 0, change.column.name];
    case 'alterColumn': return [change.table.schema, change.table.name, 0, change.to.name];
    case 'backfillColumn': return [change.table.schema, change.table.name, 0, change.column];
    case 'revalidateConstraint': case 'untrustConstraint': case 'disableConstraint': case 'enableConstraint': return [change.table.schema, change.table.name, 1, change.name];
    case 'addDefault': case 'dropDefault': case 'addCheck': case 'dropCheck': case 'addForeignKey': case 'dropForeignKey':
      return [change.table.schema, change.table.name, 0, change.constraint.name];
    case 'addEdgeConstraint': case 'dropEdgeConstraint': return [change.table.schema, change.table.name, 1, change.constraint.name];
    // Dropping: nonclustered before clustered, so nonclustered indexes are not rebuilt over a heap.
    case 'dropPrimaryKey': case 'dropUnique':
      return [change.table.schema, change.table.name, change.constraint.clustered ? 1 : 0, change.constraint.name];
    // A secondary XML index before its primary (which would take it along: the plan names each drop).
    case 'dropIndex': return [change.table.schema, change.table.name, change.index.clustered ? 1 : change.index.xml?.kind === 'secondary' ? -1 : 0, change.index.name];
    // In `keys`: the primary key before UNIQUE constraints.
    case 'addPrimaryKey': return [change.table.schema, change.table.name, 0, change.constraint.name];
    case 'addUnique': return [change.table.schema, change.table.name, 1, change.constraint.name];
    // A secondary XML index after the primary XML index it is built over.
    case 'createIndex': return [change.table.schema, change.table.name, change.index.xml?.kind === 'secondary' ? 2.5 : 2, change.index.name];
    // A clustered index first: re-defining it rebuilds the nonclustered ones anyway.
    case 'redefineIndex': return [change.table.schema, change.table.name, change.to.clustered ? 0 : 1, change.to.name];
    case 'createSequence': case 'dropSequence': return [change.sequence.schema, change.sequence.name, 0, ''];
    case 'alterSequence': case 'recreateSequence': return [change.to.schema, change.to.name, 0, ''];
    // The table's rows first (a heap rebuild rebuilds its nonclustered indexes anyway).
    case 'rebuildCompression': return [change.table.schema, change.table.name, change.index === null ? 0 : 1, change.index?.name ?? ''];
    case 'setIgnoreDupKey': case 'alterBucketCount': return [change.table.schema, change.table.name, 2, change.index];
    case 'rebuildIndexOptions': return [change.table.schema, change.table.name, change.index.clustered ? 3 : 4, change.index.name];
    case 'setIndexOptions': return [change.table.schema, change.table.name, 5, change.index];
    case 'setLockEscalation': return [change.table.schema, change.table.name, 6, ''];
    case 'enableChangeTracking': case 'disableChangeTracking': return [change.table.schema, change.table.name, 0, ''];
    case 'moveHeap': return [change.table.schema, change.table.name, 0, ''];
    case 'setSparse': return [change.table.schema, change.table.name, change.sparse ? 1 : -1, change.column];
    case 'setNotForReplication': return [change.table.schema, change.table.name, 1, change.column];
    case 'setRowGuidCol': return [change.table.schema, change.table.name, change.rowguidcol ? 1 : -1, change.column];
    case 'setMask': return [change.table.schema, change.table.name, change.to === null ? -1 : 1, change.column];
    // The table's own description before its columns'.
    case 'setDescription': return [change.table.schema, change.table.name, change.column === null ? 0 : 1, change.column ?? ''];
    case 'addPeriod': case 'dropPeriod': return [change.table.schema, change.table.name, 1, change.start.name];
    case 'enableVersioning': case 'disableVersioning': case 'alterRetention': return [change.table.schema, change.table.name, 0, ''];
    case 'alterPeriodHidden': return [change.table.schema, change.table.name, 1, change.column];
    // Modules keep the order dependents.ts gives them (dependents of dependents first when dropping).
    case 'dropModule': case 'createModule': case 'refreshModule': return ['', '', 0, ''];
    case 'dropSecurityPolicy': case 'createSecurityPolicy': return ['', '', 0, ''];
    case 'dropStatistics': case 'createStatistics': return [change.table.schema, change.table.name, 3, change.statistics.name];
    case 'unbindColumn': case 'bindColumn': return [change.table.schema, change.table.name, 4, change.column];
    case 'unbindType': case 'bindType': return [change.type.schema, change.type.name, 4, change.what];
    default: return assertNever(change, 'change kind');
  }
}

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return a.length - b.length;
}

/** A min-heap of strings (plain code-unit order), for a stable topological sort. */
class MinHeap {
  private readonly items: string[] = [];
  get size(): number { return this.items.length; }
  push(x: string): void {
    const a = this.items; a.push(x);
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if ((a[p] as string) <= x) break;
      a[i] = a[p] as string; a[p] = x; i = p;
    }
  }
  pop(): string {
    const a = this.items; const top = a[0] as string; const last = a.pop() as string;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1; const r = l + 1; let m = i;
        if (l < a.length && (a[l] as string) < (a[m] as string)) m = l;
        if (r < a.length && (a[r] as string) < (a[m] as string)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m] as string, a[i] as string]; i = m;
      }
    }
    return top;
  }
}

/**
 * Topological order of new tables by foreign key (referenced tables first), ties by name;
 * a cycle is broken by taking its smallest name first (FKs are added after every table
 * exists, so any order is valid: this one is just stable). Returns each table key's rank.
 */
export function createTableOrder(tables: readonly Table[], key: NameKey): Map<string, number> {
  const keys = new Set(tables.map((t) => tableKey(key, t.schema, t.name)));
  const waitingOn = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const t of tables) {
    const k = tableKey(key, t.schema, t.name);
    const deps = new Set(t.foreignKeys.map((fk) => tableKey(key, fk.referencedSchema, fk.referencedTable)).filter((d) => d !== k && keys.has(d)));
    waitingOn.set(k, deps.size);
    for (const d of deps) {
      const list = dependents.get(d);
      if (list === undefined) dependents.set(d, [k]); else list.push(k);
    }
  }
  const ready = new MinHeap();
  for (const [k, n] of waitingOn) if (n === 0) ready.push(k);
  const remaining = [...keys].sort();
  const rank = new Map<string, number>();
  let cursor = 0;
  while (rank.size < keys.size) {
    let next: string | undefined;
    while (ready.size > 0 && next === undefined) { const k = ready.pop(); if (!rank.has(k)) next = k; }
    if (next === undefined) {
      // Only cycles remain: take the smallest name not yet placed.
      while (rank.has(remaining[cursor] as string)) cursor++;
      next = remaining[cursor] as string;
    }
    rank.set(next, rank.size);
    for (const d of dependents.get(next) ?? []) {
      const n = (waitingOn.get(d) ?? 0) - 1;
      waitingOn.set(d, n);
      if (n === 0 && !rank.has(d)) ready.push(d);
    }
  }
  return rank;
}

/** Sorts steps by phase, then (for new tables) FK rank, then the total key of each change. */
export function orderSteps(steps: readonly PlanStep[], createRank: Map<string, number>, key: NameKey = (n) => n): PlanStep[] {
  const keyed = steps.map((s) => {
    const phase = PHASE_INDEX.get(phaseOf(s.change)) as number;
    const rank = s.change.kind === 'createTable' ? createRank.get(tableKey(key, s.change.table.schema, s.change.table.name)) ?? 0 : 0;
    return { s, k: [phase, rank, ...keyInPhase(s.change)] as SortKey };
  });
  keyed.sort((a, b) => compareKeys(a.k, b.k));
  return keyed.map((x) => x.s);
}
