/**
 * ALTER SCHEMA s TRANSFER [OBJECT::]x.y (alter-schema-transact-sql): a table moves to schema s
 * under its own name, with its rows, indexes, constraints and triggers (schema-scoped objects
 * that live in their table's schema, names kept); a view, procedure or function moves alone, its
 * sys.sql_modules.definition unchanged; a sequence or a synonym moves too. Errors as SQL Server words them:
 * 15151 for an unknown schema or object, 2714 for a name the target schema already holds, and
 * 3729 while a schema-bound module binds a table (inferred: SQL Server refuses to move what
 * SCHEMABINDING binds as it refuses to drop or rename it).
 */
import type { Name } from './ast';
import { allObjects, findObject, findSchema, sameName, type Schema } from './catalog';
import type { DdlContext } from './ddl-constraints';
import { SqlError, err } from './errors';
import { modulesOf, referencedBy, schemaBoundBlocker } from './modules';
import { checkNoPausedBuild } from './resumable';
import { dropPermissionsOn } from './security';

function notFound(what: 'schema' | 'object', name: string): SqlError {
  return new SqlError(15151, 16, 1, `Cannot find the ${what} '${name}', because it does not exist or you do not have permission.`);
}

/** The target schema: sys and INFORMATION_SCHEMA never take objects ("Cannot be SYS or INFORMATION_SCHEMA"). */
function targetSchema(ctx: DdlContext, name: string): Schema {
  const s = findSchema(ctx.db, name);
  if (!s || sameName(s.name, 'sys') || sameName(s.name, 'INFORMATION_SCHEMA')) throw notFound('schema', name);
  return s;
}

/** ALTER SCHEMA `schema` TRANSFER `name`. */
export function transferObject(ctx: DdlContext, schema: string, name: Name): void {
  const to = targetSchema(ctx, schema);
  const written = name.join('.');
  const from = findSchema(ctx.db, name.length >= 2 ? name[name.length - 2] : 'dbo');
  const obj = from && findObject(ctx.db, from.schemaId, name[name.length - 1]);
  // Constraints and triggers are not securables of their own: they move with their table.
  if (!from || !obj || obj.parentObjectId !== 0) throw notFound('object', written);
  if (from.schemaId === to.schemaId) return;

  const table = ctx.db.tables.find((t) => t.objectId === obj.objectId);
  const module = modulesOf(ctx.db).find((m) => m.objectId === obj.objectId);
  const sequence = ctx.db.sequences?.find((q) => q.objectId === obj.objectId);
  const synonym = ctx.db.synonyms?.find((y) => y.objectId === obj.objectId);
  const bound = schemaBoundBlocker(ctx.db, from.name, obj.name);
  if (bound && bound !== module) throw referencedBy('ALTER SCHEMA TRANSFER', `${from.name}.${obj.name}`, bound);
  if (table) checkNoPausedBuild(ctx.db, table, `${from.name}.${table.name}`);

  // Everything that moves, by object id: the object, and for a table its constraints and triggers.
  const moving = allObjects(ctx.db).filter((o) => o.objectId === obj.objectId || (table !== undefined && o.parentObjectId === table.objectId));
  for (const o of moving) if (findObject(ctx.db, to.schemaId, o.name)) throw err.objectExists(o.name);

  const ids = new Set(moving.map((o) => o.objectId));
  if (modulesOf(ctx.db).some((m) => ids.has(m.objectId))) ctx.beforeModules?.();
  for (const m of modulesOf(ctx.db)) if (ids.has(m.objectId)) { m.schemaId = to.schemaId; m.modified = ctx.now; }
  // "All permissions associated with the securable will be dropped when the securable is moved to the new schema."
  if (ctx.db.security?.permissions.some((p) => p.classId === 1 && p.majorId === obj.objectId)) {
    ctx.beforeSecurity?.();
    dropPermissionsOn(ctx.db, obj.objectId);
  }
  if (table) { table.schemaId = to.schemaId; table.modified = ctx.now; }
  if (sequence) { sequence.schemaId = to.schemaId; sequence.modified = ctx.now; }
  if (synonym) { synonym.schemaId = to.schemaId; synonym.modified = ctx.now; }
}
