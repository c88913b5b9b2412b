/**
 * Refreshing the views, procedures and functions over the tables a plan changes. A module that
 * is not schema-bound keeps the metadata SQL Server worked out when it was created: a view's
 * columns (sys.columns), a `SELECT *` expanded to the columns its table had then. Changing the
 * table's columns leaves that stale until sp_refreshsqlmodule binds the module's text again
 * (sp-refreshsqlmodule-transact-sql; create-view-transact-sql: "If a view isn't created with the
 * SCHEMABINDING clause, run sp_refreshview when changes are made to the objects underlying the
 * view"), as DacFx does after a table change.
 *
 * So after the plan's last step, each such module over a table whose columns change (or over a
 * module refreshed or re-created here) is refreshed, in dependency order (a view on a view after
 * its base). Schema-bound modules need none (SQL Server refuses to refresh them, and the plan
 * re-creates those in its way), nor do modules the plan drops or re-creates, nor triggers.
 *
 * A refresh binds the text again, so it fails where the text no longer binds: a table it names is
 * dropped or renamed (Msg 208), a column it names is (Msg 207; a `*` is expanded again, so the
 * columns a star stands for may go), or a module it reads cannot be refreshed. Such a module is
 * not refreshed (the plan would fail mid-apply): a `dependent-object` hazard on the step that
 * breaks it says so, before anything runs.
 */
import type { Hazard, PlanStep } from './changes';
import { hazard } from './hazards';
import { step } from './step';
import { tableKey, type NameKey } from '../sqlserver/names';
import type { Database, DependentModule, ModuleReference } from '../model';
import { compareText } from '../util/compare';

const WORD: Record<DependentModule['type'], string> = { V: 'view', P: 'procedure', FN: 'function', IF: 'function', TF: 'function', TR: 'trigger' };

/** A table through the plan: its columns now, and where names it had went. */
interface TableState {
  columns: Map<string, string>;
  /** Column key -> the step that first took the name away (a drop or a rename). */
  readonly lostAt: Map<string, number>;
}

/** What the plan does to tables, by their name before the plan. */
interface PlanEffect {
  /** Table key (before the plan) -> the steps that change its columns. */
  readonly changedBy: Map<string, number[]>;
  /** Table key -> its state after the plan, null when no table has that name any more. */
  readonly after: Map<string, TableState | null>;
  /** Table key -> the step that took the name away (a drop or a rename), for tables gone. */
  readonly goneAt: Map<string, number>;
  /** Table key -> its column keys before the plan. */
  readonly before: Map<string, ReadonlySet<string>>;
}

/**
 * Follows the plan's steps over the current tables: which steps change whose columns, and which
 * names of tables and columns are gone at the end (a rename through a temporary name, or a drop
 * and re-add under the same name, leaves the name in place).
 */
function followPlan(steps: readonly PlanStep[], current: Database, key: NameKey): PlanEffect {
  const byName = new Map<string, TableState>();
  const origin = new Map<TableState, string>();
  for (const t of current.tables) {
    const state: TableState = { columns: new Map(t.columns.map((c) => [key(c.name), c.name])), lostAt: new Map() };
    byName.set(tableKey(key, t.schema, t.name), state);
    origin.set(state, tableKey(key, t.schema, t.name));
  }
  const changedBy = new Map<string, number[]>();
  const goneAt = new Map<string, number>();
  const changed = (t: { schema: string; name: string }, i: number): TableState | undefined => {
    const state = byName.get(tableKey(key, t.schema, t.name));
    const was = state === undefined ? undefined : origin.get(state);
    if (was !== undefined) changedBy.set(was, [...(changedBy.get(was) ?? []), i]);
    return state;
  };
  const lose = (state: TableState | undefined, column: string, i: number): void => {
    if (state === undefined) return;
    state.columns.delete(key(column));
    if (!state.lostAt.has(key(column))) state.lostAt.set(key(column), i);
  };
  steps.forEach((s, i) => {
    const c = s.change;
    switch (c.kind) {
      case 'addColumn': changed(c.table, i)?.columns.set(key(c.column.name), c.column.name); return;
      case 'dropColumn': lose(changed(c.table, i), c.column.name, i); return;
      case 'renameColumn': {
        const state = changed(c.table, i);
        lose(state, c.from, i);
        state?.columns.set(key(c.to), c.to);
        return;
      }
      case 'alterColumn': case 'alterPeriodHidden': changed(c.table, i); return;
      case 'addPeriod': {
        const state = changed(c.table, i);
        for (const col of [c.start, c.end]) state?.columns.set(key(col.name), col.name);
        return;
      }
      case 'dropPeriod': { const state = changed(c.table, i); lose(state, c.start.name, i); lose(state, c.end.name, i); return; }
      // A move to another schema takes the table from the name modules read, as a rename does.
      case 'renameTable': case 'transferTable': case 'dropTable': {
        const from = c.kind === 'renameTable' ? tableKey(key, c.schema, c.from) : c.kind === 'transferTable' ? tableKey(key, c.from, c.name) : tableKey(key, c.table.schema, c.table.name);
        const state = byName.get(from);
        byName.delete(from);
        const was = state === undefined ? undefined : origin.get(state);
        if (was !== undefined && !goneAt.has(was)) goneAt.set(was, i);
        if (c.kind === 'renameTable' && state !== undefined) byName.set(tableKey(key, c.schema, c.to), state);
        if (c.kind === 'transferTable' && state !== undefined) byName.set(tableKey(key, c.to, c.name), state);
        return;
      }
      case 'createTable': {
        // A new table under a name a module reads: the module binds to it (its columns are new).
        const k = tableKey(key, c.table.schema, c.table.name);
        const state: TableState = { columns: new Map(c.table.columns.map((col) => [key(col.name), col.name])), lostAt: new Map() };
        byName.set(k, state);
        if (current.tables.some((t) => tableKey(key, t.schema, t.name) === k)) {
          origin.set(state, k);
          changedBy.set(k, [...(changedBy.get(k) ?? []), i]);
        }
        return;
      }
      default:
        return;
    }
  });
  const after = new Map<string, TableState | null>();
  for (const t of current.tables) {
    const k = tableKey(key, t.schema, t.name);
    after.set(k, byName.get(k) ?? null);
  }
  const before = new Map(current.tables.map((t) => [tableKey(key, t.schema, t.name), new Set(t.columns.map((c) => key(c.name))) as ReadonlySet<string>]));
  return { changedBy, after, goneAt, before };
}

/** Why refreshing `m` would fail after the plan, and the step that makes it so; null when it would bind. */
function whyNot(m: DependentModule, effect: PlanEffect, key: NameKey, broken: ReadonlyMap<string, number>): { why: string; at: number | null } | null {
  for (const r of m.references) {
    if (!r.isTable) {
      const at = broken.get(tableKey(key, r.schema, r.name));
      if (at !== undefined) return { why: `it reads ${r.schema}.${r.name}, which cannot be refreshed either`, at };
      continue;
    }
    const k = tableKey(key, r.schema, r.name);
    if (!effect.after.has(k)) continue; // a table outside the plan's reach (ignored, or another database's)
    const state = effect.after.get(k) ?? null;
    if (state === null) return { why: `it reads ${r.schema}.${r.name}, which the plan drops or renames (Msg 208)`, at: effect.goneAt.get(k) ?? null };
    const gone = namedColumns(r).filter((c) => !state.columns.has(key(c)));
    if (r.columnsFrom === 'unknown' && state.lostAt.size > 0) {
      return { why: `its text cannot be read, and the plan drops or renames columns of ${r.schema}.${r.name}`, at: Math.min(...state.lostAt.values()) };
    }
    if (gone.length > 0) {
      return {
        why: `it names ${gone.map((c) => `${r.schema}.${r.name}.${c}`).join(', ')}, which the plan drops or renames (Msg 207)`,
        at: Math.min(...gone.map((c) => state.lostAt.get(key(c)) ?? Infinity)),
      };
    }
  }
  return m.type === 'V' ? starCollision(m, effect, key) ?? columnListMismatch(m, effect, key) : null;
}

/**
 * A view with a column list over a `*`: the list names as many columns as the star gave when it
 * was created; once the plan adds or drops columns under the star, the refresh fails (Msg 4502
 * when the list names more columns than the SELECT gives; the other way round, inferred, fails too).
 */
function columnListMismatch(m: DependentModule, effect: PlanEffect, key: NameKey): { why: string; at: number | null } | null {
  if (m.columnList === undefined) return null;
  const starred = [...new Set(m.references.filter((r) => r.isTable && r.named !== undefined).map((r) => tableKey(key, r.schema, r.name)))];
  const count = (size: (k: string) => number) => starred.reduce((n, k) => n + size(k), 0);
  const before = count((k) => effect.before.get(k)?.size ?? 0);
  const after = count((k) => effect.after.get(k)?.columns.size ?? 0);
  if (before === after) return null;
  const at = starred.flatMap((k) => effect.changedBy.get(k) ?? []);
  return { why: `its column list names ${m.columnList} columns, and its * would give ${after - before > 0 ? 'more' : 'fewer'} (${after - before > 0 ? '+' : ''}${after - before})`, at: at.length > 0 ? Math.min(...at) : null };
}

/**
 * A view whose `*` covers several tables lists each of their columns: once the plan gives two of
 * them a column of the same name, the refresh fails (Msg 4506, "Column names in each view or
 * function must be unique"). Read conservatively: a star through an alias counts for every table.
 */
function starCollision(m: DependentModule, effect: PlanEffect, key: NameKey): { why: string; at: number | null } | null {
  const starred = m.references.filter((r) => r.isTable && r.named !== undefined).map((r) => ({ r, k: tableKey(key, r.schema, r.name) }));
  if (starred.length < 2) return null;
  /** Column key -> the tables (and the name one of them gives it) whose star lists it. */
  const owners = (columns: (k: string) => Iterable<readonly [string, string]>): Map<string, { name: string; tables: string[] }> => {
    const out = new Map<string, { name: string; tables: string[] }>();
    for (const { r, k } of starred) {
      for (const [c, name] of columns(k)) out.set(c, { name, tables: [...(out.get(c)?.tables ?? []), `${r.schema}.${r.name}`] });
    }
    return out;
  };
  const before = owners((k) => [...(effect.before.get(k) ?? [])].map((c) => [c, c] as const));
  const after = owners((k) => effect.after.get(k)?.columns ?? []);
  for (const [column, { name, tables }] of after) {
    if (tables.length < 2 || (before.get(column)?.tables.length ?? 0) >= 2) continue;
    const at = starred.flatMap(({ k }) => effect.changedBy.get(k) ?? []);
    return { why: `its * would list column ${name} twice, of ${tables.join(' and ')} (Msg 4506)`, at: at.length > 0 ? Math.min(...at) : null };
  }
  return null;
}

/** The columns the module's text names (a `*` is expanded again on refresh, so not those it stands for). */
function namedColumns(r: ModuleReference): readonly string[] {
  return r.named ?? r.columns;
}

/** A refresh would find nothing to do for these, or SQL Server refuses one. */
function refreshable(m: DependentModule): boolean {
  return !m.schemaBound && m.type !== 'TR';
}

/**
 * The plan with a refresh step after its last step for every non-schema-bound module over what
 * it changes, and a hazard on the step that breaks each one that cannot be refreshed.
 */
export function planModuleRefreshes(steps: readonly PlanStep[], current: Database, key: NameKey): PlanStep[] {
  const modules = current.modules ?? [];
  if (modules.length === 0) return [...steps];
  const effect = followPlan(steps, current, key);
  const moduleKey = (m: { schema: string; name: string }) => tableKey(key, m.schema, m.name);
  const handled = new Set(steps.flatMap((s) => (s.change.kind === 'dropModule' || s.change.kind === 'createModule' ? [moduleKey(s.change.module)] : [])));
  const recreated = new Set(steps.flatMap((s) => (s.change.kind === 'createModule' ? [moduleKey(s.change.module)] : [])));
  const byKey = new Map(modules.map((m) => [moduleKey(m), m]));

  // Dependency order: a module after every module it reads (cycles cannot be created in SQL Server; a
  // stale catalog's are broken by name order).
  const ordered: DependentModule[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (m: DependentModule): void => {
    const k = moduleKey(m);
    if (state.has(k)) return;
    state.set(k, 'visiting');
    for (const r of m.references) {
      const base = r.isTable ? undefined : byKey.get(tableKey(key, r.schema, r.name));
      if (base !== undefined) visit(base);
    }
    state.set(k, 'done');
    ordered.push(m);
  };
  // Roots by name, so the order does not depend on how the catalog listed them.
  for (const m of [...modules].sort((a, b) => compareText(a.schema, b.schema) || compareText(a.name, b.name))) visit(m);

  const touched = new Set<string>(recreated);
  /** Modules that cannot be refreshed -> the step whose hazard says so. */
  const broken = new Map<string, number>();
  const refreshes: PlanStep[] = [];
  const extra = new Map<number, Hazard[]>();
  for (const m of ordered) {
    const k = moduleKey(m);
    if (handled.has(k)) continue;
    // Only column changes call for a refresh; a module over a table that is only dropped or renamed
    // already has its hazard (dependents.ts), and nothing to refresh it against.
    const over = m.references.some((r) => (r.isTable ? effect.changedBy : touched).has(tableKey(key, r.schema, r.name)));
    // A schema-bound module's metadata holds (what it binds cannot change under it): only its re-creation counts.
    if (!over || !refreshable(m)) continue;
    touched.add(k);
    const no = whyNot(m, effect, key, broken);
    if (no === null) {
      refreshes.push(step({ kind: 'refreshModule', module: m }));
      continue;
    }
    const at = no.at ?? firstStepUnder(m, effect, key, steps.length);
    broken.set(k, at);
    extra.set(at, [...(extra.get(at) ?? []), hazard('dependent-object',
      `${WORD[m.type]} ${m.schema}.${m.name} is not refreshed after the plan: sp_refreshsqlmodule would fail, since ${no.why}; until it is changed or dropped it fails when used`)]);
  }
  const out = steps.map((s, i) => {
    const more = extra.get(i);
    return more === undefined ? s : { ...s, hazards: [...s.hazards, ...more] };
  });
  return [...out, ...refreshes];
}

/** The first step that changes a table the module reads (for a hazard with no step of its own). */
function firstStepUnder(m: DependentModule, effect: PlanEffect, key: NameKey, stepCount: number): number {
  const at = m.references.flatMap((r) => effect.changedBy.get(tableKey(key, r.schema, r.name)) ?? []);
  return at.length > 0 ? Math.min(...at) : stepCount - 1;
}
