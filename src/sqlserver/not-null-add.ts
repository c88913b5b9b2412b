/**
 * ADD of a NOT NULL column with a DEFAULT over existing rows: one statement, `ALTER TABLE t ADD
 * c type NOT NULL CONSTRAINT df DEFAULT (expr)`, which SQL Server fills for every existing row.
 * Whether that costs nothing (metadata only) or writes every row depends on the edition, the
 * default and the type (alter-table-transact-sql, "Adding NOT NULL columns as an online
 * operation": https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql#add-not-null-columns-as-an-online-operation).
 */
import type { SqlExpression, SqlType } from '../model';
import type { ServerFacts } from '../model';
import { supportsMetadataOnlyDefaultAdd } from './editions';

/**
 * Types the metadata-only ADD excludes ("You can't add columns of type varchar(max),
 * nvarchar(max), varbinary(max), xml, text, ntext, image, hierarchyid, geometry, geography, or
 * CLR UDTs in an online operation"): such a column is written into every row.
 */
const OFFLINE_TYPES = new Set<SqlType['name']>(['xml', 'text', 'ntext', 'image', 'hierarchyid', 'geometry', 'geography']);

/** Whether a column of this type can be added NOT NULL with a default as a metadata-only change. */
export function metadataOnlyAddType(type: SqlType): boolean {
  if (OFFLINE_TYPES.has(type.name)) return false;
  const variable = type.name === 'varchar' || type.name === 'nvarchar' || type.name === 'varbinary';
  return !(variable && type.length === 'max');
}

/**
 * Functions that produce a new value per row, so a default calling them is not a "runtime
 * constant": the page names NEWID() and NEWSEQUENTIALID(); CRYPT_GEN_RANDOM is counted here too
 * (inferred: it is documented as returning new random bytes per call). GETDATE(),
 * SYSUTCDATETIME() and the like are runtime constants: one value for the statement, stored once.
 */
const PER_ROW_FUNCTIONS = ['newid', 'newsequentialid', 'crypt_gen_random'];

/**
 * Whether a default is a runtime constant (the same value for every existing row): literals and
 * built-in functions other than the per-row ones. A call of a user function (schema-qualified)
 * is not assumed to be one.
 */
export function isRuntimeConstantDefault(expression: SqlExpression): boolean {
  // Strings cannot hide a call; drop them before looking for names followed by "(".
  const code = expression.text.replace(/N?'(?:[^']|'')*'/gi, "''").toLowerCase();
  // NEXT VALUE FOR draws one sequence number per row.
  if (/\bnext\s+value\s+for\b/.test(code)) return false;
  if (/[\]\w]\s*\.\s*\[?[\w@#$]+\]?\s*\(/.test(code)) return false;
  const calls = [...code.matchAll(/\[?([a-z_][\w@#$]*)\]?\s*\(/g)].map((m) => m[1]);
  return !calls.some((name) => name !== undefined && PER_ROW_FUNCTIONS.includes(name));
}

/**
 * Whether the one-statement ADD ... NOT NULL DEFAULT is metadata only on this server: Enterprise
 * (and Developer, Evaluation) from SQL Server 2012, Azure SQL; a runtime-constant default; a type
 * the online ADD allows. Not modelled: the page's other exception, a maximum row size that would
 * pass 8,060 bytes, where SQL Server falls back to writing every row.
 */
export function metadataOnlyNotNullAdd(server: ServerFacts | undefined, type: SqlType, expression: SqlExpression): boolean {
  return supportsMetadataOnlyDefaultAdd(server) && metadataOnlyAddType(type) && isRuntimeConstantDefault(expression);
}
