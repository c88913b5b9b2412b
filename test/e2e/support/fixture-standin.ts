/**
 * A stand-in started over a database that a fixture's batches set up first (run in-process, before
 * the server listens), and the catalog model read back over the wire: what the small over-the-wire
 * tests of one behaviour share.
 */
import { readCatalogWith } from '../../../src/catalog/read';
import { snapshotToModel } from '../../../src/catalog/to-model';
import type { Database } from '../../../src/model';
import { createEngine } from '../../standin/engine';
import { startStandin, type RunningStandin } from '../../standin/server';
import { connect } from './sqlcmd';

/** Starts a stand-in whose database `app` has run every batch of `fixture` (throws on an error). */
export async function standinWith(password: string, fixture: readonly string[]): Promise<{ standin: RunningStandin; url: string }> {
  const engine = createEngine({ password, databases: ['app'] });
  const login = engine.login('sa', password, 'app');
  if (!login.ok) throw new Error(login.error.message);
  for (const batch of fixture) {
    const errors = (await login.session.executeBatch(batch, new AbortController().signal)).filter((o) => o.kind === 'error');
    if (errors.length > 0) throw new Error(`fixture failed: ${JSON.stringify(errors)}`);
  }
  const standin = await startStandin({ engine });
  return { standin, url: `mssql://sa:${encodeURIComponent(password)}@127.0.0.1:${standin.port}/app?encrypt=false` };
}

/** The catalog of the database at `url`, as the model schemac plans against. */
export async function readModel(url: string): Promise<Database> {
  const pool = await connect(url);
  try {
    return snapshotToModel(await readCatalogWith(async (text) => (await pool.request().query(text)).recordsets as never, 'app')).database;
  } finally {
    await pool.close();
  }
}
