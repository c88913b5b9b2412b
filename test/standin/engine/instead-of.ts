/**
 * INSTEAD OF triggers (create-trigger-transact-sql.md: "INSTEAD OF ... the DML trigger launches
 * instead of the triggering SQL statement, thus, overriding the actions of the triggering
 * statements"; on tables and on views). An INSERT, UPDATE or DELETE whose target has an enabled
 * INSTEAD OF trigger for its action changes nothing itself: the rows it would have written become
 * the trigger's `inserted` and `deleted`, and the trigger runs in its place (session.ts). Its
 * constraints are not checked first ("INSTEAD OF triggers ... are executed instead of ... the
 * constraint processing", same page). A statement the trigger itself runs against its own table or
 * view is processed as if there were no INSTEAD OF trigger (same page, "If an INSTEAD OF trigger
 * defined on a table executes a statement against the table that would ordinarily fire the
 * INSTEAD OF trigger again, the trigger isn't called recursively").
 *
 * Worked out here: INSERT's rows (columns not given take their defaults on a table and NULL on a
 * view; identity and computed columns NULL: inferred), UPDATE's and DELETE's matched rows with a
 * WHERE, TOP (n). Not done (Msg 40000): UPDATE / DELETE with FROM, OUTPUT, MERGE into such a target.
 */
import type { Expr, Name, Select, Statement } from './ast';
import type { Column, Module, Row, Table, Value } from './catalog';
import { findColumn, findTable } from './catalog';
import type { Host } from './scope';
import { evaluate, test } from './eval';
import { rowScope } from './integrity';
import { executeSelect, resolveName } from './select';
import { findModule, modulesOf } from './modules';
import { convert } from './values';
import { SqlError, err } from './errors';

/** A statement's target that has an INSTEAD OF trigger for its action: what the trigger sees. */
export interface InsteadTarget {
  readonly trigger: Module;
  /** The table, or a table-shaped image of the view (its columns; rows read when needed). */
  readonly shape: Table;
  readonly view?: Module;
}

/** The enabled INSTEAD OF trigger of an object for an action, if any. */
function insteadTrigger(modules: readonly Module[], objectId: number, action: 'INSERT' | 'UPDATE' | 'DELETE'): Module | undefined {
  return modules.find((m) => m.type === 'TR' && m.parentObjectId === objectId && m.disabled !== true && m.trigger?.insteadOf === true && m.trigger.events.includes(action));
}

/**
 * The target of INSERT / UPDATE / DELETE `name` when an INSTEAD OF trigger takes its place; not
 * when the running trigger is that object's own INSTEAD OF trigger (`running`).
 */
export function insteadTarget(host: Host, name: Name, action: 'INSERT' | 'UPDATE' | 'DELETE', running: readonly Module[]): InsteadTarget | undefined {
  if (name.length === 1 && (name[0].startsWith('@') || host.pseudoTable?.(name[0]))) return undefined;
  const { db, schema, name: n } = resolveName(host, name);
  if (!db.modules?.some((m) => m.type === 'TR' && m.trigger?.insteadOf === true)) return undefined;
  const t = findTable(db, schema, n);
  const view = t ? undefined : findModule(db, [schema, n]);
  const objectId = t?.objectId ?? (view?.type === 'V' ? view.objectId : undefined);
  if (objectId === undefined) return undefined;
  if (running.some((m) => m.parentObjectId === objectId && m.trigger?.insteadOf === true)) return undefined;
  const trigger = insteadTrigger(modulesOf(db), objectId, action);
  if (!trigger) return undefined;
  if (t) return { trigger, shape: t };
  const v = view as Module;
  const shape: Table = {
    objectId: v.objectId, schemaId: v.schemaId, name: v.name, rows: [], indexes: [], keys: [], checks: [], defaults: [], fks: [],
    columns: v.columns.map((c): Column => ({ columnId: c.columnId, name: c.name, type: c.type, nullable: c.nullable, collation: null, defaultObjectId: 0 })),
    created: v.created, modified: v.modified,
  };
  return { trigger, shape, view: v };
}

/** MERGE into a target with an INSTEAD OF trigger is not done: a clear refusal, not a wrong answer. */
export function refuseInsteadOfMerge(host: Host, name: Name, running: readonly Module[]): void {
  for (const action of ['INSERT', 'UPDATE', 'DELETE'] as const) {
    const target = insteadTarget(host, name, action, running);
    if (target) throw err.notSupported(`MERGE into '${target.shape.name}', which has INSTEAD OF trigger '${target.trigger.name}'`);
  }
}

/** The rows of the target as the trigger's `deleted` would hold them (a view's read through the view). */
function currentRows(host: Host, name: Name, target: InsteadTarget): Row[] {
  if (!target.view) return target.shape.rows;
  const sel: Select = { k: 'select', distinct: false, items: [{ expr: { k: 'star' } }], from: [{ k: 'table', name }], groupBy: [], orderBy: [] };
  return executeSelect(sel, host, undefined).rows.map((r) => [null, ...r]);
}

/** The rows an INSERT would have added: `inserted` of the INSTEAD OF INSERT trigger. */
export function wouldInsert(host: Host, target: InsteadTarget, s: Extract<Statement, { k: 'insert' }>, given: readonly Value[][] | undefined): Row[] {
  const { shape } = target;
  const cols = s.columns
    ? s.columns.map((n) => { const c = findColumn(shape, n); if (!c) throw err.invalidColumn(n); return c; })
    : shape.columns.filter((c) => target.view !== undefined || (!c.identity && !c.computed && c.type.name !== 'timestamp'));
  let inputs: (Value | undefined)[][];
  if (given) inputs = given.map((r) => [...r]);
  else if (s.select) inputs = executeSelect(s.select, host, undefined).rows;
  else inputs = (s.values ?? []).map((row) => row.map((e: Expr) => (e.k === 'col' && e.parts.length === 1 && e.parts[0].toUpperCase() === 'DEFAULT' ? undefined : evaluate(e, undefined, host))));
  if (inputs.some((r) => r.length !== cols.length && r.length !== 0)) throw new SqlError(213, 16, 1, 'Column name or number of supplied values does not match table definition.');
  return inputs.map((input) => {
    const row: Row = [];
    for (const c of shape.columns) {
      const i = cols.indexOf(c);
      const value = i >= 0 ? input[i] : undefined;
      const d = value === undefined && !target.view ? shape.defaults.find((x) => x.columnId === c.columnId) : undefined;
      row[c.columnId] = value !== undefined ? convert(value, c.type) : d ? convert(evaluate(d.expr, undefined, host), c.type) : null;
    }
    return row;
  });
}

/** The rows an UPDATE or DELETE would have changed (before), and an UPDATE's rows after its SET. */
export function wouldChange(host: Host, target: InsteadTarget, s: Extract<Statement, { k: 'update' | 'delete' }>, top: Value | undefined): { before: Row[]; after: Row[] } {
  if (s.from) throw err.notSupported(`${s.k.toUpperCase()} ... FROM on '${target.shape.name}', which has INSTEAD OF trigger '${target.trigger.name}'`);
  const limit = top === undefined || top === null ? Infinity : Math.max(0, Math.floor(Number(top)));
  const { shape } = target;
  const sets = s.k === 'update' ? s.sets.map((x) => { const c = findColumn(shape, x.col); if (!c) throw err.invalidColumn(x.col); return { c, expr: x.expr }; }) : [];
  const before: Row[] = [];
  const after: Row[] = [];
  for (const row of currentRows(host, s.table, target)) {
    if (before.length >= limit) break;
    const scope = rowScope(shape, row, host);
    if (s.where && test(s.where, scope, host) !== true) continue;
    before.push(row);
    if (s.k === 'update') {
      const copy = [...row];
      for (const { c, expr } of sets) copy[c.columnId] = convert(evaluate(expr, scope, host), c.type);
      after.push(copy);
    }
  }
  return { before, after };
}
