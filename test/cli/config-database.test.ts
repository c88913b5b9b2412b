/**
 * The config file's database.url is a database source for every command that reads one
 * (design.md: with no flag, SCHEMAC_DATABASE_URL, then the config file), and its password is
 * one of the secrets the CLI scrubs from whatever it prints.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { schemac } from './run-cli';

const PASSWORD = 'Cfg-Secret9';
// Port 1: nothing listens, so the connection fails at once and the message names the target.
const CONFIG_URL = `mssql://sa:${PASSWORD}@127.0.0.1:1/app?encrypt=false`;

describe('database.url from schemac.config.json', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-config-db-'));
    fs.writeFileSync(path.join(dir, 'schemac.config.json'), JSON.stringify({ database: { url: CONFIG_URL } }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([['snapshot'], ['pull'], ['history']])('%s connects to it when no flag or variable names a database', async (command) => {
    const r = await schemac([command], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('no database given');
    expect(r.stderr).not.toContain('needs');
    expect(r.stderr).toContain('127.0.0.1:1/app');
    expect(r.stderr).not.toContain(PASSWORD);
  }, 60_000);

  it('is found through --config too', async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-config-db-cwd-'));
    try {
      const r = await schemac(['snapshot', '--config', path.join(dir, 'schemac.config.json')], { cwd: elsewhere });
      expect(r.stderr).toContain('127.0.0.1:1/app');
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 60_000);

  it("keeps its password out of any error message, like the flag's and the variable's", async () => {
    // A message that repeats the password by coincidence (here: a file name) is scrubbed too.
    const r = await schemac(['snapshot', '--catalog', `${PASSWORD}.json`], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('schemac: cannot read catalog file ***.json: ENOENT\n');
  });
});
