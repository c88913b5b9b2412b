import * as path from 'path';
import { diff, fingerprint, productionOptions, type Plan, type ProductionOptions } from '../differ';
import { lintPlan } from '../lint';
import { AppError } from './errors';
import { renderPlanJson, type PlanJson } from '../emitters/plan-json';
import type { Database } from '../model';
import { compileThen } from './compile';
import { offlineSteps } from './online-policy';
import type { AppContext } from './context';
import { loadCurrent, type CurrentState } from './current';
import { loadProject, managedSchemas, type ProjectFlags } from './project';
import { writeSavedPlan } from './saved-plan';
import { refuseResumableSavedPlan, resumableNotes, withBlockingBuildWarnings, withResumable, type ResumableOptions } from './resumable-policy';
import type { PreflightReport } from '../emitters/preflight-report';
import { noDatabaseReason, runPlanPreflight, type PreflightSettings, type PreflightSource } from './preflight';
import type { DatabaseSource } from './sources';
import { resolveSource, type SourceFlags } from './sources';

/** What `plan` and `emit-sql` need: the project, the database to compare with, and the plan's shape. */
export interface PlanInput extends ProjectFlags, SourceFlags {
  readonly allowDrop: boolean;
  /** False skips TypeScript's own type check (schemac's checks still run). */
  readonly typeCheck: boolean;
  /** Also save the plan here (relative to the context's cwd), for `apply FILE`. */
  readonly savePlanTo?: string;
  /** Online builds, low-priority waits and batching (--online, --low-priority-wait); defaults when absent. */
  readonly production?: Partial<ProductionOptions>;
  /** Count the rows each data-dependent step would fail on (a live database only; otherwise say why not). */
  readonly preflight?: PreflightSettings;
  /** `--resumable`: qualifying index builds run after COMMIT, outside the transaction (resumable-policy.ts). */
  readonly resumable?: ResumableOptions;
}

/** A plan and everything it was made from. */
export interface PlanResult {
  readonly plan: Plan;
  readonly desired: Database;
  readonly current: CurrentState;
  /** The schemac.plan/v1 document, with the fingerprint of the catalog planned against. */
  readonly json: PlanJson;
  /** With `--online=require`: the steps that would block a large table offline (the plan is refused, exit 3). */
  readonly offline: readonly string[];
  /** The pre-flight counts, when asked for; `blocked` means a step will certainly fail on the data. */
  readonly preflight: PreflightReport | null;
  /** What --resumable did with this plan, for stderr (empty without the flag). */
  readonly notes: readonly string[];
}

/**
 * `plan`: compiles the schema, reads the current state, and diffs. It never refuses: skips and
 * hazards are part of the result. With `savePlanTo`, the plan and the desired model are saved
 * atomically for a later `apply FILE`.
 */
export async function plan(ctx: AppContext, input: PlanInput): Promise<PlanResult> {
  return (await planThen(ctx, input, () => undefined)).planned;
}

/**
 * `plan`, with `derive` (pure work on the plan, such as rendering its script) done as well.
 * Reading the current state, diffing and `derive` run while TypeScript's type check is still
 * running (compileThen): nothing shows before the schema is known to compile. The pre-flight
 * counts and the saved plan wait for that verdict.
 */
export async function planThen<T>(
  ctx: AppContext, input: PlanInput, derive: (made: Plan, current: CurrentState) => T,
): Promise<{ readonly planned: PlanResult; readonly derived: T }> {
  if (input.savePlanTo !== undefined) refuseResumableSavedPlan(input.resumable, 'plan --out');
  const project = loadProject(ctx.cwd, input);
  const source = resolveSource(input, ctx.env, project.config.database.url);
  const production = productionOptions(input.production);
  // A catalog file is read (and everything planned) while the type check runs; a live server is
  // only connected to once the schema is known to compile.
  const overlap = source.kind !== 'database';
  const { desired, current, made, decision, offline, derived } = await compileThen(ctx, project, input.typeCheck, async (desired, held) => {
    const current = await loadCurrent(held, source, project.config.ignore, project.config.descriptions);
    const diffed = diff(desired, current.database, { allowDrop: input.allowDrop, production, managedSchemas: managedSchemas(project.config, desired), systemNames: project.config.systemNames });
    const resumable = withResumable(diffed, desired, current.database, input.resumable);
    const made = withBlockingBuildWarnings(resumable.plan, current.database);
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
