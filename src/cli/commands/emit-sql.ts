import type { Command } from 'commander';
import { renderScript } from '../../emitters';
import { addPlanOptions, addSchemaOption, addSourceOptions } from '../common-options';
import { ExitCode } from '../errors';
import type { CliIo } from '../io';
import { diff } from '../../differ';
import { compileOrFail, loadCurrent } from '../pipeline';
import { resolveSource } from '../sources';
import { loadProject } from '../project';

interface EmitOptions {
  schema?: string; config?: string; empty?: boolean; catalog?: string; database?: string;
  allowDrop?: boolean; typeCheck?: boolean; down?: boolean; detailedExitcode?: boolean;
}

/** `schemac emit-sql`: the up (or --down) script for sqlcmd, SSMS or a DBA's review. */
export function registerEmitSql(program: Command, io: CliIo, setExit: (code: number) => void): void {
  addPlanOptions(addSourceOptions(addSchemaOption(program.command('emit-sql'))))
    .description('print the T-SQL script that makes the change (or undoes it with --down)')
    .option('--down', 'print the script that undoes the change')
    .option('--detailed-exitcode', 'exit 2 when there are changes, 0 when there are none')
    .action(async (opts: EmitOptions) => {
      const project = loadProject(io, opts);
      const source = resolveSource(opts, io.env, project.config.database.url);
      const desired = compileOrFail(io, project, opts.typeCheck !== false);
      const current = await loadCurrent(io, source, project.config.ignore);
      const plan = diff(desired, current.database, { allowDrop: Boolean(opts.allowDrop) });
      const script = renderScript(plan, {
        direction: opts.down ? 'down' : 'up',
        databaseName: current.database.name,
      });
      io.stdout.write(script.text);
      setExit(opts.detailedExitcode && plan.steps.length > 0 ? ExitCode.changes : ExitCode.ok);
    });
}
