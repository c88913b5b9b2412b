import * as path from 'path';
import type { Diagnostic } from '../model';

/** One diagnostic as compilers print it: `file:line:col - error SC1001: message`. */
export function formatDiagnostic(d: Diagnostic, cwd: string): string {
  const where = d.source
    ? `${path.relative(cwd, d.source.file) || d.source.file}:${d.source.line}:${d.source.column} - `
    : '';
  return `${where}${d.severity} ${d.code}: ${d.message}`;
}

/** A count line such as `2 errors, 1 warning`. */
export function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** How many of one rule's info findings are shown before the rest are counted. */
export const INFO_EXAMPLES = 3;

/** One entry of a summarised list: a diagnostic to show, or how many of a rule's infos are not shown. */
export type ShownDiagnostic =
  | { readonly kind: 'shown'; readonly diagnostic: Diagnostic }
  | { readonly kind: 'counted'; readonly code: string; readonly more: number; readonly total: number };

/**
 * Errors and warnings each in full (each asks for action), and info findings of one code up to
 * INFO_EXAMPLES, then counted in one entry: a mixin's DATETIME column on a thousand tables is one
 * piece of advice, not a thousand lines that bury the warnings. `allInfo` shows every one. Order
 * is kept; a rule's count follows its last example shown.
 */
export function summariseInfos(diagnostics: readonly Diagnostic[], allInfo: boolean): ShownDiagnostic[] {
  const infos = new Map<string, number>();
  for (const d of diagnostics) if (d.severity === 'info') infos.set(d.code, (infos.get(d.code) ?? 0) + 1);
  // Counting one more in place of a single example would save no line.
  const counted = (code: string) => !allInfo && (infos.get(code) ?? 0) > INFO_EXAMPLES + 1;
  const shown = new Map<string, number>();
  const out: ShownDiagnostic[] = [];
  for (const d of diagnostics) {
    if (d.severity !== 'info' || !counted(d.code)) {
      out.push({ kind: 'shown', diagnostic: d });
      continue;
    }
    const n = (shown.get(d.code) ?? 0) + 1;
    shown.set(d.code, n);
    if (n > INFO_EXAMPLES) continue;
    out.push({ kind: 'shown', diagnostic: d });
    const total = infos.get(d.code) ?? 0;
    if (n === INFO_EXAMPLES) out.push({ kind: 'counted', code: d.code, more: total - INFO_EXAMPLES, total });
  }
  return out;
}

/** What a count entry says: `1,999 more like these, 2,002 in all (--all-info lists every one)`. */
export function countedText(entry: { readonly more: number; readonly total: number }): string {
  const count = (x: number) => x.toLocaleString('en-US');
  return `${count(entry.more)} more like these, ${count(entry.total)} in all (--all-info lists every one)`;
}

/** Diagnostics as lines for a terminal (summariseInfos): a count reads `info CODE: N more like these, ...`. */
export function diagnosticLines(diagnostics: readonly Diagnostic[], cwd: string, allInfo: boolean): string[] {
  return summariseInfos(diagnostics, allInfo).map((e) => (e.kind === 'shown' ? formatDiagnostic(e.diagnostic, cwd) : `info ${e.code}: ${countedText(e)}`));
}
