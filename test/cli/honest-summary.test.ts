/**
 * Issue 11 item 7: summaries that tell the truth. A plan that skips undeclared objects does not
 * say the database matches the schema; --detailed-exitcode stays 0 for skips and
 * --fail-on-undeclared makes them exit 2. An empty database pulls to one file that says it
 * declares no tables, and that folder plans normally; a folder with no schema file is an error.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { schemac } from './run-cli';
import { repoRoot } from './run-cli';

const brownfield = path.join(repoRoot, 'test/fixtures/catalog/brownfield.json');
const EMPTY_CATALOG = {
  format: 'schemac.catalog/v1', database: 'app', server_version: '16.0.4135.4',
  tables: [], columns: [], indexes: [], index_columns: [], key_constraints: [], check_constraints: [],
  default_constraints: [], foreign_keys: [], foreign_key_columns: [], row_counts: [],
};

describe('honest summaries', () => {
  let cwd: string;
  beforeEach(() => {
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-summary-'));
    fs.writeFileSync(path.join(cwd, 'empty.json'), JSON.stringify(EMPTY_CATALOG));
  });
  afterEach(() => fs.rmSync(cwd, { recursive: true, force: true }));

  test('an empty database pulls to one file that declares no tables, and that folder plans normally', async () => {
    const pulled = await schemac(['pull', '--catalog', 'empty.json'], { cwd });
    expect(pulled.code).toBe(0);
    expect(fs.readdirSync(path.join(cwd, 'schema'))).toEqual(['no-tables.schema.ts']);
    expect(fs.readFileSync(path.join(cwd, 'schema/no-tables.schema.ts'), 'utf8')).toContain('This schema declares no tables: schemac pull found none in database app.');
    const check = await schemac(['check', '--no-type-check'], { cwd });
    expect(check.code).toBe(0);
    const plan = await schemac(['plan', '--catalog', 'empty.json', '--detailed-exitcode', '--no-type-check'], { cwd });
    expect(plan).toMatchObject({ code: 0, stdout: 'No changes. The database matches the schema.\n' });
  });

  test('a folder with no schema file at all stays an error', async () => {
    fs.mkdirSync(path.join(cwd, 'schema'));
    const plan = await schemac(['plan', '--catalog', 'empty.json', '--no-type-check'], { cwd });
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('SC1002');
  });

  describe('a plan that only skips undeclared objects', () => {
    beforeEach(async () => {
      expect((await schemac(['pull', '--catalog', 'empty.json'], { cwd })).code).toBe(0);
    });

    test('lists them and says how many, not that the database matches; --detailed-exitcode stays 0', async () => {
      const plan = await schemac(['plan', '--catalog', brownfield, '--detailed-exitcode', '--no-type-check'], { cwd });
      expect(plan.code).toBe(0);
      expect(plan.stdout).not.toContain('The database matches the schema');
      const listed = plan.stdout.split('\n').filter((l) => l.startsWith('  ? '));
      expect(listed).toContain('  ? table dbo.users: not declared in the schema; pass --allow-drop to drop it');
      expect(plan.stdout).toContain(`No changes to declared objects; ${listed.length} objects in the database are not declared (skipped).\n`);
      const script = await schemac(['emit-sql', '--catalog', brownfield, '--no-type-check'], { cwd });
      expect(script.stdout).toContain(`-- No changes to declared objects; ${listed.length} objects in the database are not declared (skipped).`);
    });

    test('--fail-on-undeclared makes them exit 2', async () => {
      const plan = await schemac(['plan', '--catalog', brownfield, '--fail-on-undeclared', '--no-type-check'], { cwd });
      expect(plan.code).toBe(2);
      const clean = await schemac(['plan', '--catalog', 'empty.json', '--fail-on-undeclared', '--no-type-check'], { cwd });
      expect(clean.code).toBe(0);
    });
  });
});
