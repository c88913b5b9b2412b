/**
 * Pull of sequences: the files declare each sequence with only the options SQL Server did not
 * fill in, defaults drawing from one are written as stored (sql`NEXT VALUE FOR ...`), and the
 * files compile back to the same model: the plan right after pull is empty.
 */
import { col, db, df, seq, table } from '../support/model-builders';
import { describeDiagnostics, describePlan, roundTrip } from './support';

const orders = table('sales.orders', {
  columns: [col('id', 'int'), col('order_no', 'bigint'), col('countdown', 'decimal(5,0)')],
  defaults: [df('df_orders_order_no', 'order_no', '(NEXT VALUE FOR [sales].[order_numbers])'), df('df_orders_countdown', 'countdown', '(NEXT VALUE FOR [dbo].[countdown])')],
});
const sequences = [
  seq('sales.order_numbers', { start: '1000', min: '-9223372036854775808', cache: { kind: 'size', size: 20 } }),
  seq('countdown', { type: { name: 'decimal', precision: 5, scale: 0 }, start: '500', increment: '-1', min: '-99999', max: '500', cycle: true, cache: { kind: 'none' } }),
  seq('plain', { start: '-9223372036854775808', min: '-9223372036854775808' }),
];

describe('pull of sequences', () => {
  const { diagnostics, plan, pulled } = roundTrip(db([orders], { sequences }));

  test('the files compile and plan to nothing', () => {
    expect(pulled.problems).toEqual([]);
    expect(describeDiagnostics(diagnostics)).toEqual([]);
    expect(describePlan(plan)).toEqual([]);
  });

  test('each sequence is declared with only what differs from SQL Server\'s defaults', () => {
    const file = pulled.files.find((f) => f.path === 'sequences.schema.ts')?.text ?? '';
    expect(file).toContain("export const salesOrderNumbers = Sequence('order_numbers', { schema: 'sales', start: 1000, cache: 20 });");
    expect(file).toContain("export const countdown = Sequence('countdown', { type: 'decimal(5)', increment: -1, max: 500, cycle: true, cache: false });");
    expect(file).toContain("export const plain = Sequence('plain');");
  });
});
