/**
 * `--online=require`: a plan may not hold a large table with an offline, size-of-data step
 * (one that blocks the table's writers or readers for as long as it scans or rebuilds).
 */
import { blocksLargeTable, type Plan, type ProductionOptions } from '../differ';
import { describeWithTable } from '../emitters/describe';
import { impactText } from '../emitters/impact-text';

/** "step 3 (dbo.orders: create index ...): index-build, offline, S (Standard edition ...); 2,000,000 rows", one per blocking step. */
export function offlineSteps(plan: Plan, production: ProductionOptions): string[] {
  return plan.steps.flatMap((s, i) => (blocksLargeTable(s, production) && s.impact !== undefined
    ? [`step ${i + 1} (${describeWithTable(s.change)}): ${impactText(s.impact)}`]
    : []));
}
