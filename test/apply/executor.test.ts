/**
 * The apply executor's decisions, with a scripted session: what it refuses, when it rolls back,
 * and how it tells whether a COMMIT whose connection dropped took effect. (The same flows run
 * over the wire in test/e2e/apply.test.ts; these pin the paths a server cannot easily produce.)
 */
import { executeApply, type ApplyRequest, type PreparedApply } from '../../src/apply/executor';
import { ApplyError } from '../../src/apply/errors';
import type { SqlSession } from '../../src/apply/session';
import { fakeSession } from './fake-session';
import type { Plan } from '../../src/differ/changes';
import type { Database } from '../../src/model';

const empty: Database = { name: 'app', collation: 'SQL_Latin1_General_CP1_CI_AS', schemas: ['dbo'], tables: [] };
const noChanges: Plan = { steps: [], skipped: [], warnings: [] };
const SECRET = 'Pw-0f-the-connection';
const oneChange: Plan = { steps: [{ change: { kind: 'createSchema', schema: 'x' }, hazards: [], inverse: null }], skipped: [], warnings: [] };

function request(session: SqlSession, overrides: Partial<ApplyRequest> = {}, job?: Partial<PreparedApply>): ApplyRequest {
  return {
    openSession: async () => session,
    readCurrent: async () => empty,
    fingerprint: () => 'f'.repeat(64),
    prepare: async () => ({
      statements: [{ sql: 'STEP 1', stepIndex: 0, description: 'one' }, { sql: 'STEP 2', stepIndex: 1, description: 'two' }],
      script: 'STEP 1\nSTEP 2',
      replan: () => noChanges,
      ...job,
    }),
    toolVersion: '0.0.0',
    redact: (text) => text.split(SECRET).join('***'),
    lockTimeoutMs: 1000,
    statementLockTimeoutMs: null,
    ...overrides,
  };
}

describe('executeApply', () => {
  it('takes the lock before reading the catalog, runs the steps in one transaction, records history, commits', async () => {
    const log: string[] = [];
    const readCurrent = async () => { log.push('READ CATALOG'); return empty; };
    const result = await executeApply(request(fakeSession(log), { readCurrent }));
    expect(result?.steps).toBe(2);
    const order = ['DECLARE @result int;', 'READ CATALOG', 'BEGIN', 'STEP 1', 'STEP 2', 'INSERT INTO [schemac].[applied_plans]', 'COMMIT'];
    const at = order.map((q) => log.indexOf(q));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(log).not.toContain('ROLLBACK');
  });

  it('refuses when the lock is not granted, before touching anything', async () => {
    const log: string[] = [];
    const session = fakeSession(log, (t) => (t.includes('sp_getapplock') ? { recordsets: [[{ result: -1 }]], rowsAffected: [] } : undefined));
    const err = await executeApply(request(session)).catch((e) => e);
    expect(err).toBeInstanceOf(ApplyError);
    expect((err as ApplyError).kind).toBe('lock-timeout');
    expect(log).not.toContain('BEGIN');
  });

  it('refuses when sp_getapplock answers with no row: no answer is not a grant', async () => {
    const log: string[] = [];
    const session = fakeSession(log, (t) => (t.includes('sp_getapplock') ? { recordsets: [], rowsAffected: [] } : undefined));
    const err = await executeApply(request(session)).catch((e) => e);
    expect(err).toBeInstanceOf(ApplyError);
    expect((err as ApplyError).message).toMatch(/lock was not granted \(sp_getapplock returned no result\); nothing was changed/);
    expect(log).not.toContain('BEGIN');
  });

  it.each([[2], [-2], [-3], [-999], [null]])('treats only 0 and 1 as granted: %p is refused', async (result) => {
    const log: string[] = [];
    const session = fakeSession(log, (t) => (t.includes('sp_getapplock') ? { recordsets: [[{ result }]], rowsAffected: [] } : undefined));
    expect(await executeApply(request(session)).catch((e) => e)).toBeInstanceOf(ApplyError);
    expect(log).not.toContain('BEGIN');
  });

  it('never shows a secret the driver put in its message: a failed step and a lost connection', async () => {
    const leaky = Object.assign(new Error(`Login for 'sa' with password ${SECRET} went wrong`), { number: 50000 });
    const lost = Object.assign(new Error(`socket closed (${SECRET})`), { code: 'ESOCKET' });
    for (const failure of [leaky, lost]) {
      const err = await executeApply(request(fakeSession([], (t) => (t === 'STEP 2' ? failure : undefined)))).catch((e) => e);
      expect(err).toBeInstanceOf(ApplyError);
      expect((err as ApplyError).message).not.toContain(SECRET);
      expect((err as ApplyError).message).toContain('***');
    }
  });

  it('does nothing when prepare finds nothing to do', async () => {
    const log: string[] = [];
    expect(await executeApply(request(fakeSession(log), { prepare: async () => null }))).toBeNull();
    expect(log).not.toContain('BEGIN');
  });

  it('rolls back and names the step and the SQL Server error number when a statement fails', async () => {
    const log: string[] = [];
    const failure = Object.assign(new Error("Invalid column name 'x'."), { number: 207 });
    const err = await executeApply(request(fakeSession(log, (t) => (t === 'STEP 2' ? failure : undefined)))).catch((e) => e);
    expect((err as ApplyError).kind).toBe('statement-failed');
    expect((err as ApplyError).message).toMatch(/step 2 of 2 failed \(two\): SQL Server error 207/);
    expect(log).toContain('ROLLBACK');
    expect(log).not.toContain('COMMIT');
  });

  it('never commits a plan that does not converge', async () => {
    const log: string[] = [];
    const err = await executeApply(request(fakeSession(log), {}, { replan: () => oneChange })).catch((e) => e);
    expect((err as ApplyError).kind).toBe('not-converged');
    expect(log).toContain('ROLLBACK');
    expect(log).not.toContain('COMMIT');
  });

  it('after a connection lost during COMMIT, reports applied when the history row is there', async () => {
    const log: string[] = [];
    const session = fakeSession(log);
    session.commit = async () => { throw Object.assign(new Error('Connection lost'), { code: 'ESOCKET' }); };
    const checker = fakeSession(log, (t) => (t.includes('SELECT 0 AS found') ? { recordsets: [[{ found: 1 }]], rowsAffected: [] } : undefined));
    let opened = 0;
    const result = await executeApply(request(session, { openSession: async () => (opened++ === 0 ? session : checker) }));
    expect(result?.steps).toBe(2);
  });

  it('after a connection lost during COMMIT, says nothing changed when the history row is not there', async () => {
    const log: string[] = [];
    const session = fakeSession(log);
    session.commit = async () => { throw Object.assign(new Error('Connection lost'), { code: 'ESOCKET' }); };
    const checker = fakeSession(log, (t) => (t.includes('SELECT 0 AS found') ? { recordsets: [[{ found: 0 }]], rowsAffected: [] } : undefined));
    let opened = 0;
    const err = await executeApply(request(session, { openSession: async () => (opened++ === 0 ? session : checker) })).catch((e) => e);
    expect((err as ApplyError).kind).toBe('connection-lost');
    expect((err as ApplyError).message).toMatch(/nothing was changed/);
  });

  it('turns an abort into an interruption that rolls back', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    const session = fakeSession(log, (t) => {
      if (t === 'STEP 1') { controller.abort(); return new Error('Canceled.'); }
      return undefined;
    });
    const err = await executeApply(request(session, { signal: controller.signal })).catch((e) => e);
    expect((err as ApplyError).kind).toBe('interrupted');
    expect(log).toContain('CANCEL');
    expect(log).toContain('ROLLBACK');
  });
});
