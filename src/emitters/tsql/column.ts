import type { Column, ColumnEncryption, DefaultConstraint, Identity } from '../../model';
import { parenthesized } from './expression';
import { collationName, quoteIdent, stringLiteral } from '../../sqlserver/literals';
import { isCharacterType, isSystemAlias, typeText } from '../../sqlserver/types';

/**
 * The column's type in DDL: an alias type by its (quoted, schema-qualified) name, so the column
 * keeps it; sysname bare, as SQL Server's own alias; every other type as typeText writes it.
 */
export function columnTypeSql(column: Column): string {
  const alias = column.type.alias;
  if (alias === undefined || isSystemAlias(alias)) return typeText(column.type);
  return `${quoteIdent(alias.schema)}.${quoteIdent(alias.name)}`;
}

/**
 * `IDENTITY(s,i) [NOT FOR REPLICATION]`. Seed/increment are decimal strings (they may exceed
 * 2^53); anything else is refused. NOT FOR REPLICATION follows the seed and increment
 * (create-table-transact-sql: "IDENTITY [ ( seed , increment ) ] [ NOT FOR REPLICATION ]",
 * https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql).
 */
function renderIdentity(identity: Identity): string {
  for (const part of [identity.seed, identity.increment]) {
    if (!/^-?\d+$/.test(part)) throw new Error(`schemac: bad identity value: ${part}`);
  }
  return `IDENTITY(${identity.seed},${identity.increment})${identity.notForReplication === true ? ' NOT FOR REPLICATION' : ''}`;
}

/**
 * `MASKED WITH (FUNCTION = 'partial(1, "XXXX", 0)')`: a column's Dynamic Data Masking function, in
 * a column definition and after ALTER COLUMN c ADD (alter-table-transact-sql).
 */
export function maskedWithClause(mask: string): string {
  return `MASKED WITH (FUNCTION = ${stringLiteral(mask, false)})`;
}

/**
 * `ENCRYPTED WITH (COLUMN_ENCRYPTION_KEY = [k], ENCRYPTION_TYPE = DETERMINISTIC, ALGORITHM = '...')`
 * (create-table-transact-sql, column_definition). Written after COLLATE, as Microsoft's examples do
 * (`... COLLATE Latin1_General_BIN2 ENCRYPTED WITH (...) NOT NULL`), in CREATE TABLE, ADD and ALTER
 * COLUMN alike: an ALTER COLUMN of an encrypted column states its settings again, unchanged.
 */
export function encryptedWithClause(e: ColumnEncryption): string {
  return `ENCRYPTED WITH (COLUMN_ENCRYPTION_KEY = ${quoteIdent(e.key)}, ENCRYPTION_TYPE = ${e.type.toUpperCase()}, ALGORITHM = ${stringLiteral(e.algorithm, false)})`;
}

/**
 * `CONSTRAINT [df] DEFAULT (expr)`: named, so SQL Server never invents a DF__ name, except where a
 * down script re-creates one SQL Server named (`named` false: it names it again).
 */
export function renderInlineDefault(constraint: DefaultConstraint, named = true): string {
  return `${named ? `CONSTRAINT ${quoteIdent(constraint.name)} ` : ''}DEFAULT ${parenthesized(constraint.expression)}`;
}

/**
 * A column definition as CREATE TABLE and ALTER TABLE ADD take it:
 * `[c] type [COLLATE x] [SPARSE] [MASKED WITH (...)] [IDENTITY(s,i) [NOT FOR REPLICATION]] NULL|NOT NULL [CONSTRAINT [df] DEFAULT (expr)]`, or
 * `[c] AS (expr) [PERSISTED [NOT NULL]]` for a computed column. The default's CONSTRAINT name
 * comes right before DEFAULT: written before NOT NULL it would name the NOT NULL instead and
 * leave the default system-named.
 */
export function renderColumnDefinition(column: Column, inlineDefault: DefaultConstraint | null, defaultNamed = true): string {
  const name = quoteIdent(column.name);
  if (column.computed !== null) {
    if (inlineDefault !== null) throw new Error(`schemac: computed column ${column.name} cannot have a default`);
    const persisted = column.computed.persisted ? ' PERSISTED' : '';
    // Only a persisted computed column may be declared NOT NULL.
    const notNull = column.computed.persisted && !column.nullable ? ' NOT NULL' : '';
    return `${name} AS ${parenthesized(column.computed.expression)}${persisted}${notNull}`;
  }
  const parts = [name, columnTypeSql(column)];
  if (column.collation !== null) {
    if (!isCharacterType(column.type)) throw new Error(`schemac: collation on non-string column ${column.name}`);
    parts.push(`COLLATE ${collationName(column.collation)}`);
  }
  if (column.encryption !== undefined) parts.push(encryptedWithClause(column.encryption));
  // create-table-transact-sql: "column_name <data_type> [ COLLATE ... ] [ SPARSE ] [ MASKED WITH
  // ( FUNCTION = 'mask_function' ) ] ... [ IDENTITY ... ] ... [ NULL | NOT NULL ]" (a sparse column is never an identity).
  if (column.sparse === true) parts.push('SPARSE');
  if (column.mask !== undefined) parts.push(maskedWithClause(column.mask));
  if (column.identity !== null) {
    if (inlineDefault !== null) throw new Error(`schemac: identity column ${column.name} cannot have a default`);
    parts.push(renderIdentity(column.identity));
  }
  const generated = generatedAlwaysClause(column);
  if (generated !== '') parts.push(generated.trim());
  parts.push(column.nullable ? 'NULL' : 'NOT NULL');
  // "... [ NULL | NOT NULL ] [ ROWGUIDCOL ] ..." (create-table-transact-sql, column_definition).
  if (column.rowguidcol === true) parts.push('ROWGUIDCOL');
  if (inlineDefault !== null) parts.push(renderInlineDefault(inlineDefault, defaultNamed));
  return parts.join(' ');
}

/** `[c] type [COLLATE x] [ENCRYPTED WITH (...)] NULL|NOT NULL`, the body of ALTER COLUMN (which takes no default or identity). */
export function renderAlterColumnBody(column: Column): string {
  if (column.computed !== null) throw new Error(`schemac: computed column ${column.name} cannot be altered in place`);
  const parts = [quoteIdent(column.name), columnTypeSql(column)];
  if (column.collation !== null) parts.push(`COLLATE ${collationName(column.collation)}`);
  // Left out, ALTER COLUMN would ask SQL Server to decrypt the column, which it refuses.
  if (column.encryption !== undefined) parts.push(encryptedWithClause(column.encryption));
  parts.push(column.nullable ? 'NULL' : 'NOT NULL');
  return parts.join(' ');
}

/** ` GENERATED ALWAYS AS ROW START|END [HIDDEN]` for a period column, '' for any other. */
export function generatedAlwaysClause(column: Column): string {
  if (column.period === undefined) return '';
  return ` GENERATED ALWAYS AS ROW ${column.period.end === 'start' ? 'START' : 'END'}${column.period.hidden ? ' HIDDEN' : ''}`;
}
