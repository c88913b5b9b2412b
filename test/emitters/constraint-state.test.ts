/**
 * Checks and foreign keys not validated or disabled, in the T-SQL, plan text and JSON: WITH
 * NOCHECK ADD (a new table's check too), NOCHECK CONSTRAINT after the ADD, a kept one disabled,
 * enabled WITH NOCHECK or re-validated WITH CHECK, and each down script the exact inverse.
 */
import { diff } from '../../src/differ';
import type { Change } from '../../src/differ/changes';
import { renderPlanJson } from '../../src/emitters/plan-json';
import { renderPlanText } from '../../src/emitters/plan-text';
import { renderChange as renderWithKey } from '../../src/emitters/tsql/render-change';
import { renderScript } from '../../src/emitters/tsql/script';
import { DEFAULT_COLLATION, nameKeyFor } from '../../src/sqlserver/names';
import type { CheckConstraint, ForeignKey, Table } from '../../src/model';
import { ck, col, db, fk, pk, table } from '../support/model-builders';
import { expectValidTsql } from '../support/tsql-grammar';

const renderChange = (change: Change): string[] => renderWithKey(change, nameKeyFor(DEFAULT_COLLATION));
const NOCHECK = { trusted: false } as const;
const DISABLED = { trusted: false, enabled: false } as const;
type State = { trusted?: boolean; enabled?: boolean };
const orders = (): Table => table('orders', { columns: [col('id', 'int')], pk: pk('pk_orders', ['id']), rowCount: 3 });
const qty = (s: State = {}): CheckConstraint => ck('ck_lines_qty', '[qty]>(0)', s);
const orderFk = (s: State = {}): ForeignKey => fk('fk_lines_order', ['order_id'], 'orders', ['id'], s);
const lines = (check: CheckConstraint | null, key: ForeignKey | null): Table => table('lines', {
  columns: [col('id', 'int'), col('order_id', 'int'), col('qty', 'int')], pk: pk('pk_lines', ['id']), rowCount: 500_000,
  checks: check === null ? [] : [check], fks: key === null ? [] : [key],
});
const LINES = { schema: 'dbo', name: 'lines' };
const scripts = (desired: Table, current: Table) => {
  const plan = diff(db([orders(), desired]), db([orders(), current]), { allowDrop: false });
  const up = renderScript(plan, { direction: 'up', databaseName: null }).text;
  const down = renderScript(plan, { direction: 'down', databaseName: null }).text;
  expectValidTsql(`${up}${down}`);
  return { plan, up, down };
};

describe('not validated or disabled constraints in T-SQL', () => {
  it('adds WITH NOCHECK, and disables after the ADD', () => {
    expect(renderChange({ kind: 'addCheck', table: LINES, constraint: qty(NOCHECK) }))
      .toEqual(['ALTER TABLE [dbo].[lines] WITH NOCHECK ADD CONSTRAINT [ck_lines_qty] CHECK ([qty]>(0));']);
    expect(renderChange({ kind: 'addForeignKey', table: LINES, constraint: orderFk(DISABLED) })).toEqual([
      'ALTER TABLE [dbo].[lines] WITH NOCHECK ADD CONSTRAINT [fk_lines_order] FOREIGN KEY ([order_id]) REFERENCES [dbo].[orders] ([id]);',
      'ALTER TABLE [dbo].[lines] NOCHECK CONSTRAINT [fk_lines_order];',
    ]);
  });

  it('creates a table with its trusted checks inside and the others added after it', () => {
    const t = table('t', { columns: [col('a', 'int')], checks: [ck('ck_t_on', '[a]>(0)'), ck('ck_t_nocheck', '[a]<(9)', NOCHECK), ck('ck_t_off', '[a]<>(5)', DISABLED)] });
    expect(renderChange({ kind: 'createTable', table: t })).toEqual([
      'CREATE TABLE [dbo].[t] (\n    [a] int NOT NULL,\n    CONSTRAINT [ck_t_on] CHECK ([a]>(0))\n);',
      'ALTER TABLE [dbo].[t] WITH NOCHECK ADD CONSTRAINT [ck_t_nocheck] CHECK ([a]<(9));',
      'ALTER TABLE [dbo].[t] WITH NOCHECK ADD CONSTRAINT [ck_t_off] CHECK ([a]<>(5));',
      'ALTER TABLE [dbo].[t] NOCHECK CONSTRAINT [ck_t_off];',
    ]);
  });

  it('disables a trusted constraint; the down script re-enables it WITH CHECK', () => {
    const { up, down } = scripts(lines(qty(DISABLED), null), lines(qty(), null));
    expect(up).toContain('ALTER TABLE [dbo].[lines] NOCHECK CONSTRAINT [ck_lines_qty];');
    expect(down).toContain('ALTER TABLE [dbo].[lines] WITH CHECK CHECK CONSTRAINT [ck_lines_qty];');
  });

  it('disables an untrusted constraint; the down script re-enables it WITH NOCHECK', () => {
    const { up, down } = scripts(lines(null, orderFk(DISABLED)), lines(null, orderFk(NOCHECK)));
    expect(up).toContain('ALTER TABLE [dbo].[lines] NOCHECK CONSTRAINT [fk_lines_order];');
    expect(down).toContain('ALTER TABLE [dbo].[lines] WITH NOCHECK CHECK CONSTRAINT [fk_lines_order];');
  });

  it('enables a disabled one WITH NOCHECK, or re-validates it WITH CHECK; the down script disables it again', () => {
    const enable = scripts(lines(qty(NOCHECK), null), lines(qty(DISABLED), null));
    expect(enable.up).toContain('ALTER TABLE [dbo].[lines] WITH NOCHECK CHECK CONSTRAINT [ck_lines_qty];');
    expect(enable.down).toContain('ALTER TABLE [dbo].[lines] NOCHECK CONSTRAINT [ck_lines_qty];');
    const validate = scripts(lines(qty(), null), lines(qty(DISABLED), null));
    expect(validate.up).toContain('ALTER TABLE [dbo].[lines] WITH CHECK CHECK CONSTRAINT [ck_lines_qty];');
    expect(validate.down).toContain('ALTER TABLE [dbo].[lines] NOCHECK CONSTRAINT [ck_lines_qty];');
    expect(validate.down).not.toContain('WITH NOCHECK CHECK CONSTRAINT');
  });
});

describe('not validated or disabled constraints in the plan text and JSON', () => {
  const plan = diff(db([orders(), lines(qty(DISABLED), orderFk(NOCHECK))]), db([orders(), lines(qty(), null)]), { allowDrop: false });
  const text = renderPlanText(plan, { color: false });
  const json = renderPlanJson(plan, { fingerprint: 'sha256:x' });

  it('says a WITH NOCHECK add reads no row, and what disabling means', () => {
    expect(text).toContain('disable constraint ck_lines_qty (NOCHECK CONSTRAINT): rows are no longer checked against it');
    expect(text).toContain('add foreign key fk_lines_order (order_id) -> dbo.orders (id) WITH NOCHECK: the rows already in the table are not checked');
    expect(json.changes.map((c) => [c.kind, c.impact?.rule, c.hazards.map((h) => h.code), c.downHazards.map((h) => h.code)])).toEqual([
      ['disableConstraint', 'constraint-metadata', [], ['constraint-scan']],
      ['addForeignKey', 'constraint-nocheck', [], []],
    ]);
  });
});
