import type { HazardCode, Plan, PlanPrerequisite, ResumableBuild, SkippedObject, StepImpact } from '../differ/changes';
import { runsAfterCommit } from '../differ/changes';
import { describeChange, type DeltaPart } from './describe';
import { preflightJson, type PreflightReport } from './preflight-report';
import { prerequisiteReason, prerequisiteStatement } from './prerequisites';
import { statementsForDriver } from './tsql/script';

/**
 * `schemac.plan/v1`: the plan as JSON (`schemac plan --format json`, and the saved plan file).
 * Keys always appear in this order.
 *
 * - `format`: always `"schemac.plan/v1"`.
 * - `fingerprint`: hash of the catalog model the plan was made against; `apply` of a saved plan
 *   refuses (exit 3) when the database no longer has this fingerprint.
 * - `database`: DB_NAME() of that catalog, or null (planned against `--empty` or a schema only).
 * - `changes[]`: the steps in execution order.
 *   - `index`: 1-based step number, as the plan text and the scripts' comments show it.
 *   - `kind`: the change kind (`createTable`, `addColumn`, `createIndex`, ...).
 *   - `table`: `{ schema, name }` of the table it touches, or null (schema and sequence changes).
 *   - `object`: the name of what it touches (table, column, index or constraint, schema; a
 *     sequence as `schema.name`).
 *   - `summary`: one line for people, e.g. `add column email varchar(255) NOT NULL`.
 *   - `delta`: for an alteration, or the re-creation of a check, FK, default, key or index whose
 *     definition changed: `[{ part, from, to }]`, each part old -> new (e.g. `{ part: "onDelete",
 *     from: "ON DELETE NO ACTION", to: "ON DELETE CASCADE" }`); null for other steps.
 *   - `hazards[]`: `{ code, message }`; codes are stable: data-loss, table-rebuild,
 *     index-build, constraint-scan, identity-change, not-null-with-rows, irreversible,
 *     sequence-restart, dependent-object, dependent-rebuild, permissions-dropped, unmasks-data, change-tracking-reset,
 *     column-order.
 *   - `downHazards[]`: `{ code, message }`: hazards of the step's inverse in the down script
 *     where they differ from its own (the narrowing that undoes a widening, and the index it
 *     rebuilds around it); empty for most steps.
 *   - `reversible`: false when the down script cannot undo the step (true for a step another
 *     step's inverse undoes, such as the backfill of a new column, which the down script drops).
 *   - `resumable` (only on a step `--resumable` runs after COMMIT, outside the transaction):
 *     `{ afterCommit: true, maxDurationMinutes }` (null: no MAX_DURATION). Its statement carries
 *     `RESUMABLE = ON`; a saved plan cannot hold such steps (plan --out refuses --resumable).
 *   - `impact`: what the step locks and how it scales, or null: `{ rule, class, lock, online,
 *     offlineReason, rows, mb, batches }`. `class` is metadata-only, size-of-data, index-build or
 *     table-rebuild; `lock` is Sch-M, S, Sch-S, X or none; `online` is true/false for steps that
 *     have an online form and null otherwise; `rows`/`mb` are the table's (null when unknown);
 *     `batches` the most UPDATE batches a batched backfill runs. `rule` names the row of
 *     schemac's lock-impact table (stable ids).
 * - `skipped[]`: objects left alone: `{ objectType, schema, table, name, reason }`.
 * - `warnings[]`: `{ schema, table, message }`: what the author should know that is not a step
 *   (a declared rename whose old name exists nowhere).
 * - `refused[]` (only when there are any): changes not planned because they would touch an
 *   object schemac cannot model: `{ schema, table, change, reason }`; `apply` refuses (exit 3).
 * - `prerequisites[]` (only when there are any): database settings the plan needs that schemac
 *   does not manage, to set first: `{ kind, database, tables[] { schema, name }, reason, statement }`
 *   (kind `databaseChangeTracking`: the statement is the ALTER DATABASE ... SET CHANGE_TRACKING = ON
 *   to run); `apply` refuses while the setting is missing.
 * - `hazards[]`: every hazard of every step, flattened: `{ index, code, message }`.
 * - `statements`: `{ up: [...], down: [...] }`, each `{ index, sql }`: the T-SQL the driver runs
 *   (no GO, no transaction control); `down` lists the inverses in reverse order.
 * - `preflight` (only when the plan was checked against data, or could not be): `blocked` (a step
 *   will certainly fail), `checks[]` `{ index, kind, table, what, violations, samples? }` (kinds:
 *   not-null, add-not-null, narrowing, check, duplicates, orphans; `samples`, primary-key values of
 *   up to 5 offending rows, only with `--samples`), `notRun[]` `{ index, kind, reason }`.
 */
export interface PlanJson {
  readonly format: 'schemac.plan/v1';
  readonly fingerprint: string;
  readonly database: string | null;
  readonly changes: readonly PlanJsonChange[];
  readonly skipped: readonly PlanJsonSkipped[];
  readonly warnings: readonly { readonly schema: string; readonly table: string; readonly message: string }[];
  readonly refused?: readonly { readonly schema: string; readonly table: string; readonly change: string; readonly reason: string }[];
  readonly prerequisites?: readonly PlanJsonPrerequisite[];
  readonly hazards: readonly { readonly index: number; readonly code: HazardCode; readonly message: string }[];
  readonly statements: { readonly up: readonly PlanJsonStatement[]; readonly down: readonly PlanJsonStatement[] };
  readonly preflight?: unknown;
}

/** One entry of `prerequisites`: a database setting to set before the plan runs. */
export interface PlanJsonPrerequisite {
  readonly kind: PlanPrerequisite['kind'];
  readonly database: string | null;
  readonly tables: readonly { readonly schema: string; readonly name: string }[];
  readonly reason: string;
  readonly statement: string;
}

/** One step in `changes`. */
export interface PlanJsonChange {
  readonly index: number;
  readonly kind: string;
  readonly table: { readonly schema: string; readonly name: string } | null;
  readonly object: string;
  readonly summary: string;
  readonly delta: readonly DeltaPart[] | null;
  readonly hazards: readonly { readonly code: HazardCode; readonly message: string }[];
  readonly downHazards: readonly { readonly code: HazardCode; readonly message: string }[];
  readonly reversible: boolean;
  readonly impact: StepImpact | null;
  readonly resumable?: { readonly afterCommit: true; readonly maxDurationMinutes: ResumableBuild['maxDurationMinutes'] };
  /** The step changes a memory-optimized table: it runs on its own after COMMIT, outside the transaction. */
  readonly memoryOptimized?: true;
}

/** One entry of `skipped`. */
export interface PlanJsonSkipped {
  readonly objectType: SkippedObject['objectType'];
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly reason: string;
}

/** One statement of `statements.up` / `statements.down`; `index` is the 1-based step it belongs to. */
export interface PlanJsonStatement {
  readonly index: number;
  readonly sql: string;
}

/** Options of renderPlanJson. */
export interface PlanJsonOptions {
  readonly fingerprint: string;
  readonly databaseName?: string | null;
  /** The pre-flight outcome; `samples` includes the sampled key values. */
  readonly preflight?: { readonly report: PreflightReport; readonly samples: boolean };
}

/** The `schemac.plan/v1` document of a plan (an object; the caller serializes it). */
export function renderPlanJson(plan: Plan, options: PlanJsonOptions): PlanJson {
  const changes = plan.steps.map((step, i): PlanJsonChange => {
    const facts = describeChange(step.change);
    return {
      index: i + 1,
      kind: step.change.kind,
      table: facts.table === null ? null : { schema: facts.table.schema, name: facts.table.name },
      object: facts.object,
      summary: facts.summary,
      delta: facts.delta ?? null,
      hazards: step.hazards.map((h) => ({ code: h.code, message: h.message })),
      downHazards: (step.downHazards ?? []).map((h) => ({ code: h.code, message: h.message })),
      reversible: step.inverse !== null || step.undoneBy !== undefined,
      impact: step.impact ?? null,
      ...(runsAfterCommit(step.change) ? { resumable: { afterCommit: true as const, maxDurationMinutes: step.change.resumable.maxDurationMinutes } } : {}),
      ...(step.memoryOptimized === true ? { memoryOptimized: true as const } : {}),
    };
  });
  const statements = (direction: 'up' | 'down'): PlanJsonStatement[] =>
    statementsForDriver(plan, direction).map((s) => ({ index: s.stepIndex + 1, sql: s.sql }));
  return {
    format: 'schemac.plan/v1',
    fingerprint: options.fingerprint,
    database: options.databaseName ?? null,
    changes,
    skipped: plan.skipped.map((s) => ({
      objectType: s.objectType, schema: s.table.schema, table: s.table.name, name: s.name, reason: s.reason,
    })),
    warnings: (plan.warnings ?? []).map((w) => ({ schema: w.table.schema, table: w.table.name, message: w.message })),
    ...(plan.refused !== undefined && plan.refused.length > 0
      ? { refused: plan.refused.map((r) => ({ schema: r.table.schema, table: r.table.name, change: r.change, reason: r.reason })) }
      : {}),
    ...(plan.prerequisites !== undefined && plan.prerequisites.length > 0
      ? { prerequisites: plan.prerequisites.map((p) => ({ kind: p.kind, database: p.database, tables: p.tables.map((t) => ({ schema: t.schema, name: t.name })), reason: prerequisiteReason(p), statement: prerequisiteStatement(p) })) }
      : {}),
    hazards: plan.steps.flatMap((step, i) => step.hazards.map((h) => ({ index: i + 1, code: h.code, message: h.message }))),
    statements: { up: statements('up'), down: statements('down') },
    ...(options.preflight !== undefined ? { preflight: preflightJson(options.preflight.report, options.preflight.samples) } : {}),
  };
}

/** The document as text: two-space indented JSON and a final newline. */
export function formatPlanJson(plan: Plan, options: PlanJsonOptions): string {
  return `${JSON.stringify(renderPlanJson(plan, options), null, 2)}\n`;
}
