import type { Command } from 'commander';
import { addConfigOption, addDatabaseOption, formatOption } from '../common-options';
import { ExitCode } from '../exit-codes';
import type { CliIo } from '../io';

/** `schemac history`: the most recent applies recorded in [schemac].[applied_plans]. */
export function registerHistory(program: Command, io: CliIo, setExit: (code: number) => void): void {
  addConfigOption(addDatabaseOption(program.command('history')))
    .description('list recent applies recorded in the database')
    .option('--limit <n>', 'how many entries', (v) => Number.parseInt(v, 10), 20)
    .addOption(formatOption(['text', 'json']))
    .action(async (opts: { database?: string; config?: string; limit: number; format: 'text' | 'json' }) => {
      const [{ history }, { appContext }] = await Promise.all([import('../../app/history'), import('../report')]);
      const rows = await history(appContext(io), opts);
      if (opts.format === 'json') {
        io.stdout.write(`${JSON.stringify({ format: 'schemac.history/v1', entries: rows }, null, 2)}\n`);
      } else if (rows.length === 0) {
        io.stdout.write('No applies recorded yet.\n');
      } else {
        for (const r of rows) {
          const at = r.applied_at instanceof Date ? r.applied_at.toISOString() : String(r.applied_at);
          io.stdout.write(`${at}  ${String(r.applied_by)}  ${String(r.step_count)} step(s)  schemac ${String(r.tool_version)}  run ${String(r.id)}\n`);
        }
      }
      setExit(ExitCode.ok);
    });
}
