/**
 * Which schemas a plan may touch. Objects in other schemas belong to someone else (another
 * project, a DBA, a vendor): the plan leaves them out entirely, whatever --allow-drop says.
 */
import type { NameKey } from '../sqlserver/names';
import type { Database } from '../model';

/**
 * The schemas the schema files declare tables or sequences in: the default managed set. Not `db.schemas`,
 * which the compiler always seeds with dbo even when no table is declared there.
 */
export function declaredSchemas(desired: Database): string[] {
  return [...new Set([...desired.tables.map((t) => t.schema), ...(desired.sequences ?? []).map((s) => s.schema)])];
}

/**
 * A test for "this schema is managed". `managed` undefined means every schema (the plan of a
 * whole database); otherwise the listed schemas plus those of the desired tables, since a
 * declared table is always created where it is declared.
 */
export function schemaScope(managed: readonly string[] | undefined, desired: Database, key: NameKey): (schema: string) => boolean {
  if (managed === undefined) return () => true;
  const keys = new Set([...managed, ...declaredSchemas(desired)].map(key));
  return (schema) => keys.has(key(schema));
}
