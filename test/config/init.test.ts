import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AppError } from '../../src/app/errors';
import { init as initApp } from '../../src/app/init';
import { schemac } from '../cli/run-cli';
import { compileSchema } from '../../src/compiler';
import { loadConfig } from '../../src/config';
import { lint } from '../../src/lint';

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-init-')); });
afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

/** `init` as the application runs it in `dir`: what it wrote, or the error it threw. */
function init(force = false): { written: readonly string[]; error: unknown } {
  try {
    return { written: initApp(dir, { force }).written, error: null };
  } catch (error) {
    return { written: [], error };
  }
}

const files = (): string[] => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => f.split(path.sep).join('/')).sort();
const configPath = (): string => path.join(dir, 'schemac.config.json');
const tablePath = (): string => path.join(dir, 'schema/projects.schema.ts');

describe('schemac init', () => {
  it('writes a valid config that points editors at the JSON Schema, and an example table', async () => {
    const r = init();
    expect(r.error).toBeNull();
    expect(r.written).toEqual(['schemac.config.json', 'schema/projects.schema.ts']);
    expect(files()).toEqual(['schema', 'schema/projects.schema.ts', 'schemac.config.json']);
    const raw = JSON.parse(fs.readFileSync(configPath(), 'utf8')) as { $schema: string };
    expect(raw.$schema).toBe('./node_modules/schemac/schemac.config.schema.json');
    const loaded = loadConfig(dir);
    expect(loaded.file).toBe(configPath());
    expect(loaded.config.schema).toBe(path.join(dir, 'schema'));
  });

  it('writes an example table that compiles and passes lint', async () => {
    init();
    const { database, diagnostics } = compileSchema(path.join(dir, 'schema'));
    expect(diagnostics).toEqual([]);
    expect(database.tables.map((t) => t.name)).toEqual(['projects']);
    expect(database.tables[0]?.checks.map((c) => c.name)).toEqual(['ck_projects_status']);
    expect(lint(database, loadConfig(dir).config.lint)).toEqual([]);
  });

  it('refuses to run a second time and leaves the files as they were', async () => {
    init();
    fs.writeFileSync(configPath(), '{"schema": "mine"}\n');
    const r = init();
    expect(r.error).toBeInstanceOf(AppError);
    expect((r.error as Error).message).toBe('schemac.config.json, schema/projects.schema.ts already exist; nothing was written (use --force to overwrite)');
    expect(fs.readFileSync(configPath(), 'utf8')).toBe('{"schema": "mine"}\n');
  });

  it('writes nothing when only one target exists', async () => {
    fs.mkdirSync(path.join(dir, 'schema'));
    fs.writeFileSync(tablePath(), '// mine\n');
    const r = init();
    expect((r.error as Error).message).toBe('schema/projects.schema.ts already exists; nothing was written (use --force to overwrite)');
    expect(files()).toEqual(['schema', 'schema/projects.schema.ts']);
    expect(fs.readFileSync(tablePath(), 'utf8')).toBe('// mine\n');
  });

  it('overwrites with --force, leaving no temporary files', async () => {
    init();
    fs.writeFileSync(configPath(), '{}');
    fs.writeFileSync(tablePath(), '// mine\n');
    const r = init(true);
    expect(r.error).toBeNull();
    expect(JSON.parse(fs.readFileSync(configPath(), 'utf8'))).toHaveProperty('$schema');
    expect(fs.readFileSync(tablePath(), 'utf8')).toContain("@Table('projects')");
    expect(files()).toEqual(['schema', 'schema/projects.schema.ts', 'schemac.config.json']);
  });

  it('prints what it wrote and next steps that run where schemac is a local dependency (npx)', async () => {
    const r = await schemac(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      'wrote schemac.config.json',
      'wrote schema/projects.schema.ts',
      'next: npx schemac check, then npx schemac plan --empty to see the T-SQL',
      '',
    ].join('\n'));
    expect(fs.readFileSync(tablePath(), 'utf8')).toContain('Try `npx schemac check`, then `npx schemac plan --empty`');
  });
});
