import type { SourceRef } from './source';

export type Severity = 'error' | 'warning' | 'info';

/**
 * A user mistake or a finding, with a stable code (e.g. SC1001) and where it is.
 * `source` is absent only when there is no file to point at (e.g. a catalog row).
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly source?: SourceRef;
}
