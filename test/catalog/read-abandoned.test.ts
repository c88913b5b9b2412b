/**
 * plan reads a live catalog while TypeScript's check runs (app/compile.ts, compileThen); when the
 * schema turns out to have errors, the read is abandoned. Over the wire, against the stand-in:
 * an abandoned read lets go of its connection at once, even in the middle of a query.
 */
import { parseConnectionString } from '../../src/catalog/connection';
import { readCatalog } from '../../src/catalog/read';
import { FINGERPRINT_QUERY } from '../../src/catalog/queries';
import { createEngine } from '../standin/engine';
import { startStandin, type RunningStandin } from '../standin/server';

const PASSWORD = 'Abandon#Secret1';

describe('an abandoned catalog read', () => {
  let standin: RunningStandin;
  let url: string;

  beforeAll(async () => {
    standin = await startStandin({ engine: createEngine({ password: PASSWORD, databases: ['app'] }) });
    url = `mssql://sa:${encodeURIComponent(PASSWORD)}@127.0.0.1:${standin.port}/app?encrypt=false`;
  });
  afterAll(async () => {
    await standin.close();
  });
  afterEach(() => standin.setFaults({}));

  it('reads the whole catalog when nobody abandons it', async () => {
    const snapshot = await readCatalog(parseConnectionString(url), new AbortController().signal);
    expect(snapshot.database).toBe('app');
  });

  it('abandoned while connecting: fails as abandoned without querying', async () => {
    const queried: string[] = [];
    standin.setFaults({ delayResponse: { ms: 0, match: (request) => { queried.push(request.text); return false; } } });
    const abandon = new AbortController();
    const read = readCatalog(parseConnectionString(url), abandon.signal);
    abandon.abort();
    await expect(read).rejects.toMatchObject({ failure: 'abandoned' });
    expect(queried.filter((text) => text.includes('sys.objects'))).toEqual([]);
  });

  it('abandoned during a query the server holds for a minute: fails at once, the connection closed', async () => {
    let arrived!: () => void;
    const held = new Promise<void>((resolve) => { arrived = resolve; });
    standin.setFaults({ delayResponse: { ms: 60_000, match: (request) => {
      const first = request.text === FINGERPRINT_QUERY;
      if (first) arrived();
      return first;
    } } });
    const abandon = new AbortController();
    const read = readCatalog(parseConnectionString(url), abandon.signal);
    await held;
    abandon.abort();
    // Jest's 5 s timeout fails this test if the read waits for the held response.
    await expect(read).rejects.toMatchObject({ failure: 'abandoned' });
  });
});
