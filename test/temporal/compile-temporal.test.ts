/**
 * System-versioned temporal tables in the schema: `systemVersioning` on @Table, period columns
 * as `Column.datetime2(p, { generatedAlways })`, and the combinations SQL Server refuses as
 * compile errors at file:line:col with stable codes.
 */
import { compileFiles, locations, where } from '../compiler/compile-helpers';

const imports = "import { Column, Table } from 'schemac';\n";

const orders = `${imports}
@Table('orders', { schema: 'sales', systemVersioning: { retention: { months: 6 } } })
export class Order {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.nvarchar(100) note!: string;
  @Column.datetime2(3, { generatedAlways: 'rowStart', hidden: true }) validFrom!: Date;
  @Column.datetime2(3, { generatedAlways: 'rowEnd', hidden: true }) validTo!: Date;
}

@Table('prices', { systemVersioning: { historyTable: 'price_log', historySchema: 'audit' } })
export class Price {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.datetime2(7, { generatedAlways: 'rowStart' }) sysStart!: Date;
  @Column.datetime2(7, { generatedAlways: 'rowEnd' }) sysEnd!: Date;
}
`;

describe('system-versioned tables compile', () => {
  const c = compileFiles({ 'orders.schema.ts': orders });
  const table = (name: string) => c.result.database.tables.find((t) => t.name === name);

  test('compiles cleanly with the TypeScript check on', () => {
    expect(c.result.diagnostics).toEqual([]);
  });

  test('the convention names the history table <table>_history in the table\'s schema; retention is read', () => {
    expect(table('orders')?.versioning).toEqual({ historySchema: 'sales', historyTable: 'orders_history', retention: { unit: 'MONTH', count: 6 } });
  });

  test('an explicit history table and schema are kept; retention defaults to INFINITE', () => {
    expect(table('prices')?.versioning).toEqual({ historySchema: 'audit', historyTable: 'price_log', retention: { unit: 'INFINITE' } });
    expect(c.result.database.schemas).toContain('audit');
  });

  test('period columns carry their end and HIDDEN flag, NOT NULL, with no default', () => {
    const cols = table('orders')?.columns.filter((col) => col.period !== undefined);
    expect(cols?.map((col) => [col.name, col.type, col.nullable, col.period])).toEqual([
      ['valid_from', { name: 'datetime2', scale: 3 }, false, { end: 'start', hidden: true }],
      ['valid_to', { name: 'datetime2', scale: 3 }, false, { end: 'end', hidden: true }],
    ]);
    expect(table('orders')?.defaults).toEqual([]);
  });
});

describe('temporal mistakes are compile errors at their position', () => {
  const bad = `${imports}
@Table('a', { systemVersioning: true })
export class A {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.datetime2(7, { generatedAlways: 'rowStart' }) validFrom!: Date;
}

@Table('b', { systemVersioning: true })
export class B {
  @Column.int() id!: number;
  @Column.datetime(({ generatedAlways: 'rowStart' }) as never) validFrom!: Date;
  @Column.datetime2(7, { generatedAlways: 'rowEnd', nullable: true as never }) validTo!: Date;
}

@Table('c', { systemVersioning: { retention: { months: 0 } } })
export class C {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.datetime2(7, { generatedAlways: 'rowStart', default: '2020-01-01' } as never) validFrom!: Date;
  @Column.datetime2(7, { generatedAlways: 'rowEnd' }) validTo!: Date;
}

@Table('d')
export class D {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.datetime2(7, { generatedAlways: 'rowEnd' }) validTo!: Date;
}
`;
  const c = compileFiles({ 'bad.schema.ts': bad }, { typeCheck: false });
  const d = c.result.diagnostics;

  test('a versioned table without its ROW END column, and a lone period column: SC1110', () => {
    expect(locations(d, 'SC1110')).toEqual([where(c.files, 'bad.schema.ts', 'systemVersioning: true', 0, 18), where(c.files, 'bad.schema.ts', 'validTo', 2)]);
  });

  test('a period column that is not datetime2: SC1111', () => {
    expect(locations(d, 'SC1111')).toEqual([where(c.files, 'bad.schema.ts', 'Column.datetime(')]);
  });

  test('a nullable period column: SC1112 at the nullable option', () => {
    expect(locations(d, 'SC1112')).toEqual([where(c.files, 'bad.schema.ts', 'true as never')]);
  });

  test('a default on a period column: SC1113', () => {
    expect(locations(d, 'SC1113')).toEqual([where(c.files, 'bad.schema.ts', "'2020-01-01'")]);
  });

  test('a versioned table without a primary key: SC1114', () => {
    expect(locations(d, 'SC1114')).toEqual([where(c.files, 'bad.schema.ts', 'systemVersioning: true', 1, 18)]);
  });

  test('a retention that is not a positive whole count: SC1115', () => {
    expect(locations(d, 'SC1115')).toEqual([where(c.files, 'bad.schema.ts', '0 } } })')]);
  });
});
