/**
 * Reading and writing the migrations folder. Reading never judges (integrity.ts does); it only
 * says which folders are migrations, what their files hold, and what schemac.sum says.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isMigrationId, MIGRATION_FILES, SUM_FILE, type MigrationFileName } from './layout';
import { migrationHash, parseSum, renderSum, type SumFile } from './sum';
import { MigrateError } from './errors';

/** One migration folder as it is on disk. */
export interface MigrationFolder {
  readonly id: string;
  /** Absolute path of the folder. */
  readonly dir: string;
  readonly files: Readonly<Record<MigrationFileName, string>>;
  /** The hash of its files now (what schemac.sum should say). */
  readonly hash: string;
}

/** The migrations folder: its migrations in id order and its schemac.sum (null when absent). */
export interface MigrationsOnDisk {
  /** Absolute path. */
  readonly dir: string;
  /** As the user would write it, for messages. */
  readonly shown: string;
  readonly folders: readonly MigrationFolder[];
  readonly sum: SumFile | null;
}

/** Reads the folder; a folder that does not exist holds no migrations. */
export function readMigrations(dir: string, shown: string): MigrationsOnDisk {
  if (!fs.existsSync(dir)) return { dir, shown, folders: [], sum: null };
  if (!fs.statSync(dir).isDirectory()) throw new MigrateError('error', `${shown} is not a folder`);
  const names = fs.readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && isMigrationId(e.name))
    .map((e) => e.name)
    .sort();
  const folders = names.map((id): MigrationFolder => {
    const folder = path.join(dir, id);
    const bytes = {} as Record<MigrationFileName, Buffer>;
    for (const name of MIGRATION_FILES) {
      const file = path.join(folder, name);
      if (!fs.existsSync(file)) throw new MigrateError('error', `${path.join(shown, id, name)} is missing: every migration has ${MIGRATION_FILES.join(', ')}`);
      bytes[name] = fs.readFileSync(file);
    }
    return { id, dir: folder, files: textsOf(bytes), hash: migrationHash(id, bytes) };
  });
  const sumPath = path.join(dir, SUM_FILE);
  let sum: SumFile | null = null;
  if (fs.existsSync(sumPath)) {
    try {
      sum = parseSum(fs.readFileSync(sumPath, 'utf8'), path.join(shown, SUM_FILE));
    } catch (err) {
      throw new MigrateError('error', (err as Error).message, { cause: err });
    }
  }
  return { dir, shown, folders, sum };
}

/**
 * The files' texts, each decoded from its bytes when first read: every file is hashed, but a
 * command reads the text of few of them (on a large schema each is megabytes).
 */
function textsOf(bytes: Readonly<Record<MigrationFileName, Buffer>>): Readonly<Record<MigrationFileName, string>> {
  const texts = {} as Record<MigrationFileName, string>;
  for (const name of MIGRATION_FILES) {
    let text: string | undefined;
    Object.defineProperty(texts, name, { enumerable: true, get: () => (text ??= bytes[name].toString('utf8')) });
  }
  return texts;
}

/** Writes a new migration folder (refusing to overwrite one) and returns it as read back. */
export function writeMigration(dir: string, id: string, files: Readonly<Record<MigrationFileName, string>>): MigrationFolder {
  const folder = path.join(dir, id);
  fs.mkdirSync(dir, { recursive: true });
  // mkdir without recursive fails if the folder exists: never overwrite a migration.
  fs.mkdirSync(folder);
  for (const name of MIGRATION_FILES) fs.writeFileSync(path.join(folder, name), files[name]);
  return { id, dir: folder, files, hash: migrationHash(id, files) };
}

/** Rewrites schemac.sum from the folders as they are now. */
export function writeSum(dir: string, folders: readonly MigrationFolder[]): string {
  const text = renderSum(folders.map((f) => ({ id: f.id, hash: f.hash })));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, SUM_FILE), text);
  return text;
}
