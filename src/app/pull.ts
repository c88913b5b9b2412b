import * as fs from 'fs';
import * as path from 'path';
import { pullSchema } from '../emitters/typescript';
import type { Database } from '../model';
import { writeFilesAtomic } from '../util/atomic-write';
import type { AppContext } from './context';
import { loadCurrent } from './current';
import { AppError, RefusedError, UsageError } from './errors';
import { loadProject } from './project';
import { resolveSource, type SourceFlags } from './sources';

/** What `pull` needs: the database to read and where to write its schema files. */
export interface PullInput extends SourceFlags {
  /** The project config, for its database.url. */
  readonly config?: string;
  /** The folder to write into, relative to the context's cwd. */
  readonly out: string;
  readonly force: boolean;
  /** Gather columns shared by several tables into mixins. */
  readonly mixins: boolean;
}

/** What pull wrote, and what the user should know about. */
export interface PullResult {
  readonly files: number;
  readonly tables: number;
  /** Things pull could not write faithfully. */
  readonly problems: readonly string[];
  /** Other *.schema.ts files already in the folder, compiled with the pulled ones. */
  readonly others: readonly string[];
  /** Things to set up so that plan right after pull is empty (today: the config's systemNames). */
  readonly notes: readonly string[];
}

/**
 * `pull`: one schema file per table of an existing database, names included, so that a plan
 * right after is empty. Refuses to overwrite any existing file without `force`, checking every
 * target before writing any.
 */
export async function pull(ctx: AppContext, input: PullInput): Promise<PullResult> {
  const project = loadProject(ctx.cwd, { config: input.config });
  const source = resolveSource(input, ctx.env, project.config.database.url);
  if (source.kind === 'empty') throw new UsageError('pull needs a database to read: --database URL or --catalog FILE');
  // The config's ignore lists apply: an ignored table is neither read nor written out.
  const { database } = await loadCurrent(ctx, source, project.config.ignore, project.config.descriptions);
  const { files, problems } = pullSchema(database, { mixins: input.mixins });
  const dir = path.resolve(ctx.cwd, input.out);
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UsageError(`--out ${input.out} is not a folder`);
  const existing = files.filter((f) => fs.existsSync(path.join(dir, f.path))).map((f) => f.path);
  if (existing.length > 0 && !input.force) {
    throw new RefusedError(`refusing to overwrite ${existing.length} existing file(s) in ${input.out}: ${existing.join(', ')}; pass --force to overwrite them`);
  }
  const written = new Set(files.map((f) => f.path));
  const others = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.schema.ts') && !written.has(f)).sort() : [];
  writeAll(dir, files);
  return { files: files.length, tables: database.tables.length, problems, others, notes: systemNamesNote(database, project.config.systemNames) };
}

/**
 * The pulled files give system-named constraints schemac's names instead (pull does not write
 * DF__users__statu__3B75D760); with the default "adopt", the next plan would rename each one.
 * Pull writes no config file, so it says what to set.
 */
function systemNamesNote(database: Database, systemNames: 'adopt' | 'keep'): string[] {
  if (systemNames === 'keep') return [];
  const count = database.tables.reduce((n, t) => n + [t.primaryKey, ...t.uniqueConstraints, ...t.checks, ...t.defaults, ...t.foreignKeys]
    .filter((o) => o !== null && o.isSystemNamed).length, 0);
  if (count === 0) return [];
  return [`${count} constraint(s) in the database have names SQL Server generated; the schema files give them schemac's names. Set "systemNames": "keep" in schemac.config.json to leave them as they are, or plan will rename them (sp_rename)`];
}

/**
 * Writes every file to a temporary name first and renames them only when all are written, so a
 * failure (disk full, permissions) leaves no half-written schema file behind.
 */
function writeAll(dir: string, files: readonly { path: string; text: string }[]): void {
  fs.mkdirSync(dir, { recursive: true });
  try {
    writeFilesAtomic(files.map((f) => ({ path: path.join(dir, f.path), content: f.text })));
  } catch (err) {
    throw new AppError(`cannot write schema files to ${dir}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 'error', { cause: err });
  }
}
