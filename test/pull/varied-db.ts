/**
 * Hand-made models for the pull tests, with definitions in the form SQL Server stores them
 * (parenthesised defaults, OR chains for IN lists) as the catalog would hand them over.
 */
import type { Database } from '../../src/model';
import { ck, col, db, df, fk, ix, pk, table, uq } from '../support/model-builders';

/** Every kind of object pull writes: a schema other than dbo, computed, collation, identity, FK actions, checks. */
export function variedDatabase(): Database {
  const customers = table('customers', {
    columns: [
      col('id', 'uniqueidentifier'),
      col('code', 'char(8)'),
      col('kind', 'varchar(20)'),
      col('is_active', 'bit'),
      col('score', 'float', { nullable: true }),
      col('ratio', 'real', { nullable: true }),
      col('photo', 'varbinary(max)', { nullable: true }),
      col('wake_at', 'time(0)', { nullable: true }),
      col('seen_at', 'datetimeoffset(7)', { nullable: true }),
      col('profile', 'xml', { nullable: true }),
      col('credit', 'money'),
      col('Order Notes', 'nvarchar(max)', { nullable: true }),
      col('tier', 'nvarchar(10)'),
      col('region', 'nvarchar(10)'),
      col('constructor', 'varchar(10)', { nullable: true }),
    ],
    pk: pk('PK__customer__3213E83F0A1B2C3D', ['id'], { system: true, clustered: false }),
    checks: [
      ck('ck_customers_kind', "([kind]='business' OR [kind]='person')"),
      ck('ck_customers_tier', "([tier]=N'silver' OR [tier]=N'gold')"),
      // Without N on an nvarchar column: not what the compiler derives from a union.
      ck('ck_customers_region', "([region]='us' OR [region]='eu')"),
    ],
    defaults: [
      df('df_customers_id', 'id', '(newsequentialid())'),
      df('df_customers_kind', 'kind', "('person')"),
      df('df_customers_is_active', 'is_active', '((1))'),
      df('df_customers_credit', 'credit', '((1.50))'),
    ],
  });
  const salesCustomers = table('sales.customers', {
    columns: [col('id', 'int', { identity: true }), col('name', 'nvarchar(100)')],
    pk: pk('pk_customers', ['id']),
  });
  const orders = table('sales.orders', {
    columns: [
      col('id', 'int', { identity: { seed: '100', increment: '5' } }),
      col('customer_id', 'uniqueidentifier', { nullable: true }),
      col('customer_ref', 'nvarchar(40)', { collation: 'Latin1_General_CS_AS' }),
      col('amount', 'decimal(12,2)'),
      col('discount', 'decimal(12,2)', { nullable: true }),
      col('net', 'decimal(13,2)', { computed: '([amount]-isnull([discount],(0)))', persisted: true }),
      col('label', 'nvarchar(60)', { computed: "(concat(N'#',[id]))" }),
      col('state', 'varchar(10)'),
      col('placed_at', 'datetime2(3)'),
    ],
    pk: pk('pk_orders', ['id']),
    uniques: [uq('uq_orders_customer_ref', ['customer_ref'])],
    indexes: [ix('ix_orders_placed', ['placed_at desc', 'id'], { include: ['amount'], filter: '([amount]>(0))' })],
    checks: [
      ck('CK_orders_state_legacy', "([state]='closed' OR [state]='open')"),
      ck('ck_orders_amount_positive', '([amount]>=(0))'),
    ],
    defaults: [
      df('df_orders_customer_ref', 'customer_ref', "(N'none')"),
      df('df_orders_amount', 'amount', '((0.00))'),
      df('df_orders_placed_at', 'placed_at', '(sysutcdatetime())'),
      df('df_orders_discount', 'discount', '((-1))'),
    ],
    fks: [fk('fk_orders_customer', ['customer_id'], 'customers', ['id'], { onDelete: 'CASCADE', onUpdate: 'SET_NULL' })],
  });
  return db([customers, salesCustomers, orders]);
}

/** Audited columns and indexes for `name`, as one ORM would have made them on every table. */
function audited(name: string, extra: ReturnType<typeof col>[]): Parameters<typeof table>[1] {
  return {
    columns: [
      col('id', 'uniqueidentifier'), col('index_id', 'bigint', { identity: true }),
      col('created_at', 'datetime'), col('is_deleted', 'bit'), ...extra,
    ],
    pk: pk(`pk_${name}`, ['id'], { clustered: false }),
    indexes: [
      ix(`ix_${name}_index_id`, ['index_id'], { unique: true, clustered: true }),
      ix(`ix_${name}_active`, ['is_deleted'], { filter: '([is_deleted]=(0))' }),
    ],
    defaults: [
      df(`df_${name}_id`, 'id', '(newid())'), df(`df_${name}_created_at`, 'created_at', '(getdate())'),
      df(`df_${name}_is_deleted`, 'is_deleted', '((0))'),
    ],
  };
}

/** tenants plus two tenant-scoped tables: two nested mixins (audited, then tenant-scoped). */
export function tenantDatabase(): Database {
  const scoped = (name: string, extra: ReturnType<typeof col>[]) => {
    const base = audited(name, [col('tenant_id', 'uniqueidentifier'), ...extra]);
    return table(name, {
      ...base,
      indexes: [...(base.indexes ?? []), ix(`ix_${name}_tenant_active`, ['tenant_id', 'is_deleted', 'index_id'], { filter: '([is_deleted]=(0))' })],
      fks: [fk(`fk_${name}_tenant`, ['tenant_id'], 'tenants', ['id'])],
    });
  };
  return db([
    table('tenants', audited('tenants', [col('name', 'varchar(255)')])),
    scoped('users', [col('email', 'varchar(255)')]),
    scoped('projects', [col('title', 'nvarchar(200)'), col('archived_at', 'datetime', { nullable: true })]),
  ]);
}

/** Two tables sharing columns, a {table}-named index, primary key and check, and an index whose name follows no template. */
export function templatedDatabase(): Database {
  const t = (name: string) => table(name, {
    columns: [col('id', 'int'), col('created_at', 'datetime'), col('updated_at', 'datetime'), col('is_deleted', 'bit')],
    pk: pk(`pk_${name}`, ['id']),
    indexes: [ix(`ix_${name}_active`, ['is_deleted'], { filter: '([is_deleted]=(0))' }), ix('IX_legacy_created', ['created_at'])],
    defaults: [df(`df_${name}_is_deleted`, 'is_deleted', '((0))')],
    checks: [ck(`ck_${name}_dates`, '([updated_at]>=[created_at])')],
  });
  return db([t('aa'), t('bb')]);
}
