import type { Review } from './review-model';
import { impactText } from '../impact-text';
import { blockingFindings, findingText } from '../preflight-report';

/** GitHub's limit on a PR comment body. */
export const GITHUB_COMMENT_LIMIT = 65_536;

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

// A fence longer than any backtick run inside, so a diff or script can never close it early.
function fence(body: string, lang: string): string {
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((m) => m.length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${body.trimEnd()}\n${ticks}`;
}

function details(summary: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/**
 * The review as a PR comment: a summary table first, hazards highlighted, then collapsible
 * sections per table and the up script, kept under `limit` characters; what does not fit is
 * left out with a note that says so.
 */
export function renderReviewMarkdown(review: Review, limit: number = GITHUB_COMMENT_LIMIT): string {
  const head: string[] = [`### schemac review: \`${review.baseLabel}\` → \`${review.headLabel}\``, '', `**${review.summary}**`];
  if (review.changes.length === 0) return `${[...head, '', 'No changes to the database.'].join('\n')}\n`;
  if (review.hazardCount > 0) {
    head.push('', `> [!WARNING]\n> ${review.hazardCount} hazard${review.hazardCount === 1 ? '' : 's'}: ${[...new Set(review.changes.flatMap((c) => c.hazards.map((h) => h.code)))].join(', ')}`);
  }
  const blocking = review.preflight ? blockingFindings(review.preflight) : [];
  if (blocking.length > 0) {
    head.push('', `> [!CAUTION]\n> Blocked: ${blocking.length} step${blocking.length === 1 ? '' : 's'} will fail on the data in \`${review.baseLabel}\`: ${blocking.map((f) => `step ${f.stepIndex + 1}, ${escapeCell(findingText(f, false))}`).join('; ')}`);
  }
  if (review.lockSummary !== null) head.push('', `> [!CAUTION]\n> ${review.lockSummary}`);
  head.push('', '| # | Table | Change | Lock | Hazards |', '|---|---|---|---|---|');
  for (const ch of review.changes) {
    const counts = (review.preflight?.findings ?? []).filter((f) => f.stepIndex === ch.index - 1)
      .map((f) => `${f.violations > 0 ? '⛔' : '✅'} pre-flight: ${escapeCell(findingText(f, false))}`);
    const hazards = [
      ...ch.hazards.map((h) => `⚠️ **${h.code}**: ${escapeCell(h.message)}`),
      ...ch.downHazards.map((h) => `↩️ down: **${h.code}**: ${escapeCell(h.message)}`),
      ...counts,
    ].join('<br>');
    const lock = ch.impact === null ? '' : escapeCell(impactText(ch.impact));
    head.push(`| ${ch.index} | ${escapeCell(ch.table ?? '')} | ${ch.marker} ${escapeCell(ch.summary)} | ${lock} | ${hazards} |`);
  }
  const sections = [
    ...review.tables.map((t) => details(`<code>${t.table}</code> (${t.changes.length} change${t.changes.length === 1 ? '' : 's'})`, fence(t.diff, 'diff'))),
    details('Up T-SQL', fence(review.upScript, 'sql')),
  ];
  return fitWithin(head.join('\n'), sections, limit);
}

function fitWithin(head: string, sections: string[], limit: number): string {
  const note = (left: number) => `\n\n> [!NOTE]\n> ${left} section${left === 1 ? '' : 's'} left out to stay under GitHub's ${limit.toLocaleString('en-US')}-character comment limit; run \`schemac review\` locally or use \`--format json\` for the whole review.\n`;
  let out = head;
  if (out.length + note(sections.length).length > limit) {
    // Even the summary table is too long: cut it at a line boundary.
    const cut = head.slice(0, Math.max(0, limit - note(sections.length).length - 40));
    return `${cut.slice(0, cut.lastIndexOf('\n'))}\n\n_(summary table truncated)_${note(sections.length)}`;
  }
  for (const [i, section] of sections.entries()) {
    const left = sections.length - i - 1;
    const candidate = `${out}\n\n${section}`;
    const reserve = left > 0 ? note(left).length : 1;
    if (candidate.length + reserve > limit) return `${out}${note(sections.length - i)}`;
    out = candidate;
  }
  return `${out}\n`;
}
