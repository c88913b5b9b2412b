/**
 * Always Encrypted in the stand-in (its own reading, sharing nothing with src/): column master
 * and column encryption keys (create-column-master-key-transact-sql.md,
 * create-column-encryption-key-transact-sql.md; sys.column_encryption_keys) and encrypted
 * columns (ENCRYPTED WITH in a column definition; sys.columns encryption_type 1 DETERMINISTIC,
 * 2 RANDOMIZED, encryption_algorithm_name, column_encryption_key_id). Rules from
 * always-encrypted-database-engine.md: "Deterministic encryption requires a column to have one
 * of the binary2 collations"; no xml, timestamp/rowversion, image, ntext, text, sql_variant,
 * hierarchyid, geography, geometry, alias types; no IDENTITY, ROWGUIDCOL, default or mask. And
 * alter-table-transact-sql: without secure enclaves ALTER COLUMN "can't change any encryption
 * settings". The stand-in stores no key material, encrypts nothing and does not check values;
 * key DDL is not undone by a ROLLBACK (a simplification). Error numbers and wording inferred.
 */
import type { Database } from './catalog';
import { sameName } from './catalog';
import { SqlError } from './errors';
import type { SqlType } from './types';

/** A column master key or column encryption key (database-scoped; sys.column_master_keys / sys.column_encryption_keys). */
export interface ColumnKey {
  readonly id: number;
  readonly name: string;
  readonly created: Date;
}

/** A column's ENCRYPTED WITH as written. */
export interface EncryptionDef {
  readonly key: string;
  readonly type: string;
  readonly algorithm: string;
}

/** A column's stored encryption. */
export interface ColumnEncryption {
  readonly keyId: number;
  readonly type: 1 | 2;
  readonly algorithm: string;
}

/** The algorithm ENCRYPTED WITH takes (create-table-transact-sql.md). */
const ALGORITHM = 'AEAD_AES_256_CBC_HMAC_SHA_256';
const NOT_ENCRYPTABLE = new Set(['xml', 'timestamp', 'rowversion', 'image', 'ntext', 'text', 'sql_variant', 'hierarchyid', 'geography', 'geometry']);
const STRINGS = new Set(['char', 'varchar', 'nchar', 'nvarchar']);

const keysOf = (db: Database): { masters: ColumnKey[]; encryption: ColumnKey[] } => (db.columnKeys ??= { masters: [], encryption: [] });

/** CREATE COLUMN MASTER KEY name WITH (...) or CREATE COLUMN ENCRYPTION KEY name WITH VALUES (COLUMN_MASTER_KEY = m, ...). */
export function createColumnKey(db: Database, kind: 'master' | 'encryption', name: string, masterKey?: string): void {
  const keys = keysOf(db);
  const list = kind === 'master' ? keys.masters : keys.encryption;
  if (list.some((k) => sameName(k.name, name))) throw new SqlError(2714, 16, 6, `There is already an object named '${name}' in the database.`);
  if (kind === 'encryption' && !keys.masters.some((k) => sameName(k.name, masterKey ?? ''))) {
    throw new SqlError(33255, 16, 1, `Cannot find the column master key '${masterKey ?? ''}' because it does not exist or you do not have permissions.`);
  }
  list.push({ id: list.length + 1, name, created: new Date() });
}

/** The column encryption keys, for sys.column_encryption_keys. */
export function columnEncryptionKeys(db: Database): readonly ColumnKey[] {
  return db.columnKeys?.encryption ?? [];
}

/** What a column declared besides ENCRYPTED WITH, for the columns SQL Server does not encrypt. */
export interface EncryptedColumnFacts {
  readonly name: string;
  readonly type: SqlType;
  readonly collation: string | null;
  readonly alias: boolean;
  readonly identity: boolean;
  readonly rowguidcol: boolean;
  readonly hasDefault: boolean;
  readonly masked: boolean;
}

/** The stored encryption of a column declared ENCRYPTED WITH `def`, or the error SQL Server raises. */
export function columnEncryption(db: Database, def: EncryptionDef, c: EncryptedColumnFacts): ColumnEncryption {
  const key = columnEncryptionKeys(db).find((k) => sameName(k.name, def.key));
  if (!key) throw new SqlError(33261, 16, 1, `Cannot find the column encryption key '${def.key}' because it does not exist or you do not have permissions.`);
  const type = def.type.toUpperCase() === 'DETERMINISTIC' ? 1 : def.type.toUpperCase() === 'RANDOMIZED' ? 2 : null;
  if (type === null || def.algorithm.toUpperCase() !== ALGORITHM) throw new SqlError(33263, 16, 1, `Invalid encryption type or algorithm for column '${c.name}'.`);
  const refuse = (why: string): never => { throw new SqlError(33277, 16, 1, `Cannot create encrypted column '${c.name}' because ${why}.`); };
  if (NOT_ENCRYPTABLE.has(c.type.name) || c.alias) refuse(`type '${c.type.name}' is not supported for encryption`);
  if (c.identity) refuse('it is an IDENTITY column');
  if (c.rowguidcol) refuse('it is the ROWGUIDCOL');
  if (c.hasDefault) refuse('it has a default constraint');
  if (c.masked) refuse('it is masked');
  if (type === 1 && STRINGS.has(c.type.name) && !/_BIN2(_|$)/i.test(c.collation ?? '')) {
    throw new SqlError(33289, 16, 1, `Cannot create encrypted column '${c.name}', character strings that do not use a *_BIN2 collation cannot be encrypted.`);
  }
  return { keyId: key.id, type, algorithm: ALGORITHM };
}

/** Whether two stored encryptions (undefined: plaintext) are the same. */
export function sameColumnEncryption(a: ColumnEncryption | undefined, b: ColumnEncryption | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.keyId === b.keyId && a.type === b.type;
}

/** ALTER COLUMN that would change a column's encryption: refused without secure enclaves. */
export function encryptionChangeRefused(column: string): SqlError {
  return new SqlError(33543, 16, 1, `Cannot alter column '${column}'. The statement attempts to encrypt, decrypt or re-encrypt the column in-place using a secure enclave, but the database has no enclave configured.`);
}
