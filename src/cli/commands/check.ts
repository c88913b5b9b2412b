import type { Command } from 'commander';
import { addSchemaOption } from '../common-options';
import type { CliIo } from '../io';
import { compileOrFail } from '../pipeline';
import { loadProject } from '../project';

/** `schemac check`: compile the schema and report diagnostics (exit 1 on errors). */
export function registerCheck(program: Command, io: CliIo, setExit: (code: number) => void): void {
  addSchemaOption(program.command('check'))
    .description('compile the schema files and report errors and warnings')
    .action((opts: { schema?: string; config?: string }) => {
      const project = loadProject(io, opts);
      const db = compileOrFail(io, project, true, true);
      const count = db.tables.length;
      io.stdout.write(`schema OK: ${count} table${count === 1 ? '' : 's'} in ${project.schemaShown}\n`);
      setExit(0);
    });
}
