/**
 * Whole scripts as schemac emits them, run batch by batch as sqlcmd would; the apply lock. The
 * scripts and the lock statements are the product's own text, read here as data (the stand-in
 * itself shares no code with src/; a hand copy in this test would not notice the product change).
 */
import { acquireApplyLockSql, releaseApplyLockSql } from '../../../src/emitters/apply-sql';
import { renderScript } from '../../../src/emitters/tsql/script';
import { createEngine } from '../../standin/engine';
import { createTenantsUsersPlan } from '../../emitters/fixtures';
import { open, wrap } from './harness';
import type { Harness } from './harness';

/** The up script of the tenants-and-users plan (tables, their indexes, the FK), planned against `app`. */
const SCRIPT = renderScript(createTenantsUsersPlan(), { direction: 'up', databaseName: 'app' }).text;

/** Runs a script split on its GO lines; the errors and the PRINTed lines it produced. */
async function runScript(h: Harness, text: string): Promise<{ errors: number[]; prints: string[] }> {
  const errors: number[] = [];
  const prints: string[] = [];
  for (const batch of text.split(/^GO$/m)) {
    for (const o of await h.run(batch)) {
      if (o.kind === 'error') errors.push(o.number);
      if (o.kind === 'info' && o.class === 0) prints.push(o.message);
    }
  }
  return { errors, prints };
}

test('a good script applies every step and commits', async () => {
  const h = open();
  const r = await runScript(h, SCRIPT);
  expect(r).toEqual({ errors: [], prints: [] });
  expect(await h.rows(`SELECT @@TRANCOUNT AS tc, OBJECT_NAME(OBJECT_ID('dbo.users')) AS u, (SELECT COUNT(*) FROM sys.foreign_keys) AS fks`)).toEqual([{ tc: 0, u: 'users', fks: 1 }]);
});

test('a failing step rolls everything back and NOEXEC stops the rest', async () => {
  const h = open();
  // Someone already made a dbo.users of another shape: step 2 (CREATE TABLE users) fails with Msg 2714.
  await h.ok(`CREATE TABLE dbo.users (legacy_id INT NOT NULL)`);
  const r = await runScript(h, SCRIPT);
  expect(r.errors).toEqual([2714]);
  expect(r.prints).toEqual(['schemac: step 2 failed; the transaction was rolled back and the rest of the script does not run.']);
  expect(await h.rows(`SELECT OBJECT_ID('dbo.tenants') AS tenants, COL_LENGTH('dbo.users', 'legacy_id') AS legacy, @@TRANCOUNT AS tc`)).toEqual([{ tenants: null, legacy: 4, tc: 0 }]);
});

test('the database guard stops a script planned for another database', async () => {
  const h = open('other');
  const r = await runScript(h, SCRIPT);
  expect(r.errors).toEqual([50000]);
  const out = await h.run(`SELECT 1`);
  expect(out.some((o) => o.kind === 'resultSet')).toBe(true); // SET NOEXEC OFF ended the script
  expect(await h.rows(`SELECT OBJECT_ID('dbo.tenants') AS t`)).toEqual([{ t: null }]);
  const msg = await h.errors(`RAISERROR(N'100%% sure', 16, 1)`);
  expect(msg[0].message).toBe('100% sure');
});

test('sp_getapplock is exclusive between sessions and released on close', async () => {
  const engine = createEngine({ password: 'p' });
  const login = () => { const l = engine.login('sa', 'p', 'app'); if (!l.ok) throw new Error('login'); return wrap(l.session); };
  const take = acquireApplyLockSql(0);
  const a = login();
  const b = login();
  const [ra] = await a.rows(take);
  expect(ra.result).toBe(0);
  const [rb] = await b.rows(take);
  expect(rb.result).toBe(-1);
  expect(rb.spid).not.toBe(ra.spid);
  a.session.close();
  expect((await b.rows(take))[0].result).toBe(0);
  await b.ok(releaseApplyLockSql());
  expect((await login().rows(take))[0].result).toBe(0);
});
