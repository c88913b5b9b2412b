/**
 * Info findings on stderr: `check` and `review` show one rule's many findings as a few examples
 * and a count (a mixin's DATETIME column on every table is one piece of advice), and list every
 * one with --all-info. The built-in example without its config has seven datetime-not-datetime2
 * infos (its config turns the rule off).
 */
import * as fs from 'fs';
import * as path from 'path';
import { commitFiles, tempRepo } from '../support/git-repo';
import { repoRoot, schemac } from './run-cli';

const infoLines = (stderr: string) => stderr.split('\n').filter((l) => l.includes(' - info datetime-not-datetime2: '));

describe('info findings on stderr', () => {
  let repo: string;

  beforeAll(() => {
    repo = tempRepo('schemac-info-summary-');
    fs.cpSync(path.join(repoRoot, 'schema'), path.join(repo, 'schema'), { recursive: true });
    commitFiles(repo, 'base', {});
  });

  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  it.each([['check'], ['review', '--base', 'HEAD']])('%s shows three examples of a rule and counts the rest', async (...args) => {
    const r = await schemac([...args, '--no-type-check'], { cwd: repo });
    expect(r.code).toBe(0);
    const lines = infoLines(r.stderr);
    expect(lines.slice(0, 3)).toEqual([
      expect.stringMatching(/^schema\/audited-entity\.schema\.ts:18:3 - info datetime-not-datetime2: column dbo\.tenants\.created_at /),
      expect.stringMatching(/^schema\/audited-entity\.schema\.ts:18:3 - info datetime-not-datetime2: column dbo\.users\.created_at /),
      expect.stringMatching(/^schema\/audited-entity\.schema\.ts:21:3 - info datetime-not-datetime2: column dbo\.tenants\.updated_at /),
    ]);
    expect(lines.slice(3)).toEqual([]);
    expect(r.stderr).toContain('info datetime-not-datetime2: 4 more like these, 7 in all (--all-info lists every one)\n');
  });

  it.each([['check'], ['review', '--base', 'HEAD']])('%s --all-info lists every one', async (...args) => {
    const r = await schemac([...args, '--no-type-check', '--all-info'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(infoLines(r.stderr)).toHaveLength(7);
    expect(r.stderr).not.toContain('more like these');
  });

  /** The ::notice lines of `review --base HEAD --github-annotations` in `cwd`. */
  const notices = async (cwd: string, ...flags: string[]) => {
    const r = await schemac(['review', '--base', 'HEAD', '--no-type-check', '--github-annotations', '--format', 'json', ...flags], { cwd });
    expect(r.code).toBe(0);
    return r.stdout.split('\n').filter((l) => l.startsWith('::notice'));
  };

  // GitHub shows only a step's first ten notices: the annotations summarise as stderr does.
  it('review --github-annotations gives a rule three notices at their lines and one that counts the rest', async () => {
    // The pull request adds the whole schema, so every finding is its own.
    const added = tempRepo('schemac-info-added-');
    try {
      commitFiles(added, 'before the schema', { 'README.md': 'app\n' });
      fs.cpSync(path.join(repoRoot, 'schema'), path.join(added, 'schema'), { recursive: true });
      await expectSummarised(added);
    } finally {
      fs.rmSync(added, { recursive: true, force: true });
    }
  });

  // A pull request is annotated with its own findings: those the base already had are counted once.
  it('review --github-annotations leaves out the findings the base already had, and says how many', async () => {
    fs.writeFileSync(path.join(repo, 'schema', 'shipments.schema.ts'), [
      "import { Column, Table } from 'schemac';",
      "@Table('shipments')",
      'export class Shipment {',
      '  @Column.int({ primaryKey: true }) id!: number;',
      '  @Column.datetime() shippedAt!: Date;',
      '}',
      '',
    ].join('\n'));
    try {
      expect(await notices(repo)).toEqual([
        expect.stringMatching(/^::notice file=schema\/shipments\.schema\.ts,line=5,col=22,title=schemac datetime-not-datetime2::column dbo\.shipments\.shipped_at /),
        '::notice title=schemac lint::7 finding(s) the schema already had at HEAD are not annotated again (schemac check lists every one)',
      ]);
      // stderr, like check, still lists the schema's findings as a whole (three examples and a count).
      const r = await schemac(['review', '--base', 'HEAD', '--no-type-check'], { cwd: repo });
      expect(r.stderr).toContain('info datetime-not-datetime2: 5 more like these, 8 in all');
    } finally {
      fs.rmSync(path.join(repo, 'schema', 'shipments.schema.ts'));
    }
  });

  async function expectSummarised(cwd: string): Promise<void> {
    expect(await notices(cwd)).toEqual([
      expect.stringMatching(/^::notice file=schema\/audited-entity\.schema\.ts,line=18,col=3,title=schemac datetime-not-datetime2::column dbo\.tenants\.created_at /),
      expect.stringMatching(/^::notice file=schema\/audited-entity\.schema\.ts,line=18,col=3,title=schemac datetime-not-datetime2::column dbo\.users\.created_at /),
      expect.stringMatching(/^::notice file=schema\/audited-entity\.schema\.ts,line=21,col=3,title=schemac datetime-not-datetime2::column dbo\.tenants\.updated_at /),
      '::notice title=schemac datetime-not-datetime2::4 more like these, 7 in all (--all-info lists every one)',
    ]);
    expect(await notices(cwd, '--all-info')).toHaveLength(7);
  }

  it('lists warnings in full however many there are', async () => {
    fs.writeFileSync(path.join(repo, 'schemac.config.json'), JSON.stringify({ lint: { rules: { 'datetime-not-datetime2': 'warning' } } }));
    try {
      const r = await schemac(['check', '--no-type-check'], { cwd: repo });
      expect(r.stderr.split('\n').filter((l) => l.includes('warning datetime-not-datetime2'))).toHaveLength(7);
      expect(r.stderr).not.toContain('more like these');
    } finally {
      fs.rmSync(path.join(repo, 'schemac.config.json'));
    }
  });
});
