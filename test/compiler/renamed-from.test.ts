/**
 * `renamedFrom` on every named table object (indexes, primary keys, UNIQUE, checks, foreign
 * keys, defaults): the compiler carries the previous name, {table} expanded with the table's name.
 */
import { compileFiles, locations, where } from './compile-helpers';

const imports = "import { Check, Column, DefaultName, ForeignKey, Index, Mixin, PrimaryKey, Table, Unique, sql } from 'schemac';\n";

const files = {
  'tenants.schema.ts': `${imports}
@Table('tenants')
export class Tenant {
  @Column.int({ primaryKey: { name: 'pk_tenants', clustered: false, renamedFrom: 'PK_Tenant' } }) id!: number;
}
`,
  'orders.schema.ts': `${imports}import { Tenant } from './tenants.schema';
@Mixin()
@Index('ix_{table}_code', ['code'], { renamedFrom: 'ix_{table}_code_old' })
export abstract class Coded {
  @Column.varchar(40) code!: string;
}

@Table('orders')
@PrimaryKey('pk_orders', ['id'], { renamedFrom: 'pk_orders_old' })
@Unique('uq_orders_no', ['no'], { renamedFrom: 'uq_no' })
@Check('ck_orders_no', sql\`[no] > 0\`, { renamedFrom: 'ck_no' })
@ForeignKey('fk_orders_tenant', ['tenantId'], () => Tenant, undefined, { renamedFrom: 'fk_tenant' })
@DefaultName('df_orders_no', 'no', { renamedFrom: 'DF_no' })
export class Order extends Coded {
  @Column.int() id!: number;
  @Column.int({ default: 1 }) no!: number;
  @Column.int() tenantId!: number;
}
`,
};

describe('renamedFrom on constraints and indexes', () => {
  const { database: model, diagnostics } = compileFiles(files).result;
  const orders = model.tables.find((t) => t.name === 'orders');
  const tenants = model.tables.find((t) => t.name === 'tenants');

  it('compiles without diagnostics', () => expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]));

  it('carries the previous name of each object, {table} expanded', () => {
    expect(orders?.primaryKey).toMatchObject({ name: 'pk_orders', renamedFrom: 'pk_orders_old' });
    expect(orders?.uniqueConstraints).toEqual([expect.objectContaining({ name: 'uq_orders_no', renamedFrom: 'uq_no' })]);
    expect(orders?.checks).toEqual([expect.objectContaining({ name: 'ck_orders_no', renamedFrom: 'ck_no' })]);
    expect(orders?.foreignKeys).toEqual([expect.objectContaining({ name: 'fk_orders_tenant', renamedFrom: 'fk_tenant' })]);
    expect(orders?.defaults).toEqual([expect.objectContaining({ name: 'df_orders_no', renamedFrom: 'DF_no' })]);
    expect(orders?.indexes).toEqual([expect.objectContaining({ name: 'ix_orders_code', renamedFrom: 'ix_orders_code_old' })]);
    expect(tenants?.primaryKey).toMatchObject({ name: 'pk_tenants', renamedFrom: 'PK_Tenant' });
  });

  it('rejects a renamedFrom that is not a string literal', () => {
    const bad = compileFiles({ 'a.schema.ts': `${imports}
@Table('a')
@Index('ix_a', ['id'], { renamedFrom: 5 as unknown as string })
export class A { @Column.int() id!: number; }
` });
    expect(bad.result.diagnostics.map((d) => d.message)).toEqual(expect.arrayContaining([expect.stringMatching(/renamedFrom must be a non-empty string literal/)]));
  });
});

describe('renamedFrom of a table naming another schema (a move)', () => {
  const moved = `${imports}
@Table('orders', { schema: 'archive', renamedFrom: 'sales.order' })
export class Order { @Column.int({ primaryKey: true }) id!: number; }

@Table('lines', { schema: 'archive', renamedFrom: 'ARCHIVE.line' })
export class Line { @Column.int({ primaryKey: true }) id!: number; }

@Table('notes', { renamedFrom: '[old.notes].[note]]s]' })
export class Note { @Column.int({ primaryKey: true }) id!: number; }
`;

  it('carries the previous schema and name; its own schema (as the collation compares) is a plain rename', () => {
    const { database, diagnostics } = compileFiles({ 'm.schema.ts': moved }).result;
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const byName = new Map(database.tables.map((t) => [t.name, t]));
    expect(byName.get('orders')).toMatchObject({ schema: 'archive', renamedFrom: 'order', renamedFromSchema: 'sales' });
    expect(byName.get('lines')).toMatchObject({ schema: 'archive', renamedFrom: 'line' });
    expect(byName.get('lines')).not.toHaveProperty('renamedFromSchema');
    expect(byName.get('notes')).toMatchObject({ schema: 'dbo', renamedFrom: 'note]s', renamedFromSchema: 'old.notes' });
  });

  it.each([
    ['db.sales.orders', /has 3 parts; write 'table' or 'schema.table'/],
    ['sales.', /has an empty name part/],
    ['[sales.orders', /has a \[ without its closing \]/],
    ['sa[les].orders', /bracket inside a name/],
  ])('refuses %s with SC1206 at the literal', (text, message) => {
    const file = `${imports}
@Table('orders', { schema: 'archive', renamedFrom: '${text}' })
export class Order { @Column.int({ primaryKey: true }) id!: number; }
`;
    const { result, files } = compileFiles({ 'bad.schema.ts': file });
    const bad = result.diagnostics.filter((d) => d.code === 'SC1206');
    expect(bad.map((d) => d.message)).toEqual([expect.stringMatching(message)]);
    expect(locations(result.diagnostics, 'SC1206')).toEqual([where(files, 'bad.schema.ts', `'${text}'`)]);
  });
});
