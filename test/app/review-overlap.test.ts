/**
 * `review --base`: the base's compile starts beside the working tree's, so both TypeScript checks
 * run at once, yet what fails shows as when the base was compiled after: the working tree's
 * diagnostics first, its errors before anything about the base, and no tsc is left running.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { AppContext } from '../../src/app/context';
import { review, type ReviewInput } from '../../src/app/review';
// review() loads this once its checks have started. Loaded here first: the first load under
// ts-jest transpiles the compiler for seconds (a build loads it in a fraction of one), long
// enough for the base's check to end before the working tree's verdict.
import '../../src/app/review-run';
import type { Diagnostic } from '../../src/model';
import { commitFiles, git } from '../support/git-repo';
import { itemsProject } from '../support/items-project';
import { runningTscChildren, tscChildrenAfter } from '../support/tsc-children';

const ITEMS = path.join('schema', 'items.schema.ts');

/** items.schema.ts of itemsProject, its code field typed `codeType`. */
function itemsText(codeType: 'string' | 'number'): string {
  const dir = itemsProject(codeType);
  try {
    return fs.readFileSync(path.join(dir, ITEMS), 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Enough tables that the base's check is still running when the one-table working tree's verdict comes. */
function manyTables(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    files[`schema/t${i}.schema.ts`] = `import { Column, Table } from 'schemac';\n@Table('t${i}')\nexport class T${i} {\n  @Column.int({ primaryKey: true }) id!: number;\n}\n`;
  }
  return files;
}

describe('review --base compiles the working tree and the base at once', () => {
  let repo: string;
  let reported: Diagnostic[];
  const ctx = (onReport: () => void = () => undefined): AppContext => ({ cwd: repo, env: {}, report: (ds) => { reported.push(...ds); onReport(); } });
  const input = (typeCheck: boolean, base = 'HEAD'): ReviewInput => ({ base, allowDrop: false, typeCheck });
  /** The working tree's items.code typed `head`, the base commit's typed `base` (number is a type error); `extra` files only in the base. */
  const setUp = (head: 'string' | 'number', base: 'string' | 'number', extra: Record<string, string> = {}): void => {
    repo = itemsProject(base);
    git(repo, 'init', '-q');
    commitFiles(repo, 'base', extra);
    fs.writeFileSync(path.join(repo, ITEMS), itemsText(head));
    for (const file of Object.keys(extra)) fs.rmSync(path.join(repo, file));
  };

  beforeEach(() => { reported = []; });
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  const linux = process.platform === 'linux' ? it : it.skip;

  linux('ends the base\'s check when the working tree has a type error, and returns the working tree\'s diagnostics', async () => {
    // 1,000 tables, one check (more are checked in chunks, started otherwise): the base's check
    // takes over a second even on a quiet machine, the one-table working tree's a fraction of one;
    // with 300, a loaded machine sometimes finished the base first. The cost here is writing and
    // committing the files: the check itself is ended at the working tree's verdict.
    setUp('number', 'string', manyTables(1000));
    let runningAtVerdict: number[] = [];
    const outcome = await review(ctx(() => { runningAtVerdict = runningTscChildren(); }), input(true));
    expect(outcome.kind).toBe('schema-errors');
    expect(reported.map((d) => d.code)).toContain('SC1000');
    // The base's check had started before the working tree's verdict, and was still running then.
    expect(runningAtVerdict).toHaveLength(1);
    // Ended (killed) at the verdict, so gone within moments; one left running would still be listed.
    expect(await tscChildrenAfter(5_000)).toEqual([]);
  });

  linux('reports a type error of the base after the working tree\'s diagnostics, with no check left running', async () => {
    setUp('string', 'number');
    await expect(review(ctx(), input(true))).rejects.toThrow('the schema at HEAD does not compile (1 error(s)); review against a ref whose schema compiles');
    expect(reported.map((d) => d.code)).toEqual(['heap-table']);
    expect(runningTscChildren()).toEqual([]);
  });

  it('says nothing of a bad ref when the working tree has errors', async () => {
    setUp('string', 'string');
    fs.writeFileSync(path.join(repo, ITEMS), fs.readFileSync(path.join(repo, ITEMS), 'utf8').replace("@Table('items')", "@Table('items')\n@Index('ix_items_nope', ['nope'])").replace('{ Column,', '{ Column, Index,'));
    const outcome = await review(ctx(), input(false, 'no-such-ref'));
    expect(outcome.kind).toBe('schema-errors');
  });

  it('reports the working tree\'s diagnostics before a bad ref\'s error', async () => {
    setUp('string', 'string');
    await expect(review(ctx(), input(false, 'no-such-ref'))).rejects.toThrow('--base no-such-ref: not a commit in this repository');
    expect(reported.map((d) => d.code)).toEqual(['heap-table']);
  });
});
