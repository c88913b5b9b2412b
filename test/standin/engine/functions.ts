/** Built-in scalar functions: metadata (OBJECT_ID, COLUMNPROPERTY, ...), strings, dates, NULL handling. */
import type { Expr } from './ast';
import type { Database, Value } from './catalog';
import { allObjects, findSchema, sameName } from './catalog';
import type { Host } from './scope';
import type { SqlType } from './types';
import { concatenatedType, systemTypeById, ty, isStringType } from './types';
import { toNumber, toText } from './values';
import { createHash, randomUUID } from 'crypto';
import { isJson, jsonQuery, jsonValue } from './json-functions';
import { isTempTable, tempName } from './temp-tables';
import { principalRows } from './security';

interface Fn {
  type(args: readonly SqlType[], exprs: readonly Expr[]): SqlType;
  eval(args: readonly Value[], host: Host, types: readonly SqlType[]): Value;
  /** For functions that must not evaluate every argument (ISNULL, COALESCE short-circuit is not needed, IIF is). */
  lazy?(args: readonly Expr[], ev: (e: Expr) => Value, host: Host): Value;
}

/** Splits a written object name ('[dbo].[users]', 'app.dbo.users') into unquoted parts. */
export function splitObjectName(s: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '[') { const end = s.indexOf(']', i + 1); let j = i + 1; let txt = ''; for (; j < s.length; j++) { if (s[j] === ']' && s[j + 1] === ']') { txt += ']'; j++; } else if (s[j] === ']') break; else txt += s[j]; } cur += txt; i = end < 0 ? s.length : j; }
    else if (c === '"') { const end = s.indexOf('"', i + 1); cur += s.slice(i + 1, end); i = end; }
    else if (c === '.') { parts.push(cur); cur = ''; }
    else cur += c;
  }
  parts.push(cur);
  return parts.map((p) => p.trim());
}

/** Resolves OBJECT_ID's argument to an object id in the host's databases. */
export function objectId(host: Host, name: string, type?: string): number | null {
  const parts = splitObjectName(name);
  let obj = parts[parts.length - 1];
  const schemaName = parts.length >= 2 && parts[parts.length - 2] !== '' ? parts[parts.length - 2] : 'dbo';
  let db = parts.length >= 3 ? host.database(parts[parts.length - 3]) : host.db;
  // OBJECT_ID('tempdb..#t'): the session's own temporary table (temp-tables.ts); '#t' alone names nothing in a user database.
  if (isTempTable(obj) && host.session !== undefined) {
    if (parts.length < 3 || parts[parts.length - 3].toLowerCase() !== 'tempdb') return null;
    db = host.db;
    obj = tempName(obj, host.session);
  }
  if (!db) return null;
  const schema = findSchema(db, schemaName);
  if (!schema) return null;
  const o = allObjects(db).find((x) => x.schemaId === schema.schemaId && sameName(x.name, obj) && (!type || sameName(x.type.trim(), type.trim())));
  return o ? o.objectId : null;
}

function objectById(db: Database, id: number) { return allObjects(db).find((o) => o.objectId === id); }

/** HASHBYTES' algorithm names and Node's. */
const HASH_ALGORITHMS: Readonly<Record<string, string>> = { MD5: 'md5', SHA: 'sha1', SHA1: 'sha1', SHA2_256: 'sha256', SHA2_512: 'sha512' };

const str = (n: number): SqlType => ty.nvarchar(n);
const same = (i: number) => (a: readonly SqlType[]): SqlType => a[i] ?? ty.int;
const simple = (t: SqlType, f: (a: readonly Value[], h: Host, t: readonly SqlType[]) => Value): Fn => ({ type: () => t, eval: f });
const nullIn = (f: (a: readonly Value[]) => Value) => (a: readonly Value[]): Value => (a.some((v) => v === null) ? null : f(a));
const now = () => new Date();

/** `s` without the leading and/or trailing characters that `chars` holds (a space when absent). */
function trimChars(s: string, chars: Value | undefined, leading: boolean, trailing: boolean): string {
  const set = new Set(chars === undefined ? ' ' : toText(chars));
  let from = 0;
  let to = s.length;
  if (leading) while (from < to && set.has(s[from]!)) from++;
  if (trailing) while (to > from && set.has(s[to - 1]!)) to--;
  return s.slice(from, to);
}

const SERVER_PROPERTIES: Record<string, (h: Host) => Value> = {
  PRODUCTVERSION: (h) => h.productVersion,
  PRODUCTMAJORVERSION: (h) => h.productVersion.split('.')[0],
  PRODUCTMINORVERSION: (h) => h.productVersion.split('.')[1],
  PRODUCTLEVEL: () => 'RTM',
  EDITION: (h) => h.edition.name,
  ENGINEEDITION: (h) => h.edition.engineEdition,
  SERVERNAME: () => 'standin',
  MACHINENAME: () => 'standin',
  INSTANCENAME: () => null,
  COLLATION: () => 'SQL_Latin1_General_CP1_CI_AS',
  ISHADRENABLED: () => 0,
  ISCLUSTERED: () => 0,
  ISFULLTEXTINSTALLED: () => 0,
  ISINTEGRATEDSECURITYONLY: () => 0,
};

function columnProperty(host: Host, id: number, col: string, prop: string): Value {
  const t = host.db.tables.find((x) => x.objectId === id);
  const c = t?.columns.find((x) => sameName(x.name, col));
  if (!t || !c) return null;
  switch (prop.toUpperCase()) {
    case 'CHARMAXLEN': return isStringType(c.type.name) || ['varbinary', 'binary'].includes(c.type.name) ? (c.type.maxLength === -1 ? -1 : c.type.name.startsWith('n') ? c.type.maxLength / 2 : c.type.maxLength) : null;
    case 'ISIDENTITY': return c.identity ? 1 : 0;
    case 'ORDINAL': return t.columns.indexOf(c) + 1;
    case 'ALLOWSNULL': return c.nullable ? 1 : 0;
    case 'PRECISION': return c.type.precision;
    case 'SCALE': return c.type.scale;
    case 'ISCOMPUTED': return c.computed ? 1 : 0;
    case 'COLUMNID': return c.columnId;
    default: return null;
  }
}

/**
 * INDEXPROPERTY(object_id, index_name, property) for the properties the stand-in keeps; NULL for
 * other properties, as SQL Server returns NULL for one it does not know
 * (https://learn.microsoft.com/sql/t-sql/functions/indexproperty-transact-sql).
 */
function indexProperty(host: Host, id: number, name: string, prop: string): Value {
  const ix = host.db.tables.find((x) => x.objectId === id)?.indexes.find((i) => i.name !== null && sameName(i.name, name));
  if (!ix) return null;
  switch (prop.toUpperCase()) {
    case 'INDEXFILLFACTOR': return ix.fillFactor ?? 0;
    case 'ISPADINDEX': return ix.padded ? 1 : 0;
    case 'ISROWLOCKDISALLOWED': return ix.noRowLocks ? 1 : 0;
    case 'ISPAGELOCKDISALLOWED': return ix.noPageLocks ? 1 : 0;
    case 'ISOPTIMIZEDFORSEQUENTIALKEY': return ix.sequentialKey ? 1 : 0;
    case 'ISCLUSTERED': return ix.type === 'CLUSTERED' ? 1 : 0;
    case 'ISUNIQUE': return ix.unique ? 1 : 0;
    default: return null;
  }
}

/** The built-in function table, by upper-case name. */
/** CONCAT's type: as `+` joins strings (concatenatedType); with other arguments, nvarchar(4000). */
function concatType(args: readonly SqlType[]): SqlType {
  return args.length > 0 && args.every((t) => isStringType(t.name)) ? concatenatedType(args) : ty.nvarchar(4000);
}

export const FUNCTIONS: Record<string, Fn> = {
  OBJECT_ID: simple(ty.int, (a, h) => (a[0] === null ? null : objectId(h, toText(a[0]), a[1] === null || a[1] === undefined ? undefined : toText(a[1])))),
  OBJECT_NAME: simple(ty.sysname, (a, h) => {
    if (a[0] === null) return null;
    const db = a[1] !== undefined && a[1] !== null ? h.databaseById(toNumber(a[1])) : h.db;
    return db ? objectById(db, toNumber(a[0]))?.name ?? null : null;
  }),
  OBJECT_SCHEMA_NAME: simple(ty.sysname, (a, h) => { const o = a[0] === null ? undefined : objectById(h.db, toNumber(a[0])); return o ? h.db.schemas.find((s) => s.schemaId === o.schemaId)?.name ?? null : null; }),
  OBJECT_DEFINITION: simple(str(-1), (a, h) => {
    if (a[0] === null) return null;
    const id = toNumber(a[0]);
    for (const t of h.db.tables) {
      const d = t.defaults.find((x) => x.objectId === id) ?? t.checks.find((x) => x.objectId === id);
      if (d) return d.definition;
    }
    return null;
  }),
  OBJECTPROPERTY: simple(ty.int, (a, h) => {
    const id = a[0] === null ? null : toNumber(a[0]);
    const o = id === null ? undefined : objectById(h.db, id);
    if (!o) return null;
    const p = toText(a[1]).toUpperCase();
    if (p === 'ISUSERTABLE') return o.type === 'U' ? 1 : 0;
    if (p === 'ISMSSHIPPED') return 0;
    if (p === 'ISTABLE') return o.type === 'U' ? 1 : 0;
    return null;
  }),
  SCHEMA_NAME: simple(ty.sysname, (a, h) => (a.length === 0 ? 'dbo' : a[0] === null ? null : h.db.schemas.find((s) => s.schemaId === toNumber(a[0]))?.name ?? null)),
  SCHEMA_ID: simple(ty.int, (a, h) => (a.length === 0 ? 1 : a[0] === null ? null : findSchema(h.db, toText(a[0]))?.schemaId ?? null)),
  TYPE_NAME: simple(ty.sysname, (a, h) => (a[0] === null ? null : systemTypeById(toNumber(a[0]))?.name ?? h.db.types?.find((u) => u.userTypeId === toNumber(a[0]))?.name ?? null)),
  // A user type (alias or table type) by [schema.]name too, dbo when no schema is written (type-id-transact-sql).
  TYPE_ID: simple(ty.int, (a, h) => (a[0] === null ? null : (() => {
    const n = toText(a[0]).toLowerCase();
    const t = [34, 35, 36, 40, 41, 42, 43, 48, 52, 56, 58, 59, 60, 61, 62, 98, 99, 104, 106, 108, 122, 127, 165, 167, 173, 175, 189, 231, 239, 241, 256].map(systemTypeById).find((x) => x?.name === n);
    if (t) return t.userTypeId;
    const parts = splitObjectName(toText(a[0]));
    const schema = h.db.schemas.find((x) => sameName(x.name, parts.length >= 2 ? parts[parts.length - 2] : 'dbo'));
    return h.db.types?.find((u) => u.schemaId === schema?.schemaId && sameName(u.name, parts[parts.length - 1] ?? ''))?.userTypeId ?? null;
  })())),
  COL_NAME: simple(ty.sysname, (a, h) => {
    if (a[0] === null || a[1] === null) return null;
    const t = h.db.tables.find((x) => x.objectId === toNumber(a[0]));
    return t?.columns.find((c) => c.columnId === toNumber(a[1]))?.name ?? null;
  }),
  COL_LENGTH: simple(ty.smallint, (a, h) => {
    const id = a[0] === null ? null : objectId(h, toText(a[0]));
    const t = h.db.tables.find((x) => x.objectId === id);
    return t?.columns.find((c) => sameName(c.name, toText(a[1])))?.type.maxLength ?? null;
  }),
  INDEXPROPERTY: simple(ty.int, (a, h) => (a.some((v) => v === null) ? null : indexProperty(h, toNumber(a[0]), toText(a[1]), toText(a[2])))),
  COLUMNPROPERTY: simple(ty.int, (a, h) => (a.some((v) => v === null) ? null : columnProperty(h, toNumber(a[0]), toText(a[1]), toText(a[2])))),
  DB_NAME: simple(ty.nvarchar(128), (a, h) => (a.length === 0 || a[0] === undefined ? h.db.name : a[0] === null ? null : h.databaseById(toNumber(a[0]))?.name ?? null)),
  DB_ID: simple(ty.smallint, (a, h) => (a.length === 0 ? h.db.id : a[0] === null ? null : h.database(toText(a[0]))?.id ?? null)),
  // SESSION_CONTEXT(N'key') (session-context-transact-sql): sql_variant, NULL for a key never set.
  SESSION_CONTEXT: simple(ty.variant, (a, h) => (a[0] === null ? null : h.sessionContext?.(toText(a[0])) ?? null)),
  SUSER_SNAME: simple(ty.nvarchar(128), () => 'sa'),
  SUSER_NAME: simple(ty.nvarchar(128), () => 'sa'),
  // USER_NAME([id]) and DATABASE_PRINCIPAL_ID([name]) over sys.database_principals (security.ts); the session is dbo.
  USER_NAME: simple(ty.nvarchar(128), (a, h) => (a.length === 0 ? 'dbo' : a[0] === null ? null : principalRows(h.db).find((p) => p.id === toNumber(a[0]))?.name ?? null)),
  DATABASE_PRINCIPAL_ID: simple(ty.int, (a, h) => (a.length === 0 ? 1 : a[0] === null ? null : principalRows(h.db).find((p) => sameName(p.name, toText(a[0])))?.id ?? null)),
  CURRENT_USER: simple(ty.sysname, () => 'dbo'),
  SESSION_USER: simple(ty.sysname, () => 'dbo'),
  SYSTEM_USER: simple(ty.nvarchar(128), () => 'sa'),
  USER: simple(ty.sysname, () => 'dbo'),
  HOST_NAME: simple(ty.nvarchar(128), () => 'standin-client'),
  APP_NAME: simple(ty.nvarchar(128), () => 'node-mssql'),
  IS_SRVROLEMEMBER: simple(ty.int, () => 1),
  IS_MEMBER: simple(ty.int, () => 1),
  HAS_PERMS_BY_NAME: simple(ty.int, (a, h) => (a[2] !== null && a[2] !== undefined && toText(a[2]).toUpperCase() === 'VIEW DATABASE STATE' ? (h.viewDatabaseState ? 1 : 0) : 1)),
  SERVERPROPERTY: simple(ty.variant, (a, h) => (a[0] === null ? null : (SERVER_PROPERTIES[toText(a[0]).toUpperCase()] ?? (() => null))(h))),
  DATABASEPROPERTYEX: simple(ty.variant, (a, h) => {
    const db = a[0] === null ? undefined : h.database(toText(a[0]));
    if (!db) return null;
    switch (toText(a[1]).toUpperCase()) {
      case 'COLLATION': return db.collation;
      case 'STATUS': return 'ONLINE';
      case 'UPDATEABILITY': return 'READ_WRITE';
      case 'RECOVERY': return 'FULL';
      case 'USERACCESS': return 'MULTI_USER';
      case 'VERSION': return 957;
      default: return null;
    }
  }),
  ODBCSCALE: simple(ty.int, (a) => (a[0] === null ? null : [40, 41, 42, 43, 58, 61].includes(toNumber(a[0])) ? (toNumber(a[0]) === 61 ? 3 : a[1]) : a[1])),
  GETDATE: simple(ty.datetime, now),
  CURRENT_TIMESTAMP: simple(ty.datetime, now),
  GETUTCDATE: simple(ty.datetime, now),
  SYSDATETIME: simple(ty.datetime2, now),
  SYSUTCDATETIME: simple(ty.datetime2, now),
  SYSDATETIMEOFFSET: simple(ty.datetime2, now),
  NEWID: simple(ty.guid, () => randomUUID().toUpperCase()),
  NEWSEQUENTIALID: simple(ty.guid, () => randomUUID().toUpperCase()),
  SCOPE_IDENTITY: simple(ty.decimal(38, 0), (_a, h) => h.global('@@IDENTITY')?.value ?? null),
  ISNULL: { type: (a, e) => (e[0]?.k === 'lit' && e[0].lt === 'null' ? a[1] : a[0]) ?? ty.int, eval: (a) => (a[0] !== null ? a[0] : a[1]) },
  COALESCE: { type: (a, e) => a.find((_t, i) => !(e[i]?.k === 'lit' && (e[i] as { lt?: string }).lt === 'null')) ?? ty.int, eval: (a) => a.find((v) => v !== null) ?? null },
  NULLIF: { type: same(0), eval: (a) => (a[0] !== null && a[1] !== null && toText(a[0]).toLowerCase() === toText(a[1]).toLowerCase() ? null : a[0]) },
  IIF: { type: same(1), eval: () => null, lazy: (args, ev) => (ev(args[0]) === true ? ev(args[1]) : ev(args[2])) },
  // HASHBYTES('<algorithm>', input): varbinary(8000); a varchar hashes its single-byte text, an
  // nvarchar its UTF-16LE bytes, a binary value its bytes (hashbytes-transact-sql). MD2 and MD4,
  // deprecated there, are not offered by Node's OpenSSL: an unknown algorithm returns NULL, as
  // SQL Server does for one it does not know.
  HASHBYTES: {
    type: () => ({ name: 'varbinary', maxLength: 8000, precision: 0, scale: 0 }),
    eval: (a, _h, types) => {
      if (a[0] === null || a[1] === null) return null;
      const algorithm = HASH_ALGORITHMS[toText(a[0]).toUpperCase()];
      if (algorithm === undefined) return null;
      const v = a[1];
      const t = types[1]?.name ?? 'varchar';
      const bytes = v instanceof Uint8Array ? Buffer.from(v) : Buffer.from(toText(v), t === 'nvarchar' || t === 'nchar' || t === 'ntext' ? 'utf16le' : 'latin1');
      return new Uint8Array(createHash(algorithm).update(bytes).digest());
    },
  },
  LEN: simple(ty.int, nullIn((a) => toText(a[0]).replace(/ +$/, '').length)),
  // NCHAR(n): the Unicode character of code n (0-65535, else NULL); CHAR(n): 0-255, else NULL.
  // https://learn.microsoft.com/sql/t-sql/functions/nchar-transact-sql, .../char-transact-sql
  NCHAR: simple(ty.nvarchar(1), nullIn((a) => { const n = Math.trunc(toNumber(a[0])); return n >= 0 && n <= 65535 ? String.fromCharCode(n) : null; })),
  CHAR: simple({ name: 'char', maxLength: 1, precision: 0, scale: 0 }, nullIn((a) => { const n = Math.trunc(toNumber(a[0])); return n >= 0 && n <= 255 ? String.fromCharCode(n) : null; })),
  DATALENGTH: simple(ty.int, (a, _h, t) => (a[0] === null ? null : a[0] instanceof Uint8Array ? a[0].length : typeof a[0] === 'string' ? (t[0]?.name.startsWith('n') ? 2 : 1) * a[0].length : t[0]?.maxLength ?? 4)),
  UPPER: { type: same(0), eval: nullIn((a) => toText(a[0]).toUpperCase()) },
  LOWER: { type: same(0), eval: nullIn((a) => toText(a[0]).toLowerCase()) },
  // SQL Server 2022's second argument names the characters to remove, a space by default
  // (https://learn.microsoft.com/sql/t-sql/functions/ltrim-transact-sql, rtrim-transact-sql, trim-transact-sql).
  LTRIM: { type: same(0), eval: nullIn((a) => trimChars(toText(a[0]), a[1], true, false)) },
  RTRIM: { type: same(0), eval: nullIn((a) => trimChars(toText(a[0]), a[1], false, true)) },
  TRIM: { type: same(0), eval: nullIn((a) => trimChars(toText(a[0]), a[1], true, true)) },
  SUBSTRING: { type: same(0), eval: nullIn((a) => { const s = toText(a[0]); const st = toNumber(a[1]); const n = toNumber(a[2]); const from = Math.max(st, 1); return s.substring(from - 1, Math.max(st + n - 1, 0)); }) },
  LEFT: { type: same(0), eval: nullIn((a) => toText(a[0]).slice(0, toNumber(a[1]))) },
  RIGHT: { type: same(0), eval: nullIn((a) => { const n = toNumber(a[1]); return n <= 0 ? '' : toText(a[0]).slice(-n); }) },
  REPLACE: { type: same(0), eval: nullIn((a) => toText(a[0]).split(toText(a[1])).join(toText(a[2]))) },
  REPLICATE: { type: same(0), eval: nullIn((a) => toText(a[0]).repeat(Math.max(0, toNumber(a[1])))) },
  CHARINDEX: simple(ty.int, nullIn((a) => toText(a[1]).toLowerCase().indexOf(toText(a[0]).toLowerCase(), Math.max(0, toNumber(a[2] ?? 1) - 1)) + 1)),
  CONCAT: { type: concatType, eval: (a) => a.map((v) => (v === null ? '' : toText(v))).join('') },
  // JSON (json-functions.ts): ISJSON is int, JSON_VALUE nvarchar(4000), JSON_QUERY nvarchar(max).
  ISJSON: simple(ty.int, nullIn((a) => isJson(toText(a[0])))),
  JSON_VALUE: simple(ty.nvarchar(4000), nullIn((a) => jsonValue(toText(a[0]), toText(a[1])))),
  JSON_QUERY: simple(ty.nvarchar(-1), (a) => (a[0] === null || (a.length > 1 && a[1] === null) ? null : jsonQuery(toText(a[0]), a.length > 1 ? toText(a[1]) : '$'))),
  QUOTENAME: simple(ty.nvarchar(258), (a) => {
    if (a[0] === null) return null;
    const q = a[1] === undefined || a[1] === null ? '[' : toText(a[1]);
    const s = toText(a[0]);
    if (q === '[' || q === ']') return `[${s.replace(/]/g, ']]')}]`;
    if (q === "'") return `'${s.replace(/'/g, "''")}'`;
    if (q === '"') return `"${s.replace(/"/g, '""')}"`;
    return null;
  }),
  ABS: { type: same(0), eval: nullIn((a) => Math.abs(toNumber(a[0]))) },
  // FLOOR / CEILING: "the same type as numeric_expression" (floor-transact-sql, ceiling-transact-sql);
  // kept as a JavaScript number here, like ABS (exact only within 2^53).
  FLOOR: { type: same(0), eval: nullIn((a) => Math.floor(toNumber(a[0]))) },
  CEILING: { type: same(0), eval: nullIn((a) => Math.ceil(toNumber(a[0]))) },
  STR: simple(ty.varchar(10), nullIn((a) => String(toNumber(a[0])).padStart(10))),
  ERROR_NUMBER: simple(ty.int, (_a, h) => h.caught()?.number ?? null),
  ERROR_MESSAGE: simple(ty.nvarchar(4000), (_a, h) => h.caught()?.message ?? null),
  ERROR_SEVERITY: simple(ty.int, (_a, h) => h.caught()?.severity ?? null),
  ERROR_STATE: simple(ty.int, (_a, h) => h.caught()?.state ?? null),
  ERROR_LINE: simple(ty.int, (_a, h) => h.caught()?.line ?? null),
  ERROR_PROCEDURE: simple(ty.sysname, () => null),
  XACT_STATE: simple(ty.smallint, (_a, h) => (toNumber(h.global('@@TRANCOUNT')?.value ?? 0) > 0 ? 1 : 0)),
  SESSIONPROPERTY: simple(ty.variant, (a, h) => (a[0] === null ? null : h.option(toText(a[0]).toUpperCase()) ? 1 : 0)),
};
