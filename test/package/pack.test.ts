/**
 * The package as a user gets it: `npm pack`, install the tarball into an empty folder, and use
 * the installed `schemac` bin and schema API on a schema of the user's own.
 * Needs `npm run build` first (CI does it) and the npm registry for the dependencies.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the packed package', () => {
  let work: string;
  let app: string;

  beforeAll(() => {
    if (!fs.existsSync(path.join(root, 'dist/cli/main.js'))) throw new Error('run npm run build before this test');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-pack-'));
    const out = execFileSync(npm, ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8' });
    const tarball = path.join(work, out.trim().split('\n').pop()!.trim());
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

  it('provides the schema API at run time and for the type checker', () => {
    const api = require(path.join(app, 'node_modules', 'schemac')) as Record<string, unknown>;
    expect(typeof api.Table).toBe('function');
    expect(typeof api.Index).toBe('function');
    expect(typeof api.sql).toBe('function');
    expect(fs.existsSync(path.join(app, 'node_modules', 'schemac', 'dist', 'api', 'index.d.ts'))).toBe(true);
  });
});
