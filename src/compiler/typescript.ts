/**
 * TypeScript's compiler API (the copy @ts-morph/common bundles), loaded without the rest of
 * ts-morph and @ts-morph/common: the compiler uses none of their wrappers, and requiring them
 * read and compiled about 6 MB more JavaScript on every run. Import it as
 * `import ts = require('./typescript')`; type-only uses may keep `import type { ts } from 'ts-morph'`.
 */
import * as fs from 'fs';
import Module = require('module');

/** Node's loader of one .js file (Module._extensions['.js']): reads the file and hands the text to module._compile. */
type JsLoader = (this: unknown, module: { _compile(content: string, filename: string): unknown }, filename: string) => unknown;

/**
 * Has Node read the bundle's 9 MB as bytes and decode them here, once: Node 20's own read of a
 * .js file (readFileSync with 'utf8') took about twice as long on it (~150 ms vs ~80 ms of CPU
 * in a fresh process). The text is the same and still goes through module._compile, so the
 * CLI's code cache applies. A test runner with its own module system never consults the hook.
 */
function readAsBytes(file: string): () => void {
  const extensions = (Module as unknown as { _extensions?: Record<string, JsLoader | undefined> })._extensions;
  const nodeLoader = extensions?.['.js'];
  if (extensions === undefined || nodeLoader === undefined) return () => undefined;
  const original: JsLoader = nodeLoader;
  const loadJs: JsLoader = function loadJs(module, filename) {
    if (filename !== file) return original.call(this, module, filename);
    restore();
    return module._compile(fs.readFileSync(filename).toString('utf8'), filename);
  };
  const restore = (): void => {
    if (extensions['.js'] === loadJs) extensions['.js'] = original;
  };
  extensions['.js'] = loadJs;
  return restore;
}

const restoreLoader = readAsBytes(require.resolve('@ts-morph/common/dist/typescript.js'));
import ts = require('@ts-morph/common/dist/typescript.js');
// Already loaded (by ts-morph itself, say): the hook was never used.
restoreLoader();

export = ts;
