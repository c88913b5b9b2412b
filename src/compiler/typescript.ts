/**
 * TypeScript's compiler API (the copy @ts-morph/common bundles), loaded without the rest of
 * ts-morph and @ts-morph/common: the compiler uses none of their wrappers, and requiring them
 * read and compiled about 6 MB more JavaScript on every run. Import it as
 * `import ts = require('./typescript')`; type-only uses may keep `import type { ts } from 'ts-morph'`.
 */
import * as fs from 'fs';
import Module = require('module');
import * as path from 'path';

/** Node's loader of one .js file (Module._extensions['.js']): reads the file and hands the text to module._compile. */
type JsLoader = (this: unknown, module: { _compile(content: string, filename: string): unknown; exports: unknown }, filename: string) => unknown;

const bundlePath = require.resolve('@ts-morph/common/dist/typescript.js');

/**
 * The cut of the bundle `npm run build` writes beside this file (scripts/trim-typescript.js):
 * only what the compiler uses, about a third of the 9 MB, checked at build time to parse as
 * the whole does. Named after the size of the bundle it was cut from, so an updated dependency
 * is never paired with an old cut. Absent when running from source: the whole bundle is used.
 */
function cutBundle(): string | undefined {
  try {
    const cut = path.join(__dirname, `typescript-parser-${fs.statSync(bundlePath).size}.js`);
    return fs.existsSync(cut) ? cut : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Has Node load `file` in place of the bundle, its text read as bytes and decoded here, once:
 * Node 20's own read of a .js file (readFileSync with 'utf8') took about twice as long on the
 * 9 MB bundle (~150 ms vs ~80 ms of CPU in a fresh process). The text still goes through
 * module._compile, so the CLI's code cache applies. A test runner with its own module system
 * never consults the hook.
 */
function readAsBytes(file: string): () => void {
  const extensions = (Module as unknown as { _extensions?: Record<string, JsLoader | undefined> })._extensions;
  const nodeLoader = extensions?.['.js'];
  if (extensions === undefined || nodeLoader === undefined) return () => undefined;
  const original: JsLoader = nodeLoader;
  const loadJs: JsLoader = function loadJs(module, filename) {
    if (filename !== bundlePath) return original.call(this, module, filename);
    restore();
    const text = fs.readFileSync(file).toString('utf8');
    const result = module._compile(text, file);
    if (file !== bundlePath) module.exports = withOwnExports(module.exports as object, keptNames(text));
    return result;
  };
  const restore = (): void => {
    if (extensions['.js'] === loadJs) extensions['.js'] = original;
  };
  extensions['.js'] = loadJs;
  return restore;
}

/** The names the cut keeps, from its first line (`// TypeScript x cut by trim-typescript.js <hash> to: a b c`); none when it is not there. */
function keptNames(text: string): string[] {
  const first = text.slice(0, text.indexOf('\n'));
  const match = /^\/\/ .* cut by trim-typescript\.js \S+ to: (.+)$/.exec(first);
  return match === null ? [] : match[1].split(' ');
}

/**
 * The cut's exports with the kept names as plain values of a small object whose prototype is
 * the module's own exports object (so every other name is still read from there). That object
 * holds a getter for each of TypeScript's 2,000-odd exports, too many for V8 to keep it as
 * anything but a dictionary: every `ts.isIdentifier(node)` of extraction was a hash lookup and
 * a getter call its optimizing compiler could not inline.
 */
function withOwnExports(exports: object, names: readonly string[]): object {
  const own = Object.create(exports) as Record<string, unknown>;
  for (const name of names) {
    if (Object.prototype.hasOwnProperty.call(exports, name)) Object.defineProperty(own, name, { value: (exports as Record<string, unknown>)[name], enumerable: true });
  }
  return own;
}

const cut = cutBundle();
const restoreLoader = readAsBytes(cut ?? bundlePath);
import ts = require('@ts-morph/common/dist/typescript.js');
// Already loaded (by ts-morph itself, say): the hook was never used.
restoreLoader();
// The cut was loaded under the bundle's name: whoever needs the whole compiler (program.ts) gets it.
if (cut !== undefined && require.cache[bundlePath]?.exports === ts) delete require.cache[bundlePath];

export = ts;
