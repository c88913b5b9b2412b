/** The words and operator sets the expression parser decides by. */

/** Words that can never be an unbracketed column or function name here. */
export const RESERVED: ReadonlySet<string> = new Set([
  'AND', 'OR', 'NOT', 'IS', 'IN', 'BETWEEN', 'LIKE', 'ESCAPE', 'WHEN', 'THEN', 'ELSE', 'END',
  'COLLATE', 'AS', 'SELECT', 'FROM', 'WHERE', 'EXISTS', 'ALL', 'ANY', 'SOME',
]);

/** Built-ins written without parentheses. */
export const NILADIC: ReadonlySet<string> = new Set(['CURRENT_TIMESTAMP', 'CURRENT_USER', 'SESSION_USER', 'SYSTEM_USER', 'USER']);

/** Functions whose first argument is a datepart keyword, not a column. */
export const DATEPART_FUNCTIONS: ReadonlySet<string> = new Set([
  'DATEADD', 'DATEDIFF', 'DATEDIFF_BIG', 'DATEPART', 'DATENAME', 'DATETRUNC', 'DATE_BUCKET',
]);

/** Comparison operator tokens. */
export const COMPARE_OPS: ReadonlySet<string> = new Set(['=', '<>', '!=', '>', '>=', '!>', '<', '<=', '!<']);
/** Operators at the + - level (T-SQL puts & | ^ there too). */
export const ADDITIVE_OPS: ReadonlySet<string> = new Set(['+', '-', '&', '|', '^']);
/** Operators at the * level. */
export const MULTIPLICATIVE_OPS: ReadonlySet<string> = new Set(['*', '/', '%']);
