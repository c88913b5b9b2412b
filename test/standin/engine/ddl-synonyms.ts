/**
 * CREATE SYNONYM / DROP SYNONYM (create-synonym-transact-sql.md, drop-synonym-transact-sql.md). The
 * base object need not exist ("the base object ... is not checked until run time"), so it is kept
 * as written, each part bracket-quoted: sys.synonyms.base_object_name is the "fully quoted name of
 * the base object" (sys-synonyms-transact-sql.md), with as many parts as were written.
 * Not done: resolving a synonym in a query (SELECT ... FROM synonym).
 */
import type { Name } from './ast';
import { allocObjectId, findObject, findSchema, sameName } from './catalog';
import type { DdlContext } from './ddl-constraints';
import { SqlError, err } from './errors';

const quote = (part: string): string => (part === '' ? '' : `[${part.replace(/\]/g, ']]')}]`);

function schemaOf(ctx: DdlContext, name: Name): { schemaId: number; name: string } {
  const schemaName = name.length >= 2 ? name[name.length - 2] : 'dbo';
  const schema = findSchema(ctx.db, schemaName);
  if (!schema) throw new SqlError(2760, 16, 1, `The specified schema name "${schemaName}" either does not exist or you do not have permission to use it.`);
  return { schemaId: schema.schemaId, name: name[name.length - 1] };
}

/** CREATE SYNONYM s FOR base: its name is taken among the schema's objects (Msg 2714). */
export function createSynonym(ctx: DdlContext, name: Name, base: Name): void {
  const { schemaId, name: synonym } = schemaOf(ctx, name);
  if (findObject(ctx.db, schemaId, synonym)) throw err.objectExists(synonym);
  // "A synonym cannot be the base object for another synonym" is checked at use, not here (inferred).
  if (base.length > 4) throw new SqlError(117, 15, 1, `The object name '${base.join('.')}' contains more than the maximum number of prefixes. The maximum is 3.`);
  (ctx.db.synonyms ??= []).push({ objectId: allocObjectId(ctx.db), schemaId, name: synonym, base: base.map(quote).join('.'), created: ctx.now, modified: ctx.now });
}

/** DROP SYNONYM [IF EXISTS] s: Msg 3701 when it is not there. */
export function dropSynonym(ctx: DdlContext, name: Name, ifExists: boolean): void {
  const schema = findSchema(ctx.db, name.length >= 2 ? name[name.length - 2] : 'dbo');
  const found = schema && ctx.db.synonyms?.find((y) => y.schemaId === schema.schemaId && sameName(y.name, name[name.length - 1]));
  if (!found) {
    if (ifExists) return;
    throw new SqlError(3701, 11, 5, `Cannot drop the synonym '${name.join('.')}', because it does not exist or you do not have permission.`);
  }
  ctx.db.synonyms = (ctx.db.synonyms ?? []).filter((y) => y !== found);
}
