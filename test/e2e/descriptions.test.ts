/**
 * Descriptions over the wire (issue 15, item 3): doc comments become MS_Description extended
 * properties on the stand-in (and on a real server when SCHEMAC_TEST_DATABASE_URL is set):
 * created from nothing by the sqlcmd script, a comment edit is exactly one
 * sp_updateextendedproperty, re-wrapping a comment is nothing, adds and drops apply and their
 * DOWN script restores the catalog exactly, a declared column rename keeps its description, and
 * quotes, line breaks (even a line reading GO) and non-ASCII text round-trip.
 */
import * as fs from 'fs';
import * as path from 'path';
import { expectCleanRun } from './lifecycle-suite';
import { comparable, snapshotOf, type ComparableCatalog } from './support/catalog-compare';
import { expectExit, shown, tempProject, type TempProject } from './support/project';
import { execAll, runLikeSqlcmd } from './support/sqlcmd';
import { e2eTargets, type LiveTarget } from './real-server';

const FAST = ['--no-type-check'];

const EMAIL = 'E-mail address\nGO\n(verified; café, 日本語, "quoted", O\'Brien\'s)';

const SCHEMA = [
  "import { Column, Mixin, Table } from 'schemac';",
  '',
  '@Mixin()',
  'export abstract class Base {',
  '  /** Surrogate key, assigned by the database. */',
  '  @Column.int({ identity: [1, 1], primaryKey: true })',
  '  id!: number;',
  '}',
  '',
  '/**',
  ' * People who can sign in.',
  ' *',
  ' * One row per person and tenant.',
  ' * @see teams',
  ' */',
  "@Table('people')",
  'export class Person extends Base {',
  '  /** The display name. */',
  '  @Column.nvarchar(100)',
  '  name!: string;',
  '',
  '  /**',
  '   * E-mail address',
  '   * GO',
  '   * (verified; café, 日本語, "quoted", O\'Brien\'s)',
  '   */',
  '  @Column.nvarchar(320, { nullable: true })',
  '  email!: string | null;',
  '',
  '  @Column.int({ nullable: true })',
  '  age!: number | null;',
  '}',
  '',
  '/** Teams. */',
  "@Table('teams')",
  'export class Team extends Base {',
  '  /** Team name. */',
  '  @Column.nvarchar(50)',
  '  name!: string;',
  '}',
  '',
].join('\n');

type Property = { table: string; column: string; name: string; value: string | null };

for (const spec of e2eTargets()) {
  describe(`descriptions on the ${spec.name}`, () => {
    let target: LiveTarget;
    let project: TempProject;
    const snapshot = async (): Promise<ComparableCatalog> => comparable(snapshotOf(await project.run(['snapshot', '--database', target.url])));
    const properties = async (): Promise<Property[]> => (await snapshot()).extended_properties as Property[];
    const planJson = async (): Promise<{ changes: { kind: string; summary: string }[]; statements: { up: { sql: string }[] } }> => {
      const r = await project.run(['plan', '--database', target.url, '--format', 'json', ...FAST]);
      expectExit(r, 0);
      return JSON.parse(r.stdout);
    };
    const expectNoChanges = async (): Promise<void> => {
      const again = await project.run(['plan', '--database', target.url, '--detailed-exitcode', ...FAST]);
      if (again.code !== 0) throw new Error(`plan is not empty: ${shown(again)}`);
    };
    /** Apply, plan empty, DOWN (made before) restores exactly, forward again. */
    const migrate = async (): Promise<{ before: ComparableCatalog; after: ComparableCatalog }> => {
      const before = await snapshot();
      const down = await project.run(['emit-sql', '--down', '--database', target.url, ...FAST]);
      expectExit(down, 0);
      expectExit(await project.run(['apply', '--database', target.url, '--auto-approve', ...FAST]), 0);
      await expectNoChanges();
      const after = await snapshot();
      expectCleanRun(await runLikeSqlcmd(target.url, down.stdout));
      expect(await snapshot()).toEqual(before);
      expectExit(await project.run(['apply', '--database', target.url, '--auto-approve', ...FAST]), 0);
      expect(await snapshot()).toEqual(after);
      return { before, after };
    };

    beforeAll(async () => {
      target = await spec.start();
      project = tempProject(false);
      project.write('people.schema.ts', SCHEMA);
    }, 120_000);

    afterAll(async () => {
      project?.remove();
      await target?.stop();
    });

    it('creates tables with their descriptions from the emit-sql --empty script, and then plans nothing', async () => {
      const script = await project.run(['emit-sql', '--empty', ...FAST]);
      expectExit(script, 0);
      expectCleanRun(await runLikeSqlcmd(target.url, script.stdout));
      expect(await properties()).toEqual(expect.arrayContaining([
        { table: 'dbo.people', column: '(table)', name: 'MS_Description', value: 'People who can sign in.\n\nOne row per person and tenant.' },
        { table: 'dbo.people', column: 'id', name: 'MS_Description', value: 'Surrogate key, assigned by the database.' },
        { table: 'dbo.teams', column: 'id', name: 'MS_Description', value: 'Surrogate key, assigned by the database.' },
        { table: 'dbo.people', column: 'name', name: 'MS_Description', value: 'The display name.' },
        { table: 'dbo.people', column: 'email', name: 'MS_Description', value: EMAIL },
        { table: 'dbo.teams', column: '(table)', name: 'MS_Description', value: 'Teams.' },
        { table: 'dbo.teams', column: 'name', name: 'MS_Description', value: 'Team name.' },
      ]));
      expect(await properties()).toHaveLength(7);
      await expectNoChanges();
    }, 240_000);

    it('plans exactly one sp_updateextendedproperty for an edited comment, and applies it', async () => {
      project.edit('people.schema.ts', '/** The display name. */', "/** The name shown to others (it's \"public\"). */");
      const plan = await planJson();
      expect(plan.changes.map((c) => c.kind)).toEqual(['setDescription']);
      expect(plan.statements.up.map((s) => s.sql).join('\n')).toMatch(/^EXEC sys\.sp_updateextendedproperty @name = N'MS_Description', @value = N'The name shown to others \(it''s "public"\)\.'/);
      const { after } = await migrate();
      expect(after.extended_properties).toContainEqual({ table: 'dbo.people', column: 'name', name: 'MS_Description', value: 'The name shown to others (it\'s "public").' });
    }, 240_000);

    it('plans nothing when only the whitespace of a comment changes', async () => {
      project.edit('people.schema.ts', [
        '/**',
        ' * People who can sign in.',
        ' *',
        ' * One row per person and tenant.',
      ].join('\n'), [
        '/**',
        ' *    People who',
        ' *    can sign in.',
        ' *',
        ' *',
        ' * One row per person',
        ' * and tenant.   ',
      ].join('\n'));
      await expectNoChanges();
    }, 240_000);

    it('adds and drops descriptions; a declared rename keeps its description', async () => {
      project.edit('people.schema.ts', '/** Teams. */\n', '');
      project.edit('people.schema.ts', '  @Column.int({ nullable: true })\n  age!: number | null;', '  /** Age in years. */\n  @Column.int({ nullable: true })\n  age!: number | null;');
      const plan = await planJson();
      expect(plan.changes.map((c) => c.summary)).toEqual([
        'add description of column age: "Age in years."',
        'drop description of table teams',
      ]);
      const { after, before } = await migrate();
      expect(before.extended_properties).toContainEqual(expect.objectContaining({ table: 'dbo.teams', column: '(table)' }));
      expect(after.extended_properties).not.toContainEqual(expect.objectContaining({ table: 'dbo.teams', column: '(table)' }));
      expect(after.extended_properties).toContainEqual({ table: 'dbo.people', column: 'age', name: 'MS_Description', value: 'Age in years.' });

      project.edit('people.schema.ts', '  @Column.int({ nullable: true })\n  age!: number | null;', "  @Column.int({ nullable: true, renamedFrom: 'age' })\n  years!: number | null;");
      const rename = await planJson();
      expect(rename.changes.map((c) => c.kind)).toEqual(['renameColumn']);
      const renamed = await migrate();
      expect(renamed.after.extended_properties).toContainEqual({ table: 'dbo.people', column: 'years', name: 'MS_Description', value: 'Age in years.' });
    }, 240_000);

    it('a new column carries its description; dropping it takes the description along', async () => {
      project.edit('people.schema.ts', '  /** Team name. */', '  /** Where the team sits. */\n  @Column.nvarchar(100, { nullable: true })\n  office!: string | null;\n\n  /** Team name. */');
      const plan = await planJson();
      expect(plan.changes.map((c) => c.kind)).toEqual(['addColumn']);
      expect(plan.statements.up.map((s) => s.sql)).toEqual([
        'ALTER TABLE [dbo].[teams] ADD [office] nvarchar(100) NULL;',
        "EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Where the team sits.', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'teams', @level2type = N'COLUMN', @level2name = N'office';",
      ]);
      await migrate();
    }, 240_000);

    it('pull writes the descriptions back as doc comments, and plan over the pulled files is empty', async () => {
      // Text a doc comment cannot hold as written: a comment end, a leading @, an inline-tag look-alike.
      await execAll(target.url, [
        "DECLARE @v nvarchar(4000) = N'Counts */ things' + NCHAR(13) + NCHAR(10) + N'@not a tag, {@link nothing}';\nEXEC sys.sp_updateextendedproperty N'MS_Description', @v, N'SCHEMA', N'dbo', N'TABLE', N'teams', N'COLUMN', N'office';",
      ]);
      const pulled = await project.run(['pull', '--database', target.url, '--out', 'pulled']);
      expectExit(pulled, 0);
      const people = fs.readFileSync(path.join(project.dir, 'pulled', 'people.schema.ts'), 'utf8');
      // The database kept the text as first written: re-wrapping the comment was not a change.
      expect(people).toContain(['/**', ' * People who can sign in.', ' *', ' * One row per person and tenant.', ' */', "@Table('people')"].join('\n'));
      expect(people).toContain(['  /**', '   * E-mail address', '   * GO', '   * (verified; café, 日本語, "quoted", O\'Brien\'s)', '   */'].join('\n'));
      const teams = fs.readFileSync(path.join(project.dir, 'pulled', 'teams.schema.ts'), 'utf8');
      expect(teams).toContain(['  /**', '   * Counts *\\/ things', '   * \\@not a tag, {\\@link nothing}', '   */'].join('\n'));
      const plan = await project.run(['plan', '--schema', 'pulled', '--database', target.url, '--detailed-exitcode', ...FAST]);
      if (plan.code !== 0) throw new Error(`plan over the pulled files is not empty: ${shown(plan)}`);
    }, 240_000);

    it('with "descriptions": "ignore", edited and removed comments plan nothing and the database keeps its descriptions', async () => {
      fs.writeFileSync(path.join(project.dir, 'schemac.config.json'), JSON.stringify({ descriptions: 'ignore' }));
      project.edit('people.schema.ts', "/** The name shown to others (it's \"public\"). */\n", '/** Something else entirely. */\n');
      project.edit('people.schema.ts', '  /** Age in years. */\n', '');
      const before = await properties();
      await expectNoChanges();
      expectExit(await project.run(['apply', '--database', target.url, '--auto-approve', ...FAST]), 0);
      expect(await properties()).toEqual(before);
      fs.rmSync(path.join(project.dir, 'schemac.config.json'));
      // Managed again: the edit and the removal plan, beside the office text the pull test wrote by hand.
      expect((await planJson()).changes.map((c) => c.summary)).toEqual([
        'update description of column name: "The name shown to others (it\'s "public")." -> "Something else entirely."',
        'drop description of column years',
        'update description of column office: "Counts */ things @not a tag, {@link nothing}" -> "Where the team sits."',
      ]);
    }, 240_000);
  });
}
