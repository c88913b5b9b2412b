/**
 * Running the pre-flight batch (made by src/emitters/tsql/preflight.ts): one request, bounded by
 * a timeout, whose result sets hold `(check_id, violations)` rows and, with samples,
 * `(check_id, sample)` rows. The batch only reads, so cancelling it on timeout changes nothing.
 */
import type { Rows } from './read-rows';

/** What the batch counted: violations per check id, and sampled key values per check id. */
export interface PreflightCounts {
  readonly violations: ReadonlyMap<number, number>;
  readonly samples: ReadonlyMap<number, readonly string[]>;
}

/** Why the batch gave no counts. */
export class PreflightRunError extends Error {
  constructor(readonly failure: 'timeout' | 'query', message: string, options?: { cause?: unknown }) {
    super(`pre-flight: ${message}`, options);
    this.name = 'PreflightRunError';
  }
}

/** Runs one batch; `cancel` stops the running request (an ATTENTION). */
export interface PreflightQuery {
  run(text: string): Promise<readonly Rows[]>;
  cancel(): void;
}

/**
 * Runs the batch through `query`, cancelling it after `timeoutMs`; a timeout or a failed query is
 * a PreflightRunError (the caller decides whether that stops anything).
 */
export async function runPreflightWith(query: PreflightQuery, text: string, timeoutMs: number): Promise<PreflightCounts> {
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; query.cancel(); }, timeoutMs);
  let recordsets: readonly Rows[];
  try {
    recordsets = await query.run(text);
  } catch (error) {
    if (timedOut) throw new PreflightRunError('timeout', `the counts did not finish within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`} and were cancelled`, { cause: error });
    const message = error instanceof Error ? error.message : String(error);
    throw new PreflightRunError('query', `the counting queries failed: ${message}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
  return countsOf(recordsets);
}

/** Folds every result set's rows into counts and samples (bigint counts arrive as strings). */
export function countsOf(recordsets: readonly Rows[]): PreflightCounts {
  const violations = new Map<number, number>();
  const samples = new Map<number, string[]>();
  for (const rows of recordsets) {
    for (const row of rows) {
      const id = Number(row.check_id);
      if ('violations' in row) violations.set(id, Number(row.violations ?? 0));
      else if ('sample' in row && row.sample !== null && row.sample !== undefined) {
        const list = samples.get(id) ?? [];
        list.push(String(row.sample));
        samples.set(id, list);
      }
    }
  }
  return { violations, samples };
}
