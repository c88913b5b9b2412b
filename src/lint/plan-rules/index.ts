/**
 * The plan rules: steps that will hurt a busy production table. Each needs the table's row
 * count (a plan against a database or snapshot); against --empty nothing is large.
 */
import type { PlanStep, StepImpact } from '../../differ/changes';
import { describeWithTable } from '../../emitters/describe';
import { impactText } from '../../emitters/impact-text';
import type { PlanLintContext, PlanLintRule } from '../plan-rule';

type Pick = (impact: StepImpact) => boolean;

/** Findings for every step on a large table whose impact matches. */
function stepsWhere(pick: Pick, why: string): PlanLintRule['check'] {
  return (plan, ctx: PlanLintContext) => plan.steps.flatMap((s: PlanStep, i) => {
    const impact = s.impact;
    if (impact === undefined || impact.rows === null || impact.rows < ctx.largeTableRows || !pick(impact)) return [];
    return [{ message: `step ${i + 1} (${describeWithTable(s.change)}): ${impactText(impact)}; ${why}` }];
  });
}

/** An index build or table rebuild that runs offline on a large table. */
export const offlineIndexBuild: PlanLintRule = {
  id: 'offline-index-build',
  defaultSeverity: 'warning',
  description: 'an index build or table rebuild that runs offline on a large table',
  check: stepsWhere((i) => (i.class === 'index-build' || i.class === 'table-rebuild') && i.online === false,
    'writers wait for the whole build; run it on an edition with online index operations, or in a maintenance window'),
};

/** A step that reads or rewrites every row of a large table without an online form. */
export const sizeOfDataLargeTable: PlanLintRule = {
  id: 'size-of-data-large-table',
  defaultSeverity: 'warning',
  description: 'a step that reads or rewrites every row of a large table (validation, ALTER COLUMN, backfill)',
  check: stepsWhere((i) => i.class === 'size-of-data' && i.online !== true,
    'its time grows with the table; expect the lock to be held for all of it'),
};

/** A step holding Sch-M (blocking every reader and writer) while it works through a large table. */
export const schemaLockLargeTable: PlanLintRule = {
  id: 'sch-m-large-table',
  defaultSeverity: 'warning',
  description: 'a step that holds a schema-modification (Sch-M) lock while it works through a large table',
  check: stepsWhere((i) => i.lock === 'Sch-M' && i.class !== 'metadata-only',
    'Sch-M blocks every query on the table, reads included, until the transaction commits'),
};

/** Every plan rule; ids are unique among model and plan rules (a test checks it). */
export const planLintRules: readonly PlanLintRule[] = [offlineIndexBuild, sizeOfDataLargeTable, schemaLockLargeTable];
