import { Command, CommanderError } from 'commander';
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
import { CliError, ExitCode } from './errors';
import { processIo, type CliIo } from './io';
import { scrubSecrets } from './secrets';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- package.json is outside rootDir
const VERSION: string = (require('../../package.json') as { version: string }).version;

/** Builds the commander program; each command reports its exit code through setExit. */
function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('schemac')
    .description('Declarative schema-diff compiler for Microsoft SQL Server')
    .version(VERSION)
    .showHelpAfterError()
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
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
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
    const secrets = scrubSecrets(argv, io.env);
    if (err instanceof CliError) {
      io.stderr.write(`schemac: ${secrets(err.message)}\n`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`schemac: ${secrets(message)}\n`);
    return ExitCode.error;
  }
}
