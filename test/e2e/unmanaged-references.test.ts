/**
 * Over the wire: a foreign key from a schema the plan does not manage (audit.log -> dbo.users)
 * stops SQL Server from altering the column it references; the plan refuses that change, naming
 * the foreign key, applies the rest, and the foreign key is still there afterwards.
 */
import { diff } from '../../src/differ';
import { renderScript } from '../../src/emitters';
import type { Database } from '../../src/model';
import type { RunningStandin } from '../standin/server';
import { readModel, standinWith } from './support/fixture-standin';
import { runLikeSqlcmd } from './support/sqlcmd';
import { expectValidTsql } from '../support/tsql-grammar';

const PASSWORD = 'Refs#Secret1';
const FIXTURE = [
  `CREATE TABLE [dbo].[users] ([id] int NOT NULL CONSTRAINT [pk_users] PRIMARY KEY, [email] varchar(100) NOT NULL)`,
  `CREATE SCHEMA [audit]`,
  `CREATE TABLE [audit].[log] ([id] int NOT NULL CONSTRAINT [pk_log] PRIMARY KEY, [user_id] int NOT NULL CONSTRAINT [fk_log_user] FOREIGN KEY REFERENCES [dbo].[users] ([id]))`,
  `INSERT INTO [dbo].[users] ([id], [email]) VALUES (1, 'a@example.com'); INSERT INTO [audit].[log] ([id], [user_id]) VALUES (10, 1)`,
];

describe('foreign keys from an unmanaged schema, over the wire', () => {
  let standin: RunningStandin;
  let url: string;
  const read = (): Promise<Database> => readModel(url);

  beforeAll(async () => { ({ standin, url } = await standinWith(PASSWORD, FIXTURE)); });
  afterAll(async () => { await standin.close(); });

  test('SQL Server refuses the ALTER; the plan refuses it naming the FK, applies the rest, and the FK stays', async () => {
    const refusedBySqlServer = await runLikeSqlcmd(url, 'ALTER TABLE [dbo].[users] ALTER COLUMN [id] bigint NOT NULL;');
    expect(refusedBySqlServer.batches.flatMap((b) => b.errors).length).toBeGreaterThan(0);

    const current = await read();
    const desired: Database = {
      ...current,
      tables: current.tables.filter((t) => t.schema === 'dbo').map(({ rowCount: _r, ...t }) => ({
        ...t,
        columns: t.columns.map((c) => (c.name === 'id' ? { ...c, type: { name: 'bigint' as const } } : c.name === 'email' ? { ...c, type: { name: 'varchar' as const, length: 200 } } : c)),
      })),
    };
    const plan = diff(desired, current, { allowDrop: true, managedSchemas: ['dbo'] });
    expect(plan.refused?.map((r) => r.change)).toEqual(['drop pk_users', 'alter column id']);
    expect(plan.refused?.[0]?.reason).toMatch(/^audit\.fk_log_user references dbo\.users\(id\), from a schema this plan does not manage/);
    const up = renderScript(plan, { direction: 'up', databaseName: 'app' }).text;
    expectValidTsql(up);
    const r = await runLikeSqlcmd(url, up);
    expect(r.batches.flatMap((b) => b.errors)).toEqual([]);
    const after = await read();
    expect(after.tables.find((t) => t.name === 'users')?.columns.map((c) => [c.name, c.type])).toEqual([['id', { name: 'int' }], ['email', { name: 'varchar', length: 200 }]]);
    expect(after.tables.find((t) => t.name === 'log')?.foreignKeys.map((f) => f.name)).toEqual(['fk_log_user']);
  });
});
