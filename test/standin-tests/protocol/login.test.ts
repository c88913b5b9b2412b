import sql from 'mssql';
import { Connection } from 'tedious';
import { startHarness, type Harness } from './harness';

describe('stand-in TDS login', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('logs in with SQL authentication and runs a first query', async () => {
    h.engine.respond(/select 1 as one/, [
      { kind: 'resultSet', resultSet: { columns: [{ name: 'one', type: 'int', nullable: false }], rows: [[1]] } },
      { kind: 'done', rowCount: 1 },
    ]);
    const pool = await h.connect();
    const result = await pool.request().query('select 1 as one');
    expect(result.recordset).toEqual([{ one: 1 }]);
    expect(h.engine.calls).toContainEqual(expect.objectContaining({ kind: 'rpc', procedure: 'sp_executesql' }));
  });

  it('sends the initial SET batch tedious issues after login to the session', async () => {
    await h.connect();
    const first = h.engine.calls[0];
    expect(first?.kind).toBe('batch');
    expect(first?.kind === 'batch' ? first.sql : '').toMatch(/set ansi_nulls on/i);
  });

  it('refuses a wrong password with error 18456 as SQL Server words it', async () => {
    const pool = new sql.ConnectionPool(h.config({ password: 'wrong' }));
    const error = await pool.connect().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(sql.ConnectionError);
    expect((error as sql.ConnectionError).message).toBe("Login failed for user 'sa'.");
    expect((error as sql.ConnectionError).code).toBe('ELOGIN');
    expect(h.engine.sessions).toBe(0);
  });

  it('sends the refusal as ERROR 18456, class 14, state 1, before closing', async () => {
    const connection = new Connection({
      server: '127.0.0.1',
      authentication: { type: 'default', options: { userName: 'sa', password: 'wrong' } },
      options: { port: h.standin.port, encrypt: false },
    });
    const tokens: { number: number; class: number; state: number; message: string }[] = [];
    connection.on('errorMessage', (token) => tokens.push({ number: token.number, class: token.class, state: token.state, message: token.message }));
    const error = await new Promise<Error | undefined>((resolve) => connection.connect(resolve));
    expect(error?.message).toBe("Login failed for user 'sa'.");
    expect(tokens).toEqual([{ number: 18456, class: 14, state: 1, message: "Login failed for user 'sa'." }]);
  });

  it('closes the session when the client disconnects', async () => {
    const pool = await h.connect();
    await pool.close();
    await waitFor(() => h.engine.calls.some((c) => c.kind === 'close'));
    expect(h.engine.calls.filter((c) => c.kind === 'close')).toHaveLength(1);
  });
});

async function waitFor(condition: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
