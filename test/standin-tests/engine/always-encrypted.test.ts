/**
 * Always Encrypted in the stand-in: CREATE COLUMN MASTER KEY / COLUMN ENCRYPTION KEY, ENCRYPTED WITH
 * in CREATE TABLE, ADD and ALTER COLUMN (which must restate the same settings: no change without
 * secure enclaves), reported by sys.columns (encryption_type, its desc, algorithm, key id) and
 * sys.column_encryption_keys; the columns SQL Server does not encrypt are refused
 * (always-encrypted-database-engine.md; error numbers inferred).
 */
import { open, type Harness } from './harness';

const WITH = (type: string, key = 'CEK1') => `ENCRYPTED WITH (COLUMN_ENCRYPTION_KEY = [${key}], ENCRYPTION_TYPE = ${type}, ALGORITHM = 'AEAD_AES_256_CBC_HMAC_SHA_256')`;

let h: Harness;
beforeEach(async () => {
  h = open();
  await h.ok(`CREATE COLUMN MASTER KEY CMK1 WITH (KEY_STORE_PROVIDER_NAME = 'MSSQL_CERTIFICATE_STORE', KEY_PATH = 'CurrentUser/My/f2260f28d909d21c642a3d8e0b45a830e79a1420');
CREATE COLUMN ENCRYPTION KEY CEK1 WITH VALUES (COLUMN_MASTER_KEY = CMK1, ALGORITHM = 'RSA_OAEP', ENCRYPTED_VALUE = 0x016E000001630075007200720065006E0074);
CREATE TABLE dbo.p (id int NOT NULL PRIMARY KEY, ssn char(11) COLLATE Latin1_General_BIN2 ${WITH('DETERMINISTIC')} NULL, born date ${WITH('RANDOMIZED')} NULL, note varchar(10) NULL);
INSERT INTO dbo.p (id, note) VALUES (1, 'a');`);
});

const COLS = `SELECT c.name, c.encryption_type, c.encryption_type_desc, c.encryption_algorithm_name, k.name AS key_name
FROM sys.columns c LEFT JOIN sys.column_encryption_keys k ON k.column_encryption_key_id = c.column_encryption_key_id
WHERE c.object_id = OBJECT_ID('dbo.p') ORDER BY c.column_id`;

test('encrypted columns and their key are reported as sys.columns and sys.column_encryption_keys have them', async () => {
  expect(await h.rows(COLS)).toEqual([
    { name: 'id', encryption_type: null, encryption_type_desc: null, encryption_algorithm_name: null, key_name: null },
    { name: 'ssn', encryption_type: 1, encryption_type_desc: 'DETERMINISTIC', encryption_algorithm_name: 'AEAD_AES_256_CBC_HMAC_SHA_256', key_name: 'CEK1' },
    { name: 'born', encryption_type: 2, encryption_type_desc: 'RANDOMIZED', encryption_algorithm_name: 'AEAD_AES_256_CBC_HMAC_SHA_256', key_name: 'CEK1' },
    { name: 'note', encryption_type: null, encryption_type_desc: null, encryption_algorithm_name: null, key_name: null },
  ]);
});

test('ALTER COLUMN keeps the settings it restates and refuses any change of them', async () => {
  await h.ok(`ALTER TABLE dbo.p ALTER COLUMN ssn char(20) COLLATE Latin1_General_BIN2 ${WITH('DETERMINISTIC')} NULL;`);
  await h.ok(`ALTER TABLE dbo.p ADD extra int ${WITH('RANDOMIZED')} NULL;`);
  const numbers = async (sql: string) => (await h.errors(sql)).map((e) => e.number);
  expect(await numbers(`ALTER TABLE dbo.p ALTER COLUMN born date NULL;`)).toEqual([33543]);
  expect(await numbers(`ALTER TABLE dbo.p ALTER COLUMN born date ${WITH('DETERMINISTIC')} NULL;`)).toEqual([33543]);
  expect(await numbers(`ALTER TABLE dbo.p ALTER COLUMN note varchar(10) COLLATE Latin1_General_BIN2 ${WITH('RANDOMIZED')} NULL;`)).toEqual([33543]);
  expect((await h.rows(COLS)).map((r) => `${String(r.name)}=${String(r.encryption_type)}`)).toEqual(['id=null', 'ssn=1', 'born=2', 'note=null', 'extra=2']);
});

test('columns SQL Server does not encrypt are refused', async () => {
  const numbers = async (sql: string) => (await h.errors(sql)).map((e) => e.number);
  expect(await numbers(`CREATE TABLE dbo.q (a varchar(10) ${WITH('DETERMINISTIC')} NULL);`)).toEqual([33289]);
  expect(await numbers(`CREATE TABLE dbo.q (a int ${WITH('RANDOMIZED', 'NOPE')} NULL);`)).toEqual([33261]);
  expect(await numbers(`CREATE TABLE dbo.q (a xml ${WITH('RANDOMIZED')} NULL);`)).toEqual([33277]);
  expect(await numbers(`CREATE TABLE dbo.q (a int IDENTITY ${WITH('RANDOMIZED')} NOT NULL);`)).toEqual([33277]);
  expect(await numbers(`CREATE TABLE dbo.q (a int ${WITH('RANDOMIZED')} NULL CONSTRAINT df_q_a DEFAULT (0));`)).toEqual([33277]);
  expect(await numbers(`CREATE COLUMN ENCRYPTION KEY CEK2 WITH VALUES (COLUMN_MASTER_KEY = CMK9, ALGORITHM = 'RSA_OAEP', ENCRYPTED_VALUE = 0x01);`)).toEqual([33255]);
  expect(await numbers(`ALTER TABLE dbo.p ALTER COLUMN born ADD MASKED WITH (FUNCTION = 'default()');`)).toEqual([16008]);
});
