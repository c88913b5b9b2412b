/**
 * The apply policy as plain functions, without commander: data loss is refused before anyone is
 * asked, a declined or impossible approval changes nothing, and a saved plan is refused once the
 * database has drifted. Over the wire (the stand-in, and a real server when one is given), so
 * "nothing was changed" is observed by planning again.
 */
import { apply, type ApplyInput } from '../../src/app/apply';
import type { AppContext } from '../../src/app/context';
import { plan } from '../../src/app/plan';
import type { Diagnostic } from '../../src/model';
import { e2eTargets, type LiveTarget } from '../e2e/real-server';
import { tempProject, type TempProject } from '../e2e/support/project';
import { PROJECTS_SCHEMA, PROJECTS_WITHOUT_NOTES } from '../e2e/support/projects-schema';
import { execAll } from '../e2e/support/sqlcmd';

for (const spec of e2eTargets()) {
  describe(`app apply on the ${spec.name}`, () => {
    let target: LiveTarget;
    let project: TempProject;
    let reported: Diagnostic[];
    const ctx = (): AppContext => ({ cwd: project.dir, env: {}, report: (d) => { reported.push(...d); } });
    const input = (more: Partial<ApplyInput> = {}): ApplyInput => ({
      database: target.url, allowDrop: false, allowDataLoss: false, autoApprove: false, typeCheck: false,
      lockTimeoutMs: 10_000, toolVersion: 'test', ...more,
    });
    /** How many steps planning now finds: the observable "was anything changed". */
    const pending = async (more: { allowDrop?: boolean } = {}): Promise<number> =>
      (await plan(ctx(), { database: target.url, allowDrop: more.allowDrop ?? false, typeCheck: false })).plan.steps.length;

    beforeAll(async () => {
      target = await spec.start();
      project = tempProject(false);
    }, 120_000);

    beforeEach(async () => {
      reported = [];
      project.write('projects.schema.ts', PROJECTS_SCHEMA);
      await execAll(target.url, [
        "IF OBJECT_ID(N'[dbo].[projects]', N'U') IS NOT NULL DROP TABLE [dbo].[projects];",
        "IF OBJECT_ID(N'[dbo].[elsewhere]', N'U') IS NOT NULL DROP TABLE [dbo].[elsewhere];",
      ]);
    });

    afterAll(async () => {
      project?.remove();
      await target?.stop();
    });

    it('applies with approval, then finds nothing to do', async () => {
      const questions: string[] = [];
      const outcome = await apply(ctx(), input(), { confirm: async (q) => { questions.push(q); return true; } });
      expect(outcome).toMatchObject({ kind: 'applied', steps: 7 });
      expect(questions).toEqual([expect.stringMatching(/^Apply 7 change\(s\) to .*app/)]);
      expect(await apply(ctx(), input({ autoApprove: true }))).toMatchObject({ kind: 'unchanged' });
    }, 120_000);

    it('changes nothing when the user declines', async () => {
      const shown: number[] = [];
      const outcome = await apply(ctx(), input(), { confirm: async () => false, showPlan: (p) => shown.push(p.steps.length) });
      expect(outcome).toEqual({ kind: 'refused', reason: 'declined', message: 'apply cancelled: nothing was changed' });
      expect(shown).toEqual([7]); // the plan was shown before the question
      expect(await pending()).toBe(7);
    }, 120_000);

    it('refuses without anyone to ask and without autoApprove', async () => {
      const outcome = await apply(ctx(), input());
      expect(outcome).toMatchObject({ kind: 'refused', reason: 'no-approver' });
      expect(await pending()).toBe(7);
    }, 120_000);

    it('refuses a step that loses data before asking, and applies it with allowDataLoss', async () => {
      await apply(ctx(), input({ autoApprove: true }));
      await execAll(target.url, ["INSERT INTO [dbo].[projects] ([code], [owner], [notes]) VALUES ('p1', 'ann', 'keep me');"]);
      project.write('projects.schema.ts', PROJECTS_WITHOUT_NOTES);
      let asked = false;
      const confirm = async () => { asked = true; return true; };
      const refused = await apply(ctx(), input({ allowDrop: true }), { confirm });
      expect(refused).toMatchObject({ kind: 'refused', reason: 'data-loss' });
      expect(refused.kind === 'refused' && refused.message).toMatch(/^refusing to apply: 1 step\(s\) lose data \(step \d+: .*notes.*\); pass --allow-data-loss/);
      expect(asked).toBe(false);
      expect(await pending({ allowDrop: true })).toBeGreaterThan(0);
      expect(await apply(ctx(), input({ allowDrop: true, allowDataLoss: true }), { confirm })).toMatchObject({ kind: 'applied' });
      expect(await pending({ allowDrop: true })).toBe(0);
    }, 120_000);

    it('refuses a saved plan once the database has drifted, naming what planning now would do', async () => {
      await plan(ctx(), { database: target.url, allowDrop: false, typeCheck: false, savePlanTo: 'plan.json' });
      await execAll(target.url, ['CREATE TABLE [dbo].[projects] ([id] INT NOT NULL);']);
      const outcome = await apply(ctx(), input({ planFile: 'plan.json', autoApprove: true }));
      expect(outcome).toMatchObject({ kind: 'refused', reason: 'drift' });
      expect(outcome.kind === 'refused' && outcome.message).toMatch(/the database changed since the plan was made .*planning now would give \d+ change\(s\)/);
    }, 120_000);
  });
}
