/**
 * A pubs-shaped legacy database over the wire: alias types made both ways (CREATE TYPE and
 * sp_addtype), a rule and a default bound with sp_bindrule / sp_bindefault, char keys with LIKE
 * pattern checks, money / tinyint / bit columns, unnamed (system-named) checks and defaults, a
 * view, procedures (one GROUP BY ... WITH ROLLUP) and a trigger, with rows. Pulled (systemNames
 * "keep") it plans nothing; then a team's changes: a key referenced by a foreign key moved onto a
 * wider alias type, a NOT NULL column with a default, an index, a column the view reads renamed.
 * Applied, planned empty, undone by the down script and applied again (migrate-and-back.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { expectExit } from './support/project';
import { runLikeSqlcmd } from './support/sqlcmd';
import { e2eTargets } from './real-server';
import { liveSuite } from './support/live-suite';
import { migrateAndBack } from './support/migrate-and-back';
import { expectCleanRun } from './lifecycle-suite';

const SETUP = `EXEC sp_addtype tid, 'varchar(6)', 'NOT NULL'
GO
CREATE TYPE dbo.id FROM varchar(11) NOT NULL
GO
CREATE TABLE dbo.authors (
  au_id id CHECK (au_id LIKE '[0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][0-9][0-9]') CONSTRAINT pk_authors PRIMARY KEY CLUSTERED,
  au_lname varchar(40) NOT NULL,
  phone char(12) NOT NULL DEFAULT ('UNKNOWN'),
  zip char(5) NULL CHECK (zip LIKE '[0-9][0-9][0-9][0-9][0-9]'),
  contract bit NOT NULL)
GO
CREATE TABLE dbo.publishers (
  pub_id char(4) NOT NULL CONSTRAINT pk_publishers PRIMARY KEY CLUSTERED
    CHECK (pub_id IN ('1389', '0736') OR pub_id LIKE '99[0-9][0-9]'),
  pub_name varchar(40) NULL,
  country varchar(30) NULL DEFAULT ('USA'))
GO
CREATE TABLE dbo.titles (
  title_id tid CONSTRAINT pk_titles PRIMARY KEY CLUSTERED,
  title varchar(80) NOT NULL,
  pub_id char(4) NULL CONSTRAINT fk_titles_pub FOREIGN KEY REFERENCES dbo.publishers (pub_id),
  price money NULL,
  ytd_sales int NULL)
GO
CREATE TABLE dbo.titleauthor (
  au_id id CONSTRAINT fk_titleauthor_au FOREIGN KEY REFERENCES dbo.authors (au_id),
  title_id tid CONSTRAINT fk_titleauthor_title FOREIGN KEY REFERENCES dbo.titles (title_id),
  au_ord tinyint NULL,
  qty smallint NOT NULL,
  CONSTRAINT pk_titleauthor PRIMARY KEY CLUSTERED (au_id, title_id))
GO
CREATE RULE dbo.positive_qty AS @qty >= 0
GO
CREATE DEFAULT dbo.zero_default AS 0
GO
EXEC sp_bindrule 'positive_qty', 'titleauthor.qty'
EXEC sp_bindefault 'zero_default', 'titles.ytd_sales'
GO
CREATE VIEW dbo.titleview AS
SELECT t.title, ta.au_ord, a.au_lname, t.price FROM dbo.authors a, dbo.titles t, dbo.titleauthor ta
WHERE a.au_id = ta.au_id AND t.title_id = ta.title_id
GO
CREATE PROCEDURE dbo.by_order @ord tinyint AS SELECT au_id FROM dbo.titleauthor WHERE au_ord = @ord
GO
CREATE PROCEDURE dbo.price_by_publisher AS
SELECT CASE WHEN GROUPING(pub_id) = 1 THEN 'ALL' ELSE pub_id END AS pub_id, AVG(price) AS avg_price
FROM dbo.titles WHERE price IS NOT NULL GROUP BY pub_id WITH ROLLUP ORDER BY pub_id
GO
CREATE TRIGGER dbo.titles_price ON dbo.titles FOR INSERT, UPDATE AS
IF EXISTS (SELECT 1 FROM inserted WHERE price < 0) BEGIN RAISERROR ('A price cannot be negative.', 16, 1) ROLLBACK TRANSACTION END
GO
INSERT dbo.authors VALUES ('409-56-7008', 'Bennet', '415 658-9932', '94705', 1)
INSERT dbo.authors (au_id, au_lname, contract) VALUES ('998-72-3567', 'Ringer', 0)
INSERT dbo.publishers VALUES ('0736', 'New Moon Books', 'USA')
INSERT dbo.publishers (pub_id, pub_name) VALUES ('9952', 'Scootney Books')
INSERT dbo.titles (title_id, title, pub_id, price) VALUES ('BU1032', 'The Busy Executive''s Database Guide', '0736', $19.99)
INSERT dbo.titles (title_id, title, pub_id) VALUES ('PS7777', 'Emotional Security', '9952')
INSERT dbo.titleauthor (au_id, title_id, au_ord, qty) VALUES ('409-56-7008', 'BU1032', 1, 5), ('998-72-3567', 'PS7777', 1, 0)
GO
`;

for (const spec of e2eTargets()) {
  describe(`a pubs-shaped legacy database on the ${spec.name}`, () => {
    const suite = liveSuite(spec, { example: false, dropTables: ['dbo.titleauthor', 'dbo.titles', 'dbo.publishers', 'dbo.authors'] });

    it('pulls to files that plan nothing, and a team\'s changes apply, converge and go back with the down script', async () => {
      expectCleanRun(await runLikeSqlcmd(suite.target.url, SETUP));
      fs.writeFileSync(path.join(suite.project.dir, 'schemac.config.json'), JSON.stringify({ schema: 'schema', systemNames: 'keep' }));
      expectExit(await suite.project.run(['pull', ...suite.db(), '--out', 'schema']), 0);
      expect(suite.project.read('alias-types.schema.ts')).toContain('export const tid = AliasType.varchar(6);');
      const titles = suite.project.read('titles.schema.ts');
      expect(titles).toContain('@Column.alias(tid)');
      expect(titles).toContain('// Bound default dbo.zero_default: CREATE DEFAULT dbo.zero_default AS 0');
      expect(suite.project.read('publishers.schema.ts')).toContain(`[pub_id]='0736' OR [pub_id]='1389' OR [pub_id] like '99[0-9][0-9]'`);
      await suite.planIsEmpty();

      suite.project.edit('alias-types.schema.ts', 'export const tid = AliasType.varchar(6);',
        "export const tid = AliasType.varchar(6);\nexport const tidWide = AliasType.varchar(10, { name: 'tid_wide' });");
      for (const file of ['titles.schema.ts', 'titleauthor.schema.ts']) {
        suite.project.write(file, suite.project.read(file).replace(/@Column\.alias\(tid\)/, '@Column.alias(tidWide)').replace(/\btid\b(?= \} from '\.\/alias-types)/, 'tidWide').replace(/\{ tid, /, '{ tidWide, ').replace(/, tid \}/, ', tidWide }'));
      }
      suite.project.edit('titles.schema.ts', "@Table('titles')", "@Table('titles')\n@Index('ix_titles_pub_id', ['pubId'])");
      suite.project.edit('titles.schema.ts', "import { Column, ", "import { Column, Index, ");
      suite.project.edit('authors.schema.ts', '  @Column.varchar(40)\n  auLname!: string;', "  @Column.varchar(40, { renamedFrom: 'au_lname' })\n  lastName!: string;\n\n  @Column.varchar(80, { default: '' })\n  email!: string;");

      const plan = await suite.project.run(['plan', ...suite.db(), '--no-type-check']);
      expectExit(plan, 0);
      expect(plan.stdout).toContain('dependent-object: view dbo.titleview is not refreshed after the plan');
      expect(plan.stdout).toContain('alter column title_id: dbo.tid -> dbo.tid_wide');
      const { up, down } = await migrateAndBack(suite);
      expect(up).toMatch(/DROP CONSTRAINT \[fk_titleauthor_title\][\s\S]*ALTER COLUMN \[title_id\] \[dbo\]\.\[tid_wide\] NOT NULL[\s\S]*ADD CONSTRAINT \[fk_titleauthor_title\]/);
      expect(up).toContain('CREATE NONCLUSTERED INDEX [ix_titles_pub_id] ON [dbo].[titles] ([pub_id])');
      expect(down).toContain('ALTER COLUMN [title_id] [dbo].[tid] NOT NULL');
      await suite.planIsEmpty();
    }, 240_000);
  });
}
