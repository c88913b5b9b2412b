/**
 * Paths are the command's: source paths are shown relative to its working directory (the
 * context's cwd), and --out is a file there, whatever the process's cwd (an embedding or a test
 * runs commands with a cwd of their own). Here the process sits in the temp folder, above both
 * the project and the checkout `review --base` makes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { commitFiles, tempRepo } from '../support/git-repo';
import { itemsProject } from '../support/items-project';
import { schemac } from './run-cli';

describe('with the process in another folder than the command', () => {
  const processCwd = process.cwd();
  const dirs: string[] = [];
  beforeAll(() => process.chdir(os.tmpdir()));
  afterAll(() => {
    process.chdir(processCwd);
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
  const made = (dir: string): string => { dirs.push(dir); return dir; };

  it('check shows type errors and lint findings at the project\'s paths', async () => {
    const cwd = made(itemsProject('number'));
    const typed = await schemac(['check'], { cwd });
    expect(typed.stderr).toMatch(/^schema\/items\.schema\.ts:8:4 - error SC1000: TS/m);
    const linted = await schemac(['check', '--no-type-check'], { cwd });
    expect(linted.stderr).toMatch(/^schema\/items\.schema\.ts:3:8 - warning heap-table/m);
  });

  it('review --base shows a table the working tree no longer declares at its file in the repository', async () => {
    const table = (name: string) => [
      "import { Column, Table } from 'schemac';",
      `@Table('${name}s')`,
      `export class T${name} {`,
      `  @Column.int({ primaryKey: { name: 'pk_${name}s', clustered: true } }) id!: number;`,
      '}',
      '',
    ].join('\n');
    const repo = made(tempRepo('schemac-paths-'));
    commitFiles(repo, 'base', { 'schema/item.schema.ts': table('item'), 'schema/logs.schema.ts': table('log') });
    fs.rmSync(path.join(repo, 'schema', 'logs.schema.ts'));
    const r = await schemac(['review', '--base', 'HEAD', '--github-annotations', '--format', 'json'], { cwd: repo });
    expect(r.stdout).toMatch(/^::error file=schema\/logs\.schema\.ts,/m);
    const doc = JSON.parse(r.stdout.split('\n').filter((l) => !l.startsWith('::')).join('\n')) as { changes: { source: unknown }[] };
    expect(doc.changes[0].source).toEqual({ file: 'schema/logs.schema.ts', line: null, column: null });

    // --out names a file in the command's folder too.
    const out = await schemac(['review', '--base', 'HEAD', '--format', 'json', '--out', 'review.json'], { cwd: repo });
    expect(out.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(repo, 'review.json'), 'utf8'))).toEqual(doc);
  });
});
