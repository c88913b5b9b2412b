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

/** How many of one rule's info findings a terminal shows before it counts the rest. */
export const INFO_EXAMPLES = 3;

/**
 * Diagnostics as lines for a terminal: errors and warnings each in full (each asks for action),
 * and info findings of one code listed up to INFO_EXAMPLES, then counted in one line: a mixin's
 * DATETIME column on a thousand tables is one piece of advice, not a thousand lines that bury
 * the warnings. `allInfo` lists every one. Order is kept; a rule's count follows its last example shown.
 */
export function diagnosticLines(diagnostics: readonly Diagnostic[], cwd: string, allInfo: boolean): string[] {
  const infos = new Map<string, number>();
  for (const d of diagnostics) if (d.severity === 'info') infos.set(d.code, (infos.get(d.code) ?? 0) + 1);
  // Counting one more in place of a single example would save no line.
  const counted = (code: string) => !allInfo && (infos.get(code) ?? 0) > INFO_EXAMPLES + 1;
  const shown = new Map<string, number>();
  const lines: string[] = [];
  for (const d of diagnostics) {
    if (d.severity !== 'info' || !counted(d.code)) {
      lines.push(formatDiagnostic(d, cwd));
      continue;
    }
    const n = (shown.get(d.code) ?? 0) + 1;
    shown.set(d.code, n);
    if (n > INFO_EXAMPLES) continue;
    lines.push(formatDiagnostic(d, cwd));
    if (n === INFO_EXAMPLES) {
      const total = infos.get(d.code) ?? 0;
      const count = (x: number) => x.toLocaleString('en-US');
      lines.push(`info ${d.code}: ${count(total - INFO_EXAMPLES)} more like these, ${count(total)} in all (--all-info lists every one)`);
    }
  }
  return lines;
}
