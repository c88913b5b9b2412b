/**
 * A command loads only what it uses: help and the version load neither the TypeScript compiler
 * nor the SQL Server driver, and commands that compile or read a file never load the driver.
 * (What is loaded, not how long it takes: that is measured by the bench, never by a test.)
 */
import { execFile, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { registerTs, repoRoot } from './run-cli';

// The compiler is TypeScript as @ts-morph/common bundles it (src/compiler/typescript.ts), or all of ts-morph.
const heavy = ['typescript', 'ts-morph', '@ts-morph/common', 'mssql', 'tedious'] as const;
type Heavy = (typeof heavy)[number];

/** Runs `schemac <args>` (each of `runs` in turn) in one fresh process: their exit codes and every file loaded. */
function runsLoading(runs: string[][]): Promise<{ codes: number[]; files: string[] }> {
  const script = `
    const main = require(${JSON.stringify(path.join(repoRoot, 'src/cli/main.ts'))});
    const quiet = { write: () => true };
    (async () => {
      const codes = [];
      for (const args of ${JSON.stringify(runs)}) {
        codes.push(await main.run(['node', 'schemac', ...args], { stdout: quiet, stderr: quiet, stdinIsTTY: false, env: {}, cwd: ${JSON.stringify(repoRoot)} }));
      }
      process.stdout.write(JSON.stringify({ codes, files: Object.keys(require.cache) }));
    })();
  `;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-r', registerTs, '-e', script], {
      cwd: repoRoot, env: { PATH: process.env.PATH ?? '' }, maxBuffer: 64 * 1024 * 1024,
    }, (error, stdout) => {
      if (error) return reject(error);
      resolve(JSON.parse(stdout) as { codes: number[]; files: string[] });
    });
  });
}

const loaded = new Map<string, Promise<string[]>>();

/** The files `schemac <args>` loads in a fresh process (run once per args for all the tests that ask). */
function filesLoadedBy(args: string[]): Promise<string[]> {
  const key = JSON.stringify(args);
  const files = loaded.get(key) ?? runsLoading([args]).then((r) => r.files);
  loaded.set(key, files);
  return files;
}

/** Whether a loaded file belongs to the package `name`. */
function inPackage(file: string, name: string): boolean {
  return new RegExp(`[\\\\/]node_modules[\\\\/]${name.replace('/', '[\\\\/]')}[\\\\/]`).test(file);
}

/** Runs `schemac <args>` in a fresh process and lists the heavy packages it loaded. */
async function loadedBy(args: string[]): Promise<Heavy[]> {
  const files = await filesLoadedBy(args);
  return heavyIn(files);
}

/** The heavy packages among loaded files. */
function heavyIn(files: readonly string[]): Heavy[] {
  // The test's transpiling hook (register-ts.js) loads typescript for a source it has not cached
  // yet, so it is recognised by who asked:
  // only files schemac's own modules reached count, and typescript counts through @ts-morph/common.
  return heavy.filter((name) => name !== 'typescript' && files.some((f) => inPackage(f, name)));
}

/** schemac's own source files a run loaded, relative to src/ with '/' separators. */
function ownModules(files: readonly string[]): string[] {
  const src = path.join(repoRoot, 'src') + path.sep;
  return files.filter((f) => f.startsWith(src)).map((f) => f.slice(src.length).split(path.sep).join('/'));
}

const catalog = path.join('test', 'fixtures', 'catalog', 'brownfield.json');

/** Runs `schemac <args>` in `cwd` in a fresh process: its exit code and, at each child process it spawns, the files loaded by then. */
function loadedAtEachSpawn(args: string[], cwd: string): Promise<{ code: number; atSpawn: string[][] }> {
  const script = `
    const childProcess = require('child_process');
    const spawn = childProcess.spawn;
    const atSpawn = [];
    childProcess.spawn = function (...a) { atSpawn.push(Object.keys(require.cache)); return spawn.apply(this, a); };
    const main = require(${JSON.stringify(path.join(repoRoot, 'src/cli/main.ts'))});
    const quiet = { write: () => true };
    main.run(['node', 'schemac', ...${JSON.stringify(args)}], { stdout: quiet, stderr: quiet, stdinIsTTY: false, env: {}, cwd: ${JSON.stringify(cwd)} })
      .then((code) => process.stdout.write(JSON.stringify({ code, atSpawn })));
  `;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-r', registerTs, '-e', script], {
      cwd: repoRoot, env: { PATH: process.env.PATH ?? '' }, maxBuffer: 64 * 1024 * 1024,
    }, (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as { code: number; atSpawn: string[][] })));
  });
}

describe('lazy loading', () => {
  it.each([
    [['--help']], [['--version']], [['plan', '--help']], [['snapshot', '--catalog', catalog]],
  ])('schemac %j loads neither the compiler nor the driver', async (args) => {
    expect(await loadedBy(args)).toEqual([]);
  }, 60_000);

  it('plan against a snapshot loads the compiler but not the driver', async () => {
    expect(await loadedBy(['plan', '--catalog', catalog, '--no-type-check'])).toEqual(['@ts-morph/common']);
  }, 60_000);

  it('check and emit-sql --empty (one process, one after the other) load the compiler but not the driver', async () => {
    const { codes, files } = await runsLoading([['check'], ['emit-sql', '--empty', '--no-type-check']]);
    expect(codes).toEqual([0, 0]);
    expect(heavyIn(files)).toEqual(['@ts-morph/common']);
  }, 60_000);

  it('schemac --version loads neither commander nor any command', async () => {
    const { codes, files } = await runsLoading([['--version']]);
    expect(codes).toEqual([0]);
    expect(files.filter((f) => inPackage(f, 'commander'))).toEqual([]);
    expect(ownModules(files).filter((f) => f.startsWith('cli/commands/'))).toEqual([]);
  }, 60_000);

  it.each([[['--help']], [['plan', '--help']]])('schemac %j loads only the CLI\'s wiring, none of the work the commands do', async (args) => {
    // The commands' descriptions and options are declared in src/cli; what they run loads in their actions.
    // Help may cite SQL Server's limits (src/sqlserver: rules as data, e.g. resumable builds' MAX_DURATION).
    const outsideCli = ownModules(await filesLoadedBy(args)).filter((f) => !f.startsWith('cli/') && !f.startsWith('sqlserver/') && f !== 'app/errors.ts');
    expect(outsideCli).toEqual([]);
  }, 60_000);
  // The native check (a child process) runs while the rest loads: started by the light part of
  // plan (app/plan.ts, app/compile-start.ts, compiler/compile-start.ts) before the parser, the
  // compiler's extraction and the differ are loaded.
  it.each([['plan', '--empty'], ['emit-sql', '--empty']])('%s %s starts the type check before loading the compiler and the differ', async (...args) => {
    // The example's schema in a folder of its own: no node_modules, so no type-check cache that
    // an earlier test may have filled (a remembered clean schema starts no check).
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-early-check-'));
    fs.cpSync(path.join(repoRoot, 'schema'), path.join(project, 'schema'), { recursive: true });
    const { code, atSpawn } = await loadedAtEachSpawn(args, project).finally(() => fs.rmSync(project, { recursive: true, force: true }));
    expect(code).toBe(0);
    expect(atSpawn.length).toBe(1);
    const loadedFirst = ownModules(atSpawn[0] ?? []);
    expect(loadedFirst).toContain('compiler/compile-start.ts');
    expect(loadedFirst.filter((f) => f === 'compiler/compile.ts' || f === 'compiler/typescript.ts' || f.startsWith('differ/'))).toEqual([]);
  }, 60_000);

  // review has two checks, the working tree's and the base ref's: both start while the rest loads.
  it('review --base starts both type checks before loading the compiler and the differ', async () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-early-review-'));
    fs.cpSync(path.join(repoRoot, 'schema'), path.join(project, 'schema'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', args, {
      cwd: project, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
    });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    const { code, atSpawn } = await loadedAtEachSpawn(['review', '--base', 'HEAD'], project).finally(() => fs.rmSync(project, { recursive: true, force: true }));
    expect(code).toBe(0);
    expect(atSpawn.length).toBe(2);
    for (const files of atSpawn) {
      expect(ownModules(files).filter((f) => f === 'compiler/compile.ts' || f === 'compiler/typescript.ts' || f.startsWith('differ/'))).toEqual([]);
    }
  }, 60_000);
});
