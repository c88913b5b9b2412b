/** What pullSchema writes for particular shapes of table (the round trip tests prove it compiles back). */
import { pullSchema } from '../../src/emitters/typescript';
import { col, db, pk, table } from '../support/model-builders';
import { templatedDatabase, variedDatabase } from './varied-db';

function fileText(files: { path: string; text: string }[], name: string): string {
  const f = files.find((x) => x.path === name);
  if (!f) throw new Error(`no ${name} among ${files.map((x) => x.path).join(', ')}`);
  return f.text;
}

describe('pullSchema', () => {
  const { files } = pullSchema(variedDatabase());
  const orders = fileText(files, 'sales.orders.schema.ts');
  const customers = fileText(files, 'customers.schema.ts');

  test('a table outside dbo gets its schema in @Table and in its file name; a clashing class name takes the schema as prefix', () => {
    expect(orders).toContain("@Table('orders', { schema: 'sales' })\n");
    expect(fileText(files, 'sales.customers.schema.ts')).toContain("@Table('customers', { schema: 'sales' })\n@PrimaryKey('pk_customers', ['id'], { clustered: true })\nexport class SalesCustomers {");
    expect(customers).toContain('export class Customers {');
  });

  test('a check that is not an IN list is a table-level @Check with the stored text', () => {
    expect(orders).toContain("@Check('ck_orders_amount_positive', sql`[amount]>=(0)`)\n");
  });

  test('an IN-list check whose name is not the derived one stays a named @Check, and the field stays string', () => {
    expect(orders).toContain("@Check('CK_orders_state_legacy', sql`[state]='closed' OR [state]='open'`)\n");
    expect(orders).toContain('  state!: string;\n');
  });

  test('an IN-list check named as the compiler names it becomes an exported union typing the field', () => {
    expect(customers).toContain("export type CustomersKind = 'person' | 'business';\n");
    expect(customers).toContain("  @Column.varchar(20, { default: 'person' })\n  kind!: CustomersKind;\n");
    expect(customers).toContain("export type CustomersTier = 'gold' | 'silver';\n");
    expect(customers).toContain('  tier!: CustomersTier;\n');
  });

  test('an IN list the compiler would not derive identically (no N on an nvarchar column) stays a @Check', () => {
    expect(customers).toContain("@Check('ck_customers_region', sql`[region]='us' OR [region]='eu'`)\n");
    expect(customers).toContain('  region!: string;\n');
    expect(customers).not.toContain("@Check('ck_customers_kind'");
  });

  test('a system-generated primary key name is left to the compiler (systemNames decides), its clustering written', () => {
    expect(customers).toContain("@PrimaryKey(['id'], { clustered: false })\n");
    expect(customers).not.toContain('PK__customer__');
  });

  test('defaults are literals only where the compiler reads them back unchanged, else sql`...` with the stored text', () => {
    expect(customers).toContain('@Column.bit({ default: true })');
    expect(customers).toContain('@Column.money({ default: sql`1.50` })');
    expect(customers).toContain('@Column.uniqueidentifier({ default: sql`newsequentialid()` })');
    expect(orders).toContain("@Column.nvarchar(40, { collation: 'Latin1_General_CS_AS', default: 'none' })");
    expect(orders).toContain('@Column.decimal(12, 2, { nullable: true, default: -1 })');
  });

  test('identity, computed columns and foreign-key actions are written', () => {
    expect(orders).toContain('@Column.int({ identity: [100, 5] })');
    expect(orders).toContain('@Column.decimal(13, 2, { computed: { expression: sql`[amount]-isnull([discount],(0))`, persisted: true } })');
    expect(orders).toContain("@ForeignKey('fk_orders_customer', ['customerId'], () => Customers, ['id'], { onDelete: 'CASCADE', onUpdate: 'SET_NULL' })");
    expect(orders).toContain("import { Customers } from './customers.schema';");
  });

  test('a column whose name snake_case cannot give back is named explicitly', () => {
    expect(customers).toContain("@Column.nvarchar('max', { name: 'Order Notes', nullable: true })\n  orderNotes!: string | null;");
    expect(customers).toContain('  isActive!: boolean;');
    expect(customers).not.toContain("name: 'is_active'");
    expect(customers).toContain("@Column.varchar(10, { name: 'constructor', nullable: true })\n  constructorColumn!: string | null;");
  });

  test('two shared columns alone make no mixin', () => {
    const small = (name: string) => table(name, { columns: [col('id', 'int'), col('name', 'varchar(50)')], pk: pk(`pk_${name}`, ['id']) });
    const out = pullSchema(db([small('a'), small('b')]));
    expect(out.files.map((f) => f.path)).toEqual(['a.schema.ts', 'b.schema.ts']);
  });

  test('only columns every table begins with make a mixin: one elsewhere would move in a table created from the files', () => {
    // Chinook's Customer and Employee share LastName and the address columns, AdventureWorks'
    // tables rowguid and ModifiedDate at the end: extracted, they would come first on CREATE.
    const shape = (name: string) => table(name, {
      columns: [col(`${name}_id`, 'int'), col('last_name', 'nvarchar(20)'), col('city', 'nvarchar(40)', { nullable: true }), col('country', 'nvarchar(40)', { nullable: true })],
      pk: pk(`pk_${name}`, [`${name}_id`]),
    });
    expect(pullSchema(db([shape('customer'), shape('employee')])).files.map((f) => f.path)).toEqual(['customer.schema.ts', 'employee.schema.ts']);
    const leading = (name: string) => table(name, {
      columns: [col('id', 'int'), col('created_at', 'datetime'), col('updated_at', 'datetime'), col(`${name}_name`, 'varchar(50)')], pk: pk(`pk_${name}`, ['id']),
    });
    const out = pullSchema(db([leading('a'), leading('b')]));
    expect(fileText(out.files, 'base-entity.schema.ts')).toMatch(/id!: number;[\s\S]*createdAt!: Date;[\s\S]*updatedAt!: Date;/);
    expect(fileText(out.files, 'a.schema.ts')).toContain('export class A extends BaseEntity {');
  });

  test('an index shared in shape but not named by a {table} template stays on each table', () => {
    const out = pullSchema(templatedDatabase());
    const mixin = fileText(out.files, 'base-entity.schema.ts');
    expect(mixin).toContain("@PrimaryKey('pk_{table}', ['id'], { clustered: true })");
    expect(mixin).toContain("@Index('ix_{table}_active', ['isDeleted'], { activeOnly: true })");
    expect(mixin).toContain("@Check('ck_{table}_dates', sql`[updated_at]>=[created_at]`)");
    expect(mixin).not.toContain('IX_legacy_created');
    expect(fileText(out.files, 'aa.schema.ts')).toContain("@Index('IX_legacy_created', ['createdAt'])");
    expect(fileText(out.files, 'bb.schema.ts')).toContain("@Index('IX_legacy_created', ['createdAt'])");
  });
});
