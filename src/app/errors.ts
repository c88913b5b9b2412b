/**
 * How an application command can fail. The kinds are the failures the exit-code contract tells
 * apart (design.md); the CLI maps them to numbers in one place (cli/exit-codes.ts).
 */
export type FailureKind = 'error' | 'refused' | 'interrupted';

/** A failure the caller reports as one line: a usage mistake, a compile error, a refusal. */
export class AppError extends Error {
  constructor(message: string, readonly failure: FailureKind = 'error', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
  }
}

/** Bad flags or arguments: an error whose message names the problem. */
export class UsageError extends AppError {
  constructor(message: string) {
    super(message, 'error');
    this.name = 'UsageError';
  }
}

/** A safety rule refused to go on (data loss, drift, no approval, files in the way). */
export class RefusedError extends AppError {
  constructor(message: string) {
    super(message, 'refused');
    this.name = 'RefusedError';
  }
}
