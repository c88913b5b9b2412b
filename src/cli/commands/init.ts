import type { Command } from 'commander';
import { ExitCode } from '../exit-codes';
import type { CliIo } from '../io';

/** `schemac init`: writes schemac.config.json and an example schema file (refuses to overwrite without --force). */
export function registerInit(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program.command('init')
    .description('start a project here: schemac.config.json and an example schema/ file')
    .option('--force', 'overwrite files that already exist')
    .action(async (opts: { force?: boolean }) => {
      const { init } = await import('../../app/init');
      const result = init(io.cwd, { force: opts.force === true });
      for (const f of result.written) io.stdout.write(`wrote ${f}\n`);
      // npx: a project installs schemac as a dependency, so a bare `schemac` is not on the PATH.
      io.stdout.write('next: npx schemac check, then npx schemac plan --empty to see the T-SQL\n');
      setExit(ExitCode.ok);
    });
}
