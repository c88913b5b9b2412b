/**
 * The part of a review about migration files a pull request adds: each migration with its
 * hazards, what the offline check of its scripts found, and its up.sql, as text, markdown or
 * JSON, with the lock impact of every step that is not metadata-only.
 */

/** One added migration as a reviewer sees it. */
export interface MigrationReviewItem {
  readonly id: string;
  /** The folder as the repository has it, e.g. migrations/20260301120000_add_orders. */
  readonly folder: string;
  readonly steps: number;
  readonly hazards: readonly { readonly step: number; readonly what: string; readonly code: string; readonly message: string }[];
  readonly findings: readonly { readonly severity: string; readonly file: string; readonly message: string }[];
  /** Steps that scan, rewrite or build (not metadata-only), with what they lock. */
  readonly locks: readonly { readonly step: number; readonly what: string; readonly impact: string }[];
  readonly up: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Plain text, after the schema review. */
export function renderMigrationsText(items: readonly MigrationReviewItem[]): string {
  if (items.length === 0) return '';
  const out = ['', `Migrations added (${items.length}):`];
  for (const m of items) {
    out.push(`  ${m.folder}: ${plural(m.steps, 'schema step')}, ${plural(m.hazards.length, 'hazard')}`);
    for (const h of m.hazards) out.push(`    ! step ${h.step} (${h.what}): ${h.code}: ${h.message}`);
    for (const l of m.locks) out.push(`    lock: step ${l.step} (${l.what}): ${l.impact}`);
    for (const f of m.findings) out.push(`    ${f.severity}: ${f.file}: ${f.message}`);
  }
  return `${out.join('\n')}\n`;
}

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function fence(body: string, lang: string): string {
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((m) => m.length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${body.trimEnd()}\n${ticks}`;
}

/** A markdown section for the PR comment: a table of migrations and hazards, each up.sql collapsed. */
export function renderMigrationsMarkdown(items: readonly MigrationReviewItem[], limit = 30_000): string {
  if (items.length === 0) return '';
  const out = ['', `#### Migrations added (${items.length})`, '', '| Migration | Steps | Hazards | Locks | Checks |', '|---|---|---|---|---|'];
  for (const m of items) {
    const hazards = m.hazards.map((h) => `⚠️ **${h.code}** (step ${h.step}): ${escapeCell(h.message)}`).join('<br>');
    const locks = m.locks.map((l) => `step ${l.step}: ${escapeCell(l.impact)}`).join('<br>');
    const checks = m.findings.map((f) => `${f.severity === 'error' ? '❌' : 'ℹ️'} ${escapeCell(`${f.file}: ${f.message}`)}`).join('<br>');
    out.push(`| \`${m.id}\` | ${m.steps} | ${hazards} | ${locks} | ${checks} |`);
  }
  let used = out.join('\n').length;
  for (const m of items) {
    const section = `\n<details><summary><code>${m.folder}/up.sql</code></summary>\n\n${fence(m.up, 'sql')}\n\n</details>`;
    if (used + section.length > limit) {
      out.push('', `_(up.sql of further migrations left out for length; see the files in the pull request)_`);
      break;
    }
    out.push(section);
    used += section.length;
  }
  return `${out.join('\n')}\n`;
}

/** The `migrations` property of the review JSON. */
export function migrationsJson(items: readonly MigrationReviewItem[]): object[] {
  return items.map((m) => ({ id: m.id, folder: m.folder, steps: m.steps, hazards: m.hazards, locks: m.locks, findings: m.findings, up: m.up }));
}
