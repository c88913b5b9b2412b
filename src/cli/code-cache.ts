/**
 * V8 code caches for the modules a run loads, so each run does not parse and compile them again:
 * TypeScript's compiler (one 9 MB file, about a third of `schemac check`'s time on a small schema)
 * in a cache file of its own, and every smaller module (schemac's own few hundred dist/ files,
 * commander, chalk, the driver) in one shared file, read once (code-cache-store.ts). The caches
 * live in a per-user folder of the OS temp directory (files no run has used for 30 days are
 * removed: each build writes new ones); V8 verifies that cached code matches this
 * V8 and otherwise compiles as usual. The first run of a build stores what it compiled at exit.
 * Node 22's module.enableCompileCache does this for every module and is used when present.
 * NODE_DISABLE_COMPILE_CACHE=1 turns either off.
 */
import * as fs from 'fs';
import Module = require('module');
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import { writeFileAtomic } from '../util/atomic-write';
import { fileIdentity, readStore, writeStore, type FreshEntry, type StoredEntries } from './code-cache-store';

/** Files this large get a cache file of their own (TypeScript's compiler; nothing else schemac loads comes close). */
const OWN_FILE_BYTES = 1_000_000;

interface CompilingModule {
  exports: unknown;
  require(id: string): unknown;
  _compile(content: string, filename: string): unknown;
}

/** The parts of Node's CommonJS loader a module's `require` function reaches (as Node's own makeRequireFunction). */
interface Loader {
  _resolveFilename(request: string, parent: CompilingModule, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: CompilingModule): string[] | null;
  _extensions: unknown;
  _cache: unknown;
}

/** The per-user cache folder, or null when it cannot be made safely (not ours, not a folder). */
function cacheDir(): string | null {
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  const dir = path.join(os.tmpdir(), `schemac-code-cache-${uid ?? os.userInfo().username}`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    // Code read from a folder another user could write into would be theirs to choose.
    if (!st.isDirectory() || (uid !== null && st.uid !== uid) || (uid !== null && (st.mode & 0o022) !== 0)) return null;
    return dir;
  } catch {
    return null;
  }
}

/**
 * Cache files no run has used for this long belong to builds or Node versions gone since (each
 * build of schemac writes new ones): a run that writes a cache file removes them, so the folder
 * holds what was used lately rather than every build ever run.
 */
const UNUSED_FOR_MS = 30 * 24 * 60 * 60 * 1000;
/** A cache file in use has its time set to now when it is older than this: at most one write a day. */
const MARK_USED_AFTER_MS = 24 * 60 * 60 * 1000;

/** Records that `file` served this run (its mtime), so that pruning spares it; a failure costs nothing. */
function markUsed(file: string): void {
  try {
    const now = Date.now();
    if (now - fs.statSync(file).mtimeMs < MARK_USED_AFTER_MS) return;
    const when = new Date(now);
    fs.utimesSync(file, when, when);
  } catch {
    // Gone meanwhile, or not ours to touch: only pruning would see it as unused.
  }
}

/** Removes the folder's cache files (and a killed run's temporaries) that no run has used for UNUSED_FOR_MS. */
function pruneUnused(dir: string): void {
  try {
    const now = Date.now();
    for (const entry of fs.readdirSync(dir)) {
      if (!entry.endsWith('.bin') && !/\.bin\.tmp-\d+$/.test(entry)) continue;
      const file = path.join(dir, entry);
      try {
        if (now - fs.statSync(file).mtimeMs > UNUSED_FOR_MS) fs.rmSync(file, { force: true });
      } catch {
        // Removed meanwhile by another run.
      }
    }
  } catch {
    // An unreadable folder: nothing pruned this time.
  }
}

/** A short, stable hash of a string (FNV-1a), for file names: no crypto module on the way to --help. */
function nameHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The `require` a module's code is given, as Node's loader makes it (so `module.children`, `require.main` and resolution stay as without the cache). */
function requireFor(mod: CompilingModule): NodeJS.Require {
  const loader = Module as unknown as Loader;
  const require = ((id: string) => mod.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: unknown) => loader._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => loader._resolveLookupPaths(request, mod);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = loader._extensions as NodeJS.Require['extensions'];
  require.cache = loader._cache as NodeJS.Require['cache'];
  return require;
}

// Code that calls import() needs the loader's callback; where Node cannot give it (before 20.12)
// such a module compiles as usual.
const dynamicImport = (vm as unknown as { constants?: { USE_MAIN_CONTEXT_DEFAULT_LOADER?: symbol } }).constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;

/** Compiles a module's source, with cached data when there is some; reports whether the cache served. */
function compile(content: string, filename: string, cachedData: Buffer | undefined): { script: vm.Script; cached: boolean } {
  const script = new vm.Script(Module.wrap(content), {
    filename, cachedData,
    ...(dynamicImport !== undefined ? { importModuleDynamically: dynamicImport as unknown as vm.ScriptOptions['importModuleDynamically'] } : {}),
  });
  return { script, cached: cachedData !== undefined && script.cachedDataRejected !== true };
}

/** The shared file of the small modules, read at the first of them; written at exit when this run compiled any. */
class SmallModules {
  private readonly previous: StoredEntries;
  private readonly fresh = new Map<string, FreshEntry>();

  constructor(private readonly file: string) {
    this.previous = readStore(file);
    if (this.previous.size > 0) markUsed(file);
  }

  script(content: string, filename: string): vm.Script {
    const identity = fileIdentity(filename);
    const stored = this.previous.get(filename);
    const { script, cached } = compile(content, filename, identity !== null && stored?.identity === identity ? stored.data : undefined);
    if (!cached && identity !== null) {
      if (this.fresh.size === 0) process.once('exit', () => this.save());
      this.fresh.set(filename, { identity, data: () => script.createCachedData() });
    }
    return script;
  }

  private save(): void {
    try {
      writeStore(this.file, this.previous, this.fresh);
    } catch {
      // A cache that cannot be written only costs the next run its compile time.
    }
    pruneUnused(path.dirname(this.file));
  }
}

/** A large module's own cache file. */
function largeModuleScript(dir: string, content: string, filename: string): vm.Script {
  // crypto loads only here, with the compiler: --help and --version never pay for it.
  const { createHash } = require('crypto') as typeof import('crypto');
  const key = createHash('sha256').update(`${filename}\0${fileIdentity(filename) ?? content.length}\0${process.version}\0${process.arch}`).digest('hex').slice(0, 32);
  const file = path.join(dir, `${key}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(file);
  } catch {
    cachedData = undefined;
  }
  const { script, cached } = compile(content, filename, cachedData);
  if (cached) markUsed(file);
  else {
    // Stored at exit, so the functions this run compiled lazily are in it too.
    process.once('exit', () => {
      try {
        writeFileAtomic(file, script.createCachedData(), { mode: 0o600 });
      } catch {
        // A cache that cannot be written only costs the next run its compile time.
      }
      pruneUnused(dir);
    });
  }
  return script;
}

/** Installs the cache for this process (call before the modules it should serve are first required). */
export function enableCodeCache(): void {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return;
  const withCompileCache = Module as unknown as { enableCompileCache?: () => unknown };
  if (typeof withCompileCache.enableCompileCache === 'function') {
    withCompileCache.enableCompileCache();
    return;
  }
  const proto = Module.prototype as unknown as CompilingModule;
  const original = proto._compile;
  let dir: string | null | undefined;
  let small: SmallModules | undefined;
  proto._compile = function compileWithCache(this: CompilingModule, content: string, filename: string): unknown {
    const large = content.length >= OWN_FILE_BYTES;
    if (!large && dynamicImport === undefined && content.includes('import(')) return original.call(this, content, filename);
    dir ??= cacheDir();
    if (dir === null) return original.call(this, content, filename);
    // One shared file per place schemac is installed and per Node version (cached code is V8's).
    const script = large ? largeModuleScript(dir, content, filename)
      : (small ??= new SmallModules(path.join(dir, `modules-${process.version}-${process.arch}-${nameHash(__dirname)}.bin`))).script(content, filename);
    const fn = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return fn.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
  };
}
