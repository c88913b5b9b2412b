/**
 * diff(desired, current): the smallest ordered set of changes that takes `current` to
 * `desired`, each step with its hazards and inverse. Works on models only; linear in tables.
 *
 * The passes, in data-flow order: pair tables -> pair columns (declared renames) -> pair
 * entities under those renames -> plan columns (which forces blocking entities out) -> cascade
 * to foreign keys whose referenced key or columns change -> steps per table -> order.
 */
import { defaultFilegroup, withoutDefaultPlacement } from '../sqlserver/data-spaces';
import { cascadeForeignKeys, clusteredRule, droppedPairing, type EntityState } from './diff-entities';
import { pairEntities, type SystemNames } from './pair-entities';
import { renameWarnings, swapWarning } from './rename-warnings';
import { sequenceRenameSteps } from './rename-order';
import { diffSequences, sequenceForced } from './diff-sequences';
import { diffDescriptions } from './diff-descriptions';
import { diffColumns, pairColumns, type ColumnPairing, type ColumnPlan } from './diff-columns';
import { extraEntitySteps, keptEntitySteps } from './entity-steps';
import { sequentialKeyRefusals, storageSteps, xmlCompressionRefusals } from './diff-storage';
import { lockEscalationSteps } from './diff-lock-escalation';
import { cdcColumnWarning, changeTrackingSteps, guardCdcTables } from './diff-change-tracking';
import { mergeForced, NOTHING_FORCED, type Forced } from './forced';
import type { NameMap } from './entities';
import { hazard, itsRowsText, mayHaveRows, qualified } from './hazards';
import { createTableOrder, orderSteps } from './order';
import { isBuiltinSchema, nameKeyFor, SCHEMAC_SCHEMA, tableKey, type NameKey } from '../sqlserver/names';
import { NOT_DECLARED } from './skip-reasons';
import { claimedHistoryTables, diffTemporal, withoutPeriodColumns, wrapVersionedChanges } from './diff-temporal';
import { step } from './step';
import { planForProduction, type ProductionOptions } from './lock-impact';
import { refuseOpaqueTouches } from './opaque-guard';
import { refuseBlockedTransfers } from './transfer-guard';
import { planAroundDependents } from './dependents';
import { planModuleRefreshes } from './refresh-modules';
import { planAroundSecurityPolicies, refuseSecurityPolicyTouches } from './security-policies';
import { planAroundStatistics } from './statistics';
import { planAroundBindings } from './bindings';
import { synonymHazards } from './synonyms';
import { planMemoryOptimized } from './memory-optimized';
import { schemaScope } from './managed-schemas';
import {
  concatPlanned, nameMapFor, pairTables,
  type AddedTable, type DiffContext, type DroppedTable, type ExistingTable, type KeptTable, type Planned, type Renames,
} from './table-pairs';
import type { Plan, PlanStep, PlanWarning, RefusedChange, SkippedObject, TableRef } from './changes';
import type { Column, Database, Table } from '../model';
import { dropAliasTypes, droppedColumns, planAliasTypes } from './diff-alias-types';
import { refuseUnmanagedReferences } from './unmanaged-references';
import { xmlSpatialForced } from './xml-spatial-dependents';
import { diffEdgeConstraints, edgeConstraintServerRefusals, graphKindRefusals } from './diff-graph';
import { guardLedgerTables, keepLedgerSchemas, ledgerRefusals, ledgerServerRefusals } from './ledger';

/** Options of a diff. */
export interface DiffOptions {
  /** Online builds, batched backfills and lock impact (lock-impact.ts); defaults when absent. */
  readonly production?: ProductionOptions;
  /** Drop tables, columns, constraints and schemas the schema does not declare. */
  readonly allowDrop: boolean;
  /**
   * Constraints and indexes SQL Server named: 'adopt' renames them to the schema's names
   * (sp_rename; the default), 'keep' leaves their names as they are (what `pull` projects use,
   * since system names differ from one database to the next).
   */
  readonly systemNames?: SystemNames;
  /**
   * The schemas this plan manages (compared as the collation compares names; the desired tables'
   * schemas always count). Current tables, constraints and schemas elsewhere are left out of the
   * plan entirely, even with allowDrop. Absent: every schema.
   */
  readonly managedSchemas?: readonly string[];
}

/** The plan that takes `current` to `desired`. Names compare as current.collation does. */
export function diff(declared: Database, current: Database, options: DiffOptions): Plan {
  const key = nameKeyFor(current.collation);
  // A placement on the database's default filegroup is spelled as the catalog spells it: absent.
  const desired = withoutDefaultPlacement(declared, defaultFilegroup(current), key);
  const inScope = schemaScope(options.managedSchemas, desired, key);
  const first = planTables(desired, current, options, key, inScope);
  // Alias types: a redefinition SQL Server would refuse (columns still use the type) keeps the
  // current definition, and the tables are planned again against that.
  const types = planAliasTypes(desired, current, key, droppedColumns(first.all.steps, key));
  const tablesPlan = types.desired === desired ? first : planTables(types.desired, current, options, key, inScope);
  const skippedHere = skippedColumns(tablesPlan.all.skipped, key);
  const drops = dropAliasTypes(types.desired, current, key, options.allowDrop, inScope, (t, c) => !inScope(t.schema) || skippedHere(t, c));
  const all = concatPlanned([tablesPlan.all, { steps: types.steps, skipped: [] }, drops]);
  // Moves to another schema SQL Server would refuse (a name clash, a versioned table) first: what depends on them goes with them.
  const moves = refuseBlockedTransfers(sequenceRenameSteps(orderSteps(all.steps, tablesPlan.order, key), key), current, key);
  // A CDC table re-created by copy would lose its capture instances: refused by name.
  const cdc = guardCdcTables(moves.steps, current, key);
  const opaqueGuarded = refuseOpaqueTouches(cdc.steps, current, key);
  // Foreign keys from unmanaged schemas into managed tables are never dropped: what they block is refused.
  const referenced = refuseUnmanagedReferences(opaqueGuarded.steps, current, key, inScope);
  // What SQL Server refuses on ledger tables is refused by name, the rest of the plan kept (ledger.ts).
  const ledger = guardLedgerTables(keepLedgerSchemas(referenced.steps, key), tablesPlan.tables, key);
  // Row-level security policies refuse what they make impossible (before modules are planned around it).
  const policyGuarded = refuseSecurityPolicyTouches(ledger.steps, current, key);
  const guarded = { steps: policyGuarded.steps, refused: [...opaqueGuarded.refused, ...referenced.refused, ...ledger.refused, ...policyGuarded.refused] };
  // Views, procedures, functions and triggers over what the plan changes: hazards, rebuilds, refusals;
  // then the policies that bind what is altered or re-created, dropped first and re-created last.
  const dependents = planAroundDependents(guarded.steps, current, key);
  const around = { steps: planAroundSecurityPolicies(dependents.steps, current, key), refused: dependents.refused };
  const refused = [...graphKindRefusals(tablesPlan.tables), ...ledgerRefusals(tablesPlan.tables, key), ...ledgerServerRefusals(tablesPlan.tables, current.server), ...xmlCompressionRefusals(tablesPlan.tables, current.server), ...sequentialKeyRefusals(tablesPlan.tables, current.server), ...edgeConstraintServerRefusals(tablesPlan.tables, current.server), ...tablesPlan.refused, ...cdc.refused, ...types.refused, ...drops.refused, ...moves.refused, ...guarded.refused, ...around.refused];
  // CREATE STATISTICS statistics over what the plan alters or drops: dropped and re-created around it,
  // and bound defaults and rules (CREATE DEFAULT / CREATE RULE) unbound and bound again around it;
  // last, the modules that are not schema-bound, refreshed over the final tables; synonyms over a
  // dropped or renamed table get a hazard naming them.
  const withStatistics = planAroundBindings(planAroundStatistics(around.steps, current, key), current, key);
  // Steps on memory-optimized tables last, to run outside the transaction (memory-optimized.ts).
  const memory = planMemoryOptimized(synonymHazards(planModuleRefreshes(withStatistics, current, key), current, key), desired, current, key);
  const steps = memory.steps;
  refused.push(...memory.refused);
  return planForProduction({
    steps, skipped: sortSkipped(all.skipped), collation: current.collation,
    warnings: [...renameWarnings(tablesPlan.tables, tablesPlan.currentTables, key), ...tablesPlan.tableWarnings, ...cdc.warnings],
    ...(refused.length > 0 ? { refused } : {}),
  }, current, options.production);
}

/** The table and schema steps of a plan (alias types aside), before ordering. */
interface TablesPlan {
  readonly all: Planned;
  readonly order: Map<string, number>;
  readonly tables: ReturnType<typeof pairTables>;
  readonly currentTables: readonly Table[];
  /** Declared swaps the differ cannot decide (equal definitions), and CDC tables whose columns change. */
  readonly tableWarnings: readonly PlanWarning[];
  /** Column changes SQL Server cannot make (diff-columns.ts). */
  readonly refused: readonly RefusedChange[];
}

function planTables(desired: Database, current: Database, options: DiffOptions, key: NameKey, inScope: (schema: string) => boolean): TablesPlan {
  const managed = (t: Table) => key(t.schema) !== key(SCHEMAC_SCHEMA);
  const desiredTables = desired.tables.filter(managed);
  // A history table a versioned table names belongs to that table's definition (diff-temporal.ts).
  const histories = claimedHistoryTables(desiredTables, key);
  // A table moved out of a schema the plan does not manage is still this plan's to move; the
  // rest of that schema stays out of the plan (and the schema is never dropped).
  const moving = movedSources(desiredTables, current, key, inScope);
  const currentTables = current.tables.filter((t) => managed(t) && (inScope(t.schema) || moving.has(tableKey(key, t.schema, t.name))) && !histories.has(tableKey(key, t.schema, t.name)));
  // Asked once per table that turns system versioning on: a set, built on the first question, keeps that linear.
  let currentKeys: Set<string> | undefined;
  const exists = (schema: string, name: string): boolean =>
    (currentKeys ??= new Set(current.tables.map((t) => tableKey(key, t.schema, t.name)))).has(tableKey(key, schema, name));
  const ctx: DiffContext = { key, allowDrop: options.allowDrop, collation: current.collation, systemNames: options.systemNames ?? 'adopt' };

  const sequences = diffSequences(desired, current, key, options.allowDrop, inScope);
  const tables = pairTables(desiredTables, currentTables, key);
  const withColumns = tables.flatMap((t) => (t.kind === 'kept' ? [{ table: t, columns: pairColumns(withoutPeriodColumns(t, key), ctx) }] : []));
  const renames = renameIndex(withColumns, key);
  const nameMap = (t: ExistingTable) => nameMapFor(t, renames, key);

  const kept = withColumns.map(({ table, columns }): KeptState => {
    const columnPlan = diffColumns(withoutPeriodColumns(table, key), columns, ctx);
    const paired = pairEntities(table, nameMap(table), key, ctx.systemNames);
    // A default added inside its column's ADD is not added again.
    const pairing = { ...paired, missing: paired.missing.filter((e) => !(e.kind === 'default' && columnPlan.inlineDefaults.has(e.object))) };
    const descriptions = diffDescriptions(table, columns, columnPlan.steps, ctx);
    return { table, pairing, columnPlan, descriptions, forced: mergeForced(clusteredRule(table, pairing), columnPlan.forced), touched: columnPlan.touched };
  });
  const dropped = tables.filter((t): t is DroppedTable => t.kind === 'dropped').map((table): DroppedState => (
    { table, pairing: droppedPairing(table.current), forced: NOTHING_FORCED, touched: new Set() }
  ));
  const byCurrentKey = new Map([...kept, ...dropped].map((s) => [tableKey(key, s.table.current.schema, s.table.current.name), s] as const));
  const cascaded = cascadeForeignKeys([...kept, ...dropped], (schema, name) => byCurrentKey.get(tableKey(key, schema, name)), ctx);
  const baseForced = (s: EntityState) => mergeForced(s.forced, cascaded.get(s) ?? NOTHING_FORCED, sequenceForced(s.table.current, sequences.recreated, key));
  // XML and spatial indexes go (and come back) with the clustered primary key or primary XML index they hang off.
  const forcedOf = (s: EntityState) => {
    const base = baseForced(s);
    return mergeForced(base, xmlSpatialForced({ ...s, forced: base }, base, ctx));
  };

  const created = tables.filter((t): t is AddedTable => t.kind === 'added');
  const cdcWarnings: PlanWarning[] = [];
  const planned = [
    ...created.map(createTable),
    ...kept.map((s) => {
      const body = concatPlanned([
        moveTable(s.table, key), s.columnPlan, keptEntitySteps(s.table, s.pairing, forcedOf(s), nameMap(s.table), ctx),
        storageSteps(s.table, s.pairing, forcedOf(s), key), lockEscalationSteps(s.table),
        { steps: s.descriptions, skipped: [] }, diffTemporal(s.table, ctx, exists), diffEdgeConstraints(s.table, nameMap(s.table), ctx),
      ]);
      const cdc = cdcColumnWarning(s.table, body.steps);
      if (cdc !== null) cdcWarnings.push(cdc);
      // Change tracking last: it wraps a primary key the steps above drop and re-create.
      return wrapVersionedChanges(s.table, concatPlanned([body, changeTrackingSteps(s.table, body.steps)]), ctx);
    }),
    ...dropped.map((s) => (ctx.allowDrop ? dropTable(s.table) : skipTable(s, forcedOf(s), nameMap(s.table), ctx))),
  ];
  const all = concatPlanned([...planned, sequences.planned, diffSchemas(desired, current, desiredTables, currentTables, ctx, inScope)]);
  const tableWarnings = [...withColumns.flatMap(({ table, columns }) => columns.undecidable.map((names) => swapWarning(table.newRef, 'columns', names))), ...cdcWarnings];
  const refused = kept.flatMap((s) => s.columnPlan.refused);
  return { all, order: createTableOrder(created.map((t) => t.desired), key), tables, currentTables, tableWarnings, refused };
}

/** Whether a current column stays as it is because the plan skips it (or its whole table). */
function skippedColumns(skipped: readonly SkippedObject[], key: NameKey): (t: Table, c: Column) => boolean {
  const tables = new Set(skipped.filter((s) => s.objectType === 'table').map((s) => tableKey(key, s.table.schema, s.table.name)));
  const columns = new Set(skipped.filter((s) => s.objectType === 'column').map((s) => `${tableKey(key, s.table.schema, s.table.name)}.${key(s.name)}`));
  return (t, c) => tables.has(tableKey(key, t.schema, t.name)) || columns.has(`${tableKey(key, t.schema, t.name)}.${key(c.name)}`);
}

/** An existing kept table's state, with its planned column changes. */
interface KeptState extends EntityState {
  readonly table: KeptTable;
  readonly columnPlan: ColumnPlan;
  /** Its description steps and its columns' (diff-descriptions.ts). */
  readonly descriptions: readonly PlanStep[];
}

/** A table only the database has, with its entities (all undeclared). */
interface DroppedState extends EntityState {
  readonly table: DroppedTable;
}

/** Current table key -> the table's new name and column renames, for every kept table. */
function renameIndex(kept: ReadonlyArray<{ table: KeptTable; columns: ColumnPairing }>, key: NameKey): Renames {
  return new Map(kept.map(({ table, columns }) => [
    tableKey(key, table.current.schema, table.current.name), { ref: table.newRef, columns: columns.names },
  ] as const));
}

/** A table the schema does not declare, without --allow-drop: listed, its forced drops still planned. */
function skipTable(s: DroppedState, forced: Forced, map: NameMap, ctx: DiffContext): Planned {
  const { ref } = s.table;
  const extras = extraEntitySteps(s.table, s.pairing.extras, forced, map, ctx);
  return { steps: extras.steps, skipped: [{ table: ref, objectType: 'table', name: ref.name, reason: NOT_DECLARED }, ...extras.skipped] };
}

/**
 * Current tables in schemas outside the plan's scope that a desired table declares it is moved
 * from (renamedFrom 'schema.table'), while the move is still to make (the new name is absent).
 */
function movedSources(desired: readonly Table[], current: Database, key: NameKey, inScope: (schema: string) => boolean): Set<string> {
  const out = new Set<string>();
  let have: Set<string> | undefined;
  for (const d of desired) {
    if (d.renamedFromSchema === undefined || d.renamedFrom === undefined || inScope(d.renamedFromSchema)) continue;
    have ??= new Set(current.tables.map((t) => tableKey(key, t.schema, t.name)));
    if (!have.has(tableKey(key, d.schema, d.name))) out.add(tableKey(key, d.renamedFromSchema, d.renamedFrom));
  }
  return out;
}

/**
 * A kept table's new name: ALTER SCHEMA ... TRANSFER to its new schema (under its old name),
 * then sp_rename there; the down script runs the inverses the other way round. A transfer
 * drops the permissions granted on the table, in both directions.
 */
function moveTable(t: KeptTable, key: NameKey): Planned {
  const steps: PlanStep[] = [];
  if (key(t.oldRef.schema) !== key(t.newRef.schema)) {
    const permissions = t.current.permissions;
    if (permissions !== undefined) {
      // Read: granted again after the move (and after the move back), under the names the table
      // and its columns have then (transfers run before every rename, and after them going down).
      steps.push(step({ kind: 'transferTable', name: t.oldRef.name, from: t.oldRef.schema, to: t.newRef.schema, permissions }));
    } else {
      const moved = step({ kind: 'transferTable', name: t.oldRef.name, from: t.oldRef.schema, to: t.newRef.schema }, [hazard('permissions-dropped', transferPermissions(t.oldRef, t.newRef.schema))]);
      steps.push({ ...moved, downHazards: [hazard('permissions-dropped', transferPermissions({ schema: t.newRef.schema, name: t.oldRef.name }, t.oldRef.schema))] });
    }
  }
  if (key(t.oldRef.name) !== key(t.newRef.name)) steps.push(step({ kind: 'renameTable', schema: t.newRef.schema, from: t.oldRef.name, to: t.newRef.name }));
  return { steps, skipped: [] };
}

/** The permissions-dropped hazard of moving `from` to schema `to`, when its permissions were not read (an older snapshot). */
function transferPermissions(from: TableRef, to: string): string {
  // "All permissions associated with the securable will be dropped when the securable is moved
  // to the new schema." https://learn.microsoft.com/sql/t-sql/statements/alter-schema-transact-sql
  return `moving ${qualified(from)} to schema ${to} drops every permission granted on it (GRANT and DENY on the table and its columns); this catalog snapshot does not list them (it predates schemac reading them): grant them again on ${to}.${from.name}`;
}

/**
 * The table as CREATE/DROP TABLE carries it: indexes, foreign keys and edge constraints are
 * separate steps, except a memory-optimized table's indexes, which its CREATE TABLE holds (it
 * needs one to exist).
 */
function tableBody(t: Table): Table {
  const { edgeConstraints: _edges, ...rest } = t;
  return { ...rest, indexes: t.memoryOptimized !== undefined ? t.indexes : [], foreignKeys: [] };
}

/** The indexes a table's own steps create or drop: none of a memory-optimized table (they are in its body). */
function separateIndexes(t: Table): readonly Table['indexes'][number][] {
  return t.memoryOptimized !== undefined ? [] : t.indexes;
}

function createTable(w: AddedTable): Planned {
  const t = w.desired;
  return {
    steps: [
      step({ kind: 'createTable', table: tableBody(t) }),
      ...separateIndexes(t).map((index) => step({ kind: 'createIndex', table: w.ref, index })),
      ...t.foreignKeys.map((constraint) => step({ kind: 'addForeignKey', table: w.ref, constraint })),
      // Added with the foreign keys, once every node table they name exists.
      ...(t.edgeConstraints ?? []).map((constraint) => step({ kind: 'addEdgeConstraint', table: w.ref, constraint })),
    ],
    skipped: [],
  };
}

/** DROP TABLE, after its foreign keys and indexes (so the down script rebuilds them too). */
function dropTable(w: DroppedTable): Planned {
  const t = w.current;
  return {
    steps: [
      ...t.foreignKeys.map((constraint) => step({ kind: 'dropForeignKey', table: w.ref, constraint })),
      ...(t.edgeConstraints ?? []).map((constraint) => step({ kind: 'dropEdgeConstraint', table: w.ref, constraint })),
      ...separateIndexes(t).map((index) => step({ kind: 'dropIndex', table: w.ref, index })),
      step({ kind: 'dropTable', table: tableBody(t) }, mayHaveRows(t) ? [hazard('data-loss', `drops table ${qualified(w.ref)} and ${itsRowsText(t)}`)] : []),
    ],
    skipped: [],
  };
}

function schemaSet(db: Database, tables: readonly Table[], key: NameKey): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of [...db.schemas, ...tables.map((t) => t.schema)]) {
    if (key(s) !== key(SCHEMAC_SCHEMA) && !out.has(key(s))) out.set(key(s), s);
  }
  return out;
}

function diffSchemas(
  desired: Database, current: Database, desiredTables: readonly Table[], currentTables: readonly Table[], ctx: DiffContext, inScope: (schema: string) => boolean,
): Planned {
  const want = schemaSet(desired, desiredTables, ctx.key);
  const have = schemaSet(current, currentTables, ctx.key);
  const steps: PlanStep[] = [];
  const skipped: SkippedObject[] = [];
  for (const [k, schema] of want) if (!have.has(k)) steps.push(step({ kind: 'createSchema', schema }));
  for (const [k, schema] of have) {
    if (want.has(k) || isBuiltinSchema(k) || !inScope(schema)) continue;
    if (ctx.allowDrop) steps.push(step({ kind: 'dropSchema', schema }));
    else skipped.push({ table: { schema, name: '' }, objectType: 'schema', name: schema, reason: NOT_DECLARED });
  }
  return { steps, skipped };
}

function sortSkipped(skipped: readonly SkippedObject[]): SkippedObject[] {
  const k = (s: SkippedObject) => [s.table.schema, s.table.name, s.objectType, s.name].join('\u0000');
  return [...skipped].sort((a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0));
}
