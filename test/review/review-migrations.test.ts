/**
 * `schemac review --base REF` on a branch that adds migration files: each added migration with
 * its hazards and its up.sql, in text, markdown and JSON; migrations the base already had are
 * not shown again.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { registerTs, repoRoot, schemac } from '../cli/run-cli';

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
}

const ORDERS = `import { Column, Table } from 'schemac';

@Table('orders')
export class Order {
  @Column.int({ identity: [1, 1], primaryKey: { name: 'pk_orders', clustered: true } })
  id!: number;

  @Column.varchar(20)
  code!: string;

  @Column.varchar(400, { nullable: true })
  legacy!: string | null;
}
`;

/** ORDERS without its legacy column: the branch drops a column that may hold data. */
const WITHOUT_LEGACY = ORDERS.replace('\n  @Column.varchar(400, { nullable: true })\n  legacy!: string | null;\n', '');

/** A new repository whose one commit holds schema/orders.schema.ts and the migration creating it. */
async function committedWithMigration(prefix: string): Promise<string> {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.mkdirSync(path.join(repo, 'schema'));
  fs.writeFileSync(path.join(repo, 'schema', 'orders.schema.ts'), ORDERS);
  expect((await schemac(['migrate', 'new', 'create_orders', '--no-type-check'], { cwd: repo })).code).toBe(0);
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'base');
  return repo;
}

describe('schemac review with added migrations', () => {
  let repo: string;
  let added: string;

  beforeAll(async () => {
    repo = await committedWithMigration('schemac-review-migrations-');
    // The branch drops a column that may hold data.
    fs.writeFileSync(path.join(repo, 'schema', 'orders.schema.ts'), WITHOUT_LEGACY);
    const r = await schemac(['migrate', 'new', 'drop_legacy', '--allow-drop', '--allow-data-loss', '--no-type-check'], { cwd: repo });
    expect(r.code).toBe(0);
    added = fs.readdirSync(path.join(repo, 'migrations')).filter((n) => n.endsWith('_drop_legacy'))[0]!;
  }, 120_000);

  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('lists only the added migration, with its data-loss hazard, in text', async () => {
    const r = await schemac(['review', '--base', 'HEAD', '--no-type-check'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Migrations added (1):');
    expect(r.stdout).toContain(`migrations/${added}: 1 schema step, 1 hazard`);
    expect(r.stdout).toMatch(/! step 1 \(.*legacy.*\): data-loss:/);
    expect(r.stdout).not.toContain('_create_orders');
  }, 60_000);

  it('as markdown, with its up.sql collapsed', async () => {
    const r = await schemac(['review', '--base', 'HEAD', '--format', 'markdown', '--no-type-check'], { cwd: repo });
    expect(r.stdout).toContain('#### Migrations added (1)');
    expect(r.stdout).toContain(`| \`${added}\` | 1 | ⚠️ **data-loss** (step 1)`);
    expect(r.stdout).toContain(`<details><summary><code>migrations/${added}/up.sql</code></summary>`);
    expect(r.stdout).toContain('ALTER TABLE [dbo].[orders] DROP COLUMN [legacy];');
  }, 60_000);

  it('as JSON, in a migrations property', async () => {
    const r = await schemac(['review', '--base', 'HEAD', '--format', 'json', '--no-type-check'], { cwd: repo });
    const doc = JSON.parse(r.stdout) as { migrations: { id: string; hazards: { code: string }[]; locks: unknown[]; findings: unknown[] }[] };
    expect(doc.migrations.map((m) => m.id)).toEqual([added]);
    expect(doc.migrations[0]!.hazards.map((h) => h.code)).toEqual(['data-loss']);
    expect(doc.migrations[0]!.findings).toEqual([]);
    // Dropping a column is metadata-only: nothing to say about locks.
    expect(doc.migrations[0]!.locks).toEqual([]);
  }, 60_000);

  // The config, the schema folder and the migrations folder are all read at the ref: the
  // repository is found and the ref checked once, not once per read. A real process, so that
  // git is found on the PATH the test gives it: a wrapper that logs each git command.
  it('asks git where the repository is and what the ref is once', () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-git-log-'));
    const log = path.join(bin, 'log');
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    fs.writeFileSync(path.join(bin, 'git'), `#!/bin/sh\necho "$1" >> '${log}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
    try {
      const stdout = execFileSync(process.execPath, ['-r', registerTs, path.join(repoRoot, 'test/e2e/support/child-main.ts'), 'review', '--base', 'HEAD', '--no-type-check'], {
        cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
        env: { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` },
      });
      expect(stdout).toContain('Migrations added (1):');
      const commands = fs.readFileSync(log, 'utf8').split('\n').filter((l) => l !== '');
      expect(commands.filter((c) => c === 'rev-parse')).toHaveLength(1);
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
    }
  }, 60_000);

  it('migrate lint --base lints only the migrations the branch adds', async () => {
    const r = await schemac(['migrate', 'lint', '--base', 'HEAD'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${added}: 1 schema step`);
    expect(r.stdout).not.toContain('_create_orders:');
    expect(r.stdout).toContain('1 migration(s) checked (migrations added since HEAD); no errors.');
  }, 60_000);
});

describe('schemac review of a pull request that moves the project into a folder', () => {
  let repo: string;
  let added: string;

  // The config has no key for the migrations folder: it is migrations/ beside the config file,
  // so each side's is its own project's. The base has no sub/schemac.config.json, so its project
  // is the working directory's, with migrations/ there; the branch moves schema and migrations
  // under sub/ with a config there, and adds one migration.
  beforeAll(async () => {
    repo = await committedWithMigration('schemac-review-moved-');
    fs.mkdirSync(path.join(repo, 'sub'));
    git(repo, 'mv', 'schema', 'migrations', 'sub/');
    fs.writeFileSync(path.join(repo, 'sub', 'schemac.config.json'), '{}\n');
    fs.writeFileSync(path.join(repo, 'sub', 'schema', 'orders.schema.ts'), WITHOUT_LEGACY);
    const r = await schemac(['migrate', 'new', 'drop_legacy', '--config', 'sub/schemac.config.json', '--allow-drop', '--allow-data-loss', '--no-type-check'], { cwd: repo });
    expect(r.code).toBe(0);
    added = fs.readdirSync(path.join(repo, 'sub', 'migrations')).filter((n) => n.endsWith('_drop_legacy'))[0]!;
  }, 120_000);

  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('lists only the migration the branch adds, not the ones it moved', async () => {
    const r = await schemac(['review', '--base', 'HEAD', '--config', 'sub/schemac.config.json', '--no-type-check'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Migrations added (1):');
    expect(r.stdout).toContain(`sub/migrations/${added}: 1 schema step, 1 hazard`);
    expect(r.stdout).not.toContain('_create_orders');
  }, 60_000);
});

describe('the migrations section of a review', () => {
  it('shows the lock impact of steps that scan, rewrite or build', async () => {
    const { renderMigrationsMarkdown, renderMigrationsText } = await import('../../src/emitters/review');
    const item = {
      id: '20260101000000_index_orders', folder: 'migrations/20260101000000_index_orders', steps: 1, hazards: [], findings: [],
      locks: [{ step: 1, what: 'dbo.orders: create nonclustered index ix_orders_customer (customer)', impact: 'index-build, offline, S (edition unknown: planned without a server)' }],
      up: 'CREATE NONCLUSTERED INDEX [ix_orders_customer] ON [dbo].[orders] ([customer]);',
    };
    expect(renderMigrationsMarkdown([item])).toContain('| `20260101000000_index_orders` | 1 |  | step 1: index-build, offline, S (edition unknown: planned without a server) |  |');
    expect(renderMigrationsText([item])).toContain('    lock: step 1 (dbo.orders: create nonclustered index ix_orders_customer (customer)): index-build, offline, S');
  });
});
