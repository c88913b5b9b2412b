/**
 * The one error the stored-form printer throws. It carries the SQL Server error number the
 * engine should report, so the engine does not have to guess from the message text.
 */
import { RESERVED } from './names';

/** SQL Server errors a definition can fail with before anything is stored. */
export type StoredFormErrorNumber =
  /** Incorrect syntax near '...'. */
  | 102
  /** Column names are not permitted in a DEFAULT. */
  | 128
  /** Invalid column name. */
  | 207
  /** An expression of non-boolean type specified in a context where a condition is expected. */
  | 4145
  /** Incorrect WHERE clause for filtered index. */
  | 10735;

/** A definition SQL Server would refuse; `near` is the offending token as written. */
export class StoredFormError extends Error {
  override readonly name = 'StoredFormError';
  /** The message alone, worded as SQL Server words it, for the engine to send to the client. */
  readonly headline: string;

  constructor(
    readonly number: StoredFormErrorNumber,
    readonly near: string,
    /** Character offset of `near` in the written text (the text length at end of input). */
    readonly position: number,
    /** What was wrong, for people reading a failed test. */
    readonly problem: string,
  ) {
    super(`${headline(number, near)} (${problem}, at offset ${position})`);
    this.headline = headline(number, near);
  }
}

// The first sentence mirrors SQL Server's own wording so the engine can forward it unchanged.
function headline(number: StoredFormErrorNumber, near: string): string {
  switch (number) {
    case 102:
      // SQL Server names a reserved word as such: "Incorrect syntax near the keyword 'AND'."
      return RESERVED.has(near.toUpperCase()) ? `Incorrect syntax near the keyword '${near}'.` : `Incorrect syntax near '${near}'.`;
    case 128:
      return `The name "${near}" is not permitted in this context. Valid expressions are constants, constant expressions, and (in some contexts) variables. Column names are not permitted.`;
    case 207:
      return `Invalid column name '${near}'.`;
    case 4145:
      return `An expression of non-boolean type specified in a context where a condition is expected, near '${near}'.`;
    case 10735:
      return `Incorrect WHERE clause for filtered index near '${near}'.`;
  }
}
