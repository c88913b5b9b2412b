import * as fs from 'fs';
import * as path from 'path';
import type { Command } from 'commander';
import { pullSchema } from '../../emitters/typescript';
import { addSourceOptions } from '../common-options';
import { CliError, RefusedError, UsageError } from '../errors';
import type { CliIo } from '../io';
import { loadCurrent } from '../pipeline';
import { loadProject } from '../project';
import { resolveSource } from '../sources';
import { writeFilesAtomic } from '../../util/atomic-write';

/** Flags of `schemac pull`. */
interface PullFlags {
  readonly empty?: boolean;
  readonly catalog?: string;
  readonly database?: string;
  readonly out: string;
  readonly force?: boolean;
  readonly mixins: boolean;
}

/** `schemac pull`: schema files for an existing database, so that plan right after is empty. */
export function registerPull(program: Command, io: CliIo, setExit: (code: number) => void): void {
  addSourceOptions(program.command('pull'))
    .description('write one *.schema.ts file per table of an existing database (names included)')
    .option('--out <dir>', 'folder to write the schema files into', 'schema')
    .option('--force', 'overwrite schema files that already exist')
    .option('--no-mixins', 'write every column in its table; do not gather shared columns into mixins')
    .action(async (opts: PullFlags) => {
      const source = resolveSource(opts, io.env);
      if (source.kind === 'empty') throw new UsageError('pull needs a database to read: --database URL or --catalog FILE');
      // The config's ignore lists apply: an ignored table is neither read nor written out.
      const project = loadProject(io, opts as { config?: string });
      const { database } = await loadCurrent(io, source, project.config.ignore);
      const { files, problems } = pullSchema(database, { mixins: opts.mixins });
      const dir = path.resolve(io.cwd, opts.out);
      if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UsageError(`--out ${opts.out} is not a folder`);
      // Every target is checked before anything is written, so a refusal leaves the folder untouched.
      const existing = files.filter((f) => fs.existsSync(path.join(dir, f.path))).map((f) => f.path);
      if (existing.length > 0 && !opts.force) {
        throw new RefusedError(`refusing to overwrite ${existing.length} existing file(s) in ${opts.out}: ${existing.join(', ')}; pass --force to overwrite them`);
      }
      const written = new Set(files.map((f) => f.path));
      const others = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.schema.ts') && !written.has(f)).sort() : [];
      writeAll(dir, files);
      for (const p of problems) io.stderr.write(`warning: ${p}\n`);
      if (others.length > 0) {
        io.stderr.write(`warning: ${opts.out} also holds ${others.join(', ')}, which pull did not write; they are compiled with the pulled files\n`);
      }
      io.stdout.write(`wrote ${files.length} schema file(s) for ${database.tables.length} table(s) to ${opts.out}\n`);
      setExit(0);
    });
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
    throw new CliError(`cannot write schema files to ${dir}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, undefined, { cause: err });
  }
}
