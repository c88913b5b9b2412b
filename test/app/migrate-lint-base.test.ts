/**
 * `migrate lint --base REF` lints the migrations added since the ref: the ids the ref had are
 * read from git's tree, from the repository's root or a subfolder, and a ref without the
 * folder had none.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { AppContext } from '../../src/app/context';
import { migrateLint } from '../../src/app/migrate-lint';
import { writeNextMigration } from '../../src/app/migrate-new';
import { col, db, pk, table } from '../support/model-builders';

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
}

const orders = (extra: ReturnType<typeof col>[] = []) => db([table('orders', { columns: [col('id', 'int'), ...extra], pk: pk('pk_orders', ['id']) })]);

let repo: string;
beforeEach(() => { repo = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-lint-base-')); });
afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

const ctx = (cwd: string): AppContext => ({ cwd, env: {}, report: () => undefined });

function make(project: string, desired: ReturnType<typeof orders>, name: string, when: string): string {
  const r = writeNextMigration({ desired, dir: path.join(project, 'migrations'), shown: 'migrations', name, allowDrop: false, allowDataLoss: false, emptyFile: false, now: new Date(when) });
  if (r.kind !== 'written') throw new Error(`${name}: nothing written`);
  return r.id;
}

describe('migrate lint --base', () => {
  it('lints only the migrations added since the ref, from a subfolder of the repository too', async () => {
    const project = path.join(repo, 'app');
    fs.mkdirSync(path.join(project, 'schema'), { recursive: true });
    git(repo, 'init', '-q');
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'empty');
    const first = make(project, orders(), 'create_orders', '2026-01-01T00:00:00Z');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'first');
    const second = make(project, orders([col('note', 'int', { nullable: true })]), 'add_note', '2026-01-02T00:00:00Z');

    const since = await migrateLint(ctx(project), { base: 'HEAD' });
    expect(since.migrations.map((m) => m.id)).toEqual([second]);
    expect(since.scope).toBe('migrations added since HEAD');
    expect(since.failed).toBe(false);
    // The commit before the folder existed had no migrations: both are added.
    const all = await migrateLint(ctx(project), { base: 'HEAD~1' });
    expect(all.migrations.map((m) => m.id)).toEqual([first, second]);
  });
});
