import { untilAborted } from './fake-engine';
import { startHarness, type Harness } from './harness';

describe('stand-in TDS cancellation (ATTENTION)', () => {
  let h: Harness;
  let aborted: number;
  let started: Promise<void>;
  beforeEach(async () => {
    h = await startHarness();
    aborted = 0;
    let markStarted: () => void = () => undefined;
    started = new Promise((r) => { markStarted = r; });
    h.engine.respond(/waitfor/, async (_sql, signal) => {
      markStarted();
      await untilAborted(signal);
      aborted += 1;
      return [{ kind: 'done' }];
    });
    h.engine.respond(/select 42/, [
      { kind: 'resultSet', resultSet: { columns: [{ name: 'v', type: 'int', nullable: false }], rows: [[42]] } },
      { kind: 'done', rowCount: 1 },
    ]);
  });
  afterEach(async () => {
    await h.close();
  });

  it('request.cancel() aborts the running statement and the connection stays usable', async () => {
    const pool = await h.connect();
    const request = pool.request();
    const running = request.batch("waitfor delay '00:10'").then(() => null, (e: unknown) => e);
    // Cancel once the server runs the statement (a fixed sleep raced a loaded machine).
    await started;
    request.cancel();
    const error = await running;
    expect(error).toMatchObject({ code: 'ECANCEL' });
    expect(aborted).toBe(1);
    await expect(pool.request().query('select 42 as v')).resolves.toMatchObject({ recordset: [{ v: 42 }] });
  });

  it('a request timeout sends ATTENTION, reports ETIMEOUT, and the connection stays usable', async () => {
    const pool = await h.connect({ requestTimeout: 300 });
    const error = await pool.request().query("waitfor delay '00:10'").then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'ETIMEOUT' });
    expect(aborted).toBe(1);
    await expect(pool.request().query('select 42 as v')).resolves.toMatchObject({ recordset: [{ v: 42 }] });
  });

  it('a cancel racing the response leaves the connection usable', async () => {
    const pool = await h.connect();
    const request = pool.request();
    const done = request.query('select 42 as v');
    request.cancel();
    await done.catch(() => undefined);
    await expect(pool.request().query('select 42 as v')).resolves.toMatchObject({ recordset: [{ v: 42 }] });
  });
});
