/** The one error type of src/config: a config file that cannot be used, with every problem in it. */

/** Where in the file a syntax problem is (1-based). */
export interface FilePosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Problems of one config file. The message has one line per problem, each starting with the
 * file (and `:line:column` when a position is known) so editors and terminals can jump there.
 */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
    options?: { cause?: unknown; position?: FilePosition },
  ) {
    const where = options?.position ? `${file}:${options.position.line}:${options.position.column}` : file;
    super(problems.map((p) => `${where}: ${p}`).join('\n'), options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ConfigError';
  }
}
