import sql from 'mssql';
import { Connection, Request } from 'tedious';
import { PASSWORD, startHarness, type Harness } from './harness';

describe('stand-in TDS errors, messages and row counts', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const duplicateKey = {
    kind: 'error', number: 2627, state: 1, class: 14, line: 3, procName: 'p_insert',
    message: "Violation of PRIMARY KEY constraint 'PK_t'. Cannot insert duplicate key in object 'dbo.t'.",
  } as const;

  it.each(['query', 'batch'] as const)('surfaces number, state, class, line and procedure in RequestError (%s)', async (method) => {
    h.engine.respond(/insert into t/, [{ kind: 'done', rowCount: 1 }, duplicateKey, { kind: 'done' }]);
    const pool = await h.connect();
    const error = await pool.request()[method]('insert into t values (1); insert into t values (1)').then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(sql.RequestError);
    const e = error as sql.RequestError;
    expect(e.message).toBe(duplicateKey.message);
    expect([e.number, e.state, e.class, e.lineNumber, e.procName, e.serverName]).toEqual([2627, 1, 14, 3, 'p_insert', 'standin']);
  });

  it('keeps the connection usable after an error', async () => {
    h.engine.respond(/bad/, [{ kind: 'error', number: 102, state: 1, class: 15, line: 1, message: "Incorrect syntax near 'bad'." }]);
    h.engine.respond(/good/, [{ kind: 'resultSet', resultSet: { columns: [{ name: 'ok', type: 'bit', nullable: false }], rows: [[true]] } }, { kind: 'done', rowCount: 1 }]);
    const pool = await h.connect();
    await expect(pool.request().batch('bad')).rejects.toMatchObject({ number: 102 });
    await expect(pool.request().batch('good')).resolves.toMatchObject({ recordset: [{ ok: true }] });
  });

  it('reports an engine value that does not fit its column as an error and keeps the connection', async () => {
    h.engine.respond(/select bad value/, [
      { kind: 'resultSet', resultSet: { columns: [{ name: 'g', type: 'uniqueidentifier', nullable: false }], rows: [['not-a-guid']] } },
      { kind: 'done', rowCount: 1 },
    ]);
    const pool = await h.connect();
    await expect(pool.request().batch('select bad value')).rejects.toThrow(/Stand-in engine failure: .*'not-a-guid' is not a uniqueidentifier/);
    await expect(pool.request().batch('select 1')).resolves.toBeDefined();
  });

  it('delivers INFO messages (PRINT) without failing the request', async () => {
    h.engine.respond(/print/, [{ kind: 'info', number: 0, state: 1, class: 0, line: 1, message: 'hello from PRINT' }, { kind: 'done' }]);
    const pool = await h.connect();
    const request = pool.request();
    const infos: string[] = [];
    request.on('info', (info: { message: string }) => infos.push(info.message));
    await request.batch("print 'hello from PRINT'");
    expect(infos).toEqual(['hello from PRINT']);
  });

  it.each(['query', 'batch'] as const)('reports rowsAffected from the DONE counts (%s)', async (method) => {
    h.engine.respond(/update/, [{ kind: 'done', rowCount: 3 }, { kind: 'done' }, { kind: 'done', rowCount: 0 }]);
    const pool = await h.connect();
    const result = await pool.request()[method]('update a; declare @x int; update b');
    expect(result.rowsAffected).toEqual([3, 0]);
  });

  it('reports a changed database context with ENVCHANGE', async () => {
    h.engine.respond(/use other/, [{ kind: 'databaseChanged', from: 'app', to: 'other' }, { kind: 'done' }]);
    const changes: string[] = [];
    const connection = new Connection({
      server: '127.0.0.1',
      authentication: { type: 'default', options: { userName: 'sa', password: PASSWORD } },
      options: { port: h.standin.port, encrypt: false, database: 'app' },
    });
    connection.on('databaseChange', (name: string) => changes.push(name));
    await new Promise<void>((resolve, reject) => connection.connect((err) => (err ? reject(err) : resolve())));
    await new Promise<void>((resolve, reject) => connection.execSqlBatch(new Request('use other', (err) => (err ? reject(err) : resolve()))));
    connection.close();
    expect(changes).toEqual(['app', 'other']);
  });
});
