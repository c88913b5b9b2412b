/** Runs every lint rule over a model at the levels the settings give, as diagnostics. */
import type { Database, Diagnostic, Severity } from '../model';
import { lintRules } from './rules';
import type { LintSettings } from './settings';

const order: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Lints `db`. A diagnostic's code is the rule id. Results are sorted by file, line, column,
 * then rule id, so output is stable. Unknown rule ids in the settings are the config
 * validator's business (it knows the file to name), not an error here.
 */
export function lint(db: Database, settings: LintSettings = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of lintRules) {
    const level = settings.rules?.[rule.id] ?? rule.defaultSeverity;
    if (level === 'off') continue;
    for (const f of rule.check(db)) {
      const severity: Severity = f.mild === true ? 'info' : level;
      out.push({ code: rule.id, severity, message: f.message, ...(f.source ? { source: f.source } : {}) });
    }
  }
  return out.sort(compareDiagnostics);
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.source?.file ?? '';
  const fb = b.source?.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  return (a.source?.line ?? 0) - (b.source?.line ?? 0)
    || (a.source?.column ?? 0) - (b.source?.column ?? 0)
    || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
    || order[a.severity] - order[b.severity]
    || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
