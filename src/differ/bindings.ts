/**
 * Bound defaults and rules in the way of a plan (Column.boundDefault / boundRule, read from the
 * catalog; CREATE DEFAULT + sp_bindefault and CREATE RULE + sp_bindrule are deprecated and never
 * declared). SQL Server refuses, while one is bound:
 * - DROP COLUMN: "A column can't be dropped when it's ... bound to a default object ... Bound to
 *   a rule" (alter-table-transact-sql, DROP COLUMN);
 * - ALTER COLUMN, as it refuses it over a default definition or a CHECK constraint (the same
 *   page's ALTER COLUMN list; taken for bound ones too, inferred: blockers.ts bindingBlocksAlter);
 * - ADD CONSTRAINT ... DEFAULT on a column with a bound default (Msg 1781, "Column already has a
 *   DEFAULT bound to it"; sp_bindefault: a default can't be bound to a column that has a DEFAULT
 *   constraint, nor the reverse).
 * So the plan unbinds (sp_unbindefault / sp_unbindrule) just before the first such step and binds
 * again (sp_bindefault / sp_bindrule) just after the last step on the column, under the names the
 * table and column have by then; each step's inverse is the other, so the down script does the
 * same around its own steps and restores every binding it found.
 *
 * A declared default on a column with a bound default replaces it: the binding is removed for
 * good and the constraint added; the default object itself stays in the database, unbound. That is
 * what Microsoft recommends ("create default definitions by using the DEFAULT keyword of ALTER
 * TABLE or CREATE TABLE instead", sp-bindefault-transact-sql), what the user asked for by
 * declaring one, and reversible (the down script drops the constraint and binds the default
 * again); refusing would leave the deprecated binding as the only way to have a default there.
 * A binding is also not made again where SQL Server would refuse it: on a column the plan drops
 * (or whose table it drops: DROP TABLE unbinds by itself, and unbinding first lets the down script
 * bind again after re-creating it), on a column that gets a DEFAULT constraint, an IDENTITY, a
 * computed definition, or a type that takes no binding (sp_bindefault / sp_bindrule: not text,
 * ntext, image, the max types, xml, timestamp or CLR types).
 * https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql
 * https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-unbindefault-transact-sql
 */
import type { Change, Hazard, PlanStep, TableRef } from './changes';
import { bindingBlocksAlter, type ColumnDelta } from './blockers';
import { hazard } from './hazards';
import { step } from './step';
import { collationKey, tableKey, type NameKey } from '../sqlserver/names';
import { takesBinding } from '../sqlserver/bindings';
import { appendTo } from '../util/group-by';
import { namesBefore } from './names-before';
import type { BoundObject, Column, Database, Table } from '../model';

/** What the plan does to one binding of one column. */
interface Touched {
  readonly table: Table;
  /** The column's name before the plan. */
  readonly column: string;
  readonly what: 'default' | 'rule';
  readonly object: BoundObject;
  first: number;
  last: number;
  /**
   * Why it is not bound again (null: it is): its column or table is dropped, a declared default
   * replaces it, or SQL Server would refuse to bind it to what the column becomes.
   */
  gone: { readonly why: 'dropped' | 'replaced' | 'refused'; readonly reason: string } | null;
}

/** The plan's steps with bound defaults and rules unbound before what they block and bound again after. */
export function planAroundBindings(steps: readonly PlanStep[], current: Database, key: NameKey): PlanStep[] {
  return aroundTypeBindings(aroundColumnBindings(steps, current, key), current, key);
}

/**
 * An alias type's own bindings (sys.types default_object_id / rule_object_id) go with DROP TYPE,
 * and with the DROP TYPE + CREATE TYPE of a redefinition: unbound just before (futureonly, so
 * the columns keep theirs) and, for a redefinition, bound again just after, so the type's new
 * columns inherit them as before; the down script binds a dropped type's again after CREATE TYPE.
 */
function aroundTypeBindings(steps: readonly PlanStep[], current: Database, key: NameKey): PlanStep[] {
  const typeKey = (t: { readonly schema: string; readonly name: string }): string => `${key(t.schema)}.${key(t.name)}`;
  const bound = new Map((current.aliasTypes ?? []).filter((a) => a.boundDefault !== undefined || a.boundRule !== undefined).map((a) => [typeKey(a), a]));
  if (bound.size === 0) return [...steps];
  const out: PlanStep[] = [];
  for (const s of steps) {
    const c = s.change;
    const a = c.kind === 'dropType' ? bound.get(typeKey(c.type)) : c.kind === 'redefineType' ? bound.get(typeKey(c.from)) : undefined;
    if (a === undefined || (c.kind !== 'dropType' && c.kind !== 'redefineType')) { out.push(s); continue; }
    const type = { schema: a.schema, name: a.name };
    const bindings = [
      ...(a.boundDefault !== undefined ? [{ what: 'default' as const, object: a.boundDefault }] : []),
      ...(a.boundRule !== undefined ? [{ what: 'rule' as const, object: a.boundRule }] : []),
    ];
    out.push(...bindings.map((b) => step({ kind: 'unbindType', type, ...b })), s);
    if (c.kind === 'redefineType') out.push(...bindings.map((b) => step({ kind: 'bindType', type: { schema: c.to.schema, name: c.to.name }, ...b })));
  }
  return out;
}

/** Column bindings around the column and table steps SQL Server refuses while they are bound. */
function aroundColumnBindings(steps: readonly PlanStep[], current: Database, key: NameKey): PlanStep[] {
  const bound = new Map<string, Table>();
  for (const t of current.tables) {
    if (t.columns.some((c) => c.boundDefault !== undefined || c.boundRule !== undefined)) bound.set(tableKey(key, t.schema, t.name), t);
  }
  if (bound.size === 0) return [...steps];

  const names = namesBefore(steps, key);
  const keyOf = (t: TableRef): string => tableKey(key, t.schema, t.name);
  const before = (t: TableRef): string => keyOf(names.table(t));
  const touched = new Map<string, Touched>();
  const touch = (table: Table, column: Column, what: 'default' | 'rule', at: number): Touched | undefined => {
    const object = what === 'default' ? column.boundDefault : column.boundRule;
    if (object === undefined) return undefined;
    const id = `${tableKey(key, table.schema, table.name)}\u0000${key(column.name)}\u0000${what}`;
    let t = touched.get(id);
    if (t === undefined) touched.set(id, t = { table, column: column.name, what, object, first: at, last: at, gone: null });
    t.first = Math.min(t.first, at);
    t.last = Math.max(t.last, at);
    return t;
  };
  const columnOf = (table: Table, name: string): Column | undefined => table.columns.find((c) => key(c.name) === key(name));
  const touchBoth = (table: Table, column: Column, at: number, gone: Touched['gone']): void => {
    for (const what of ['default', 'rule'] as const) {
      const t = touch(table, column, what, at);
      if (t !== undefined && gone !== null) t.gone = gone;
    }
  };

  // Steps SQL Server would refuse while a binding exists.
  steps.forEach((s, at) => {
    const c = s.change;
    if (c.kind === 'alterColumn') {
      const table = bound.get(before(c.table));
      const column = table === undefined ? undefined : columnOf(table, names.column(c.table, c.from.name));
      if (table === undefined || column === undefined) return;
      const sameCollation = collationKey(c.from.collation ?? current.collation) === collationKey(c.to.collation ?? current.collation);
      const up = deltaOf(c.from, c.to, sameCollation, key);
      const down = deltaOf(c.to, c.from, sameCollation, key);
      for (const what of ['default', 'rule'] as const) {
        // A column becoming a type no binding takes is unbound first too (inferred: SQL Server keeps no binding such a column could not take).
        if (bindingBlocksAlter(what, up, c.from.type) || bindingBlocksAlter(what, down, c.to.type) || !takesBinding(c.to.type)) touch(table, column, what, at);
      }
    } else if (c.kind === 'dropColumn') {
      // Drops run before renames: the step names the table and column as they are now.
      const table = bound.get(keyOf(c.table));
      const column = table === undefined ? undefined : columnOf(table, c.column.name);
      if (table !== undefined && column !== undefined) touchBoth(table, column, at, { why: 'dropped', reason: `the plan drops ${c.column.name}` });
    } else if (c.kind === 'dropTable') {
      const table = bound.get(keyOf(c.table));
      for (const column of table?.columns ?? []) touchBoth(table as Table, column, at, { why: 'dropped', reason: `the plan drops ${c.table.schema}.${c.table.name}` });
    } else if (c.kind === 'addDefault') {
      const table = bound.get(before(c.table));
      const column = table === undefined ? undefined : columnOf(table, names.column(c.table, c.constraint.column));
      const t = table === undefined || column === undefined ? undefined : touch(table, column, 'default', at);
      if (t !== undefined) t.gone = { why: 'replaced', reason: `the declared default ${c.constraint.name} replaces it` };
    }
  });
  if (touched.size === 0) return [...steps];

  // Later steps on the same column (a re-add, an alter, a rename) come before the binding again;
  // a re-added column is bound again unless what it becomes takes no binding.
  steps.forEach((s, at) => {
    const ref = columnStep(s.change);
    if (ref === null) return;
    const c = s.change;
    const tableBeforePlan = c.kind === 'dropColumn' ? keyOf(ref.table) : before(ref.table);
    const column = c.kind === 'dropColumn' || c.kind === 'renameColumn' ? ref.column : names.column(ref.table, ref.column);
    for (const t of touched.values()) {
      if (keyOf(t.table) !== tableBeforePlan || key(t.column) !== key(column) || at < t.first) continue;
      t.last = Math.max(t.last, at);
      if (c.kind === 'addColumn' && t.gone?.why === 'dropped') t.gone = null;
      if (t.what === 'default' && ((c.kind === 'addColumn' && c.default !== undefined) || c.kind === 'addDefault')) {
        const name = c.kind === 'addDefault' ? c.constraint.name : c.default?.name ?? '';
        t.gone = { why: 'replaced', reason: `the declared default ${name} replaces it` };
      }
      if ((c.kind === 'addColumn' || c.kind === 'alterColumn') && t.gone === null) {
        const refusal = bindRefusal(t.what, c.kind === 'addColumn' ? c.column : c.to);
        if (refusal !== null) t.gone = { why: 'refused', reason: refusal };
      }
    }
  });

  const renames: { at: number; table: string; from: string | null; to: string }[] = [];
  const moves: { at: number; table: string; to: string }[] = [];
  steps.forEach((s, at) => {
    const c = s.change;
    if (c.kind === 'renameTable') renames.push({ at, table: keyOf(names.unmoved({ schema: c.schema, name: c.from })), from: null, to: c.to });
    if (c.kind === 'renameColumn') renames.push({ at, table: before(c.table), from: c.from, to: c.to });
    if (c.kind === 'transferTable') moves.push({ at, table: tableKey(key, c.from, c.name), to: c.to });
  });
  /** The table and column as named once the steps before `at` have run. */
  const namedAt = (t: Touched, at: number): { table: TableRef; column: string } => {
    const tk = keyOf(t.table);
    const done = renames.filter((r) => r.at < at && r.table === tk);
    const name = done.find((r) => r.from === null)?.to ?? t.table.name;
    const column = done.find((r) => r.from !== null && key(r.from) === key(t.column))?.to ?? t.column;
    const schema = moves.find((m) => m.at < at && m.table === tk)?.to ?? t.table.schema;
    return { table: { schema, name }, column };
  };

  const unbindsAt = new Map<number, PlanStep[]>();
  const bindsAfter = new Map<number, PlanStep[]>();
  const order = [...touched.values()].sort((a, b) => a.first - b.first || a.column.localeCompare(b.column) || a.what.localeCompare(b.what));
  for (const t of order) {
    const what = `${t.what} ${t.object.schema}.${t.object.name} bound to ${t.table.schema}.${t.table.name}.${t.column}`;
    const hazards: Hazard[] = t.gone?.why === 'refused'
      ? [hazard('dependent-object', `${what}: it is unbound and not bound again, since ${t.gone.reason} (the down script binds it again)`)] : [];
    appendTo(unbindsAt, t.first, step({ kind: 'unbindColumn', ...namedAt(t, t.first), what: t.what, object: t.object }, hazards));
    if (t.gone === null) appendTo(bindsAfter, t.last, step({ kind: 'bindColumn', ...namedAt(t, t.last + 1), what: t.what, object: t.object }));
  }
  const out: PlanStep[] = [];
  steps.forEach((s, at) => {
    out.push(...(unbindsAt.get(at) ?? []), s, ...(bindsAfter.get(at) ?? []));
  });
  return out;
}

/** What an ALTER COLUMN from `from` to `to` changes, as blockers.ts reads it. */
function deltaOf(from: Column, to: Column, sameCollation: boolean, key: NameKey): ColumnDelta {
  const typeName = from.type.name !== to.type.name;
  const alias = (c: Column): string => (c.type.alias === undefined ? '' : `${key(c.type.alias.schema)}.${key(c.type.alias.name)}`);
  return {
    typeName,
    size: !typeName && (from.type.length !== to.type.length || from.type.precision !== to.type.precision || from.type.scale !== to.type.scale),
    nullability: from.nullable !== to.nullable,
    collation: !sameCollation,
    declaredType: alias(from) !== alias(to),
  };
}

/** Why SQL Server would refuse to bind a `what` to column `c`, or null when it would not. */
function bindRefusal(what: 'default' | 'rule', c: Column): string | null {
  if (c.computed !== null) return `${c.name} becomes a computed column`;
  if (!takesBinding(c.type)) return `${c.name} becomes a type that takes no bound ${what}`;
  if (what === 'default' && c.identity !== null) return `${c.name} becomes an IDENTITY column`;
  return null;
}

/** The table and column a column step names (the step's own names), or null. */
function columnStep(c: Change): { table: TableRef; column: string } | null {
  switch (c.kind) {
    case 'addColumn': case 'dropColumn': return { table: c.table, column: c.column.name };
    case 'alterColumn': return { table: c.table, column: c.from.name };
    case 'backfillColumn': case 'setSparse': case 'setRowGuidCol': case 'setMask': return { table: c.table, column: c.column };
    case 'renameColumn': return { table: c.table, column: c.from };
    case 'addDefault': case 'dropDefault': return { table: c.table, column: c.constraint.column };
    default: return null;
  }
}
