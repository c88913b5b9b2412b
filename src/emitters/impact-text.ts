/** A step's lock impact in words, as plan text, review, JSON summaries and script comments show it. */
import type { PlanStep, StepImpact } from '../differ/changes';

const count = (n: number): string => n.toLocaleString('en-US');

/** `index-build, online, Sch-S` / `size-of-data, offline, Sch-M` / `metadata-only, Sch-M`. */
export function impactLabel(i: StepImpact): string {
  const parts: string[] = [i.class];
  if (i.online !== null) parts.push(i.online ? 'online' : 'offline');
  if (i.lock !== 'none') parts.push(i.lock);
  return parts.join(', ');
}

/** `1,200,000 rows, 340.5 MB, up to 120 batches`, or null when the step does not scale or sizes are unknown. */
export function impactSize(i: StepImpact): string | null {
  const parts: string[] = [];
  if (i.rows !== null) parts.push(`${count(i.rows)} row${i.rows === 1 ? '' : 's'}`);
  if (i.mb !== null && i.mb > 0) parts.push(i.mb < 0.1 ? '<0.1 MB' : `${i.mb.toFixed(1)} MB`);
  if (i.batches !== null) parts.push(`up to ${count(i.batches)} batch${i.batches === 1 ? '' : 'es'}`);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** The whole line: label, size, and why an operation with an online form runs offline. */
export function impactText(i: StepImpact): string {
  const size = impactSize(i);
  const offline = i.offlineReason !== null ? ` (${i.offlineReason})` : '';
  return `${impactLabel(i)}${offline}${size !== null ? `; ${size}` : ''}`;
}

/**
 * "2 steps hold Sch-M on tables over 1,000,000 rows", or null when none does. Steps on tables
 * of unknown size are not counted: the sentence states what the catalog showed.
 */
export function schMSummary(steps: readonly PlanStep[], largeTableRows: number): string | null {
  const n = steps.filter((s) => s.impact !== undefined && s.impact.lock === 'Sch-M' && s.impact.class !== 'metadata-only'
    && s.impact.rows !== null && s.impact.rows >= largeTableRows).length;
  if (n === 0) return null;
  return `${n} step${n === 1 ? '' : 's'} hold${n === 1 ? 's' : ''} Sch-M on tables over ${count(largeTableRows)} rows`;
}
