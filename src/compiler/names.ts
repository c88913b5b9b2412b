/** Naming conventions: field names to column names, name templates, generated object names. */

/** lastLoginAt -> last_login_at; HTTPStatus -> http_status; already_snake stays. */
export function snakeCase(field: string): string {
  return field
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** SQL Server's identifier limit (sysname). */
export const maxIdentifierLength = 128;

/** Result of expanding a name template; `unknown` lists placeholders that are not known. */
export interface Expanded {
  readonly name: string;
  readonly unknown: readonly string[];
}

/** Expands `{table}` and `{schema}` in a declared name, e.g. ix_{table}_active. */
export function expandTemplate(template: string, table: string, schema: string): Expanded {
  const unknown: string[] = [];
  const name = template.replace(/\{([^{}]*)\}/g, (whole, key: string) => {
    if (key === 'table') return table;
    if (key === 'schema') return schema;
    unknown.push(whole);
    return whole;
  });
  return { name, unknown };
}

/** Generated names (design rule 2): never left to SQL Server. */
export const generatedName = {
  primaryKey: (table: string): string => `pk_${table}`,
  default: (table: string, column: string): string => `df_${table}_${column}`,
  check: (table: string, column: string): string => `ck_${table}_${column}`,
  unique: (table: string, columns: readonly string[]): string => `uq_${table}_${columns.join('_')}`,
  foreignKey: (table: string, columns: readonly string[]): string => `fk_${table}_${columns.join('_')}`,
} as const;
