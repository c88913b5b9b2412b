/**
 * Columns of a table present on both sides: pair them (by name, or by a declared renamedFrom),
 * then add, drop, rename, alter or replace each, marking the constraints that block the change.
 */
import { classifyTypeChange, narrowingEffect } from './type-changes';
import { blocksAlter, type ColumnDelta } from './blockers';
import { dependsOn, entitiesOf, mentions, NO_RENAMES, signature, type Entity, type NameMap } from './entities';
import { allRowsText, hazard, mayHaveRows, qualified, rowsText } from './hazards';
import { step, undoneBy } from './step';
import { ForcedBuilder, type Forced } from './forced';
import { effectiveCollation, type DiffContext, type KeptTable, type Planned } from './table-pairs';
import type { AroundAlter, Hazard, PlanStep, RefusedChange, SkippedObject } from './changes';
import { sameXmlSchema, typeText } from '../sqlserver/types';
import { sameMask } from '../sqlserver/masking';
import { encryptionText, sameEncryption } from '../sqlserver/encryption';
import { NOT_DECLARED } from './skip-reasons';
import { pendingRenames } from './rename-chains';
import type { Column, DefaultConstraint, SqlExpression, Table, TablePermission } from '../model';

/** How a kept table's columns pair up. */
export interface ColumnPairing {
  /** Each desired column with its current version (null: added). */
  readonly pairs: ReadonlyArray<readonly [Column | null, Column]>;
  /** Current column key -> desired column name, for every column that survives. */
  readonly names: ReadonlyMap<string, string>;
  /** Declared swaps of columns with equal definitions (names of the cycle): nothing planned for them. */
  readonly undecidable: readonly (readonly string[])[];
}

/** What planning a kept table's columns yields: steps, and the entities those steps force out. */
export interface ColumnPlan extends Planned {
  readonly forced: Forced;
  /** Current column keys altered or dropped: foreign keys that reference them must be rebuilt. */
  readonly touched: ReadonlySet<string>;
  /** Desired defaults added inside their column's ADD: the entity pass leaves them out. */
  readonly inlineDefaults: ReadonlySet<DefaultConstraint>;
  /** Column changes SQL Server cannot make in T-SQL (an existing column's Always Encrypted settings). */
  readonly refused: readonly RefusedChange[];
}

/**
 * Pairs desired columns with current ones: declared renames still to make first (chains and
 * swaps too: rename-chains.ts), then by name, then by a declared renamedFrom whose new name is
 * absent. The pairing's warnings name declared swaps it cannot decide.
 */
export function pairColumns(table: KeptTable, ctx: DiffContext): ColumnPairing {
  const { key } = ctx;
  const { current, desired } = table;
  const pending = pendingRenames({
    current: current.columns, desired: desired.columns, key,
    currentName: (c) => c.name, desiredName: (d) => d.name, renamedFrom: (d) => d.renamedFrom,
    same: (c, d) => sameDefinition(c, d, ctx),
  });
  const taken = new Set(pending.pairs.values());
  const names = new Map<string, string>();
  const byKey = new Map<string, Column>();
  for (const c of current.columns) byKey.set(key(c.name), c);
  const claimed = new Set<string>();
  for (const c of taken) claimed.add(key(c.name));
  for (const d of desired.columns) {
    const k = key(d.name);
    const namesake = byKey.get(k);
    if (!pending.pairs.has(d) && namesake !== undefined && !taken.has(namesake)) claimed.add(k);
  }
  const out: Array<[Column | null, Column]> = [];
  for (const des of desired.columns) {
    let cur = pending.pairs.get(des) ?? null;
    const namesake = byKey.get(key(des.name));
    if (cur === null && namesake !== undefined && !taken.has(namesake)) cur = namesake;
    // A declared rename applies only when the new name is not already there (it was applied).
    if (cur === null && des.renamedFrom !== undefined && !claimed.has(key(des.renamedFrom))) {
      cur = byKey.get(key(des.renamedFrom)) ?? null;
      if (cur !== null) claimed.add(key(cur.name));
    }
    if (cur !== null) names.set(key(cur.name), des.name);
    out.push([cur, des]);
  }
  return { pairs: out, names, undecidable: pending.undecidable };
}

/** Whether a current column already is the desired one, names aside (no step would touch it). */
function sameDefinition(cur: Column, des: Column, ctx: DiffContext): boolean {
  return sameIdentity(cur, des) && sameReplication(cur, des) && sameComputed(cur, des) && deltaOf(cur, des, ctx) === null;
}

/** The working state of one table's column pass (local to diffColumns). */
interface ColumnPass {
  readonly table: KeptTable;
  readonly ctx: DiffContext;
  readonly steps: PlanStep[];
  readonly skipped: SkippedObject[];
  readonly forced: ForcedBuilder;
  readonly touched: Set<string>;
  /** Entities that block only the inverse of the ALTER at `step` (settled once every column is planned). */
  readonly downOnly: { readonly step: number; readonly entity: Entity }[];
  /** Desired defaults added inside their column's ADD (the entity pass must not add them again). */
  readonly inlineDefaults: Set<DefaultConstraint>;
  readonly refused: RefusedChange[];
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

/**
 * Whether two columns agree on NOT FOR REPLICATION. Only identity columns carry it; a column
 * whose identity changes is re-added with the desired one anyway (replacementReason).
 */
function sameReplication(a: Column, b: Column): boolean {
  return (a.identity?.notForReplication === true) === (b.identity?.notForReplication === true);
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
 * The steps that drop a current column. Its data is lost (data-loss), unless the table has no
 * rows or the column is computed (its values are derived, and come back when it is re-added).
 * The inverse re-adds the (empty) column only where that re-add can succeed (nullable,
 * identity, computed, or an empty table); a NOT NULL column over rows has no faithful inverse.
 */
function dropColumn(pass: ColumnPass, cur: Column, extra: readonly Hazard[]): void {
  const table = pass.table.current;
  const losesData = cur.computed === null && mayHaveRows(table);
  const hazards: Hazard[] = [...extra];
  if (losesData) hazards.push(hazard('data-loss', `drops column ${qualified(pass.table.oldRef)}.${cur.name} and its data (${rowsText(table)})`));
  // SQL Server fills identity, computed and rowversion columns itself when they are added.
  const readdable = cur.nullable || cur.identity !== null || cur.computed !== null || cur.type.name === 'rowversion' || !mayHaveRows(table);
  if (!readdable) {
    hazards.push(hazard('irreversible', `${qualified(pass.table.oldRef)}.${cur.name} is NOT NULL over existing rows: it cannot be re-added on the way down`));
  }
  const permissions = columnPermissions(pass, cur.name, cur.name);
  pass.steps.push(step({ kind: 'dropColumn', table: pass.table.oldRef, column: cur, ...permissions }, hazards, readdable ? undefined : null));
  for (const e of entitiesOf(table)) if (dependsOn(e, cur.name, pass.ctx.key)) pass.forced.force(e, true);
  pass.touched.add(pass.ctx.key(cur.name));
}

/**
 * The column-level permissions of current column `name` (sys.database_permissions), under the
 * name `as`: a dropped column takes them with it, so the column that takes its place, or the
 * down script's re-added one, is granted them again. None when the catalog did not read them.
 */
function columnPermissions(pass: ColumnPass, name: string, as: string): { permissions?: readonly TablePermission[] } {
  const { key } = pass.ctx;
  const own = (pass.table.current.permissions ?? []).filter((p) => p.column !== null && key(p.column) === key(name));
  return own.length === 0 ? {} : { permissions: own.map((p) => ({ ...p, column: as })) };
}

/**
 * The default a new NOT NULL column can carry in its own ADD: its declared default, when no
 * `backfill` asks for other values, and the table has no default on that name yet (a column
 * re-created in place of an old one keeps the entity pass's drop and re-add of its default).
 */
function inlineDefault(pass: ColumnPass, des: Column, reAdded: boolean): DefaultConstraint | null {
  if (reAdded || des.backfill !== undefined) return null;
  const { key } = pass.ctx;
  if (pass.table.current.defaults.some((d) => key(d.column) === key(des.name))) return null;
  return pass.table.desired.defaults.find((d) => key(d.column) === key(des.name)) ?? null;
}

/**
 * The steps that add a column. A NOT NULL column over rows with a default (and no backfill) is
 * one ADD ... NOT NULL CONSTRAINT df DEFAULT (expr): SQL Server fills the existing rows itself,
 * as metadata only where the edition allows (Enterprise 2012+, Azure) and otherwise by writing
 * each row once, which is less work than an UPDATE and a NOT NULL validation would be, under
 * the same Sch-M (the transaction holds the ADD's Sch-M until COMMIT either way). With a
 * backfill instead, it is added NULL, filled, and then made NOT NULL.
 */
function addColumn(pass: ColumnPass, des: Column, given: readonly Hazard[], reAdded: Column | null = null): void {
  const table = pass.table.newRef;
  const extra = reAdded === null ? given : [...given, ...movesLast(pass, reAdded)];
  // A column re-created in place of `reAdded` gets that column's permissions back.
  const permissions = reAdded === null ? {} : columnPermissions(pass, reAdded.name, des.name);
  const simple = des.nullable || des.identity !== null || des.computed !== null || des.type.name === 'rowversion' || !mayHaveRows(pass.table.current);
  if (simple) {
    pass.steps.push(step({ kind: 'addColumn', table, column: des, ...permissions }, extra));
    return;
  }
  const withDefault = inlineDefault(pass, des, reAdded !== null);
  if (withDefault !== null) {
    pass.steps.push(step({ kind: 'addColumn', table, column: des, default: withDefault, ...permissions }, extra));
    pass.inlineDefaults.add(withDefault);
    return;
  }
  const fill = fillFor(pass.table.desired, des, pass.ctx);
  if (fill === null) {
    pass.steps.push(step({ kind: 'addColumn', table, column: des, ...permissions }, [...extra,
      hazard('not-null-with-rows', `${qualified(table)}.${des.name} is NOT NULL without a default or backfill over ${rowsText(pass.table.current)}: the ADD fails`)]));
    return;
  }
  const nullable: Column = { ...des, nullable: true };
  pass.steps.push(step({ kind: 'addColumn', table, column: nullable, ...permissions }, extra));
  // The column is new: the down script drops it, filled values and all.
  pass.steps.push(undoneBy({ kind: 'backfillColumn', table, column: des.name, expression: fill }, [],
    `the down script drops ${qualified(table)}.${des.name}`));
  pass.steps.push(step({ kind: 'alterColumn', table, from: nullable, to: des }));
}

/**
 * ALTER TABLE ... ADD puts a column after the others (there is no way to name its place, short of
 * re-creating the table), so a column dropped and re-added moves to the end unless it was last:
 * SELECT * and INSERT without a column list then see another order (AdventureWorks'
 * SalesOrderNumber, re-added around a change of SalesOrderID). The down script re-adds it last too.
 */
function movesLast(pass: ColumnPass, was: Column): Hazard[] {
  const columns = pass.table.current.columns;
  const at = columns.findIndex((c) => pass.ctx.key(c.name) === pass.ctx.key(was.name));
  if (at < 0 || at === columns.length - 1) return [];
  return [hazard('column-order', `${qualified(pass.table.newRef)}.${was.name} (column ${at + 1} of ${columns.length}) is re-added as the last column: SELECT * and INSERT without a column list see the new order, and the down script does not move it back`)];
}

/** Fills NULLs of an existing column: the down script cannot tell filled values from written ones. */
function backfill(table: KeptTable, column: string, expression: SqlExpression): PlanStep {
  return step({ kind: 'backfillColumn', table: table.newRef, column, expression },
    [hazard('irreversible', `NULLs in ${qualified(table.newRef)}.${column} filled with ${expression.text} stay filled on the way down`)], null);
}

/**
 * Hazards of dropping and re-adding a computed column: only a PERSISTED one is written to every
 * row (a table-rebuild); a non-persisted one is metadata, computed when read.
 */
function computedRework(pass: ColumnPass, columns: readonly Column[], message: string): Hazard[] {
  const persisted = columns.some((c) => c.computed?.persisted === true);
  return persisted && mayHaveRows(pass.table.current) ? [hazard('table-rebuild', message)] : [];
}

/** Why a column cannot be altered in place (identity, computed, no conversion), or null. */
function replacementReason(pass: ColumnPass, cur: Column, des: Column): Hazard[] | null {
  if (!sameIdentity(cur, des)) {
    return [hazard('identity-change', `identity of ${des.name} changes: the column is dropped and re-added, its values regenerated`)];
  }
  if (!sameComputed(cur, des)) {
    return cur.computed === null
      ? computedRework(pass, [des], `${des.name} becomes a persisted computed column: the column is dropped and re-added, computed for every row`)
      : computedRework(pass, [cur, des], `persisted computed column ${des.name} changes: it is dropped and re-added, computed for every row`);
  }
  if (des.computed === null && classifyTypeChange(cur.type, des.type) === 'not-castable') {
    return [hazard('table-rebuild', `${des.name} cannot convert from ${cur.type.name} to ${des.type.name}: the column is dropped and re-added`)];
  }
  // ALTER COLUMN refuses a rowversion column outright ("The modified column can't be ... timestamp",
  // https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql): even a nullability
  // change means drop and re-add (SQL Server then fills every row with a new value).
  if (des.computed === null && cur.type.name === 'rowversion' && des.type.name === 'rowversion' && cur.nullable !== des.nullable) {
    return [hazard('table-rebuild', `rowversion ${des.name} cannot be altered: it is dropped and re-added, with new values`)];
  }
  return null;
}

function deltaOf(cur: Column, des: Column, ctx: DiffContext): ColumnDelta | null {
  if (des.computed !== null) return null; // a computed column's type and nullability are derived
  // Typing an xml column (or changing its collection) is a type change: ALTER COLUMN ... xml(...).
  const typeName = cur.type.name !== des.type.name || !sameXmlSchema(cur.type, des.type);
  const size = !typeName && (cur.type.length !== des.type.length || cur.type.precision !== des.type.precision || cur.type.scale !== des.type.scale);
  const nullability = cur.nullable !== des.nullable;
  const collation = effectiveCollation(cur, ctx.collation) !== effectiveCollation(des, ctx.collation)
    && effectiveCollation(des, ctx.collation) !== null;
  // Columns compare by their base type; the alias they are declared with is what SQL Server
  // records besides (sys.columns.user_type_id), changed by an ALTER COLUMN that rewrites nothing.
  const declaredType = declaredTypeKey(cur, ctx) !== declaredTypeKey(des, ctx);
  return typeName || size || nullability || collation || declaredType ? { typeName, size, nullability, collation, declaredType } : null;
}

/** The alias type a column is declared with, as names compare ('' for a system type). */
function declaredTypeKey(c: Column, ctx: DiffContext): string {
  return c.type.alias === undefined ? '' : `${ctx.key(c.type.alias.schema)}.${ctx.key(c.type.alias.name)}`;
}

function alterColumn(pass: ColumnPass, cur: Column, des: Column, delta: ColumnDelta): void {
  const from: Column = { ...cur, name: des.name };
  const hazards: Hazard[] = [];
  const safety = classifyTypeChange(cur.type, des.type);
  if (safety === 'narrowing') {
    hazards.push(hazard('data-loss', `${qualified(pass.table.newRef)}.${des.name} narrows from ${typeText(cur.type)} to ${typeText(des.type)}: values may be truncated or fail to convert`));
  }
  if (des.type.xmlSchema !== undefined && mayHaveRows(pass.table.current)) {
    hazards.push(hazard('constraint-scan', `${qualified(pass.table.newRef)}.${des.name} becomes ${typeText(des.type)}: every value is validated against the collection, and the step fails if one does not conform`));
  }
  if (delta.nullability && !des.nullable && mayHaveRows(pass.table.current)) {
    const fill = fillFor(pass.table.desired, des, pass.ctx);
    if (fill !== null) pass.steps.push(backfill(pass.table, des.name, fill));
    else hazards.push(hazard('not-null-with-rows', `${qualified(pass.table.newRef)}.${des.name} becomes NOT NULL over ${rowsText(pass.table.current)} without a default or backfill: fails if any is NULL`));
  }
  const down: Hazard[] = [];
  if (classifyTypeChange(des.type, cur.type) === 'narrowing') {
    const effect = narrowingEffect(des.type, cur.type) === 'rounds'
      ? `values written since are rounded to ${typeText(cur.type)}`
      : `it fails (and undoes nothing) if a ${cur.type.length !== undefined ? 'longer value' : 'value that does not fit'} was written since`;
    down.push(hazard('data-loss', `the down script narrows ${qualified(pass.table.newRef)}.${des.name} from ${typeText(des.type)} back to ${typeText(cur.type)}: ${effect}`));
  }
  const altered = step({ kind: 'alterColumn', table: pass.table.newRef, from, to: des }, hazards);
  pass.steps.push(down.length > 0 ? { ...altered, downHazards: down } : altered);
  // A blocker of this direction is dropped and re-added around the plan. One that blocks only the
  // inverse (an indexed varchar grows in place but cannot shrink) is rebuilt by the down script.
  for (const e of entitiesOf(pass.table.current)) {
    if (!dependsOn(e, cur.name, pass.ctx.key)) continue;
    if (blocksAlter(e, delta, cur.type, des.type)) pass.forced.force(e, true);
    else if (blocksAlter(e, delta, des.type, cur.type)) pass.downOnly.push({ step: pass.steps.length - 1, entity: e });
  }
  pass.touched.add(pass.ctx.key(cur.name));
}

/**
 * A declared computed column over a column that is altered or dropped blocks that change
 * ("used by a computed column"): it is dropped and re-added around it.
 */
function rebuildDependentComputed(pass: ColumnPass, pairs: ColumnPairing['pairs'], replaced: Set<string>): void {
  for (const [cur, des] of pairs) {
    if (cur === null || cur.computed === null || replaced.has(pass.ctx.key(cur.name))) continue;
    const expression = cur.computed.expression;
    const on = (pass.table.current).columns.find((c) => pass.touched.has(pass.ctx.key(c.name)) && mentions(expression, c.name, pass.ctx.key));
    if (on === undefined) continue;
    dropColumn(pass, cur, computedRework(pass, [cur, des], `persisted computed ${cur.name} depends on ${on.name}: it is dropped and re-added around the change, computed for every row`));
    addColumn(pass, des, [], cur);
  }
}

/**
 * Down-only blockers: an index or UNIQUE constraint the schema keeps as it is (same definition,
 * under its name or a new one) is rebuilt around the inverse ALTER only; anything else (forced
 * out already, changed, undeclared, or another kind) is dropped and re-added around the plan.
 */
function settleDownOnly(pass: ColumnPass, pairing: ColumnPairing): void {
  const { key } = pass.ctx;
  const map: NameMap = { ...NO_RENAMES, column: (name) => pairing.names.get(key(name)) ?? name };
  const desired = entitiesOf(pass.table.desired);
  const around = new Map<number, AroundAlter[]>();
  for (const { step: at, entity } of pass.downOnly) {
    if (pass.forced.has(entity)) continue;
    const sig = signature(entity, key, map);
    const alike = desired.filter((d) => d.kind === entity.kind && signature(d, key, NO_RENAMES) === sig);
    const kept = alike.find((d) => key(d.object.name) === key(entity.object.name) || key(d.object.renamedFrom ?? '') === key(entity.object.name))
      ?? (alike.length === 1 ? alike[0] : undefined);
    if (kept === undefined || (kept.kind !== 'index' && kept.kind !== 'unique')) { pass.forced.force(entity, true); continue; }
    const item: AroundAlter = kept.kind === 'index' ? { kind: 'index', index: kept.object } : { kind: 'unique', constraint: kept.object };
    around.set(at, [...(around.get(at) ?? []), item]);
  }
  for (const [at, items] of around) {
    const s = pass.steps[at];
    if (s === undefined || s.change.kind !== 'alterColumn') continue;
    const c = s.change;
    const names = items.map((a) => (a.kind === 'index' ? a.index.name : a.constraint.name)).join(', ');
    const rebuild = hazard('index-build', `the down script drops and rebuilds ${names} around the narrowing of ${c.to.name} (SQL Server cannot shrink an indexed column in place): it reads ${allRowsText(pass.table.current)} of ${qualified(c.table)}`);
    pass.steps[at] = { ...step(c, s.hazards, { kind: 'alterColumn', table: c.table, from: c.to, to: c.from, around: items }), downHazards: [...(s.downHazards ?? []), rebuild] };
  }
}

/**
 * The Dynamic Data Masking steps of a kept column: a mask changes in place (ADD MASKED WITH also
 * edits one), is added, or is dropped. Around an ALTER COLUMN a mask is dropped first and added
 * back after, since the documentation does not say what ALTER COLUMN does to one (inferred: this
 * is right whether SQL Server keeps, loses or refuses it). "Adding a dynamic data mask ... can't
 * be performed on a column with dependencies ... drop the index, then add the mask, and then
 * re-create the dependent index" (dynamic-data-masking.md, Limitations): an index or key on the
 * column is rebuilt around a mask that comes or goes (the down script adds the one the plan drops).
 */
function maskSteps(pass: ColumnPass, cur: Column, des: Column, altered: boolean): { before: PlanStep | null; after: PlanStep | null } {
  const table = pass.table.newRef;
  const from = cur.mask ?? null;
  const to = des.mask ?? null;
  if ((from === null && to === null) || (!altered && sameMask(cur.mask, des.mask))) return { before: null, after: null };
  const around = altered && from !== null && to !== null ? { aroundAlter: true as const } : {};
  const set = (f: string | null, t: string | null): PlanStep => step({ kind: 'setMask', table, column: des.name, from: f, to: t, ...around });
  if (!altered && from !== null && to !== null) return { before: null, after: set(from, to) };
  for (const e of entitiesOf(pass.table.current)) {
    if ((e.kind === 'index' || e.kind === 'unique' || e.kind === 'primaryKey') && dependsOn(e, cur.name, pass.ctx.key)) pass.forced.force(e, true);
  }
  // A mask that goes for good (up, or the down script's undoing of one the plan adds) shows the
  // values to every reader without UNMASK; one dropped and added back inside the plan does not.
  const unmasks = (mask: string, by: string): Hazard => hazard('unmasks-data', `${by} the mask ${mask} of ${qualified(table)}.${des.name}: users without UNMASK read its values in the clear`);
  const before = from === null ? null : to === null ? step(set(from, null).change, [unmasks(from, 'drops')]) : set(from, null);
  const added = to === null ? null : set(null, to);
  const after = added === null || from !== null ? added : { ...added, downHazards: [unmasks(to as string, 'the down script drops')] };
  return { before, after };
}

/**
 * Always Encrypted settings of a column altered in place: "When using Always Encrypted (without
 * secure enclaves) ... you can't change any encryption settings" (alter-table-transact-sql), and
 * encrypting existing data is not a T-SQL task at all (always-encrypted-database-engine.md:
 * "Encrypting existing data in selected database columns ... T-SQL: No"). Such a change is
 * refused, naming the column; the column keeps its current settings and the rest is planned. A
 * column that is re-created anyway (dropped and added) takes the declared settings.
 */
function keepEncryption(pass: ColumnPass, pairs: ColumnPairing['pairs']): ColumnPairing['pairs'] {
  return pairs.map(([cur, des]) => {
    if (cur === null || sameEncryption(cur.encryption, des.encryption, pass.ctx.key) || replacementReason(pass, cur, des) !== null) return [cur, des] as const;
    pass.refused.push({
      table: pass.table.newRef,
      change: `change the encryption of column ${des.name} from ${encryptionText(cur.encryption)} to ${encryptionText(des.encryption)}`,
      reason: 'SQL Server cannot encrypt, decrypt or re-encrypt an existing column in T-SQL without secure enclaves (ALTER COLUMN "can\'t change any encryption settings"); '
        + `the column stays ${encryptionText(cur.encryption)}. Change it with an Always Encrypted client tool (SSMS's wizard, Set-SqlColumnEncryption), or add a new column and copy the data through an Always Encrypted client`,
    });
    const { encryption: _declared, ...rest } = des;
    return [cur, cur.encryption !== undefined ? { ...rest, encryption: cur.encryption } : rest] as const;
  });
}

/** Plans every column change of a kept table: steps, plus the entities they force out. */
export function diffColumns(table: KeptTable, pairing: ColumnPairing, ctx: DiffContext): ColumnPlan {
  const pass: ColumnPass = { table, ctx, steps: [], skipped: [], forced: new ForcedBuilder(), touched: new Set(), downOnly: [], inlineDefaults: new Set(), refused: [] };
  const pairs = keepEncryption(pass, pairing.pairs);
  const current = table.current;
  const replaced = new Set<string>();
  for (const [cur, des] of pairs) {
    if (cur === null) { addColumn(pass, des, []); continue; }
    const replace = replacementReason(pass, cur, des);
    if (replace !== null) {
      dropColumn(pass, cur, replace);
      addColumn(pass, des, [], cur);
      replaced.add(pass.ctx.key(cur.name));
      continue;
    }
    if (pass.ctx.key(cur.name) !== pass.ctx.key(des.name)) {
      pass.steps.push(step({ kind: 'renameColumn', table: pass.table.newRef, from: cur.name, to: des.name }));
    }
    const delta = deltaOf(cur, des, pass.ctx);
    const wasRowGuid = cur.rowguidcol === true;
    const isRowGuid = des.rowguidcol === true;
    // "The modified column can't be ... The ROWGUIDCOL for the table" (alter-table-transact-sql):
    // around an ALTER COLUMN the property is dropped and added back.
    if (wasRowGuid && (!isRowGuid || delta !== null)) pass.steps.push(step({ kind: 'setRowGuidCol', table: pass.table.newRef, column: des.name, rowguidcol: false }));
    const masks = maskSteps(pass, cur, des, delta !== null);
    if (masks.before !== null) pass.steps.push(masks.before);
    if (delta !== null) alterColumn(pass, cur, des, delta);
    if (isRowGuid && (!wasRowGuid || delta !== null)) pass.steps.push(step({ kind: 'setRowGuidCol', table: pass.table.newRef, column: des.name, rowguidcol: true }));
    if (masks.after !== null) pass.steps.push(masks.after);
    if ((cur.sparse ?? false) !== (des.sparse ?? false)) {
      // The storage format changes: SQL Server copies every row into a new column ("Use sparse columns").
      const hazards = mayHaveRows(current) ? [hazard('table-rebuild', `${qualified(pass.table.newRef)}.${des.name} ${des.sparse === true ? 'becomes' : 'stops being'} SPARSE: every row is rewritten`)] : [];
      pass.steps.push(step({ kind: 'setSparse', table: pass.table.newRef, column: des.name, sparse: des.sparse === true }, hazards));
    }
    // Same identity otherwise (replacementReason): the flag changes in place, values kept
    // (alter-table-transact-sql: "{ ADD | DROP } NOT FOR REPLICATION", identity columns only).
    if (des.identity !== null && !sameReplication(cur, des)) {
      pass.steps.push(step({ kind: 'setNotForReplication', table: pass.table.newRef, column: des.name, notForReplication: des.identity.notForReplication === true }));
    }
  }
  for (const cur of current.columns) {
    if (pairing.names.has(pass.ctx.key(cur.name))) continue;
    if (pass.ctx.allowDrop) dropColumn(pass, cur, []);
    else pass.skipped.push({ table: pass.table.oldRef, objectType: 'column', name: cur.name, reason: NOT_DECLARED });
  }
  if (pass.touched.size > 0) rebuildDependentComputed(pass, pairs, replaced);
  settleDownOnly(pass, pairing);
  return { steps: pass.steps, skipped: pass.skipped, forced: pass.forced.result(), touched: pass.touched, inlineDefaults: pass.inlineDefaults, refused: pass.refused };
}
