/** Why an apply stopped; each kind maps to one exit code and one clear message. */
export type ApplyFailureKind =
  | 'lock-timeout'     // another apply holds the lock (refusal, exit 3)
  | 'drift'            // the database is not what the plan was made against (refusal, exit 3)
  | 'statement-failed' // SQL Server refused a step; rolled back (exit 1)
  | 'not-converged'    // after the steps, a new plan is not empty; rolled back (exit 1)
  | 'interrupted'      // Ctrl-C; rolled back (exit 130)
  | 'connection-lost'  // the connection dropped before COMMIT; the server rolled back (exit 1)
  | 'commit-unknown';  // the connection dropped during COMMIT and could not be checked (exit 1)

/** An apply that did not complete, with how far it got. Nothing was changed unless `committed`. */
export class ApplyError extends Error {
  constructor(
    readonly kind: ApplyFailureKind,
    message: string,
    readonly detail: {
      readonly step?: number;
      readonly totalSteps?: number;
      readonly statement?: string;
      readonly sqlErrorNumber?: number;
      readonly committed?: boolean;
    } = {},
    options?: { cause?: unknown },
  ) {
    super(`apply: ${message}`, options);
    this.name = 'ApplyError';
  }
}

/** SQL Server's error number from an mssql/tedious error, when it carries one. */
export function sqlErrorNumber(err: unknown): number | undefined {
  const e = err as { number?: unknown; originalError?: { number?: unknown; info?: { number?: unknown } } };
  const candidates = [e?.number, e?.originalError?.number, e?.originalError?.info?.number];
  return candidates.find((n): n is number => typeof n === 'number');
}

/** True when the error means the connection itself is gone (not a SQL error). */
export function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return code === 'ESOCKET' || code === 'ECONNCLOSED' || code === 'ECONNRESET' || code === 'ENOTOPEN';
}
