/**
 * The pre-flight's outcome as the plan views show it: per step, how many existing rows would
 * make it fail (and, when asked, a few of their primary-key values), which checks could not run
 * and why, and whether the plan is blocked.
 */
import type { PreflightKind } from './tsql/preflight';

/** One count that ran. */
export interface PreflightFinding {
  /** 0-based plan step. */
  readonly stepIndex: number;
  readonly kind: PreflightKind;
  readonly table: { readonly schema: string; readonly name: string };
  readonly what: string;
  readonly violations: number;
  /** Primary-key values of up to 5 offending rows; null when not asked for or not available. */
  readonly samples: readonly string[] | null;
}

/** A data-dependent step the pre-flight did not count, and why. */
export interface PreflightNotRun {
  readonly stepIndex: number;
  readonly kind: PreflightKind;
  readonly reason: string;
}

/** The whole pre-flight: what ran, what did not, and whether a step is certain to fail. */
export interface PreflightReport {
  readonly findings: readonly PreflightFinding[];
  readonly notRun: readonly PreflightNotRun[];
  /** True when a step will certainly fail on the rows there are now. */
  readonly blocked: boolean;
}

/** Findings that make the plan blocked: a count above zero. */
export function blockingFindings(report: PreflightReport): PreflightFinding[] {
  return report.findings.filter((f) => f.violations > 0);
}

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/** `3 rows where email IS NULL: the step will fail` (and the sampled keys), for one finding. */
export function findingText(f: PreflightFinding, withSamples: boolean): string {
  const verdict = f.violations > 0 ? ': the step will fail' : '';
  // `what` starts with a plural noun ("rows ...", "values ..."); one of them is singular.
  const what = f.violations === 1 ? f.what.replace(/^(row|value)s\b/, '$1') : f.what;
  const samples = withSamples && f.samples !== null && f.samples.length > 0 ? ` (e.g. primary key ${f.samples.join('; ')})` : '';
  return `${f.violations} ${what}${samples}${verdict}`;
}

/** The lines the plan text ends with: blocked steps, then checks that could not run. */
export function preflightSummaryLines(report: PreflightReport): string[] {
  const lines: string[] = [];
  const blocking = blockingFindings(report);
  if (blocking.length > 0) {
    lines.push(`Blocked: ${plural(blocking.length, 'step')} will fail on existing data:`);
    for (const f of blocking) lines.push(`  step ${f.stepIndex + 1}: ${findingText(f, false)}`);
  }
  if (report.notRun.length > 0) {
    lines.push(`Pre-flight could not check ${plural(report.notRun.length, 'step')} against the data:`);
    for (const n of report.notRun) lines.push(`  step ${n.stepIndex + 1} (${n.kind}): ${n.reason}`);
  }
  return lines;
}

/**
 * `preflight` of the plan JSON: `{ blocked, checks[], notRun[] }`; each check is
 * `{ index, kind, table, what, violations, samples? }` (`samples` only when asked for).
 */
export function preflightJson(report: PreflightReport, withSamples: boolean): unknown {
  return {
    blocked: report.blocked,
    checks: report.findings.map((f) => ({
      index: f.stepIndex + 1, kind: f.kind, table: f.table, what: f.what, violations: f.violations,
      ...(withSamples ? { samples: f.samples ?? [] } : {}),
    })),
    notRun: report.notRun.map((n) => ({ index: n.stepIndex + 1, kind: n.kind, reason: n.reason })),
  };
}
