/**
 * The migrations folder as the commands use it: every migration with its state, and whatever
 * makes the folder untrustworthy. Commands that write or apply refuse on any problem.
 */
import { readMigrations, type MigrationFolder, type MigrationsOnDisk } from './directory';
import { MigrateError } from './errors';
import { checkIntegrity, describeProblem, type IntegrityProblem } from './integrity';
import { readState, type MigrationState } from './state';

/** One migration: its files and the state it leaves. */
export interface Migration {
  readonly id: string;
  readonly folder: MigrationFolder;
  readonly state: MigrationState;
}

/** The folder read and checked. */
export interface LoadedMigrations {
  readonly disk: MigrationsOnDisk;
  readonly migrations: readonly Migration[];
  readonly problems: readonly IntegrityProblem[];
}

/** Reads every migration and its after.json, and checks the sum and the parent chain. */
export function loadMigrations(dir: string, shown: string): LoadedMigrations {
  const disk = readMigrations(dir, shown);
  const migrations = disk.folders.map((folder) => ({ id: folder.id, folder, state: readState(folder, shown) }));
  const problems = checkIntegrity(disk, new Map(migrations.map((m) => [m.id, m.state.parent])));
  return { disk, migrations, problems };
}

/** Refuses (exit 3) when the folder is not what was generated and reviewed, naming every problem. */
export function requireIntact(loaded: LoadedMigrations): void {
  if (loaded.problems.length === 0) return;
  const lines = loaded.problems.map((p) => `  ${describeProblem(p, loaded.disk)}`);
  throw new MigrateError('refused', `the migrations in ${loaded.disk.shown} cannot be trusted:\n${lines.join('\n')}`);
}
