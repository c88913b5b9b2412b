/**
 * User-defined table types: CREATE TYPE s.t AS TABLE (...) [WITH (MEMORY_OPTIMIZED = ON)], table
 * variables declared with one, and table-valued parameters (`@p s.t READONLY`).
 * https://learn.microsoft.com/sql/t-sql/statements/create-type-transact-sql,
 * https://learn.microsoft.com/sql/relational-databases/tables/use-table-valued-parameters-database-engine,
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-table-types-transact-sql.
 *
 * What SQL Server stores: a sys.types row (is_user_defined = 1, is_table_type = 1; system_type_id
 * 243, max_length -1 and is_nullable 0 are inferred from servers' rows) and, under the type's
 * type_table_object_id, an object of type TT (TYPE_TABLE) in sys.objects whose columns, indexes
 * and constraints the catalog views list "in a way that is similar to an object_id column of a
 * regular table" (sys-table-types). The TT object is named TT_<type>_<object id in hex> and its
 * constraints are system-named (inferred from servers' catalogs: the syntax names none). The
 * stand-in keeps that table (without rows) on the type, never in the database's tables.
 */
import type { ConstraintDef, IndexDef, Name, Statement, TableTypeDef, TypeRef } from './ast';
import type { DdlOption } from './editions';
import type { Database, Module, Table, UserType } from './catalog';
import { findSchema, sameName } from './catalog';
import type { DdlContext } from './ddl-constraints';
import { createTable } from './ddl';
import { findUserType, userTypes } from './ddl-types';
import { SqlError } from './errors';
import { moduleHeader, type Param } from './module-header';

/** sys.types.system_type_id of every table type (inferred from servers' rows). */
export const TABLE_TYPE_SYSTEM_ID = 243;

/** The first user_type_id SQL Server gives a user type (as ddl-types.ts). */
const FIRST_USER_TYPE_ID = 257;

/** The table types of a database's type tables (sys.objects type TT), for the catalog views. */
export function typeTables(db: Database): Table[] {
  return (db.types ?? []).flatMap((u) => (u.table ? [u.table.table] : []));
}

/** The table type a written type names (dbo when no schema is written), if it is one. */
export function findTableType(db: Database, ref: TypeRef): UserType | undefined {
  const u = findUserType(db, ref.schema, ref.name);
  return u?.table ? u : undefined;
}

/** CREATE TYPE name AS TABLE (...) [WITH (MEMORY_OPTIMIZED = ON | OFF)]. */
export function createTableType(ctx: DdlContext, name: Name, def: TableTypeDef): void {
  const schemaName = name.length >= 2 ? name[name.length - 2] : 'dbo';
  const typeName = name[name.length - 1];
  const schema = findSchema(ctx.db, schemaName);
  if (!schema) throw new SqlError(2760, 16, 1, `The specified schema name "${schemaName}" either does not exist or you do not have permission to use it.`);
  if (findUserType(ctx.db, schemaName, typeName)) {
    throw new SqlError(219, 16, 1, `The type '${schemaName}.${typeName}' already exists, or you do not have permission to create it.`);
  }
  // <table_option> is MEMORY_OPTIMIZED only (create-type-transact-sql.md); the refusal's number and wording are inferred.
  const other = def.options.find((o) => o.name !== 'MEMORY_OPTIMIZED');
  if (other) throw new SqlError(155, 15, 1, `'${other.name}' is not a recognized CREATE TYPE option.`);
  const memoryOptimized = def.options.some((o) => o.name === 'MEMORY_OPTIMIZED' && o.value === 'ON');
  // "Table types are always created with DURABILITY = SCHEMA_ONLY" (sys-table-types); a
  // memory-optimized one needs what a memory-optimized table needs (filegroup, an index).
  const options = memoryOptimized ? [{ name: 'MEMORY_OPTIMIZED', value: 'ON' }, { name: 'DURABILITY', value: 'SCHEMA_ONLY' }] : undefined;
  const ttName = `TT_${typeName}_${ctx.db.nextObjectId.toString(16).toUpperCase().padStart(8, '0')}`;
  const before = ctx.db.tables.length;
  createTable(ctx, [schema.name, ttName], def.columns, def.constraints, undefined, undefined, options, undefined, def.indexes);
  const [table] = ctx.db.tables.splice(before, 1);
  ctx.db.nextUserTypeId ??= FIRST_USER_TYPE_ID;
  userTypes(ctx.db).push({
    userTypeId: ctx.db.nextUserTypeId++, schemaId: schema.schemaId, name: typeName,
    base: { name: 'table', maxLength: -1, precision: 0, scale: 0 }, nullable: false,
    table: { table, def, memoryOptimized },
  });
}

/**
 * A table variable of a table type: the type's columns, constraints and indexes as written (its
 * memory-optimized option aside: the variable lives with the batch), stored as DECLARE @v TABLE's.
 */
export function createTypedTableVariable(ctx: DdlContext, stored: string, type: UserType): void {
  const def = type.table?.def;
  if (!def) return;
  if (!type.table?.memoryOptimized) { createTable(ctx, ['dbo', stored], def.columns, def.constraints, undefined, undefined, undefined, undefined, def.indexes); return; }
  // A memory-optimized type's HASH indexes and BUCKET_COUNT belong to memory-optimized storage,
  // which the variable does not take here: it keeps their keys as ordinary indexes.
  const plainOptions = (o: readonly DdlOption[] | undefined): DdlOption[] => (o ?? []).filter((x) => x.name !== 'BUCKET_COUNT');
  const plainKey = (c: ConstraintDef): ConstraintDef => (c.k === 'pk' || c.k === 'unique' ? { ...c, hash: undefined, options: plainOptions(c.options) } : c);
  const plainIndex = (i: IndexDef): IndexDef => ({ ...i, hash: undefined, options: plainOptions(i.options) });
  const columns = def.columns.map((c) => ({ ...c, constraints: c.constraints.map(plainKey), ...(c.indexes ? { indexes: c.indexes.map(plainIndex) } : {}) }));
  createTable(ctx, ['dbo', stored], columns, def.constraints.map(plainKey), undefined, undefined, undefined, undefined, def.indexes.map(plainIndex));
}

/** Msg 10700: a READONLY table-valued parameter written by INSERT, UPDATE, DELETE or MERGE (wording from SQL Server's messages, inferred). */
export function readonlyParameter(name: string): SqlError {
  return new SqlError(10700, 16, 1, `The table-valued parameter "${name}" is READONLY and cannot be modified.`, 'compile');
}

/**
 * The parameter rules of a procedure or function being created (create-procedure-transact-sql.md:
 * "Table-valued parameters must be passed as input READONLY parameters"; use-table-valued-parameters:
 * "you can't perform DML operations such as UPDATE, DELETE, or INSERT on a table-valued parameter in
 * the body of a routine"): Msg 352 for a table-typed parameter without READONLY, 346 for READONLY on
 * another type, 2715 for a schema-qualified type that does not exist, 10700 for a body statement
 * that writes a READONLY parameter (numbers and wording from SQL Server's messages, inferred).
 * A definition the stand-in cannot read is left alone (it fails when called).
 */
export function checkRoutineParameters(db: Database, definition: string, quotedIdentifier: boolean): void {
  let header: ReturnType<typeof moduleHeader>;
  try { header = moduleHeader({ definition, quotedIdentifier } as Module); } catch { return; }
  const readonly = new Set<string>();
  header.params.forEach((p: Param, i) => {
    const tableType = findTableType(db, p.type);
    if (!tableType && p.type.schema !== undefined && !findUserType(db, p.type.schema, p.type.name)) {
      throw new SqlError(2715, 16, 3, `Column, parameter, or variable #${i + 1}: Cannot find data type ${p.type.schema}.${p.type.name}.`);
    }
    if (tableType && !p.readonly) throw new SqlError(352, 15, 1, `The table-valued parameter "${p.name}" must be declared with the READONLY option.`);
    if (!tableType && p.readonly) throw new SqlError(346, 15, 1, `The parameter "${p.name}" can not be declared READONLY since it is not a table-valued parameter.`);
    if (tableType) readonly.add(p.name.toLowerCase());
  });
  if (readonly.size > 0) checkNoWrites(header.body, readonly);
}

/** The body statements of a routine's definition, or none when the stand-in cannot read it (it fails when called). */
export function routineBody(definition: string, quotedIdentifier: boolean): readonly Statement[] {
  try { return moduleHeader({ definition, quotedIdentifier } as Module).body; } catch { return []; }
}

/** Msg 10700 for any statement of a body (blocks, IF, WHILE, TRY included) whose target is one of `names`. */
function checkNoWrites(body: readonly Statement[], names: ReadonlySet<string>): void {
  for (const s of body) {
    if ((s.k === 'insert' || s.k === 'update' || s.k === 'delete' || s.k === 'merge') && s.table.length === 1 && names.has(s.table[0].toLowerCase())) throw readonlyParameter(s.table[0]);
    const into = (s.k === 'insert' || s.k === 'update' || s.k === 'delete' || s.k === 'merge') ? s.output?.into?.name : undefined;
    if (into && into.length === 1 && names.has(into[0].toLowerCase())) throw readonlyParameter(into[0]);
    if (s.k === 'block') checkNoWrites(s.body, names);
    if (s.k === 'tryCatch') { checkNoWrites(s.body, names); checkNoWrites(s.handler, names); }
    if (s.k === 'if') checkNoWrites(s.els ? [s.then, s.els] : [s.then], names);
    if (s.k === 'while') checkNoWrites([s.body], names);
  }
}

/** The first procedure or function whose parameters use the type (DROP TYPE's Msg 3732), if any. */
export function moduleUsingType(db: Database, type: UserType): Module | undefined {
  return (db.modules ?? []).find((m) => {
    if (m.type !== 'P' && m.type !== 'FN' && m.type !== 'IF' && m.type !== 'TF') return false;
    try {
      return moduleHeader(m).params.some((p) => sameName(p.type.name, type.name) && sameName(p.type.schema ?? 'dbo', schemaNameOf(db, type.schemaId)));
    } catch { return false; }
  });
}

function schemaNameOf(db: Database, schemaId: number): string {
  return db.schemas.find((s) => s.schemaId === schemaId)?.name ?? 'dbo';
}
