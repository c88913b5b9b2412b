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

/** Orders with a nullable note; the next version makes the note NOT NULL (a backfill UPDATE) and adds a table. */
const ORDERS_V1 = `import { Column, Table } from 'schemac';

@Table('orders')
export class Order {
  @Column.int({ identity: [1, 1], primaryKey: { name: 'pk_orders', clustered: true } })
  id!: number;

  @Column.varchar(50, { nullable: true })
  note!: string | null;
}
`;

const ORDERS_V2 = `import { Column, Index, Table } from 'schemac';

@Table('orders')
export class Order {
  @Column.int({ identity: [1, 1], primaryKey: { name: 'pk_orders', clustered: true } })
  id!: number;

  @Column.varchar(50, { backfill: 'none' })
  note!: string;
}

@Table('shipments')
@Index('ix_shipments_carrier', ['carrier'])
export class Shipment {
  @Column.int({ identity: [1, 1], primaryKey: { name: 'pk_shipments', clustered: true } })
  id!: number;

  @Column.varchar(40)
  carrier!: string;
}
`;

for (const spec of e2eTargets()) {
  /**
   * The guard's other branch. A name that does not resolve (Msg 207 invalid column, 208 invalid
   * object) is a compile error: the batch never runs and, unlike a runtime error, XACT_ABORT
   * does not roll the transaction back ("Compile errors, such as syntax errors, are not
   * affected by SET XACT_ABORT": https://learn.microsoft.com/sql/t-sql/statements/set-xact-abort-transact-sql).
   * The transaction is still open when the guard runs, so the guard itself must roll it back.
   */
  describe(`an emitted script whose batch fails to compile (Msg 207/208), run batch by batch on the ${spec.name}`, () => {
    let target: LiveTarget;
    let project: TempProject;
    const snapshot = async (): Promise<ComparableCatalog> => comparable(snapshotOf(await project.run(['snapshot', '--database', target.url])));

    beforeAll(async () => {
      target = await spec.start();
      project = tempProject(false);
    }, 120_000);

    afterAll(async () => {
      project?.remove();
      await target?.stop();
    });

    it.each([
      ['207 (the column the backfill names was dropped)', 'ALTER TABLE [dbo].[orders] DROP COLUMN [note];', 207],
      ['208 (the table the backfill names was dropped)', 'DROP TABLE [dbo].[orders];', 208],
    ])('after Msg %s: rolls back the open transaction, runs nothing after the failed batch, commits nothing', async (_why, meddle, number) => {
      await execAll(target.url, [
        "IF OBJECT_ID(N'[dbo].[shipments]', N'U') IS NOT NULL DROP TABLE [dbo].[shipments];",
        "IF OBJECT_ID(N'[dbo].[orders]', N'U') IS NOT NULL DROP TABLE [dbo].[orders];",
      ]);
      project.write('orders.schema.ts', ORDERS_V1);
      expectExit(await project.run(['apply', '--database', target.url, '--auto-approve', '--no-type-check']), 0);
      await execAll(target.url, ["INSERT INTO [dbo].[orders] ([note]) VALUES (NULL), ('kept');"]);
      project.write('orders.schema.ts', ORDERS_V2);
      const emitted = await project.run(['emit-sql', '--database', target.url, '--no-type-check']);
      expectExit(emitted, 0);
      const batches = splitBatches(emitted.stdout);
      const backfill = batches.findIndex((b) => /^UPDATE \[dbo\]\.\[orders\]/m.test(b));
      const createShipments = batches.findIndex((b) => b.includes('CREATE TABLE [dbo].[shipments]'));
      const lastStep = batches.reduce((last, b, i) => (/^(CREATE|ALTER|UPDATE|EXEC)/m.test(b) ? i : last), -1);
      // A step before the failure (its work must be undone) and a step after it (it must not run).
      expect(createShipments).toBeGreaterThan(0);
      expect(createShipments).toBeLessThan(backfill);
      expect(lastStep).toBeGreaterThan(backfill + 1);

      // Between planning and running, someone changes what the backfill names.
      await execAll(target.url, [meddle]);
      const before = await snapshot();
      const recording = target.standin?.recordStatements();
      let run;
      try {
        run = await runLikeSqlcmd(target.url, emitted.stdout);
      } finally {
        recording?.stop();
      }

      const failed = run.batches.filter((b) => b.errors.length > 0);
      expect(failed.map((b) => b.index)).toEqual([backfill]);
      expect(failed[0]!.errors.map((e) => e.number)).toEqual([number]);
      expect(run.batches[backfill + 1]!.messages).toContainEqual(expect.stringMatching(/step \d+ failed; the transaction was rolled back/));
      expect(await snapshot()).toEqual(before);
      expect(run.trancountAfter).toBe(0);
      expect(run.spids).toHaveLength(1);
      if (recording !== undefined) {
        // No statement of a later step ran: after the guard, every batch was compiled, never executed.
        const ran = recording.records.filter((r) => r.session === run.spids[0]).map((r) => r.text);
        expect(ran.some((t) => t.includes('ix_shipments_carrier') || /^ALTER TABLE \[dbo\]\.\[orders\] ALTER COLUMN/.test(t))).toBe(false);
      }
    }, 240_000);
  });
}
