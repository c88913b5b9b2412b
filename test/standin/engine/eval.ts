/** Expression typing and evaluation over a scope's current row (or group, when aggregating). */
import type { Expr } from './ast';
import type { Value } from './catalog';
import type { Host, Scope } from './scope';
import { resolveColumn } from './scope';
import type { SqlType } from './types';
import { concatenatedType, resolveType, systemType, ty } from './types';
import { compare, compareKeys, convert, like, sqlEquals, toNumber, toText, truth } from './values';
import type { Truth } from './values';
import { SqlError, err } from './errors';
import { FUNCTIONS } from './functions';
import { findSequence, nextSequenceValue } from './ddl-sequences';
import { windowType, windowValue } from './windows';
import { callScalar, isDefault, userFunctionType } from './routines';
import { hierarchyMethod, hierarchyMethodType, hierarchyMethodValue } from './clr-methods';

/** Aggregate function names. */
export const AGGREGATES = new Set(['COUNT', 'COUNT_BIG', 'SUM', 'MAX', 'MIN', 'AVG', 'STRING_AGG']);

/** True when an expression contains an aggregate outside any subquery. */
export function hasAggregate(e: Expr): boolean {
  switch (e.k) {
    case 'fn': return AGGREGATES.has(e.name) || e.name === 'GROUPING' || e.args.some(hasAggregate);
    case 'un': return hasAggregate(e.e);
    case 'bin': return hasAggregate(e.l) || hasAggregate(e.r);
    case 'isnull': return hasAggregate(e.e);
    case 'in': return hasAggregate(e.e) || (e.list ?? []).some(hasAggregate);
    case 'like': return hasAggregate(e.e) || hasAggregate(e.pat);
    case 'between': return hasAggregate(e.e) || hasAggregate(e.lo) || hasAggregate(e.hi);
    case 'case': return (e.operand ? hasAggregate(e.operand) : false) || e.whens.some(([a, b]) => hasAggregate(a) || hasAggregate(b)) || (e.els ? hasAggregate(e.els) : false);
    case 'cast': return hasAggregate(e.e);
    // SUM(x) OVER (...) does not group the query; SUM(SUM(x)) OVER (...) does.
    case 'over': return e.fn.args.some(hasAggregate) || e.partition.some(hasAggregate) || e.order.some((o) => hasAggregate(o.expr));
    default: return false;
  }
}

function litType(e: Extract<Expr, { k: 'lit' }>): SqlType {
  switch (e.lt) {
    case 'int': return Math.abs(Number(e.v)) > 2147483647 ? ty.decimal(String(e.v).length, 0) : ty.int;
    // 0.2 is numeric(1,1) and 10.50 numeric(4,2): leading zeros are not digits of the precision (constants-transact-sql.md).
    case 'dec': { const [i, f = ''] = e.text.split('.'); return ty.decimal(Math.max(i.replace(/^0+/, '').length + f.length, f.length, 1), f.length); }
    case 'float': return ty.float;
    case 'str': return ty.varchar(Math.max(String(e.v).length, 1));
    case 'nstr': return ty.nvarchar(Math.max(String(e.v).length, 1));
    case 'bin': return { name: 'varbinary', maxLength: (e.v as Buffer).length, precision: 0, scale: 0 };
    case 'null': return ty.int;
  }
}

const PRECEDENCE = ['sql_variant', 'datetime2', 'datetime', 'date', 'float', 'real', 'decimal', 'numeric', 'money', 'bigint', 'int', 'smallint', 'tinyint', 'bit', 'uniqueidentifier', 'nvarchar', 'nchar', 'varchar', 'char', 'varbinary'];
function higher(a: SqlType, b: SqlType): SqlType {
  const ia = PRECEDENCE.indexOf(a.name); const ib = PRECEDENCE.indexOf(b.name);
  if (ia === ib && (a.name === 'nvarchar' || a.name === 'varchar')) return a.maxLength === -1 || (b.maxLength !== -1 && a.maxLength >= b.maxLength) ? a : b;
  return (ia === -1 ? 99 : ia) <= (ib === -1 ? 99 : ib) ? a : b;
}

/** The exact numeric types of fixed precision, which take part in decimal arithmetic as decimal(p, s). */
const FIXED_EXACT = new Set(['money', 'smallmoney', 'bigint', 'int', 'smallint', 'tinyint', 'bit']);

/**
 * An exact numeric type as the decimal(p, s) it converts to in decimal arithmetic: its own, or
 * for a fixed one sys.types' precision and scale (int is decimal(10,0), money decimal(19,4));
 * null for other types.
 */
function asDecimal(t: SqlType): { readonly p: number; readonly s: number } | null {
  if (t.name === 'decimal' || t.name === 'numeric') return { p: t.precision, s: t.scale };
  const fixed = FIXED_EXACT.has(t.name) ? systemType(t.name) : undefined;
  return fixed === undefined ? null : { p: fixed.precision, s: fixed.scale };
}

/**
 * The type of e1 op e2 when the result is decimal: the precision and scale rules of
 * precision-scale-and-length-transact-sql.md, with their reduction when the precision passes 38
 * (the integral part is kept; for * and / the scale falls to at most 6 once it needs 32 digits).
 */
function decimalResult(name: string, op: string, a: { p: number; s: number }, b: { p: number; s: number }): SqlType {
  let p: number;
  let s: number;
  switch (op) {
    case '*': p = a.p + b.p + 1; s = a.s + b.s; break;
    case '/': s = Math.max(6, a.s + b.p + 1); p = a.p - a.s + b.s + s; break;
    case '%': s = Math.max(a.s, b.s); p = Math.min(a.p - a.s, b.p - b.s) + s; break;
    default: s = Math.max(a.s, b.s); p = Math.max(a.p - a.s, b.p - b.s) + s + 1; break; // + and -
  }
  if (p > 38) {
    if (op === '*' || op === '/') {
      const integral = p - s;
      s = integral < 32 ? Math.min(s, 38 - integral) : Math.min(s, 6);
    } else {
      // The digits the operands' integral parts need (the carry digit is what is given up).
      s = Math.min(s, 38 - Math.max(a.p - a.s, b.p - b.s));
    }
    p = 38;
  }
  return { ...ty.decimal(p, s), name };
}

const ARITHMETIC = new Set(['+', '-', '*', '/', '%']);

/** The static type of an expression in a scope (for result-set column metadata). */
export function typeOf(e: Expr, scope: Scope | undefined, host: Host): SqlType {
  switch (e.k) {
    case 'lit': return litType(e);
    case 'col': return resolveColumn(scope, e.parts).col.type;
    case 'var': return (e.name.startsWith('@@') ? host.global(e.name) : host.getVar(e.name))?.type ?? ty.int;
    case 'star': return ty.int;
    case 'un': return e.op === 'NOT' ? ty.bit : typeOf(e.e, scope, host);
    case 'bin': {
      if (['AND', 'OR', '=', '<', '>', '<=', '>=', '<>', '!<', '!>'].includes(e.op)) return ty.bit;
      const l = typeOf(e.l, scope, host); const r = typeOf(e.r, scope, host);
      if (e.op === '+' && (l.name.includes('char') || r.name.includes('char'))) return concatenatedType([l, r]);
      const t = higher(l, r);
      if (ARITHMETIC.has(e.op) && (t.name === 'decimal' || t.name === 'numeric')) {
        const a = asDecimal(l); const b = asDecimal(r);
        if (a !== null && b !== null) return decimalResult(t.name, e.op, a, b);
      }
      return t;
    }
    case 'isnull': case 'in': case 'like': case 'between': case 'exists': return ty.bit;
    case 'subq': return host.subqueryType(e.sub, scope)[0] ?? ty.int;
    case 'case': {
      let t: SqlType | undefined;
      for (const [, v] of e.whens) { if (v.k === 'lit' && v.lt === 'null') continue; const vt = typeOf(v, scope, host); t = t ? higher(t, vt) : vt; }
      if (e.els && !(e.els.k === 'lit' && e.els.lt === 'null')) { const vt = typeOf(e.els, scope, host); t = t ? higher(t, vt) : vt; }
      return t ?? ty.int;
    }
    case 'cast': {
      const t = resolveType(e.type);
      // CAST(x AS varchar) without a length is varchar(30).
      if (e.type.args.length === 0 && ['varchar', 'nvarchar', 'char', 'nchar'].includes(t.name)) return t.name.startsWith('n') ? ty.nvarchar(30) : ty.varchar(30);
      return t;
    }
    case 'nextval': return findSequence(host.db, e.name)?.type ?? ty.bigint;
    case 'over': return windowType(e, (x) => typeOf(x, scope, host));
    case 'fn': {
      // GROUPING(col): 1 on a ROLLUP / CUBE row that rolls col up, else 0; tinyint (grouping-transact-sql).
      if (e.name === 'GROUPING') return ty.tinyint;
      if (AGGREGATES.has(e.name)) {
        if (e.name === 'COUNT') return ty.int;
        if (e.name === 'COUNT_BIG') return ty.bigint;
        const a = typeOf(e.args[0], scope, host);
        if (e.name === 'SUM' && ['int', 'smallint', 'tinyint', 'bit'].includes(a.name)) return ty.int;
        // SUM of decimal(p, s) is decimal(38, s); AVG is decimal(38, max(s, 6)) (sum-transact-sql.md, avg-transact-sql.md).
        if ((e.name === 'SUM' || e.name === 'AVG') && (a.name === 'decimal' || a.name === 'numeric')) {
          return { ...ty.decimal(38, e.name === 'SUM' ? a.scale : Math.max(a.scale, 6)), name: a.name };
        }
        if (e.name === 'STRING_AGG') return ty.nvarchar(-1);
        return a;
      }
      const f = FUNCTIONS[e.name];
      if (!f && e.name === 'UPDATE') return ty.bit;
      const method = f ? null : hierarchyMethod(e, scope);
      if (method !== null) return hierarchyMethodType(method.method);
      if (!f && e.name.includes('.')) return userFunctionType(e, host);
      if (!f) throw new SqlError(195, 15, 10, `'${e.name.toLowerCase()}' is not a recognized built-in function name.`, 'compile');
      return f.type(e.args.map((a) => typeOf(a, scope, host)), e.args);
    }
  }
}

/**
 * GROUPING(expr): whether this row of a ROLLUP / CUBE rolls expr up (grouping-transact-sql:
 * "returns 1 for aggregated or 0 for not aggregated"); the argument must be one of the GROUP BY
 * expressions (Msg 8161, wording inferred).
 */
function groupingOf(e: Extract<Expr, { k: 'fn' }>, scope: Scope | undefined): Value {
  const g = scope?.grouping;
  const at = g === undefined || e.args.length !== 1 ? -1 : g.exprs.findIndex((x) => sameExpr(x, e.args[0]));
  if (g === undefined || at < 0) throw new SqlError(8161, 16, 1, 'Argument 1 of the GROUPING function does not match any of the expressions in the GROUP BY clause.', 'compile');
  return g.rolledUp.has(at) ? 1 : 0;
}

/** Two expressions written alike (names compared case-insensitively). */
function sameExpr(a: Expr, b: Expr): boolean {
  return JSON.stringify(a).toLowerCase() === JSON.stringify(b).toLowerCase();
}

function aggregate(e: Extract<Expr, { k: 'fn' }>, scope: Scope, host: Host): Value {
  let rows = scope.group ?? [scope.row];
  if (e.star) return rows.length;
  if (e.within?.length) {
    // STRING_AGG ... WITHIN GROUP (ORDER BY ...) joins the values in that order (string-agg-transact-sql.md).
    const order = e.within;
    const keyed = rows.map((row) => ({ row, keys: order.map((o) => evaluate(o.expr, { ...scope, row, group: undefined }, host)) }));
    const desc = order.map((o) => o.desc);
    keyed.sort((a, b) => compareKeys(a.keys, b.keys, desc));
    rows = keyed.map((k) => k.row);
  }
  let vals = rows.map((row) => evaluate(e.args[0], { ...scope, row, group: undefined }, host)).filter((v) => v !== null);
  if (e.distinct) vals = vals.filter((v, i) => vals.findIndex((w) => compare(v, w) === 0) === i);
  switch (e.name) {
    case 'COUNT': case 'COUNT_BIG': return vals.length;
    case 'SUM': return vals.length ? vals.reduce<number>((s, v) => s + toNumber(v), 0) : null;
    case 'AVG': return vals.length ? vals.reduce<number>((s, v) => s + toNumber(v), 0) / vals.length : null;
    case 'MAX': return vals.length ? vals.reduce((m, v) => (compare(v, m) > 0 ? v : m)) : null;
    case 'MIN': return vals.length ? vals.reduce((m, v) => (compare(v, m) < 0 ? v : m)) : null;
    case 'STRING_AGG': {
      const sep = toText(evaluate(e.args[1], scope, host));
      return vals.length ? vals.map(toText).join(sep) : null;
    }
    default: throw err.notSupported(e.name);
  }
}

function arith(op: string, a: Value, b: Value, t: SqlType): Value {
  if (a === null || b === null) return null;
  if (op === '+' && (typeof a === 'string' || typeof b === 'string') && (t.name.includes('char'))) return toText(a) + toText(b);
  if (a instanceof Date && typeof b === 'number' && (op === '+' || op === '-')) return new Date(a.getTime() + (op === '+' ? 1 : -1) * b * 86400000);
  const x = toNumber(a); const y = toNumber(b);
  const intType = ['int', 'bigint', 'smallint', 'tinyint', 'bit'].includes(t.name);
  switch (op) {
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case '/': if (y === 0) throw err.divideByZero(); return intType ? Math.trunc(x / y) : x / y;
    case '%': if (y === 0) throw err.divideByZero(); return x % y;
    case '&': return x & y;
    case '|': return x | y;
    case '^': return x ^ y;
    default: throw err.notSupported(`operator ${op}`);
  }
}

/** Evaluates a predicate to TRUE / FALSE / UNKNOWN. */
export function test(e: Expr, scope: Scope | undefined, host: Host): Truth {
  return truth(evaluate(e, scope, host) as Value);
}

/** Evaluates an expression against the scope's current row. */
export function evaluate(e: Expr, scope: Scope | undefined, host: Host): Value {
  switch (e.k) {
    case 'lit': return e.v;
    case 'col': { const r = resolveColumn(scope, e.parts); return r.scope.row[r.index] ?? null; }
    case 'var': {
      const v = e.name.startsWith('@@') ? host.global(e.name) : host.getVar(e.name);
      if (!v) throw err.mustDeclare(e.name);
      return v.value;
    }
    case 'star': throw err.notSupported('* here');
    case 'un': {
      if (e.op === 'NOT') { const t = test(e.e, scope, host); return t === null ? null : !t; }
      const v = evaluate(e.e, scope, host);
      if (v === null) return null;
      return e.op === '-' ? -toNumber(v) : e.op === '~' ? ~toNumber(v) : v;
    }
    case 'bin': {
      if (e.op === 'AND') { const l = test(e.l, scope, host); if (l === false) return false; const r = test(e.r, scope, host); return r === false ? false : l === null || r === null ? null : true; }
      if (e.op === 'OR') { const l = test(e.l, scope, host); if (l === true) return true; const r = test(e.r, scope, host); return r === true ? true : l === null || r === null ? null : false; }
      const l = evaluate(e.l, scope, host); const r = evaluate(e.r, scope, host);
      if (['=', '<', '>', '<=', '>=', '<>', '!<', '!>'].includes(e.op)) {
        if (l === null || r === null) return null;
        const c = compare(l, r);
        switch (e.op) { case '=': return c === 0; case '<>': return c !== 0; case '<': case '!>': return e.op === '<' ? c < 0 : c <= 0; case '>': case '!<': return e.op === '>' ? c > 0 : c >= 0; case '<=': return c <= 0; default: return c >= 0; }
      }
      return arith(e.op, l, r, typeOf(e, scope, host));
    }
    case 'isnull': { const v = evaluate(e.e, scope, host); return (v === null) !== e.not; }
    case 'in': {
      const v = evaluate(e.e, scope, host);
      const cands = e.sub ? host.runSubquery(e.sub, scope).rows.map((r) => r[0]) : (e.list ?? []).map((x) => evaluate(x, scope, host));
      let res: Truth = false;
      for (const c of cands) { const q = sqlEquals(v, c); if (q === true) { res = true; break; } if (q === null) res = null; }
      return e.not ? (res === null ? null : !res) : res;
    }
    case 'like': {
      const v = evaluate(e.e, scope, host); const p = evaluate(e.pat, scope, host);
      if (v === null || p === null) return null;
      return like(toText(v), toText(p)) !== e.not;
    }
    case 'between': {
      const v = evaluate(e.e, scope, host); const lo = evaluate(e.lo, scope, host); const hi = evaluate(e.hi, scope, host);
      if (v === null || lo === null || hi === null) return null;
      return (compare(v, lo) >= 0 && compare(v, hi) <= 0) !== e.not;
    }
    case 'exists': return host.runSubquery(e.sub, scope).rows.length > 0;
    case 'subq': {
      const rows = host.runSubquery(e.sub, scope).rows;
      if (rows.length > 1) throw err.subqueryMany();
      return rows[0]?.[0] ?? null;
    }
    case 'case': {
      if (e.operand) {
        const v = evaluate(e.operand, scope, host);
        for (const [w, r] of e.whens) if (sqlEquals(v, evaluate(w, scope, host)) === true) return evaluate(r, scope, host);
      } else for (const [w, r] of e.whens) if (test(w, scope, host) === true) return evaluate(r, scope, host);
      return e.els ? evaluate(e.els, scope, host) : null;
    }
    case 'cast': {
      const v = evaluate(e.e, scope, host);
      try {
        const t = typeOf(e, scope, host);
        return convert(v, t, true);
      } catch (x) { if (e.try && x instanceof SqlError) return null; throw x; }
    }
    case 'nextval': return nextSequenceValue(host.db, e.name);
    case 'over': return windowValue(e, scope);
    case 'fn': {
      if (AGGREGATES.has(e.name)) {
        if (!scope) throw err.notSupported('aggregate without FROM');
        return aggregate(e, scope, host);
      }
      if (e.name === 'GROUPING') return groupingOf(e, scope);
      if (e.name === 'UPDATE' && e.args.length === 1 && e.args[0].k === 'col') {
        const answer = host.columnUpdated?.(e.args[0].parts[e.args[0].parts.length - 1]);
        if (answer !== undefined) return answer;
      }
      const f = FUNCTIONS[e.name];
      // A schema-qualified name is a user scalar function (routines.ts).
      const method = f ? null : hierarchyMethod(e, scope);
      if (method !== null) return hierarchyMethodValue(method.method, evaluate({ k: 'col', parts: method.column }, scope, host));
      if (!f && e.name.includes('.')) return callScalar(e, e.args.map((a) => (isDefault(a) ? null : evaluate(a, scope, host))), host);
      if (!f) throw new SqlError(195, 15, 10, `'${e.name.toLowerCase()}' is not a recognized built-in function name.`, 'compile');
      if (f.lazy) return f.lazy(e.args, (x) => evaluate(x, scope, host), host);
      return f.eval(e.args.map((a) => evaluate(a, scope, host)), host, e.args.map((a) => typeOf(a, scope, host)));
    }
  }
}
