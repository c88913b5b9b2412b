/**
 * Suppressing a lint finding in the schema file, next to what it is about, with its reason:
 *
 *   // schemac-lint-ignore fk-without-index -- tenants are soft-deleted, never hard deleted
 *   @ForeignKey('fk_{table}_tenant', ['tenantId'], () => Tenant, ['id'])
 *
 * A directive covers the findings of the named rules (comma-separated) that point at the next
 * line that is neither blank nor a `//` comment (or at its own line, after code). The reason is required: a suppression without
 * one hides a decision nobody can review, so it suppresses nothing and is itself reported.
 */
import type { Diagnostic } from '../model';
import { lintRules } from './rules';

const DIRECTIVE = /\/\/\s*schemac-lint-ignore\b(.*)$/;
/** The finding code of a directive schemac cannot use. */
export const BAD_SUPPRESSION = 'lint-ignore';

/** What a file's directives cover: line number (1-based) -> rule ids suppressed there. */
interface FileSuppressions {
  readonly byLine: ReadonlyMap<number, ReadonlySet<string>>;
  readonly problems: readonly Diagnostic[];
}

function parseFile(file: string, text: string): FileSuppressions {
  // Most files have no directive: no need to split them into lines.
  if (!text.includes('schemac-lint-ignore')) return { byLine: new Map(), problems: [] };
  const lines = text.split(/\r?\n/);
  const known = new Set(lintRules.map((r) => r.id));
  const byLine = new Map<number, Set<string>>();
  const problems: Diagnostic[] = [];
  lines.forEach((line, i) => {
    const m = DIRECTIVE.exec(line);
    if (!m) return;
    const source = { file, line: i + 1, column: m.index + 1 };
    const [rulesText = '', ...reasonParts] = (m[1] ?? '').split('--');
    const rules = rulesText.split(',').map((r) => r.trim()).filter((r) => r !== '');
    const reason = reasonParts.join('--').trim();
    const unknown = rules.filter((r) => !known.has(r));
    if (rules.length === 0 || reason === '' || unknown.length > 0) {
      const why = unknown.length > 0 ? `unknown lint rule ${unknown.join(', ')}` : rules.length === 0 ? 'no rule named' : 'no reason given';
      problems.push({
        code: BAD_SUPPRESSION, severity: 'warning', source,
        message: `schemac-lint-ignore ignored (${why}): write // schemac-lint-ignore <rule>[, <rule>] -- <why it is fine here>`,
      });
      return;
    }
    // A directive after code on its line covers that line; on a line of its own, the next code line.
    const trailing = line.slice(0, m.index).trim() !== '';
    let target = trailing ? i : i + 1;
    while (!trailing && target < lines.length && /^\s*(\/\/.*)?$/.test(lines[target] ?? '')) target++;
    const set = byLine.get(target + 1) ?? new Set<string>();
    for (const r of rules) set.add(r);
    byLine.set(target + 1, set);
  });
  return { byLine, problems };
}

/**
 * The lint findings minus those a directive suppresses, plus a warning for each directive that
 * cannot be used. `readText` gives a file's text (null when it cannot be read); only files that
 * have findings are read.
 */
export function withoutSuppressed(findings: readonly Diagnostic[], readText: (file: string) => string | null): Diagnostic[] {
  const files = new Map<string, FileSuppressions>();
  const of = (file: string): FileSuppressions => {
    let parsed = files.get(file);
    if (!parsed) {
      const text = readText(file);
      parsed = text === null ? { byLine: new Map(), problems: [] } : parseFile(file, text);
      files.set(file, parsed);
    }
    return parsed;
  };
  const kept = findings.filter((f) => !(f.source && of(f.source.file).byLine.get(f.source.line)?.has(f.code)));
  return [...kept, ...[...files.values()].flatMap((f) => f.problems)];
}
