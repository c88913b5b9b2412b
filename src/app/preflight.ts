/**
 * The pre-flight policy: count, before anything runs, the existing rows that would make a step
 * fail; a step certain to fail (a count above zero) blocks the plan. `plan` shows the counts and
 * says it is blocked; `apply` refuses before its transaction starts. Without a live database
 * (`--catalog`, `--empty`) nothing is counted and the report says which checks did not run.
 */
import { PreflightRunError, runPreflightWith, type PreflightCounts, type PreflightQuery } from '../catalog/preflight-run';
import type { Plan, PlanPrerequisite } from '../differ/changes';
import { nameKeyFor, tableKey } from '../sqlserver';
import { blockingFindings, findingText, type PreflightFinding, type PreflightReport } from '../emitters/preflight-report';
import { preflightBatch } from '../emitters/tsql/preflight';
import type { Database } from '../model';
import { AppError } from './errors';
import { prerequisiteReason, prerequisiteStatement } from '../emitters/prerequisites';

/** How long the counts may take before they are cancelled (the plan then says they did not run). */
export const DEFAULT_PREFLIGHT_TIMEOUT_MS = 60_000;

/** Where the counts come from: a live database, or nothing (with the reason shown to the user). */
export type PreflightSource =
  | { readonly kind: 'database'; readonly run: (sql: string, timeoutMs: number) => Promise<PreflightCounts> }
  | { readonly kind: 'none'; readonly reason: string };

/** Options of runPlanPreflight. */
export interface PreflightSettings {
  readonly samples: boolean;
  readonly timeoutMs: number;
}

/** A PreflightSource over a query that can be cancelled (an apply session, a pool request). */
export function preflightOver(query: PreflightQuery): PreflightSource {
  return { kind: 'database', run: (sql, timeoutMs) => runPreflightWith(query, sql, timeoutMs) };
}

/** Counts the rows each data-dependent step of `plan` would fail on, in one batch. */
export async function runPlanPreflight(plan: Plan, current: Database, source: PreflightSource, settings: PreflightSettings): Promise<PreflightReport> {
  const batch = preflightBatch(plan, current, { samples: settings.samples, key: nameKeyFor(current.collation) });
  const gaps = batch.gaps.map((g) => ({ stepIndex: g.stepIndex, kind: g.kind, reason: g.reason }));
  const notCounted = (reason: string): PreflightReport => ({
    findings: [],
    notRun: [...batch.checks.map((c) => ({ stepIndex: c.stepIndex, kind: c.kind, reason: `${c.what}: ${reason}` })), ...gaps]
      .sort((a, b) => a.stepIndex - b.stepIndex),
    blocked: false,
  });
  if (batch.sql === null) return { findings: [], notRun: gaps, blocked: false };
  if (source.kind === 'none') return notCounted(source.reason);
  let counts: PreflightCounts;
  try {
    counts = await source.run(batch.sql, settings.timeoutMs);
  } catch (error) {
    if (error instanceof PreflightRunError) return notCounted(error.message);
    throw error;
  }
  const all: PreflightFinding[] = batch.checks.map((c) => ({
    stepIndex: c.stepIndex, kind: c.kind, table: c.table, what: c.what,
    violations: counts.violations.get(c.id) ?? 0,
    samples: c.sampled ? counts.samples.get(c.id) ?? [] : null,
  }));
  // Counts over a table an enabled FILTER predicate guards see only the rows the login may read
  // (row-level-security: filter predicates apply to every read). Rows found on the counted table
  // are real; none found proves nothing, and a filtered parent of a foreign key hides parents.
  const filtered = filteringPolicies(current);
  const findings: PreflightFinding[] = [];
  const unsure: PreflightReport['notRun'][number][] = [];
  for (const f of all) {
    const change = plan.steps[f.stepIndex]?.change;
    const parent = change?.kind === 'addForeignKey' ? { schema: change.constraint.referencedSchema, name: change.constraint.referencedTable } : null;
    const parentPolicy = parent === null ? null : filtered(parent.schema, parent.name);
    const ownPolicy = filtered(f.table.schema, f.table.name);
    if (parentPolicy === null && (ownPolicy === null || f.violations > 0)) { findings.push(f); continue; }
    const [policy, table] = parentPolicy !== null && parent !== null ? [parentPolicy, parent] : [ownPolicy, f.table];
    unsure.push({ stepIndex: f.stepIndex, kind: f.kind, reason: `${f.what}: security policy ${policy ?? ''} filters ${table.schema}.${table.name}, so the count sees only the rows this login may read` });
  }
  return { findings, notRun: [...gaps, ...unsure].sort((a, b) => a.stepIndex - b.stepIndex), blocked: findings.some((f) => f.violations > 0) };
}

/** The enabled security policy with a FILTER predicate on a table (`schema.name`), or null. */
function filteringPolicies(current: Database): (schema: string, name: string) => string | null {
  const key = nameKeyFor(current.collation);
  const byTable = new Map<string, string>();
  for (const p of current.securityPolicies ?? []) {
    if (!p.enabled) continue;
    for (const x of p.predicates) if (x.kind === 'FILTER') byTable.set(tableKey(key, x.target.schema, x.target.name), `${p.schema}.${p.name}`);
  }
  return (schema, name) => byTable.get(tableKey(key, schema, name)) ?? null;
}

/** Why apply refuses a blocked plan (naming each step and its count), or null when it is not blocked. */
export function blockedRefusal(report: PreflightReport): string | null {
  const blocking = blockingFindings(report);
  if (blocking.length === 0) return null;
  const steps = blocking.map((f) => `step ${f.stepIndex + 1} (${f.table.schema}.${f.table.name}): ${findingText(f, false)}`);
  return `refusing to apply: the plan is blocked, ${steps.join('; ')}; fix the data or the schema first; nothing was changed`;
}

/** The reason shown when there is no live database to count rows in. */
export function noDatabaseReason(source: 'catalog' | 'empty'): string {
  return source === 'catalog'
    ? 'not counted: the plan was made from a catalog file (--catalog), which has no rows; plan with --database to count them'
    : 'not counted: there is no database (--empty)';
}

/**
 * A plan that enables change tracking on a table needs the database's change tracking on first
 * (Msg 1718 otherwise: sqlserver/change-tracking.ts). schemac never turns it on itself: it is a
 * database setting with its own retention, and ALTER DATABASE cannot run inside the plan's
 * transaction. When the catalog says it is off, the plan gets a prerequisite naming the tables:
 * plan and emit-sql show the change with the statement to run first (a DBA reviews the script
 * before turning the setting on), and apply refuses (refuseUnmetPrerequisites). An older snapshot
 * or --empty (not known) gets none.
 */
export function withDatabaseChangeTracking(plan: Plan, current: Database): Plan {
  if (current.changeTrackingOn !== false) return plan;
  const tables = plan.steps.flatMap((s) => {
    const c = s.change;
    if (c.kind === 'enableChangeTracking') return [c.table];
    if (c.kind === 'createTable' && c.table.changeTracking !== undefined) return [{ schema: c.table.schema, name: c.table.name }];
    return [];
  });
  if (tables.length === 0) return plan;
  const prerequisite: PlanPrerequisite = { kind: 'databaseChangeTracking', database: current.name, tables };
  return { ...plan, prerequisites: [...(plan.prerequisites ?? []), prerequisite] };
}

/**
 * Apply's refusal, before anything runs, of a plan (made now, or saved) whose prerequisites the
 * database still does not meet; nothing when it meets them.
 */
export function refuseUnmetPrerequisites(prerequisites: readonly PlanPrerequisite[] | undefined, current: Database): void {
  const unmet = (prerequisites ?? []).filter((p) => p.kind === 'databaseChangeTracking' && current.changeTrackingOn === false);
  if (unmet.length === 0) return;
  throw new AppError(`refusing to apply: ${unmet.map(prerequisiteReason).join('; ')}; nothing was changed. Run first, then apply again (a saved plan: make a new one, as the setting changes the catalog):\n`
    + unmet.map((p) => `  ${prerequisiteStatement(p)}`).join('\n'));
}
