/**
 * Issue 10: the guarantees of `apply` that no other test would notice losing. Each test here
 * failed when the line it pins was deleted or moved (tried by hand, see the issue):
 * - schemac's own SET statements (XACT_ABORT ON and the options filtered indexes need) are
 *   what the steps run under, whatever the driver set at login;
 * - the verification re-plan reads the catalog inside the open transaction, after the last
 *   step and before COMMIT, and a plan that no longer converges is never committed.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type sql from 'mssql';
import { executeApply, type ApplyStatement } from '../../src/apply/executor';
import { openMssqlSession } from '../../src/apply/session';
import { parseConnectionString, redactConfig } from '../../src/catalog/connection';
import { FINGERPRINT_QUERY } from '../../src/catalog/queries';
import { readCatalogWith } from '../../src/catalog/read';
import { snapshotToModel } from '../../src/catalog/to-model';
import { compileSchema } from '../../src/compiler';
import { diff, fingerprint } from '../../src/differ';
import { renderScript, statementsForDriver } from '../../src/emitters';
import type { Database } from '../../src/model';
import type { StatementRecord } from '../standin/engine';
import { expectExit, type TempProject } from './support/project';
import { liveSuite, type LiveSuite } from './support/live-suite';
import { PROJECTS_SCHEMA } from './support/projects-schema';
import { execAll, queryRows } from './support/sqlcmd';
import { e2eTargets, type LiveTarget } from './real-server';

const FAST = '--no-type-check';

/**
 * Driver options that turn off, at login, everything an apply needs: tedious sends them as SET
 * statements in its first batch, so only schemac's own SET statements can turn them back on.
 */
const HOSTILE_DRIVER_OPTIONS = {
  enableQuotedIdentifier: false,
  enableAnsiNull: false,
  enableAnsiPadding: false,
  enableAnsiWarnings: false,
  enableArithAbort: false,
  enableConcatNullYieldsNull: false,
  enableNumericRoundabort: true,
  abortTransactionOnError: false,
} as const;

/** What a filtered index needs, and XACT_ABORT: the state every step must run under. */
const STEP_OPTIONS = {
  XACT_ABORT: true, QUOTED_IDENTIFIER: true, ANSI_NULLS: true, ANSI_PADDING: true, ANSI_WARNINGS: true,
  ARITHABORT: true, CONCAT_NULL_YIELDS_NULL: true, NUMERIC_ROUNDABORT: false,
};

/** A second table for the projects schema, so a plan can create it while dbo.projects already exists. */
const MILESTONES_SCHEMA = `import { Column, Index, Table } from 'schemac';

@Table('milestones')
@Index('ix_milestones_due', ['due'])
export class Milestone {
  @Column.int({ identity: [1, 1], primaryKey: { name: 'pk_milestones', clustered: true } })
  id!: number;

  @Column.int()
  due!: number;
}
`;

/** The records of the session that took the apply lock, in order. */
function applySession(records: readonly StatementRecord[]): StatementRecord[] {
  const locker = records.find((r) => r.text.includes('sp_getapplock'));
  if (locker === undefined) throw new Error('no session took the apply lock');
  return records.filter((r) => r.session === locker.session);
}

/** Where each step statement ran in the session's records (every step must be there). */
function stepPositions(records: readonly StatementRecord[], steps: readonly string[]): number[] {
  return steps.map((step) => {
    const at = records.findIndex((r) => r.kind === 'statement' && r.text.trim() !== '' && step.includes(r.text.trim()));
    if (at < 0) throw new Error(`step not found among the apply's statements: ${step}`);
    return at;
  });
}

for (const spec of e2eTargets()) {
  const onStandin = spec.faults ? it : it.skip;

  describe(`apply's guarantees on the ${spec.name}`, () => {
    const suite = liveSuite(spec, {
      example: false, dropTables: ['dbo.milestones', 'dbo.projects'], dropHistory: true,
      beforeEach: ({ target: t, project: p }: LiveSuite) => {
        t.standin?.server.setFaults({});
        t.standin?.setSqlFaults({});
        p.write('projects.schema.ts', PROJECTS_SCHEMA);
        if (fs.existsSync(path.join(p.dir, 'schema', 'milestones.schema.ts'))) fs.rmSync(path.join(p.dir, 'schema', 'milestones.schema.ts'));
      },
    });
    let target: LiveTarget;
    let project: TempProject;
    beforeAll(() => { ({ target, project } = suite); });
    const { db, snapshot } = suite;

    it('runs every step with XACT_ABORT ON and the filtered-index options, though the driver turned them off at login', async () => {
      const parsed = parseConnectionString(target.url);
      const config: sql.config = { ...parsed, options: { ...parsed.options, ...HOSTILE_DRIVER_OPTIONS } };
      const schemaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-guarantees-'));
      fs.writeFileSync(path.join(schemaDir, 'projects.schema.ts'), PROJECTS_SCHEMA);
      const compiled = compileSchema(schemaDir, { typeCheck: false });
      fs.rmSync(schemaDir, { recursive: true, force: true });
      expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const desired = compiled.database;
      let steps: ApplyStatement[] = [];
      const recording = target.standin?.recordStatements();
      try {
        const result = await executeApply({
          openSession: () => openMssqlSession(config),
          readCurrent: async (session) => snapshotToModel(await readCatalogWith(async (text) => (await session.query(text)).recordsets, 'test')).database,
          fingerprint,
          prepare: async (current: Database) => {
            const plan = diff(desired, current, { allowDrop: false });
            steps = statementsForDriver(plan, 'up').map((st) => ({ sql: st.sql, stepIndex: st.stepIndex, description: st.description }));
            return { statements: steps, script: renderScript(plan, { direction: 'up', databaseName: current.name }).text, replan: (after) => diff(desired, after, { allowDrop: false }) };
          },
          toolVersion: 'test',
          redact: (text) => redactConfig(text, config),
          lockTimeoutMs: 10_000,
          statementLockTimeoutMs: null,
        });
        expect(result?.steps).toBe(7);
      } finally {
        recording?.stop();
      }
      // On any server: the filtered index exists, which SQL Server refuses (Msg 1934) unless
      // QUOTED_IDENTIFIER, ANSI_NULLS and the others are right when it is created.
      const filtered = await queryRows(target.url, "SELECT name, filter_definition FROM sys.indexes WHERE name = N'ix_projects_budget'");
      expect(filtered).toEqual([{ name: 'ix_projects_budget', filter_definition: '([budget]>(0))' }]);
      if (recording === undefined) return;
      const session = applySession(recording.records);
      // The stand-in honoured the driver: when apply took its lock, the session had them off.
      expect(session.find((r) => r.text.includes('sp_getapplock'))!.options).toMatchObject({ XACT_ABORT: false, QUOTED_IDENTIFIER: false, ANSI_NULLS: false });
      const positions = stepPositions(session, steps.map((s) => s.sql));
      expect(positions).toHaveLength(7);
      for (const at of positions) {
        expect({ step: session[at]!.text, trancount: session[at]!.trancount, options: session[at]!.options })
          .toEqual({ step: session[at]!.text, trancount: 1, options: expect.objectContaining(STEP_OPTIONS) });
      }
    }, 180_000);

    onStandin('reads the catalog for the verification re-plan inside the transaction, after the last step and before COMMIT', async () => {
      const recording = target.standin!.recordStatements();
      let apply;
      try {
        apply = await project.run(['apply', ...db(), '--auto-approve', FAST]);
      } finally {
        recording.stop();
      }
      expectExit(apply, 0);
      const session = applySession(recording.records);
      const commit = session.findIndex((r) => r.kind === 'transaction-manager' && r.text === 'COMMIT TRANSACTION');
      const lastStep = session.reduce((last, r, i) => (r.text.startsWith('CREATE') && r.trancount > 0 ? i : last), -1);
      const fingerprintQuery = FINGERPRINT_QUERY.split('\n')[0]!;
      const verification = session.findIndex((r, i) => i > lastStep && r.text.startsWith(fingerprintQuery));
      expect(commit).toBeGreaterThan(0);
      expect(lastStep).toBeGreaterThan(0);
      // The verification read exists, follows the last step, precedes COMMIT, and ran in the transaction.
      expect(verification).toBeGreaterThan(lastStep);
      expect(verification).toBeLessThan(commit);
      expect(session[verification]!.trancount).toBe(1);
      // The steps ran with XACT_ABORT ON (mssql's login batch turns it off: only schemac's SET can).
      expect(session.filter((r) => r.trancount > 0 && r.text.startsWith('CREATE')).every((r) => r.options.XACT_ABORT)).toBe(true);
    }, 120_000);

    onStandin('commits nothing when the verification re-plan finds a difference (another session changed a table meanwhile)', async () => {
      expectExit(await project.run(['apply', ...db(), '--auto-approve', FAST]), 0);
      project.write('milestones.schema.ts', MILESTONES_SCHEMA);
      const before = await snapshot();
      // Hold the apply at its first step; meanwhile another session drops an index of dbo.projects,
      // which the plan does not touch: only a catalog read after the steps can notice.
      let held!: () => void;
      const holding = new Promise<void>((resolve) => { held = resolve; });
      target.standin!.server.setFaults({
        delayResponse: { ms: 3_000, match: (r) => { const hit = r.text.includes('CREATE TABLE [dbo].[milestones]'); if (hit) held(); return hit; } },
      });
      const running = project.run(['apply', ...db(), '--auto-approve', FAST]);
      await holding;
      await execAll(target.url, ['DROP INDEX [ix_projects_owner] ON [dbo].[projects];']);
      const apply = await running;
      target.standin!.server.setFaults({});
      expectExit(apply, 1);
      expect(apply.stderr).toMatch(/did not converge.*ix_projects_owner/s);
      expect(apply.stdout).not.toContain('Applied');
      // Nothing of the apply was committed: no dbo.milestones, and one history row (the first apply's).
      const after = await snapshot();
      expect(after.tables).toEqual(before.tables);
      expect(await queryRows(target.url, 'SELECT COUNT(*) AS n FROM [schemac].[applied_plans]')).toEqual([{ n: 1 }]);
    }, 180_000);
  });
}
