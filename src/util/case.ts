/**
 * The field -> column naming rule. The compiler derives a column name from a field with it and
 * pull inverts it (a pulled field needs an explicit column name exactly where the rule would
 * not give the column back), so both import this one copy.
 */

/** lastLoginAt -> last_login_at; HTTPStatus -> http_status; already_snake stays. */
export function snakeCase(field: string): string {
  return field
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * Case folding for names that are not SQL Server's (TypeScript class and file names, which
 * collide case-insensitively on common file systems). SQL names use src/sqlserver's NameKey.
 */
export function foldCase(text: string): string {
  return text.toLowerCase();
}
