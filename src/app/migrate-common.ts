/**
 * What the migrate commands share: finding the migrations folder, and turning the failures of
 * src/migrate and the migration runner into the application's failure kinds (exit codes).
 */
import * as path from 'path';
import { ApplyError } from '../apply/errors';
import { MigrateError } from '../migrate/errors';
import { DEFAULT_MIGRATIONS_DIR } from '../migrate/layout';
import { AppError } from './errors';
import type { Project } from './project';

/** The flags that find the project and its migrations folder. */
export interface MigrationsFlags {
  readonly config?: string;
  readonly schema?: string;
  /** The migrations folder; default migrations/ next to the config file (or in the working directory). */
  readonly dir?: string;
}

/** The migrations folder: absolute, and as the user would write it. */
export interface MigrationsFolder {
  readonly dir: string;
  readonly shown: string;
}

/** Resolves --dir against the working directory, else migrations/ in the project folder. */
export function migrationsFolder(cwd: string, project: Project, flags: MigrationsFlags): MigrationsFolder {
  const dir = flags.dir !== undefined ? path.resolve(cwd, flags.dir) : path.join(project.root, DEFAULT_MIGRATIONS_DIR);
  return { dir, shown: path.relative(cwd, dir) || '.' };
}

/** A migrate failure as an AppError: refusals exit 3, interruptions 130, the rest 1. */
export function asAppError(err: unknown): unknown {
  if (err instanceof MigrateError) return new AppError(err.message, err.failure, { cause: err });
  if (err instanceof ApplyError) {
    const message = err.message.replace(/^apply: /, 'migrate: ');
    switch (err.kind) {
      case 'lock-timeout':
      case 'drift':
        return new AppError(message, 'refused', { cause: err });
      case 'interrupted':
        return new AppError(message, 'interrupted', { cause: err });
      case 'statement-failed':
      case 'not-converged':
      case 'connection-lost':
      case 'commit-unknown':
      case 'resumable-incomplete':
      case 'memory-optimized-incomplete':
        return new AppError(message, 'error', { cause: err });
    }
  }
  return err;
}

/** Runs `fn`, rethrowing its migrate failures as AppErrors. */
export async function withMigrateErrors<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw asAppError(err);
  }
}
