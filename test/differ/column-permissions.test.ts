/**
 * Column-level permissions read from the catalog, where a plan drops a column: a column dropped
 * and re-created in its place (a computed column redefined, an uncastable type) is granted them
 * again after its ADD; a column simply dropped gets them back in the down script's re-add.
 */
import { diff } from '../../src/differ';
import { renderScript } from '../../src/emitters/tsql/script';
import type { Table, TablePermission } from '../../src/model';
import { col, db, pk, table } from '../support/model-builders';

const permissions: TablePermission[] = [
  { column: null, grantee: 'reporting', permission: 'SELECT', state: 'grant' },
  { column: 'total', grantee: 'reporting', permission: 'SELECT', state: 'deny' },
  { column: 'total', grantee: 'billing', permission: 'UPDATE', state: 'grant' },
];
const orders = (total: ReturnType<typeof col> | null, extra: Partial<Table> = {}): Table => ({
  ...table('dbo.orders', { columns: [col('id', 'int'), col('qty', 'int'), col('price', 'int'), ...(total === null ? [] : [total])], pk: pk('pk_orders', ['id']), rowCount: 0 }),
  ...extra,
});
const grantLines = (text: string) => text.split('\n').filter((l) => /^(GRANT|DENY) /.test(l));

test('a computed column redefined is re-added with its column-level permissions, in both directions', () => {
  const current = orders(col('total', 'int', { computed: '[qty]*[price]', persisted: true }), { permissions });
  const desired = orders(col('total', 'int', { computed: '[qty]*[price]+(1)', persisted: true }));
  const plan = diff(db([desired]), db([current]), { allowDrop: false });
  expect(plan.steps.map((s) => s.change.kind)).toEqual(['dropColumn', 'addColumn']);
  const expected = ['DENY SELECT ON OBJECT::[dbo].[orders] ([total]) TO [reporting];', 'GRANT UPDATE ON OBJECT::[dbo].[orders] ([total]) TO [billing];'];
  expect(grantLines(renderScript(plan, { direction: 'up', databaseName: null }).text).sort()).toEqual([...expected].sort());
  expect(grantLines(renderScript(plan, { direction: 'down', databaseName: null }).text).sort()).toEqual([...expected].sort());
});

test('a dropped column takes its permissions with it; the down script re-adds it and grants them again; the table-level ones are untouched', () => {
  const current = orders(col('total', 'int', { nullable: true }), { permissions });
  const plan = diff(db([orders(null)]), db([current]), { allowDrop: true });
  expect(plan.steps.map((s) => s.change.kind)).toEqual(['dropColumn']);
  expect(grantLines(renderScript(plan, { direction: 'up', databaseName: null }).text)).toEqual([]);
  expect(grantLines(renderScript(plan, { direction: 'down', databaseName: null }).text).sort()).toEqual([
    'DENY SELECT ON OBJECT::[dbo].[orders] ([total]) TO [reporting];', 'GRANT UPDATE ON OBJECT::[dbo].[orders] ([total]) TO [billing];',
  ]);
});
