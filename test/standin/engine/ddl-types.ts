/**
 * User alias types: CREATE TYPE s.n FROM base [NULL | NOT NULL], DROP TYPE [IF EXISTS] s.n, and
 * the lookup that lets a column be declared with one. What SQL Server stores
 * (https://learn.microsoft.com/sql/t-sql/statements/create-type-transact-sql,
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-types-transact-sql):
 * a sys.types row with is_user_defined = 1, the base type's system_type_id and facets, its own
 * user_type_id (> 256, inferred from servers' ids) and is_nullable (NULL unless NOT NULL is said).
 * A column of the type stores the base type: sys.columns.system_type_id is the base's,
 * user_type_id the alias's.
 */
import type { Name, TypeRef } from './ast';
import type { Database, UserType } from './catalog';
import { findSchema, sameName } from './catalog';
import type { DdlContext } from './ddl-constraints';
import { SqlError, err } from './errors';
import { resolveType, systemType, type SqlType } from './types';
import { moduleUsingType } from './ddl-table-types';

/** CREATE TYPE accepts these base types only (the documentation's list; synonyms map to them). */
const BASES = new Set(['bigint', 'binary', 'bit', 'char', 'date', 'datetime', 'datetime2', 'datetimeoffset', 'decimal', 'float', 'image', 'int', 'money',
  'nchar', 'ntext', 'numeric', 'nvarchar', 'real', 'smalldatetime', 'smallint', 'smallmoney', 'sql_variant', 'text', 'time', 'tinyint', 'uniqueidentifier',
  'varbinary', 'varchar']);

/** The first user_type_id SQL Server gives an alias type (inferred: system types end at 256, sysname). */
const FIRST_USER_TYPE_ID = 257;

/** The alias types of a database (created on first use). */
export function userTypes(db: Database): UserType[] {
  db.types ??= [];
  return db.types;
}

/** Finds an alias type by schema (dbo when absent) and name. */
export function findUserType(db: Database, schema: string | undefined, name: string): UserType | undefined {
  const s = findSchema(db, schema ?? 'dbo');
  return s ? (db.types ?? []).find((t) => t.schemaId === s.schemaId && sameName(t.name, name)) : undefined;
}

/** A written column type: a system type, or an alias type of this database (stored as its base). */
export function resolveColumnType(db: Database, ref: TypeRef, column = ''): SqlType & { readonly aliasNullable?: boolean } {
  if (ref.schema === undefined && systemType(ref.name) !== undefined) return resolveType(ref);
  const u = findUserType(db, ref.schema, ref.name);
  if (u === undefined) {
    if (ref.schema === undefined) return resolveType(ref);
    throw new SqlError(2715, 16, 6, `Column, parameter, or variable #1: Cannot find data type ${ref.schema}.${ref.name}.`);
  }
  // A table type types variables and parameters only (create-type-transact-sql.md); number and wording inferred.
  if (u.table) throw new SqlError(350, 16, 1, `The column "${column}" does not have a valid data type. A column cannot be of a user-defined table type.`);
  return { ...u.base, userTypeName: u.name, userTypeId: u.userTypeId, aliasNullable: u.nullable };
}

/** CREATE TYPE name FROM base [NULL | NOT NULL]. */
export function createType(ctx: DdlContext, name: Name, base: TypeRef, nullable: boolean | undefined): void {
  const schemaName = name.length >= 2 ? name[name.length - 2] : 'dbo';
  const typeName = name[name.length - 1];
  const schema = findSchema(ctx.db, schemaName);
  if (!schema) throw err.noSchema(schemaName);
  if (findUserType(ctx.db, schemaName, typeName) || (systemType(typeName) && sameName(schemaName, 'sys'))) {
    // Msg 219 (inferred wording from servers' output).
    throw new SqlError(219, 16, 1, `The type '${schemaName}.${typeName}' already exists, or you do not have permission to create it.`);
  }
  // An alias of an alias (sysname included) or of a type outside the list: "Cannot find data type" (inferred).
  const resolvedName = base.name === 'integer' ? 'int' : base.name === 'dec' ? 'decimal' : base.name;
  if (base.schema !== undefined || !BASES.has(resolvedName)) throw new SqlError(2715, 16, 6, `Column, parameter, or variable #1: Cannot find data type ${base.name}.`);
  const types = userTypes(ctx.db);
  ctx.db.nextUserTypeId ??= FIRST_USER_TYPE_ID;
  types.push({ userTypeId: ctx.db.nextUserTypeId++, schemaId: schema.schemaId, name: typeName, base: resolveType(base), nullable: nullable ?? true });
}

/**
 * DROP TYPE [IF EXISTS] name (an alias or a table type): refused while a column or a procedure's
 * or function's parameter uses it, Msg 3732 (the number and wording
 * from SQL Server's error catalog: "Cannot drop type '%.*ls' because it is being referenced by
 * object '%.*ls'. There may be other objects that reference this type.").
 */
export function dropType(ctx: DdlContext, name: Name, written: string, ifExists: boolean): void {
  const u = findUserType(ctx.db, name.length >= 2 ? name[name.length - 2] : undefined, name[name.length - 1]);
  if (!u) {
    if (ifExists) return;
    throw new SqlError(218, 16, 1, `Cannot find the type '${name[name.length - 1]}', because it does not exist or you do not have permission.`);
  }
  // A column of the type, or a parameter of a procedure or function (a table type's users are parameters).
  const user = ctx.db.tables.find((t) => t.columns.some((c) => c.type.userTypeId === u.userTypeId)) ?? moduleUsingType(ctx.db, u);
  if (user) throw new SqlError(3732, 16, 1, `Cannot drop type '${written}' because it is being referenced by object '${user.name}'. There may be other objects that reference this type.`);
  ctx.db.types = userTypes(ctx.db).filter((t) => t !== u);
}

/**
 * sp_addtype @typename, @phystype [, @nulltype]: the older spelling of CREATE TYPE ... FROM, still
 * in legacy install scripts (pubs among them). Per sp-addtype-transact-sql
 * (https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-addtype-transact-sql):
 * @phystype is a base type written as text ('varchar(11)', 'decimal(9,2)'), @nulltype is 'NULL',
 * 'NOT NULL' or 'NONULL'; without it the type takes the session's default nullability
 * (GETANSINULL, i.e. ANSI_NULL_DFLT_ON), except a bit type, which is NOT NULL. The type lands in
 * dbo (inferred: the caller's default schema, dbo for sa).
 */
export function spAddType(ctx: DdlContext, typename: string, phystype: string, nulltype: string | null, ansiNullDefault: boolean): void {
  const m = /^\s*\[?(\w+)\]?\s*(?:\(\s*(max|\d+)\s*(?:,\s*(\d+)\s*)?\))?\s*$/i.exec(phystype);
  if (!m) throw new SqlError(2715, 16, 6, `Column, parameter, or variable #1: Cannot find data type ${phystype}.`);
  const args: (number | 'max')[] = [];
  if (m[2] !== undefined) args.push(m[2].toLowerCase() === 'max' ? 'max' : Number(m[2]));
  if (m[3] !== undefined) args.push(Number(m[3]));
  const base: TypeRef = { name: m[1].toLowerCase(), args };
  let nullable: boolean;
  if (nulltype === null) nullable = base.name === 'bit' ? false : ansiNullDefault;
  else {
    const spelled = nulltype.trim().toUpperCase().replace(/\s+/g, ' ');
    if (spelled !== 'NULL' && spelled !== 'NOT NULL' && spelled !== 'NONULL') {
      // Msg 15040 wording inferred from the procedure's own check of @nulltype.
      throw new SqlError(15040, 16, 1, `User-defined data types based on system data types must specify NULL, NOT NULL or NONULL.`);
    }
    nullable = spelled === 'NULL';
  }
  createType(ctx, [typename.replace(/^\[|\]$/g, '')], base, nullable);
}
