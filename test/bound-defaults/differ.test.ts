/**
 * Bound defaults and rules around the steps SQL Server refuses while they are bound (bindings.ts):
 * unbound just before, bound again just after, both ways; a declared default replaces a bound one
 * (down binds it again); a dropped column or table is unbound first, so the down script binds it
 * again after re-creating it. The simulator refuses DROP COLUMN, ALTER COLUMN and ADD DEFAULT
 * while bound, as SQL Server does, so each plan below is checked to run up and down.
 */
import { diff, fingerprint, type Plan } from '../../src/differ';
import { renderScript } from '../../src/emitters';
import type { AliasTypeDef, Column, Database, Table } from '../../src/model';
import { col, db, df, pk, table } from '../support/model-builders';
import { applyPlan } from '../support/simulate';
import { expectValidTsql } from '../support/tsql-grammar';

const zero = { schema: 'dbo', name: 'zero', definition: 'CREATE DEFAULT zero AS 0' };
const positive = { schema: 'dbo', name: 'positive', definition: 'CREATE RULE positive AS @v >= 0' };
const bound = (c: Column, rule = true): Column => ({ ...c, boundDefault: zero, ...(rule ? { boundRule: positive } : {}) });
const stock = (qty: Column, o: Partial<Table> = {}): Table => ({ ...table('dbo.stock', { columns: [col('id', 'int'), qty], pk: pk('pk_stock', ['id']), rowCount: 3 }), ...o });
const kinds = (plan: Plan): string[] => plan.steps.map((s) => {
  const c = s.change;
  return c.kind === 'unbindColumn' || c.kind === 'bindColumn' ? `${c.kind} ${c.column} ${c.what}` : c.kind;
});
const up = (plan: Plan) => renderScript(plan, { direction: 'up', databaseName: 'app' }).text;
const down = (plan: Plan) => renderScript(plan, { direction: 'down', databaseName: 'app' }).text;
const qty = (d: Database): Column => d.tables.find((t) => t.name === 'stock')!.columns.find((c) => c.name === 'qty')!;

/** Runs the plan up, then down, in the simulator; the down state has every binding back. */
function roundTrip(current: Database, plan: Plan): Database {
  const after = applyPlan(current, plan.steps, 'up');
  const back = applyPlan(after, plan.steps, 'down');
  const was = current.tables.find((t) => t.name === 'stock')?.columns.find((c) => c.name === 'qty');
  if (was !== undefined) expect({ d: qty(back).boundDefault, r: qty(back).boundRule }).toEqual({ d: was.boundDefault, r: was.boundRule });
  return after;
}

describe('bound defaults and rules in a plan', () => {
  it('plans nothing for a bound column the schema leaves as it is', () => {
    const current = db([stock(bound(col('qty', 'int')))]);
    expect(diff(db([stock(col('qty', 'int'))]), current, { allowDrop: false }).steps).toEqual([]);
  });

  it('a declared default replaces a bound one: unbound first (Msg 1781 otherwise), bound again by the down script', () => {
    const current = db([stock(bound(col('qty', 'int'), false))]);
    const plan = diff(db([stock(col('qty', 'int'), { defaults: [df('df_stock_qty', 'qty', '((0))')] })]), current, { allowDrop: false });
    expect(kinds(plan)).toEqual(['unbindColumn qty default', 'addDefault']);
    expect(plan.steps.flatMap((s) => s.hazards)).toEqual([]);
    expect(up(plan)).toMatch(/EXEC sp_unbindefault N'\[dbo\]\.\[stock\]\.\[qty\]';[\s\S]*ADD CONSTRAINT \[df_stock_qty\] DEFAULT/);
    expect(down(plan)).toMatch(/DROP CONSTRAINT \[df_stock_qty\];[\s\S]*EXEC sp_bindefault N'\[dbo\]\.\[zero\]', N'\[dbo\]\.\[stock\]\.\[qty\]';/);
    expectValidTsql(up(plan));
    expectValidTsql(down(plan));
    const after = roundTrip(current, plan);
    expect(qty(after).boundDefault).toBeUndefined();
  });

  it('a type change unbinds the default and the rule before the ALTER COLUMN and binds them after, both ways', () => {
    const current = db([stock(bound(col('qty', 'int')))]);
    const plan = diff(db([stock(col('qty', 'bigint'))]), current, { allowDrop: false });
    expect(kinds(plan)).toEqual(['unbindColumn qty default', 'unbindColumn qty rule', 'alterColumn', 'bindColumn qty default', 'bindColumn qty rule']);
    expect(up(plan)).toMatch(/sp_unbindrule N'\[dbo\]\.\[stock\]\.\[qty\]';[\s\S]*ALTER COLUMN \[qty\] bigint[\s\S]*sp_bindrule N'\[dbo\]\.\[positive\]'/);
    expectValidTsql(up(plan));
    expect(qty(roundTrip(current, plan))).toMatchObject({ boundDefault: zero, boundRule: positive });
  });

  it('a varchar that only grows keeps its bound default and rule in place', () => {
    const current = db([stock(bound(col('qty', 'varchar(10)')))]);
    expect(kinds(diff(db([stock(col('qty', 'varchar(20)'))]), current, { allowDrop: false }))).toEqual(['alterColumn']);
  });

  it('a rule is unbound for a nullability change, the default is not', () => {
    const current = db([stock(bound(col('qty', 'int')))]);
    const plan = diff(db([stock(col('qty', 'int', { nullable: true }))]), current, { allowDrop: false });
    expect(kinds(plan)).toEqual(['unbindColumn qty rule', 'alterColumn', 'bindColumn qty rule']);
    roundTrip(current, plan);
  });

  it('a column renamed and retyped is bound again under its new name', () => {
    const current = db([stock(bound(col('qty', 'int'), false))]);
    const plan = diff(db([stock(col('quantity', 'bigint', { renamedFrom: 'qty' }))]), current, { allowDrop: false });
    expect(kinds(plan)).toEqual(['renameColumn', 'unbindColumn quantity default', 'alterColumn', 'bindColumn quantity default']);
    applyPlan(applyPlan(current, plan.steps, 'up'), plan.steps, 'down');
  });

  it('a dropped column is unbound first and not bound again; the down script re-adds it and binds it', () => {
    const current = db([stock(bound(col('qty', 'int', { nullable: true })))]);
    const plan = diff(db([table('dbo.stock', { columns: [col('id', 'int')], pk: pk('pk_stock', ['id']) })]), current, { allowDrop: true });
    expect(kinds(plan)).toEqual(['unbindColumn qty default', 'unbindColumn qty rule', 'dropColumn']);
    expect(down(plan)).toMatch(/ADD \[qty\] int NULL;[\s\S]*sp_bindrule N'\[dbo\]\.\[positive\]'[\s\S]*sp_bindefault N'\[dbo\]\.\[zero\]'/);
    roundTrip(current, plan);
  });

  it('a dropped table is unbound first, so the down script binds its columns again', () => {
    const current = db([stock(bound(col('qty', 'int')))]);
    const plan = diff(db([]), current, { allowDrop: true });
    expect(kinds(plan)).toEqual(['unbindColumn qty default', 'unbindColumn qty rule', 'dropTable']);
    roundTrip(current, plan);
  });

  it('a column that becomes a type no rule binds to is not bound again, with a hazard naming the rule', () => {
    const current = db([stock(bound(col('qty', 'varchar(10)'), false))]);
    const withRule: Database = { ...current, tables: current.tables.map((t) => ({ ...t, columns: t.columns.map((c) => (c.name === 'qty' ? { boundRule: positive, ...col('qty', 'varchar(10)') } : c)) })) };
    const plan = diff(db([stock(col('qty', 'varchar(max)'))]), withRule, { allowDrop: false });
    expect(kinds(plan)).toEqual(['unbindColumn qty rule', 'alterColumn']);
    expect(plan.steps[0]?.hazards.map((h) => [h.code, h.message])).toEqual([['dependent-object', expect.stringContaining('rule dbo.positive bound to dbo.stock.qty: it is unbound and not bound again, since qty becomes a type that takes no bound rule')]]);
    roundTrip(withRule, plan);
  });

  it('an alias type dropped or redefined is unbound first (futureonly); a redefined one is bound again, and the down script restores both', () => {
    const qtyType = (base: 'int' | 'bigint', bound: boolean): AliasTypeDef => ({ schema: 'dbo', name: 'Qty', base: { name: base }, nullable: true, ...(bound ? { boundDefault: zero, boundRule: positive } : {}) });
    const current: Database = { ...db([]), aliasTypes: [qtyType('int', true)] };
    const redefined = diff({ ...db([]), aliasTypes: [qtyType('bigint', false)] }, current, { allowDrop: false });
    expect(redefined.steps.map((s) => s.change.kind)).toEqual(['unbindType', 'unbindType', 'redefineType', 'bindType', 'bindType']);
    expect(up(redefined)).toMatch(/EXEC sp_unbindefault N'\[dbo\]\.\[Qty\]', 'futureonly';[\s\S]*CREATE TYPE[\s\S]*EXEC sp_bindrule N'\[dbo\]\.\[positive\]', N'\[dbo\]\.\[Qty\]', 'futureonly';/);
    expectValidTsql(up(redefined));
    const back = applyPlan(applyPlan(current, redefined.steps, 'up'), redefined.steps, 'down');
    expect(back.aliasTypes?.[0]).toMatchObject({ boundDefault: zero, boundRule: positive });
    const dropped = diff(db([]), current, { allowDrop: true });
    expect(dropped.steps.map((s) => s.change.kind)).toEqual(['unbindType', 'unbindType', 'dropType']);
    const restored = applyPlan(applyPlan(current, dropped.steps, 'up'), dropped.steps, 'down');
    expect(restored.aliasTypes?.[0]).toMatchObject({ boundDefault: zero, boundRule: positive });
  });

  it('a binding made or removed since a saved plan changes the catalog fingerprint (drift)', () => {
    const plain = db([stock(col('qty', 'int'))]);
    expect(fingerprint(db([stock(bound(col('qty', 'int')))]))).not.toBe(fingerprint(plain));
    expect(fingerprint(db([stock(col('qty', 'int'))]))).toBe(fingerprint(plain));
  });

  it('a column re-created in place (IDENTITY added) is unbound before the DROP; its rule is bound again after the ADD, its default is not (identity)', () => {
    const current = db([stock(bound(col('qty', 'int')))]);
    const plan = diff(db([stock(col('qty', 'int', { identity: true }))]), current, { allowDrop: true });
    const k = kinds(plan);
    expect(k.slice(0, 2)).toEqual(['unbindColumn qty default', 'unbindColumn qty rule']);
    expect(k.indexOf('dropColumn')).toBeLessThan(k.indexOf('addColumn'));
    expect(k.slice(k.indexOf('addColumn') + 1)).toEqual(['bindColumn qty rule']);
    expect(plan.steps[0]?.hazards.map((h) => h.code)).toEqual(['dependent-object']);
    // Up only: the re-created column's old values are gone, so the down script cannot restore it.
    expect(qty(applyPlan(current, plan.steps, 'up'))).toMatchObject({ boundRule: positive, identity: { seed: '1', increment: '1' } });
  });
});
