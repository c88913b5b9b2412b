/**
 * A command loads only what it uses: help and the version load neither the TypeScript compiler
 * nor the SQL Server driver, and commands that compile or read a file never load the driver.
 * (What is loaded, not how long it takes: that is measured by the bench, never by a test.)
 */
import { execFile } from 'child_process';
import * as path from 'path';
import { repoRoot } from './run-cli';

// The compiler is TypeScript as @ts-morph/common bundles it (src/compiler/typescript.ts), or all of ts-morph.
const heavy = ['typescript', 'ts-morph', '@ts-morph/common', 'mssql', 'tedious'] as const;
type Heavy = (typeof heavy)[number];

/** Runs `schemac <args>` in a fresh process and lists the heavy packages it loaded. */
function loadedBy(args: string[]): Promise<Heavy[]> {
  const script = `
    const main = require(${JSON.stringify(path.join(repoRoot, 'src/cli/main.ts'))});
    const quiet = { write: () => true };
    main.run(['node', 'schemac', ...${JSON.stringify(args)}], { stdout: quiet, stderr: quiet, stdinIsTTY: false, env: {}, cwd: ${JSON.stringify(repoRoot)} })
      .then((code) => process.stdout.write(JSON.stringify({ code, files: Object.keys(require.cache) })));
  `;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
      cwd: repoRoot, env: { PATH: process.env.PATH ?? '', TS_NODE_PROJECT: path.join(repoRoot, 'tsconfig.json') }, maxBuffer: 64 * 1024 * 1024,
    }, (error, stdout) => {
      if (error) return reject(error);
      const { files } = JSON.parse(stdout) as { files: string[] };
      // ts-node itself loads typescript to transpile the sources, so it is recognised by who asked:
      // only files schemac's own modules reached count, and typescript counts through @ts-morph/common.
      const pkg = (name: Heavy) => new RegExp(`[\\\\/]node_modules[\\\\/]${name.replace('/', '[\\\\/]')}[\\\\/]`);
      resolve(heavy.filter((name) => name !== 'typescript' && files.some((f) => pkg(name).test(f))));
    });
  });
}

const catalog = path.join('test', 'fixtures', 'catalog', 'brownfield.json');

describe('lazy loading', () => {
  it.each([
    [['--help']], [['--version']], [['plan', '--help']], [['snapshot', '--catalog', catalog]],
  ])('schemac %j loads neither the compiler nor the driver', async (args) => {
    expect(await loadedBy(args)).toEqual([]);
  }, 60_000);

  it('plan against a snapshot loads the compiler but not the driver', async () => {
    expect(await loadedBy(['plan', '--catalog', catalog, '--no-type-check'])).toEqual(['@ts-morph/common']);
  }, 60_000);
});
