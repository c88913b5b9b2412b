/**
 * Reading and writing the migrations folder. Reading never judges (integrity.ts does); it only
 * says which folders are migrations, what their files hold, and what schemac.sum says.
 */
import * as fs from 'fs';
import * as path from 'path';
import { AfterTail } from './after-tail';
import { isMigrationId, MIGRATION_FILES, SUM_FILE, type MigrationFileName } from './layout';
import { MigrationHasher, migrationHash, parseSum, renderSum, type SumFile } from './sum';
import { MigrateError } from './errors';
import { streamUtf8 } from './stream-file';

/** One migration folder as it is on disk. */
export interface MigrationFolder {
  readonly id: string;
  /** Absolute path of the folder. */
  readonly dir: string;
  /** The files' texts, read when first asked for: a command reads few of them. */
  readonly files: Readonly<Record<MigrationFileName, string>>;
  /** The hash of its files now (what schemac.sum should say). */
  readonly hash: string;
  /**
   * The parent and hints properties at the end of after.json, read from the bytes that were
   * hashed (see after-tail.ts); null when the file's end is not in the form schemac writes, and
   * readState then parses the file whole.
   */
  readonly afterTail: Readonly<Record<string, unknown>> | null;
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
  const folders = names.map((id) => readFolder(dir, shown, id));
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
 * One migration folder: its files streamed through the hash (and after.json's end kept), not
 * held, since a command needs the texts of few of them and each may be megabytes.
 */
function readFolder(dir: string, shown: string, id: string): MigrationFolder {
  const folder = path.join(dir, id);
  for (const name of MIGRATION_FILES) {
    if (!fs.existsSync(path.join(folder, name))) throw new MigrateError('error', `${path.join(shown, id, name)} is missing: every migration has ${MIGRATION_FILES.join(', ')}`);
  }
  const hasher = new MigrationHasher(id);
  const tail = new AfterTail();
  const streamed = MIGRATION_FILES.every((name) => {
    hasher.file(name);
    return streamUtf8(path.join(folder, name), (piece) => {
      hasher.piece(piece);
      if (name === 'after.json') tail.add(piece);
    });
  });
  if (!streamed) {
    // Bytes that are not UTF-8 hash as the text they decode to: read whole, as migrationHash wants.
    const bytes = readBytes(folder);
    return { id, dir: folder, files: textsOf(bytes), hash: migrationHash(id, bytes), afterTail: null };
  }
  const hash = hasher.digest();
  return { id, dir: folder, files: checkedTexts(folder, path.join(shown, id), id, hash), hash, afterTail: tail.result() };
}

function readBytes(folder: string): Record<MigrationFileName, Buffer> {
  const bytes = {} as Record<MigrationFileName, Buffer>;
  for (const name of MIGRATION_FILES) bytes[name] = fs.readFileSync(path.join(folder, name));
  return bytes;
}

/**
 * The texts of a streamed folder, read again when one is first asked for and checked against
 * the hash taken when the folder was read: a file changed in between must not be used unchecked.
 */
function checkedTexts(folder: string, shownFolder: string, id: string, hash: string): Readonly<Record<MigrationFileName, string>> {
  let texts: Readonly<Record<MigrationFileName, string>> | undefined;
  const load = (): Readonly<Record<MigrationFileName, string>> => {
    if (texts !== undefined) return texts;
    let bytes: Record<MigrationFileName, Buffer> | null;
    try {
      bytes = readBytes(folder);
    } catch {
      bytes = null;
    }
    if (bytes === null || migrationHash(id, bytes) !== hash) {
      throw new MigrateError('refused', `${shownFolder} changed while schemac was reading it; nothing was changed; run the command again`);
    }
    return (texts = textsOf(bytes));
  };
  const out = {} as Record<MigrationFileName, string>;
  for (const name of MIGRATION_FILES) Object.defineProperty(out, name, { enumerable: true, get: () => load()[name] });
  return out;
}

/** The files' texts, each decoded from its bytes when first read (on a large schema each is megabytes). */
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
  // Its state is not read back in this process; readState would parse the text whole.
  return { id, dir: folder, files, hash: migrationHash(id, files), afterTail: null };
}

/** Rewrites schemac.sum from the folders as they are now. */
export function writeSum(dir: string, folders: readonly MigrationFolder[]): string {
  const text = renderSum(folders.map((f) => ({ id: f.id, hash: f.hash })));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, SUM_FILE), text);
  return text;
}
