import type { Diagnostic } from '../model';

/**
 * What every application command needs from its caller: where it runs, the environment it reads
 * (SCHEMAC_DATABASE_URL), and where to send diagnostics as they are found (compile warnings,
 * catalog warnings), so a caller shows them before it asks a question or prints a result.
 */
export interface AppContext {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly report: (diagnostics: readonly Diagnostic[]) => void;
}
