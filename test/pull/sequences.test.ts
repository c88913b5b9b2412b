/**
 * Pull of sequences: the files declare each sequence with only the options SQL Server did not
 * fill in; a default that is nothing but NEXT VALUE FOR a pulled sequence is written
 * nextValueFor(<its const>), importing it, while one drawing from a sequence outside the pulled
 * schema (external) or doing more is written as stored (sql`NEXT VALUE FOR ...`); the files
 * compile back to the same model: the plan right after pull is empty.
 */
import { col, db, df, seq, table } from '../support/model-builders';
import { expectPlansToNothing, roundTrip } from './support';

const orders = table('sales.orders', {
  columns: [col('id', 'int'), col('order_no', 'bigint'), col('countdown', 'decimal(5,0)'), col('ext_no', 'bigint'), col('code', 'varchar(30)')],
  defaults: [
    df('df_orders_order_no', 'order_no', '(NEXT VALUE FOR [sales].[order_numbers])'), df('df_orders_countdown', 'countdown', '(NEXT VALUE FOR [dbo].[countdown])'),
    df('df_orders_ext_no', 'ext_no', '(NEXT VALUE FOR [billing].[external_numbers])'),
    df('df_orders_code', 'code', "('O-'+CONVERT([varchar](20),NEXT VALUE FOR [dbo].[plain]))"),
  ],
});
const sequences = [
  seq('sales.order_numbers', { start: '1000', min: '-9223372036854775808', cache: { kind: 'size', size: 20 } }),
  seq('countdown', { type: { name: 'decimal', precision: 5, scale: 0 }, start: '500', increment: '-1', min: '-99999', max: '500', cycle: true, cache: { kind: 'none' } }),
  seq('plain', { start: '-9223372036854775808', min: '-9223372036854775808' }),
];

describe('pull of sequences', () => {
  const { diagnostics, plan, pulled } = roundTrip(db([orders], { sequences }), 'keep', { externalSequences: ['billing.external_numbers'] });

  test('the files compile and plan to nothing', () => {
    expectPlansToNothing({ pulled, diagnostics, plan });
  });

  test('each sequence is declared with only what differs from SQL Server\'s defaults', () => {
    const file = pulled.files.find((f) => f.path === 'sequences.schema.ts')?.text ?? '';
    expect(file).toContain("export const salesOrderNumbers = Sequence('order_numbers', { schema: 'sales', start: 1000, cache: 20 });");
    expect(file).toContain("export const countdown = Sequence('countdown', { type: 'decimal(5)', increment: -1, max: 500, cycle: true, cache: false });");
    expect(file).toContain("export const plain = Sequence('plain');");
  });

  test('a default that is NEXT VALUE FOR a pulled sequence names its const; an external one or a larger expression stays as stored', () => {
    const file = pulled.files.find((f) => f.path === 'sales.orders.schema.ts')?.text ?? '';
    expect(file).toContain("import { Column, Table, nextValueFor, sql } from 'schemac';");
    expect(file).toContain("import { countdown, salesOrderNumbers } from './sequences.schema';");
    expect(file).toContain('@Column.bigint({ default: nextValueFor(salesOrderNumbers) })');
    expect(file).toContain('default: nextValueFor(countdown)');
    expect(file).toContain('default: sql`NEXT VALUE FOR [billing].[external_numbers]`');
    expect(file).toContain("default: sql`'O-'+CONVERT([varchar](20),NEXT VALUE FOR [dbo].[plain])`");
  });
});
