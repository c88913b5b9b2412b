import type { Command } from 'commander';
import { addSchemaOption } from '../common-options';
import type { CliIo } from '../io';
import { compileOrFail } from '../pipeline';

/** `schemac check`: compile the schema and report diagnostics (exit 1 on errors). */
export function registerCheck(program: Command, io: CliIo, setExit: (code: number) => void): void {
  addSchemaOption(program.command('check'))
    .description('compile the schema files and report errors and warnings')
    .action((opts: { schema: string }) => {
      const db = compileOrFail(io, opts.schema);
      const count = db.tables.length;
      io.stdout.write(`schema OK: ${count} table${count === 1 ? '' : 's'} in ${opts.schema}\n`);
      setExit(0);
    });
}
