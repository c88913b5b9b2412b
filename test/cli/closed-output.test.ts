/**
 * `schemac snapshot | head`: when the reader closes the pipe early, schemac ends quietly with its
 * own exit code, with no EPIPE stack trace. Only a real process shows this, so each case runs
 * the CLI as a child whose stdout is closed before it writes.
 */
import { spawn } from 'child_process';
import * as path from 'path';
import { registerTs, repoRoot } from './run-cli';

interface ClosedRun { readonly code: number | null; readonly signal: NodeJS.Signals | null; readonly stderr: string }

/** Runs `schemac <args>` from source with its stdout closed by the reader at once. */
function withStdoutClosed(args: string[]): Promise<ClosedRun> {
  const entry = path.join(repoRoot, 'test/e2e/support/child-main.ts');
  const child = spawn(process.execPath, ['-r', registerTs, entry, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // What `head -0` does: the reading end goes away, so every write the child makes fails with EPIPE.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

const catalog = path.join('test', 'fixtures', 'catalog', 'brownfield.json');

describe('a command whose output is closed early', () => {
  it.each([
    ['snapshot', ['snapshot', '--catalog', catalog]],
    ['--help', ['--help']],
  ])('%s ends quietly with its own exit code', async (_name, args) => {
    const r = await withStdoutClosed(args);
    expect(r.stderr).not.toMatch(/EPIPE|Error:|\n\s+at /);
    expect(r).toMatchObject({ code: 0, signal: null });
  }, 60_000);
});
