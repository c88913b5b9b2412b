/**
 * Issue 11 item 5: when SQL Server reports several errors for one statement, the failure shows
 * them all, first cause first. A second cascade path is the case users meet: SQL Server sends
 * 1785 (the cause) and then 1750 ("See previous errors"), and mssql throws only the last one.
 * The compiler catches cascade paths among declared FKs (SC1601), so here the first path is an
 * FK the schema does not declare (it is skipped, not dropped) and the plan adds the second.
 */
import { expectExit, shown, tempProject, type TempProject } from './support/project';
import { execAll } from './support/sqlcmd';
import { e2eTargets, type LiveTarget } from './real-server';

const SCHEMA = `import { Column, ForeignKey, Table } from 'schemac';

@Table('orgs')
export class Org {
  @Column.int({ primaryKey: { name: 'pk_orgs', clustered: true } }) id!: number;
}

@Table('teams')
@ForeignKey('fk_teams_org', ['orgId'], () => Org, ['id'], { onDelete: 'CASCADE' })
export class Team {
  @Column.int({ primaryKey: { name: 'pk_teams', clustered: true } }) id!: number;
  @Column.int() orgId!: number;
}

@Table('members')
@ForeignKey('fk_members_team', ['teamId'], () => Team, ['id'], { onDelete: 'CASCADE' })
export class Member {
  @Column.int({ primaryKey: { name: 'pk_members', clustered: true } }) id!: number;
  @Column.int() orgId!: number;
  @Column.int() teamId!: number;
}
`;

for (const spec of e2eTargets()) {
  describe(`SQL Server's errors with their cause on the ${spec.name}`, () => {
    let target: LiveTarget;
    let project: TempProject;

    beforeAll(async () => {
      target = await spec.start();
      project = tempProject(false);
      project.write('teams.schema.ts', SCHEMA);
      await execAll(target.url, [
        'CREATE TABLE [dbo].[orgs] ([id] int NOT NULL, CONSTRAINT [pk_orgs] PRIMARY KEY CLUSTERED ([id]));',
        'CREATE TABLE [dbo].[teams] ([id] int NOT NULL, [org_id] int NOT NULL, CONSTRAINT [pk_teams] PRIMARY KEY CLUSTERED ([id]), CONSTRAINT [fk_teams_org] FOREIGN KEY ([org_id]) REFERENCES [dbo].[orgs] ([id]) ON DELETE CASCADE);',
        // The undeclared first path: orgs -> members directly.
        'CREATE TABLE [dbo].[members] ([id] int NOT NULL, [org_id] int NOT NULL, [team_id] int NOT NULL, CONSTRAINT [pk_members] PRIMARY KEY CLUSTERED ([id]), CONSTRAINT [fk_members_org] FOREIGN KEY ([org_id]) REFERENCES [dbo].[orgs] ([id]) ON DELETE CASCADE);',
      ]);
    }, 120_000);

    afterAll(async () => {
      project?.remove();
      await target?.stop();
    });

    it('a second cascade path fails with 1785 shown before 1750, and nothing is applied', async () => {
      const apply = await project.run(['apply', '--database', target.url, '--auto-approve', '--no-type-check']);
      expectExit(apply, 1);
      const cause = apply.stderr.indexOf('SQL Server error 1785: Introducing FOREIGN KEY constraint');
      const followUp = apply.stderr.indexOf('SQL Server error 1750: Could not create constraint or index. See previous errors.');
      if (cause < 0 || followUp < 0) throw new Error(`expected 1785 then 1750: ${shown(apply)}`);
      expect(cause).toBeLessThan(followUp);
      expect(apply.stderr).toContain('may cause cycles or multiple cascade paths');
      const plan = await project.run(['plan', '--database', target.url, '--no-type-check']);
      expectExit(plan, 0);
      expect(plan.stdout).toContain('fk_members_team');
    }, 120_000);
  });
}
