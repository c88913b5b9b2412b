/**
 * diff(desired, current): the smallest ordered set of changes that takes `current` to
 * `desired`, each step with its hazards and inverse. Works on models only; linear in tables.
 */
import { cascadeForeignKeys, finalizeEntities, finalizeExtras, pairEntities } from './diff-entities';
import { diffColumns, pairColumns } from './diff-columns';
import { entitiesOf } from './entities';
import { hazard, qualified, rowsText } from './hazards';
import { createTableOrder, orderSteps } from './order';
import { nameKeyFor, SCHEMAC_SCHEMA, tableKey, type NameKey } from './names';
import { step } from './step';
import { refuseOpaqueTouches } from './opaque-guard';
import { newWork, type DiffContext, type TableWork } from './table-work';
import type { Plan, SkippedObject } from './changes';
import type { Column, Database, Table } from '../model';

/** Options of a diff. */
export interface DiffOptions {
  /** Drop tables, columns, constraints and schemas the schema does not declare. */
  readonly allowDrop: boolean;
}

/** Schemas SQL Server owns: never dropped, never reported as skipped. */
const BUILTIN_SCHEMAS = new Set(['dbo', 'guest', 'sys', 'information_schema']);

const NOT_DECLARED = 'not declared in the schema; pass --allow-drop to drop it';

/** The plan that takes `current` to `desired`. Names compare as current.collation does. */
export function diff(desired: Database, current: Database, options: DiffOptions): Plan {
  const key = nameKeyFor(current.collation);
  const managed = (t: Table) => key(t.schema) !== key(SCHEMAC_SCHEMA);
  const currentTables = current.tables.filter(managed);
  const desiredTables = desired.tables.filter(managed);
  const ctx: DiffContext = {
    key, allowDrop: options.allowDrop, collation: current.collation,
    byCurrentKey: new Map(), steps: [], skipped: [],
  };

  const works = pairTables(desiredTables, currentTables, ctx);
  const paired = works.filter((w) => w.current !== null && w.desired !== null);
  const columnPairs = new Map(paired.map((w) => [w, pairColumns(w, ctx)] as const));
  for (const w of paired) pairEntities(w, ctx);
  for (const w of paired) {
    if (key(w.oldRef.name) !== key(w.newRef.name)) {
      ctx.steps.push(step({ kind: 'renameTable', schema: w.newRef.schema, from: w.oldRef.name, to: w.newRef.name }));
    }
    diffColumns(w, ctx, columnPairs.get(w) as Array<[Column | null, Column]>);
  }
  for (const w of works) {
    if (w.desired === null && w.current !== null) w.extras = [...entitiesOf(w.current)];
  }
  cascadeForeignKeys(works, ctx);
  for (const w of works) {
    if (w.current === null) createTable(w, ctx);
    else if (w.desired !== null) finalizeEntities(w, ctx);
    else if (ctx.allowDrop) dropTable(w, ctx);
    else {
      ctx.skipped.push({ table: w.oldRef, objectType: 'table', name: w.oldRef.name, reason: NOT_DECLARED });
      finalizeExtras(w, ctx);
    }
  }
  diffSchemas(desired, current, desiredTables, currentTables, ctx);

  const created = works.filter((w) => w.current === null).map((w) => w.desired as Table);
  const ordered = orderSteps(ctx.steps, createTableOrder(created, key), key);
  const guarded = refuseOpaqueTouches(ordered, current, key);
  return {
    steps: guarded.steps, skipped: sortSkipped(ctx.skipped),
    ...(guarded.refused.length > 0 ? { refused: guarded.refused } : {}),
  };
}

/** Pairs tables by name, then by a declared renamedFrom (same schema) when the new name is absent. */
function pairTables(desired: readonly Table[], current: readonly Table[], ctx: DiffContext): TableWork[] {
  const { key } = ctx;
  const byKey = new Map(current.map((t) => [tableKey(key, t.schema, t.name), t] as const));
  const claimed = new Set(desired.map((t) => tableKey(key, t.schema, t.name)).filter((k) => byKey.has(k)));
  const works: TableWork[] = [];
  for (const des of desired) {
    let cur = byKey.get(tableKey(key, des.schema, des.name)) ?? null;
    if (cur === null && des.renamedFrom !== undefined) {
      const old = tableKey(key, des.schema, des.renamedFrom);
      if (!claimed.has(old)) cur = byKey.get(old) ?? null;
    }
    if (cur !== null) claimed.add(tableKey(key, cur.schema, cur.name));
    works.push(newWork(cur, des));
  }
  for (const cur of current) {
    if (!claimed.has(tableKey(key, cur.schema, cur.name))) works.push(newWork(cur, null));
  }
  for (const w of works) {
    if (w.current !== null) ctx.byCurrentKey.set(tableKey(key, w.current.schema, w.current.name), w);
  }
  return works;
}

/** The table as CREATE/DROP TABLE carries it: indexes and foreign keys are separate steps. */
function tableBody(t: Table): Table {
  return { ...t, indexes: [], foreignKeys: [] };
}

function createTable(w: TableWork, ctx: DiffContext): void {
  const t = w.desired as Table;
  ctx.steps.push(step({ kind: 'createTable', table: tableBody(t) }));
  for (const index of t.indexes) ctx.steps.push(step({ kind: 'createIndex', table: w.newRef, index }));
  for (const fk of t.foreignKeys) ctx.steps.push(step({ kind: 'addForeignKey', table: w.newRef, constraint: fk }));
}

/** DROP TABLE, after its foreign keys and indexes (so the down script rebuilds them too). */
function dropTable(w: TableWork, ctx: DiffContext): void {
  const t = w.current as Table;
  for (const constraint of t.foreignKeys) ctx.steps.push(step({ kind: 'dropForeignKey', table: w.oldRef, constraint }));
  for (const index of t.indexes) ctx.steps.push(step({ kind: 'dropIndex', table: w.oldRef, index }));
  ctx.steps.push(step({ kind: 'dropTable', table: tableBody(t) },
    [hazard('data-loss', `drops table ${qualified(w.oldRef)} and its ${rowsText(t)}`)]));
}

function schemaSet(db: Database, tables: readonly Table[], key: NameKey): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of [...db.schemas, ...tables.map((t) => t.schema)]) {
    if (key(s) !== key(SCHEMAC_SCHEMA) && !out.has(key(s))) out.set(key(s), s);
  }
  return out;
}

function diffSchemas(desired: Database, current: Database, desiredTables: readonly Table[], currentTables: readonly Table[], ctx: DiffContext): void {
  const want = schemaSet(desired, desiredTables, ctx.key);
  const have = schemaSet(current, currentTables, ctx.key);
  for (const [k, schema] of want) if (!have.has(k)) ctx.steps.push(step({ kind: 'createSchema', schema }));
  for (const [k, schema] of have) {
    if (want.has(k) || BUILTIN_SCHEMAS.has(k.toLowerCase())) continue;
    if (ctx.allowDrop) ctx.steps.push(step({ kind: 'dropSchema', schema }));
    else ctx.skipped.push({ table: { schema, name: '' }, objectType: 'schema', name: schema, reason: NOT_DECLARED });
  }
}

function sortSkipped(skipped: SkippedObject[]): SkippedObject[] {
  const k = (s: SkippedObject) => [s.table.schema, s.table.name, s.objectType, s.name].join('\u0000');
  return [...skipped].sort((a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0));
}
