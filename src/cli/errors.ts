/** Exit codes, as design.md's contracts give them. */
export const ExitCode = {
  ok: 0,
  error: 1,
  changes: 2,
  refused: 3,
  interrupted: 130,
} as const;

/** A failure the CLI reports as one line on stderr and turns into an exit code. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = ExitCode.error, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliError';
  }
}

/** Bad flags or arguments: exit 1 with a message that names the problem. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.error);
    this.name = 'UsageError';
  }
}

/** A safety rule refused to go on (data loss, drift, no approval): exit 3. */
export class RefusedError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.refused);
    this.name = 'RefusedError';
  }
}
