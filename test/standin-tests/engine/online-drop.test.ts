/**
 * Dropping a clustered index or clustered key online on the stand-in: DROP INDEX ... WITH
 * (ONLINE = ON) and ALTER TABLE ... DROP CONSTRAINT ... WITH (ONLINE = ON) are accepted for a
 * clustered one on an edition with online operations, and refused for a nonclustered one (3745),
 * over a text/ntext/image column (2725), on Standard (1712), or with an option they do not take.
 */
import { createEngine, type StandinEdition, type StandinEngine } from '../../standin/engine';
import { wrap, type Harness } from './harness';

function start(edition: StandinEdition = 'developer'): { engine: StandinEngine; h: Harness } {
  const engine = createEngine({ password: 'Secret#1', databases: ['app'], edition });
  const login = engine.login('sa', 'Secret#1', 'app');
  if (!login.ok) throw new Error(login.error.message);
  return { engine, h: wrap(login.session) };
}

const TABLES = `CREATE TABLE [dbo].[orders] ([id] int NOT NULL CONSTRAINT [pk_orders] PRIMARY KEY CLUSTERED, [code] int NOT NULL CONSTRAINT [uq_orders_code] UNIQUE NONCLUSTERED, [note] varchar(max) NULL);
CREATE TABLE [dbo].[events] ([id] int NOT NULL, [at] datetime NOT NULL);
CREATE CLUSTERED INDEX [cx_events_at] ON [dbo].[events] ([at]);
CREATE NONCLUSTERED INDEX [ix_events_id] ON [dbo].[events] ([id]);
INSERT INTO [dbo].[orders] ([id], [code]) VALUES (1, 10), (2, 20);
INSERT INTO [dbo].[events] ([id], [at]) VALUES (1, '2026-01-01');`;
const numbers = async (h: Harness, sql: string): Promise<number[]> => (await h.errors(sql)).map((e) => e.number);
const heap = async (h: Harness, table: string): Promise<unknown> => (await h.rows(`SELECT type_desc FROM sys.indexes WHERE object_id = OBJECT_ID(N'${table}') AND index_id IN (0, 1)`))[0]?.type_desc;

test('a clustered index and a clustered primary key drop online, inside a transaction too; the options are recorded', async () => {
  const { engine, h } = start();
  await h.ok(TABLES);
  await h.ok('BEGIN TRANSACTION; DROP INDEX [cx_events_at] ON [dbo].[events] WITH (ONLINE = ON); COMMIT;');
  expect(await heap(h, 'dbo.events')).toBe('HEAP');
  expect(engine.recordedOptions.at(-1)).toEqual({ statement: expect.stringContaining('DROP INDEX [cx_events_at]'), options: [{ name: 'ONLINE', value: 'ON' }] });
  await h.ok('ALTER TABLE [dbo].[orders] DROP CONSTRAINT [pk_orders] WITH (ONLINE = ON, MAXDOP = 2);');
  expect(await heap(h, 'dbo.orders')).toBe('HEAP');
  expect(await h.rows('SELECT COUNT(*) AS n FROM dbo.orders')).toEqual([{ n: 2 }]);
});

test('refused: a nonclustered index or key (3745), a table with a text column (2725), an unknown option (155), Standard edition (1712)', async () => {
  const { h } = start();
  await h.ok(TABLES);
  expect(await numbers(h, 'DROP INDEX [ix_events_id] ON [dbo].[events] WITH (ONLINE = ON);')).toEqual([3745]);
  expect(await numbers(h, 'ALTER TABLE [dbo].[orders] DROP CONSTRAINT [uq_orders_code] WITH (ONLINE = ON);')).toEqual([3745]);
  expect(await numbers(h, 'DROP INDEX [cx_events_at] ON [dbo].[events] WITH (FILLFACTOR = 80);')).toEqual([155]);
  // ONLINE = OFF is the offline drop, allowed for any index; varchar(max) does not hold an online drop back (SQL Server 2012+).
  await h.ok('DROP INDEX [ix_events_id] ON [dbo].[events] WITH (ONLINE = OFF);');
  await h.ok('CREATE TABLE [dbo].[notes] ([id] int NOT NULL CONSTRAINT [pk_notes] PRIMARY KEY CLUSTERED, [body] text NULL);');
  expect(await numbers(h, 'ALTER TABLE [dbo].[notes] DROP CONSTRAINT [pk_notes] WITH (ONLINE = ON);')).toEqual([2725]);

  const standard = start('standard').h;
  await standard.ok(TABLES);
  expect(await numbers(standard, 'DROP INDEX [cx_events_at] ON [dbo].[events] WITH (ONLINE = ON);')).toEqual([1712]);
  await standard.ok('DROP INDEX [cx_events_at] ON [dbo].[events];');
});
