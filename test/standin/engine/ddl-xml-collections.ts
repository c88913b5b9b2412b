/**
 * XML schema collections and typed xml columns (create-xml-schema-collection-transact-sql.md,
 * drop-xml-schema-collection-transact-sql.md, sys-xml-schema-collections-transact-sql.md). The
 * stand-in keeps a collection's name and text but does not validate XML against it. Every
 * database has the built-in collection sys.sys (xml_collection_id 1); user collections follow.
 * Inferred (no public source found): the numbers and wording of 2214 and 6328 below.
 */
import type { Name } from './ast';
import type { Column, Database, XmlSchemaCollection } from './catalog';
import { findSchema, sameName } from './catalog';
import type { DdlContext } from './ddl-constraints';
import { SqlError, err } from './errors';

/** The first id a user collection gets (1 is sys.sys; 65536 is what servers show, inferred). */
const FIRST_ID = 65536;

function parts(db: Database, name: Name): { schemaId: number | undefined; schema: string; name: string } {
  const schema = name.length >= 2 ? name[name.length - 2] : 'dbo';
  return { schemaId: findSchema(db, schema)?.schemaId, schema, name: name[name.length - 1] };
}

/** The collection `name` names, or undefined. */
export function findXmlCollection(db: Database, name: Name): XmlSchemaCollection | undefined {
  const p = parts(db, name);
  return db.xmlCollections?.find((x) => x.schemaId === p.schemaId && sameName(x.name, p.name));
}

/** The typed-xml facts of a column typed xml(CONTENT | DOCUMENT collection): Msg 2214 when it does not exist. */
export function xmlTyping(db: Database, typing: { readonly document: boolean; readonly collection: Name } | undefined): Column['xml'] {
  if (typing === undefined) return undefined;
  const found = findXmlCollection(db, typing.collection);
  if (found === undefined) throw new SqlError(2214, 16, 1, `Cannot find XML schema collection '${typing.collection.join('.')}'.`);
  return { collectionId: found.id, document: typing.document };
}

/** CREATE XML SCHEMA COLLECTION [schema.]name AS 'text'. */
export function createXmlCollection(ctx: DdlContext, name: Name, text: string): void {
  const p = parts(ctx.db, name);
  if (p.schemaId === undefined) throw err.noSchema(p.schema);
  if (findXmlCollection(ctx.db, name)) throw new SqlError(2714, 16, 6, `There is already an object named '${p.name}' in the database.`);
  const list = (ctx.db.xmlCollections ??= []);
  const id = Math.max(FIRST_ID - 1, ...list.map((x) => x.id)) + 1;
  list.push({ id, schemaId: p.schemaId, name: p.name, text, created: ctx.now, modified: ctx.now });
}

/** DROP XML SCHEMA COLLECTION: refused while a column is typed by it (Msg 6328). */
export function dropXmlCollection(ctx: DdlContext, name: Name): void {
  const found = findXmlCollection(ctx.db, name);
  if (found === undefined) throw new SqlError(3701, 11, 5, `Cannot drop the xml schema collection '${name.join('.')}', because it does not exist or you do not have permission.`);
  const user = ctx.db.tables.find((t) => t.columns.some((c) => c.xml?.collectionId === found.id));
  if (user) throw new SqlError(6328, 16, 1, `Specified collection '${found.name}' cannot be dropped because it is used by object '${user.name}'.`);
  ctx.db.xmlCollections = (ctx.db.xmlCollections ?? []).filter((x) => x !== found);
}
