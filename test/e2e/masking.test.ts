/**
 * Dynamic Data Masking over the wire, on a table with rows: a database masked by hand (functions
 * written without spaces, as SQL Server stores them otherwise) is pulled and plans nothing; then a
 * mask is added (on an indexed column: the index is rebuilt around it), one changed and one
 * dropped, applied, planned empty, undone by the DOWN script and applied again.
 */
import * as fs from 'fs';
import * as path from 'path';
import { expectExit } from './support/project';
import { execAll } from './support/sqlcmd';
import { e2eTargets } from './real-server';
import { liveSuite } from './support/live-suite';
import { migrateAndBack } from './support/migrate-and-back';

const MASKED = `CREATE TABLE dbo.members (
  id int NOT NULL CONSTRAINT pk_members PRIMARY KEY,
  first_name varchar(100) MASKED WITH (FUNCTION = 'partial(1,"xxxxx",1)') NULL,
  last_name varchar(100) NOT NULL,
  email varchar(100) MASKED WITH (FUNCTION = 'email()') NOT NULL,
  discount smallint MASKED WITH (FUNCTION = 'random(1,100)') NULL);
CREATE INDEX ix_members_last_name ON dbo.members (last_name);
INSERT INTO dbo.members (id, first_name, last_name, email, discount) VALUES
  (1, 'Roberto', 'Tamburello', 'RTamburello@contoso.com', 10), (2, 'Janice', 'Galvin', 'JGalvin@contoso.com.co', 5);`;

for (const spec of e2eTargets()) {
  describe(`Dynamic Data Masking on the ${spec.name}`, () => {
    const suite = liveSuite(spec, { example: false, dropTables: ['dbo.members'] });

    it('pulls masks that plan nothing, then adds, changes and drops them and back', async () => {
      await execAll(suite.target.url, [MASKED]);
      expectExit(await suite.project.run(['pull', ...suite.db(), '--out', 'schema', '--force']), 0);
      const dir = path.join(suite.project.dir, 'schema');
      const file = fs.readdirSync(dir).find((f) => fs.readFileSync(path.join(dir, f), 'utf8').includes('members')) ?? '';
      const pulled = fs.readFileSync(path.join(dir, file), 'utf8');
      expect(pulled).toContain(`masked: 'partial(1, "xxxxx", 1)'`);
      expect(pulled).toContain(`masked: 'random(1, 100)'`);
      await suite.planIsEmpty();

      suite.project.edit(file, `masked: 'partial(1, "xxxxx", 1)'`, `masked: 'partial(2,"XXXX",0)'`);
      suite.project.edit(file, `, masked: 'random(1, 100)'`, '');
      suite.project.edit(file, `masked: 'email()'`, `masked: 'default()'`);
      suite.project.edit(file, '@Column.varchar(100)\n  lastName', `@Column.varchar(100, { masked: 'default()' })\n  lastName`);
      const { after, up, down } = await migrateAndBack(suite);
      expect(up).toContain(`ALTER TABLE [dbo].[members] ALTER COLUMN [first_name] ADD MASKED WITH (FUNCTION = 'partial(2, "XXXX", 0)');`);
      expect(up).toContain('ALTER TABLE [dbo].[members] ALTER COLUMN [discount] DROP MASKED;');
      expect(up).toContain('DROP INDEX [ix_members_last_name]');
      expect(down).toContain(`ALTER TABLE [dbo].[members] ALTER COLUMN [discount] ADD MASKED WITH (FUNCTION = 'random(1, 100)');`);
      const masks = (after.columns as { table: string; name: string; masking_function?: string | null }[])
        .filter((c) => c.table === 'dbo.members').map((c) => `${c.name}=${c.masking_function ?? ''}`);
      expect(masks).toEqual(['discount=', 'email=default()', 'first_name=partial(2, "XXXX", 0)', 'id=', 'last_name=default()']);
    }, 240_000);
  });
}
