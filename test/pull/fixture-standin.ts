/**
 * A stand-in preloaded with one SQL fixture (test/fixtures/sql/*.sql), and a temp directory to
 * run schemac in: the setup the over-the-wire pull suites share. Call inside a `describe`; it
 * registers beforeAll / afterAll and returns accessors valid once the suite runs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readCatalogWith } from '../../src/catalog/read';
import type { CatalogSnapshot } from '../../src/catalog/snapshot-types';
import { createEngine } from '../standin/engine';
import { startStandin, type RunningStandin } from '../standin/server';
import { connect, runLikeSqlcmd, splitBatches } from '../e2e/support/sqlcmd';
import { tempDir } from './support';

/** The running stand-in and the directory schemac runs in. */
export interface FixtureStandin {
  readonly url: string;
  readonly cwd: string;
  /** The catalog as schemac's reader reads it over the wire. */
  catalog(): Promise<CatalogSnapshot>;
  /** Runs a script the way sqlcmd does; fails on any error. */
  run(script: string): Promise<void>;
}

/** Starts a stand-in holding `fixtures/sql/<fixtureFile>` (database `app`) for the suite. */
export function fixtureStandin(fixtureFile: string, password: string): FixtureStandin {
  const fixture = fs.readFileSync(path.resolve(__dirname, '../fixtures/sql', fixtureFile), 'utf8');
  let standin: RunningStandin | undefined;
  let cwd: string | undefined;
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`fixture stand-in: ${what} is not ready yet`);
    return value;
  };
  const suite: FixtureStandin = {
    get url() { return `mssql://sa:${encodeURIComponent(password)}@127.0.0.1:${started(standin, 'the stand-in').port}/app?encrypt=false`; },
    get cwd() { return started(cwd, 'the directory'); },
    catalog: async () => {
      const pool = await connect(suite.url);
      try {
        return await readCatalogWith(async (text) => (await pool.request().query(text)).recordsets as never, 'app');
      } finally {
        await pool.close();
      }
    },
    run: async (script) => {
      const r = await runLikeSqlcmd(suite.url, script);
      const errors = r.batches.flatMap((b) => b.errors);
      if (errors.length > 0) throw new Error(`script failed: ${JSON.stringify(errors)}`);
    },
  };
  beforeAll(async () => {
    const engine = createEngine({ password, databases: ['app'] });
    const login = engine.login('sa', password, 'app');
    if (!login.ok) throw new Error(login.error.message);
    for (const batch of splitBatches(fixture)) {
      const out = await login.session.executeBatch(batch, new AbortController().signal);
      const errors = out.filter((o) => o.kind === 'error');
      if (errors.length > 0) throw new Error(`fixture ${fixtureFile} failed: ${JSON.stringify(errors)}`);
    }
    standin = await startStandin({ engine });
    cwd = tempDir();
  });
  afterAll(async () => {
    await standin?.close();
    if (cwd !== undefined) fs.rmSync(cwd, { recursive: true, force: true });
  });
  return suite;
}
