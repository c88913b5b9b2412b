/**
 * Over the wire: a SELECT * view that is not schema-bound, over a table with rows. A column
 * added to the table does not reach the view's columns until sp_refreshsqlmodule runs; the plan
 * refreshes the view after the ADD, and the down script refreshes it again after the DROP.
 */
import { diff } from '../../src/differ';
import { renderScript } from '../../src/emitters';
import type { Database } from '../../src/model';
import type { RunningStandin } from '../standin/server';
import { readModel, standinWith } from './support/fixture-standin';
import { queryRows, runLikeSqlcmd } from './support/sqlcmd';
import { expectValidTsql } from '../support/tsql-grammar';

const PASSWORD = 'Refresh#Secret1';
const FIXTURE = [
  `CREATE TABLE [dbo].[users] ([id] int NOT NULL CONSTRAINT [pk_users] PRIMARY KEY, [email] varchar(100) NOT NULL)`,
  `INSERT INTO [dbo].[users] ([id], [email]) VALUES (1, 'a@example.com'), (2, 'b@example.com')`,
  `CREATE VIEW [dbo].[v_users] AS SELECT * FROM [dbo].[users]`,
  `CREATE VIEW [dbo].[v_user_emails] AS SELECT * FROM [dbo].[v_users]`,
];

describe('views refreshed after their table changes, over the wire', () => {
  let standin: RunningStandin;
  let url: string;
  const read = (): Promise<Database> => readModel(url);
  const viewColumns = async (view: string): Promise<unknown[]> =>
    (await queryRows(url, `SELECT c.name FROM sys.columns c WHERE c.object_id = OBJECT_ID(N'${view}') ORDER BY c.column_id`)).map((r) => r.name);

  beforeAll(async () => { ({ standin, url } = await standinWith(PASSWORD, FIXTURE)); });
  afterAll(async () => { await standin.close(); });

  test('a column added: both views list it after the apply, bases first; the down script restores them', async () => {
    const current = await read();
    const desired: Database = {
      ...current,
      modules: [],
      tables: current.tables.map(({ rowCount: _r, ...t }) => ({
        ...t,
        columns: [...t.columns, { ...(t.columns[1] as Database['tables'][number]['columns'][number]), name: 'nickname', type: { name: 'nvarchar', length: 50 }, nullable: true }],
      })),
    };
    const plan = diff(desired, current, { allowDrop: false });
    expect(plan.steps.map((s) => `${s.change.kind}${'module' in s.change ? ` ${s.change.module.name}` : ''}`))
      .toEqual(['addColumn', 'refreshModule v_users', 'refreshModule v_user_emails']);
    const up = renderScript(plan, { direction: 'up', databaseName: 'app' }).text;
    const down = renderScript(plan, { direction: 'down', databaseName: 'app' }).text;
    expectValidTsql(up);
    expectValidTsql(down);

    // Without the refresh SQL Server keeps the view's columns as created.
    expect(await viewColumns('dbo.v_users')).toEqual(['id', 'email']);
    expect((await runLikeSqlcmd(url, up)).batches.flatMap((b) => b.errors)).toEqual([]);
    expect(await viewColumns('dbo.v_users')).toEqual(['id', 'email', 'nickname']);
    expect(await viewColumns('dbo.v_user_emails')).toEqual(['id', 'email', 'nickname']);
    expect(await queryRows(url, 'SELECT COUNT(*) AS n FROM dbo.users')).toEqual([{ n: 2 }]);
    // Nothing left to do: a refresh follows a column change, never a plan of its own.
    expect(diff(desired, await read(), { allowDrop: false }).steps).toEqual([]);

    expect((await runLikeSqlcmd(url, down)).batches.flatMap((b) => b.errors)).toEqual([]);
    expect(await viewColumns('dbo.v_users')).toEqual(['id', 'email']);
    expect(await viewColumns('dbo.v_user_emails')).toEqual(['id', 'email']);
  });
});
