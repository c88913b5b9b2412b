/**
 * Row-level security: CREATE / ALTER / DROP SECURITY POLICY, the binding a schema-bound policy
 * puts on its targets' columns and its predicate functions, and the filter itself.
 *
 * Sources: create-security-policy-transact-sql, alter-security-policy-transact-sql,
 * drop-security-policy-transact-sql, sys-security-policies-transact-sql,
 * sys-security-predicates-transact-sql, row-level-security ("Filter predicates are applied while
 * reading data from the base table, and it affects all get operations: SELECT, DELETE ... and
 * UPDATE"; "Attempts to alter the schema of a table bound by a schema bound security policy will
 * result in an error. However, columns not referenced by the predicate can be altered"; "For
 * schema bound security policies, attempts to modify a function used as a predicate on a table
 * within a security policy results in an error"; "Attempts to add a predicate on a table that
 * already has one defined for the specified operation (regardless of whether it is enabled or
 * disabled) results in an error"; "only one can be enabled at any given time").
 *
 * Inferred: the error numbers and wording of the policy's own refusals (the docs give none; the
 * binding refusals reuse the schema-bound view's 5074/4922, 3729 and 15336, modules.ts), and
 * Msg 33504 for a write a BLOCK predicate stops; the stored form of an argument that is an
 * expression (a column is `[name]`, as the docs' example; an expression is stored as a computed
 * column's definition); a dropped table's predicates go with it. Writes through a foreign key's
 * cascade are not filtered or blocked here.
 * The policies of a database are one list, put back whole by a rolled-back transaction (tx-log.ts).
 */
import type { Expr, Name, PolicyAction, PredicateOperation, PredicateSpec } from './ast';
import type { Database, Row, Table, Value } from './catalog';
import { allocObjectId, findObject, findSchema, findTable, sameName } from './catalog';
import type { DdlContext } from './ddl-constraints';
import { stored } from './ddl-constraints';
import { SqlError, err } from './errors';
import { evaluate } from './eval';
import { rowScope } from './integrity';
import { findModule } from './modules';
import { moduleHeader } from './module-header';
import { tvfRows } from './routines';
import type { Host, ScopeColumn } from './scope';
import { hostIn } from './views';

/** One predicate of a policy, as sys.security_predicates shows it. */
export interface PolicyPredicate {
  id: number;
  kind: 'FILTER' | 'BLOCK';
  operation: PredicateOperation | null;
  targetId: number;
  fn: { schema: string; name: string };
  args: { expr: Expr; stored: string }[];
  /** The target's columns the arguments name (what a schema-bound policy binds). */
  columns: string[];
}

/** A sys.security_policies row with its predicates. */
export interface SecurityPolicyObject {
  objectId: number;
  schemaId: number;
  name: string;
  enabled: boolean;
  schemaBound: boolean;
  notForReplication: boolean;
  predicates: PolicyPredicate[];
  nextPredicateId: number;
  created: Date;
  modified: Date;
}

/** sys.security_predicates operation codes (1 AFTER INSERT ... 4 BEFORE DELETE; NULL: all). */
export const OPERATION_CODE: Record<PredicateOperation, number> = { 'AFTER INSERT': 1, 'AFTER UPDATE': 2, 'BEFORE UPDATE': 3, 'BEFORE DELETE': 4 };

export function policiesOf(db: Database): readonly SecurityPolicyObject[] {
  return db.securityPolicies ?? [];
}

function schemaName(db: Database, schemaId: number): string {
  return db.schemas.find((s) => s.schemaId === schemaId)?.name ?? 'dbo';
}

function findPolicy(db: Database, name: Name): SecurityPolicyObject | undefined {
  const schema = findSchema(db, name.length >= 2 ? name[name.length - 2] : 'dbo');
  return schema ? policiesOf(db).find((p) => p.schemaId === schema.schemaId && sameName(p.name, name[name.length - 1])) : undefined;
}

/** A policy refusal (number and wording inferred: see the file comment). */
function refusal(number: number, message: string): SqlError {
  return new SqlError(number, 16, 1, message);
}

/** The column names an argument expression reads. */
function columnsOf(e: Expr, out: string[]): string[] {
  if (e.k === 'col') out.push(e.parts[e.parts.length - 1]);
  for (const v of Object.values(e)) {
    if (Array.isArray(v)) for (const x of v) { if (x && typeof x === 'object' && 'k' in x) columnsOf(x as Expr, out); }
    else if (v && typeof v === 'object' && 'k' in v) columnsOf(v as Expr, out);
  }
  return out;
}

/** Resolves and checks one `ADD | ALTER ... PREDICATE` against the database. */
function predicateOf(db: Database, spec: PredicateSpec, schemaBound: boolean, id: number): PolicyPredicate {
  const targetSchema = spec.target.length >= 2 ? spec.target[spec.target.length - 2] : 'dbo';
  const target = findTable(db, targetSchema, spec.target[spec.target.length - 1]);
  if (!target) throw err.invalidObject(spec.target.join('.'));
  const fnSchema = spec.fn.length >= 2 ? spec.fn[spec.fn.length - 2] : 'dbo';
  const fn = findModule(db, [fnSchema, spec.fn[spec.fn.length - 1]]);
  if (!fn) throw err.invalidObject(spec.fn.join('.'));
  if (fn.type !== 'IF') throw refusal(33263, `The function '${spec.fn.join('.')}' cannot be used as a security predicate: it is not an inline table-valued function.`);
  if (schemaBound && !fn.schemaBound) throw refusal(33269, `The function '${spec.fn.join('.')}' must be created WITH SCHEMABINDING to be used as a predicate of a schema-bound security policy.`);
  const params = moduleHeader(fn).params.length;
  if (spec.args.length !== params) {
    throw new SqlError(spec.args.length > params ? 8144 : 313, 16, 2, spec.args.length > params
      ? `Procedure or function ${fn.name} has too many arguments specified.`
      : `An insufficient number of arguments were supplied for the procedure or function ${fnSchema}.${fn.name}.`);
  }
  const columns: string[] = [];
  const args = spec.args.map((a) => {
    for (const c of columnsOf(a.expr, [])) {
      const col = target.columns.find((x) => sameName(x.name, c));
      if (!col) throw err.invalidColumn(c);
      if (!columns.includes(col.name)) columns.push(col.name);
    }
    const only = a.expr.k === 'col' ? target.columns.find((x) => sameName(x.name, a.expr.k === 'col' ? a.expr.parts[a.expr.parts.length - 1] : '')) : undefined;
    return { expr: a.expr, stored: only ? `[${only.name.replace(/\]/g, ']]')}]` : stored('computed', a.text) };
  });
  return { id, kind: spec.kind, operation: spec.kind === 'FILTER' ? null : spec.operation, targetId: target.objectId, fn: { schema: schemaName(db, fn.schemaId), name: fn.name }, args, columns };
}

/** Two predicates on one table for the same operation (a BLOCK predicate on every operation covers each). */
function overlaps(a: PolicyPredicate, b: PolicyPredicate): boolean {
  return a.targetId === b.targetId && a.kind === b.kind && (a.kind === 'FILTER' || a.operation === null || b.operation === null || a.operation === b.operation);
}

/** A policy's own predicates must not overlap, and an enabled one none of another enabled policy's. */
function checkOverlaps(db: Database, p: SecurityPolicyObject): void {
  p.predicates.forEach((x, i) => {
    if (p.predicates.slice(0, i).some((y) => overlaps(x, y))) {
      throw refusal(33264, `The security policy '${p.name}' cannot have more than one ${x.kind} predicate for the same operation on '${tableName(db, x.targetId)}'.`);
    }
  });
  if (!p.enabled) return;
  for (const other of policiesOf(db)) {
    if (other.objectId === p.objectId || !other.enabled) continue;
    const clash = p.predicates.find((x) => other.predicates.some((y) => overlaps(x, y)));
    if (clash) throw refusal(33265, `Cannot enable the security policy '${p.name}': the enabled security policy '${other.name}' already has a ${clash.kind} predicate for the same operation on '${tableName(db, clash.targetId)}'.`);
  }
}

function tableName(db: Database, id: number): string {
  const t = db.tables.find((x) => x.objectId === id);
  return t ? `${schemaName(db, t.schemaId)}.${t.name}` : String(id);
}

function store(ctx: DdlContext, next: readonly SecurityPolicyObject[]): void {
  ctx.beforePolicies?.();
  ctx.db.securityPolicies = [...next];
}

/** CREATE SECURITY POLICY: STATE defaults to ON and SCHEMABINDING to ON. */
export function createSecurityPolicy(ctx: DdlContext, name: Name, specs: readonly PredicateSpec[], o: { state?: boolean; schemaBinding?: boolean; notForReplication: boolean }): void {
  const schemaWanted = name.length >= 2 ? name[name.length - 2] : 'dbo';
  const schema = findSchema(ctx.db, schemaWanted);
  if (!schema) throw err.noSchema(schemaWanted);
  const policyName = name[name.length - 1];
  if (findObject(ctx.db, schema.schemaId, policyName)) throw err.objectExists(policyName);
  const schemaBound = o.schemaBinding ?? true;
  const p: SecurityPolicyObject = {
    objectId: allocObjectId(ctx.db), schemaId: schema.schemaId, name: policyName, enabled: o.state ?? true, schemaBound,
    notForReplication: o.notForReplication, predicates: specs.map((s, i) => predicateOf(ctx.db, s, schemaBound, i + 1)),
    nextPredicateId: specs.length + 1, created: ctx.now, modified: ctx.now,
  };
  checkOverlaps(ctx.db, p);
  store(ctx, [...policiesOf(ctx.db), p]);
}

/** ALTER SECURITY POLICY: ADD / ALTER / DROP predicates, WITH (STATE = ...), NOT FOR REPLICATION. */
export function alterSecurityPolicy(ctx: DdlContext, name: Name, actions: readonly PolicyAction[], o: { state?: boolean; notForReplication: boolean }): void {
  const found = findPolicy(ctx.db, name);
  if (!found) throw refusal(15151, `Cannot alter the security policy '${name.join('.')}', because it does not exist or you do not have permission.`);
  let predicates = [...found.predicates];
  let nextId = found.nextPredicateId;
  for (const a of actions) {
    if (a.op === 'add') { predicates.push(predicateOf(ctx.db, a.spec, found.schemaBound, nextId)); nextId++; continue; }
    const targetSchema = (a.op === 'drop' ? a.target : a.spec.target);
    const target = findTable(ctx.db, targetSchema.length >= 2 ? targetSchema[targetSchema.length - 2] : 'dbo', targetSchema[targetSchema.length - 1]);
    const kind = a.op === 'drop' ? a.kind : a.spec.kind;
    const operation = a.op === 'drop' ? a.operation : a.spec.operation;
    const matches = predicates.filter((x) => target !== undefined && x.targetId === target.objectId && x.kind === kind && (kind === 'FILTER' || operation === null || x.operation === operation));
    const old = matches.length === 1 ? matches[0] : matches.find((x) => x.operation === operation);
    if (!old) throw refusal(33266, `The security policy '${found.name}' has no ${kind} predicate on '${targetSchema.join('.')}'${operation === null ? '' : ` ${operation}`}.`);
    predicates = a.op === 'drop' ? predicates.filter((x) => x !== old) : predicates.map((x) => (x === old ? predicateOf(ctx.db, a.spec, found.schemaBound, old.id) : x));
  }
  const next: SecurityPolicyObject = {
    ...found, predicates, nextPredicateId: nextId, enabled: o.state ?? found.enabled,
    notForReplication: found.notForReplication || o.notForReplication, modified: ctx.now,
  };
  checkOverlaps(ctx.db, next);
  store(ctx, policiesOf(ctx.db).map((p) => (p === found ? next : p)));
}

/** DROP SECURITY POLICY [IF EXISTS]. */
export function dropSecurityPolicy(ctx: DdlContext, name: Name, ifExists: boolean): void {
  const found = findPolicy(ctx.db, name);
  if (!found) {
    if (ifExists) return;
    throw new SqlError(3701, 11, 5, `Cannot drop the security policy '${name.join('.')}', because it does not exist or you do not have permission.`);
  }
  store(ctx, policiesOf(ctx.db).filter((p) => p !== found));
}

/**
 * The schema-bound policy that binds `table` (a predicate's target; with `column`, a column its
 * arguments pass) or the function `table` names (a predicate function), if any.
 */
export function policyBlocker(db: Database, schema: string, table: string, column?: string): SecurityPolicyObject | undefined {
  const t = findTable(db, schema, table);
  return policiesOf(db).find((p) => p.schemaBound && p.predicates.some((x) => (t !== undefined && x.targetId === t.objectId && (column === undefined || x.columns.some((c) => sameName(c, column))))
    || (column === undefined && sameName(x.fn.schema, schema) && sameName(x.fn.name, table))));
}

/** predicate_definition as stored: `[schema].[function]([col], ...)`. */
export function predicateDefinition(x: PolicyPredicate): string {
  const q = (s: string): string => `[${s.replace(/\]/g, ']]')}]`;
  return `${q(x.fn.schema)}.${q(x.fn.name)}(${x.args.map((a) => a.stored).join(', ')})`;
}

/** The database that holds a table (a session may read another database's). */
function databaseOf(host: Host, t: Table): Database | undefined {
  return host.db.tables.includes(t) ? host.db : host.allDatabases().find((d) => d.tables.includes(t));
}

/**
 * The rows of `t` an enabled FILTER predicate lets through: those for which its function returns
 * a row, evaluated with the row's columns as arguments.
 */
export function filterRows(t: Table, columns: readonly ScopeColumn[], rows: Value[][], host: Host): Value[][] {
  const db = databaseOf(host, t);
  if (!db || policiesOf(db).length === 0) return rows;
  const filters = policiesOf(db).filter((p) => p.enabled).flatMap((p) => p.predicates.filter((x) => x.kind === 'FILTER' && x.targetId === t.objectId));
  if (filters.length === 0) return rows;
  const inDb = hostIn(host, db);
  return rows.filter((row) => filters.every((x) => tvfRows([x.fn.schema, x.fn.name], x.args.map((a) => evaluate(a.expr, { columns, row }, inDb)), inDb).rows.length > 0));
}

/** The tables a policy's predicates are on now (what ALTER / DROP SECURITY POLICY locks). */
export function policyTargets(db: Database, name: Name): Name[] {
  return (findPolicy(db, name)?.predicates ?? []).flatMap((x) => {
    const t = db.tables.find((y) => y.objectId === x.targetId);
    return t ? [[schemaName(db, t.schemaId), t.name]] : [];
  });
}

/** The enabled predicates of `kind` on `t` (BLOCK ones for `operation`, or for every operation). */
function activePredicates(db: Database, t: Table, kind: 'FILTER' | 'BLOCK', operation: PredicateOperation | null): PolicyPredicate[] {
  return policiesOf(db).filter((p) => p.enabled).flatMap((p) => p.predicates.filter((x) => x.targetId === t.objectId && x.kind === kind
    && (kind === 'FILTER' || x.operation === null || x.operation === operation)));
}

/** Whether the predicate function returns a row for `row` of `t`. */
function holds(host: Host, db: Database, t: Table, row: Row, x: PolicyPredicate): boolean {
  const inDb = hostIn(host, db);
  const scope = rowScope(t, row, inDb);
  return tvfRows([x.fn.schema, x.fn.name], x.args.map((a) => evaluate(a.expr, scope, inDb)), inDb).rows.length > 0;
}

/** The rows of `t` an UPDATE or DELETE may see (filter predicates apply to them: row-level-security). */
export function visibleRows(host: Host, t: Table, rows: readonly Row[]): Row[] {
  const db = databaseOf(host, t);
  const filters = db === undefined ? [] : activePredicates(db, t, 'FILTER', null);
  if (db === undefined || filters.length === 0) return [...rows];
  return rows.filter((r) => filters.every((x) => holds(host, db, t, r, x)));
}

/**
 * A BLOCK predicate for `operation` that one of `rows` fails stops the statement (Msg 33504;
 * number and wording inferred). AFTER INSERT / AFTER UPDATE see the rows as written, BEFORE UPDATE
 * / BEFORE DELETE as they were; an AFTER UPDATE predicate is skipped when the UPDATE sets none of
 * the columns it passes ("The optimizer will not check an AFTER UPDATE block predicate if none of
 * the columns used by the predicate function were changed").
 */
export function checkBlocks(host: Host, t: Table, operation: PredicateOperation, rows: readonly Row[], updated?: readonly string[]): void {
  const db = databaseOf(host, t);
  if (db === undefined || rows.length === 0) return;
  for (const x of activePredicates(db, t, 'BLOCK', operation)) {
    if (operation === 'AFTER UPDATE' && updated !== undefined && !x.columns.some((c) => updated.some((u) => sameName(u, c)))) continue;
    if (rows.every((r) => holds(host, db, t, r, x))) continue;
    throw new SqlError(33504, 16, 1, `The attempted operation failed because the target object '${db.name}.${schemaName(db, t.schemaId)}.${t.name}' has a block predicate that conflicts with this operation. If the operation is performed on a view, the block predicate might be enforced on the underlying table. Modify the operation to target only the rows that are allowed by the block predicate.`);
  }
}
