import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Command } from 'commander';
import { registerInit } from '../../src/cli/commands/init';
import { CliError } from '../../src/cli/errors';
import type { CliIo } from '../../src/cli/io';
import { compileSchema } from '../../src/compiler';
import { loadConfig } from '../../src/config';
import { lint } from '../../src/lint';

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-init-')); });
afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

/** Runs `schemac init ...args` in `dir`; returns the exit code set, stdout, and the error thrown (if any). */
async function init(...args: string[]): Promise<{ code: number | null; out: string; error: unknown }> {
  let out = '';
  let code: number | null = null;
  const io: CliIo = {
    stdout: { write: (s: string) => { out += s; } }, stderr: { write: () => undefined },
    stdinIsTTY: false, env: {}, cwd: dir,
  };
  const program = new Command('schemac').exitOverride();
  registerInit(program, io, (c) => { code = c; });
  try {
    await program.parseAsync(['node', 'schemac', 'init', ...args]);
    return { code, out, error: null };
  } catch (error) {
    return { code, out, error };
  }
}

const files = (): string[] => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => f.split(path.sep).join('/')).sort();
const configPath = (): string => path.join(dir, 'schemac.config.json');
const tablePath = (): string => path.join(dir, 'schema/projects.schema.ts');

describe('schemac init', () => {
  it('writes a valid config that points editors at the JSON Schema, and an example table', async () => {
    const r = await init();
    expect(r.error).toBeNull();
    expect(r.code).toBe(0);
    expect(r.out).toContain('wrote schemac.config.json\nwrote schema/projects.schema.ts\n');
    expect(files()).toEqual(['schema', 'schema/projects.schema.ts', 'schemac.config.json']);
    const raw = JSON.parse(fs.readFileSync(configPath(), 'utf8')) as { $schema: string };
    expect(raw.$schema).toBe('./node_modules/schemac/schemac.config.schema.json');
    const loaded = loadConfig(dir);
    expect(loaded.file).toBe(configPath());
    expect(loaded.config.schema).toBe(path.join(dir, 'schema'));
  });

  it('writes an example table that compiles and passes lint', async () => {
    await init();
    const { database, diagnostics } = compileSchema(path.join(dir, 'schema'));
    expect(diagnostics).toEqual([]);
    expect(database.tables.map((t) => t.name)).toEqual(['projects']);
    expect(database.tables[0]?.checks.map((c) => c.name)).toEqual(['ck_projects_status']);
    expect(lint(database, loadConfig(dir).config.lint)).toEqual([]);
  });

  it('refuses to run a second time and leaves the files as they were', async () => {
    await init();
    fs.writeFileSync(configPath(), '{"schema": "mine"}\n');
    const r = await init();
    expect(r.error).toBeInstanceOf(CliError);
    expect((r.error as Error).message).toBe('schemac.config.json, schema/projects.schema.ts already exist; nothing was written (use --force to overwrite)');
    expect(r.code).toBeNull();
    expect(fs.readFileSync(configPath(), 'utf8')).toBe('{"schema": "mine"}\n');
  });

  it('writes nothing when only one target exists', async () => {
    fs.mkdirSync(path.join(dir, 'schema'));
    fs.writeFileSync(tablePath(), '// mine\n');
    const r = await init();
    expect((r.error as Error).message).toBe('schema/projects.schema.ts already exists; nothing was written (use --force to overwrite)');
    expect(files()).toEqual(['schema', 'schema/projects.schema.ts']);
    expect(fs.readFileSync(tablePath(), 'utf8')).toBe('// mine\n');
  });

  it('overwrites with --force, leaving no temporary files', async () => {
    await init();
    fs.writeFileSync(configPath(), '{}');
    fs.writeFileSync(tablePath(), '// mine\n');
    const r = await init('--force');
    expect(r.error).toBeNull();
    expect(r.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(configPath(), 'utf8'))).toHaveProperty('$schema');
    expect(fs.readFileSync(tablePath(), 'utf8')).toContain("@Table('projects')");
    expect(files()).toEqual(['schema', 'schema/projects.schema.ts', 'schemac.config.json']);
  });
});
