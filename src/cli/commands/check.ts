import type { Command } from 'commander';
import { addAllInfoOption, addSchemaOption, addTypeCheckOption } from '../common-options';
import { ExitCode } from '../exit-codes';
import type { CliIo } from '../io';

/** `schemac check`: compile the schema and report diagnostics (exit 1 on errors). */
export function registerCheck(program: Command, io: CliIo, setExit: (code: number) => void): void {
  addAllInfoOption(addTypeCheckOption(addSchemaOption(program.command('check'))))
    .description('compile the schema files and report errors and warnings')
    .action(async (opts: { schema?: string; config?: string; typeCheck?: boolean; allInfo?: boolean }) => {
      // Loaded when the command runs, so --help and other commands never load the compiler.
      const [{ check }, { appContext }] = await Promise.all([import('../../app/check'), import('../report')]);
      const result = await check(appContext(io, { allInfo: opts.allInfo }), { ...opts, typeCheck: opts.typeCheck !== false });
      const count = result.database.tables.length;
      io.stdout.write(`schema OK: ${count} table${count === 1 ? '' : 's'} in ${result.schemaShown}\n`);
      setExit(ExitCode.ok);
    });
}
