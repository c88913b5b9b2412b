/**
 * Issue 12 item 4: objects in schemas the schema files do not manage are never dropped, not even
 * with --allow-drop; they are left out of the plan entirely (neither steps nor skips).
 */
import { diff, declaredSchemas } from '../../src/differ';
import { CI, CS, col, db, fk, pk, table } from '../support/model-builders';
import { describe as describeChange } from './run-case';
import type { Database } from '../../src/model';

const id = () => col('id', 'int');
const invoices = (fks = [fk('fk_invoices_customer', ['customer_id'], 'dbo.customers', ['id'])]) =>
  table('billing.invoices', { columns: [id(), col('customer_id', 'int')], pk: pk('pk_invoices', ['id']), fks });
const customers = () => table('customers', { columns: [id()], pk: pk('pk_customers', ['id']), rowCount: 3 });
const legacy = () => table('legacy', { columns: [id()], rowCount: 10 });
const staging = () => table('staging.tmp', { columns: [id()] });

/** A database another team shares: dbo and staging are theirs, billing is ours. */
const shared = (collation?: string): Database => db([invoices(), customers(), legacy(), staging()], collation ? { collation } : {});
const billingOnly = (collation?: string): Database => db([invoices()], collation ? { collation } : {});

const plan = (desired: Database, current: Database, managedSchemas?: readonly string[]) => {
  const p = diff(desired, current, { allowDrop: true, managedSchemas });
  return { steps: p.steps.map((s) => describeChange(s.change)), skipped: p.skipped.map((s) => `${s.objectType} ${s.table.schema}.${s.name}`) };
};

describe('managed schemas', () => {
  test('a schema set for billing, with --allow-drop, plans nothing for the dbo and staging tables it does not manage', () => {
    expect(plan(billingOnly(), shared(), declaredSchemas(billingOnly()))).toEqual({ steps: [], skipped: [] });
  });

  test('with dbo in the managed list, its undeclared tables are dropped; staging stays out of the plan', () => {
    // No foreign key here: dropping dbo.customers under one would (rightly) rebuild it.
    expect(plan(db([invoices([])]), db([invoices([]), customers(), legacy(), staging()]), ['billing', 'dbo'])).toEqual({
      steps: ['dropTable dbo.customers', 'dropTable dbo.legacy'],
      skipped: [],
    });
  });

  test('without the option every schema is managed (a whole-database plan), as before', () => {
    const all = plan(billingOnly(), shared(), undefined);
    expect(all.steps).toEqual(expect.arrayContaining(['dropTable dbo.legacy', 'dropTable staging.tmp', 'dropSchema staging']));
  });

  test('without --allow-drop, an unmanaged table is not even listed as skipped', () => {
    const p = diff(billingOnly(), shared(), { allowDrop: false, managedSchemas: ['billing'] });
    expect(p.skipped).toEqual([]);
    const unscoped = diff(billingOnly(), shared(), { allowDrop: false });
    expect(unscoped.skipped.map((s) => `${s.table.schema}.${s.name}`)).toEqual(expect.arrayContaining(['dbo.legacy', 'staging.tmp']));
  });

  test('a foreign key from a managed table to an unmanaged one still resolves: added, never dropped', () => {
    const current = db([invoices([]), customers()]);
    expect(plan(billingOnly(), current, ['billing'])).toEqual({ steps: ['addForeignKey billing.invoices.fk_invoices_customer'], skipped: [] });
    // An undeclared FK of a managed table is the managed table's: dropped.
    expect(plan(db([invoices([])]), shared(), ['billing'])).toEqual({ steps: ['dropForeignKey billing.invoices.fk_invoices_customer'], skipped: [] });
  });

  test('a declared table is created in its schema even when the list leaves that schema out', () => {
    const desired = db([invoices(), table('audit.events', { columns: [id()] })]);
    expect(plan(desired, shared(), ['billing']).steps).toEqual(['createSchema audit', 'createTable audit.events']);
  });

  test('names compare as the collation does: DBO is dbo under a CI collation, not under a _CS_ one', () => {
    const current = (collation: string) => db([invoices([]), legacy()], { collation });
    expect(plan(db([invoices([])]), current(CI), ['billing', 'DBO']).steps).toEqual(['dropTable dbo.legacy']);
    expect(plan(db([invoices([])], { collation: CS }), current(CS), ['billing', 'DBO']).steps).toEqual([]);
  });
});
