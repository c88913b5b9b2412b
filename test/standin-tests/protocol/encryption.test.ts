import sql from 'mssql';
import { startHarness, type Harness } from './harness';

describe('stand-in TDS encryption', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses a client that insists on encryption (mssql default encrypt: true) with a clear error', async () => {
    const pool = new sql.ConnectionPool(h.config({ options: { encrypt: true, trustServerCertificate: true } }));
    const error = await pool.connect().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(sql.ConnectionError);
    expect((error as Error).message).toMatch(/server does not support encryption.*encrypt=false/);
    expect(h.engine.sessions).toBe(0);
  });

  it("fails a TDS 8 'strict' client at its TLS handshake", async () => {
    const pool = new sql.ConnectionPool(h.config({ options: { encrypt: 'strict' as unknown as boolean, trustServerCertificate: true } }));
    const error = await pool.connect().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(sql.ConnectionError);
    expect((error as Error).message).toMatch(/handshake failure/i);
    expect(h.engine.sessions).toBe(0);
  });
});
