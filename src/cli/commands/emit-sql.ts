import { Option, type Command } from 'commander';
import { addOnlineOptions, addPlanOptions, addResumableOptions, addSchemaOption, addSourceOptions, addTypeCheckOption, productionOf, resumableOf, type OnlineFlags, type ResumableFlags } from '../common-options';
import { changesExitCode, ExitCode } from '../exit-codes';
import type { CliIo } from '../io';

interface EmitOptions extends OnlineFlags, ResumableFlags {
  schema?: string; config?: string; empty?: boolean; catalog?: string; database?: string;
  allowDrop?: boolean; typeCheck?: boolean; down?: boolean; detailedExitcode?: boolean;
}

/** `schemac emit-sql`: the up (or --down) script for sqlcmd, SSMS or a DBA's review. */
export function registerEmitSql(program: Command, io: CliIo, setExit: (code: number) => void): void {
  addResumableOptions(addOnlineOptions(addTypeCheckOption(addPlanOptions(addSourceOptions(addSchemaOption(program.command('emit-sql')))))))
    .description('print the T-SQL script that makes the change (or undoes it with --down)')
    .option('--down', 'print the script that undoes the change')
    .option('--detailed-exitcode', 'exit 2 when there are changes, 0 when there are none')
    // A script is never coloured; the flag stays accepted (hidden) so scripts that pass it everywhere keep working.
    .addOption(new Option('--no-color').hideHelp())
    .action(async (opts: EmitOptions) => {
      const [{ emitSql }, { appContext }] = await Promise.all([import('../../app/emit-sql'), import('../report')]);
      const result = await emitSql(appContext(io), {
        ...opts, allowDrop: Boolean(opts.allowDrop), typeCheck: opts.typeCheck !== false, direction: opts.down ? 'down' : 'up',
        production: productionOf(opts), resumable: resumableOf(opts),
      });
      for (const line of result.notes) io.stderr.write(`schemac: ${line}\n`);
      if (result.offline.length > 0) {
        io.stderr.write(`schemac: --online=require refuses this plan: ${result.offline.join('; ')}\n`);
        setExit(ExitCode.refused);
        return;
      }
      io.stdout.write(result.script.text);
      setExit(changesExitCode(opts.detailedExitcode, result.plan.steps.length));
    });
}
