/**
 * A V8 code cache for TypeScript's compiler (one 9 MB file, parsed and compiled on every run
 * otherwise: about a third of `schemac check`'s time on a small schema). The first run stores
 * V8's compiled code in a per-user folder of the OS temp directory; later runs hand it back to
 * V8, which verifies it matches the source and this V8 and otherwise compiles as usual. Node 22's
 * module.enableCompileCache does this for every module and is used when present.
 * NODE_DISABLE_COMPILE_CACHE=1 turns either off.
 */
import * as fs from 'fs';
import Module = require('module');
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import { writeFileAtomic } from '../util/atomic-write';

/** Files this large are worth caching (TypeScript's compiler; nothing else schemac loads comes close). */
const MIN_BYTES = 1_000_000;

interface CompilingModule {
  exports: unknown;
  _compile(content: string, filename: string): unknown;
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

/** Installs the cache for this process (call before the compiler is first required). */
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
  proto._compile = function compileWithCache(this: CompilingModule, content: string, filename: string): unknown {
    if (content.length < MIN_BYTES) return original.call(this, content, filename);
    dir ??= cacheDir();
    if (dir === null) return original.call(this, content, filename);
    // crypto loads only here: --help and --version never pay for it.
    const { createHash } = require('crypto') as typeof import('crypto');
    const key = createHash('sha256').update(`${filename}\0${content.length}\0${process.version}\0${process.arch}`).digest('hex').slice(0, 32);
    const file = path.join(dir, `${key}.bin`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = fs.readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected === true) {
      // Stored at exit, so the functions this run compiled lazily are in it too.
      process.once('exit', () => {
        try {
          writeFileAtomic(file, script.createCachedData(), { mode: 0o600 });
        } catch {
          // A cache that cannot be written only costs the next run its compile time.
        }
      });
    }
    const fn = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return fn.call(this.exports, this.exports, Module.createRequire(filename), this, filename, path.dirname(filename));
  };
}
