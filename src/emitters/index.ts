/** Emitters: a Plan turned into text. T-SQL is produced here and nowhere else. */
export { renderScript, statementsForDriver, SESSION_OPTIONS } from './tsql/script';
export type { Batch, Direction, DriverStatement, Script, ScriptOptions } from './tsql/script';
export { driverStatementsOfScript, ScriptSyntaxError } from './tsql/script-batches';
export { renderSkeletonScript } from './tsql/skeleton';
export { renderChange } from './tsql/render-change';
export { renderPlanText, countPlan, summaryLine } from './plan-text';
export type { PlanTextOptions, PlanCounts } from './plan-text';
export { renderPlanJson, formatPlanJson } from './plan-json';
export type { PlanJson, PlanJsonChange, PlanJsonOptions, PlanJsonSkipped, PlanJsonStatement } from './plan-json';
export { describeChange, describeWithTable } from './describe';
