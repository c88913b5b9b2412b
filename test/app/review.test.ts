/**
 * `review` as a plain function: the schema at a git ref against the working tree, read through
 * git without touching the working tree; a working tree that does not compile is an outcome with
 * its diagnostics (for annotations), not a review.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { AppContext } from '../../src/app/context';
import { review } from '../../src/app/review';
import { PROJECTS_SCHEMA } from '../e2e/support/projects-schema';
import { commitFiles, git, tempRepo } from '../support/git-repo';

describe('app review', () => {
  let repo: string;
  const ctx = (): AppContext => ({ cwd: repo, env: {}, report: () => undefined });
  const file = () => path.join(repo, 'schema', 'projects.schema.ts');

  beforeEach(() => {
    repo = tempRepo('schemac-app-review-');
    commitFiles(repo, 'before the schema', { README: 'no schema yet\n' });
    git(repo, 'tag', 'empty');
    commitFiles(repo, 'base', { 'schema/projects.schema.ts': PROJECTS_SCHEMA });
  });
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('reviews the working tree against a base ref, sources relative to the repository, the tree untouched', async () => {
    const edited = PROJECTS_SCHEMA.replace('  notes!: string | null;\n', '  notes!: string | null;\n\n  @Column.varchar(10, { nullable: true })\n  locale!: string | null;\n');
    fs.writeFileSync(file(), edited);
    const outcome = await review(ctx(), { base: 'HEAD', allowDrop: false, typeCheck: false });
    if (outcome.kind !== 'reviewed') throw new Error(`expected a review, got ${outcome.kind}`);
    expect(outcome.review.baseLabel).toBe('HEAD');
    expect(outcome.review.changes.map((c) => [c.kind, c.summary])).toEqual([['addColumn', expect.stringContaining('locale')]]);
    expect(outcome.review.changes[0]?.source).toMatchObject({ file: path.join('schema', 'projects.schema.ts') });
    expect(fs.readFileSync(file(), 'utf8')).toBe(edited);
    expect(git(repo, 'status', '--porcelain')).toBe(' M schema/projects.schema.ts\n');
  });

  it('reviews a project in a subfolder of the repository against the same subfolder at the ref', async () => {
    commitFiles(repo, 'a project in a subfolder', { 'db/schema/projects.schema.ts': PROJECTS_SCHEMA });
    const db = path.join(repo, 'db');
    fs.writeFileSync(path.join(db, 'schema', 'projects.schema.ts'), PROJECTS_SCHEMA.replace("@Index('ix_projects_notes', ['notes'])\n", ''));
    const outcome = await review({ ...ctx(), cwd: db }, { base: 'HEAD', allowDrop: false, typeCheck: false });
    if (outcome.kind !== 'reviewed') throw new Error(`expected a review, got ${outcome.kind}`);
    expect(outcome.review.changes.map((c) => [c.kind, c.summary])).toEqual([['dropIndex', expect.stringContaining('ix_projects_notes')]]);
    expect(outcome.review.changes[0]?.source).toMatchObject({ file: path.join('schema', 'projects.schema.ts') });
  });

  it('leaves the type-check cache to the working tree: the base is checked in a temp folder no later run sees', async () => {
    fs.mkdirSync(path.join(repo, 'node_modules'));
    const cache = path.join(repo, 'node_modules', '.cache', 'schemac');
    const kept = (): string[] => {
      const keys = (JSON.parse(fs.readFileSync(path.join(cache, 'type-check.json'), 'utf8')) as { keys: string[] }).keys;
      const states = fs.existsSync(path.join(cache, 'tsc')) ? fs.readdirSync(path.join(cache, 'tsc')) : [];
      return [...keys, ...states].sort();
    };
    const reviewed = async () => (await review(ctx(), { base: 'HEAD', allowDrop: false, typeCheck: true })).kind;
    expect(await reviewed()).toBe('reviewed');
    const afterOne = kept();
    expect(afterOne.length).toBeGreaterThan(0);
    // Another review of the same working tree finds its verdict and keeps nothing new.
    expect(await reviewed()).toBe('reviewed');
    expect(kept()).toEqual(afterOne);
  });

  it('treats a ref without the schema folder as an empty database', async () => {
    const outcome = await review(ctx(), { base: 'empty', allowDrop: false, typeCheck: false });
    if (outcome.kind !== 'reviewed') throw new Error(`expected a review, got ${outcome.kind}`);
    expect(outcome.review.changes[0]).toMatchObject({ kind: 'createTable', table: 'dbo.projects' });
  });

  it('returns the diagnostics of a working tree that does not compile, without reviewing', async () => {
    fs.writeFileSync(file(), PROJECTS_SCHEMA.replace("['owner', 'priority']", "['owner', 'nope']"));
    const outcome = await review(ctx(), { base: 'HEAD', allowDrop: false, typeCheck: false });
    expect(outcome.kind).toBe('schema-errors');
    expect(outcome.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', code: 'SC1301' }));
  });

  it('refuses two bases at once', async () => {
    await expect(review(ctx(), { base: 'HEAD', catalog: 'x.json', allowDrop: false, typeCheck: false }))
      .rejects.toThrow('give only one of --base, --catalog and --database');
  });
});
