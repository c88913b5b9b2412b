import * as path from 'path';
import type { Command } from 'commander';
import type { MigrationProgress } from '../../apply/migration-runner';
import { addColorOption, addDatabaseOption, addSchemaOption, addTypeCheckOption } from '../common-options';
import { parseDuration } from '../durations';
import { changesExitCode, ExitCode } from '../exit-codes';
import { useColor, type CliIo } from '../io';

type SetExit = (code: number) => void;

interface DirOptions { schema?: string; config?: string; dir?: string }

function dirOption(cmd: Command): Command {
  return addSchemaOption(cmd).option('--dir <folder>', 'the migrations folder (default: migrations/ next to the config file)');
}

/** `schemac migrate ...`: versioned migrations made from the schema, applied in order. */
export function registerMigrate(program: Command, io: CliIo, setExit: SetExit, version: string): void {
  const migrate = program.command('migrate').description('versioned migrations: reviewed script files, generated offline, applied in order');

  addColorOption(addTypeCheckOption(dirOption(migrate.command('new').argument('<name>', 'a short name, e.g. add_orders'))))
    .description('write the next migration: the schema against the state the existing migrations leave (no database needed)')
    .option('--allow-drop', 'drop objects the schema no longer declares (otherwise they stay)')
    .option('--allow-data-loss', 'allow steps that destroy data (dropped tables or columns, narrowing)')
    .option('--empty-file', 'write a migration to fill in by hand (e.g. a data migration) that changes no schema')
    .action(async (name: string, opts: DirOptions & { allowDrop?: boolean; allowDataLoss?: boolean; emptyFile?: boolean; color?: boolean; typeCheck?: boolean }) => {
      const [{ migrateNew }, { appContext }, { renderPlanText }] = await Promise.all([
        import('../../app/migrate-new'), import('../report'), import('../../emitters/plan-text'),
      ]);
      const result = await migrateNew(appContext(io), {
        ...opts, name, allowDrop: Boolean(opts.allowDrop), allowDataLoss: Boolean(opts.allowDataLoss),
        emptyFile: Boolean(opts.emptyFile), typeCheck: opts.typeCheck !== false,
      });
      if (result.kind === 'unchanged') {
        io.stdout.write(`No changes: the schema matches the state the migrations in ${result.shown} leave; nothing was written.\n`);
      } else {
        if (result.plan) io.stdout.write(renderPlanText(result.plan, { color: useColor(io.stdout, io.env, opts.color) }));
        io.stdout.write(`Wrote ${path.relative(io.cwd, result.folder) || '.'}/ (up.sql, down.sql, after.json) and ${path.join(result.shown, 'schemac.sum')}.\n`);
      }
      setExit(ExitCode.ok);
    });

  dirOption(migrate.command('hash'))
    .description('rewrite schemac.sum from the migration files, after a deliberate, reviewed edit')
    .action(async (opts: DirOptions) => {
      const [{ migrateHash }, { appContext }] = await Promise.all([import('../../app/migrate-new'), import('../report')]);
      const { count, file } = await migrateHash(appContext(io), opts);
      io.stdout.write(`Wrote ${file} (${count} migration${count === 1 ? '' : 's'}).\n`);
      setExit(ExitCode.ok);
    });

  addDatabaseOption(dirOption(migrate.command('status')))
    .description('which migrations the database has applied, which are pending, and whether it drifted')
    .option('--detailed-exitcode', 'exit 2 when migrations are pending, 0 when there are none')
    .action(async (opts: DirOptions & { database?: string; detailedExitcode?: boolean }) => {
      const [{ status }, { appContext }, { renderPlanText }, { describeProblem }] = await Promise.all([
        import('../../app/migrate-run'), import('../report'), import('../../emitters/plan-text'), import('../../migrate/integrity'),
      ]);
      const r = await status(appContext(io), opts);
      const pending = new Set(r.status.pending.map((m) => m.id));
      const edited = new Set(r.status.edited);
      const out: string[] = [`Migrations in ${r.shown} against ${r.target}:`];
      for (const m of r.loaded.migrations) out.push(`  ${pending.has(m.id) ? 'pending' : edited.has(m.id) ? 'EDITED ' : 'applied'}  ${m.id}`);
      for (const id of r.status.unknown) out.push(`  UNKNOWN  ${id} (applied to the database, not in the folder)`);
      if (r.loaded.migrations.length === 0 && r.status.unknown.length === 0) out.push('  (none)');
      out.push(`${r.status.applied.length} applied, ${r.status.pending.length} pending.`);
      out.push(r.status.drift.steps.length === 0 ? 'No drift: the database is the state the applied migrations leave.'
        : 'DRIFT: the database differs from the state the applied migrations leave (what bringing it back would do):');
      io.stdout.write(`${out.join('\n')}\n`);
      if (r.status.drift.steps.length > 0) io.stdout.write(renderPlanText(r.status.drift, { color: false }));
      for (const p of r.loaded.problems) io.stdout.write(`problem: ${describeProblem(p, r.loaded.disk)}\n`);
      if (r.status.outOfOrder.length > 0) io.stdout.write(`problem: ${r.status.outOfOrder.join(', ')} pending before applied migrations (out of order)\n`);
      setExit(changesExitCode(opts.detailedExitcode, r.status.pending.length));
    });

  for (const direction of ['up', 'down'] as const) registerRun(migrate, io, setExit, version, direction);

  addDatabaseOption(dirOption(migrate.command('baseline').argument('<id>', 'the last migration the database already holds')))
    .description('record the migrations up to <id> as applied without running them, once the database is checked to be the state <id> leaves (a database made before migrations)')
    .option('--allow-drift', 'accept objects the migrations do not describe (what they describe must still match)')
    .option('--lock-timeout <duration>', 'how long to wait for another apply to finish', parseDuration, 30_000)
    .action(async (id: string, opts: DirOptions & { database?: string; allowDrift?: boolean; lockTimeout: number }) => {
      const [{ baseline }, { appContext }] = await Promise.all([import('../../app/migrate-run'), import('../report')]);
      const { done, target } = await baseline(appContext(io), {
        ...opts, id, allowDrift: Boolean(opts.allowDrift), toolVersion: version, lockTimeoutMs: opts.lockTimeout,
      });
      io.stdout.write(`Recorded ${done.length} migration(s) as applied to ${target} without running them (the database already is the state ${id} leaves):\n`);
      for (const d of done) io.stdout.write(`  ${d.id} (run ${d.runId})\n`);
      setExit(ExitCode.ok);
    });

  dirOption(migrate.command('lint'))
    .description('check migrations (those added since --base, else all): integrity, hazards, lint rules, and that up.sql leads to after.json')
    .option('--base <git-ref>', 'lint only the migrations added since this git ref (e.g. origin/main)')
    .action(async (opts: DirOptions & { base?: string }) => {
      const [{ migrateLint }, { appContext }] = await Promise.all([import('../../app/migrate-lint'), import('../report')]);
      const result = await migrateLint(appContext(io), opts);
      const out: string[] = [];
      for (const p of result.problems) out.push(`error: ${p}`);
      for (const m of result.migrations) {
        out.push(`${m.id}: ${m.steps} schema step${m.steps === 1 ? '' : 's'}`);
        for (const h of m.hazards) out.push(`  warning: step ${h.step} (${h.what}): ${h.code}: ${h.message}`);
        for (const d of m.lint) out.push(`  ${d.severity}: ${d.code}: ${d.message}`);
        for (const f of m.scripts) out.push(`  ${f.severity}: ${path.join(result.shown, m.id, f.file)}: ${f.message}`);
      }
      if (result.migrations.length === 0) out.push(`No migrations to lint (${result.scope}).`);
      out.push(result.failed ? `migrate lint: errors found (${result.scope}).` : `migrate lint: ${result.migrations.length} migration(s) checked (${result.scope}); no errors.`);
      io.stdout.write(`${out.join('\n')}\n`);
      setExit(result.failed ? ExitCode.error : ExitCode.ok);
    });

  // main.ts sets these on the top-level commands; subcommands need their own.
  for (const cmd of migrate.commands) {
    cmd.exitOverride().showSuggestionAfterError(true).showHelpAfterError(`(run 'schemac migrate ${cmd.name()} --help' for the options)`);
  }
}

interface RunOptions extends DirOptions {
  database?: string; to?: string; txMode: 'each' | 'all'; allowDrift?: boolean; allowDataLoss?: boolean;
  lockTimeout: number; statementTimeout?: number; statementLockTimeout?: number; progress?: boolean;
}

/** `migrate apply` and `migrate down`. */
function registerRun(migrate: Command, io: CliIo, setExit: SetExit, version: string, direction: 'up' | 'down'): void {
  addDatabaseOption(dirOption(migrate.command(direction === 'up' ? 'apply' : 'down')))
    .description(direction === 'up'
      ? 'apply the pending migrations in order, under the apply lock, each verified against its after.json before COMMIT'
      : 'undo applied migrations back to --to ID (or --to base), newest first, each verified before COMMIT')
    .option('--to <id>', direction === 'up' ? 'apply up to and including this migration' : 'the migration to go back to (base: before the first)')
    .option('--tx-mode <mode>', 'each: one transaction per migration; all: one for the whole run', (v: string) => {
      if (v !== 'each' && v !== 'all') throw new Error(`--tx-mode must be each or all, not ${v}`);
      return v;
    }, 'each')
    .option('--allow-drift', 'run even if the database differs from the state the applied migrations leave')
    .option('--allow-data-loss', 'allow steps that destroy data')
    .option('--lock-timeout <duration>', 'how long to wait for another apply to finish', parseDuration, 30_000)
    .option('--statement-timeout <duration>', 'cancel a statement that runs longer than this', parseDuration)
    .option('--statement-lock-timeout <duration>', 'fail a statement that waits this long for a lock (SET LOCK_TIMEOUT)', parseDuration)
    .option('--progress', 'show progress even when stderr is not a terminal')
    .action(async (opts: RunOptions) => {
      const [{ migrate: run }, { appContext }, { progressReporter }] = await Promise.all([
        import('../../app/migrate-run'), import('../report'), import('../progress'),
      ]);
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.once('SIGINT', onSigint);
      const progress = progressReporter(io, Boolean(opts.progress));
      try {
        const { done } = await run(appContext(io), {
          ...opts, toolVersion: version, lockTimeoutMs: opts.lockTimeout, txMode: opts.txMode,
          statementLockTimeoutMs: opts.statementLockTimeout, statementTimeoutMs: opts.statementTimeout,
          policy: { direction, to: opts.to ?? null, allowDrift: Boolean(opts.allowDrift), allowDataLoss: Boolean(opts.allowDataLoss) },
        }, {
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
    });
}
