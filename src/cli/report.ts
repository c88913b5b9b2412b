import type { AppContext } from '../app/context';
import { formatDiagnostic } from '../emitters/diagnostics-text';
import type { Diagnostic } from '../model';
import type { CliIo } from './io';

/** Prints diagnostics to stderr, errors and warnings alike, paths relative to the working directory. */
export function reportDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.stderr.write(`${formatDiagnostic(d, io.cwd)}\n`);
}

/** The application context of a CLI run: its working directory, environment, and stderr for findings. */
export function appContext(io: CliIo): AppContext {
  return { cwd: io.cwd, env: io.env, report: (d) => reportDiagnostics(io, d) };
}
