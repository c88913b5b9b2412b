/**
 * Calling user functions: scalar functions in expressions (`dbo.f(2)`) and inline table-valued
 * functions in FROM (`FROM dbo.tvf(2) AS x`, also under APPLY); the arguments of those and of
 * procedures (session.ts) bound to the declared parameters.
 * https://learn.microsoft.com/sql/t-sql/statements/create-function-transact-sql,
 * https://learn.microsoft.com/sql/relational-databases/user-defined-functions/execute-user-defined-functions
 *
 * A scalar function's body runs synchronously inside the expression that calls it: DECLARE, SET,
 * SELECT @v = ..., IF, WHILE, BEGIN...END and RETURN (a function may not change data, so
 * nothing else is allowed in one). Its result is converted to the RETURNS type.
 */
import type { ColumnDef, ConstraintDef, Expr, IndexDef, Select, Statement } from './ast';
import type { DdlContext } from './ddl-constraints';
import { createTable } from './ddl';
import { insert, remove, update } from './dml';
import type { SelectResult } from './select';
import type { Module, UserType, Value } from './catalog';
import { findTableType } from './ddl-table-types';
import { findSchema } from './catalog';
import type { Host, Scope } from './scope';
import type { SqlType } from './types';
import { resolveType, ty } from './types';
import { convert } from './values';
import { SqlError, err } from './errors';
import { findModule } from './modules';
import type { Header } from './module-header';
import { moduleHeader } from './module-header';
import { hostIn, nested } from './views';
import { evaluate, test } from './eval';
import { executeSelect, selectTypes } from './select';
import { withCtes } from './cte';

/**
 * A variable of a module's frame; a table variable's rows are the stored table `table` (of the
 * table type `tableType`, when declared with one); `borrowed`: a table-valued parameter, the
 * caller's table variable itself (READONLY), which the callee's end does not drop.
 */
export type Var = { value: Value; type: SqlType; table?: string; tableType?: number; borrowed?: boolean };

/** An argument as the caller gave it: by position or by name; undefined value for DEFAULT; `table`: a table variable given. */
export interface Arg {
  readonly name?: string; readonly value: Value | undefined;
  /** A table variable given (its stored table and table type), or the type name of a variable given, for Msg 206. */
  readonly table?: { readonly stored: string; readonly tableType?: number } | { readonly scalar: string };
}

/** What an argument expression gives a table-valued parameter: a table variable, or a scalar variable's type name. */
export function tableArg(e: Expr, host: Host): Arg['table'] {
  const v = e.k === 'var' ? host.getVar(e.name) : undefined;
  if (v === undefined) return undefined;
  return v.table === undefined ? { scalar: v.type.name } : { stored: v.table, tableType: v.tableType };
}

/**
 * Binds arguments to a module's parameters (Msg 8144 too many, 201 / 313 one missing). A
 * table-valued parameter takes a table variable of its type (Msg 206 for anything else; wording
 * inferred) and reads it in place; one not given is an empty table of the type (inferred: a
 * table-valued parameter has no declared default, and callers may leave it out), which
 * `emptyTable` makes (procedures); without it, it is missing.
 */
export function bindArgs(m: Module, h: Header, args: readonly Arg[], host: Host, emptyTable?: (type: UserType, param: string) => string): Map<string, Var> {
  const vars = new Map<string, Var>();
  const positional = args.filter((a) => a.name === undefined);
  if (positional.length > h.params.length) throw new SqlError(8144, 16, 2, `Procedure or function ${m.name} has too many arguments specified.`);
  h.params.forEach((p, i) => {
    const given = args.find((a) => a.name !== undefined && a.name.toLowerCase() === p.name.toLowerCase()) ?? positional[i];
    const tableType = findTableType(host.db, p.type);
    if (tableType) {
      const t = given?.table;
      if (t !== undefined && 'stored' in t && t.tableType === tableType.userTypeId) {
        vars.set(p.name.toLowerCase(), { value: null, type: ty.int, table: t.stored, tableType: tableType.userTypeId, borrowed: true });
        return;
      }
      if (given !== undefined && (given.value !== undefined || t !== undefined)) {
        const what = t === undefined ? literalTypeName(given.value ?? null) : 'scalar' in t ? t.scalar : givenTypeName(host, t.tableType);
        throw new SqlError(206, 16, 2, `Operand type clash: ${what} is incompatible with ${tableType.name}`);
      }
      if (emptyTable) {
        vars.set(p.name.toLowerCase(), { value: null, type: ty.int, table: emptyTable(tableType, p.name), tableType: tableType.userTypeId });
        return;
      }
    }
    const type = tableType ? ty.int : resolveType(p.type);
    let value: Value;
    if (given && given.value !== undefined) value = given.value;
    else if (p.default) value = evaluate(p.default, undefined, host);
    else if (m.type === 'P') throw new SqlError(201, 16, 4, `Procedure or function '${m.name}' expects parameter '${p.name}', which was not supplied.`);
    else throw new SqlError(313, 16, 2, `An insufficient number of arguments were supplied for the procedure or function ${schemaOf(m, host)}.${m.name}.`);
    vars.set(p.name.toLowerCase(), { value: value === null ? null : convert(value, type), type });
  });
  for (const a of args) {
    if (a.name !== undefined && !h.params.some((p) => p.name.toLowerCase() === a.name?.toLowerCase())) {
      throw new SqlError(8145, 16, 2, `${a.name} is not a parameter for procedure ${m.name}.`);
    }
  }
  return vars;
}

/** The type of a constant given where a table type is wanted, as SQL Server names a literal's type. */
function literalTypeName(v: Value): string {
  return typeof v === 'number' ? (Number.isInteger(v) ? 'int' : 'numeric') : typeof v === 'string' ? 'varchar' : v === null ? 'int' : 'varbinary';
}

/** The type name of a table variable given where a table type is wanted: its own table type's, or `table`. */
function givenTypeName(host: Host, tableType: number | undefined): string {
  return (host.db.types ?? []).find((u) => u.userTypeId === tableType)?.name ?? 'table';
}

function schemaOf(m: Module, host: Host): string {
  return host.db.schemas.find((s) => s.schemaId === m.schemaId)?.name ?? 'dbo';
}

/** A host whose variables are a module's own, its subqueries' too. */
export function hostWithVars(host: Host, vars: Map<string, Var>): Host {
  const local = Object.create(host, {
    getVar: { value: (n: string) => vars.get(n.toLowerCase()) },
    runSubquery: { value: (sel: Select, scope: Scope | undefined) => { const r = executeSelect(sel, local, scope); return { types: r.columns.map((c) => c.type), rows: r.rows }; } },
    subqueryType: { value: (sel: Select, scope: Scope | undefined) => selectTypes(sel, local, scope) },
  }) as Host;
  return local;
}

/** The user function a schema-qualified call names (`DBO.F`), or Msg 4121. */
function userFunction(name: string, host: Host, types: readonly Module['type'][]): Module {
  const parts = name.split('.');
  const schema = parts.length >= 2 ? parts[parts.length - 2] : 'dbo';
  const m = findSchema(host.db, schema) ? findModule(host.db, [schema, parts[parts.length - 1]]) : undefined;
  if (!m || !types.includes(m.type)) {
    throw new SqlError(4121, 16, 1, `Cannot find either column "${parts[0].toLowerCase()}" or the user-defined function or aggregate "${name.toLowerCase()}", or the name is ambiguous.`, 'compile');
  }
  return m;
}

/** The RETURNS type of a scalar user function. */
export function userFunctionType(e: Extract<Expr, { k: 'fn' }>, host: Host): SqlType {
  const h = moduleHeader(userFunction(e.name, host, ['FN']));
  return h.returns ? resolveType(h.returns) : { name: 'int', maxLength: 4, precision: 10, scale: 0 };
}

/** The DEFAULT keyword as an argument (read as a one-part column name). */
export function isDefault(x: Expr | undefined): boolean {
  return x?.k === 'col' && x.parts.length === 1 && x.parts[0].toUpperCase() === 'DEFAULT';
}

/** BREAK / CONTINUE inside a function's WHILE. */
class Loop { constructor(readonly kind: 'break' | 'continue') {} }

class Returned { constructor(readonly value: Value) {} }

/** Calls a scalar user function with evaluated arguments. */
export function callScalar(e: Extract<Expr, { k: 'fn' }>, args: readonly Value[], host: Host): Value {
  const m = userFunction(e.name, host, ['FN']);
  const h = moduleHeader(m);
  const vars = bindArgs(m, h, args.map((value, i) => ({ value: isDefault(e.args[i]) ? undefined : value, table: e.args[i] ? tableArg(e.args[i], host) : undefined })), host);
  const local = hostWithVars(host, vars);
  const frame = bodyFrame(local, m);
  const result = nested(() => {
    try { run(h.body, local, vars, frame); } catch (x) { if (x instanceof Returned) return x.value; throw x; } finally { frame.end(); }
    return null;
  });
  return result === null || !h.returns ? result : convert(result, resolveType(h.returns));
}

/** A function call's table variables: made in the current database, dropped when the call ends. */
interface BodyFrame { readonly ctx: DdlContext; tableVariable(name: string, def: { columns: readonly ColumnDef[]; constraints: readonly ConstraintDef[]; indexes?: readonly IndexDef[] }): string; end(): void }

let tableVariables = 0;

function bodyFrame(host: Host, m: Module): BodyFrame {
  const ctx: DdlContext = { db: host.db, host, quotedIdentifier: m.quotedIdentifier, now: new Date(), info: () => undefined };
  const made: string[] = [];
  return {
    ctx,
    tableVariable: (name, def) => {
      // Stored as the session's table variables are (temp-tables.ts: a name starting with @ is left out of the catalog).
      const stored = `${name}______F${(++tableVariables).toString(16).toUpperCase().padStart(11, '0')}`;
      createTable(ctx, ['dbo', stored], def.columns, def.constraints, undefined, undefined, undefined, undefined, def.indexes ?? []);
      made.push(stored);
      return stored;
    },
    end: () => { if (made.length > 0) host.db.tables = host.db.tables.filter((t) => !made.includes(t.name)); },
  };
}

/**
 * Msg 443 for INSERT / UPDATE / DELETE of anything but the function's own table variables ("Invalid
 * use of a side-effecting operator ... within a function", create-function-transact-sql.md:
 * a function's statements may change "local table variables" only).
 */
function tableVariableTarget(s: Extract<Statement, { k: 'insert' | 'update' | 'delete' }>): void {
  if (s.table.length !== 1 || !s.table[0].startsWith('@')) throw new SqlError(443, 16, 15, `Invalid use of a side-effecting operator '${s.k.toUpperCase()}' within a function.`, 'compile');
  if (s.k !== 'insert' && s.from) throw err.notSupported(`${s.k.toUpperCase()} ... FROM in a function body`);
  if (s.output || s.with || (s.k === 'insert' && s.exec)) throw err.notSupported(`${s.k.toUpperCase()} with OUTPUT, WITH or EXEC in a function body`);
}

/** Msg 443 when a function is created whose body writes anything but its table variables (blocks, IF, WHILE included). */
export function checkFunctionBody(body: readonly Statement[]): void {
  for (const s of body) {
    if (s.k === 'insert' || s.k === 'update' || s.k === 'delete') {
      if (s.table.length !== 1 || !s.table[0].startsWith('@')) throw new SqlError(443, 16, 15, `Invalid use of a side-effecting operator '${s.k.toUpperCase()}' within a function.`, 'compile');
    }
    if (s.k === 'block') checkFunctionBody(s.body);
    if (s.k === 'if') checkFunctionBody(s.els ? [s.then, s.els] : [s.then]);
    if (s.k === 'while') checkFunctionBody([s.body]);
  }
}

function run(list: readonly Statement[], host: Host, vars: Map<string, Var>, frame: BodyFrame): void {
  const set = (name: string, v: Value): void => {
    const slot = vars.get(name.toLowerCase());
    if (!slot) throw err.mustDeclare(name);
    slot.value = v === null ? null : convert(v, slot.type);
  };
  for (const s of list) {
    switch (s.k) {
      case 'declare':
        for (const d of s.vars) {
          if (d.table) { vars.set(d.name.toLowerCase(), { value: null, type: ty.int, table: frame.tableVariable(d.name, d.table) }); continue; }
          vars.set(d.name.toLowerCase(), { value: null, type: resolveType(d.type) });
          if (d.init) set(d.name, evaluate(d.init, undefined, host));
        }
        break;
      case 'insert': tableVariableTarget(s); insert(frame.ctx, s.table, s.columns, s.values, s.select); break;
      case 'update': {
        tableVariableTarget(s);
        update(frame.ctx, s.table, s.sets, s.where, s.top === undefined ? undefined : evaluate(s.top, undefined, host));
        break;
      }
      case 'delete': tableVariableTarget(s); remove(frame.ctx, s.table, s.where, s.top === undefined ? undefined : evaluate(s.top, undefined, host)); break;
      case 'setVar': set(s.name, evaluate(s.expr, undefined, host)); break;
      case 'select': {
        if (!s.items.every((i) => i.assign)) throw new SqlError(444, 16, 1, 'Select statements included within a function cannot return data to a client.', 'compile');
        const r = executeSelect(s, host, undefined);
        const last = r.rows[r.rows.length - 1];
        if (last) s.items.forEach((it, i) => { if (it.assign) set(it.assign, last[i]); });
        break;
      }
      case 'if': if (test(s.cond, undefined, host) === true) run([s.then], host, vars, frame); else if (s.els) run([s.els], host, vars, frame); break;
      case 'while':
        for (let n = 0; test(s.cond, undefined, host) === true; n++) {
          if (n > 1_000_000) throw err.notSupported('a WHILE of a million passes');
          try { run([s.body], host, vars, frame); } catch (x) { if (!(x instanceof Loop)) throw x; if (x.kind === 'break') break; }
        }
        break;
      case 'break': case 'continue': throw new Loop(s.k);
      case 'block': run(s.body, host, vars, frame); break;
      case 'return': throw new Returned(s.value ? evaluate(s.value, undefined, host) : null);
      case 'noop': break;
      default: throw err.notSupported(`${s.k} in a function body`);
    }
  }
}

/**
 * The rows of a multi-statement table-valued function (create-function-transact-sql.md, "RETURNS
 * @return_variable TABLE <table_type_definition>"): its body fills the return table variable,
 * whose rows are the result when RETURN (or the body's end) is reached.
 */
function multiStatementRows(m: Module, h: Header, vars: Map<string, Var>, host: Host): SelectResult {
  const ret = h.returnTable;
  if (!ret) throw err.notSupported(`the body of '${m.name}'`);
  const local = hostWithVars(host, vars);
  const frame = bodyFrame(local, m);
  return nested(() => {
    try {
      vars.set(ret.variable.toLowerCase(), { value: null, type: ty.int, table: frame.tableVariable(ret.variable, ret) });
      try { run(h.body, local, vars, frame); } catch (x) { if (!(x instanceof Returned)) throw x; }
      const all: Select = { k: 'select', distinct: false, items: [{ expr: { k: 'star' } }], from: [{ k: 'table', name: [ret.variable] }], groupBy: [], orderBy: [] };
      return executeSelect(all, local, undefined);
    } finally { frame.end(); }
  });
}

/** The rows of a table-valued function called in FROM, inline or multi-statement (args evaluated in the caller's scope). */
export function tvfRows(name: readonly string[], args: readonly Value[], host: Host, written: readonly Expr[] = []): ReturnType<typeof executeSelect> {
  const schema = name.length >= 2 ? name[name.length - 2] : 'dbo';
  const db = name.length >= 3 ? host.database(name[name.length - 3]) : host.db;
  const m = db ? findModule(db, [schema, name[name.length - 1]]) : undefined;
  if (!db || !m || (m.type !== 'IF' && m.type !== 'TF')) throw err.invalidObject(name.join('.'));
  const h = moduleHeader(m);
  const inDb = hostIn(host, db);
  const vars = bindArgs(m, h, args.map((value, i) => ({ value, table: written[i] ? tableArg(written[i], host) : undefined })), inDb);
  if (m.type === 'TF') return multiStatementRows(m, h, vars, inDb);
  const query = h.query;
  if (!query) throw err.notSupported(`the body of '${m.name}'`);
  return nested(() => withCtes(undefined, undefined, () => executeSelect(query, hostWithVars(inDb, vars), undefined), true));
}

