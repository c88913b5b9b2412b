/**
 * Name tables: which words are keywords, how type names and dateparts are spelled in the
 * stored form, and which keyword-functions SQL Server stores as ordinary calls.
 */

/**
 * Reserved words that can never start or continue an expression as a name. A bare one in an
 * expression is a syntax error ("Incorrect syntax near the keyword ...").
 */
export const RESERVED = new Set([
  'ADD', 'ALL', 'ALTER', 'AND', 'ANY', 'AS', 'ASC', 'BETWEEN', 'BY', 'CASE', 'CHECK', 'COLLATE',
  'COLUMN', 'CONSTRAINT', 'CONVERT', 'CREATE', 'CROSS', 'DEFAULT', 'DELETE', 'DESC', 'DISTINCT', 'DROP',
  'ELSE', 'END', 'ESCAPE', 'EXISTS', 'FOR', 'FOREIGN', 'FROM', 'FULL', 'GROUP', 'HAVING', 'IN',
  'INDEX', 'INNER', 'INSERT', 'INTO', 'IS', 'JOIN', 'KEY', 'LEFT', 'LIKE', 'NOT', 'NULL', 'ON',
  'OR', 'ORDER', 'OUTER', 'PRIMARY', 'REFERENCES', 'RIGHT', 'SELECT', 'SET', 'SOME', 'TABLE',
  'THEN', 'TOP', 'UNION', 'UNIQUE', 'UPDATE', 'VALUES', 'WHEN', 'WHERE', 'WITH',
]);

// System type names as sys.types spells them; CONVERT prints these lower-cased and bracketed.
const SYSTEM_TYPES = new Set([
  'bigint', 'binary', 'bit', 'char', 'date', 'datetime', 'datetime2', 'datetimeoffset', 'decimal',
  'float', 'geography', 'geometry', 'hierarchyid', 'image', 'int', 'money', 'nchar', 'ntext',
  'numeric', 'nvarchar', 'real', 'smalldatetime', 'smallint', 'smallmoney', 'sql_variant',
  'sysname', 'text', 'time', 'timestamp', 'tinyint', 'uniqueidentifier', 'varbinary', 'varchar',
  'xml', 'json', 'vector',
]);

// ISO synonyms resolve to the system type they stand for (CREATE TYPE docs, "Data type
// synonyms"); `character varying(max)` -> `[varchar](max)` is seen in the EF Core case.
const TYPE_SYNONYMS: Readonly<Record<string, string>> = {
  'integer': 'int',
  'dec': 'decimal',
  'character': 'char',
  'char varying': 'varchar',
  'character varying': 'varchar',
  'national character': 'nchar',
  'national char': 'nchar',
  'national character varying': 'nvarchar',
  'national char varying': 'nvarchar',
  'nchar varying': 'nvarchar',
  'national text': 'ntext',
  'binary varying': 'varbinary',
  'double precision': 'float',
  'rowversion': 'timestamp',
};

/** The canonical name of a (possibly multi-word) single-part type name, or null if unknown. */
export function canonicalTypeName(words: readonly string[]): string | null {
  const spelled = words.map((w) => w.toLowerCase()).join(' ');
  const synonym = TYPE_SYNONYMS[spelled];
  if (synonym !== undefined) return synonym;
  return SYSTEM_TYPES.has(spelled) ? spelled : null;
}

// Functions whose first argument is a datepart keyword, not an expression.
const DATEPART_FUNCTIONS = new Set(['dateadd', 'datediff', 'datediff_big', 'datename', 'datepart', 'datetrunc', 'date_bucket']);

/** True when the (lower-cased) built-in takes a datepart as its first argument. */
export function takesDatepart(name: string): boolean {
  return DATEPART_FUNCTIONS.has(name);
}

// Abbreviations per the DATEADD docs table. Inferred: the stored form spells the full name
// (it is printed from the parsed tree, where `dd` and `day` are the same datepart); the only
// public stored example is `dateadd(day,...)`/`dateadd(year,...)` written in full.
const DATEPARTS: Readonly<Record<string, string>> = {
  year: 'year', yy: 'year', yyyy: 'year',
  quarter: 'quarter', qq: 'quarter', q: 'quarter',
  month: 'month', mm: 'month', m: 'month',
  dayofyear: 'dayofyear', dy: 'dayofyear', y: 'dayofyear',
  day: 'day', dd: 'day', d: 'day',
  week: 'week', wk: 'week', ww: 'week',
  weekday: 'weekday', dw: 'weekday', w: 'weekday',
  hour: 'hour', hh: 'hour',
  minute: 'minute', mi: 'minute', n: 'minute',
  second: 'second', ss: 'second', s: 'second',
  millisecond: 'millisecond', ms: 'millisecond',
  microsecond: 'microsecond', mcs: 'microsecond',
  nanosecond: 'nanosecond', ns: 'nanosecond',
  tzoffset: 'tzoffset', tz: 'tzoffset',
  iso_week: 'iso_week', isowk: 'iso_week', isoww: 'iso_week',
};

/** The stored spelling of a datepart, or null when the word is not one. */
export function canonicalDatepart(word: string): string | null {
  return DATEPARTS[word.toLowerCase()] ?? null;
}

/**
 * Keyword-functions written without parentheses, and the call SQL Server stores instead.
 * Inferred: CURRENT_TIMESTAMP -> getdate() is what Prisma, TypeORM and MikroORM rely on when
 * reading defaults back (sqlserver-catalog.md 1.1, 1.4, 1.5); the user functions follow the
 * same pattern (SYSTEM_USER is documented as SUSER_SNAME(), CURRENT_USER/SESSION_USER/USER as
 * USER_NAME()), and suser_sname()/user_name() are what scripted-out defaults show.
 */
export const NILADIC: Readonly<Record<string, string>> = {
  CURRENT_TIMESTAMP: 'getdate',
  CURRENT_USER: 'user_name',
  SESSION_USER: 'user_name',
  USER: 'user_name',
  SYSTEM_USER: 'suser_sname',
};

/** `[name]` with `]` doubled, as SQL Server quotes every name it prints. */
export function bracket(name: string): string {
  return `[${name.replace(/]/g, ']]')}]`;
}
