/** The work of `plan` (plan.ts starts it): compile, read the current state, diff, lint and pre-flight. */
import { requireDataSpaces } from './data-space-check';
import * as path from 'path';
import { diff, fingerprint, productionOptions, type Plan } from '../differ';
import { lintPlan } from '../lint';
import { AppError } from './errors';
import { renderPlanJson, type PlanJson } from '../emitters/plan-json';
import { compileThen } from './compile';
import { offlineSteps } from './online-policy';
import type { AppContext } from './context';
import { loadCurrent, type CurrentState } from './current';
import { managedSchemas } from './managed-schemas';
import { writeSavedPlan } from './saved-plan';
import { resumableNotes, withBlockingBuildWarnings, withResumable } from './resumable-policy';
import { noDatabaseReason, runPlanPreflight, withDatabaseChangeTracking, type PreflightSource } from './preflight';
import type { PlanInput, PlanResult, PlanStart } from './plan-types';
import type { DatabaseSource } from './sources';

/**
 * `plan` of a started plan (startPlan, plan.ts), with `derive` (pure work on the plan, such as
 * rendering its script) done as well. Reading the current state (a catalog file; a live server's
 * catalog on large schemas, LIVE_READ_BESIDE_CHECK_FILES), diffing and `derive` run while
 * TypeScript's type check is still running (compileThen): nothing shows before the schema is
 * known to compile, and on a type error the server's connection is let go. The pre-flight counts
 * (queries on the user's tables) and the saved plan wait for that verdict.
 */
export async function planThen<T>(
  ctx: AppContext, input: PlanInput, started: PlanStart, derive: (made: Plan, current: CurrentState) => T,
): Promise<{ readonly planned: PlanResult; readonly derived: T }> {
  const { project, source } = started;
  const production = productionOptions(input.production);
  const overlap = source.kind !== 'database' || liveReadPays(started.compile);
  const { desired, current, made, decision, offline, derived } = await compileThen(ctx, project, started.compile, async (desired, held, abandoned) => {
    const current = await loadCurrent(held, source, project.config.ignore, project.config.descriptions, abandoned);
    requireDataSpaces(desired, current.database);
    const diffed = diff(desired, current.database, { allowDrop: input.allowDrop, production, managedSchemas: managedSchemas(project.config, desired), systemNames: project.config.systemNames });
    const resumable = withResumable(diffed, desired, current.database, input.resumable);
    // A database setting the plan needs is shown, not refused: a DBA reviews the script first.
    const made = withDatabaseChangeTracking(withBlockingBuildWarnings(resumable.plan, current.database), current.database);
    // The plan rules (lock impact on large tables) at the project's levels; an error-level finding stops here.
    const findings = lintPlan(made, { largeTableRows: production.largeTableRows }, project.config.lint);
    held.report(findings);
    if (findings.some((d) => d.severity === 'error')) throw new AppError('the plan has lint errors (see above); nothing was planned');
    const offline = production.online === 'require' ? offlineSteps(made, production) : [];
    return { desired, current, made, decision: resumable.decision, offline, derived: derive(made, current) };
  }, { overlap });
  const report = input.preflight === undefined ? null : await runPlanPreflight(made, current.database, preflightSource(source), input.preflight);
  const shown = report !== null && (report.findings.length > 0 || report.notRun.length > 0);
  // The JSON document (and the catalog's fingerprint in it) is made only when asked for:
  // emit-sql and the text plan never read it, and on large schemas it is a phase of its own.
  let json: PlanJson | undefined;
  const planJson = (): PlanJson => (json ??= renderPlanJson(made, {
    fingerprint: fingerprint(current.database), databaseName: current.database.name,
    preflight: shown ? { report, samples: input.preflight?.samples === true } : undefined,
  }));
  if (input.savePlanTo !== undefined) writeSavedPlan(path.resolve(ctx.cwd, input.savePlanTo), { ...planJson(), desired });
  const planned: PlanResult = { plan: made, desired, current, get json() { return planJson(); }, preflight: report, offline, notes: made.steps.length > 0 ? resumableNotes(decision) : [] };
  return { planned, derived };
}

/**
 * How many schema files a native check needs before a live server's catalog is read beside it.
 * Loading the driver takes about 0.2 s of this thread, which nothing can interrupt, so the read
 * only pays when the check outlasts extraction by more than that. Measured against a server 10 ms
 * away (whole-process, paired): x0.89 wall at 1,000 tables, x1.01 at 100, while a one-table
 * schema with a type error took x1.68 as long to give its answer.
 */
export const LIVE_READ_BESIDE_CHECK_FILES = 500;

/** Whether reading a live catalog beside the type check pays (LIVE_READ_BESIDE_CHECK_FILES). */
function liveReadPays(compile: PlanStart['compile']): boolean {
  return compile.native !== null && compile.paths.length >= LIVE_READ_BESIDE_CHECK_FILES;
}

/** Where the pre-flight counts rows: the live database, or nowhere (and why). */
export function preflightSource(source: DatabaseSource): PreflightSource {
  switch (source.kind) {
    case 'database':
      return {
        kind: 'database',
        run: async (sql, timeoutMs) => {
          // Loaded here: the driver is only needed when a server is read.
          const [{ parseConnectionString }, { runPreflight }] = await Promise.all([import('../catalog/connection'), import('../catalog/preflight-connect')]);
          return runPreflight(parseConnectionString(source.url), sql, timeoutMs);
        },
      };
    case 'catalog':
    case 'empty':
      return { kind: 'none', reason: noDatabaseReason(source.kind) };
  }
}
