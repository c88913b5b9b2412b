/**
 * Views, procedures, functions and triggers: CREATE / DROP, indexes on views, the dependencies
 * SQL Server records for them (sys.sql_expression_dependencies), and the refusals that
 * schema-bound ones impose on the tables they bind. Bodies run elsewhere: views.ts, routines.ts,
 * triggers.ts and session.ts (procedures).
 *
 * Dependencies are inferred from the names the body uses (SQL Server binds them with its
 * algebrizer; for the forms tests use, the result is the same): a multi-part name that names a
 * table or module of the database is a reference; for a schema-bound module, the referenced
 * tables' columns that the body names are column references (referenced_minor_id), while
 * non-schema-bound references are recorded for the object only (referenced_minor_id 0), as
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-sql-expression-dependencies-transact-sql
 * says ("Column-level dependencies on schema-bound entities").
 */
import type { Expr, IndexDef, ModuleDef, Name, Select } from './ast';
import type { Database, Index, Module, Table } from './catalog';
import { allocObjectId, findObject, findSchema, findTable, MODULE_TYPE_DESC, sameName } from './catalog';
import type { DdlContext } from './ddl-constraints';
import { SqlError, err } from './errors';
import { qualified } from './integrity';
import type { SqlType } from './types';
import { splitObjectName } from './functions';
import { ty } from './types';
import type { Host } from './scope';
import { selectTypes } from './select';
import { moduleHeader } from './module-header';
import { resolveColumnType } from './ddl-types';
import { policyBlocker, type SecurityPolicyObject } from './security-policies';

const MODULE_WORD: Record<Module['type'], string> = { V: 'VIEW', P: 'PROCEDURE', FN: 'FUNCTION', IF: 'FUNCTION', TF: 'FUNCTION', TR: 'TRIGGER' };

/** The database's modules (older images have none). */
export function modulesOf(db: Database): Module[] {
  db.modules ??= [];
  return db.modules;
}

/** Finds a module by (possibly multi-part) name; `dbo` when the schema is left out. */
export function findModule(db: Database, name: Name): Module | undefined {
  const schema = findSchema(db, name.length >= 2 ? name[name.length - 2] : 'dbo');
  return schema ? modulesOf(db).find((m) => m.schemaId === schema.schemaId && sameName(m.name, name[name.length - 1])) : undefined;
}

function schemaName(db: Database, schemaId: number): string {
  return db.schemas.find((s) => s.schemaId === schemaId)?.name ?? 'dbo';
}

/** The object a name path in a body refers to: `s.o`, `s.o.col`, or a bare `o` (schema dbo). */
function objectOf(db: Database, path: Name): { schema: string; name: string; table?: Table; twoPart: boolean } | null {
  const tries: [string, string, boolean][] = path.length >= 2 ? [[path[0], path[1], true]] : [['dbo', path[0], false]];
  for (const [schema, name, twoPart] of tries) {
    const table = findTable(db, schema, name);
    if (table) return { schema: schemaName(db, table.schemaId), name: table.name, table, twoPart };
    const m = findModule(db, [schema, name]);
    if (m) return { schema: schemaName(db, m.schemaId), name: m.name, twoPart };
  }
  return null;
}

/** The references of a module body: objects by name, with bound columns for schema-bound modules. */
function referencesOf(db: Database, def: ModuleDef, self: string): Module['references'] {
  const out = new Map<string, Module['references'][number]>();
  const objectParts = new Set<string>();
  const aliases = new Set((def.aliases ?? []).map((a) => a.toLowerCase()));
  for (const path of def.names) {
    // An alias the body declares (`FROM dbo.p AS p`, then `p.id`) is no reference to an object of that name.
    if (path.length === 1 && aliases.has(path[0].toLowerCase())) continue;
    const o = objectOf(db, path);
    if (o === null || sameName(o.name, self)) continue;
    // Schema binding needs two-part names (create-view-transact-sql: SCHEMABINDING).
    if (def.schemaBound && !o.twoPart) {
      throw new SqlError(4512, 16, 3, `Cannot schema bind ${MODULE_WORD[def.type].toLowerCase()} '${def.name[def.name.length - 1]}' because name '${path.join('.')}' is invalid for schema binding. Names must be in two-part format and an object cannot reference itself.`);
    }
    objectParts.add(o.name.toLowerCase());
    const key = `${o.schema}.${o.name}`.toLowerCase();
    if (!out.has(key)) out.set(key, { schema: o.schema, name: o.name, columns: [] });
  }
  const named = new Set(def.words.map((w) => w.toLowerCase()));
  for (const r of out.values()) {
    const t = findTable(db, r.schema, r.name);
    if (!t) continue;
    r.named = t.columns.filter((c) => named.has(c.name.toLowerCase())).map((c) => c.name);
    if (def.schemaBound) r.columns = [...r.named];
  }
  return [...out.values()];
}

/** A table or view a SELECT reads, by its alias; `columns` null when unknown (a derived table, a missing object). */
interface Source { alias: string; name: string; columns: { name: string; type: SqlType; nullable: boolean }[] | null; written: Name; derived: boolean }

/**
 * The FROM items of a SELECT: tables with their columns now, views with the columns they report
 * (sys.columns: as they were when the view was created or last refreshed).
 */
function sourcesOf(db: Database, select: Select): Source[] {
  const out: Source[] = [];
  const walk = (f: Select['from'][number]): void => {
    if (f.k === 'table') {
      const schema = f.name.length >= 2 ? f.name[f.name.length - 2] : 'dbo';
      const name = f.name[f.name.length - 1];
      const t = findTable(db, schema, name);
      const v = t ? undefined : findModule(db, [schema, name]);
      out.push({ alias: f.alias ?? t?.name ?? v?.name ?? name, name: t?.name ?? v?.name ?? name, columns: t?.columns ?? (v?.type === 'V' ? v.columns : null), written: f.name, derived: false });
    }
    if (f.k === 'derived') out.push({ alias: f.alias, name: f.alias, columns: null, written: [f.alias], derived: true });
    if (f.k === 'join') { walk(f.l); walk(f.r); }
  };
  select.from.forEach(walk);
  return out;
}

/** A view's columns from its SELECT: names from aliases or column names, types from the tables read. */
function viewColumns(db: Database, select: Select | undefined, host?: Host): Module['columns'] {
  if (select === undefined) return [];
  const sources = sourcesOf(db, select).filter((s): s is Source & { columns: Module['columns'] } => s.columns !== null);
  // The engine's own typing of the SELECT's columns, when it can work them out (a view whose
  // FROM it cannot read yet keeps the fallback below); by position, so only without `*`; only
  // when an expression needs it (it reads the view's FROM once).
  let tried = false;
  let types: SqlType[] | undefined;
  const worked = (): SqlType[] | undefined => {
    if (!tried && host && !select.items.some((it) => it.expr.k === 'star')) { try { types = selectTypes(select, host, undefined); } catch { types = undefined; } }
    tried = true;
    return types;
  };
  const typed = (e: Expr, i: number): { type: SqlType; nullable: boolean } => {
    if (e.k === 'col') {
      const qual = e.parts.length >= 2 ? e.parts[e.parts.length - 2] : null;
      for (const s of sources) {
        if (qual !== null && !sameName(s.alias, qual) && !sameName(s.name, qual)) continue;
        const c = s.columns.find((x) => sameName(x.name, e.parts[e.parts.length - 1]));
        if (c) return { type: c.type, nullable: c.nullable };
      }
    }
    const nullable = !(e.k === 'fn' && e.name.toUpperCase().startsWith('COUNT'));
    const type = worked()?.[i];
    if (type !== undefined) return { type, nullable };
    // Inferred: other expressions are reported as nullable int when the engine cannot type them.
    return { type: e.k === 'fn' && e.name.toUpperCase() === 'COUNT_BIG' ? ty.bigint : ty.int, nullable };
  };
  const out: Module['columns'] = [];
  for (const item of select.items) {
    if (item.expr.k === 'star') {
      const qual = item.expr.qual;
      for (const s of sources) {
        if (qual !== undefined && !sameName(s.alias, qual)) continue;
        for (const c of s.columns) out.push({ columnId: out.length + 1, name: c.name, type: c.type, nullable: c.nullable });
      }
      continue;
    }
    const name = item.alias ?? (item.expr.k === 'col' ? item.expr.parts[item.expr.parts.length - 1] : `(No column name ${out.length + 1})`);
    out.push({ columnId: out.length + 1, name, ...typed(item.expr, select.items.indexOf(item)) });
  }
  return out;
}

/** CREATE [OR ALTER] VIEW | PROCEDURE | FUNCTION | TRIGGER. */
export function createModule(ctx: DdlContext, def: ModuleDef, options: { quotedIdentifier: boolean; ansiNulls: boolean }): void {
  const db = ctx.db;
  const schemaWanted = def.type === 'TR' && def.name.length < 2 && def.parent !== undefined && def.parent.length >= 2 ? def.parent[def.parent.length - 2] : def.name.length >= 2 ? def.name[def.name.length - 2] : 'dbo';
  const schema = findSchema(db, schemaWanted);
  if (!schema) throw err.noSchema(schemaWanted);
  const name = def.name[def.name.length - 1];
  let parentObjectId = 0;
  const existing = findModule(db, [schema.name, name]);
  if (def.type === 'TR') parentObjectId = triggerParent(db, def, name, existing);
  if (existing && !def.orAlter) throw err.objectExists(name);
  if (!existing && findObject(db, schema.schemaId, name)) throw err.objectExists(name);
  // ALTER of a predicate function a schema-bound security policy binds is refused (row-level-security; Msg 3729 inferred).
  const policy = existing ? policyBlocker(db, schema.name, existing.name) : undefined;
  if (existing && policy) throw referencedBy(`ALTER ${MODULE_WORD[existing.type]}`, `${schema.name}.${existing.name}`, policy);
  const references = referencesOf(db, def, name);
  const columns = def.type === 'V' ? listedColumns(viewColumns(db, def.select, ctx.host), def, name)
    : def.type === 'IF' || def.type === 'TF' ? functionColumns(db, def, options.quotedIdentifier, ctx.host) : [];
  uniqueViewColumns(columns, name);
  ctx.beforeModules?.();
  const now = ctx.now;
  const module: Module = {
    objectId: existing?.objectId ?? allocObjectId(db), schemaId: schema.schemaId, name, type: def.type, parentObjectId,
    definition: def.definition, schemaBound: def.schemaBound,
    ansiNulls: options.ansiNulls, quotedIdentifier: options.quotedIdentifier,
    references, columns,
    // ALTER of an indexed view drops its indexes (alter-view-transact-sql).
    indexes: [], created: existing?.created ?? now, modified: now,
    ...(def.trigger ? { trigger: def.trigger } : {}),
  };
  db.modules = [...modulesOf(db).filter((m) => m !== existing), module];
}

/**
 * The object a DML trigger is on (create-trigger-transact-sql.md): a table, or for INSTEAD OF a
 * view too ("AFTER triggers can't be defined on views": Msg 8197 as for a missing object). One
 * INSTEAD OF trigger per action per object (Msg 2111), and none for DELETE / UPDATE on a table
 * whose foreign keys cascade that action (Msg 2113); numbers from SQL Server's messages, wording inferred.
 */
function triggerParent(db: Database, def: ModuleDef, name: string, existing: Module | undefined): number {
  const parent = def.parent ?? [];
  const parentSchema = parent.length >= 2 ? parent[parent.length - 2] : 'dbo';
  const t = findTable(db, parentSchema, parent[parent.length - 1] ?? '');
  const view = t || !def.trigger?.insteadOf ? undefined : findModule(db, [parentSchema, parent[parent.length - 1] ?? '']);
  const objectId = t?.objectId ?? (view?.type === 'V' ? view.objectId : undefined);
  if (objectId === undefined) throw new SqlError(8197, 16, 4, `The object '${parent.join('.')}' does not exist or is invalid for this operation.`);
  if (!def.trigger?.insteadOf) return objectId;
  for (const action of def.trigger.events) {
    const other = modulesOf(db).find((m) => m !== existing && m.type === 'TR' && m.parentObjectId === objectId && m.trigger?.insteadOf && m.trigger.events.includes(action));
    if (other) throw new SqlError(2111, 16, 1, `Cannot CREATE TRIGGER on '${parent.join('.')}' because an INSTEAD OF ${action} trigger already exists on this object.`);
  }
  const cascades = (action: 'DELETE' | 'UPDATE'): boolean => t !== undefined && def.trigger?.events.includes(action) === true
    && t.fks.some((fk) => (action === 'DELETE' ? fk.onDelete : fk.onUpdate) !== 'NO_ACTION');
  if (cascades('DELETE') || cascades('UPDATE')) {
    throw new SqlError(2113, 16, 1, `Cannot CREATE INSTEAD OF DELETE or INSTEAD OF UPDATE TRIGGER '${name}' on table '${parent.join('.')}'. This is because the table has a FOREIGN KEY with cascading DELETE or UPDATE.`);
  }
  return objectId;
}

/**
 * A table-valued function's result columns, which sys.columns lists under the function as it does
 * a view's ("Inline table-valued SQL functions (IF) ... Table-valued SQL functions (TF)",
 * sys-columns-transact-sql): an inline one's from its query, a multi-statement one's from its
 * RETURNS @r TABLE (...). A definition the stand-in cannot read has none (it fails when called).
 */
function functionColumns(db: Database, def: ModuleDef, quotedIdentifier: boolean, host: Host): Module['columns'] {
  let h: ReturnType<typeof moduleHeader>;
  try { h = moduleHeader({ definition: def.definition, quotedIdentifier } as Module); } catch { return []; }
  if (h.query) return viewColumns(db, h.query, host);
  const ret = h.returnTable;
  if (!ret) return [];
  const keyed = new Set(ret.constraints.flatMap((c) => (c.k === 'pk' ? c.columns.map((k) => k.name.toLowerCase()) : [])));
  return ret.columns.map((c, i) => {
    let type: SqlType = ty.int;
    try { if (c.type) type = resolveColumnType(db, c.type, c.name); } catch { type = ty.int; }
    const inKey = keyed.has(c.name.toLowerCase()) || c.constraints.some((k) => k.k === 'pk') || c.identity !== undefined;
    return { columnId: i + 1, name: c.name, type, nullable: c.nullable ?? !inKey };
  });
}

/** The schema-bound module that binds `table` (and `column`, when given), if any. */
export function schemaBoundBlocker(db: Database, schema: string, table: string, column?: string): Module | SecurityPolicyObject | undefined {
  return modulesOf(db).find((m) => m.schemaBound && m.references.some((r) => sameName(r.schema, schema) && sameName(r.name, table)
    && (column === undefined || r.columns.some((c) => sameName(c, column)))))
    // A schema-bound security policy binds its targets' argument columns and its functions (security-policies.ts).
    ?? policyBlocker(db, schema, table, column);
}

/** Msg 3729: the object is bound by a schema-bound module (or security policy). */
export function referencedBy(op: string, what: string, by: { readonly name: string }): SqlError {
  return new SqlError(3729, 16, 1, `Cannot ${op} '${what}' because it is being referenced by object '${by.name}'.`);
}

/** Msg 15336 (sp_rename of an object or column a schema-bound module binds). */
export function renameBound(what: string): SqlError {
  return new SqlError(15336, 16, 1, `Object '${what}' cannot be renamed because the object participates in enforced dependencies.`);
}

/** DROP VIEW | PROCEDURE | FUNCTION | TRIGGER; DROP VIEW drops the view's indexes and its INSTEAD OF triggers with it. */
export function dropModule(ctx: DdlContext, kind: 'V' | 'P' | 'FN' | 'TR', name: Name, ifExists: boolean): void {
  const m = findModule(ctx.db, name);
  const fits = m !== undefined && (kind === 'FN' ? ['FN', 'IF', 'TF'].includes(m.type) : m.type === kind);
  if (!m || !fits) {
    if (ifExists) return;
    const word = MODULE_WORD[kind === 'FN' ? 'FN' : kind].toLowerCase();
    throw new SqlError(3701, 11, 5, `Cannot drop the ${word} '${name.join('.')}', because it does not exist or you do not have permission.`);
  }
  const schema = schemaName(ctx.db, m.schemaId);
  const by = schemaBoundBlocker(ctx.db, schema, m.name);
  if (by && by !== m) throw referencedBy(`DROP ${MODULE_WORD[m.type]}`, `${schema}.${m.name}`, by);
  ctx.beforeModules?.();
  ctx.db.modules = modulesOf(ctx.db).filter((x) => x !== m && !(m.type === 'V' && x.type === 'TR' && x.parentObjectId === m.objectId));
}

/** The triggers of a table go with it (drop-table-transact-sql: "DROP TABLE removes ... triggers"). */
export function dropTriggersOf(ctx: DdlContext, t: Table): void {
  if (!modulesOf(ctx.db).some((m) => m.parentObjectId === t.objectId)) return;
  ctx.beforeModules?.();
  ctx.db.modules = modulesOf(ctx.db).filter((m) => m.parentObjectId !== t.objectId);
}

/**
 * CREATE INDEX on a view: the view must be schema-bound (1939), its first index unique and
 * clustered (1940, 1941). https://learn.microsoft.com/sql/relational-databases/views/create-indexed-views
 */
export function createViewIndex(ctx: DdlContext, view: Module, def: IndexDef): void {
  if (!view.schemaBound) throw new SqlError(1939, 16, 1, `Cannot create index on view '${view.name}' because the view is not schema bound.`);
  if (def.clustered && !def.unique) throw new SqlError(1941, 16, 1, `Cannot create nonunique clustered index on view '${view.name}' because only unique clustered indexes are allowed. Consider creating unique clustered index instead.`);
  if (!def.clustered && !view.indexes.some((i) => i.type === 'CLUSTERED')) throw new SqlError(1940, 16, 1, `Cannot create index on view '${view.name}'. It does not have a unique clustered index.`);
  if (view.indexes.some((i) => i.name !== null && sameName(i.name, def.name))) throw err.indexExists(def.name, `${schemaName(ctx.db, view.schemaId)}.${view.name}`);
  const column = (n: string) => {
    const c = view.columns.find((x) => sameName(x.name, n));
    if (!c) throw err.noColumnInTarget(n);
    return c.columnId;
  };
  ctx.beforeModules?.();
  const index: Index = {
    indexId: def.clustered ? 1 : Math.max(1, ...view.indexes.map((i) => i.indexId)) + 1,
    name: def.name, type: def.clustered ? 'CLUSTERED' : 'NONCLUSTERED', unique: def.unique, isPrimaryKey: false, isUniqueConstraint: false,
    keys: def.columns.map((c) => ({ columnId: column(c.name), desc: c.desc })), includes: def.include.map(column), disabled: false,
  };
  view.indexes = [...view.indexes, index].sort((a, b) => a.indexId - b.indexId);
  view.modified = ctx.now;
}

/** DROP INDEX on a view (dropping the clustered one drops the others too, as SQL Server does). */
export function dropViewIndex(ctx: DdlContext, view: Module, index: string): boolean {
  const ix = view.indexes.find((i) => i.name !== null && sameName(i.name, index));
  if (!ix) return false;
  ctx.beforeModules?.();
  view.indexes = ix.type === 'CLUSTERED' ? [] : view.indexes.filter((i) => i !== ix);
  return true;
}

/** The sys.sql_expression_dependencies rows (referencing, referenced, minor, schema-bound) of a database. */
export function dependencyRows(db: Database): { referencingId: number; referencedId: number | null; minorId: number; schemaBound: boolean; schema: string; name: string }[] {
  const out: ReturnType<typeof dependencyRows> = [];
  for (const m of modulesOf(db)) {
    for (const r of m.references) {
      const table = findTable(db, r.schema, r.name);
      const other = table ? undefined : findModule(db, [r.schema, r.name]);
      const id = table?.objectId ?? other?.objectId ?? null;
      const columns = table ? r.columns.map((c) => table.columns.find((x) => sameName(x.name, c))?.columnId).filter((x): x is number => x !== undefined) : [];
      const base = { referencingId: m.objectId, referencedId: id, schemaBound: m.schemaBound, schema: r.schema, name: r.name };
      if (columns.length === 0) out.push({ ...base, minorId: 0 });
      for (const c of columns) out.push({ ...base, minorId: c });
    }
  }
  return out;
}

/** sys.objects.type_desc of a module. */
export function moduleTypeDesc(m: Module): string {
  return MODULE_TYPE_DESC[m.type];
}

/** `schema.name` of a table, for messages. */
export function tableName(db: Database, t: Table): string {
  return qualified(db, t);
}

/** Every column reference of a SELECT's list, FROM conditions, WHERE, GROUP BY and HAVING (not its subqueries). */
function columnRefs(select: Select): Name[] {
  const out: Name[] = [];
  const expr = (e: Expr | undefined): void => {
    if (e === undefined) return;
    switch (e.k) {
      case 'col': out.push(e.parts); return;
      case 'un': case 'isnull': expr(e.e); return;
      case 'bin': expr(e.l); expr(e.r); return;
      case 'in': expr(e.e); e.list?.forEach(expr); return;
      case 'like': expr(e.e); expr(e.pat); return;
      case 'between': expr(e.e); expr(e.lo); expr(e.hi); return;
      case 'fn': e.args.forEach(expr); return;
      case 'case': expr(e.operand); e.whens.forEach(([w, t]) => { expr(w); expr(t); }); expr(e.els); return;
      case 'cast': expr(e.e); expr(e.style); return;
      default: return;
    }
  };
  const from = (f: Select['from'][number]): void => { if (f.k === 'join') { from(f.l); from(f.r); expr(f.on); } };
  select.items.forEach((i) => expr(i.expr));
  select.from.forEach(from);
  expr(select.where);
  select.groupBy.forEach(expr);
  expr(select.having);
  return out;
}

/**
 * The error binding a view's SELECT to the database as it is now raises, or null: a table or view
 * it reads is gone (Msg 208), or a column it names is (Msg 207). A star binds to whatever the
 * table has now. Raised at run time of the procedure that binds it, so XACT_ABORT rolls back.
 */
function bindView(db: Database, select: Select): SqlError | null {
  const sources = sourcesOf(db, select);
  const missing = sources.find((s) => s.columns === null && !s.derived && findModule(db, s.written.length >= 2 ? s.written.slice(-2) : ['dbo', s.written[0]]) === undefined);
  if (missing) return new SqlError(208, 16, 1, `Invalid object name '${missing.written.join('.')}'.`);
  if (sources.some((s) => s.columns === null)) return null; // a derived table or a function: its columns are not tracked here
  for (const parts of columnRefs(select)) {
    const qual = parts.length >= 2 ? parts[parts.length - 2] : null;
    const name = parts[parts.length - 1];
    const candidates = sources.filter((s) => qual === null || sameName(s.alias, qual) || sameName(s.name, qual));
    if (candidates.length === 0) continue; // qualified by something this reader does not follow
    if (!candidates.some((s) => (s.columns ?? []).some((c) => sameName(c.name, name)))) return new SqlError(207, 16, 1, `Invalid column name '${name}'.`);
  }
  return null;
}

/**
 * sp_refreshsqlmodule (any non-schema-bound module) and sp_refreshview (a view): binds the stored
 * definition again to the objects as they are now, and stores what that gives: a view's columns
 * (a SELECT * expanded to the table's columns now) and the dependencies. Until then a view keeps
 * the columns it had when it was created: "If a view isn't created with the SCHEMABINDING clause,
 * run sp_refreshview when changes are made to the objects underlying the view that affect the
 * definition of the view" (https://learn.microsoft.com/sql/t-sql/statements/create-view-transact-sql;
 * https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-refreshsqlmodule-transact-sql).
 * A view, or an inline function, whose table or named column is gone fails (208, 207); so does
 * any module naming a column its table no longer has (deferred name resolution covers missing
 * tables only, https://learn.microsoft.com/sql/t-sql/statements/create-procedure-transact-sql).
 */
export function refreshModule(ctx: DdlContext, objname: string, proc: 'sp_refreshsqlmodule' | 'sp_refreshview', parse: (definition: string, quotedIdentifier: boolean) => ModuleDef | null): void {
  const m = findModule(ctx.db, splitObjectName(objname));
  // Msg 15165 for an unknown object (sp-refreshview-transact-sql does not word it; inferred from sp_rename's).
  if (!m || (proc === 'sp_refreshview' && m.type !== 'V')) throw new SqlError(15165, 16, 1, `Could not find object '${objname}' or you do not have permission.`);
  // "@name can't be schema-bound" (sp-refreshsqlmodule-transact-sql); the message is inferred.
  if (m.schemaBound) throw new SqlError(15165, 16, 1, `Could not find object '${objname}' or you do not have permission. A schema-bound module cannot be refreshed.`);
  const def = parse(m.definition, m.quotedIdentifier);
  if (def === null) return;
  const self = m.name;
  for (const r of m.references) {
    const t = findTable(ctx.db, r.schema, r.name);
    const other = t ? undefined : findModule(ctx.db, [r.schema, r.name]);
    if (!t && !other && (m.type === 'V' || m.type === 'IF')) throw new SqlError(208, 16, 1, `Invalid object name '${r.schema}.${r.name}'.`);
    const gone = t ? (r.named ?? []).find((c) => !t.columns.some((x) => sameName(x.name, c))) : undefined;
    // A view's SELECT is bound below; one this reader cannot parse is checked by the names its text uses.
    if (gone !== undefined && (m.type !== 'V' || def.select === undefined)) throw new SqlError(207, 16, 1, `Invalid column name '${gone}'.`);
  }
  if (m.type === 'V' && def.select !== undefined) {
    const bad = bindView(ctx.db, def.select);
    if (bad) throw bad;
  }
  const columns = m.type === 'V' ? listedColumns(viewColumns(ctx.db, def.select, ctx.host), def, self) : m.columns;
  uniqueViewColumns(columns, self);
  ctx.beforeModules?.();
  m.references = referencesOf(ctx.db, def, self);
  m.columns = columns;
  m.modified = ctx.now;
}

/**
 * Msg 4506: a view's columns must have distinct names, a star's included; so a refresh fails once
 * a table under `SELECT *` of a join gains a column another one has. Wording as SQL Server reports it
 * (seen in https://database-helper.github.io/sql-server/error-messages/msg-4506/).
 */
function uniqueViewColumns(columns: Module['columns'], view: string): void {
  const seen = new Set<string>();
  for (const c of columns) {
    const k = c.name.toLowerCase();
    if (seen.has(k)) throw new SqlError(4506, 16, 1, `Column names in each view or function must be unique. Column name '${c.name}' in view or function '${view}' is specified more than once.`);
    seen.add(k);
  }
}

/**
 * A view's columns under its column list, which must name exactly as many as the SELECT gives:
 * Msg 4502 "has more column names specified than columns defined" (seen in
 * https://database-helper.github.io/sql-server/error-messages/msg-4502); the other way round the
 * wording and number 4501 are inferred. So a star under a list breaks once its table gains or
 * loses a column, until the view is altered.
 */
function listedColumns(columns: Module['columns'], def: ModuleDef, view: string): Module['columns'] {
  const list = def.columnList;
  if (list === undefined || def.select === undefined) return columns;
  if (list.length > columns.length) throw new SqlError(4502, 16, 1, `View or function '${view}' has more column names specified than columns defined.`);
  if (list.length < columns.length) throw new SqlError(4501, 16, 1, `View or function '${view}' has fewer column names specified than columns defined.`);
  return columns.map((c, i) => ({ ...c, name: list[i] as string }));
}
