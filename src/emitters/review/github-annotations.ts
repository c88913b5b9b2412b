import * as path from 'path';
import type { Diagnostic } from '../../model';
import type { Review } from './review-model';

// Workflow-command values escape %, CR and LF; properties also escape : and ,.
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions annotations (`::warning file=...,line=...::message`) pointing at the schema
 * lines responsible: data-loss hazards are errors, other hazards warnings, and diagnostics keep
 * their own severity. `root` makes file paths repository-relative; `rewrite` maps a path that
 * was compiled from a temporary checkout back to the repository's.
 */
export function githubAnnotations(review: Review, diagnostics: readonly Diagnostic[], root: string, rewrite: (file: string) => string = (f) => f): string[] {
  const out: string[] = [];
  const where = (file: string, line: number, column: number) =>
    `file=${escapeProperty(path.relative(root, rewrite(file)) || file)},line=${line},col=${column}`;
  for (const ch of review.changes) {
    for (const h of ch.hazards) {
      const level = h.code === 'data-loss' ? 'error' : 'warning';
      const loc = ch.source ? ` ${where(ch.source.file, ch.source.line, ch.source.column)},` : ' ';
      out.push(`::${level}${loc}title=${escapeProperty(`schemac ${h.code}`)}::${escapeData(`step ${ch.index} (${ch.summary}): ${h.message}`)}`);
    }
  }
  for (const d of diagnostics) {
    const level = d.severity === 'info' ? 'notice' : d.severity;
    const loc = d.source ? ` ${where(d.source.file, d.source.line, d.source.column)},` : ' ';
    out.push(`::${level}${loc}title=${escapeProperty(`schemac ${d.code}`)}::${escapeData(d.message)}`);
  }
  return out;
}
