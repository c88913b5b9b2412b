/**
 * The executor's after-COMMIT phase (`--resumable`, src/apply/after-commit.ts), with a scripted
 * session: the verification before COMMIT allows exactly the deferred builds to be missing; they
 * run after COMMIT, then the catalog must converge and the history row records it; a build that
 * stops says what was committed and how to resume or abort it. (The same flows run over the wire
 * in test/e2e/resumable.test.ts.)
 */
import { executeApply, type ApplyRequest, type PreparedApply } from '../../src/apply/executor';
import { ApplyError } from '../../src/apply/errors';
import type { AfterCommitWork } from '../../src/apply/after-commit';
import type { SqlSession } from '../../src/apply/session';
import type { Plan } from '../../src/differ/changes';
import type { Database } from '../../src/model';
import { fakeSession } from './fake-session';

const empty: Database = { name: 'app', collation: 'SQL_Latin1_General_CP1_CI_AS', schemas: ['dbo'], tables: [] };
const noChanges: Plan = { steps: [], skipped: [], warnings: [] };
const build: Plan = { steps: [{ change: { kind: 'createSchema', schema: 'pending' }, hazards: [], inverse: null }], skipped: [], warnings: [] };
const more: Plan = { steps: [...build.steps, { change: { kind: 'createSchema', schema: 'other' }, hazards: [], inverse: null }], skipped: [], warnings: [] };

const afterCommit: AfterCommitWork = {
  statements: [{ sql: 'BUILD RESUMABLY', stepIndex: 1, description: 'build ix', resume: 'ALTER INDEX [ix] ON [dbo].[t] RESUME;', abort: 'ALTER INDEX [ix] ON [dbo].[t] ABORT;' }],
  onlyThese: (remaining) => remaining.steps.length === 1,
};

/** A request whose replans answer in turn: before COMMIT, then after the builds. */
function request(session: SqlSession, replans: Plan[], overrides: Partial<ApplyRequest> = {}): ApplyRequest {
  const job: PreparedApply = {
    statements: [{ sql: 'STEP 1', stepIndex: 0, description: 'one' }],
    script: 'STEP 1\nBUILD RESUMABLY',
    replan: () => replans.shift() ?? noChanges,
    afterCommit,
  };
  return {
    openSession: async () => session, readCurrent: async () => empty, fingerprint: () => 'f'.repeat(64),
    prepare: async () => job, toolVersion: '0.0.0', redact: (t) => t, lockTimeoutMs: 1000, statementLockTimeoutMs: null, ...overrides,
  };
}

describe('the after-COMMIT phase of --resumable', () => {
  it('commits with only the deferred build missing, runs it after COMMIT, verifies and records the final fingerprint', async () => {
    const log: string[] = [];
    const result = await executeApply(request(fakeSession(log), [build, noChanges]));
    expect(result?.steps).toBe(2);
    const order = ['BEGIN', 'STEP 1', 'INSERT INTO [schemac].[applied_plans]', 'COMMIT', 'BUILD RESUMABLY', 'UPDATE [schemac].[applied_plans] SET [fingerprint_after] = @fingerprint_after WHERE [id] = @id;'];
    const at = order.map((q) => log.indexOf(q));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    // The apply lock is released only after the builds.
    expect(log.findIndex((q) => q.startsWith('EXEC sp_releaseapplock'))).toBeGreaterThan(log.indexOf('BUILD RESUMABLY'));
  });

  it('rolls back and runs no build when more than the deferred builds is missing', async () => {
    const log: string[] = [];
    const err = await executeApply(request(fakeSession(log), [more])).catch((e: unknown) => e);
    expect((err as ApplyError).kind).toBe('not-converged');
    expect(log).toContain('ROLLBACK');
    expect(log).not.toContain('COMMIT');
    expect(log).not.toContain('BUILD RESUMABLY');
  });

  it('says what was committed and how to resume or abort a build that fails', async () => {
    const log: string[] = [];
    const paused = Object.assign(new Error('The operation elapsed time exceeded the maximum time specified for this operation.'), { number: 3643 });
    const session = fakeSession(log, (text) => (text === 'BUILD RESUMABLY' ? paused : undefined));
    const err = await executeApply(request(session, [build])).catch((e: unknown) => e) as ApplyError;
    expect(err.kind).toBe('resumable-incomplete');
    expect(err.detail).toMatchObject({ committed: true, sqlErrorNumber: 3643, step: 2 });
    expect(err.message).toContain("the transaction's 1 step(s) are committed");
    expect(err.message).toContain('ALTER INDEX [ix] ON [dbo].[t] RESUME; continues it and ALTER INDEX [ix] ON [dbo].[t] ABORT; gives it up');
    expect(log).not.toContain('ROLLBACK');
  });

  it('says the catalog did not converge after the builds, without claiming a rollback', async () => {
    const log: string[] = [];
    const err = await executeApply(request(fakeSession(log), [build, build])).catch((e: unknown) => e) as ApplyError;
    expect(err.kind).toBe('not-converged');
    expect(err.detail.committed).toBe(true);
    expect(err.message).not.toContain('rolled back');
  });
});

describe('steps on memory-optimized tables after COMMIT', () => {
  const memory: AfterCommitWork = {
    statements: [
      { sql: 'ALTER TABLE [dbo].[s] ADD INDEX [ix] NONCLUSTERED ([a]);', stepIndex: 1, description: 'add ix', memoryOptimized: true },
      { sql: 'ALTER TABLE [dbo].[s] ALTER INDEX [pk] REBUILD WITH (BUCKET_COUNT = 64);', stepIndex: 2, description: 'buckets', memoryOptimized: true },
    ],
    onlyThese: (remaining) => remaining.steps.length === 1,
  };

  it('runs them one by one after COMMIT; one that fails stops the rest and says what is done', async () => {
    const log: string[] = [];
    const refused = Object.assign(new Error('Cannot find the object "pk"'), { number: 1088 });
    const session = fakeSession(log, (text) => (text.includes('BUCKET_COUNT') ? refused : undefined));
    const err = await executeApply(request(session, [build], { prepare: async () => ({ statements: [{ sql: 'STEP 1', stepIndex: 0, description: 'one' }], script: '', replan: () => build, afterCommit: memory }) }))
      .catch((e: unknown) => e) as ApplyError;
    expect(err.kind).toBe('memory-optimized-incomplete');
    expect(err.detail).toMatchObject({ committed: true, sqlErrorNumber: 1088, step: 3 });
    expect(err.message).toMatch(/the transaction's 1 step\(s\) are committed \(run [-0-9a-f]+\), but a step on a memory-optimized table after COMMIT failed \(buckets\)/);
    expect(err.message).toContain('run schemac apply again (it plans what is left)');
    const at = ['COMMIT', 'ALTER TABLE [dbo].[s] ADD INDEX [ix] NONCLUSTERED ([a]);'].map((q) => log.indexOf(q));
    expect(at[0]).toBeGreaterThanOrEqual(0);
    expect(at[1]).toBeGreaterThan(at[0] as number);
    expect(log).not.toContain('ROLLBACK');
  });
});
