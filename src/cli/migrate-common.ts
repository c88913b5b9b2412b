/** What the migrate commands share: finding the migrations folder and mapping failures to exit codes. */
import * as path from 'path';
import { ApplyError } from '../apply/errors';
import { MigrateError } from '../migrate/errors';
import { DEFAULT_MIGRATIONS_DIR } from '../migrate/layout';
import { CliError, ExitCode } from './errors';
import type { CliIo } from './io';
import type { Project } from './project';

/** The flags that find the project and its migrations folder. */
export interface DirOptions { schema?: string; config?: string; dir?: string }

/** The migrations folder: --dir, else migrations/ next to the config file (or in the working directory). */
export function migrationsDir(io: CliIo, project: Project, opts: DirOptions): { dir: string; shown: string } {
  const dir = opts.dir !== undefined ? path.resolve(io.cwd, opts.dir) : path.join(project.root, DEFAULT_MIGRATIONS_DIR);
  return { dir, shown: path.relative(io.cwd, dir) || '.' };
}

/** Runs a migrate action, turning its failures into the CLI's exit codes. */
export async function migrateAction(fn: () => Promise<void> | void, interrupted?: () => boolean): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof MigrateError) throw new CliError(err.message, err.failure === 'refused' ? ExitCode.refused : ExitCode.error, { cause: err });
    if (err instanceof ApplyError) throw new CliError(err.message.replace(/^apply: /, 'migrate: '), exitCodeOf(err), { cause: err });
    if (interrupted?.()) throw new CliError('interrupted', ExitCode.interrupted, { cause: err });
    throw err;
  }
}

function exitCodeOf(err: ApplyError): number {
  switch (err.kind) {
    case 'lock-timeout':
    case 'drift':
      return ExitCode.refused;
    case 'interrupted':
      return ExitCode.interrupted;
    case 'statement-failed':
    case 'not-converged':
    case 'connection-lost':
    case 'commit-unknown':
      return ExitCode.error;
  }
}

