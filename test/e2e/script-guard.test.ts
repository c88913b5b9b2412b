/**
 * Issue 5: an emitted script is all or nothing even when a person runs it with sqlcmd (no -b, so
 * sqlcmd itself goes on after errors): when a batch fails, the guard after it rolls back and sets
 * NOEXEC, so nothing after the failure runs and nothing is committed.
 */
import { comparable, snapshotOf, type ComparableCatalog } from './support/catalog-compare';
import { expectExit, tempProject, type TempProject } from './support/project';
import { execAll, runLikeSqlcmd, splitBatches } from './support/sqlcmd';
import { e2eTargets, type LiveTarget } from './real-server';

for (const spec of e2eTargets()) {
  describe(`an emitted script run batch by batch on the ${spec.name}`, () => {
    let target: LiveTarget;
    let project: TempProject;
    let script: string;
    const snapshot = async (): Promise<ComparableCatalog> => comparable(snapshotOf(await project.run(['snapshot', '--database', target.url])));

    beforeAll(async () => {
      target = await spec.start();
      project = tempProject(true);
      const emitted = await project.run(['emit-sql', '--empty', '--no-type-check']);
      expectExit(emitted, 0);
      script = emitted.stdout;
    }, 120_000);

    afterAll(async () => {
      project?.remove();
      await target?.stop();
    });

    it('stops at a failed third batch: nothing after it runs, nothing is committed, no transaction is left open', async () => {
      const batches = splitBatches(script);
      // Batch 1 sets options, batch 2 begins the transaction, batch 3 is step 1.
      expect(batches[1]).toMatch(/^BEGIN TRANSACTION;$/m);
      expect(batches[2]).toContain('CREATE TABLE [dbo].[tenants]');
      // Someone already made a dbo.tenants of another shape: step 1 fails with Msg 2714.
      await execAll(target.url, ['CREATE TABLE [dbo].[tenants] ([legacy_id] int NOT NULL);']);
      const before = await snapshot();

      const run = await runLikeSqlcmd(target.url, script);

      const failed = run.batches.filter((b) => b.errors.length > 0);
      expect(failed.map((b) => b.index + 1)).toEqual([3]);
      expect(failed[0]!.errors.map((e) => e.number)).toContain(2714);
      expect(run.batches.flatMap((b) => b.messages)).toContainEqual(expect.stringContaining('step 1 failed'));
      // Had any later batch run outside the rolled-back transaction, dbo.users (step 2) would now exist.
      expect(await snapshot()).toEqual(before);
      expect(run.trancountAfter).toBe(0);
      expect(run.spids).toHaveLength(1);
      await execAll(target.url, ['DROP TABLE [dbo].[tenants];']);
    }, 240_000);

    (spec.faults ? it : it.skip)('rolls back every earlier step when a later batch fails (engine fault), and runs nothing after it', async () => {
      const before = await snapshot();
      expect(before.tables).toEqual([]);
      const failing = 'CREATE NONCLUSTERED INDEX [ix_users_tenant_status]';
      const at = splitBatches(script).findIndex((b) => b.includes(failing));
      expect(at).toBeGreaterThan(10);
      target.standin!.setSqlFaults({ failures: [{ match: failing, number: 51000, message: 'injected: disk full' }] });
      let run;
      try {
        run = await runLikeSqlcmd(target.url, script);
      } finally {
        target.standin!.setSqlFaults({});
      }

      const failed = run.batches.filter((b) => b.errors.length > 0);
      expect(failed.map((b) => b.index)).toEqual([at]);
      expect(failed[0]!.errors.map((e) => e.number)).toEqual([51000]);
      // Eleven steps ran inside the transaction before the failure; all of them are gone.
      expect(await snapshot()).toEqual(before);
      expect(run.trancountAfter).toBe(0);
      expect(run.spids).toHaveLength(1);
    }, 240_000);
  });
}
