import type { Plan } from '../differ';
import type { Direction, Script } from '../emitters';
import type { AppContext } from './context';
import { startPlan, untilCompiled, type PlanInput } from './plan';

/** What `emit-sql` needs: a plan's input and which way the script goes. */
export interface EmitSqlInput extends Omit<PlanInput, 'savePlanTo'> {
  readonly direction: Direction;
}

/** The script, and the plan it renders (its step count drives --detailed-exitcode). */
export interface EmitSqlResult {
  readonly script: Script;
  readonly plan: Plan;
  /** With `--online=require`: the steps that would block a large table offline (the script is refused). */
  readonly offline: readonly string[];
  /** What --resumable did with the plan, for stderr (empty without the flag). */
  readonly notes: readonly string[];
}

/** `emit-sql`: the up (or down) script for sqlcmd, SSMS or a DBA's review; never refuses. */
export async function emitSql(ctx: AppContext, input: EmitSqlInput): Promise<EmitSqlResult> {
  // The check starts before the compiler, the differ and the emitters load (plan.ts).
  const started = startPlan(ctx, input);
  return untilCompiled(started, async () => {
    const [{ planThen }, { renderScript }] = await Promise.all([import('./plan-run'), import('../emitters')]);
    // The script is rendered while TypeScript's check may still run (planThen).
    const { planned, derived: script } = await planThen(ctx, input, started, (made, current) =>
      renderScript(made, { direction: input.direction, databaseName: current.database.name }));
    return { script, plan: planned.plan, offline: planned.offline, notes: planned.notes };
  });
}
