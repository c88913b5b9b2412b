/**
 * Sequences: CREATE / ALTER / DROP SEQUENCE, NEXT VALUE FOR, and the sys.sequences rows. What
 * SQL Server stores, per its documentation
 * (https://learn.microsoft.com/sql/t-sql/statements/create-sequence-transact-sql,
 * .../alter-sequence-transact-sql, .../functions/next-value-for-transact-sql,
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-sequences-transact-sql):
 * bigint when no AS is given; START WITH the minimum (ascending) or maximum (descending) when not
 * given; MINVALUE / MAXVALUE the type's bounds when not given (sys.sequences reports them);
 * NO CYCLE; CACHE by default, cache_size NULL unless a size was written. Values are kept as
 * decimal strings: bigint and decimal(38,0) bounds do not fit a JavaScript number.
 * Inferred (not in a public source): RESTART WITH n also sets start_value to n, and the error
 * numbers and wording of the 117xx messages below.
 */
import type { Expr, Name, SequenceOptionsDef } from './ast';
import type { Database, SequenceObject, Value } from './catalog';
import { allocObjectId, findObject, findSchema, sameName } from './catalog';
import type { DdlContext } from './ddl-constraints';
import { resolveColumnType } from './ddl-types';
import { SqlError, err } from './errors';
import type { SqlType } from './types';
import { ty } from './types';

const INTEGER_RANGE: Readonly<Record<string, readonly [bigint, bigint]>> = {
  tinyint: [0n, 255n], smallint: [-32768n, 32767n], int: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

function rangeOf(t: SqlType): readonly [bigint, bigint] {
  const r = INTEGER_RANGE[t.name];
  if (r) return r;
  const top = 10n ** BigInt(t.precision) - 1n;
  return [-top, top];
}

/** The sequences of a database (created on first use). */
export function sequencesOf(db: Database): SequenceObject[] {
  db.sequences ??= [];
  return db.sequences;
}

/** Finds a sequence by [schema.]name (dbo when no schema is written). */
export function findSequence(db: Database, name: Name): SequenceObject | undefined {
  const s = findSchema(db, name.length >= 2 ? name[name.length - 2] : 'dbo');
  return s ? (db.sequences ?? []).find((q) => q.schemaId === s.schemaId && sameName(q.name, name[name.length - 1])) : undefined;
}

const seqError = (n: number, text: string): SqlError => new SqlError(n, 16, 1, text);

/** The checks CREATE and ALTER share (message numbers inferred). */
function validate(q: SequenceObject): void {
  const [min, max, start, inc] = [BigInt(q.min), BigInt(q.max), BigInt(q.start), BigInt(q.increment)];
  if (inc === 0n) throw seqError(11700, `The increment for sequence object '${q.name}' cannot be zero.`);
  if (min >= max) throw seqError(11705, `The minimum value for sequence object '${q.name}' must be less than its maximum value.`);
  if (start < min || start > max) throw seqError(11703, `The start value for sequence object '${q.name}' must be between the minimum and maximum value of the sequence object.`);
  if ((inc < 0n ? -inc : inc) > max - min) {
    throw seqError(11701, `The absolute value of the increment for sequence object '${q.name}' must be less than or equal to the difference between the minimum and maximum value of the sequence object.`);
  }
  if (q.cacheSize !== null && q.cacheSize <= 0) throw seqError(11706, `The cache size for sequence object '${q.name}' must be greater than 0.`);
}

/** A constant of the sequence's type, or Msg 8115 (arithmetic overflow) outside its range. */
function inType(v: bigint, t: SqlType): string {
  const [low, high] = rangeOf(t);
  if (v < low || v > high) throw new SqlError(8115, 16, 2, `Arithmetic overflow error converting expression to data type ${t.name}.`);
  return v.toString();
}

/** CREATE SEQUENCE. */
export function createSequence(ctx: DdlContext, name: Name, o: SequenceOptionsDef): void {
  const schemaName = name.length >= 2 ? name[name.length - 2] : 'dbo';
  const seqName = name[name.length - 1];
  const schema = findSchema(ctx.db, schemaName);
  if (!schema) throw err.noSchema(schemaName);
  if (findObject(ctx.db, schema.schemaId, seqName)) throw err.objectExists(seqName);
  const type = o.type ? resolveColumnType(ctx.db, o.type) : ty.bigint;
  if (!(type.name in INTEGER_RANGE) && !((type.name === 'decimal' || type.name === 'numeric') && type.scale === 0)) {
    throw seqError(11702, `The sequence object '${seqName}' must be of data type int, bigint, smallint, tinyint, or decimal or numeric with a scale of 0, or any user-defined data type that is based on one of the above integer data types.`);
  }
  const [low, high] = rangeOf(type);
  const increment = inType(o.increment ?? 1n, type);
  const min = o.min === undefined || o.min === null ? low.toString() : inType(o.min, type);
  const max = o.max === undefined || o.max === null ? high.toString() : inType(o.max, type);
  const start = o.start !== undefined ? inType(o.start, type) : BigInt(increment) < 0n ? max : min;
  const q: SequenceObject = {
    objectId: allocObjectId(ctx.db), schemaId: schema.schemaId, name: seqName, type,
    start, increment, min, max, cycle: o.cycle ?? false,
    cached: o.cache !== false, cacheSize: typeof o.cache === 'number' ? o.cache : null,
    current: null, created: ctx.now, modified: ctx.now,
  };
  validate(q);
  sequencesOf(ctx.db).push(q);
}

/** ALTER SEQUENCE: every option but the type; RESTART [WITH n] sets the next value. */
export function alterSequence(ctx: DdlContext, name: Name, o: SequenceOptionsDef): void {
  const q = findSequence(ctx.db, name);
  if (!q) throw new SqlError(15151, 16, 1, `Cannot alter the sequence '${name[name.length - 1]}', because it does not exist or you do not have permission.`);
  const next: SequenceObject = { ...q };
  if (o.increment !== undefined) next.increment = inType(o.increment, q.type);
  if (o.min !== undefined) next.min = o.min === null ? rangeOf(q.type)[0].toString() : inType(o.min, q.type);
  if (o.max !== undefined) next.max = o.max === null ? rangeOf(q.type)[1].toString() : inType(o.max, q.type);
  if (o.cycle !== undefined) next.cycle = o.cycle;
  if (o.cache !== undefined) { next.cached = o.cache !== false; next.cacheSize = typeof o.cache === 'number' ? o.cache : null; }
  if (o.restart !== undefined) {
    if (o.restart !== 'start') next.start = inType(o.restart, q.type);
    next.current = null;
  }
  validate(next);
  Object.assign(q, next, { modified: ctx.now });
}

/** The sequences a default's expression draws from. */
function drawnFrom(e: Expr, out: Name[] = []): Name[] {
  switch (e.k) {
    case 'nextval': out.push(e.name); break;
    case 'un': case 'isnull': case 'cast': drawnFrom(e.e, out); break;
    case 'bin': drawnFrom(e.l, out); drawnFrom(e.r, out); break;
    case 'fn': for (const a of e.args) drawnFrom(a, out); break;
    case 'case': if (e.operand) drawnFrom(e.operand, out); for (const [w, t] of e.whens) { drawnFrom(w, out); drawnFrom(t, out); } if (e.els) drawnFrom(e.els, out); break;
    default: break;
  }
  return out;
}

/** Msg 208 for a default that names a sequence the database does not have (at CREATE / ADD time). */
export function checkSequenceReferences(db: Database, e: Expr): void {
  for (const n of drawnFrom(e)) if (!findSequence(db, n)) throw err.invalidObject(n.join('.'));
}

/**
 * DROP SEQUENCE [IF EXISTS]: refused while a default draws from it, Msg 3729 ("Cannot DROP
 * SEQUENCE '%.*ls' because it is being referenced by object '%.*ls'.", the wording SQL Server
 * uses for a referenced object; inferred for sequences).
 */
export function dropSequence(ctx: DdlContext, name: Name, ifExists: boolean): void {
  const q = findSequence(ctx.db, name);
  if (!q) {
    if (ifExists) return;
    throw new SqlError(3701, 11, 5, `Cannot drop the sequence '${name.join('.')}', because it does not exist or you do not have permission.`);
  }
  for (const t of ctx.db.tables) {
    const d = t.defaults.find((x) => drawnFrom(x.expr).some((n) => findSequence(ctx.db, n) === q));
    if (d) throw new SqlError(3729, 16, 1, `Cannot DROP SEQUENCE '${name.join('.')}' because it is being referenced by object '${d.name}'.`);
  }
  ctx.db.sequences = sequencesOf(ctx.db).filter((x) => x !== q);
}

/**
 * NEXT VALUE FOR: the start value first, then each step; past the bound a cycling sequence
 * goes to its minimum (maximum when descending), any other raises Msg 11728 (inferred number).
 * Values handed out are not returned by a rollback (as SQL Server's are not).
 */
export function nextSequenceValue(db: Database, name: Name): Value {
  const q = findSequence(db, name);
  if (!q) throw err.invalidObject(name.join('.'));
  const [min, max, inc] = [BigInt(q.min), BigInt(q.max), BigInt(q.increment)];
  let v = q.current === null ? BigInt(q.start) : BigInt(q.current) + inc;
  if (v > max || v < min) {
    if (!q.cycle) throw seqError(11728, `The sequence object '${q.name}' has reached its minimum or maximum value. Restart the sequence object to allow new values to be generated.`);
    v = inc > 0n ? min : max;
  }
  q.current = v.toString();
  return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
}

/**
 * sp_sequence_get_range @sequence_name, @range_size: hands out @range_size values at once, as
 * that many NEXT VALUE FOR would (current_value moves to the last one), and returns the first
 * (sp-sequence-get-range-transact-sql: "@range_size must be a positive bigint"). A range past
 * the bound of a sequence that does not cycle is refused, Msg 11732 (number and wording inferred);
 * a cycling one is walked value by value.
 */
export function sequenceGetRange(db: Database, sequenceName: string, size: bigint): Value {
  const name = sequenceName.split('.').map((p) => p.trim().replace(/^\[(.*)\]$/s, '$1').replace(/\]\]/g, ']'));
  const q = findSequence(db, name);
  if (!q) throw err.invalidObject(sequenceName);
  if (size <= 0n) throw seqError(11733, 'Parameter @range_size must be a positive number.');
  const [min, max, inc] = [BigInt(q.min), BigInt(q.max), BigInt(q.increment)];
  const first = q.current === null ? BigInt(q.start) : BigInt(q.current) + inc;
  const last = first + (size - 1n) * inc;
  if (!q.cycle && (first > max || first < min || last > max || last < min)) {
    throw seqError(11732, `The requested range for sequence object '${q.name}' exceeds the maximum or minimum limit. Retry with a smaller range.`);
  }
  if (!q.cycle) {
    q.current = last.toString();
    return first.toString();
  }
  let v: Value = null;
  for (let i = 0n; i < size; i++) { const got = nextSequenceValue(db, name); if (i === 0n) v = got; }
  return v;
}

/** sys.sequences rows after the sys.objects columns (values as the sql_variant text they cast to). */
export function sequenceColumns(q: SequenceObject): Value[] {
  const st = q.type.name;
  return [q.start, q.increment, q.min, q.max, q.cycle ? 1 : 0, q.cached ? 1 : 0, q.cacheSize,
    SYSTEM_TYPE_IDS[st] ?? 0, q.type.userTypeId ?? SYSTEM_TYPE_IDS[st] ?? 0, q.type.precision, 0, q.current ?? q.start, 0, q.current];
}

const SYSTEM_TYPE_IDS: Readonly<Record<string, number>> = { tinyint: 48, smallint: 52, int: 56, bigint: 127, decimal: 106, numeric: 108 };
