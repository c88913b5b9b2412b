/**
 * `schemac review` on a git repository the test builds: the base commit holds the example
 * schema; the working tree adds a column and a filtered index and drops a column. Golden
 * markdown and JSON, reviewed like code.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expectGolden } from '../support/golden';
import { repoRoot, schemac } from '../cli/run-cli';

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
}

describe('schemac review --base', () => {
  let repo: string;

  beforeAll(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-review-test-'));
    fs.cpSync(path.join(repoRoot, 'schema'), path.join(repo, 'schema'), { recursive: true });
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'base');
    const users = path.join(repo, 'schema', 'users.schema.ts');
    let text = fs.readFileSync(users, 'utf8');
    // Drop user_metadata, add a nullable locale column and a filtered index on it.
    text = text.replace(/\n  @Column\.varchar\(4000, \{ nullable: true \}\)\n  userMetadata!: string \| null;\n/, '\n  @Column.varchar(10, { nullable: true })\n  locale!: string | null;\n');
    text = text.replace("@Table('users')", "@Table('users')\n@Index('ix_users_tenant_locale', ['tenantId', 'locale'], { activeOnly: true })");
    fs.writeFileSync(users, text);
  });

  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('reports the changes with the dropped column\'s hazard, as markdown (golden)', async () => {
    const r = await schemac(['review', '--base', 'HEAD', '--format', 'markdown', '--detailed-exitcode'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('add column locale');
    expect(r.stdout).toContain('drop column user_metadata');
    expect(r.stdout).toContain('**data-loss**');
    expectGolden('review/users.md', r.stdout);
  });

  it('as JSON (golden), with repository-relative sources', async () => {
    const r = await schemac(['review', '--base', 'HEAD', '--format', 'json'], { cwd: repo });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.format).toBe('schemac.review/v1');
    const added = doc.changes.find((c: { kind: string }) => c.kind === 'addColumn');
    expect(added.source).toEqual({ file: 'schema/users.schema.ts', line: expect.any(Number), column: expect.any(Number) });
    expectGolden('review/users.json', r.stdout);
  });

  it('prints GitHub annotations at the schema lines responsible', async () => {
    const r = await schemac(['review', '--base', 'HEAD', '--github-annotations', '--format', 'json'], { cwd: repo });
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=schema\/users\.schema\.ts,line=\d+,col=\d+,title=schemac data-loss::step \d+ \(drop column user_metadata\)/));
  });

  it('has nothing to say when the working tree matches the base', async () => {
    const clean = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-review-clean-'));
    try {
      fs.cpSync(path.join(repoRoot, 'schema'), path.join(clean, 'schema'), { recursive: true });
      git(clean, 'init', '-q');
      git(clean, 'add', '.');
      git(clean, 'commit', '-q', '-m', 'base');
      const r = await schemac(['review', '--base', 'HEAD', '--format', 'markdown', '--detailed-exitcode'], { cwd: clean });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('No changes to the database.');
    } finally {
      fs.rmSync(clean, { recursive: true, force: true });
    }
  });

  it('names a base ref that does not exist', async () => {
    const r = await schemac(['review', '--base', 'no-such-ref'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--base no-such-ref: not a commit in this repository');
  });

  it('keeps markdown under the comment limit with a note when cut', async () => {
    const { renderReviewMarkdown } = await import('../../src/emitters/review');
    const big = {
      baseLabel: 'a', headLabel: 'b', summary: 'Plan: 1 table to alter.', hazardCount: 0, lockSummary: null, upScript: 'x'.repeat(5000),
      changes: [{ index: 1, kind: 'addColumn' as const, table: 'dbo.t', summary: 'add column c', marker: '+' as const, hazards: [], source: null, impact: null }],
      tables: [{ table: 'dbo.t', changes: [], diff: '+y\n'.repeat(3000) }],
    };
    const out = renderReviewMarkdown(big, 4000);
    expect(out.length).toBeLessThanOrEqual(4000);
    expect(out).toContain('left out to stay under GitHub');
  });
});
