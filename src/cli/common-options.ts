import { Command, InvalidArgumentError, Option } from 'commander';
import type { OnlineMode, ProductionOptions } from '../differ/lock-impact';
import type { ResumableOptions } from '../differ/resumable';
import { UsageError } from '../app/errors';
import { MAX_RESUMABLE_DURATION_MINUTES } from '../sqlserver/resumable';

/** Options shared by every command that compiles the schema. */
export function addSchemaOption(cmd: Command): Command {
  return cmd
    .option('--schema <dir>', 'folder holding the *.schema.ts files (default: the config\'s, else schema)')
    .option('--config <file>', 'the project config (default: schemac.config.json if present)');
}

/** --config alone, for commands that read only the config's database.url. */
export function addConfigOption(cmd: Command): Command {
  return cmd.option('--config <file>', 'the project config, for its database.url (default: schemac.config.json if present)');
}

/**
 * The database source flags: exactly one of them (or SCHEMAC_DATABASE_URL, or the config's
 * database.url). `verb` says what the command does with it; commands that need real rows leave
 * --empty out of their help.
 */
export function addSourceOptions(cmd: Command, use: { empty: boolean; verb: 'compare against' | 'read' } = { empty: true, verb: 'compare against' }): Command {
  if (use.empty) cmd.option('--empty', `${use.verb} an empty database`);
  return cmd
    .option('--catalog <file>', `${use.verb} a catalog snapshot file (schemac snapshot)`)
    .option('--database <url>', `${use.verb} a live database: mssql://user:pass@host:port/db or an ADO string`);
}

/** --database alone, for commands that need a live server. */
export function addDatabaseOption(cmd: Command): Command {
  return cmd.option('--database <url>', 'the database: mssql://user:pass@host:port/db or an ADO string (default: SCHEMAC_DATABASE_URL, then the config\'s database.url)');
}

/** Flags that shape a plan. */
export function addPlanOptions(cmd: Command): Command {
  return cmd.option('--allow-drop', 'drop objects the schema does not declare (otherwise they are skipped)');
}

/** --no-color, on every command whose output is coloured on a terminal. */
export function addColorOption(cmd: Command): Command {
  return cmd.option('--no-color', 'never colour the output');
}

/** --no-type-check, on every command that compiles the schema. */
export function addTypeCheckOption(cmd: Command): Command {
  return cmd.option('--no-type-check', "skip TypeScript's type check of the schema files (faster on large schemas; schemac's own checks still run)");
}

/** --all-info, on the commands that show info findings (check, review): the same summary in both. */
export function addAllInfoOption(cmd: Command): Command {
  return cmd.option('--all-info', 'list every info finding (by default a rule with many is shown as a few examples and a count)');
}

/** --format with a fixed set of choices. */
export function formatOption(choices: string[]): Option {
  return new Option('--format <format>', 'output format').choices(choices).default(choices[0]);
}

/** Production-safety flags of commands that plan: online operations, low-priority waits, batching. */
export function addOnlineOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--online <mode>', 'online index builds and column rewrites: auto (where the edition allows), off, or require (refuse offline work on large tables)')
      .choices(['auto', 'off', 'require']).default('auto'))
    .option('--low-priority-wait <minutes>', 'online index builds wait at low priority this long for their locks, then give up (SQL Server 2022+, Azure)', positiveInteger('--low-priority-wait', 0))
    .option('--large-table-rows <rows>', 'rows from which a table is large: backfills run in batches, --online=require refuses offline work (default 1000000)', positiveInteger('--large-table-rows', 1))
    .option('--backfill-batch-rows <rows>', 'rows per UPDATE batch of a backfill on a large table (default 10000)', positiveInteger('--backfill-batch-rows', 1));
}

/** The flags addOnlineOptions adds, as commander gives them. */
export interface OnlineFlags {
  online?: string; lowPriorityWait?: number; largeTableRows?: number; backfillBatchRows?: number;
}

/** The production options the flags give; the app fills in the defaults of the rest. */
export function productionOf(flags: OnlineFlags): Partial<ProductionOptions> {
  const online: OnlineMode = flags.online === 'off' || flags.online === 'require' ? flags.online : 'auto';
  return {
    online,
    lowPriorityWaitMinutes: flags.lowPriorityWait,
    largeTableRows: flags.largeTableRows,
    backfillBatchRows: flags.backfillBatchRows,
  };
}

/** --resumable and its MAX_DURATION, on plan, emit-sql and apply. */
export function addResumableOptions(cmd: Command): Command {
  return cmd
    .option('--resumable', 'build qualifying online indexes after COMMIT, outside the transaction, as resumable builds (SQL Server 2019+ Enterprise, Azure SQL); the README says what that gives up')
    .option('--resumable-max-duration <minutes>', `with --resumable: SQL Server pauses a build still running after this many minutes (MAX_DURATION, 1 to ${MAX_RESUMABLE_DURATION_MINUTES})`, positiveInteger('--resumable-max-duration', 1));
}

/** The flags addResumableOptions adds. */
export interface ResumableFlags { resumable?: boolean; resumableMaxDuration?: number }

/** The --resumable options, or undefined without the flag. */
export function resumableOf(flags: ResumableFlags): ResumableOptions | undefined {
  const minutes = flags.resumableMaxDuration;
  if (minutes !== undefined && flags.resumable !== true) throw new UsageError('--resumable-max-duration needs --resumable');
  if (minutes !== undefined && minutes > MAX_RESUMABLE_DURATION_MINUTES) {
    throw new UsageError(`--resumable-max-duration takes at most ${MAX_RESUMABLE_DURATION_MINUTES} minutes (one week, SQL Server's limit), got ${minutes}`);
  }
  return flags.resumable === true ? { maxDurationMinutes: minutes ?? null } : undefined;
}

function positiveInteger(flag: string, min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
      throw new InvalidArgumentError(`${flag} takes a whole number of at least ${min}, got ${JSON.stringify(value)}`);
    }
    return n;
  };
}
