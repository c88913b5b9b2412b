import type { SchemacConfig } from '../config';
import { declaredSchemas } from '../differ';
import type { Database } from '../model';

/**
 * The schemas a plan of this project manages: the config's list, else those the schema files
 * declare tables in. Schema files that declare no table give no schema to scope by, so then
 * every schema is managed (undefined), as before scoping existed: such a plan still lists (or,
 * with --allow-drop, drops) what the database has.
 */
export function managedSchemas(config: SchemacConfig, desired: Database): readonly string[] | undefined {
  if (config.managedSchemas !== undefined) return config.managedSchemas;
  const declared = declaredSchemas(desired);
  return declared.length > 0 ? declared : undefined;
}
