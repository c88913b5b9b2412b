/**
 * Always Encrypted: what SQL Server stores about an encrypted column and which columns it can
 * encrypt. Sources: "Always Encrypted"
 * (https://learn.microsoft.com/sql/relational-databases/security/encryption/always-encrypted-database-engine,
 * MicrosoftDocs/sql-docs docs/relational-databases/security/encryption/always-encrypted-database-engine.md),
 * sys.columns (encryption_type 1 = deterministic, 2 = randomized, as SMO's ColumnEncryptionType:
 * https://learn.microsoft.com/dotnet/api/microsoft.sqlserver.management.smo.columnencryptiontype),
 * and alter-table-transact-sql: "When using Always Encrypted (without secure enclaves), if the
 * column being modified is encrypted with 'ENCRYPTED WITH', you can change the datatype to a
 * compatible datatype (such as INT to BIGINT), but you can't change any encryption settings."
 */
import type { ColumnEncryption, SqlType, SqlTypeName } from '../model';
import { isCharacterType } from './types';

/** The one algorithm ENCRYPTED WITH takes. */
export const AE_ALGORITHM = 'AEAD_AES_256_CBC_HMAC_SHA_256';

/** sys.columns.encryption_type codes. */
export const ENCRYPTION_TYPE_CODES: Readonly<Record<ColumnEncryption['type'], number>> = { deterministic: 1, randomized: 2 };

/** The encryption type of a sys.columns.encryption_type code, or null for another value. */
export function encryptionTypeOfCode(code: number): ColumnEncryption['type'] | null {
  return code === 1 ? 'deterministic' : code === 2 ? 'randomized' : null;
}

/**
 * "Always Encrypted is not supported for the columns with ... one of the following datatypes:
 * xml, timestamp/rowversion, image, ntext, text, sql_variant, hierarchyid, geography, geometry,
 * alias, user defined-types".
 */
const NOT_ENCRYPTABLE: ReadonlySet<SqlTypeName> = new Set<SqlTypeName>(['xml', 'rowversion', 'image', 'ntext', 'text', 'sql_variant', 'hierarchyid', 'geography', 'geometry']);

/** Whether a collation is a binary2 one (`..._BIN2`, also `..._BIN2_UTF8`). */
export function isBin2Collation(collation: string | null): boolean {
  return collation !== null && /_BIN2(_|$)/i.test(collation);
}

/**
 * Why a column of `type` (declared with an alias type or not, with `collation`) cannot be
 * encrypted `encryption`, or null. "Deterministic encryption must use a column collation with a
 * binary2 sort order for character columns."
 */
export function encryptionMisfit(encryption: ColumnEncryption, type: SqlType, collation: string | null): string | null {
  // sysname too: SQL Server keeps it as an alias of nvarchar(128) (user_type_id 256; inferred).
  if (type.alias !== undefined) return `an alias type column (${type.alias.schema}.${type.alias.name}) cannot be encrypted`;
  if (NOT_ENCRYPTABLE.has(type.name)) return `a ${type.name} column cannot be encrypted`;
  if (encryption.type === 'deterministic' && isCharacterType(type) && !isBin2Collation(collation)) {
    return `deterministic encryption of a ${type.name} column needs a binary2 collation (e.g. collation: 'Latin1_General_BIN2'), not ${collation ?? 'the database default'}`;
  }
  return null;
}

/** Whether two columns' encryption (absent: plaintext) is the same; key names compare with `key`. */
export function sameEncryption(a: ColumnEncryption | undefined, b: ColumnEncryption | undefined, key: (name: string) => string): boolean {
  if (a === undefined || b === undefined) return a === b;
  return key(a.key) === key(b.key) && a.type === b.type && a.algorithm.toUpperCase() === b.algorithm.toUpperCase();
}

/** How a column's encryption reads in messages: `deterministic with CEK1`, or `plaintext`. */
export function encryptionText(e: ColumnEncryption | undefined): string {
  return e === undefined ? 'plaintext' : `${e.type} with column encryption key ${e.key}`;
}
