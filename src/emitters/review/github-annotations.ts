import type { Diagnostic } from '../../model';
import { countedText, summariseInfos } from '../diagnostics-text';
import type { ReviewChange } from './review-model';

// Workflow-command values escape %, CR and LF; properties also escape : and ,.
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions annotations (`::warning file=...,line=...::message`) pointing at the schema
 * lines responsible: data-loss hazards are errors, other hazards warnings, and diagnostics keep
 * their own severity, info findings summarised as on stderr unless `allInfo`. Change sources are
 * already display paths (buildReview); diagnostics' files are shown through `displayPath`.
 */
export function githubAnnotations(
  changes: readonly ReviewChange[], diagnostics: readonly Diagnostic[], displayPath: (file: string) => string, allInfo = false,
  preexisting: { readonly count: number; readonly base: string } = { count: 0, base: '' },
): string[] {
  const out: string[] = [];
  // A whole-file source (line null) is annotated on the file without a line.
  const where = (file: string, line: number | null, column: number | null) =>
    line === null ? `file=${escapeProperty(file)}` : `file=${escapeProperty(file)},line=${line},col=${column ?? 1}`;
  for (const ch of changes) {
    for (const h of ch.hazards) {
      const level = h.code === 'data-loss' ? 'error' : 'warning';
      const loc = ch.source ? ` ${where(ch.source.file, ch.source.line, ch.source.column)},` : ' ';
      out.push(`::${level}${loc}title=${escapeProperty(`schemac ${h.code}`)}::${escapeData(`step ${ch.index} (${ch.summary}): ${h.message}`)}`);
    }
  }
  // Info findings as stderr shows them: a rule's first few, then one notice that counts the rest
  // (GitHub shows only the first ten notices of a step anyway).
  for (const entry of summariseInfos(diagnostics, allInfo)) {
    if (entry.kind === 'counted') {
      out.push(`::notice title=${escapeProperty(`schemac ${entry.code}`)}::${escapeData(countedText(entry))}`);
      continue;
    }
    const d = entry.diagnostic;
    const level = d.severity === 'info' ? 'notice' : d.severity;
    const loc = d.source ? ` ${where(displayPath(d.source.file), d.source.line, d.source.column)},` : ' ';
    out.push(`::${level}${loc}title=${escapeProperty(`schemac ${d.code}`)}::${escapeData(d.message)}`);
  }
  if (preexisting.count > 0) {
    out.push(`::notice title=schemac lint::${escapeData(`${preexisting.count} finding(s) the schema already had at ${preexisting.base} are not annotated again (schemac check lists every one)`)}`);
  }
  return out;
}
