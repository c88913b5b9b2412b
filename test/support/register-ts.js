/**
 * `node -r test/support/register-ts.js file.ts`: runs schemac's TypeScript sources in the child
 * processes tests start (the CLI as a real process, the code cache, lazy loading), as ts-node's
 * transpile-only mode does, with the transpiled output kept on disk between processes.
 *
 * Why not ts-node there: each child process loaded TypeScript itself and transpiled every source
 * file it reached again, about 2.5 s of CPU for a command that runs in 0.3 s from dist/, and the
 * suite starts dozens of them. A file is transpiled once per content; later processes read the
 * result and never load TypeScript. Types are not checked here (tsc does that, as with
 * ts-node's transpile-only).
 *
 * The cache lives under node_modules/.cache (the usual place for a tool's cache, and gone with a
 * fresh install); an entry is keyed by the file's path and text, the tsconfig and TypeScript's
 * version, so an edited file or option is transpiled again.
 */
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const repoRoot = path.resolve(__dirname, '..', '..');
const tsconfigPath = path.join(repoRoot, 'tsconfig.json');
const cacheDir = path.join(repoRoot, 'node_modules', '.cache', 'schemac-test-ts');
const nodeModules = `${path.sep}node_modules${path.sep}`;

/** What every entry's key starts with: the options and the compiler that made it. */
const settingsKey = [
  fs.readFileSync(tsconfigPath, 'utf8'),
  JSON.parse(fs.readFileSync(require.resolve('typescript/package.json'), 'utf8')).version,
  'register-ts 1',
].join('\0');

let compiler; // { ts, options }, loaded at the first file not in the cache

function loadCompiler() {
  if (compiler) return compiler;
  const ts = require('typescript');
  const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(tsconfigPath, ts.sys.readFile).config, ts.sys, repoRoot);
  const options = { ...parsed.options, sourceMap: false, inlineSourceMap: true, inlineSources: false, declaration: false, noEmit: false };
  compiler = { ts, options };
  return compiler;
}

function transpile(file, source) {
  const key = crypto.createHash('sha256').update(settingsKey).update('\0').update(file).update('\0').update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // not cached yet
  }
  const { ts, options } = loadCompiler();
  const output = ts.transpileModule(source, { compilerOptions: options, fileName: file }).outputText;
  // Written whole under a unique name, then renamed: processes running at once never read half a file.
  fs.mkdirSync(cacheDir, { recursive: true });
  const partial = `${cached}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
  fs.writeFileSync(partial, output);
  fs.renameSync(partial, cached);
  return output;
}

require.extensions['.ts'] = function registerTs(module, file) {
  if (file.includes(nodeModules)) throw new Error(`register-ts: a TypeScript file inside node_modules: ${file}`);
  module._compile(transpile(file, fs.readFileSync(file, 'utf8')), file);
};

// Stack traces point into the .ts sources, as under ts-node.
process.setSourceMapsEnabled(true);
