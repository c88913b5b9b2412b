/** What an apply runs and reports as it goes (shared by the executor and its after-COMMIT phase). */

/** One statement of the plan as the driver runs it (no GO, no transaction control). */
export interface ApplyStatement {
  readonly sql: string;
  readonly stepIndex: number;
  readonly description: string;
}

/** Progress events, for the CLI to show on stderr. */
export type ApplyProgress =
  | { readonly kind: 'locked'; readonly waitedMs: number }
  | { readonly kind: 'step'; readonly index: number; readonly total: number; readonly description: string }
  | { readonly kind: 'stepDone'; readonly index: number; readonly total: number; readonly elapsedMs: number }
  /** A message a step printed while it ran (a batched backfill's progress). */
  | { readonly kind: 'message'; readonly index: number; readonly text: string }
  /** Planning again: inside the transaction, or (`afterCommit`) after the resumable builds. */
  | { readonly kind: 'verifying'; readonly afterCommit?: boolean }
  | { readonly kind: 'committed' };
