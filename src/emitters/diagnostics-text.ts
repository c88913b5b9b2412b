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
