/**
 * Always Encrypted over the wire, on a table with rows: a database with encrypted columns (keys and
 * table made by hand) is pulled and plans nothing; an encrypted column added and another widened
 * (ALTER COLUMN restates its encryption) apply, plan empty, are undone by the DOWN script and apply
 * again; a change of an existing column's encryption is refused by name, and apply changes nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { expectExit } from './support/project';
import { execAll } from './support/sqlcmd';
import { e2eTargets } from './real-server';
import { liveSuite } from './support/live-suite';
import { migrateAndBack } from './support/migrate-and-back';

const WITH = (type: string) => `ENCRYPTED WITH (COLUMN_ENCRYPTION_KEY = CEK1, ENCRYPTION_TYPE = ${type}, ALGORITHM = 'AEAD_AES_256_CBC_HMAC_SHA_256')`;
const SETUP = `CREATE COLUMN MASTER KEY CMK1 WITH (KEY_STORE_PROVIDER_NAME = 'MSSQL_CERTIFICATE_STORE', KEY_PATH = 'CurrentUser/My/f2260f28d909d21c642a3d8e0b45a830e79a1420');
CREATE COLUMN ENCRYPTION KEY CEK1 WITH VALUES (COLUMN_MASTER_KEY = CMK1, ALGORITHM = 'RSA_OAEP', ENCRYPTED_VALUE = 0x016E000001630075007200720065006E0074);
CREATE TABLE dbo.patients (
  id int NOT NULL CONSTRAINT pk_patients PRIMARY KEY,
  ssn char(11) COLLATE Latin1_General_BIN2 ${WITH('DETERMINISTIC')} NULL,
  born date ${WITH('RANDOMIZED')} NULL,
  name varchar(50) NOT NULL);
INSERT INTO dbo.patients (id, name) VALUES (1, 'Catherine'), (2, 'Ken');`;

for (const spec of e2eTargets()) {
  describe(`Always Encrypted on the ${spec.name}`, () => {
    const suite = liveSuite(spec, { example: false, dropTables: ['dbo.patients'] });

    it('pulls encrypted columns that plan nothing, adds and widens one, and refuses re-encrypting one', async () => {
      // A real server needs key material from a key store for CREATE COLUMN ENCRYPTION KEY; the stand-in keeps names only.
      if (spec.name !== 'stand-in') return;
      await execAll(suite.target.url, [SETUP]);
      expectExit(await suite.project.run(['pull', ...suite.db(), '--out', 'schema', '--force']), 0);
      const dir = path.join(suite.project.dir, 'schema');
      const file = fs.readdirSync(dir).find((f) => fs.readFileSync(path.join(dir, f), 'utf8').includes('patients')) ?? '';
      const pulled = fs.readFileSync(path.join(dir, file), 'utf8');
      expect(pulled).toContain("encrypted: { key: 'CEK1', type: 'deterministic' }");
      expect(pulled).toContain("encrypted: { key: 'CEK1', type: 'randomized' }");
      await suite.planIsEmpty();

      suite.project.edit(file, '@Column.char(11,', '@Column.char(20,');
      suite.project.edit(file, '  name!: string;', "  name!: string;\n\n  @Column.int({ nullable: true, encrypted: { key: 'CEK1', type: 'randomized' } })\n  score!: number | null;");
      const { up, after } = await migrateAndBack(suite);
      expect(up).toContain("ALTER TABLE [dbo].[patients] ALTER COLUMN [ssn] char(20) COLLATE Latin1_General_BIN2 ENCRYPTED WITH (COLUMN_ENCRYPTION_KEY = [CEK1], ENCRYPTION_TYPE = DETERMINISTIC, ALGORITHM = 'AEAD_AES_256_CBC_HMAC_SHA_256') NULL");
      expect(up).toContain("ALTER TABLE [dbo].[patients] ADD [score] int ENCRYPTED WITH (COLUMN_ENCRYPTION_KEY = [CEK1], ENCRYPTION_TYPE = RANDOMIZED, ALGORITHM = 'AEAD_AES_256_CBC_HMAC_SHA_256') NULL;");
      expect(after.columns).toContainEqual(expect.objectContaining({ table: 'dbo.patients', name: 'score', encryption_type: 2, column_encryption_key_name: 'CEK1' }));

      suite.project.edit(file, "encrypted: { key: 'CEK1', type: 'randomized' } })\n  born", "encrypted: { key: 'CEK1', type: 'deterministic' } })\n  born");
      const plan = await suite.project.run(['plan', ...suite.db(), '--no-type-check']);
      expect(plan.stdout).toContain('dbo.patients: change the encryption of column born from randomized with column encryption key CEK1 to deterministic with column encryption key CEK1');
      const apply = await suite.project.run(['apply', ...suite.db(), '--auto-approve', '--no-type-check']);
      expect(apply.code).not.toBe(0);
      expect(apply.stdout + apply.stderr).toContain('refusing to apply: 1 change(s) schemac cannot make');
      expect(await suite.snapshot()).toEqual(after);
    }, 240_000);
  });
}
