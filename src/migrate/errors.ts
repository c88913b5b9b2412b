/** How a migrations command can fail: an error (exit 1) or a refusal by a safety rule (exit 3). */
export type MigrateFailure = 'error' | 'refused';

/** A migrations failure with a message that names the migration and what to do. */
export class MigrateError extends Error {
  constructor(readonly failure: MigrateFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrateError';
  }
}
