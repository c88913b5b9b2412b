import type { Plan } from '../differ/changes';
import { describeWithTable } from '../emitters/describe';

/** A short list of what a plan would still do, for refusals and the convergence check. */
export function describeRemaining(plan: Plan): string {
  if (plan.steps.length === 0) return 'no changes';
  const names = plan.steps.slice(0, 5).map((s) => describeWithTable(s.change));
  const more = plan.steps.length > 5 ? ` and ${plan.steps.length - 5} more` : '';
  return `${plan.steps.length} change(s): ${names.join(', ')}${more}`;
}
