import * as path from 'path';
import type { Command } from 'commander';
import type { MigrationProgress } from '../../apply/migration-runner';
import { migrateHash, migrateNew } from '../../app/migrate-new';
import { BASE } from '../../app/migrate-policy';
import { migrateRun, migrateStatus, type MigrateTarget } from '../../app/migrate-run';
import { describeTarget, parseConnectionString } from '../../catalog/connection';
import { renderPlanText } from '../../emitters';
import { DEFAULT_MIGRATIONS_DIR } from '../../migrate/layout';
import { migrateAction, migrationsDir, type DirOptions } from '../migrate-common';
import { describeProblem } from '../../migrate/integrity';
import { addSchemaOption } from '../common-options';
import { parseDuration } from '../durations';
import { ExitCode, UsageError } from '../errors';
import { useColor, type CliIo } from '../io';
import { progressReporter } from '../progress';
import { compileOrFail, reportDiagnostics } from '../pipeline';
import { loadProject } from '../project';
import { resolveSource } from '../sources';
import { registerMigrateLint } from './migrate-lint';

type SetExit = (code: number) => void;

function dirOption(cmd: Command): Command {
  return addSchemaOption(cmd).option('--dir <folder>', `the migrations folder (default: ${DEFAULT_MIGRATIONS_DIR}/ next to the config file)`);
}

function databaseTarget(io: CliIo, opts: DirOptions & { database?: string }): MigrateTarget {
  const project = loadProject(io, opts);
  const source = resolveSource({ database: opts.database }, io.env, project.config.database.url);
  if (source.kind !== 'database') throw new UsageError('this command needs a live database: pass --database URL or set SCHEMAC_DATABASE_URL');
  return {
    ...migrationsDir(io, project, opts),
    connection: parseConnectionString(source.url),
    ignore: project.config.ignore,
    report: (d) => reportDiagnostics(io, d),
  };
}

/** `schemac migrate ...`: versioned migrations made from the schema, applied in order. */
export function registerMigrate(program: Command, io: CliIo, setExit: SetExit, version: string): void {
  const migrate = program.command('migrate').description('versioned migrations: reviewed script files, generated offline, applied in order');

  dirOption(migrate.command('new').argument('<name>', 'a short name, e.g. add_orders'))
    .description('write the next migration: the schema against the state the existing migrations leave (no database needed)')
    .option('--allow-drop', 'drop objects the schema no longer declares (otherwise they stay)')
    .option('--allow-data-loss', 'allow steps that destroy data (dropped tables or columns, narrowing)')
    .option('--empty-file', 'write a migration to fill in by hand (e.g. a data migration) that changes no schema')
    .option('--no-color', 'never colour the output')
    .option('--no-type-check', "skip TypeScript's type check of the schema files (schemac's own checks still run)")
    .action((name: string, opts: DirOptions & { allowDrop?: boolean; allowDataLoss?: boolean; emptyFile?: boolean; color?: boolean; typeCheck?: boolean }) => migrateAction(() => {
      const project = loadProject(io, opts);
      const where = migrationsDir(io, project, opts);
      const desired = opts.emptyFile ? null : compileOrFail(io, project, opts.typeCheck !== false);
      const result = migrateNew({
        desired, ...where, name, allowDrop: Boolean(opts.allowDrop), allowDataLoss: Boolean(opts.allowDataLoss),
        emptyFile: Boolean(opts.emptyFile), now: new Date(),
      });
      if (result.kind === 'unchanged') {
        io.stdout.write(`No changes: the schema matches the state the migrations in ${where.shown} leave; nothing was written.\n`);
      } else {
        if (result.plan) io.stdout.write(renderPlanText(result.plan, { color: useColor(io.stdout, io.env, opts.color) }));
        io.stdout.write(`Wrote ${path.relative(io.cwd, result.folder) || '.'}/ (up.sql, down.sql, after.json) and ${path.join(where.shown, 'schemac.sum')}.\n`);
      }
      setExit(ExitCode.ok);
    }));

  dirOption(migrate.command('hash'))
    .description('rewrite schemac.sum from the migration files, after a deliberate, reviewed edit')
    .action((opts: DirOptions) => migrateAction(() => {
      const where = migrationsDir(io, loadProject(io, opts), opts);
      const { count } = migrateHash(where.dir, where.shown);
      io.stdout.write(`Wrote ${path.join(where.shown, 'schemac.sum')} (${count} migration${count === 1 ? '' : 's'}).\n`);
      setExit(ExitCode.ok);
    }));

  dirOption(migrate.command('status'))
    .description('which migrations the database has applied, which are pending, and whether it drifted')
    .option('--database <url>', 'the database (default SCHEMAC_DATABASE_URL, then the config)')
    .action((opts: DirOptions & { database?: string }) => migrateAction(async () => {
      const target = databaseTarget(io, opts);
      const { loaded, status } = await migrateStatus(target);
      const out: string[] = [`Migrations in ${target.shown} against ${describeTarget(target.connection)}:`];
      const pending = new Set(status.pending.map((m) => m.id));
      const edited = new Set(status.edited);
      for (const m of loaded.migrations) out.push(`  ${pending.has(m.id) ? 'pending ' : edited.has(m.id) ? 'EDITED  ' : 'applied '} ${m.id}`);
      for (const id of status.unknown) out.push(`  UNKNOWN  ${id} (applied to the database, not in the folder)`);
      if (loaded.migrations.length === 0 && status.unknown.length === 0) out.push('  (none)');
      out.push(`${status.applied.length} applied, ${status.pending.length} pending.`);
      out.push(status.drift.steps.length === 0 ? 'No drift: the database is the state the applied migrations leave.'
        : `DRIFT: the database differs from the state the applied migrations leave:`);
      io.stdout.write(`${out.join('\n')}\n`);
      if (status.drift.steps.length > 0) io.stdout.write(renderPlanText(status.drift, { color: false }));
      for (const p of loaded.problems) io.stdout.write(`problem: ${describeProblem(p, loaded.disk)}\n`);
      if (status.outOfOrder.length > 0) io.stdout.write(`problem: ${status.outOfOrder.join(', ')} pending before applied migrations (out of order)\n`);
      setExit(ExitCode.ok);
    }));

  for (const direction of ['up', 'down'] as const) {
    const cmd = dirOption(migrate.command(direction === 'up' ? 'apply' : 'down'))
      .description(direction === 'up'
        ? 'apply the pending migrations in order, under the apply lock, each verified against its after.json before COMMIT'
        : 'undo applied migrations back to --to ID (or --to base), newest first, each verified before COMMIT')
      .option('--database <url>', 'the database (default SCHEMAC_DATABASE_URL, then the config)')
      .option('--to <id>', direction === 'up' ? 'apply up to and including this migration' : `the migration to go back to (${BASE}: before the first)`)
      .option('--tx-mode <mode>', 'each: one transaction per migration; all: one for the whole run', 'each')
      .option('--allow-drift', 'run even if the database differs from the state the applied migrations leave')
      .option('--allow-data-loss', 'allow steps that destroy data')
      .option('--lock-timeout <duration>', 'how long to wait for another apply to finish', parseDuration, 30_000)
      .option('--statement-timeout <duration>', 'cancel a statement that runs longer than this', parseDuration)
      .option('--statement-lock-timeout <duration>', 'fail a statement that waits this long for a lock (SET LOCK_TIMEOUT)', parseDuration)
      .option('--progress', 'show progress even when stderr is not a terminal');
    cmd.action((opts: DirOptions & {
      database?: string; to?: string; txMode: string; allowDrift?: boolean; allowDataLoss?: boolean;
      lockTimeout: number; statementTimeout?: number; statementLockTimeout?: number; progress?: boolean;
    }) => {
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      return migrateAction(async () => {
        if (opts.txMode !== 'each' && opts.txMode !== 'all') throw new UsageError(`--tx-mode must be each or all, not ${opts.txMode}`);
        const target = databaseTarget(io, opts);
        const progress = progressReporter(io, Boolean(opts.progress));
        process.once('SIGINT', onSigint);
        try {
          const { done } = await migrateRun({
            ...target,
            policy: { direction, to: opts.to ?? null, allowDrift: Boolean(opts.allowDrift), allowDataLoss: Boolean(opts.allowDataLoss) },
            txMode: opts.txMode, toolVersion: version, lockTimeoutMs: opts.lockTimeout,
            statementLockTimeoutMs: opts.statementLockTimeout ?? null, statementTimeoutMs: opts.statementTimeout,
            signal: controller.signal,
            onProgress: (e: MigrationProgress) => {
              if (e.kind === 'migration') io.stderr.write(`migration ${e.index} of ${e.total}: ${e.direction === 'up' ? 'applying' : 'undoing'} ${e.id}\n`);
              else progress(e);
            },
          });
          if (done.length === 0) io.stdout.write(direction === 'up' ? 'No pending migrations: the database is up to date.\n' : 'Nothing to undo.\n');
          for (const d of done) io.stdout.write(`${d.direction === 'up' ? 'Applied' : 'Undid'} ${d.id} (run ${d.runId}).\n`);
          setExit(ExitCode.ok);
        } finally {
          process.removeListener('SIGINT', onSigint);
        }
      }, () => controller.signal.aborted);
    });
  }

  registerMigrateLint(migrate, io, setExit);
}
