/**
 * The package as a user gets it: `npm pack`, install the tarball into an empty folder, and use
 * the installed `schemac` bin and schema API on a schema of the user's own.
 * Builds dist/ first when it is missing or older than src/ (a clean clone, or an edit since the
 * last build), and needs the npm registry (or npm's cache) for the dependencies.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The newest modification time of any file under dir (0 when it does not exist). */
function newest(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

/** Whether dist/ must be built: missing, or older than a source file (the package would ship stale code). */
function distIsStale(): boolean {
  const main = path.join(root, 'dist/cli/main.js');
  return !fs.existsSync(main) || fs.statSync(main).mtimeMs < newest(path.join(root, 'src'));
}

describe('the packed package', () => {
  let work: string;
  let app: string;

  beforeAll(() => {
    if (distIsStale()) execFileSync(npm, ['run', 'build', '--silent'], { cwd: root, stdio: 'pipe' });
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-pack-'));
    // --json and piped stderr: the file name comes from the JSON, and npm's notices (one line per
    // packed file) stay out of the test run's output.
    const out = execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    const tarball = path.join(work, (JSON.parse(out) as { filename: string }[])[0]!.filename);
    app = path.join(work, 'app');
    fs.mkdirSync(path.join(app, 'schema'), { recursive: true });
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }));
    execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: app, stdio: 'pipe' });
    fs.writeFileSync(path.join(app, 'schema', 'orders.schema.ts'), [
      "import { Table, Column, Index, sql } from 'schemac';",
      '',
      "@Table('orders')",
      "@Index('ix_orders_placed', ['placedAt'])",
      'export class Order {',
      "  @Column.int({ identity: [1, 1], primaryKey: true }) id!: number;",
      "  @Column.datetime2(3, { default: sql`SYSUTCDATETIME()` }) placedAt!: Date;",
      '}',
      '',
    ].join('\n'));
  }, 240_000);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('installs a working schemac bin', () => {
    const bin = path.join(app, 'node_modules', '.bin', 'schemac');
    const check = spawnSync(bin, ['check'], { cwd: app, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('1 table');
    const sqlOut = spawnSync(bin, ['emit-sql', '--empty'], { cwd: app, encoding: 'utf8' });
    expect(sqlOut.status).toBe(0);
    expect(sqlOut.stdout).toMatch(/CREATE TABLE \[dbo\]\.\[orders\]/);
    expect(sqlOut.stdout).toMatch(/CREATE NONCLUSTERED INDEX \[ix_orders_placed\]|CREATE INDEX \[ix_orders_placed\]/);
  });

  it('starts a project with init, whose printed next step (npx schemac check) passes', () => {
    const bin = path.join(app, 'node_modules', '.bin', 'schemac');
    const fresh = path.join(app, 'fresh');
    fs.mkdirSync(fresh);
    const init = spawnSync(bin, ['init'], { cwd: fresh, encoding: 'utf8' });
    expect(init.status).toBe(0);
    expect(init.stdout).toContain('next: npx schemac check');
    // `npx schemac check` runs node_modules/.bin/schemac; calling it directly needs no network.
    const check = spawnSync(bin, ['check'], { cwd: fresh, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.stdout).toBe('schema OK: 1 table in schema\n');
  });

  it('provides the schema API at run time and for the type checker', () => {
    const api = require(path.join(app, 'node_modules', 'schemac')) as Record<string, unknown>;
    expect(typeof api.Table).toBe('function');
    expect(typeof api.Index).toBe('function');
    expect(typeof api.sql).toBe('function');
    expect(fs.existsSync(path.join(app, 'node_modules', 'schemac', 'dist', 'api', 'index.d.ts'))).toBe(true);
  });
});
