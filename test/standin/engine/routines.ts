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
import type { Expr, Statement } from './ast';
import type { Module, UserType, Value } from './catalog';
import { findTableType } from './ddl-table-types';
import { findSchema } from './catalog';
import type { Host } from './scope';
import type { SqlType } from './types';
import { resolveType, ty } from './types';
import { convert } from './values';
import { SqlError, err } from './errors';
import { findModule } from './modules';
import type { Header } from './module-header';
import { moduleHeader } from './module-header';
import { hostIn, nested } from './views';
import { evaluate, test } from './eval';
import { executeSelect } from './select';
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

/** A host whose variables are a module's own. */
export function hostWithVars(host: Host, vars: Map<string, Var>): Host {
  return Object.create(host, { getVar: { value: (n: string) => vars.get(n.toLowerCase()) } }) as Host;
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
  const result = nested(() => {
    try { run(h.body, local, vars); } catch (x) { if (x instanceof Returned) return x.value; throw x; }
    return null;
  });
  return result === null || !h.returns ? result : convert(result, resolveType(h.returns));
}

function run(list: readonly Statement[], host: Host, vars: Map<string, Var>): void {
  const set = (name: string, v: Value): void => {
    const slot = vars.get(name.toLowerCase());
    if (!slot) throw err.mustDeclare(name);
    slot.value = v === null ? null : convert(v, slot.type);
  };
  for (const s of list) {
    switch (s.k) {
      case 'declare': for (const d of s.vars) { vars.set(d.name.toLowerCase(), { value: null, type: resolveType(d.type) }); if (d.init) set(d.name, evaluate(d.init, undefined, host)); } break;
      case 'setVar': set(s.name, evaluate(s.expr, undefined, host)); break;
      case 'select': {
        if (!s.items.every((i) => i.assign)) throw new SqlError(444, 16, 1, 'Select statements included within a function cannot return data to a client.', 'compile');
        const r = executeSelect(s, host, undefined);
        const last = r.rows[r.rows.length - 1];
        if (last) s.items.forEach((it, i) => { if (it.assign) set(it.assign, last[i]); });
        break;
      }
      case 'if': if (test(s.cond, undefined, host) === true) run([s.then], host, vars); else if (s.els) run([s.els], host, vars); break;
      case 'while':
        for (let n = 0; test(s.cond, undefined, host) === true; n++) {
          if (n > 1_000_000) throw err.notSupported('a WHILE of a million passes');
          try { run([s.body], host, vars); } catch (x) { if (!(x instanceof Loop)) throw x; if (x.kind === 'break') break; }
        }
        break;
      case 'break': case 'continue': throw new Loop(s.k);
      case 'block': run(s.body, host, vars); break;
      case 'return': throw new Returned(s.value ? evaluate(s.value, undefined, host) : null);
      case 'noop': break;
      default: throw err.notSupported(`${s.k} in a function body`);
    }
  }
}

/** The rows of an inline table-valued function called in FROM (args evaluated in the caller's scope). */
export function tvfRows(name: readonly string[], args: readonly Value[], host: Host, written: readonly Expr[] = []): ReturnType<typeof executeSelect> {
  const schema = name.length >= 2 ? name[name.length - 2] : 'dbo';
  const db = name.length >= 3 ? host.database(name[name.length - 3]) : host.db;
  const m = db ? findModule(db, [schema, name[name.length - 1]]) : undefined;
  if (!db || !m || (m.type !== 'IF' && m.type !== 'TF')) throw err.invalidObject(name.join('.'));
  if (m.type === 'TF') throw err.notSupported(`multi-statement table-valued function '${m.name}'`);
  const h = moduleHeader(m);
  const inDb = hostIn(host, db);
  const vars = bindArgs(m, h, args.map((value, i) => ({ value, table: written[i] ? tableArg(written[i], host) : undefined })), inDb);
  const query = h.query;
  if (!query) throw err.notSupported(`the body of '${m.name}'`);
  return nested(() => withCtes(undefined, undefined, () => executeSelect(query, hostWithVars(inDb, vars), undefined), true));
}

