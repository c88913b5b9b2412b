import sql from 'mssql';
import { startHarness, type Harness } from './harness';

describe('stand-in TDS protocol faults', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    h.engine.respond(/select/, [
      { kind: 'resultSet', resultSet: { columns: [{ name: 'v', type: 'int', nullable: false }], rows: [[1]] } },
      { kind: 'done', rowCount: 1 },
    ]);
  });
  afterEach(async () => {
    await h.close();
  });

  /** Connects and runs one statement, so the pool holds a live connection before a fault is set. */
  async function warmPool(): Promise<sql.ConnectionPool> {
    // mssql validates each acquired connection with its own 'SELECT 1;' unless told not to, which
    // would shift the request counts these tests rely on.
    const pool = await h.connect({ validateConnection: false });
    await pool.request().query('select 0 as v');
    return pool;
  }

  const dropped = (error: unknown): boolean =>
    error instanceof sql.RequestError && ['ESOCKET', 'ECONNRESET'].includes(String(error.code));

  const statements = (): string[] => h.engine.calls.flatMap((c) => (c.kind === 'rpc' ? [String(c.parameters[0]?.value)] : c.kind === 'batch' ? [c.sql] : []));

  it('dropAfterRequests answers N requests, then drops the connection before the engine sees the next', async () => {
    const pool = await warmPool();
    h.standin.setFaults({ dropAfterRequests: 1 });
    await expect(pool.request().query('select 1 as v')).resolves.toMatchObject({ recordset: [{ v: 1 }] });
    const error = await pool.request().query('select 2 as v').then(() => null, (e: unknown) => e);
    expect(dropped(error)).toBe(true);
    expect(statements()).toContain('select 1 as v');
    expect(statements()).not.toContain('select 2 as v');
  });

  it('dropMidResponse lets a COMMIT happen in the engine but loses its acknowledgement', async () => {
    const pool = await warmPool();
    h.standin.setFaults({ dropMidResponse: (r) => r.text === 'COMMIT TRANSACTION' });
    const tx = new sql.Transaction(pool);
    await tx.begin();
    const error = await tx.commit().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(h.engine.calls.map((c) => c.kind)).toContain('commit');
  });

  it('dropBeforeExecute drops the connection on a matching statement only', async () => {
    const pool = await warmPool();
    h.standin.setFaults({ dropBeforeExecute: (r) => /boom/.test(r.text) });
    expect(dropped(await pool.request().query('select boom').then(() => null, (e: unknown) => e))).toBe(true);
    expect(statements()).not.toContain('select boom');
    // The pool replaces the dead connection; other statements still run.
    await expect(pool.request().query('select 1 as v')).resolves.toMatchObject({ recordset: [{ v: 1 }] });
  });

  it('delayResponse holds matching responses back', async () => {
    const pool = await warmPool();
    h.standin.setFaults({ delayResponse: { ms: 400, match: (r) => r.text.includes('slow') } });
    const started = Date.now();
    await pool.request().query('select slow');
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    const quick = Date.now();
    await pool.request().query('select quick');
    expect(Date.now() - quick).toBeLessThan(300);
  });

  it('faults given at start apply to requests from the first', async () => {
    await h.close();
    h = await startHarness({ dropBeforeExecute: (r) => r.sequence === 1 });
    // Request 1 of every connection is tedious's initial SET batch, so no login can complete.
    const pool = new sql.ConnectionPool(h.config());
    await expect(pool.connect()).rejects.toBeInstanceOf(sql.ConnectionError);
  });
});
