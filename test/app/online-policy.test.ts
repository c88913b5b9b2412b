/**
 * `--online=require` over a plan that drops a clustered primary key (it becomes nonclustered, the
 * rows get a clustered index of their own): refused on Standard, where the drop rewrites the table
 * offline under Sch-M; allowed on Enterprise, where it runs WITH (ONLINE = ON).
 */
import { offlineSteps } from '../../src/app/online-policy';
import { diff, productionOptions } from '../../src/differ';
import { renderScript } from '../../src/emitters';
import type { Database } from '../../src/model';
import { col, db, ix, pk, table } from '../support/model-builders';
import { expectValidTsql } from '../support/tsql-grammar';

const ROWS = 5_000_000;
const ENTERPRISE = { engineEdition: 3, edition: 'Enterprise Edition (64-bit)', majorVersion: 16 };
const STANDARD = { engineEdition: 2, edition: 'Standard Edition (64-bit)', majorVersion: 16 };
const columns = [col('id', 'int'), col('placed_at', 'datetime2')];
const current = (server: Database['server']): Database => ({ ...db([table('orders', { columns, pk: pk('pk_orders', ['id'], { clustered: true }), rowCount: ROWS })]), server });
// The desired table: the key nonclustered, the rows clustered on placed_at.
const desired = db([table('orders', { columns, pk: pk('pk_orders', ['id'], { clustered: false }), indexes: [ix('cx_orders_placed_at', ['placed_at'], { clustered: true })] })]);
const requireOnline = productionOptions({ online: 'require' });

test('a clustered key dropped on Standard is refused by --online=require as a table rebuild under Sch-M', () => {
  const plan = diff(desired, current(STANDARD), { allowDrop: false, production: requireOnline });
  const refused = offlineSteps(plan, requireOnline);
  expect(refused).toEqual(expect.arrayContaining([expect.stringMatching(/^step 1 \(dbo\.orders: drop primary key pk_orders\): table-rebuild, offline, Sch-M \(Standard edition has no online index operations\)/)]));
});

test('on Enterprise the drop runs WITH (ONLINE = ON) and --online=require lets the plan through', () => {
  const plan = diff(desired, current(ENTERPRISE), { allowDrop: false, production: requireOnline });
  expect(plan.steps[0]).toMatchObject({ change: { kind: 'dropPrimaryKey', online: true }, impact: { rule: 'clustered-drop-online', online: true, lock: 'Sch-S' } });
  expect(offlineSteps(plan, requireOnline)).toEqual([]);
  const up = renderScript(plan, { direction: 'up', databaseName: 'app' }).text;
  expect(up).toContain('ALTER TABLE [dbo].[orders] DROP CONSTRAINT [pk_orders] WITH (ONLINE = ON);');
  expectValidTsql(up);
});
