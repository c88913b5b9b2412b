/**
 * The code cache (src/cli/code-cache.ts) changes how fast modules load, never what they do: a
 * module edited since it was cached runs as edited, even when its length is unchanged (V8 itself
 * checks only the length), and a cached module's `require` behaves as Node's own.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { registerTs, repoRoot } from './run-cli';

let work: string;

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-code-cache-test-'));
  fs.mkdirSync(path.join(work, 'tmp'));
  fs.mkdirSync(path.join(work, 'app'));
});

afterEach(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

/** Runs app/main.js in a fresh process with the code cache on (its folder under `work`); returns what it printed. */
function runApp(): string {
  const script = `
    require(${JSON.stringify(path.join(repoRoot, 'src/cli/code-cache.ts'))}).enableCodeCache();
    require(${JSON.stringify(path.join(work, 'app', 'main.js'))});
  `;
  return execFileSync(process.execPath, ['-r', registerTs, '-e', script], {
    cwd: repoRoot, encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', TMPDIR: path.join(work, 'tmp') },
  });
}

function write(name: string, text: string): void {
  fs.writeFileSync(path.join(work, 'app', name), text);
}

/** The shared cache file of small modules, and when it was last written. */
function storeWritten(): { file: string; mtimeMs: number }[] {
  const dirs = fs.readdirSync(path.join(work, 'tmp')).filter((d) => d.startsWith('schemac-code-cache-'));
  return dirs.flatMap((d) => fs.readdirSync(path.join(work, 'tmp', d)).filter((f) => f.startsWith('modules-'))
    .map((f) => ({ file: f, mtimeMs: fs.statSync(path.join(work, 'tmp', d, f)).mtimeMs })));
}

/** The cache folder the app's runs use (made now, as the cache makes it). */
function cacheFolder(): string {
  const dir = path.join(work, 'tmp', `schemac-code-cache-${process.getuid?.() ?? os.userInfo().username}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** Sets a file's modification time `days` ago. */
function age(file: string, days: number): void {
  const when = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  fs.utimesSync(file, when, when);
}

describe('code cache', () => {
  it('runs a module edited after it was cached as edited, though its length is the same', () => {
    write('main.js', "console.log(require('./answer.js'));\n");
    write('answer.js', "module.exports = 'one';\n");
    expect(runApp()).toBe('one\n');
    const stored = storeWritten();
    expect(stored).toHaveLength(1);
    // The second run is served from the cache: nothing new to store.
    expect(runApp()).toBe('one\n');
    expect(storeWritten()).toEqual(stored);
    write('answer.js', "module.exports = 'two';\n");
    expect(runApp()).toBe('two\n');
    expect(storeWritten()).not.toEqual(stored);
    expect(runApp()).toBe('two\n');
  });

  it("gives a cached module Node's own require: resolution, the module tree and the main module", () => {
    write('main.js', [
      "const dep = require('./dep');",
      "console.log(JSON.stringify({",
      "  dep, children: module.children.map((m) => require('path').basename(m.filename)),",
      "  resolved: require('path').basename(require.resolve('./dep')), paths: Array.isArray(require.resolve.paths('x')),",
      "  cache: require.cache === require('module')._cache, main: require.main === process.mainModule,",
      "}));",
      '',
    ].join('\n'));
    write('dep.js', 'module.exports = 42;\n');
    const expected = { dep: 42, children: ['dep.js'], resolved: 'dep.js', paths: true, cache: true, main: true };
    expect(JSON.parse(runApp())).toEqual(expected);
    expect(JSON.parse(runApp())).toEqual(expected);
  });

  it('removes cache files no run has used for 30 days when it writes one, and keeps those in use', () => {
    const dir = cacheFolder();
    const gone = path.join(dir, 'modules-v0.0.0-x64-00000000.bin');
    const killedRunTemp = path.join(dir, '.0123456789abcdef.bin.tmp-4242');
    const recent = path.join(dir, '0123456789abcdef0123456789abcdef.bin');
    const notOurs = path.join(dir, 'notes.txt');
    for (const f of [gone, killedRunTemp, recent, notOurs]) fs.writeFileSync(f, 'x');
    for (const f of [gone, killedRunTemp, notOurs]) age(f, 40);
    age(recent, 10);
    write('main.js', "console.log('ran');\n");
    expect(runApp()).toBe('ran\n');
    const [store] = storeWritten();
    expect(store).toBeDefined();
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(recent), store?.file, 'notes.txt'].sort());

    // A store in use is marked used, so a later run that writes a cache file spares it.
    const storeFile = path.join(dir, store?.file ?? '');
    age(storeFile, 40);
    expect(runApp()).toBe('ran\n');
    expect(Date.now() - fs.statSync(storeFile).mtimeMs).toBeLessThan(60 * 60 * 1000);
  });
});
