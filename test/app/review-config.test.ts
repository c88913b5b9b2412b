/**
 * `review --base REF` compiles the base with the config REF has, not the working tree's: a pull
 * request that changes naming, defaultSchema, ignore or descriptions is reviewed for what it
 * does to the database, without renames or moves that only the change of config would make up.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { AppContext } from '../../src/app/context';
import { review, type ReviewInput } from '../../src/app/review';
import { PROJECTS_SCHEMA } from '../e2e/support/projects-schema';
import { commitFiles, git, tempRepo } from '../support/git-repo';

const CONFIG = 'schemac.config.json';
const FILE = 'schema/projects.schema.ts';
/** The projects table with a primary key the naming convention names. */
const UNNAMED_PK = PROJECTS_SCHEMA.replace("primaryKey: { name: 'pk_projects', clustered: true }", 'primaryKey: { clustered: true }');

describe('review --base with a config that changes between the ref and the working tree', () => {
  let repo: string;
  const input: ReviewInput = { base: 'HEAD~1', allowDrop: false, typeCheck: false };
  const changesIn = async (cwd: string): Promise<[string, string][]> => {
    const ctx: AppContext = { cwd, env: {}, report: () => undefined };
    const outcome = await review(ctx, input);
    if (outcome.kind !== 'reviewed') throw new Error(`expected a review, got ${outcome.kind}`);
    return outcome.review.changes.map((c) => [c.kind, c.summary]);
  };

  beforeEach(() => { repo = tempRepo('schemac-review-config-'); });
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('shows no rename when the pull request moves a generated name from the config into the schema', async () => {
    commitFiles(repo, 'base', { [CONFIG]: '{"naming": {"pk": "key_{table}"}}\n', [FILE]: UNNAMED_PK });
    commitFiles(repo, 'pr', { [CONFIG]: '{}\n', [FILE]: PROJECTS_SCHEMA.replace("name: 'pk_projects'", "name: 'key_projects'") });
    expect(await changesIn(repo)).toEqual([]);
  });

  it('shows no move when the pull request writes out the schema its ref had as defaultSchema', async () => {
    commitFiles(repo, 'base', { [CONFIG]: '{"defaultSchema": "app"}\n', [FILE]: PROJECTS_SCHEMA });
    commitFiles(repo, 'pr', { [CONFIG]: null, [FILE]: PROJECTS_SCHEMA.replace("@Table('projects')", "@Table('projects', { schema: 'app' })") });
    expect(await changesIn(repo)).toEqual([]);
  });

  it('compiles a ref without a config file with the defaults: a convention the pull request adds renames', async () => {
    commitFiles(repo, 'base', { [FILE]: UNNAMED_PK });
    commitFiles(repo, 'pr', { [CONFIG]: '{"naming": {"pk": "key_{table}"}}\n' });
    const changes = await changesIn(repo);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.[1]).toMatch(/pk_projects.*key_projects/);
  });

  // The working tree's plan would not touch what its config ignores: neither does its review.
  it('shows no drop for a table the pull request starts to ignore', async () => {
    commitFiles(repo, 'base', { [FILE]: PROJECTS_SCHEMA });
    commitFiles(repo, 'pr', { [CONFIG]: '{"ignore": {"tables": ["projects"]}}\n' });
    expect(await changesIn(repo)).toEqual([]);
  });

  it('shows no dropped description when the pull request stops managing descriptions', async () => {
    const described = PROJECTS_SCHEMA.replace("@Table('projects')", "/** Work the company takes on. */\n@Table('projects')");
    commitFiles(repo, 'base', { [FILE]: described });
    commitFiles(repo, 'pr', { [CONFIG]: '{"descriptions": "ignore"}\n' });
    expect(await changesIn(repo)).toEqual([]);
  });

  it('reads the config of a project in a subfolder of the repository at the ref', async () => {
    commitFiles(repo, 'base', { [`db/${CONFIG}`]: '{"defaultSchema": "app"}\n', [`db/${FILE}`]: PROJECTS_SCHEMA });
    const edited = PROJECTS_SCHEMA.replace("@Table('projects')", "@Table('projects', { schema: 'app' })")
      .replace('  notes!: string | null;\n', '  notes!: string | null;\n\n  @Column.varchar(10, { nullable: true })\n  locale!: string | null;\n');
    commitFiles(repo, 'pr', { [`db/${CONFIG}`]: '{}\n', [`db/${FILE}`]: edited });
    expect(await changesIn(path.join(repo, 'db'))).toEqual([['addColumn', expect.stringContaining('locale')]]);
  });

  it('reads the base of a schema folder that is the working directory, in a subfolder of the repository', async () => {
    commitFiles(repo, 'base', { 'db/projects.schema.ts': PROJECTS_SCHEMA });
    commitFiles(repo, 'pr', {});
    const outcome = await review({ cwd: path.join(repo, 'db'), env: {}, report: () => undefined }, { ...input, schema: '.' });
    // git names that folder "db/"; asked with the slash, the base read as empty.
    expect(outcome.kind === 'reviewed' ? outcome.review.changes : null).toEqual([]);
  });

  it('names the ref and the file when the config at the ref is invalid', async () => {
    commitFiles(repo, 'base', { [`db/${CONFIG}`]: '{"defaultSchema": 5}\n', [`db/${FILE}`]: PROJECTS_SCHEMA });
    commitFiles(repo, 'pr', { [`db/${CONFIG}`]: '{}\n' });
    await expect(changesIn(path.join(repo, 'db'))).rejects.toThrow(
      '--base HEAD~1: the config file at that ref cannot be used (the base is compiled with its own config)\nHEAD~1:db/schemac.config.json: defaultSchema: expected a string, got number 5',
    );
  });

  describe('symbolic links at the ref: the config, or the schema folder', () => {
    /** Commits `links` (path to target) and `files` as `message`. */
    const commitLinks = (message: string, links: Readonly<Record<string, string>>, files: Readonly<Record<string, string | null>> = {}) => {
      for (const [link, target] of Object.entries(links)) {
        fs.mkdirSync(path.dirname(path.join(repo, link)), { recursive: true });
        fs.rmSync(path.join(repo, link), { force: true });
        fs.symlinkSync(target, path.join(repo, link));
      }
      commitFiles(repo, message, files);
    };
    /** The pull request replaces the link with a plain config, so only the base reads through it. */
    const plainConfigInPr = () => {
      fs.rmSync(path.join(repo, CONFIG));
      commitFiles(repo, 'pr', { [CONFIG]: '{"defaultSchema": "app"}\n' });
    };

    it('reads the file the link points at in the tree at the ref', async () => {
      commitFiles(repo, 'files', { 'config/schemac.json': '{"defaultSchema": "app"}\n', [FILE]: PROJECTS_SCHEMA });
      commitLinks('base', { [CONFIG]: 'config/schemac.json' });
      plainConfigInPr();
      // HEAD~1 is the base; its config is the link. Read as the link's text, it failed as JSON.
      expect(await changesIn(repo)).toEqual([]);
    });

    it('follows a link to a link, and a linked folder, relative to where each link is', async () => {
      commitFiles(repo, 'files', { 'shared/real/schemac.json': '{"defaultSchema": "app"}\n', [FILE]: PROJECTS_SCHEMA });
      commitLinks('base', { 'shared/current': 'real', 'config/schemac.json': '../shared/current/schemac.json', [CONFIG]: 'config/schemac.json' });
      plainConfigInPr();
      expect(await changesIn(repo)).toEqual([]);
    });

    it('reads a schema folder that is a link at the ref where it points', async () => {
      commitFiles(repo, 'files', { [`db/${FILE}`]: PROJECTS_SCHEMA });
      commitLinks('base', { schema: 'db/schema' });
      commitFiles(repo, 'pr', {});
      // Read as absent, the base was empty and the review created every table.
      expect(await changesIn(repo)).toEqual([]);
    });

    it('names REF:path when the link points outside the repository', async () => {
      commitFiles(repo, 'files', { [FILE]: PROJECTS_SCHEMA });
      commitLinks('base', { [CONFIG]: '../outside.json' });
      plainConfigInPr();
      await expect(changesIn(repo)).rejects.toThrow('HEAD~1:schemac.config.json is a symbolic link to ../outside.json, outside the repository');
    });

    it('names REF:path when links go round in a loop', async () => {
      commitFiles(repo, 'files', { [FILE]: PROJECTS_SCHEMA });
      commitLinks('base', { 'a.json': 'b.json', 'b.json': 'a.json', [CONFIG]: 'a.json' });
      git(repo, 'rm', '-q', 'a.json', 'b.json');
      plainConfigInPr();
      await expect(changesIn(repo)).rejects.toThrow(/^HEAD~1:schemac\.config\.json: symbolic links at that ref go round in a loop/);
    });
  });
});
