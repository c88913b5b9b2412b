import type { Command } from 'commander';
import { AppError } from '../app/errors';
import { ExitCode, exitCodeOfFailure } from './exit-codes';
import { processIo, type CliIo } from './io';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- package.json is outside rootDir
const VERSION: string = (require('../../package.json') as { version: string }).version;

/** Runs schemac with process-style argv (node, script, ...args) and returns the exit code. */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  // The version alone is answered before commander and the commands load: the same line commander prints.
  if (argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V')) {
    io.stdout.write(`${VERSION}\n`);
    return ExitCode.ok;
  }
  const [{ CommanderError }, { buildProgram }] = await Promise.all([import('commander'), import('./program')]);
  let exitCode: number = ExitCode.ok;
  const program = buildProgram(io, (code) => { exitCode = code; }, VERSION);
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with code 0; usage errors are already printed.
      return err.exitCode === 0 ? ExitCode.ok : ExitCode.error;
    }
    // The scrubber knows every connection string this run could have used, the config's included.
    const { scrubSecrets } = await import('./secrets');
    const secrets = scrubSecrets(argv, io.env, await configUrlOf(program, io));
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`schemac: ${secrets(message)}\n`);
    return err instanceof AppError ? exitCodeOfFailure(err.failure) : ExitCode.error;
  }
}

/**
 * Ends a process that ran `run` with its exit code. A command that failed has given its whole
 * answer, but may leave work nobody waits for: plan reads a server's catalog while TypeScript's
 * check runs, and a connection still being made to a server that does not answer cannot be
 * closed before its connect timeout. So a failed run exits once stdout and stderr have taken
 * everything written; a successful one has awaited all it started and ends by itself.
 */
export function endProcess(code: number): void {
  process.exitCode = code;
  if (code === ExitCode.ok) return;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

/**
 * The config file's database.url for this run (its --config, else schemac.config.json), so its
 * password is scrubbed too; undefined when there is none or the file cannot be read.
 */
async function configUrlOf(program: Command, io: CliIo): Promise<string | undefined> {
  const flag = program.commands.map((c) => c.opts<{ config?: unknown }>().config).find((v): v is string => typeof v === 'string');
  try {
    const { loadConfig } = await import('../config');
    return loadConfig(io.cwd, flag).config.database.url;
  } catch {
    return undefined;
  }
}
