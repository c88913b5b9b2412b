/**
 * Synonyms over what a plan drops or renames (differ/synonyms.ts): the step carries a
 * `dependent-object` hazard naming each synonym whose base object is that table in this database
 * (one-part names resolve in dbo); synonyms over other databases, servers or tables add nothing.
 */
import { diff, type Plan } from '../../src/differ';
import { nameParts, readSynonyms } from '../../src/catalog/read-synonyms';
import type { Database } from '../../src/model';
import { col, db, table } from '../support/model-builders';

const orders = (name = 'orders', o: { renamedFrom?: string } = {}) => table(name, { columns: [col('id', 'int')], rowCount: 3, ...o });
const withSynonyms = (d: Database, rows: { schema_name: string; name: string; base_object_name: string }[]): Database =>
  ({ ...d, name: 'shop', synonyms: readSynonyms(rows, () => false) });
const hazards = (plan: Plan) => plan.steps.flatMap((s) => s.hazards.filter((h) => h.code === 'dependent-object').map((h) => `${s.change.kind}: ${h.message}`));

const SYNONYMS = [
  { schema_name: 'dbo', name: 'orders_syn', base_object_name: '[dbo].[orders]' },
  { schema_name: 'reporting', name: 'all_orders', base_object_name: '[shop].[dbo].[orders]' },
  { schema_name: 'dbo', name: 'short_syn', base_object_name: '[orders]' },
  { schema_name: 'dbo', name: 'elsewhere', base_object_name: '[archive].[dbo].[orders]' },
  { schema_name: 'dbo', name: 'linked', base_object_name: '[srv2].[shop].[dbo].[orders]' },
  { schema_name: 'dbo', name: 'other_table', base_object_name: '[dbo].[customers]' },
];

test('renaming a table names every synonym of this database that points to it', () => {
  const current = withSynonyms(db([orders()]), SYNONYMS);
  const plan = diff(db([orders('purchases', { renamedFrom: 'orders' })]), current, { allowDrop: false });
  expect(hazards(plan)).toEqual([
    'renameTable: synonym dbo.orders_syn points to dbo.orders, which this step renames to purchases; it is bound by name, so it stays and fails when next used (re-create it with CREATE SYNONYM)',
    'renameTable: synonym reporting.all_orders points to dbo.orders, which this step renames to purchases; it is bound by name, so it stays and fails when next used (re-create it with CREATE SYNONYM)',
    'renameTable: synonym dbo.short_syn points to dbo.orders, which this step renames to purchases; it is bound by name, so it stays and fails when next used (re-create it with CREATE SYNONYM)',
  ]);
});

test('dropping the table names them too; a plan that leaves it alone has no such hazard', () => {
  const current = withSynonyms(db([orders(), table('customers', { columns: [col('id', 'int')] })]), SYNONYMS.slice(0, 1));
  expect(hazards(diff(db([table('customers', { columns: [col('id', 'int')] })]), current, { allowDrop: true }))).toEqual([
    'dropTable: synonym dbo.orders_syn points to dbo.orders, which this step drops; it is bound by name, so it stays and fails when next used (re-create it with CREATE SYNONYM)',
  ]);
  expect(hazards(diff(db([orders(), table('customers', { columns: [col('id', 'int'), col('x', 'int', { nullable: true })] })]), current, { allowDrop: false }))).toEqual([]);
});

test('base object names split into their parts, quoted dots and brackets kept', () => {
  expect(nameParts('[a]]b].[c.d]')).toEqual(['a]b', 'c.d']);
  expect(nameParts('[srv].[db]..[t]')).toEqual(['srv', 'db', '', 't']);
  expect(readSynonyms([{ schema_name: 'dbo', name: 's', base_object_name: '[db]..[t]' }], () => false)[0]?.base).toEqual({ server: null, database: 'db', schema: null, name: 't' });
});
