/** Why an apply stopped; each kind maps to one exit code and one clear message. */
export type ApplyFailureKind =
  | 'lock-timeout'     // another apply holds the lock (refusal, exit 3)
  | 'drift'            // the database is not what the plan was made against (refusal, exit 3)
  | 'statement-failed' // SQL Server refused a step; rolled back (exit 1)
  | 'not-converged'    // after the steps, a new plan is not empty; rolled back (exit 1)
  | 'interrupted'      // Ctrl-C; rolled back (exit 130)
  | 'connection-lost'  // the connection dropped before COMMIT; the server rolled back (exit 1)
  | 'commit-unknown'   // the connection dropped during COMMIT and could not be checked (exit 1)
  | 'resumable-incomplete' // --resumable: committed, then a build after COMMIT did not complete (exit 1)
  | 'memory-optimized-incomplete'; // committed, then a step on a memory-optimized table after COMMIT failed (exit 1)

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

/** One message SQL Server reported for a failed statement. */
export interface SqlServerMessage {
  readonly number?: number;
  readonly message: string;
}

/**
 * Every error SQL Server reported for one statement, first cause first. SQL Server sends a
 * statement's errors in order (e.g. 1785 "may cause cycles or multiple cascade paths", then
 * 1750 "Could not create constraint or index. See previous errors."); mssql throws the last one
 * and keeps the earlier ones in `precedingErrors`, so the cause would otherwise be lost.
 */
export function sqlServerMessages(err: unknown): SqlServerMessage[] {
  const e = err as { precedingErrors?: unknown };
  const preceding = Array.isArray(e?.precedingErrors) ? (e.precedingErrors as unknown[]) : [];
  return [...preceding, err].map((x) => ({ number: ownNumber(x), message: messageOf(x) }));
}

/**
 * SQL Server's errors for a failed statement as one line each, first cause first:
 * `SQL Server error 1785: ...` then `SQL Server error 1750: ...`.
 */
export function describeSqlError(err: unknown): string {
  return sqlServerMessages(err).map((m) => `SQL Server error ${m.number ?? '?'}: ${m.message}`).join('\n');
}

/**
 * SQL Server's error number from an mssql/tedious error, when it carries one: the first cause's
 * when the statement reported several (1785, not the 1750 that follows it).
 */
export function sqlErrorNumber(err: unknown): number | undefined {
  return sqlServerMessages(err).map((m) => m.number).find((n): n is number => n !== undefined);
}

function ownNumber(err: unknown): number | undefined {
  const e = err as { number?: unknown; originalError?: { number?: unknown; info?: { number?: unknown } } };
  const candidates = [e?.number, e?.originalError?.number, e?.originalError?.info?.number];
  return candidates.find((n): n is number => typeof n === 'number');
}

/** An error's message, or the thrown value as text. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String((err as { message?: unknown })?.message ?? err);
}

/** True when the error means the connection itself is gone (not a SQL error). */
export function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return code === 'ESOCKET' || code === 'ECONNCLOSED' || code === 'ECONNRESET' || code === 'ENOTOPEN';
}
