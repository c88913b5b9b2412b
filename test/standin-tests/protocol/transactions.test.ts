import sql from 'mssql';
import { FAKE_DESCRIPTOR } from './fake-engine';
import { startHarness, type Harness } from './harness';

describe('stand-in TDS transaction manager requests', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const txCalls = (): string[] => h.engine.calls.filter((c) => c.kind === 'begin' || c.kind === 'commit' || c.kind === 'rollback').map((c) => c.kind);

  it('begin and commit through mssql reach the session', async () => {
    const pool = await h.connect();
    const tx = new sql.Transaction(pool);
    await tx.begin();
    await new sql.Request(tx).batch('insert into t values (1)');
    await tx.commit();
    expect(txCalls()).toEqual(['begin', 'commit']);
  });

  it('rollback through mssql reaches the session', async () => {
    const pool = await h.connect();
    const tx = new sql.Transaction(pool);
    await tx.begin();
    await tx.rollback();
    expect(txCalls()).toEqual(['begin', 'rollback']);
  });

  it('tedious adopts the descriptor from the begin ENVCHANGE and drops it at commit', async () => {
    const { Connection, Request } = await import('tedious');
    const connection = new Connection({
      server: '127.0.0.1',
      authentication: { type: 'default', options: { userName: 'sa', password: 'Fake!Passw0rd' } },
      options: { port: h.standin.port, encrypt: false },
    });
    await new Promise<void>((resolve, reject) => connection.connect((err) => (err ? reject(err) : resolve())));
    await new Promise<void>((resolve, reject) => connection.beginTransaction((err) => (err ? reject(err) : resolve()), 'tx1'));
    // tedious keeps the descriptor privately; its presence shows the ENVCHANGE was parsed.
    const descriptors = (connection as unknown as { transactionDescriptors: Buffer[] }).transactionDescriptors;
    expect(descriptors[descriptors.length - 1]).toEqual(FAKE_DESCRIPTOR);
    expect(h.engine.calls).toContainEqual({ kind: 'begin', name: 'tx1' });
    await new Promise<void>((resolve, reject) => connection.commitTransaction((err) => (err ? reject(err) : resolve()), 'tx1'));
    expect(descriptors).toHaveLength(1);
    await new Promise<void>((resolve, reject) => connection.execSqlBatch(new Request('select 1', (err) => (err ? reject(err) : resolve()))));
    connection.close();
  });
});
