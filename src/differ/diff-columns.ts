/**
 * Columns of a table present on both sides: pair them (by name, or by a declared renamedFrom),
 * then add, drop, rename, alter or replace each, marking the constraints that block the change.
 */
import { classifyTypeChange } from './type-changes';
import { blocksAlter, type ColumnDelta } from './blockers';
import { dependsOn, entitiesOf, mentions } from './entities';
import { hazard, mayHaveRows, qualified, rowsText } from './hazards';
import { step } from './step';
import { effectiveCollation, force, type DiffContext, type TableWork } from './table-work';
import type { Hazard } from './changes';
import type { Column, SqlExpression, Table } from '../model';
import { typeText } from '../sqlserver/types';
import { NOT_DECLARED } from './skip-reasons';

/** Pairs desired columns with current ones; fills work.columnNames. Returns the pairs. */
export function pairColumns(work: TableWork, ctx: DiffContext): Array<[Column | null, Column]> {
  const current = work.current as Table;
  const desired = work.desired as Table;
  const byKey = new Map(current.columns.map((c) => [ctx.key(c.name), c] as const));
  const claimed = new Set(desired.columns.map((c) => ctx.key(c.name)).filter((k) => byKey.has(k)));
  const out: Array<[Column | null, Column]> = [];
  for (const des of desired.columns) {
    let cur = byKey.get(ctx.key(des.name)) ?? null;
    // A declared rename applies only when the new name is not already there (it was applied).
    if (cur === null && des.renamedFrom !== undefined && !claimed.has(ctx.key(des.renamedFrom))) {
      cur = byKey.get(ctx.key(des.renamedFrom)) ?? null;
      if (cur !== null) claimed.add(ctx.key(cur.name));
    }
    if (cur !== null) work.columnNames.set(ctx.key(cur.name), des.name);
    out.push([cur, des]);
  }
  return out;
}

/** A seed or increment as a comparable string ('01' and '1' agree; a non-integer stays as written). */
function identityNumber(text: string): string {
  try { return BigInt(text.trim()).toString(); } catch { return text.trim(); }
}

function sameIdentity(a: Column, b: Column): boolean {
  if (a.identity === null || b.identity === null) return a.identity === b.identity;
  return identityNumber(a.identity.seed) === identityNumber(b.identity.seed)
    && identityNumber(a.identity.increment) === identityNumber(b.identity.increment);
}

function sameComputed(a: Column, b: Column): boolean {
  if (a.computed === null || b.computed === null) return a.computed === b.computed;
  return a.computed.expression.canonical === b.computed.expression.canonical && a.computed.persisted === b.computed.persisted;
}

/** The expression that fills NULLs of a desired column: its backfill, else its default. */
function fillFor(desired: Table, column: Column, ctx: DiffContext): SqlExpression | null {
  if (column.backfill !== undefined) return column.backfill;
  const df = desired.defaults.find((d) => ctx.key(d.column) === ctx.key(column.name));
  return df?.expression ?? null;
}

/**
 * The steps that drop a current column. Its data is lost; the inverse re-adds the (empty)
 * column only where that re-add can succeed (nullable, identity, computed, or an empty table);
 * a NOT NULL column over rows has no faithful inverse.
 */
function dropColumn(work: TableWork, ctx: DiffContext, cur: Column, extra: readonly Hazard[]): void {
  const table = work.current as Table;
  const hazards: Hazard[] = [...extra, hazard('data-loss', `drops column ${qualified(work.oldRef)}.${cur.name} and its data (${rowsText(table)})`)];
  const readdable = cur.nullable || cur.identity !== null || cur.computed !== null || !mayHaveRows(table);
  if (!readdable) {
    hazards.push(hazard('irreversible', `${qualified(work.oldRef)}.${cur.name} is NOT NULL over existing rows: it cannot be re-added on the way down`));
  }
  ctx.steps.push(step({ kind: 'dropColumn', table: work.oldRef, column: cur }, hazards, readdable ? undefined : null));
  for (const e of entitiesOf(table)) if (dependsOn(e, cur.name, ctx.key)) force(work, e, true);
  work.touchedColumns.add(ctx.key(cur.name));
}

/**
 * The steps that add a column. A NOT NULL column over rows is added NULL, filled (backfill or
 * its default) and then made NOT NULL, because its DEFAULT constraint is a separate, later step.
 */
function addColumn(work: TableWork, ctx: DiffContext, des: Column, extra: readonly Hazard[]): void {
  const table = work.newRef;
  const simple = des.nullable || des.identity !== null || des.computed !== null || !mayHaveRows(work.current);
  if (simple) {
    ctx.steps.push(step({ kind: 'addColumn', table, column: des }, extra));
    return;
  }
  const fill = fillFor(work.desired as Table, des, ctx);
  if (fill === null) {
    ctx.steps.push(step({ kind: 'addColumn', table, column: des }, [...extra,
      hazard('not-null-with-rows', `${qualified(table)}.${des.name} is NOT NULL without a default or backfill over ${rowsText(work.current as Table)}: the ADD fails`)]));
    return;
  }
  const nullable: Column = { ...des, nullable: true };
  ctx.steps.push(step({ kind: 'addColumn', table, column: nullable }, extra));
  ctx.steps.push(backfill(work, des.name, fill));
  ctx.steps.push(step({ kind: 'alterColumn', table, from: nullable, to: des }));
}

function backfill(work: TableWork, column: string, expression: SqlExpression) {
  return step({ kind: 'backfillColumn', table: work.newRef, column, expression },
    [hazard('irreversible', `NULLs in ${qualified(work.newRef)}.${column} filled with ${expression.text} stay filled on the way down`)], null);
}

/** Why a column cannot be altered in place (identity, computed, no conversion), or null. */
function replacementReason(cur: Column, des: Column): Hazard[] | null {
  if (!sameIdentity(cur, des)) {
    return [hazard('identity-change', `identity of ${des.name} changes: the column is dropped and re-added, its values regenerated`)];
  }
  if (!sameComputed(cur, des)) {
    return cur.computed === null
      ? [hazard('table-rebuild', `${des.name} becomes computed: the column is dropped and re-added`)]
      : [hazard('table-rebuild', `computed column ${des.name} changes: it is dropped and re-added`)];
  }
  if (des.computed === null && classifyTypeChange(cur.type, des.type) === 'not-castable') {
    return [hazard('table-rebuild', `${des.name} cannot convert from ${cur.type.name} to ${des.type.name}: the column is dropped and re-added`)];
  }
  return null;
}

function deltaOf(cur: Column, des: Column, ctx: DiffContext): ColumnDelta | null {
  if (des.computed !== null) return null; // a computed column's type and nullability are derived
  const typeName = cur.type.name !== des.type.name;
  const size = !typeName && (cur.type.length !== des.type.length || cur.type.precision !== des.type.precision || cur.type.scale !== des.type.scale);
  const nullability = cur.nullable !== des.nullable;
  const collation = effectiveCollation(cur, ctx.collation) !== effectiveCollation(des, ctx.collation)
    && effectiveCollation(des, ctx.collation) !== null;
  return typeName || size || nullability || collation ? { typeName, size, nullability, collation } : null;
}

function alterColumn(work: TableWork, ctx: DiffContext, cur: Column, des: Column, delta: ColumnDelta): void {
  const from: Column = { ...cur, name: des.name };
  const hazards: Hazard[] = [];
  const safety = classifyTypeChange(cur.type, des.type);
  if (safety === 'narrowing') {
    hazards.push(hazard('data-loss', `${qualified(work.newRef)}.${des.name} narrows from ${typeText(cur.type)} to ${typeText(des.type)}: values may be truncated or fail to convert`));
  }
  if (delta.nullability && !des.nullable && mayHaveRows(work.current)) {
    const fill = fillFor(work.desired as Table, des, ctx);
    if (fill !== null) ctx.steps.push(backfill(work, des.name, fill));
    else hazards.push(hazard('not-null-with-rows', `${qualified(work.newRef)}.${des.name} becomes NOT NULL over ${rowsText(work.current as Table)} without a default or backfill: fails if any is NULL`));
  }
  ctx.steps.push(step({ kind: 'alterColumn', table: work.newRef, from, to: des }, hazards));
  // Blockers of either direction: the down script runs the inverse ALTER, and SQL Server lets an
  // indexed varchar grow in place but not shrink, so a widening alone would leave down broken.
  for (const e of entitiesOf(work.current as Table)) {
    const blocks = blocksAlter(e, delta, cur.type, des.type) || blocksAlter(e, delta, des.type, cur.type);
    if (dependsOn(e, cur.name, ctx.key) && blocks) force(work, e, true);
  }
  work.touchedColumns.add(ctx.key(cur.name));
}

/**
 * A declared computed column over a column that is altered or dropped blocks that change
 * ("used by a computed column"): it is dropped and re-added around it.
 */
function rebuildDependentComputed(work: TableWork, ctx: DiffContext, pairs: Array<[Column | null, Column]>, replaced: Set<string>): void {
  for (const [cur, des] of pairs) {
    if (cur === null || cur.computed === null || replaced.has(ctx.key(cur.name))) continue;
    const expression = cur.computed.expression;
    const on = (work.current as Table).columns.find((c) => work.touchedColumns.has(ctx.key(c.name)) && mentions(expression, c.name, ctx.key));
    if (on === undefined) continue;
    dropColumn(work, ctx, cur, [hazard('table-rebuild', `computed ${cur.name} depends on ${on.name}: it is dropped and re-added around the change`)]);
    addColumn(work, ctx, des, []);
  }
}

/** Plans every column change of a table present on both sides. */
export function diffColumns(work: TableWork, ctx: DiffContext, pairs: Array<[Column | null, Column]>): void {
  const current = work.current as Table;
  const replaced = new Set<string>();
  for (const [cur, des] of pairs) {
    if (cur === null) { addColumn(work, ctx, des, []); continue; }
    const replace = replacementReason(cur, des);
    if (replace !== null) {
      dropColumn(work, ctx, cur, replace);
      addColumn(work, ctx, des, []);
      replaced.add(ctx.key(cur.name));
      continue;
    }
    if (ctx.key(cur.name) !== ctx.key(des.name)) {
      ctx.steps.push(step({ kind: 'renameColumn', table: work.newRef, from: cur.name, to: des.name }));
    }
    const delta = deltaOf(cur, des, ctx);
    if (delta !== null) alterColumn(work, ctx, cur, des, delta);
  }
  for (const cur of current.columns) {
    if (work.columnNames.has(ctx.key(cur.name))) continue;
    if (ctx.allowDrop) dropColumn(work, ctx, cur, []);
    else ctx.skipped.push({ table: work.oldRef, objectType: 'column', name: cur.name, reason: NOT_DECLARED });
  }
  if (work.touchedColumns.size > 0) rebuildDependentComputed(work, ctx, pairs, replaced);
}
