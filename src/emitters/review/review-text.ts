import chalk from 'chalk';
import type { Review } from './review-model';
import { findingText, preflightSummaryLines } from '../preflight-report';

/** The review for a terminal: summary, changes with hazards, per-table diffs, the up script. */
export function renderReviewText(review: Review, options: { readonly color: boolean }): string {
  const c = new chalk.Instance({ level: options.color ? 1 : 0 });
  const lines: string[] = [c.bold(`schemac review: ${review.baseLabel} -> ${review.headLabel}`), review.summary, ''];
  if (review.changes.length === 0) {
    lines.push('No changes to the database.');
    return `${lines.join('\n')}\n`;
  }
  for (const ch of review.changes) {
    const colour = ch.marker === '+' ? c.green : ch.marker === '-' ? c.red : c.yellow;
    lines.push(colour(`  ${ch.marker} ${ch.index}. ${ch.table ? `${ch.table}: ` : ''}${ch.summary}`));
    for (const h of ch.hazards) lines.push(c.red(`      ! ${h.code}: ${h.message}`));
    for (const h of ch.downHazards) lines.push(c.dim(`      ! down: ${h.code}: ${h.message}`));
    for (const f of review.preflight?.findings.filter((x) => x.stepIndex === ch.index - 1) ?? []) {
      const text = `pre-flight: ${findingText(f, false)}`;
      lines.push(f.violations > 0 ? c.red(`      x ${text}`) : c.dim(`        ${text}`));
    }
  }
  if (review.preflight) {
    const summary = preflightSummaryLines(review.preflight);
    if (summary.length > 0) lines.push('', ...summary);
  }
  for (const t of review.tables) {
    lines.push('', c.bold(`== ${t.table} ==`));
    for (const line of t.diff.trimEnd().split('\n')) {
      lines.push(line.startsWith('+') ? c.green(line) : line.startsWith('-') ? c.red(line) : line);
    }
  }
  lines.push('', c.bold('== up T-SQL =='), review.upScript.trimEnd());
  return `${lines.join('\n')}\n`;
}
