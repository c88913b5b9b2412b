/**
 * `plan` and the start every plan shares. This module is light to load: it finds the project
 * and starts the compile (TypeScript's native check, a child process) before it loads the
 * compiler, the differ and the rest (plan-run.ts), so the check runs while they load.
 */
import type { AppContext } from './context';
import { startProjectCompile } from './compile-start';
import type { PlanInput, PlanResult, PlanStart } from './plan-types';
import { loadProject } from './project';
import { refuseResumableSavedPlan } from './resumable-refusal';
import { resolveSource } from './sources';

export type { PlanInput, PlanResult } from './plan-types';

/**
 * `plan`: compiles the schema, reads the current state, and diffs. It never refuses: skips and
 * hazards are part of the result. With `savePlanTo`, the plan and the desired model are saved
 * atomically for a later `apply FILE`.
 */
export async function plan(ctx: AppContext, input: PlanInput): Promise<PlanResult> {
  const started = startPlan(ctx, input);
  return untilCompiled(started, async () => {
    const { planThen } = await import('./plan-run');
    return (await planThen(ctx, input, started, () => undefined)).planned;
  });
}

/** Finds the project and the database to compare with, and starts compiling the schema. */
export function startPlan(ctx: AppContext, input: PlanInput): PlanStart {
  if (input.savePlanTo !== undefined) refuseResumableSavedPlan(input.resumable, 'plan --out');
  const project = loadProject(ctx.cwd, input);
  const source = resolveSource(input, ctx.env, project.config.database.url);
  return { project, source, compile: startProjectCompile(project, input.typeCheck) };
}

/**
 * Runs `rest`, which hands the started compile on (compileThen); when it fails before that, the
 * compile's check is ended, so no tsc is left running (holding the process open) and no temp
 * folder behind. Ending a check that has already ended does nothing.
 */
export async function untilCompiled<T>(started: PlanStart, rest: () => Promise<T>): Promise<T> {
  try {
    return await rest();
  } catch (err) {
    started.compile.discard();
    throw err;
  }
}
