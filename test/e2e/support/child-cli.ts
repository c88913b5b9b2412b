/**
 * Runs the CLI as a separate Node process. In-process runs share Jest's process, where an
 * uncaught exception fails the test runner instead of the CLI; a child shows what a user sees.
 */
import { execFile } from 'child_process';
import * as path from 'path';
import { registerTs, repoRoot, type CliRun } from '../../cli/run-cli';

/** `schemac <args>` in a child process from `cwd`, with `env` added to a clean environment. */
export function schemacChild(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  const entry = path.join(__dirname, 'child-main.ts');
  return new Promise((resolve) => {
    execFile(process.execPath, ['-r', registerTs, entry, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', NODE_PATH: path.join(repoRoot, 'node_modules'), ...env },
      timeout: 120_000,
    }, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
