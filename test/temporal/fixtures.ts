/** Hand-built versioned tables for the temporal tests. */
import type { Column, Table } from '../../src/model';
import { col, pk, table } from '../support/model-builders';

/** A column made a period column. */
export const period = (c: Column, end: 'start' | 'end', hidden: boolean): Column => ({ ...c, period: { end, hidden } });


/** sales.orders, versioned with a 6-month retention, hidden period columns. */
export function versionedOrders(): Table {
  const base = table('sales.orders', { columns: [col('id', 'int'), col('note', 'nvarchar(100)'),
    period(col('valid_from', 'datetime2(3)'), 'start', true), period(col('valid_to', 'datetime2(3)'), 'end', true)], pk: pk('pk_orders', ['id']) });
  return { ...base, versioning: { historySchema: 'sales', historyTable: 'orders_history', retention: { unit: 'MONTH', count: 6 } } };
}
