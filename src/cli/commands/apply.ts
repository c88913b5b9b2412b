import * as path from 'path';
import type { Command } from 'commander';
import { ApplyError } from '../../apply/errors';
import { describeRemaining, executeApply, type ApplyStatement } from '../../apply/executor';
import { openMssqlSession, type SqlSession } from '../../apply/session';
import { blockedRefusal, DEFAULT_PREFLIGHT_TIMEOUT_MS, preflightOver, runPlanPreflight } from '../../app/preflight';
import type { PreflightReport } from '../../emitters/preflight-report';
import type { Rows } from '../../catalog/read-rows';
import { describeTarget, parseConnectionString } from '../../catalog/connection';
import { readCatalogWith } from '../../catalog/read';
import { withoutIgnored } from '../../config';
import { diff, fingerprint } from '../../differ';
import { renderPlanJson, renderPlanText, renderScript, statementsForDriver } from '../../emitters';
import type { Database, Diagnostic } from '../../model';
import { addSchemaOption } from '../common-options';
import { confirm } from '../confirm';
import { parseDuration } from '../durations';
import { CliError, ExitCode, RefusedError, UsageError } from '../errors';
import { useColor, type CliIo } from '../io';
import { progressReporter } from '../progress';
import { catalogModel, compileOrFail, reportDiagnostics } from '../pipeline';
import { readSavedPlan, type SavedPlan } from '../saved-plan';
import { resolveSource } from '../sources';
import { loadProject } from '../project';

interface ApplyOptions {
  schema?: string; config?: string; database?: string; catalog?: string; empty?: boolean;
  autoApprove?: boolean; allowDrop?: boolean; typeCheck?: boolean; allowDataLoss?: boolean;
  lockTimeout: number; statementTimeout?: number; statementLockTimeout?: number;
  progress?: boolean; color?: boolean; preflightTimeout: number;
}

/** What apply will run, from a saved plan file or planned now. */
interface ApplyJob {
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
    .option('--preflight-timeout <duration>', 'cancel the pre-flight counts after this long (apply then goes on without them)', parseDuration, DEFAULT_PREFLIGHT_TIMEOUT_MS)
    .option('--progress', 'show progress even when stderr is not a terminal')
    .option('--no-color', 'never colour the output')
    .option('--no-type-check', "skip TypeScript's type check of the schema files (schemac's own checks still run)")
    .action(async (planFile: string | undefined, opts: ApplyOptions) => {
      const project = loadProject(io, opts);
      const source = resolveSource(opts, io.env, project.config.database.url);
      if (source.kind !== 'database') throw new UsageError('apply needs a live database: pass --database URL or set SCHEMAC_DATABASE_URL');
      const config = parseConnectionString(source.url);
      // Everything that needs no database first: a compile error should not take the lock.
      const saved = planFile ? readSavedPlan(path.resolve(io.cwd, planFile)) : null;
      const desired = saved ? saved.desired : compileOrFail(io, project, opts.typeCheck !== false);
      const controller = new AbortController();
      let reported = false; // catalog warnings once, not again for the verification read
      let locked: SqlSession | null = null; // the session holding the apply lock, for the pre-flight
      const onSigint = () => controller.abort();
      process.once('SIGINT', onSigint);
      try {
        const result = await executeApply({
          openSession: () => openMssqlSession(config, opts.statementTimeout),
          readCurrent: async (session) => {
            locked = session;
            const snapshot = await readCatalogWith(async (text) => (await session.query(text)).recordsets, describeTarget(config));
            // The same ignore rules as the plan, or ignored tables would look like changes.
            const report = reported ? () => undefined : (d: readonly Diagnostic[]) => reportDiagnostics(io, d);
            reported = true;
            return withoutIgnored(catalogModel(snapshot, report), project.config.ignore);
          },
          fingerprint,
          prepare: async (current, currentFingerprint) => {
            // Counted under the lock and before the transaction: a step certain to fail on the rows
            // there are is refused before any lock-heavy statement runs.
            const session = locked as SqlSession | null;
            const report = session === null ? null : await runPlanPreflight(diff(desired, current, { allowDrop: Boolean(opts.allowDrop) }), current, preflightOver({
              run: async (text) => (await session.query(text)).recordsets as readonly Rows[],
              cancel: () => session.cancel(),
            }), { samples: false, timeoutMs: opts.preflightTimeout });
            const job = saved ? jobFromFile(saved, currentFingerprint, current) : jobFromSchema(io, opts, desired, current, report);
            const blocked = report === null ? null : blockedRefusal(report);
            if (blocked !== null) throw new RefusedError(blocked);
            if (job.stepCount === 0) {
              io.stdout.write('No changes. The database matches the schema.\n');
              return null;
            }
            if (job.dataLoss.length > 0 && !opts.allowDataLoss) {
              throw new RefusedError(`refusing to apply: ${job.dataLoss.length} step(s) lose data (${job.dataLoss.join('; ')}); pass --allow-data-loss to apply them; nothing was changed`);
            }
            if (!opts.autoApprove) {
              if (!io.stdinIsTTY) throw new RefusedError('refusing to apply without confirmation: there is no terminal to ask on; review the plan and pass --auto-approve; nothing was changed');
              const yes = await confirm(`Apply ${job.stepCount} change(s) to ${describeTarget(config)}?`, controller.signal);
              if (!yes) throw new RefusedError('apply cancelled: nothing was changed');
            }
            return { statements: job.statements, script: job.script, replan: (after) => diff(desired, after, { allowDrop: false }) };
          },
          toolVersion: version,
          lockTimeoutMs: opts.lockTimeout,
          statementLockTimeoutMs: opts.statementLockTimeout ?? null,
          signal: controller.signal,
          onProgress: progressReporter(io, Boolean(opts.progress)),
        });
        if (result) io.stdout.write(`Applied ${result.steps} change(s) to ${describeTarget(config)} (run ${result.runId}).\n`);
        setExit(ExitCode.ok);
      } catch (err) {
        if (controller.signal.aborted && !(err instanceof ApplyError)) {
          throw new CliError('interrupted: nothing was changed', ExitCode.interrupted, { cause: err });
        }
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

/** A saved plan, applied only if the database is still what it was planned against. */
function jobFromFile(saved: SavedPlan, currentFingerprint: string, current: Database): ApplyJob {
  if (saved.fingerprint !== currentFingerprint) {
    const now = diff(saved.desired, current, { allowDrop: false });
    throw new ApplyError('drift', `the database changed since the plan was made (fingerprint ${saved.fingerprint.slice(0, 12)} expected, ${currentFingerprint.slice(0, 12)} found); planning now would give ${describeRemaining(now)}. Make a new plan; nothing was changed`);
  }
  return {
    statements: saved.statements.up.map((st) => ({ sql: st.sql, stepIndex: st.index - 1, description: saved.changes[st.index - 1]?.summary ?? `step ${st.index}` })),
    script: saved.statements.up.map((st) => st.sql).join('\n'),
    dataLoss: saved.hazards.filter((h) => h.code === 'data-loss').map((h) => `step ${h.index}: ${h.message}`),
    stepCount: saved.changes.length,
  };
}

/** Plans now, from the catalog read under the lock, and shows the plan. */
function jobFromSchema(io: CliIo, opts: ApplyOptions, desired: Database, current: Database, report: PreflightReport | null): ApplyJob {
  const plan = diff(desired, current, { allowDrop: Boolean(opts.allowDrop) });
  if (plan.steps.length > 0) io.stdout.write(renderPlanText(plan, { color: useColor(io.stdout, io.env, opts.color), preflight: report ?? undefined }));
  const json = renderPlanJson(plan, { fingerprint: fingerprint(current), databaseName: current.name });
  return {
    statements: statementsForDriver(plan, 'up').map((st) => ({ sql: st.sql, stepIndex: st.stepIndex, description: st.description })),
    script: renderScript(plan, { direction: 'up', databaseName: current.name }).text,
    dataLoss: json.hazards.filter((h) => h.code === 'data-loss').map((h) => `step ${h.index}: ${h.message}`),
    stepCount: plan.steps.length,
  };
}
