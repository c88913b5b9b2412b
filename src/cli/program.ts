import { Command } from 'commander';
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
import type { CliIo } from './io';

/**
 * Builds the commander program; each command reports its exit code through setExit. Command
 * modules load their work (compiler, driver) inside their actions, so building the program and
 * printing help or the version loads neither.
 */
export function buildProgram(io: CliIo, setExit: (code: number) => void, version: string): Command {
  const program = new Command('schemac')
    .description('Declarative schema-diff compiler for Microsoft SQL Server')
    .version(version)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  registerCheck(program, io, setExit);
  registerPlan(program, io, setExit);
  registerEmitSql(program, io, setExit);
  registerSnapshot(program, io, setExit);
  registerApply(program, io, setExit, version);
  registerHistory(program, io, setExit);
  registerReview(program, io, setExit);
  registerInit(program, io, setExit);
  registerPull(program, io, setExit);
  registerMigrate(program, io, setExit, version);
  for (const cmd of [program, ...program.commands]) {
    // A mistake gets one line and a hint, not the whole help (commander suggests close matches).
    cmd.exitOverride().showSuggestionAfterError(true).showHelpAfterError(`(run '${helpCommand(cmd)}' for the options)`);
  }
  return program;
}

function helpCommand(cmd: Command): string {
  return cmd.parent ? `schemac ${cmd.name()} --help` : 'schemac --help';
}
