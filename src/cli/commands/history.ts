import type { Command } from 'commander';
import { openMssqlSession } from '../../apply/session';
import { parseConnectionString } from '../../catalog/connection';
import { RECENT_HISTORY_SQL } from '../../emitters/apply-sql';
import { UsageError } from '../errors';
import type { CliIo } from '../io';
import { resolveSource } from '../sources';

/** `schemac history`: the most recent applies recorded in [schemac].[applied_plans]. */
export function registerHistory(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program.command('history')
    .description('list recent applies recorded in the database')
    .option('--database <url>', 'the database (default SCHEMAC_DATABASE_URL)')
    .option('--limit <n>', 'how many entries', (v) => Number.parseInt(v, 10), 20)
    .option('--format <format>', 'text or json', 'text')
    .action(async (opts: { database?: string; limit: number; format: string }) => {
      const source = resolveSource(opts, io.env);
      if (source.kind !== 'database') throw new UsageError('history needs --database URL or SCHEMAC_DATABASE_URL');
      if (!Number.isInteger(opts.limit) || opts.limit < 1) throw new UsageError('--limit must be a positive whole number');
      const session = await openMssqlSession(parseConnectionString(source.url));
      try {
        const result = await session.query(RECENT_HISTORY_SQL, { limit: { type: 'int', value: opts.limit } });
        const rows = result.recordsets[0] ?? [];
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
        setExit(0);
      } finally {
        await session.close();
      }
    });
}
