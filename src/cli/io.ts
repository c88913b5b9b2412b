/** The streams and environment a CLI run talks to, injectable so tests run commands in-process. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stdinIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/**
 * The real process streams. Each is made on first use: Node builds process.stdin and
 * process.stderr when they are first read, about a tenth of `schemac --help`'s own work, and most
 * runs never read stdin or write to stderr.
 */
export function processIo(): CliIo {
  let stdout: CliIo['stdout'] | undefined;
  let stderr: CliIo['stderr'] | undefined;
  return {
    get stdout() { return (stdout ??= quietWhenClosed(process.stdout)); },
    get stderr() { return (stderr ??= quietWhenClosed(process.stderr)); },
    get stdinIsTTY() { return Boolean(process.stdin.isTTY); },
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org) or --no-color given. */
export function useColor(stream: CliIo['stdout'], env: CliIo['env'], flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

/**
 * A process stream that goes quiet once its reader is gone (`schemac snapshot | head`): EPIPE is
 * the reader's decision, not a failure, so later writes are dropped and the command finishes with
 * its own exit code instead of dying with a stack trace. Other stream errors still surface.
 */
function quietWhenClosed(stream: NodeJS.WriteStream): CliIo['stdout'] {
  let closed = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    closed = true;
  });
  return {
    write: (text: string) => (closed ? false : stream.write(text)),
    get isTTY() { return stream.isTTY; },
  };
}
