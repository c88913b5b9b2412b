import type { AppContext } from '../app/context';
import { diagnosticLines } from '../emitters/diagnostics-text';
import type { Diagnostic } from '../model';
import type { CliIo } from './io';

/** How a command's findings are shown on stderr. */
export interface ReportOptions {
  /** List every info finding; otherwise one rule's beyond a few are counted (diagnosticLines). */
  readonly allInfo?: boolean;
}

/** Prints diagnostics to stderr, errors and warnings alike, paths relative to the working directory. */
export function reportDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], options: ReportOptions = {}): void {
  const lines = diagnosticLines(diagnostics, io.cwd, options.allInfo === true);
  // One write: a thousand small writes to a terminal cost more than the text.
  if (lines.length > 0) io.stderr.write(`${lines.join('\n')}\n`);
}

/** The application context of a CLI run: its working directory, environment, and stderr for findings. */
export function appContext(io: CliIo, options: ReportOptions = {}): AppContext {
  return { cwd: io.cwd, env: io.env, report: (d) => reportDiagnostics(io, d, options) };
}
