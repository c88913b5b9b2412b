/**
 * Resumable online index builds on the stand-in (test/standin/engine/resumable.ts): what SQL
 * Server accepts and refuses, a paused build in sys.index_resumable_operations, and ALTER INDEX
 * ... RESUME / ABORT.
 */
import { createEngine, type StandinEdition, type StandinEngine } from '../../standin/engine';
import { wrap, type Harness } from './harness';

function start(edition: StandinEdition = 'developer', productVersion = '16.0.4135.4'): { engine: StandinEngine; h: Harness } {
  const engine = createEngine({ password: 'Secret#1', databases: ['app'], edition, productVersion });
  const login = engine.login('sa', 'Secret#1', 'app');
  if (!login.ok) throw new Error(login.error.message);
  return { engine, h: wrap(login.session) };
}

const TABLE = `CREATE TABLE [dbo].[orders] ([id] int NOT NULL, [customer] varchar(40) NOT NULL, [note] varchar(max) NULL, [total] AS ([id] * 2), [is_deleted] bit NOT NULL);
INSERT INTO [dbo].[orders] ([id], [customer], [is_deleted]) VALUES (1, 'a', 0), (2, 'b', 0), (3, 'c', 1);`;
const BUILD = 'CREATE NONCLUSTERED INDEX [ix_orders_customer] ON [dbo].[orders] ([customer]) WITH (ONLINE = ON, RESUMABLE = ON, MAX_DURATION = 60 MINUTES);';
const numbers = async (h: Harness, sql: string): Promise<number[]> => (await h.errors(sql)).map((e) => e.number);
const indexCount = async (h: Harness): Promise<unknown> => (await h.rows("SELECT COUNT(*) AS n FROM sys.indexes WHERE name = N'ix_orders_customer'"))[0]?.n;

describe('resumable index builds', () => {
  it('builds an index with ONLINE = ON, RESUMABLE = ON and MAX_DURATION outside a transaction, and records the options', async () => {
    const { engine, h } = start();
    await h.ok(TABLE);
    await h.ok(BUILD);
    expect(await indexCount(h)).toBe(1);
    expect(engine.recordedOptions.at(-1)?.options).toEqual([
      { name: 'ONLINE', value: 'ON' }, { name: 'RESUMABLE', value: 'ON' }, { name: 'MAX_DURATION', value: '60' },
    ]);
    expect(await h.rows('SELECT * FROM sys.index_resumable_operations')).toEqual([]);
  });

  it('refuses RESUMABLE inside a user transaction (Msg 574) and without ONLINE = ON', async () => {
    const { h } = start();
    await h.ok(TABLE);
    expect(await numbers(h, `BEGIN TRANSACTION; ${BUILD}`)).toEqual([574]);
    await h.ok('IF @@TRANCOUNT > 0 ROLLBACK;');
    expect(await numbers(h, 'CREATE INDEX [ix_orders_customer] ON [dbo].[orders] ([customer]) WITH (RESUMABLE = ON);')).toEqual([1052]);
    expect(await numbers(h, 'CREATE INDEX [ix_orders_customer] ON [dbo].[orders] ([customer]) WITH (ONLINE = ON, RESUMABLE = ON, MAX_DURATION = 20000 MINUTES);')).toEqual([1052]);
    expect(await indexCount(h)).toBe(0);
  });

  it('refuses the index kinds SQL Server cannot build resumably (Msg 10675)', async () => {
    const { h } = start();
    await h.ok(TABLE);
    const online = 'WITH (ONLINE = ON, RESUMABLE = ON)';
    expect(await numbers(h, `CREATE INDEX [ix_f] ON [dbo].[orders] ([customer]) WHERE [is_deleted] = 0 ${online};`)).toEqual([10675]);
    expect(await numbers(h, `CREATE INDEX [ix_c] ON [dbo].[orders] ([total]) ${online};`)).toEqual([10675]);
    expect(await numbers(h, `CREATE INDEX [ix_l] ON [dbo].[orders] ([customer]) INCLUDE ([note]) ${online};`)).toEqual([10675]);
  });

  it('refuses it where the edition has no online operations (Msg 1712) or the version no resumable CREATE INDEX', async () => {
    const standard = start('standard');
    await standard.h.ok(TABLE);
    expect(await numbers(standard.h, BUILD)).toEqual([1712]);
    const old = start('developer', '14.0.3456.2');
    await old.h.ok(TABLE);
    expect(await numbers(old.h, BUILD)).toEqual([155]);
  });

  it('keeps a paused build in sys.index_resumable_operations until ALTER INDEX ... RESUME completes it', async () => {
    const { engine, h } = start();
    await h.ok(TABLE);
    engine.setFaults({ pauses: [{ match: 'ix_orders_customer' }] });
    expect(await numbers(h, BUILD)).toEqual([3643]);
    expect(await indexCount(h)).toBe(0);
    const ops = await h.rows('SELECT name, state, state_desc, sql_text FROM sys.index_resumable_operations');
    expect(ops).toEqual([{ name: 'ix_orders_customer', state: 1, state_desc: 'PAUSED', sql_text: BUILD }]);
    // Other DDL on the table waits for the build: Msg 10637.
    expect(await numbers(h, 'CREATE INDEX [ix_other] ON [dbo].[orders] ([id]);')).toEqual([10637]);
    expect(await numbers(h, 'DROP TABLE [dbo].[orders];')).toEqual([10637]);
    await h.ok('ALTER INDEX [ix_orders_customer] ON [dbo].[orders] RESUME;');
    expect(await indexCount(h)).toBe(1);
    expect(await h.rows('SELECT * FROM sys.index_resumable_operations')).toEqual([]);
  });

  it('resumes on re-running the same CREATE INDEX, and forgets the build on ABORT', async () => {
    const { engine, h } = start();
    await h.ok(TABLE);
    engine.setFaults({ pauses: [{ match: 'ix_orders_customer' }, { match: 'ix_orders_customer' }] });
    expect(await numbers(h, BUILD)).toEqual([3643]);
    engine.setFaults({});
    await h.ok(BUILD);
    expect(await indexCount(h)).toBe(1);

    engine.setFaults({ pauses: [{ match: 'ix_orders_id' }] });
    const second = 'CREATE INDEX [ix_orders_id] ON [dbo].[orders] ([id]) WITH (ONLINE = ON, RESUMABLE = ON);';
    expect(await numbers(h, second)).toEqual([3643]);
    await h.ok('ALTER INDEX [ix_orders_id] ON [dbo].[orders] ABORT;');
    expect(await h.rows("SELECT COUNT(*) AS n FROM sys.indexes WHERE name = N'ix_orders_id'")).toEqual([{ n: 0 }]);
    expect(await h.rows('SELECT * FROM sys.index_resumable_operations')).toEqual([]);
    expect(await numbers(h, 'ALTER INDEX [ix_orders_id] ON [dbo].[orders] RESUME;')).toEqual([10638]);
    await h.ok('DROP TABLE [dbo].[orders];');
  });

  it('has no sys.index_resumable_operations before SQL Server 2017', async () => {
    const { h } = start('developer', '13.0.5026.0');
    expect(await numbers(h, 'SELECT * FROM sys.index_resumable_operations;')).toEqual([208]);
  });
});
