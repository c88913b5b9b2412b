import type { Plan, ProductionOptions, ResumableOptions } from '../differ';
import type { PlanJson } from '../emitters/plan-json';
import type { PreflightReport } from '../emitters/preflight-report';
import type { Database } from '../model';
import type { CompileStart } from '../compiler/compile-start';
import type { CurrentState } from './current';
import type { PreflightSettings } from './preflight';
import type { Project, ProjectFlags } from './project';
import type { DatabaseSource, SourceFlags } from './sources';

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

/** A plan begun (startPlan): its project, the database it compares with, and its compile started. */
export interface PlanStart {
  readonly project: Project;
  readonly source: DatabaseSource;
  readonly compile: CompileStart;
}
