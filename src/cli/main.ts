import { Command, CommanderError } from 'commander';
import { AppError } from '../app/errors';
import { registerApply } from './commands/apply';
import { registerCheck } from './commands/check';
import { registerEmitSql } from './commands/emit-sql';
import { registerHistory } from './commands/history';
import { registerInit } from './commands/init';
import { registerMigrate } from './commands/migrate';
import { registerPlan } from './commands/plan';
import { registerPull } from './commands/pull';
import { registerReview } from './commands/review';
import { registerSnapshot } from './commands/snapshot';
import { ExitCode, exitCodeOfFailure } from './exit-codes';
import { processIo, type CliIo } from './io';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- package.json is outside rootDir
const VERSION: string = (require('../../package.json') as { version: string }).version;

/**
 * Builds the commander program; each command reports its exit code through setExit. Command
 * modules load their work (compiler, driver) inside their actions, so building the program and
 * printing help or the version loads neither.
 */
function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('schemac')
    .description('Declarative schema-diff compiler for Microsoft SQL Server')
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  registerCheck(program, io, setExit);
  registerPlan(program, io, setExit);
  registerEmitSql(program, io, setExit);
  registerSnapshot(program, io, setExit);
  registerApply(program, io, setExit, VERSION);
  registerHistory(program, io, setExit);
  registerReview(program, io, setExit);
  registerInit(program, io, setExit);
  registerPull(program, io, setExit);
  registerMigrate(program, io, setExit, VERSION);
  for (const cmd of [program, ...program.commands]) {
    // A mistake gets one line and a hint, not the whole help (commander suggests close matches).
    cmd.exitOverride().showSuggestionAfterError(true).showHelpAfterError(`(run '${helpCommand(cmd)}' for the options)`);
  }
  return program;
}

function helpCommand(cmd: Command): string {
  return cmd.parent ? `schemac ${cmd.name()} --help` : 'schemac --help';
}

/** Runs schemac with process-style argv (node, script, ...args) and returns the exit code. */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = buildProgram(io, (code) => { exitCode = code; });
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
