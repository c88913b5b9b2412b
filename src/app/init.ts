/**
 * `schemac init`: starts a project in the working directory with a schemac.config.json and an
 * example schema file. It checks every target before writing any, writes through temporary
 * files and renames them last, so a refused or failed run leaves nothing half-written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configFileName } from '../config';
import { writeFilesAtomic } from '../util/atomic-write';
import { AppError } from './errors';

/** Where the JSON Schema is once schemac is installed as a dependency of the project. */
const schemaUrl = './node_modules/schemac/schemac.config.schema.json';

const configText = `${JSON.stringify({
  $schema: schemaUrl,
  schema: 'schema',
  defaultSchema: 'dbo',
  lint: { rules: { 'heap-table': 'error' } },
}, null, 2)}\n`;

const exampleTable = `/**
 * An example table written by \`schemac init\`: edit it, or delete it and write your own.
 * Try \`npx schemac check\`, then \`npx schemac plan --empty\` to see the T-SQL it becomes.
 */
import { Column, Index, Table, sql } from 'schemac';

/** Where a project stands; schemac turns the union into CHECK ck_projects_status. */
export type ProjectStatus = 'draft' | 'active' | 'archived';

@Table('projects')
// A narrow, ever-increasing clustered key: inserts append instead of splitting pages.
@Index('ix_projects_index_id', ['indexId'], { unique: true, clustered: true })
// Unique among live rows only, so a deleted project's name can be used again.
@Index('ix_projects_name', ['name'], { unique: true, activeOnly: true })
export class Project {
  // A random GUID is a good public key but a bad clustered key, hence clustered: false.
  @Column.uniqueidentifier({ default: sql\`NEWID()\`, primaryKey: { name: 'pk_projects', clustered: false } })
  id!: string;

  @Column.bigint({ identity: [1, 1] })
  indexId!: number;

  @Column.nvarchar(200)
  name!: string;

  @Column.varchar(20, { default: 'draft' })
  status!: ProjectStatus;

  @Column.datetime2(3, { default: sql\`SYSUTCDATETIME()\` })
  createdAt!: Date;

  @Column.bit({ default: false, softDelete: true })
  isDeleted!: boolean;
}
`;

/** One file init writes: the path relative to the working directory, and its text. */
interface InitFile {
  readonly path: string;
  readonly text: string;
}

/** The files `schemac init` writes, relative to the working directory. */
export const initFiles: readonly InitFile[] = [
  { path: configFileName, text: configText },
  { path: path.join('schema', 'projects.schema.ts'), text: exampleTable },
];

/** Writes all files or none: every target is checked first, then temps are written and renamed. */
function writeAll(cwd: string, files: readonly InitFile[], force: boolean): void {
  const existing = files.filter((f) => fs.existsSync(path.join(cwd, f.path)));
  if (existing.length > 0 && !force) {
    const list = existing.map((f) => f.path).join(', ');
    throw new AppError(`${list} already exist${existing.length === 1 ? 's' : ''}; nothing was written (use --force to overwrite)`);
  }
  for (const f of existing) {
    if (!fs.statSync(path.join(cwd, f.path)).isFile()) throw new AppError(`${f.path} exists and is not a file; nothing was written`);
  }
  try {
    for (const f of files) fs.mkdirSync(path.dirname(path.join(cwd, f.path)), { recursive: true });
    writeFilesAtomic(files.map((f) => ({ path: path.join(cwd, f.path), content: f.text })));
  } catch (error) {
    throw new AppError(`cannot write the project files: ${error instanceof Error ? error.message : String(error)}`, 'error', { cause: error });
  }
}

/** What `init` wrote, relative to the working directory, with '/' separators. */
export interface InitResult {
  readonly written: readonly string[];
}

/** `init`: writes schemac.config.json and an example schema file; refuses to overwrite without `force`. */
export function init(cwd: string, input: { readonly force: boolean }): InitResult {
  writeAll(cwd, initFiles, input.force);
  return { written: initFiles.map((f) => f.path.split(path.sep).join('/')) };
}
