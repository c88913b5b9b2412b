/**
 * The differ on system-versioned tables: versioning on (period columns added, then ON), off
 * (history kept, or dropped with --allow-drop as data loss), retention and HIDDEN in place, and
 * the OFF/ON wrap with the same change on the history table for a NULL -> NOT NULL column.
 * Each runCase plan converges and its down direction restores the model.
 */
import { diff } from '../../src/differ';
import type { Table } from '../../src/model';
import { describe as subject, runCase } from '../differ/run-case';
import { col, db } from '../support/model-builders';
import { period, versionedOrders } from './fixtures';

const plain = (t: Table): Table => {
  const { versioning: _v, ...rest } = t;
  return { ...rest, columns: t.columns.filter((c) => c.period === undefined) };
};
const withRows = (t: Table, rowCount = 5): Table => ({ ...t, rowCount });

describe('diffing versioned tables', () => {
  const v = versionedOrders();
  const history = { historySchema: 'sales', historyTable: 'orders_history', retention: { unit: 'MONTH' as const, count: 6 } };

  test('versioning on for a table with rows: the period columns, then SYSTEM_VERSIONING = ON creating the history', () => runCase({
    name: 'on', current: db([withRows(plain(v))]), desired: db([v]),
    steps: ['addPeriod sales.orders.valid_from,valid_to', 'enableVersioning sales.orders create sales.orders_history'],
    noDataLoss: true,
  }));

  test('versioning off without --allow-drop: OFF, the history table kept and listed; the period stays declared', () => runCase({
    name: 'off', current: db([withRows({ ...v, versioning: { ...history, historyRowCount: 3 } })]), desired: db([{ ...v, versioning: undefined }]),
    steps: ['disableVersioning sales.orders keep sales.orders_history'],
    skipped: ['table sales.orders_history.orders_history'],
    noDataLoss: true,
  }));

  test('versioning and period off with --allow-drop: OFF dropping the history (data loss), then DROP PERIOD and its columns', () => runCase({
    name: 'off-drop', current: db([withRows({ ...v, versioning: { ...history, historyRowCount: 3 } })]), desired: db([plain(v)]), allowDrop: true,
    steps: ['disableVersioning sales.orders drop sales.orders_history', 'dropPeriod sales.orders.valid_from,valid_to'],
    hazards: ['disableVersioning sales.orders drop sales.orders_history: data-loss', 'dropPeriod sales.orders.valid_from,valid_to: data-loss'],
  }));

  test('retention and HIDDEN change in place', () => runCase({
    name: 'in place',
    current: db([withRows(v)]),
    desired: db([{ ...v, columns: v.columns.map((c) => (c.name === 'valid_to' ? period(col('valid_to', 'datetime2(3)'), 'end', false) : c)), versioning: { ...history, retention: { unit: 'INFINITE' } } }]),
    steps: ['alterPeriodHidden sales.orders.valid_to', 'alterRetention sales.orders'],
    noHazards: true,
  }));

  test('an existing table named as the history is attached (checked), never planned as a table of its own', () => {
    const kept = { ...plain(v), name: 'orders_history', primaryKey: null };
    const plan = diff(db([v]), db([withRows({ ...v, versioning: undefined }), kept]), { allowDrop: true });
    expect(plan.steps.map((s) => subject(s.change))).toEqual(['enableVersioning sales.orders attach sales.orders_history']);
  });

  test('NULL -> NOT NULL on a versioned table: OFF, the backfill and ALTER on both tables, ON with the consistency check', () => {
    const current = withRows({ ...v, columns: [...v.columns, col('qty', 'int', { nullable: true })] });
    const desired = { ...v, columns: [...v.columns, col('qty', 'int', { backfill: '0' })] };
    const plan = diff(db([desired]), db([current]), { allowDrop: false });
    expect(plan.steps.map((s) => subject(s.change))).toEqual([
      'disableVersioning sales.orders keep sales.orders_history',
      'backfillColumn sales.orders.qty=0',
      'backfillColumn sales.orders_history.qty=0',
      'alterColumn sales.orders.qty',
      'alterColumn sales.orders_history.qty',
      'enableVersioning sales.orders attach sales.orders_history',
    ]);
    // Down: OFF, both columns back to NULL, ON again (history kept).
    expect(plan.steps.map((s) => (s.inverse === null ? null : subject(s.inverse))).reverse().filter((x) => x !== null)).toEqual([
      'disableVersioning sales.orders keep sales.orders_history',
      'alterColumn sales.orders_history.qty',
      'alterColumn sales.orders.qty',
      'enableVersioning sales.orders attach sales.orders_history',
    ]);
  });

  test('an added nullable column is direct: SQL Server adds it to the history table itself', () => {
    const desired = { ...v, columns: [...v.columns, col('qty', 'int', { nullable: true })] };
    const plan = diff(db([desired]), db([withRows(v)]), { allowDrop: false });
    expect(plan.steps.map((s) => subject(s.change))).toEqual(['addColumn sales.orders.qty']);
  });

  test('a history table declared in another schema: OFF, the history moved there and renamed with its rows, ON attaching it', () => {
    const current = db([withRows({ ...v, versioning: { ...history, historyRowCount: 3 } })]);
    const desired = { ...db([{ ...v, versioning: { ...history, historySchema: 'audit', historyTable: 'order_log' } }]), schemas: ['audit', 'sales'] };
    const plan = diff(desired, current, { allowDrop: true });
    expect(plan.steps.map((s) => subject(s.change))).toEqual([
      'disableVersioning sales.orders keep sales.orders_history', 'createSchema audit', 'transferTable sales.orders_history->audit',
      'renameTable audit.orders_history->order_log', 'enableVersioning sales.orders attach audit.order_log',
    ]);
    // The rows go with it: no data loss; the move drops its permissions, which schemac does not read for a history table.
    expect(plan.steps.flatMap((s) => s.hazards.map((h) => h.code))).toEqual(['permissions-dropped']);
    expect(plan.skipped).toEqual([]);
    // Down: OFF, the history renamed and moved back, ON attaching it again.
    expect(plan.steps.map((s) => (s.inverse === null ? null : subject(s.inverse))).reverse()).toEqual([
      'disableVersioning sales.orders keep audit.order_log', 'renameTable audit.order_log->orders_history',
      'transferTable audit.orders_history->sales', 'dropSchema audit', 'enableVersioning sales.orders attach sales.orders_history',
    ]);
  });

  test('another existing table named as the history: attached, and the old history is listed, or dropped with --allow-drop', () => {
    const current = db([withRows({ ...v, versioning: { ...history, historyRowCount: 3 } }), { ...plain(v), name: 'order_log', primaryKey: null }]);
    const desired = db([{ ...v, versioning: { ...history, historyTable: 'order_log', historySchema: 'sales' } }]);
    // Same schema: a rename, versioning stays on (the existing order_log is another table, listed as not declared).
    expect(diff(desired, current, { allowDrop: false }).steps.map((s) => subject(s.change))).toEqual(['renameTable sales.orders_history->order_log']);
    const elsewhere = db([withRows({ ...v, versioning: { ...history, historyRowCount: 3 } }), { ...plain(v), schema: 'audit', name: 'order_log', primaryKey: null }]);
    const target = { ...db([{ ...v, versioning: { ...history, historyTable: 'order_log', historySchema: 'audit' } }]), schemas: ['audit', 'sales'] };
    const kept = diff(target, elsewhere, { allowDrop: false });
    expect(kept.steps.map((s) => subject(s.change))).toEqual(['disableVersioning sales.orders keep sales.orders_history', 'enableVersioning sales.orders attach audit.order_log']);
    expect(kept.skipped.map((x) => `${x.table.schema}.${x.name}: ${x.reason}`)).toEqual([expect.stringMatching(/^sales\.orders_history: the history of sales\.orders, kept when sales\.orders takes audit\.order_log as its history/)]);
    const dropped = diff(target, elsewhere, { allowDrop: true });
    expect(dropped.steps.map((s) => subject(s.change))).toEqual(['disableVersioning sales.orders drop sales.orders_history', 'enableVersioning sales.orders attach audit.order_log']);
  });

  test('a renamed versioned table: the history follows under its new name with versioning on, so column changes still reach it', () => {
    const current = withRows({ ...v, versioning: { ...history, historyRowCount: 2 } });
    const desired: Table = {
      ...v, name: 'purchase_orders', renamedFrom: 'orders', primaryKey: { ...(v.primaryKey as NonNullable<Table['primaryKey']>), name: 'pk_purchase_orders' },
      columns: [...v.columns, col('qty', 'int', { nullable: true })],
      versioning: { ...history, historyTable: 'purchase_orders_history' },
    };
    const plan = diff(db([desired]), db([current]), { allowDrop: false });
    expect(plan.steps.map((s) => subject(s.change))).toEqual([
      'renameTable sales.orders->purchase_orders',
      'renameConstraint sales.purchase_orders.pk_orders->pk_purchase_orders OBJECT',
      'renameTable sales.orders_history->purchase_orders_history',
      'addColumn sales.purchase_orders.qty',
    ]);
  });

  test('a renamed versioned table with a column made NOT NULL: OFF names the table as it is before the rename, ON as it is after', () => {
    const current = withRows({ ...v, columns: [...v.columns, col('qty', 'int', { nullable: true })] });
    const desired: Table = { ...v, name: 'purchase_orders', renamedFrom: 'orders', columns: [...v.columns, col('qty', 'int', { backfill: '0' })], versioning: { ...history, historyTable: 'purchase_orders_history' } };
    const plan = diff(db([desired]), db([current]), { allowDrop: false });
    const off = plan.steps.find((s) => s.change.kind === 'disableVersioning');
    const on = plan.steps.find((s) => s.change.kind === 'enableVersioning');
    expect(off?.change).toMatchObject({ table: { schema: 'sales', name: 'orders' }, versioning: { historyTable: 'orders_history' } });
    expect(on?.change).toMatchObject({ table: { schema: 'sales', name: 'purchase_orders' }, versioning: { historyTable: 'purchase_orders_history' } });
    expect(plan.steps.map((s) => subject(s.change))).toContain('alterColumn sales.purchase_orders_history.qty');
  });
});
