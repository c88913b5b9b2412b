/**
 * Database principals and permissions: CREATE/DROP USER and ROLE, ALTER ROLE ... ADD/DROP MEMBER,
 * and GRANT, DENY and REVOKE on the database, a schema, or an object and its columns, stored as
 * sys.database_principals, sys.database_role_members and sys.database_permissions show them.
 *
 * Sources: create-user-transact-sql, create-role-transact-sql, alter-role-transact-sql,
 * grant-object-permissions-transact-sql, deny-object-permissions-transact-sql,
 * revoke-object-permissions-transact-sql, grant-schema-permissions-transact-sql,
 * sys-database-principals-transact-sql, sys-database-permissions-transact-sql ("For columns,
 * there is a row for every permission that is different from the corresponding object-level
 * permission"), alter-schema-transact-sql ("All permissions associated with the securable will
 * be dropped when the securable is moved to the new schema").
 *
 * The whole security state of a database is one value (Database.security), put back whole by a
 * rolled-back transaction, like modules (tx-log.ts recordSecurity; the same inferred
 * simplification: not locked row by row). Permission rows on objects, schemas or principals that
 * no longer exist are left out when read (object and schema ids are never reused); moves and
 * dropped columns remove theirs at once (dropPermissionsOn).
 */
import type { Name } from './ast';
import type { Database } from './catalog';
import { allObjects, findSchema, findTable, sameName } from './catalog';
import { SqlError } from './errors';

/** A sys.database_principals row of a user-made principal. */
export interface Principal {
  principalId: number;
  name: string;
  /** S: SQL user (WITHOUT LOGIN, or mapped to a login); R: database role. */
  type: 'S' | 'R';
  ownerId: number | null;
  defaultSchema: string | null;
  /** sys.database_principals.authentication_type: 0 NONE (roles, users without login), 1 INSTANCE. */
  authenticationType: 0 | 1;
  created: Date;
  modified: Date;
}

/** One sys.database_permissions row. */
export interface Permission {
  /** 0 DATABASE, 1 OBJECT_OR_COLUMN, 3 SCHEMA. */
  classId: 0 | 1 | 3;
  majorId: number;
  minorId: number;
  grantee: number;
  grantor: number;
  /** The permission's type code, char(4) (sys.database_permissions.type). */
  type: string;
  name: string;
  /** G grant, W grant with grant option, D deny (a revoked permission has no row). */
  state: 'G' | 'W' | 'D';
}

/** A database's principals, role memberships and permissions. */
export interface Security {
  principals: Principal[];
  members: { roleId: number; memberId: number }[];
  permissions: Permission[];
  nextPrincipalId: number;
}

/** The principals every database has (sys-database-principals-transact-sql; fixed roles' ids as SQL Server numbers them). */
const BUILT_IN: readonly { id: number; name: string; type: 'S' | 'R'; fixed: boolean; schema: string | null }[] = [
  { id: 0, name: 'public', type: 'R', fixed: false, schema: null },
  { id: 1, name: 'dbo', type: 'S', fixed: false, schema: 'dbo' },
  { id: 2, name: 'guest', type: 'S', fixed: false, schema: 'guest' },
  { id: 3, name: 'INFORMATION_SCHEMA', type: 'S', fixed: false, schema: null },
  { id: 4, name: 'sys', type: 'S', fixed: false, schema: null },
  { id: 16384, name: 'db_owner', type: 'R', fixed: true, schema: null },
  { id: 16385, name: 'db_accessadmin', type: 'R', fixed: true, schema: null },
  { id: 16386, name: 'db_securityadmin', type: 'R', fixed: true, schema: null },
  { id: 16387, name: 'db_ddladmin', type: 'R', fixed: true, schema: null },
  { id: 16389, name: 'db_backupoperator', type: 'R', fixed: true, schema: null },
  { id: 16390, name: 'db_datareader', type: 'R', fixed: true, schema: null },
  { id: 16391, name: 'db_datawriter', type: 'R', fixed: true, schema: null },
  { id: 16392, name: 'db_denydatareader', type: 'R', fixed: true, schema: null },
  { id: 16393, name: 'db_denydatawriter', type: 'R', fixed: true, schema: null },
];
const DBO = 1;
/** dbo is a member of db_owner in every database. */
const BUILT_IN_MEMBERS = [{ roleId: 16384, memberId: DBO }];

/**
 * Permission names and their type codes (sys-database-permissions-transact-sql). Each class takes
 * only some of them (CLASS_PERMISSIONS).
 */
const CODES: Readonly<Record<string, string>> = {
  'ALTER': 'AL', 'CONTROL': 'CL', 'DELETE': 'DL', 'EXECUTE': 'EX', 'INSERT': 'IN', 'REFERENCES': 'RF', 'SELECT': 'SL',
  'TAKE OWNERSHIP': 'TO', 'UPDATE': 'UP', 'VIEW CHANGE TRACKING': 'VWCT', 'VIEW DEFINITION': 'VW', 'RECEIVE': 'RC',
  'CREATE SEQUENCE': 'CRSO', 'CONNECT': 'CO', 'CREATE TABLE': 'CRTB', 'CREATE VIEW': 'CRVW', 'CREATE PROCEDURE': 'CRPR',
  'CREATE FUNCTION': 'CRFN', 'CREATE SCHEMA': 'CRSM', 'CREATE SYNONYM': 'CRSN', 'CREATE TYPE': 'CRTY', 'CREATE ROLE': 'CRRL',
  'CREATE DEFAULT': 'CRDF', 'CREATE RULE': 'CRRU', 'CREATE XML SCHEMA COLLECTION': 'CRXS', 'SHOWPLAN': 'SPLN',
  'VIEW DATABASE STATE': 'VWDS', 'ALTER ANY SCHEMA': 'ALSM', 'ALTER ANY USER': 'ALUS', 'ALTER ANY ROLE': 'ALRL',
  'BACKUP DATABASE': 'BADB', 'BACKUP LOG': 'BALO', 'CHECKPOINT': 'CP', 'AUTHENTICATE': 'AUTH', 'UNMASK': 'UMSK',
};

const TABLE_LIKE = ['ALTER', 'CONTROL', 'DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TAKE OWNERSHIP', 'UPDATE', 'VIEW CHANGE TRACKING', 'VIEW DEFINITION'];
/** What each object type takes (grant-object-permissions-transact-sql, "Object permissions"), and what ALL means for it. */
const OBJECT_PERMISSIONS: Readonly<Record<string, { readonly takes: readonly string[]; readonly all: readonly string[] }>> = {
  U: { takes: TABLE_LIKE, all: ['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'UPDATE'] },
  V: { takes: TABLE_LIKE, all: ['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'UPDATE'] },
  P: { takes: ['ALTER', 'CONTROL', 'EXECUTE', 'TAKE OWNERSHIP', 'VIEW DEFINITION'], all: ['EXECUTE'] },
  FN: { takes: ['ALTER', 'CONTROL', 'EXECUTE', 'REFERENCES', 'TAKE OWNERSHIP', 'VIEW DEFINITION'], all: ['EXECUTE', 'REFERENCES'] },
  IF: { takes: ['ALTER', 'CONTROL', 'DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TAKE OWNERSHIP', 'UPDATE', 'VIEW DEFINITION'], all: ['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'UPDATE'] },
  TF: { takes: ['ALTER', 'CONTROL', 'DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TAKE OWNERSHIP', 'UPDATE', 'VIEW DEFINITION'], all: ['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'UPDATE'] },
  SO: { takes: ['ALTER', 'CONTROL', 'REFERENCES', 'TAKE OWNERSHIP', 'UPDATE', 'VIEW DEFINITION'], all: [] },
  SN: { takes: ['CONTROL', 'DELETE', 'EXECUTE', 'INSERT', 'SELECT', 'TAKE OWNERSHIP', 'UPDATE', 'VIEW DEFINITION'], all: [] },
};
/** Column lists take only these (grant-object-permissions-transact-sql: "column ... SELECT, REFERENCES, UPDATE"). */
const COLUMN_PERMISSIONS = ['SELECT', 'REFERENCES', 'UPDATE'];
/** grant-schema-permissions-transact-sql. */
const SCHEMA_PERMISSIONS = ['ALTER', 'CONTROL', 'CREATE SEQUENCE', 'DELETE', 'EXECUTE', 'INSERT', 'REFERENCES', 'SELECT', 'TAKE OWNERSHIP', 'UPDATE', 'VIEW CHANGE TRACKING', 'VIEW DEFINITION'];
const SCHEMA_ONLY = new Set(['CREATE SEQUENCE']);

/** What a GRANT, DENY or REVOKE names. */
export type Securable =
  | { readonly class: 'DATABASE' }
  | { readonly class: 'SCHEMA'; readonly name: string }
  | { readonly class: 'OBJECT'; readonly name: Name; readonly columns: readonly string[] };

/** GRANT / DENY / REVOKE as parsed (parse-security.ts). */
export interface PermissionStatement {
  readonly verb: 'GRANT' | 'DENY' | 'REVOKE';
  /** Permission names, upper case and single-spaced, each with its own column list; 'ALL' for ALL [PRIVILEGES]. */
  readonly permissions: readonly { readonly name: string; readonly columns: readonly string[] }[];
  readonly on: Securable;
  readonly principals: readonly string[];
  readonly withGrantOption: boolean;
  /** REVOKE GRANT OPTION FOR. */
  readonly grantOptionOnly: boolean;
  readonly as?: string;
}

/** The database's security state, made on first use. */
export function securityOf(db: Database): Security {
  db.security ??= { principals: [], members: [], permissions: [], nextPrincipalId: 5 };
  return db.security;
}

/** Every principal of the database, built-in ones first, as sys.database_principals rows. */
export function principalRows(db: Database): { id: number; name: string; type: 'S' | 'R'; fixed: boolean; defaultSchema: string | null; ownerId: number | null; authenticationType: number; created: Date | null; modified: Date | null }[] {
  return [
    ...BUILT_IN.map((p) => ({ id: p.id, name: p.name, type: p.type, fixed: p.fixed, defaultSchema: p.schema, ownerId: p.type === 'R' ? DBO : null, authenticationType: p.id === DBO ? 1 : 0, created: null, modified: null })),
    ...(db.security?.principals ?? []).map((p) => ({ id: p.principalId, name: p.name, type: p.type, fixed: false, defaultSchema: p.defaultSchema, ownerId: p.ownerId, authenticationType: p.authenticationType, created: p.created, modified: p.modified })),
  ];
}

function findPrincipal(db: Database, name: string): { id: number; type: 'S' | 'R'; fixed: boolean } | undefined {
  return principalRows(db).find((p) => sameName(p.name, name));
}

/** sys.database_role_members rows (built-in dbo in db_owner first), of principals that still exist. */
export function roleMemberRows(db: Database): { roleId: number; memberId: number }[] {
  return [...BUILT_IN_MEMBERS, ...(db.security?.members ?? [])];
}

/** sys.database_permissions rows whose securable and grantee still exist. */
export function permissionRows(db: Database): Permission[] {
  const perms = db.security?.permissions ?? [];
  if (perms.length === 0) return [];
  const objects = new Set(allObjects(db).filter((o) => o.parentObjectId === 0).map((o) => o.objectId));
  const schemas = new Set(db.schemas.map((s) => s.schemaId));
  const principals = new Set(principalRows(db).map((p) => p.id));
  return perms.filter((p) => principals.has(p.grantee) && (p.classId === 0 || (p.classId === 3 ? schemas.has(p.majorId) : objects.has(p.majorId))));
}

export const CLASS_DESC: Readonly<Record<number, string>> = { 0: 'DATABASE', 1: 'OBJECT_OR_COLUMN', 3: 'SCHEMA' };
export const STATE_DESC: Readonly<Record<string, string>> = { G: 'GRANT', W: 'GRANT_WITH_GRANT_OPTION', D: 'DENY' };

/** Msg 15023: the name is taken by a user or role. */
function principalExists(name: string): SqlError {
  return new SqlError(15023, 16, 1, `User, group, or role '${name}' already exists in the current database.`);
}

/** Msg 15151 as SQL Server words it for a missing securable or principal. */
function cannotFind(what: string, name: string): SqlError {
  return new SqlError(15151, 16, 1, `Cannot find the ${what} '${name}', because it does not exist or you do not have permission.`);
}

/**
 * CREATE USER u WITHOUT LOGIN | CREATE ROLE r [AUTHORIZATION owner]. A user for a login needs the
 * login, and the stand-in's only login (sa) is dbo already: Msg 15007 (inferred for any other name).
 */
export function createPrincipal(db: Database, now: Date, p: { kind: 'user' | 'role'; name: string; withoutLogin?: boolean; login?: string; defaultSchema?: string; owner?: string }): void {
  if (findPrincipal(db, p.name)) throw principalExists(p.name);
  if (p.kind === 'user' && p.withoutLogin !== true) {
    const login = p.login ?? p.name;
    if (sameName(login, 'sa')) throw new SqlError(15063, 16, 1, 'The login already has an account under a different user name.');
    throw new SqlError(15007, 16, 1, `'${login}' is not a valid login or you do not have permission.`);
  }
  let ownerId: number | null = p.kind === 'role' ? DBO : null;
  if (p.owner !== undefined) {
    const owner = findPrincipal(db, p.owner);
    if (!owner) throw cannotFind('user', p.owner);
    ownerId = owner.id;
  }
  const s = securityOf(db);
  s.principals.push({
    principalId: s.nextPrincipalId++, name: p.name, type: p.kind === 'role' ? 'R' : 'S', ownerId,
    defaultSchema: p.kind === 'user' ? (p.defaultSchema ?? 'dbo') : null, authenticationType: 0, created: now, modified: now,
  });
}

/** DROP USER / DROP ROLE [IF EXISTS]: a role with members, or a principal owning a schema, stays. */
export function dropPrincipal(db: Database, kind: 'user' | 'role', name: string, ifExists: boolean): void {
  const found = db.security?.principals.find((p) => sameName(p.name, name) && p.type === (kind === 'role' ? 'R' : 'S'));
  if (!found) {
    if (ifExists) return;
    throw new SqlError(15151, 16, 1, `Cannot drop the ${kind} '${name}', because it does not exist or you do not have permission.`);
  }
  const s = securityOf(db);
  if (kind === 'role' && s.members.some((m) => m.roleId === found.principalId)) throw new SqlError(15144, 16, 1, 'The role has members. It must be empty before it can be dropped.');
  if (db.schemas.some((x) => x.principalId === found.principalId)) throw new SqlError(15138, 16, 1, 'The database principal owns a schema in the database, and cannot be dropped.');
  s.principals = s.principals.filter((p) => p !== found);
  s.members = s.members.filter((m) => m.memberId !== found.principalId && m.roleId !== found.principalId);
  s.permissions = s.permissions.filter((p) => p.grantee !== found.principalId);
}

/** ALTER ROLE r ADD | DROP MEMBER m (also sp_addrolemember / sp_droprolemember). */
export function alterRoleMember(db: Database, role: string, op: 'add' | 'drop', member: string): void {
  const r = findPrincipal(db, role);
  if (!r || r.type !== 'R') throw cannotFind('role', role);
  const m = findPrincipal(db, member);
  if (!m) throw cannotFind('user', member);
  const s = securityOf(db);
  const all = roleMemberRows(db);
  if (op === 'add') {
    if (!all.some((x) => x.roleId === r.id && x.memberId === m.id)) s.members.push({ roleId: r.id, memberId: m.id });
  } else {
    s.members = s.members.filter((x) => !(x.roleId === r.id && x.memberId === m.id));
  }
}

/** The securable's class, major id, the object's type and its table (for columns). */
function resolveSecurable(db: Database, on: Securable): { classId: 0 | 1 | 3; majorId: number; objectType?: string; columnIds: number[] } {
  if (on.class === 'DATABASE') return { classId: 0, majorId: 0, columnIds: [] };
  if (on.class === 'SCHEMA') {
    const s = findSchema(db, on.name);
    if (!s) throw cannotFind('schema', on.name);
    return { classId: 3, majorId: s.schemaId, columnIds: [] };
  }
  const name = on.name;
  const schemaName = name.length >= 2 && name[name.length - 2] !== '' ? name[name.length - 2] : 'dbo';
  const schema = findSchema(db, schemaName);
  const obj = schema && allObjects(db).find((o) => o.schemaId === schema.schemaId && o.parentObjectId === 0 && sameName(o.name, name[name.length - 1]));
  if (!obj) throw cannotFind('object', name.join('.'));
  return { classId: 1, majorId: obj.objectId, objectType: obj.type, columnIds: [] };
}

/** The column ids of `columns` on the object, or Msg 207 for one it does not have (inferred for views). */
function columnIdsOf(db: Database, on: Securable & { class: 'OBJECT' }, columns: readonly string[]): number[] {
  const name = on.name;
  const schemaName = name.length >= 2 && name[name.length - 2] !== '' ? name[name.length - 2] : 'dbo';
  const table = findTable(db, schemaName, name[name.length - 1]);
  const viewColumns = table ? undefined : db.modules?.find((m) => m.schemaId === findSchema(db, schemaName)?.schemaId && sameName(m.name, name[name.length - 1]))?.columns;
  const cols: readonly { columnId: number; name: string }[] = table?.columns ?? viewColumns ?? [];
  return columns.map((c) => {
    const found = cols.find((x) => sameName(x.name, c));
    if (!found) throw new SqlError(207, 16, 1, `Invalid column name '${c}'.`);
    return found.columnId;
  });
}

function incompatible(permission: string): SqlError {
  return new SqlError(4606, 16, 1, `Granted or revoked privilege ${permission} is not compatible with object.`);
}

/**
 * The permission names a statement sets, each checked against what its securable takes (Msg 4606
 * for one it does not; inferred for the schema and database classes, and for column lists), ALL
 * spelt out for the object's type.
 */
function permissionNames(s: PermissionStatement, objectType: string | undefined): { name: string; columns: readonly string[] }[] {
  const out: { name: string; columns: readonly string[] }[] = [];
  for (const p of s.permissions) {
    const names = p.name === 'ALL'
      ? (objectType !== undefined ? OBJECT_PERMISSIONS[objectType]?.all ?? [] : [])
      : [p.name];
    if (p.name === 'ALL' && names.length === 0) throw incompatible('ALL');
    for (const n of names) {
      if (CODES[n] === undefined) throw new SqlError(102, 15, 1, `Incorrect syntax near '${n.split(' ')[0]}'.`);
      const cols = p.columns.length > 0 ? p.columns : s.on.class === 'OBJECT' ? s.on.columns : [];
      if (s.on.class === 'OBJECT') {
        if (!(OBJECT_PERMISSIONS[objectType ?? '']?.takes ?? []).includes(n)) throw incompatible(n);
        if (cols.length > 0 && (!COLUMN_PERMISSIONS.includes(n) || !['U', 'V', 'IF', 'TF'].includes(objectType ?? ''))) throw incompatible(n);
      } else if (s.on.class === 'SCHEMA') {
        if (!SCHEMA_PERMISSIONS.includes(n)) throw incompatible(n);
      } else if (SCHEMA_ONLY.has(n)) {
        throw incompatible(n);
      }
      out.push({ name: n, columns: cols });
    }
  }
  return out;
}

/**
 * GRANT, DENY or REVOKE. A GRANT or DENY sets the state of each (securable, column, grantee,
 * permission); REVOKE removes it (GRANT OPTION FOR only takes back the grant option). An
 * object-level statement also clears the same permission's column-level rows of that grantee
 * (inferred from "For columns, there is a row for every permission that is different from the
 * corresponding object-level permission"), and a column row equal to the object's is not kept.
 */
export function applyPermissions(db: Database, s: PermissionStatement): void {
  const target = resolveSecurable(db, s.on);
  const perms = permissionNames(s, target.objectType);
  const grantees = s.principals.map((name) => {
    const p = findPrincipal(db, name);
    if (!p) throw cannotFind('user', name);
    // "Cannot grant, deny, or revoke permissions to sa, dbo, entity owner, information_schema, sys, or yourself." (number inferred)
    if (p.id >= 1 && p.id <= 4) throw new SqlError(15151, 16, 1, 'Cannot grant, deny, or revoke permissions to sa, dbo, entity owner, information_schema, sys, or yourself.');
    // Fixed database roles take no permissions (inferred number).
    if (p.fixed) throw new SqlError(4617, 16, 1, 'Cannot grant, deny or revoke permissions to or from special roles.');
    return p.id;
  });
  let grantor = DBO;
  if (s.as !== undefined) {
    const a = findPrincipal(db, s.as);
    if (!a) throw cannotFind('user', s.as);
    grantor = a.id;
  }
  const sec = securityOf(db);
  for (const p of perms) {
    const type = CODES[p.name] as string;
    const minors = p.columns.length > 0 && s.on.class === 'OBJECT' ? columnIdsOf(db, s.on, p.columns) : [0];
    for (const grantee of grantees) {
      for (const minorId of minors) {
        const same = (x: Permission): boolean => x.classId === target.classId && x.majorId === target.majorId && x.grantee === grantee && x.type === type;
        const existing = sec.permissions.find((x) => same(x) && x.minorId === minorId);
        const state: Permission['state'] | null = s.verb === 'DENY' ? 'D'
          : s.verb === 'GRANT' ? (s.withGrantOption || existing?.state === 'W' ? 'W' : 'G')
            : s.grantOptionOnly ? (existing?.state === 'W' ? 'G' : existing?.state ?? null)
              : null;
        sec.permissions = sec.permissions.filter((x) => !(same(x) && (x.minorId === minorId || (minorId === 0 && !s.grantOptionOnly))));
        if (state === null) continue;
        const objectLevel = minorId === 0 ? undefined : sec.permissions.find((x) => same(x) && x.minorId === 0);
        if (objectLevel !== undefined && objectLevel.state === state) continue;
        sec.permissions.push({ classId: target.classId, majorId: target.majorId, minorId, grantee, grantor, type, name: p.name, state });
      }
    }
  }
}

/**
 * Removes the permissions on an object (ALTER SCHEMA ... TRANSFER drops them all) or on one of
 * its columns (a dropped column's; its id may be used again by a later column in the stand-in).
 */
export function dropPermissionsOn(db: Database, objectId: number, columnId?: number): void {
  if (!db.security) return;
  db.security.permissions = db.security.permissions.filter((p) => !(p.classId === 1 && p.majorId === objectId && (columnId === undefined || p.minorId === columnId)));
}
