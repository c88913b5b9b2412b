/**
 * Stand-alone defaults and rules, the deprecated forerunners of DEFAULT and CHECK constraints:
 * CREATE DEFAULT d AS expr, CREATE RULE r AS condition (on one @variable), DROP DEFAULT | RULE,
 * and sp_bindefault / sp_unbindefault / sp_bindrule / sp_unbindrule on 'table.column' (two or
 * three parts) or on an alias type (one part, or two when no such column exists), with futureonly.
 * What SQL Server stores: a sys.objects row of type D (parent_object_id 0, so not in
 * sys.default_constraints) or R, its CREATE text in sys.sql_modules (uses_ansi_nulls always 0 for
 * rules and defaults), sys.columns / sys.types default_object_id and rule_object_id.
 * https://learn.microsoft.com/sql/t-sql/statements/create-default-transact-sql
 * https://learn.microsoft.com/sql/t-sql/statements/create-rule-transact-sql
 * https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-bindefault-transact-sql
 * https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-bindrule-transact-sql
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-sql-modules-transact-sql
 */
import type { Expr, Name } from './ast';
import type { BoundObject, Column, Database, Table, UserType } from './catalog';
import { allocObjectId, findObject, findSchema, findTable, sameName } from './catalog';
import type { DdlContext } from './ddl-constraints';
import { SqlError, err } from './errors';

/** The bound objects of a database (created on first use). */
export function boundObjects(db: Database): BoundObject[] {
  db.boundObjects ??= [];
  return db.boundObjects;
}

const KIND_WORD = { D: 'default', R: 'rule' } as const;

function schemaAndName(ctx: DdlContext, name: Name): { schemaId: number; name: string } {
  const schemaName = name.length >= 2 ? name[name.length - 2] : 'dbo';
  const schema = findSchema(ctx.db, schemaName);
  if (!schema) throw err.noSchema(schemaName);
  return { schemaId: schema.schemaId, name: name[name.length - 1] };
}

/** CREATE DEFAULT / CREATE RULE: the name is taken among the schema's objects (Msg 2714); `text` is kept as written. */
export function createBound(ctx: DdlContext, kind: 'D' | 'R', name: Name, expr: Expr, text: string): void {
  const { schemaId, name: objectName } = schemaAndName(ctx, name);
  if (findObject(ctx.db, schemaId, objectName)) throw err.objectExists(objectName);
  // "The rule must contain exactly one variable" (inferred from create-rule-transact-sql: "condition_expression includes one variable").
  const variable = kind === 'R' ? variablesOf(expr)[0] : undefined;
  if (kind === 'R' && variable === undefined) throw new SqlError(137, 15, 2, 'Must declare the scalar variable in the rule condition.');
  boundObjects(ctx.db).push({
    objectId: allocObjectId(ctx.db), schemaId, name: objectName, kind, expr, definition: text.trim().replace(/;$/, ''),
    ...(variable !== undefined ? { variable } : {}), created: ctx.now, modified: ctx.now,
  });
}

/**
 * DROP DEFAULT | RULE: refused while bound to a column or alias type ("Before dropping a
 * default, unbind the default by executing sp_unbindefault"; drop-default-transact-sql,
 * drop-rule-transact-sql). Msg 3716 and its wording are inferred.
 */
export function dropBound(ctx: DdlContext, kind: 'D' | 'R', names: readonly Name[], ifExists: boolean): void {
  for (const name of names) {
    const found = findBound(ctx.db, kind, name);
    if (!found) {
      if (ifExists) continue;
      throw new SqlError(3701, 11, 5, `Cannot drop the ${KIND_WORD[kind]} '${name.join('.')}', because it does not exist or you do not have permission.`);
    }
    const inUse = ctx.db.tables.some((t) => t.columns.some((c) => (kind === 'D' ? c.defaultObjectId : c.ruleObjectId) === found.objectId))
      || (ctx.db.types ?? []).some((u) => (kind === 'D' ? u.defaultObjectId : u.ruleObjectId) === found.objectId);
    if (inUse) throw new SqlError(3716, 16, 1, `The ${KIND_WORD[kind]} '${found.name}' cannot be dropped because it is bound to one or more column.`);
    ctx.db.boundObjects = boundObjects(ctx.db).filter((o) => o !== found);
  }
}

/** A bound object by (schema-qualified) name. */
function findBound(db: Database, kind: 'D' | 'R', name: Name): BoundObject | undefined {
  const schema = findSchema(db, name.length >= 2 ? name[name.length - 2] : 'dbo');
  return schema && (db.boundObjects ?? []).find((o) => o.kind === kind && o.schemaId === schema.schemaId && sameName(o.name, name[name.length - 1]));
}

/** The parts of a procedure's object name argument: dots outside brackets split it; brackets delimit ("object_name can contain brackets"). */
export function nameParts(text: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '[') {
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === ']' && text[j + 1] === ']') { cur += ']'; j += 2; continue; }
        if (text[j] === ']') break;
        cur += text[j]; j++;
      }
      i = j;
    } else if (ch === '.') { parts.push(cur); cur = ''; } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => p.trim());
}

/** A two- or three-part name as table and column, or undefined when no such column exists. */
function asColumn(db: Database, parts: readonly string[]): { table: Table; column: Column } | undefined {
  if (parts.length < 2 || parts.length > 3) return undefined;
  const table = findTable(db, parts.length === 3 ? parts[0] : 'dbo', parts[parts.length - 2]);
  const column = table?.columns.find((c) => sameName(c.name, parts[parts.length - 1]));
  return table && column ? { table, column } : undefined;
}

/** An alias type by one- or two-part name. */
function asType(db: Database, parts: readonly string[]): UserType | undefined {
  if (parts.length > 2) return undefined;
  const schema = findSchema(db, parts.length === 2 ? parts[0] : 'dbo');
  return schema && (db.types ?? []).find((u) => u.schemaId === schema.schemaId && sameName(u.name, parts[parts.length - 1]));
}

/** "If object_name is a one-part name, it is resolved as an alias data type. If it is a two- or three-part name, it is first resolved as a table and column". */
function target(db: Database, objname: string): { table: Table; column: Column } | { type: UserType } {
  const parts = nameParts(objname);
  const col = parts.length >= 2 ? asColumn(db, parts) : undefined;
  if (col) return col;
  const type = asType(db, parts);
  if (type) return { type };
  // Number and wording inferred.
  throw new SqlError(15148, 16, 1, `The data type or table name '${objname}' does not exist as a table column or alias data type.`);
}

/** Types a default or rule cannot be bound to (sp-bindefault-transact-sql, sp-bindrule-transact-sql). */
function unbindable(c: Column): boolean {
  const n = c.type.name.toLowerCase();
  return c.computed !== undefined || c.type.maxLength === -1 || ['text', 'ntext', 'image', 'xml', 'timestamp', 'rowversion', 'hierarchyid', 'geometry', 'geography'].includes(n);
}

/** sp_bindefault @defname, @objname [, @futureonly] and sp_bindrule @rulename, @objname [, @futureonly]. */
export function bind(ctx: DdlContext, kind: 'D' | 'R', objectName: string, objname: string, futureonly: boolean): void {
  const obj = findBound(ctx.db, kind, nameParts(objectName));
  if (!obj) throw new SqlError(15016, 16, 1, `The ${KIND_WORD[kind]} '${objectName}' does not exist.`);
  const t = target(ctx.db, objname);
  if ('column' in t) {
    const c = t.column;
    if (unbindable(c)) throw new SqlError(15102, 16, 1, `Cannot bind a ${KIND_WORD[kind]} to a computed column, or to a column of data type text, ntext, image, timestamp, xml, a max type or a CLR type.`);
    if (kind === 'D') {
      // "A default can't be bound to ... columns with the IDENTITY property ... or columns that already have DEFAULT constraints" (1781: inferred).
      if (c.identity) throw new SqlError(15102, 16, 1, 'Cannot bind a default to an identity column.');
      if (t.table.defaults.some((d) => d.columnId === c.columnId)) throw err.defaultBound();
      c.defaultObjectId = obj.objectId;
    } else c.ruleObjectId = obj.objectId;
    return;
  }
  // An alias type: existing columns inherit it unless futureonly, or unless one has its own
  // default bound directly (or a DEFAULT constraint); "New columns of the alias data type always inherit".
  const u = t.type;
  const previous = kind === 'D' ? u.defaultObjectId ?? 0 : u.ruleObjectId ?? 0;
  if (kind === 'D') u.defaultObjectId = obj.objectId; else u.ruleObjectId = obj.objectId;
  if (futureonly) return;
  for (const table of ctx.db.tables) {
    for (const c of table.columns) {
      if (c.type.userTypeId !== u.userTypeId) continue;
      if (kind === 'D' && (c.defaultObjectId === 0 || c.defaultObjectId === previous) && !table.defaults.some((d) => d.columnId === c.columnId)) c.defaultObjectId = obj.objectId;
      if (kind === 'R' && ((c.ruleObjectId ?? 0) === 0 || c.ruleObjectId === previous)) c.ruleObjectId = obj.objectId;
    }
  }
}

/** sp_unbindefault @objname [, @futureonly] and sp_unbindrule: a column's binding, or an alias type's (and its columns' that use it, unless futureonly). */
export function unbind(ctx: DdlContext, kind: 'D' | 'R', objname: string, futureonly: boolean): void {
  const t = target(ctx.db, objname);
  if ('column' in t) {
    const c = t.column;
    const current = kind === 'D' ? c.defaultObjectId : c.ruleObjectId ?? 0;
    const isBound = current !== 0 && (ctx.db.boundObjects ?? []).some((o) => o.objectId === current);
    // Msg 15049 "Cannot unbind from '...'. Use ALTER TABLE DROP CONSTRAINT." for a DEFAULT constraint (inferred wording).
    if (!isBound) throw new SqlError(15049, 11, 1, `Cannot unbind from '${objname}'. Use ALTER TABLE DROP CONSTRAINT.`);
    if (kind === 'D') c.defaultObjectId = 0; else c.ruleObjectId = 0;
    return;
  }
  const u = t.type;
  const current = kind === 'D' ? u.defaultObjectId ?? 0 : u.ruleObjectId ?? 0;
  if (kind === 'D') u.defaultObjectId = 0; else u.ruleObjectId = 0;
  if (futureonly || current === 0) return;
  for (const table of ctx.db.tables) {
    for (const c of table.columns) {
      if (c.type.userTypeId !== u.userTypeId) continue;
      if (kind === 'D' && c.defaultObjectId === current) c.defaultObjectId = 0;
      if (kind === 'R' && c.ruleObjectId === current) c.ruleObjectId = 0;
    }
  }
}

/** What a new column of alias type `userTypeId` inherits: "New columns of the alias data type always inherit the default" (and rule). */
export function inheritedBindings(db: Database, userTypeId: number | undefined): { defaultObjectId: number; ruleObjectId?: number } {
  const u = userTypeId === undefined ? undefined : (db.types ?? []).find((x) => x.userTypeId === userTypeId);
  return { defaultObjectId: u?.defaultObjectId ?? 0, ...(u?.ruleObjectId ? { ruleObjectId: u.ruleObjectId } : {}) };
}

/** The bound default's expression of a column, when its default_object_id names one. */
export function boundDefaultOf(db: Database, c: Column): Expr | undefined {
  if (c.defaultObjectId === 0 || db.boundObjects === undefined) return undefined;
  return db.boundObjects.find((o) => o.objectId === c.defaultObjectId && o.kind === 'D')?.expr;
}

/** A column's bound rule with its condition over the column's value (the rule's @variable read as the column). */
export function boundRuleOf(db: Database, c: Column): { rule: BoundObject; condition: Expr } | undefined {
  if (!c.ruleObjectId || db.boundObjects === undefined) return undefined;
  const rule = db.boundObjects.find((o) => o.objectId === c.ruleObjectId && o.kind === 'R');
  if (!rule) return undefined;
  return { rule, condition: replaceVariable(rule.expr, rule.variable ?? '', c.name) };
}

/** The names of the @variables an expression reads. */
function variablesOf(e: unknown): string[] {
  if (e === null || typeof e !== 'object') return [];
  if (Array.isArray(e)) return e.flatMap(variablesOf);
  const o = e as Record<string, unknown>;
  if (o.k === 'var' && typeof o.name === 'string') return [o.name];
  return Object.values(o).flatMap(variablesOf);
}

/** The expression with @variable read as column `column`. */
function replaceVariable(e: Expr, variable: string, column: string): Expr {
  const walk = (x: unknown): unknown => {
    if (x === null || typeof x !== 'object') return x;
    if (Array.isArray(x)) return x.map(walk);
    const o = x as Record<string, unknown>;
    if (o.k === 'var' && typeof o.name === 'string' && o.name.toLowerCase() === variable.toLowerCase()) return { k: 'col', parts: [column] };
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, walk(v)]));
  };
  return walk(e) as Expr;
}
