/**
 * Every path a command is given is relative to the CLI's working directory (the app context's
 * cwd), not the process's: in-process runs (these tests, an embedding tool) have the two differ.
 * Each case runs in a temp folder that is not the process's directory and names its files
 * relatively; a path resolved against the process's directory would miss them.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { schemac } from './run-cli';

const EMPTY_CATALOG = {
  format: 'schemac.catalog/v1', database: 'app', server_version: '16.0.4135.4',
  tables: [], columns: [], indexes: [], index_columns: [], key_constraints: [], check_constraints: [],
  default_constraints: [], foreign_keys: [], foreign_key_columns: [], row_counts: [],
};
// Never connected to: every case here fails or finishes before a connection is made.
const UNUSED_DATABASE = 'mssql://sa:unused@127.0.0.1:1/app?encrypt=false';
const FAST = '--no-type-check';

describe('relative paths are relative to the CLI\'s cwd', () => {
  let cwd: string;
  beforeEach(() => {
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-relative-'));
    fs.writeFileSync(path.join(cwd, 'empty.json'), JSON.stringify(EMPTY_CATALOG));
  });
  afterEach(() => fs.rmSync(cwd, { recursive: true, force: true }));

  it('is a folder other than the process\'s', () => {
    expect(path.resolve(cwd)).not.toBe(process.cwd());
  });

  it('apply FILE reads the saved plan there (before connecting)', async () => {
    fs.writeFileSync(path.join(cwd, 'plan.json'), JSON.stringify({ format: 'not-a-plan' }));
    const r = await schemac(['apply', 'plan.json', '--database', UNUSED_DATABASE, '--auto-approve'], { cwd });
    expect(r.code).toBe(1);
    // The file was found and read: its content is what is wrong, not its absence.
    expect(r.stderr).toContain(`plan file ${path.join(cwd, 'plan.json')}: format is "not-a-plan"`);
  });

  it('snapshot --catalog FILE --out FILE read and write there', async () => {
    const r = await schemac(['snapshot', '--catalog', 'empty.json', '--out', 'copy.json'], { cwd });
    expect(r.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'copy.json'), 'utf8'))).toMatchObject({ format: 'schemac.catalog/v1', database: 'app' });
  });

  it('--config FILE is found there, and its schema folder is next to it', async () => {
    expect((await schemac(['pull', '--catalog', 'empty.json', '--out', 'conf/tables'], { cwd })).code).toBe(0);
    fs.writeFileSync(path.join(cwd, 'conf/schemac.config.json'), JSON.stringify({ schema: 'tables' }));
    const r = await schemac(['check', '--config', 'conf/schemac.config.json', FAST], { cwd });
    expect(r).toMatchObject({ code: 0, stderr: '' });
  });

  it('plan --out FILE writes the plan there', async () => {
    expect((await schemac(['pull', '--catalog', 'empty.json'], { cwd })).code).toBe(0);
    const r = await schemac(['plan', '--catalog', 'empty.json', '--out', 'saved.json', FAST], { cwd });
    expect(r.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'saved.json'), 'utf8'))).toMatchObject({ format: 'schemac.plan/v1' });
  });

  it('migrate new --dir FOLDER writes the migration there', async () => {
    const r = await schemac(['migrate', 'new', 'first', '--empty-file', '--dir', 'db/migrations'], { cwd });
    expect(r.code).toBe(0);
    const folders = fs.readdirSync(path.join(cwd, 'db/migrations')).filter((f) => f !== 'schemac.sum');
    expect(folders).toHaveLength(1);
    expect(fs.readdirSync(path.join(cwd, 'db/migrations', folders[0]!)).sort()).toEqual(['after.json', 'down.sql', 'up.sql']);
  });
});
