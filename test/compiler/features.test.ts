/**
 * Compiler features over test/fixtures/schemas/features: a mixin chain across three files, a
 * literal union shared by two tables, a schema other than dbo, type facet defaults, options.
 */
import * as path from 'path';
import { compileSchema } from '../../src/compiler';
import type { Table } from '../../src/model';
import { compileFiles } from './compile-helpers';

const dir = path.resolve(__dirname, '../fixtures/schemas/features');
const result = compileSchema(dir);
const table = (schema: string, name: string): Table => {
  const t = result.database.tables.find((x) => x.schema === schema && x.name === name);
  if (!t) throw new Error(`no table ${schema}.${name}`);
  return t;
};

describe('compiler features', () => {
  test('compiles cleanly; tables sorted by schema then name; schemas include dbo', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.database.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['dbo.tasks', 'sales.orders']);
    expect(result.database.schemas).toEqual(['dbo', 'sales']);
  });

  test('a mixin chain across three files: root mixin members first, templates expanded', () => {
    const tasks = table('dbo', 'tasks');
    expect(tasks.columns.map((c) => c.name)).toEqual(['created_at', 'owner_id', 'task_no', 'priority', 'notes']);
    expect(tasks.columns.map((c) => path.basename(c.source?.file ?? ''))).toEqual([
      'stamped.schema.ts', 'owned.schema.ts', 'tasks.schema.ts', 'tasks.schema.ts', 'tasks.schema.ts',
    ]);
    expect(tasks.indexes).toEqual([expect.objectContaining({ name: 'ix_tasks_created', columns: [{ name: 'created_at', descending: true }], unique: false, clustered: false, filter: null })]);
    expect(tasks.uniqueConstraints).toEqual([expect.objectContaining({ name: 'uq_tasks_owner_id_created_at', clustered: false })]);
    expect(tasks.defaults.map((d) => `${d.name}=${d.expression.text}`)).toEqual(['df_tasks_created_at=SYSUTCDATETIME()', "df_tasks_priority=N'normal'"]);
  });

  test('a primary key with no clustering written is clustered when nothing else is', () => {
    expect(table('dbo', 'tasks').primaryKey).toMatchObject({ name: 'pk_tasks', clustered: true, columns: [{ name: 'task_no' }] });
  });

  test('one literal union used by two tables: N-prefixed on nvarchar, plain on varchar, quotes doubled', () => {
    expect(table('dbo', 'tasks').checks.map((c) => `${c.name}: ${c.expression.text}`)).toEqual([
      "ck_tasks_priority: [priority] IN (N'low', N'normal', N'it''s urgent')",
    ]);
    expect(table('sales', 'orders').checks.map((c) => `${c.name}: ${c.expression.text}`)).toEqual([
      'ck_orders_total: [total] >= 0',
      "ck_orders_prio: [prio] IN ('low', 'normal', 'it''s urgent')",
    ]);
  });

  test('a table outside dbo: its keys, foreign key into dbo and renames', () => {
    const orders = table('sales', 'orders');
    expect(orders.renamedFrom).toBe('order');
    expect(orders.primaryKey).toMatchObject({ name: 'pk_sales_orders', clustered: true, columns: [{ name: 'region' }, { name: 'order_no' }] });
    expect(orders.foreignKeys).toEqual([expect.objectContaining({
      name: 'fk_orders_task_no', columns: ['task_no'], referencedSchema: 'dbo', referencedTable: 'tasks', referencedColumns: ['task_no'], onDelete: 'CASCADE', onUpdate: 'NO_ACTION',
    })]);
    expect(orders.indexes).toEqual([expect.objectContaining({ name: 'ix_orders_total', include: ['placed_at'], filter: expect.objectContaining({ text: '[total] > 0' }) })]);
    const prio = orders.columns.find((c) => c.name === 'prio');
    expect(prio).toMatchObject({ renamedFrom: 'priority_level', backfill: expect.objectContaining({ text: "'low'" }) });
  });

  test('type facets are filled with SQL Server defaults', () => {
    const types = Object.fromEntries(table('sales', 'orders').columns.map((c) => [c.name, c.type]));
    expect(types).toMatchObject({
      region: { name: 'char', length: 2 },
      order_no: { name: 'numeric', precision: 12, scale: 0 },
      total: { name: 'decimal', precision: 18, scale: 2 },
      ratio: { name: 'real' },
      weight: { name: 'float', precision: 53 },
      placed_at: { name: 'datetime2', scale: 7 },
      cutoff: { name: 'time', scale: 0 },
    });
    expect(table('dbo', 'tasks').columns.find((c) => c.name === 'notes')).toMatchObject({
      type: { name: 'nvarchar', length: 'max' }, nullable: true, collation: 'Latin1_General_100_CI_AS',
    });
    expect(table('dbo', 'tasks').columns.find((c) => c.name === 'task_no')?.identity).toEqual({ seed: '1', increment: '1' });
  });

  test('computed columns and bit defaults', () => {
    const orders = table('sales', 'orders');
    expect(orders.columns.find((c) => c.name === 'doubled')?.computed).toEqual({ expression: expect.objectContaining({ text: '[total] * 2', parsed: true }), persisted: true });
    expect(orders.defaults.map((d) => `${d.name}=${d.expression.text}`)).toEqual(['df_orders_total=0', 'df_orders_open=1']);
  });

  test('options.defaultSchema and options.collation apply', () => {
    const other = compileSchema(dir, { defaultSchema: 'app', collation: 'Latin1_General_100_CS_AS', typeCheck: false });
    expect(other.database.collation).toBe('Latin1_General_100_CS_AS');
    expect(other.database.schemas).toEqual(['app', 'dbo', 'sales']);
    expect(other.database.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['app.tasks', 'sales.orders']);
    expect(other.database.tables[1].foreignKeys[0].referencedSchema).toBe('app');
  });
});

describe('primary key clustering when not written', () => {
  const source = (pk: string, extra = ''): Record<string, string> => ({
    't.schema.ts': `import { Column, Index, Table } from 'schemac';\n@Table('t')${extra}\nexport class T {\n  @Column.${pk}({ primaryKey: true }) id!: ${pk === 'int' ? 'number' : 'string'};\n  @Column.int() n!: number;\n}\n`,
  });
  test.each([
    ['an int key on a table with no other clustered index is clustered', 'int', '', true],
    ['a uniqueidentifier key is nonclustered (random GUIDs must not be the clustered key)', 'uniqueidentifier', '', false],
    ['an int key on a table with a clustered index is nonclustered', 'int', " @Index('ix_t_n', ['n'], { clustered: true })", false],
  ] as const)('%s', (_title, pk, extra, clustered) => {
    const c = compileFiles(source(pk, extra), { typeCheck: false });
    expect(c.result.diagnostics).toEqual([]);
    expect(c.result.database.tables[0].primaryKey).toMatchObject({ name: 'pk_t', clustered });
  });
});
