/**
 * NOT FOR REPLICATION in the T-SQL, plan text and plan JSON: CREATE TABLE, ADD COLUMN, ADD
 * CONSTRAINT and the down script of a dropped table write the clause where SQL Server takes it;
 * an identity's flag changes by ALTER COLUMN ADD | DROP NOT FOR REPLICATION; a re-created check or
 * foreign key shows the flag old -> new.
 */
import { diff } from '../../src/differ';
import type { Change } from '../../src/differ/changes';
import { renderPlanJson } from '../../src/emitters/plan-json';
import { renderPlanText } from '../../src/emitters/plan-text';
import { renderChange as renderWithKey } from '../../src/emitters/tsql/render-change';
import { renderScript } from '../../src/emitters/tsql/script';
import { DEFAULT_COLLATION, nameKeyFor } from '../../src/sqlserver/names';
import type { CheckConstraint, Column, ForeignKey, Table } from '../../src/model';
import { ck, col, db, fk, pk, table } from '../support/model-builders';
import { expectValidTsql } from '../support/tsql-grammar';

const renderChange = (change: Change): string[] => renderWithKey(change, nameKeyFor(DEFAULT_COLLATION));
const nfr = <T extends CheckConstraint | ForeignKey>(o: T): T => ({ ...o, notForReplication: true });
const id = (on: boolean, type = 'int'): Column => col('id', type, { identity: { seed: '1', increment: '1', ...(on ? { notForReplication: true } : {}) } });
const orders = (i: Column = id(false)): Table => table('orders', { columns: [i], pk: pk('pk_orders', ['id']), rowCount: 3 });
const lines = (check: CheckConstraint, key: ForeignKey): Table => table('lines', {
  columns: [col('id', 'int'), col('order_id', 'int'), col('qty', 'int')], pk: pk('pk_lines', ['id']), rowCount: 3, checks: [check], fks: [key],
});
const plainCk = ck('ck_lines_qty', '[qty]>(0)');
const plainFk = fk('fk_lines_order', ['order_id'], 'orders', ['id'], { onDelete: 'CASCADE' });

describe('NOT FOR REPLICATION in T-SQL', () => {
  it('writes the clause after IDENTITY, before a check expression and after a foreign key\'s actions', () => {
    expect(renderChange({ kind: 'createTable', table: table('t', { columns: [id(true), col('qty', 'int')], checks: [nfr(ck('ck_t_qty', '[qty]>(0)'))] }) })).toEqual([
      'CREATE TABLE [dbo].[t] (\n    [id] int IDENTITY(1,1) NOT FOR REPLICATION NOT NULL,\n    [qty] int NOT NULL,\n    CONSTRAINT [ck_t_qty] CHECK NOT FOR REPLICATION ([qty]>(0))\n);',
    ]);
    expect(renderChange({ kind: 'addColumn', table: { schema: 'dbo', name: 't' }, column: id(true, 'bigint') }))
      .toEqual(['ALTER TABLE [dbo].[t] ADD [id] bigint IDENTITY(1,1) NOT FOR REPLICATION NOT NULL;']);
    expect(renderChange({ kind: 'addCheck', table: { schema: 'dbo', name: 'lines' }, constraint: nfr(plainCk) }))
      .toEqual(['ALTER TABLE [dbo].[lines] ADD CONSTRAINT [ck_lines_qty] CHECK NOT FOR REPLICATION ([qty]>(0));']);
    expect(renderChange({ kind: 'addForeignKey', table: { schema: 'dbo', name: 'lines' }, constraint: nfr(plainFk) }))
      .toEqual(['ALTER TABLE [dbo].[lines] ADD CONSTRAINT [fk_lines_order] FOREIGN KEY ([order_id]) REFERENCES [dbo].[orders] ([id]) ON DELETE CASCADE NOT FOR REPLICATION;']);
  });

  it('re-creates an untrusted foreign key WITH NOCHECK and its flag on the way down', () => {
    expect(renderChange({ kind: 'addForeignKey', table: { schema: 'dbo', name: 'lines' }, constraint: nfr({ ...plainFk, trusted: false }) })).toEqual([
      'ALTER TABLE [dbo].[lines] WITH NOCHECK ADD CONSTRAINT [fk_lines_order] FOREIGN KEY ([order_id]) REFERENCES [dbo].[orders] ([id]) ON DELETE CASCADE NOT FOR REPLICATION;',
    ]);
  });

  it('flips an identity in place, up and down, and keeps every flag when a dropped table comes back', () => {
    const current = db([orders(id(true)), lines(nfr(plainCk), nfr(plainFk))]);
    const flipped = diff(db([orders(id(false)), lines(nfr(plainCk), nfr(plainFk))]), current, { allowDrop: false });
    const up = renderScript(flipped, { direction: 'up', databaseName: null }).text;
    const down = renderScript(flipped, { direction: 'down', databaseName: null }).text;
    expect(up).toContain('ALTER TABLE [dbo].[orders] ALTER COLUMN [id] DROP NOT FOR REPLICATION;');
    expect(down).toContain('ALTER TABLE [dbo].[orders] ALTER COLUMN [id] ADD NOT FOR REPLICATION;');
    expect(expectValidTsql(`${up}${down}`).gapsUsed).toEqual(['alter-column-not-for-replication']);

    const dropped = diff(db([orders(id(true))]), current, { allowDrop: true });
    const back = renderScript(dropped, { direction: 'down', databaseName: null }).text;
    expect(back).toContain('CONSTRAINT [ck_lines_qty] CHECK NOT FOR REPLICATION ([qty]>(0))');
    expect(back).toContain('REFERENCES [dbo].[orders] ([id]) ON DELETE CASCADE NOT FOR REPLICATION;');
  });

  it('alters a column\'s type and its identity flag as two statements (ALTER COLUMN takes no IDENTITY)', () => {
    const plan = diff(db([orders(id(true, 'bigint'))]), db([orders(id(false, 'int'))]), { allowDrop: false });
    const up = renderScript(plan, { direction: 'up', databaseName: null }).text;
    expect(up).toContain('ALTER TABLE [dbo].[orders] ALTER COLUMN [id] bigint NOT NULL;');
    expect(up).toContain('ALTER TABLE [dbo].[orders] ALTER COLUMN [id] ADD NOT FOR REPLICATION;');
  });
});

describe('NOT FOR REPLICATION in the plan text and JSON', () => {
  const current = db([orders(), lines(plainCk, plainFk)]);
  const desired = db([orders(id(true)), lines(nfr(plainCk), nfr(plainFk))]);
  const plan = diff(desired, current, { allowDrop: false });
  const text = renderPlanText(plan, { color: false });
  const json = renderPlanJson(plan, { fingerprint: 'sha256:x' });

  it('shows each changed flag old -> new', () => {
    expect(text).toContain('~ identity id: no NOT FOR REPLICATION -> NOT FOR REPLICATION (ADD NOT FOR REPLICATION)');
    expect(text).toContain('~ re-create check ck_lines_qty: no NOT FOR REPLICATION -> NOT FOR REPLICATION');
    expect(text).toContain('~ re-create foreign key fk_lines_order: no NOT FOR REPLICATION -> NOT FOR REPLICATION');
  });

  it('gives the JSON the same delta parts', () => {
    const delta = (kind: string) => json.changes.find((c) => c.kind === kind)?.delta;
    const part = { part: 'notForReplication', from: 'no NOT FOR REPLICATION', to: 'NOT FOR REPLICATION' };
    expect(delta('setNotForReplication')).toEqual([part]);
    expect(delta('addCheck')).toEqual([part]);
    expect(delta('addForeignKey')).toEqual([part]);
  });
});
