/**
 * Sequences in schema files: what SQL Server fills in for omitted options, defaults that draw from
 * a declared sequence (also across files), and each mistake SQL Server would refuse, reported
 * at the option the user wrote with its stable code.
 */
import { compileFiles, locations, where } from './compile-helpers';

const imports = "import { Column, Sequence, Table, nextValueFor, sql } from 'schemac';\n";

describe('sequences: the model', () => {
  const { result } = compileFiles({
    'numbers.ts': `import { Sequence } from 'schemac';
export const invoiceNumbers = Sequence('invoice_numbers', { type: 'int', start: 1000, increment: 10, cache: 20 });
`,
    'orders.schema.ts': `${imports}import { invoiceNumbers } from './numbers';
import * as n from './numbers';
export const orderNumbers = Sequence('order_numbers', { schema: 'sales' });
export const countdown = Sequence('countdown', { type: 'decimal(5)', increment: -1, cycle: true, cache: false, max: '500' });
@Table('orders')
export class Order {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.bigint({ default: nextValueFor(orderNumbers) }) orderNo!: number;
  @Column.int({ default: nextValueFor(invoiceNumbers) }) invoiceNo!: number;
  @Column.int({ default: nextValueFor(n.invoiceNumbers) }) invoiceAgain!: number;
  @Column.decimal(5, 0, { default: nextValueFor(countdown) }) down!: number;
}
`,
  }, { typeCheck: false });

  it('compiles without diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
  });

  it('fills in what SQL Server fills in: bigint, start at the minimum (maximum when descending), the type range, NO CYCLE, CACHE', () => {
    const byName = new Map((result.database.sequences ?? []).map((q) => [q.name, { ...q, source: undefined }]));
    expect(byName.get('order_numbers')).toEqual({
      schema: 'sales', name: 'order_numbers', type: { name: 'bigint' }, start: '-9223372036854775808', increment: '1',
      min: '-9223372036854775808', max: '9223372036854775807', cycle: false, cache: { kind: 'default' }, source: undefined,
    });
    expect(byName.get('invoice_numbers')).toMatchObject({ schema: 'dbo', type: { name: 'int' }, start: '1000', increment: '10', min: '-2147483648', max: '2147483647', cache: { kind: 'size', size: 20 } });
    expect(byName.get('countdown')).toMatchObject({ type: { name: 'decimal', precision: 5, scale: 0 }, start: '500', increment: '-1', min: '-99999', max: '500', cycle: true, cache: { kind: 'none' } });
  });

  it('makes each nextValueFor default a schema-qualified NEXT VALUE FOR, also through imports', () => {
    const orders = result.database.tables.find((t) => t.name === 'orders');
    expect(orders?.defaults.map((d) => [d.name, d.expression.text])).toEqual([
      ['df_orders_order_no', 'NEXT VALUE FOR [sales].[order_numbers]'],
      ['df_orders_invoice_no', 'NEXT VALUE FOR [dbo].[invoice_numbers]'],
      ['df_orders_invoice_again', 'NEXT VALUE FOR [dbo].[invoice_numbers]'],
      ['df_orders_down', 'NEXT VALUE FOR [dbo].[countdown]'],
    ]);
  });

  it('lists the schema of a sequence among the schemas to create', () => {
    expect(result.database.schemas).toContain('sales');
  });
});

describe('sequences: mistakes', () => {
  const files = {
    'a.schema.ts': `${imports}
export const outside = Sequence('outside', { type: 'int', start: 5, min: 10, max: 20 });
export const zero = Sequence('zero', { increment: 0 });
export const inverted = Sequence('inverted', { min: 50, max: 10 });
export const tooBig = Sequence('too_big', { type: 'tinyint', max: 300 });
export const badType = Sequence('bad_type', { type: 'float' as never });
export const badCache = Sequence('bad_cache', { cache: 0 });
export const wide = Sequence('wide', { type: 'smallint', min: 0, max: 10, increment: 20 });
export const orders = Sequence('orders');
@Table('orders') export class Orders { @Column.int() a!: number; }
@Table('uses_missing') export class UsesMissing {
  @Column.bigint({ default: sql\`NEXT VALUE FOR dbo.missing\` }) a!: number;
  @Column.bigint({ default: sql\`NEXT VALUE FOR billing.external_numbers\` }) b!: number;
}
`,
  };
  const { result } = compileFiles(files, { typeCheck: false, externalSequences: ['billing.external_numbers'] });
  const at = (code: string) => locations(result.diagnostics, code);

  it('START WITH outside MINVALUE..MAXVALUE is SC2004 at start', () => expect(at('SC2004')).toEqual([where(files, 'a.schema.ts', 'start: 5', 0, 7)]));
  it('INCREMENT BY 0 is SC2002 at increment', () => expect(at('SC2002')).toEqual([where(files, 'a.schema.ts', 'increment: 0', 0, 11)]));
  it('MINVALUE not below MAXVALUE is SC2003 at min', () => expect(at('SC2003')).toEqual([where(files, 'a.schema.ts', 'min: 50', 0, 5)]));
  it("a value outside the type's range is SC2001", () => expect(at('SC2001')).toEqual([where(files, 'a.schema.ts', 'max: 300', 0, 5)]));
  it('a type a sequence cannot have is SC2006', () => expect(at('SC2006')).toEqual([where(files, 'a.schema.ts', "'float'")]));
  it('a cache size that is not positive is SC2007', () => expect(at('SC2007')).toEqual([where(files, 'a.schema.ts', 'cache: 0', 0, 7)]));
  it('an increment wider than the range is SC2005', () => expect(at('SC2005')).toEqual([where(files, 'a.schema.ts', 'increment: 20', 0, 11)]));
  it('a sequence named like a table of its schema is SC1201 (one namespace per schema)', () => {
    expect(at('SC1201')).toEqual([where(files, 'a.schema.ts', "'orders'", 0)]);
  });
  it('NEXT VALUE FOR a sequence neither declared nor external is SC1306; an external one is accepted', () => {
    expect(at('SC1306')).toEqual([where(files, 'a.schema.ts', 'sql`NEXT VALUE FOR dbo.missing`')]);
    expect(result.diagnostics.find((d) => d.code === 'SC1306')?.message).toMatch(/dbo\.missing.*externalSequences/);
  });
  it('a refused sequence is left out of the model, the valid one kept', () => {
    expect((result.database.sequences ?? []).map((q) => q.name)).toEqual(['orders']);
  });
});

describe('sequences: a misspelt sequence is a TypeScript error (the editor shows it)', () => {
  const files = {
    't.schema.ts': `${imports}
export const orderNumbers = Sequence('order_numbers');
@Table('t') export class T { @Column.bigint({ default: nextValueFor(orderNumbrs) }) a!: number; }
`,
  };
  const { result } = compileFiles(files, { typeChecker: 'in-process' });
  it('reports TS2552 (SC1000) and SC1306 at the argument', () => {
    expect(result.diagnostics.filter((d) => d.code === 'SC1000').map((d) => d.message)).toEqual([expect.stringMatching(/TS2552: Cannot find name 'orderNumbrs'/)]);
    expect(locations(result.diagnostics, 'SC1306')).toEqual([where(files, 't.schema.ts', 'orderNumbrs')]);
  });
});
