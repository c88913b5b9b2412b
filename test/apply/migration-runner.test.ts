/**
 * The migration runner's decisions with a scripted session: lock first, one transaction per
 * migration (or one for all), history rows naming the migration, and what stays committed when a
 * later migration fails. (The same flows run over the wire in test/e2e/migrate.test.ts.)
 */
import { executeMigrations, MigrationRunError, recordBaseline, type BaselineRequest, type MigrationRunRequest, type MigrationUnit } from '../../src/apply/migration-runner';
import type { SqlSession } from '../../src/apply/session';
import { fakeSession } from './fake-session';
import type { Plan } from '../../src/differ/changes';
import type { Database } from '../../src/model';

const empty: Database = { name: 'app', collation: 'SQL_Latin1_General_CP1_CI_AS', schemas: ['dbo'], tables: [] };
const converged: Plan = { steps: [], skipped: [] };
const SECRET = 'Pw-0f-the-connection';

const unit = (id: string, verify: () => Plan = () => converged): MigrationUnit => ({
  id, hash: `h1:${id}`, direction: 'up', script: `-- ${id}`, verify,
  statements: [{ sql: `RUN ${id}`, stepIndex: 0, description: id }],
});

function request(session: SqlSession, units: MigrationUnit[], overrides: Partial<MigrationRunRequest> = {}): MigrationRunRequest {
  return {
    openSession: async () => session,
    readCurrent: async () => empty,
    fingerprint: () => 'f'.repeat(64),
    prepare: async () => units,
    txMode: 'each',
    toolVersion: '0.0.0',
    lockTimeoutMs: 1000,
    statementLockTimeoutMs: null,
    redact: (text) => text.split(SECRET).join('***'),
    ...overrides,
  };
}

describe('executeMigrations', () => {
  it('takes the lock first, then runs each migration in its own transaction with its history row', async () => {
    const log: string[] = [];
    const done = await executeMigrations(request(fakeSession(log), [unit('m1'), unit('m2')]));
    expect(done.map((d) => d.id)).toEqual(['m1', 'm2']);
    const order = log.filter((l) => /^(DECLARE|BEGIN|COMMIT|RUN|HISTORY)/.test(l));
    expect(order).toEqual(['DECLARE @result int;', 'BEGIN', 'RUN m1', 'HISTORY m1', 'COMMIT', 'BEGIN', 'RUN m2', 'HISTORY m2', 'COMMIT']);
  });

  it('with txMode all, one transaction and one COMMIT for the run', async () => {
    const log: string[] = [];
    await executeMigrations(request(fakeSession(log), [unit('m1'), unit('m2')], { txMode: 'all' }));
    expect(log.filter((l) => l === 'BEGIN' || l === 'COMMIT')).toEqual(['BEGIN', 'COMMIT']);
  });

  it('a failure in migration 2 rolls it back and reports migration 1 as committed; secrets are scrubbed', async () => {
    const log: string[] = [];
    const session = fakeSession(log, (t) => (t === 'RUN m2' ? Object.assign(new Error(`boom ${SECRET}`), { number: 515 }) : undefined));
    const err = await executeMigrations(request(session, [unit('m1'), unit('m2'), unit('m3')])).catch((e) => e);
    expect(err).toBeInstanceOf(MigrationRunError);
    expect((err as MigrationRunError).kind).toBe('statement-failed');
    expect((err as MigrationRunError).done.map((d) => d.id)).toEqual(['m1']);
    expect((err as Error).message).toContain('m1 stays applied and recorded');
    expect((err as Error).message).not.toContain(SECRET);
    expect(log).not.toContain('RUN m3');
    expect(log.slice(log.indexOf('RUN m2'))).toContain('ROLLBACK');
  });

  it('a migration that does not reach its after.json is not committed', async () => {
    const log: string[] = [];
    const behind: Plan = { steps: [{ change: { kind: 'createSchema', schema: 'x' }, hazards: [], inverse: null }], skipped: [] };
    const err = await executeMigrations(request(fakeSession(log), [unit('m1', () => behind)])).catch((e) => e);
    expect((err as MigrationRunError).kind).toBe('not-converged');
    expect(log).not.toContain('COMMIT');
    expect(log).toContain('ROLLBACK');
  });

  it('refuses when the lock is not granted (no row is not a grant), and nothing runs', async () => {
    const log: string[] = [];
    const session = fakeSession(log, (t) => (t.includes('sp_getapplock') ? { recordsets: [], rowsAffected: [] } : undefined));
    const err = await executeMigrations(request(session, [unit('m1')])).catch((e) => e);
    expect(err.kind).toBe('lock-timeout');
    expect(log).not.toContain('BEGIN');
  });

  it('a refusal from prepare changes nothing and closes the session', async () => {
    const log: string[] = [];
    const err = await executeMigrations(request(fakeSession(log), [], { prepare: async () => { throw new Error('refused: drift'); } })).catch((e) => e);
    expect(err.message).toBe('refused: drift');
    expect(log).not.toContain('BEGIN');
    expect(log.at(-1)).toBe('CLOSE');
  });
});

describe('recordBaseline', () => {
  const baselineRequest = (session: SqlSession, prepare: BaselineRequest['prepare']): BaselineRequest => ({
    openSession: async () => session, readCurrent: async () => empty, fingerprint: () => 'f'.repeat(64), prepare, toolVersion: '0.0.0', lockTimeoutMs: 1000,
  });

  it('under the lock, records each migration in one transaction and runs nothing else', async () => {
    const log: string[] = [];
    const done = await recordBaseline(baselineRequest(fakeSession(log), () => [{ id: 'm1', hash: 'h1:m1' }, { id: 'm2', hash: 'h1:m2' }]));
    expect(done.map((d) => `${d.direction} ${d.id}`)).toEqual(['up m1', 'up m2']);
    expect(log.filter((l) => /^(DECLARE|BEGIN|COMMIT|ROLLBACK|HISTORY|RUN)/.test(l))).toEqual(['DECLARE @result int;', 'BEGIN', 'HISTORY m1', 'HISTORY m2', 'COMMIT']);
  });

  it('a refusal from prepare changes nothing: no transaction, the lock released with the session', async () => {
    const log: string[] = [];
    const refusal = new Error('the database is not the state m2 leaves');
    await expect(recordBaseline(baselineRequest(fakeSession(log), () => { throw refusal; }))).rejects.toBe(refusal);
    expect(log.filter((l) => /^(BEGIN|COMMIT|HISTORY)/.test(l))).toEqual([]);
    expect(log.at(-1)).toBe('CLOSE');
  });

  it('a failed history insert rolls the whole baseline back', async () => {
    const log: string[] = [];
    const session = fakeSession(log, (t) => (t.includes('INSERT INTO') && log.filter((l) => l.startsWith('HISTORY')).length === 2 ? new Error('disk full') : undefined));
    await expect(recordBaseline(baselineRequest(session, () => [{ id: 'm1', hash: 'h' }, { id: 'm2', hash: 'h' }]))).rejects.toThrow('disk full');
    expect(log.filter((l) => /^(BEGIN|COMMIT|ROLLBACK|HISTORY)/.test(l))).toEqual(['BEGIN', 'HISTORY m1', 'HISTORY m2', 'ROLLBACK']);
  });
});
