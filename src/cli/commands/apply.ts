import type { Command } from 'commander';
import { ApplyError } from '../../apply/errors';
import { executeApply, type ApplyStatement } from '../../apply/executor';
import { openMssqlSession } from '../../apply/session';
import { describeTarget, parseConnectionString } from '../../catalog/connection';
import { readCatalogWith } from '../../catalog/read';
import { snapshotToModel } from '../../catalog/to-model';
import { withoutIgnored } from '../../config';
import { diff, fingerprint } from '../../differ';
import { renderPlanJson, renderPlanText, renderScript, statementsForDriver } from '../../emitters';
import type { Database } from '../../model';
import { addSchemaOption } from '../common-options';
import { confirm } from '../confirm';
import { parseDuration } from '../durations';
import { CliError, ExitCode, RefusedError, UsageError } from '../errors';
import { useColor, type CliIo } from '../io';
import { progressReporter } from '../progress';
import { compileOrFail, loadCurrent } from '../pipeline';
import { readSavedPlan } from '../saved-plan';
import { resolveSource } from '../sources';
import { loadProject, type Project } from '../project';

interface ApplyOptions {
  schema?: string; config?: string; database?: string; catalog?: string; empty?: boolean;
  autoApprove?: boolean; allowDrop?: boolean; typeCheck?: boolean; allowDataLoss?: boolean;
  lockTimeout: number; statementTimeout?: number; statementLockTimeout?: number;
  progress?: boolean; color?: boolean;
}

/** What apply will run, from a saved plan file or planned now. */
interface ApplyJob {
  readonly desired: Database;
  readonly expectedFingerprint: string;
  readonly statements: readonly ApplyStatement[];
  readonly script: string;
  readonly dataLoss: readonly string[];
  readonly stepCount: number;
}

/** `schemac apply [plan.json]`: make it so, all or nothing, one apply at a time. */
export function registerApply(program: Command, io: CliIo, setExit: (code: number) => void, version: string): void {
  addSchemaOption(program.command('apply'))
    .description('apply the plan to the database: all or nothing, under a lock, verified before commit')
    .argument('[plan-file]', 'a plan saved with `schemac plan --out FILE`; applied only if the database has not changed since')
    .option('--database <url>', 'the database: mssql://user:pass@host:port/db or an ADO string (default SCHEMAC_DATABASE_URL)')
    .option('--catalog <file>', 'not accepted: apply needs a live database')
    .option('--empty', 'not accepted: apply needs a live database')
    .option('--auto-approve', 'do not ask for confirmation (for CI)')
    .option('--allow-drop', 'drop objects the schema does not declare')
    .option('--allow-data-loss', 'allow steps that destroy data (dropped tables or columns with rows, narrowing)')
    .option('--lock-timeout <duration>', 'how long to wait for another apply to finish', parseDuration, 30_000)
    .option('--statement-timeout <duration>', 'cancel a statement that runs longer than this', parseDuration)
    .option('--statement-lock-timeout <duration>', 'fail a statement that waits this long for a lock (SET LOCK_TIMEOUT)', parseDuration)
    .option('--progress', 'show progress even when stderr is not a terminal')
    .option('--no-color', 'never colour the output')
    .option('--no-type-check', "skip TypeScript's type check of the schema files (schemac's own checks still run)")
    .action(async (planFile: string | undefined, opts: ApplyOptions) => {
      const project = loadProject(io, opts);
      const source = resolveSource(opts, io.env, project.config.database.url);
      if (source.kind !== 'database') throw new UsageError('apply needs a live database: pass --database URL or set SCHEMAC_DATABASE_URL');
      const config = parseConnectionString(source.url);
      const job = planFile ? jobFromFile(planFile) : await jobFromSchema(io, opts, project, source);
      if (job.stepCount === 0) {
        io.stdout.write('No changes. The database matches the schema.\n');
        setExit(ExitCode.ok);
        return;
      }
      if (job.dataLoss.length > 0 && !opts.allowDataLoss) {
        throw new RefusedError(`refusing to apply: ${job.dataLoss.length} step(s) lose data (${job.dataLoss.join('; ')}); pass --allow-data-loss to apply them`);
      }
      if (!opts.autoApprove) {
        if (!io.stdinIsTTY) throw new RefusedError('refusing to apply without confirmation: there is no terminal to ask on; review the plan and pass --auto-approve');
        const yes = await confirm(`Apply ${job.stepCount} change(s) to ${describeTarget(config)}?`);
        if (!yes) throw new RefusedError('apply cancelled: nothing was changed');
      }
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.once('SIGINT', onSigint);
      try {
        const result = await executeApply({
          openSession: () => openMssqlSession(config, opts.statementTimeout),
          readCurrent: async (session) => {
            const snapshot = await readCatalogWith(async (text) => (await session.query(text)).recordsets, describeTarget(config));
            // The same ignore rules as the plan, or ignored tables would look like drift.
            return withoutIgnored(snapshotToModel(snapshot).database, project.config.ignore);
          },
          replan: (current) => diff(job.desired, current, { allowDrop: false }),
          fingerprint,
          expectedFingerprint: job.expectedFingerprint,
          statements: job.statements,
          script: job.script,
          toolVersion: version,
          lockTimeoutMs: opts.lockTimeout,
          statementLockTimeoutMs: opts.statementLockTimeout ?? null,
          signal: controller.signal,
          onProgress: progressReporter(io, Boolean(opts.progress)),
        });
        io.stdout.write(`Applied ${result.steps} change(s) to ${describeTarget(config)} (run ${result.runId}).\n`);
        setExit(ExitCode.ok);
      } catch (err) {
        if (err instanceof ApplyError) throw new CliError(err.message, exitCodeOf(err), { cause: err });
        throw err;
      } finally {
        process.removeListener('SIGINT', onSigint);
      }
    });
}

function exitCodeOf(err: ApplyError): number {
  switch (err.kind) {
    case 'lock-timeout':
    case 'drift':
      return ExitCode.refused;
    case 'interrupted':
      return ExitCode.interrupted;
    case 'statement-failed':
    case 'not-converged':
    case 'connection-lost':
    case 'commit-unknown':
      return ExitCode.error;
  }
}

function jobFromFile(file: string): ApplyJob {
  const saved = readSavedPlan(file);
  return {
    desired: saved.desired,
    expectedFingerprint: saved.fingerprint,
    statements: saved.statements.up.map((s) => ({ sql: s.sql, stepIndex: s.index - 1, description: saved.changes[s.index - 1]?.summary ?? `step ${s.index}` })),
    script: saved.statements.up.map((s) => s.sql).join('\n'),
    dataLoss: saved.hazards.filter((h) => h.code === 'data-loss').map((h) => `step ${h.index}: ${h.message}`),
    stepCount: saved.changes.length,
  };
}

async function jobFromSchema(io: CliIo, opts: ApplyOptions, project: Project, source: { kind: 'database'; url: string }): Promise<ApplyJob> {
  const desired = compileOrFail(io, project, opts.typeCheck !== false);
  const current = await loadCurrent(io, source, project.config.ignore);
  const plan = diff(desired, current.database, { allowDrop: Boolean(opts.allowDrop) });
  io.stdout.write(renderPlanText(plan, { color: useColor(io.stdout, io.env, opts.color) }));
  const json = renderPlanJson(plan, { fingerprint: fingerprint(current.database), databaseName: current.database.name });
  return {
    desired,
    expectedFingerprint: json.fingerprint,
    statements: statementsForDriver(plan, 'up').map((s) => ({ sql: s.sql, stepIndex: s.stepIndex, description: s.description })),
    script: renderScript(plan, { direction: 'up', databaseName: current.database.name }).text,
    dataLoss: json.hazards.filter((h) => h.code === 'data-loss').map((h) => `step ${h.index}: ${h.message}`),
    stepCount: plan.steps.length,
  };
}
