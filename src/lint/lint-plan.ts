/** Runs the plan rules at the levels the settings give, as diagnostics (no source: they are about steps). */
import type { Plan } from '../differ/changes';
import type { Diagnostic, Severity } from '../model';
import type { PlanLintContext } from './plan-rule';
import { planLintRules } from './plan-rules';
import type { LintSettings } from './settings';

/** Lints a plan; findings keep step order within each rule. */
export function lintPlan(plan: Plan, ctx: PlanLintContext, settings: LintSettings = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of planLintRules) {
    const level = settings.rules?.[rule.id] ?? rule.defaultSeverity;
    if (level === 'off') continue;
    const severity: Severity = level;
    for (const f of rule.check(plan, ctx)) out.push({ code: rule.id, severity, message: f.message });
  }
  return out;
}
