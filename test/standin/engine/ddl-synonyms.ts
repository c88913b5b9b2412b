/**
 * CREATE SYNONYM / DROP SYNONYM (create-synonym-transact-sql.md, drop-synonym-transact-sql.md). The
 * base object need not exist ("the base object ... is not checked until run time"), so it is kept
 * as written, each part bracket-quoted: sys.synonyms.base_object_name is the "fully quoted name of
 * the base object" (sys-synonyms-transact-sql.md), with as many parts as were written.
 * A query reads through a synonym (synonymTarget); INSERT, UPDATE and DELETE through one are not done.
 */
import type { Name } from './ast';
import type { Database } from './catalog';
import { allocObjectId, findObject, findSchema, findTable, sameName } from './catalog';
import { findModule } from './modules';
import type { DdlContext } from './ddl-constraints';
import { SqlError, err } from './errors';

const quote = (part: string): string => (part === '' ? '' : `[${part.replace(/\]/g, ']]')}]`);

function schemaOf(ctx: DdlContext, name: Name): { schemaId: number; name: string } {
  const schemaName = name.length >= 2 ? name[name.length - 2] : 'dbo';
  const schema = findSchema(ctx.db, schemaName);
  if (!schema) throw err.noSchema(schemaName);
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

/** The parts of a stored base name (`[db]..[t]` is ['db', '', 't']). */
function storedParts(base: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < base.length; i++) {
    const ch = base[i] as string;
    if (ch === '[') {
      for (i++; i < base.length; i++) {
        if (base[i] === ']' && base[i + 1] === ']') { current += ']'; i++; continue; }
        if (base[i] === ']') break;
        current += base[i];
      }
    } else if (ch === '.') { parts.push(current); current = ''; }
    else current += ch;
  }
  parts.push(current);
  return parts;
}

/**
 * The base object a synonym `schema.name` of `db` names, as a name to resolve, or undefined when
 * there is no such synonym. A base on another server is not reachable from the stand-in (Msg 5313,
 * as for a base that does not exist: "Synonym '...' refers to an invalid object"; inferred for the
 * server case).
 */
export function synonymTarget(db: Database, schema: string, name: string): Name | undefined {
  const s = findSchema(db, schema);
  const found = s && db.synonyms?.find((y) => y.schemaId === s.schemaId && sameName(y.name, name));
  if (!found) return undefined;
  const parts = storedParts(found.base);
  if (parts.length > 3) throw invalidSynonym(schema, name);
  return parts;
}

/**
 * The table or view a synonym of `db` reads, resolved like a name written in `db` (a one-part base
 * in dbo, a three-part one in its database), or Msg 5313 when there is none: a missing base, or a
 * base that is itself a synonym ("A synonym cannot be the base object for another synonym").
 */
export function synonymBase(host: { database(name: string): Database | undefined }, db: Database, schema: string, name: string): { db: Database; name: Name } | undefined {
  const target = synonymTarget(db, schema, name);
  if (target === undefined) return undefined;
  const baseDb = target.length === 3 ? host.database(target[0] as string) : db;
  const baseSchema = target.length >= 2 && target[target.length - 2] !== '' ? target[target.length - 2] as string : 'dbo';
  const baseName = target[target.length - 1] as string;
  if (!baseDb || (!findTable(baseDb, baseSchema, baseName) && findModule(baseDb, [baseSchema, baseName])?.type !== 'V')) throw invalidSynonym(schema, name);
  return { db: baseDb, name: [baseDb.name, baseSchema, baseName] };
}

/** Msg 5313: the synonym's base object does not exist (or cannot be reached). */
export function invalidSynonym(schema: string, name: string): SqlError {
  return new SqlError(5313, 16, 1, `Synonym '${schema}.${name}' refers to an invalid object.`, 'compile');
}
