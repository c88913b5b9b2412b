/** Lint: findings about a model that is valid but probably not what a team wants on SQL Server. */
export { lint } from './lint';
export { lintRules } from './rules';
export { ruleLevels } from './settings';
export type { LintSettings, RuleLevel } from './settings';
export type { Finding, LintRule } from './rule';
export { supersededCompilerCodes, withoutSuperseded } from './supersede';
export { lintPlan } from './lint-plan';
export { planLintRules } from './plan-rules';
export type { PlanLintRule, PlanLintContext } from './plan-rule';
export { withoutSuppressed, BAD_SUPPRESSION } from './suppressions';
export { findingKey, introducedFindings } from './introduced';
