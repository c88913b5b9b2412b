/** Runs the schemac CLI in-process with captured output, as a user's terminal or CI would see it. */
import * as path from 'path';
import { run } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const repoRoot = path.resolve(__dirname, '../..');

/** `node -r <this>` runs the TypeScript sources in a child process, transpiled once across processes (see the file). */
export const registerTs = path.join(repoRoot, 'test', 'support', 'register-ts.js');

/** `schemac <args>` from `cwd` (default: the repository, so schema/ is the built-in example). */
export async function schemac(args: string[], options: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => { stdout += s; return true; }, isTTY: options.tty ?? false },
    stderr: { write: (s: string) => { stderr += s; return true; }, isTTY: false },
    stdinIsTTY: options.tty ?? false,
    env: options.env ?? {},
    cwd: options.cwd ?? repoRoot,
  };
  const code = await run(['node', 'schemac', ...args], io);
  return { code, stdout, stderr };
}
