/**
 * `schemac pull` in-process: reads a catalog file, writes the schema files, and never overwrites
 * an existing file without --force (checking every target before writing any).
 */
import * as fs from 'fs';
import * as path from 'path';
import { schemac } from '../cli/run-cli';
import { brownfieldFile, tempDir } from './support';

interface Outcome { code: number; stdout: string; stderr: string }

/** Runs `schemac pull ...args` in `cwd`, in-process. */
async function pull(cwd: string, args: string[]): Promise<Outcome> {
  return schemac(['pull', ...args], { cwd });
}

const pulledFiles = ['tenants.schema.ts', 'users.schema.ts'];

/** What pull says about brownfield.json's system-named constraints while the config keeps "adopt". */
const systemNamesNote = `note: 12 constraint(s) in the database have names SQL Server generated; the schema files give them schemac's names. Set "systemNames": "keep" in schemac.config.json to leave them as they are, or plan will rename them (sp_rename)\n`;

describe('schemac pull', () => {
  let cwd: string;
  beforeEach(() => { cwd = tempDir(); });
  afterEach(() => fs.rmSync(cwd, { recursive: true, force: true }));

  test('writes one file per table into --out, creating the folder', async () => {
    const out = await pull(cwd, ['--catalog', brownfieldFile, '--out', 'db/schema']);
    expect(out).toMatchObject({ code: 0, stderr: systemNamesNote });
    expect(out.stdout).toBe('wrote 2 schema file(s) for 2 table(s) to db/schema\n');
    expect(fs.readdirSync(path.join(cwd, 'db/schema')).sort()).toEqual(pulledFiles);
    expect(fs.readFileSync(path.join(cwd, 'db/schema/users.schema.ts'), 'utf8')).toContain("@Table('users')");
  });

  test('refuses (exit 3) when any target exists, and writes none of the others', async () => {
    const dir = path.join(cwd, 'schema');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'users.schema.ts'), '// mine\n');
    const out = await pull(cwd, ['--catalog', brownfieldFile]);
    expect(out.code).toBe(3);
    expect(out.stderr).toContain('refusing to overwrite 1 existing file(s) in schema: users.schema.ts; pass --force');
    expect(fs.readdirSync(dir)).toEqual(['users.schema.ts']);
    expect(fs.readFileSync(path.join(dir, 'users.schema.ts'), 'utf8')).toBe('// mine\n');
  });

  test('--force overwrites existing files and leaves no temporary files', async () => {
    const dir = path.join(cwd, 'schema');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'users.schema.ts'), '// mine\n');
    const out = await pull(cwd, ['--catalog', brownfieldFile, '--force']);
    expect(out.code).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(pulledFiles);
    expect(fs.readFileSync(path.join(dir, 'users.schema.ts'), 'utf8')).toContain('export class Users {');
  });

  test('warns about other schema files in the folder, which would be compiled with the pulled ones', async () => {
    const dir = path.join(cwd, 'schema');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'orders.schema.ts'), '// mine\n');
    const out = await pull(cwd, ['--catalog', brownfieldFile]);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe(`warning: schema also holds orders.schema.ts, which pull did not write; they are compiled with the pulled files\n${systemNamesNote}`);
  });

  // brownfield.json's PKs and defaults carry names SQL Server made up (PK__users__..., DF__users__statu__...).
  test('pull writes no system-generated name; then plan is empty with systemNames "keep", and renames with "adopt"', async () => {
    expect((await pull(cwd, ['--catalog', brownfieldFile])).code).toBe(0);
    const text = fs.readdirSync(path.join(cwd, 'schema')).map((f) => fs.readFileSync(path.join(cwd, 'schema', f), 'utf8')).join('\n');
    expect(text).not.toMatch(/(PK|DF|UQ|FK|CK)__/);
    const plan = async (): Promise<{ changes: { summary: string }[] }> => {
      const r = await schemac(['plan', '--catalog', brownfieldFile, '--format', 'json'], { cwd });
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout) as { changes: { summary: string }[] };
    };
    const adopted = await plan();
    expect(adopted.changes.length).toBeGreaterThan(0);
    expect(adopted.changes.every((c) => /rename/i.test(c.summary))).toBe(true);
    fs.writeFileSync(path.join(cwd, 'schemac.config.json'), JSON.stringify({ systemNames: 'keep' }));
    expect((await plan()).changes).toEqual([]);
    // With "keep" set, pull has nothing to advise.
    expect((await pull(cwd, ['--catalog', brownfieldFile, '--force'])).stderr).toBe('');
  });

  test('--no-mixins writes every column in its table', async () => {
    const out = await pull(cwd, ['--catalog', brownfieldFile, '--no-mixins']);
    expect(out.code).toBe(0);
    expect(fs.readdirSync(path.join(cwd, 'schema')).sort()).toEqual(['tenants.schema.ts', 'users.schema.ts']);
    expect(fs.readFileSync(path.join(cwd, 'schema/tenants.schema.ts'), 'utf8')).toContain('indexId!: number;');
  });

  test('--empty is a usage error (exit 1): there is nothing to pull', async () => {
    const out = await pull(cwd, ['--empty']);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('pull needs a database to read');
    expect(fs.existsSync(path.join(cwd, 'schema'))).toBe(false);
  });

  test('an unreadable catalog file is an error (exit 1) and writes nothing', async () => {
    const out = await pull(cwd, ['--catalog', 'missing.json']);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('cannot read catalog file missing.json');
    expect(fs.existsSync(path.join(cwd, 'schema'))).toBe(false);
  });
});
