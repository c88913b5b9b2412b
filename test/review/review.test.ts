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

  it('prints GitHub annotations at the schema lines responsible, a dropped column at its table in the new file', async () => {
    const r = await schemac(['review', '--base', 'HEAD', '--github-annotations', '--format', 'json'], { cwd: repo });
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    const drop = lines.find((l) => l.includes('(drop column user_metadata)'));
    expect(drop).toMatch(/^::error file=schema\/users\.schema\.ts,line=\d+,col=\d+,title=schemac data-loss::step \d+ /);
    // The column's own line exists only in the base version; the annotation shows on the pull
    // request's version of the file, at the users table's declaration.
    const line = Number(/line=(\d+)/.exec(drop ?? '')?.[1]);
    const head = fs.readFileSync(path.join(repo, 'schema', 'users.schema.ts'), 'utf8').split('\n');
    expect(head.slice(line - 1, line + 1).join('\n')).toMatch(/@Table\('users'\)|class User\b/);
  });

  it('with --out, writes only the review to the file and keeps the annotations on stdout for the log', async () => {
    const r = await schemac(['review', '--base', 'HEAD', '--github-annotations', '--format', 'markdown', '--out', 'review.md'], { cwd: repo });
    expect(r.code).toBe(0);
    try {
      const comment = fs.readFileSync(path.join(repo, 'review.md'), 'utf8');
      expect(comment).toContain('drop column user_metadata');
      expect(comment).not.toMatch(/^::/m);
      expect(r.stdout.split('\n').filter((l) => l !== '').every((l) => l.startsWith('::'))).toBe(true);
      expect(r.stdout).toContain('::error file=schema/users.schema.ts');
    } finally {
      fs.rmSync(path.join(repo, 'review.md'), { force: true });
    }
  });

  it('annotates a table the working tree no longer declares on its file, without a line', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-review-drop-'));
    try {
      fs.cpSync(path.join(repoRoot, 'schema'), path.join(other, 'schema'), { recursive: true });
      fs.writeFileSync(path.join(other, 'schema', 'logs.schema.ts'), [
        "import { Column, Table } from 'schemac';",
        "@Table('logs')",
        'export class Log {',
        "  @Column.int({ primaryKey: { name: 'pk_logs', clustered: true } }) id!: number;",
        '}',
        '',
      ].join('\n'));
      git(other, 'init', '-q');
      git(other, 'add', '.');
      git(other, 'commit', '-q', '-m', 'base');
      fs.rmSync(path.join(other, 'schema', 'logs.schema.ts'));
      const r = await schemac(['review', '--base', 'HEAD', '--github-annotations', '--format', 'json'], { cwd: other });
      expect(r.stdout).toMatch(/^::error file=schema\/logs\.schema\.ts,title=schemac data-loss::step \d+ \(drop table dbo\.logs\)/m);
      const doc = JSON.parse(r.stdout.split('\n').filter((l) => !l.startsWith('::')).join('\n'));
      expect(doc.changes[0].source).toEqual({ file: 'schema/logs.schema.ts', line: null, column: null });
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
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

  it('compiles the base ref with the config\'s externalSequences, as check and plan compile the working tree', async () => {
    const seq = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-review-extseq-'));
    try {
      fs.writeFileSync(path.join(seq, 'schemac.config.json'), '{"externalSequences": ["billing.invoice_numbers"]}\n');
      fs.mkdirSync(path.join(seq, 'schema'));
      const invoices = path.join(seq, 'schema', 'invoices.schema.ts');
      const table = [
        "import { Column, Table, sql } from 'schemac';",
        "@Table('invoices')",
        'export class Invoice {',
        "  @Column.int({ primaryKey: { name: 'pk_invoices', clustered: true } }) id!: number;",
        '  @Column.bigint({ default: sql`NEXT VALUE FOR billing.invoice_numbers` }) number!: number;',
        '}',
        '',
      ].join('\n');
      fs.writeFileSync(invoices, table);
      git(seq, 'init', '-q');
      git(seq, 'add', '.');
      git(seq, 'commit', '-q', '-m', 'base');
      fs.writeFileSync(invoices, table.replace('number!: number;\n', 'number!: number;\n  @Column.varchar(200, { nullable: true }) memo!: string | null;\n'));
      const r = await schemac(['review', '--base', 'HEAD', '--format', 'markdown'], { cwd: seq });
      expect(r.stderr).not.toContain('does not compile');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('add column memo');
    } finally {
      fs.rmSync(seq, { recursive: true, force: true });
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
      changes: [{ index: 1, kind: 'addColumn' as const, table: 'dbo.t', summary: 'add column c', marker: '+' as const, delta: null, hazards: [], downHazards: [], source: null, impact: null }],
      tables: [{ table: 'dbo.t', changes: [], diff: '+y\n'.repeat(3000) }],
    };
    const out = renderReviewMarkdown(big, 4000);
    expect(out.length).toBeLessThanOrEqual(4000);
    expect(out).toContain('left out to stay under GitHub');
  });
});
