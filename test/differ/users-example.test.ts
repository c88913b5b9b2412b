/**
 * The design's users/tenants example: created from nothing, and fixed up from what an ORM
 * typically leaves behind (system-named defaults and checks, a clustered GUID primary key).
 */
import { ck, col, db, df, fk, ix, pk, table } from '../support/model-builders';
import { runCase } from './run-case';
import type { Table } from '../../src/model';

const STATUS = "status IN ('active','invited','suspended','pending_verification')";

function audited(name: string, extra: { system?: boolean } = {}): Pick<Table, 'columns'> & { defaults: ReturnType<typeof df>[] } {
  const sys = extra.system ?? false;
  const n = (declared: string, generated: string) => (sys ? generated : declared);
  return {
    columns: [col('id', 'uniqueidentifier'), col('index_id', 'bigint', { identity: true }), col('created_at', 'datetime'),
      col('updated_at', 'datetime'), col('is_deleted', 'bit')],
    defaults: [
      df(n(`df_${name}_id`, `DF__${name}__id__1A2B3C4D`), 'id', 'newid()', { system: sys }),
      df(n(`df_${name}_created_at`, `DF__${name}__creat__2B3C4D5E`), 'created_at', 'getdate()', { system: sys }),
      df(n(`df_${name}_updated_at`, `DF__${name}__updat__3C4D5E6F`), 'updated_at', 'getdate()', { system: sys }),
      df(n(`df_${name}_is_deleted`, `DF__${name}__is_de__4D5E6F70`), 'is_deleted', '0', { system: sys }),
    ],
  };
}

function tenants(o: { system?: boolean; clusteredPk?: boolean } = {}): Table {
  const a = audited('tenants', o);
  return table('tenants', {
    columns: [...a.columns, col('name', 'varchar(255)')], defaults: a.defaults,
    pk: pk(o.system ? 'PK__tenants__3213E83F' : 'pk_tenants', ['id'], { clustered: o.clusteredPk ?? false, system: o.system }),
    indexes: o.clusteredPk ? [] : [ix('ix_tenants_index_id', ['index_id'], { unique: true, clustered: true })],
  });
}

function users(o: { system?: boolean; clusteredPk?: boolean } = {}): Table {
  const a = audited('users', o);
  const sys = o.system ?? false;
  return table('users', {
    columns: [...a.columns, col('tenant_id', 'uniqueidentifier'), col('email', 'varchar(255)'), col('status', 'varchar(20)')],
    defaults: [...a.defaults, df(sys ? 'DF__users__statu__3B75D760' : 'df_users_status', 'status', "'active'", { system: sys })],
    checks: [ck(sys ? 'CK__users__status__4E88ABD4' : 'ck_users_status', STATUS, { system: sys })],
    pk: pk(sys ? 'PK__users__3213E83F7EFD826D' : 'pk_users', ['id'], { clustered: o.clusteredPk ?? false, system: sys }),
    fks: [fk('fk_users_tenant', ['tenant_id'], 'tenants', ['id'])],
    indexes: [
      ...(o.clusteredPk ? [] : [ix('ix_users_index_id', ['index_id'], { unique: true, clustered: true })]),
      ix('ix_users_tenant_email', ['tenant_id', 'email'], { unique: true, filter: 'is_deleted = 0' }),
    ],
  });
}

describe('differ: the users example', () => {
  test('from an empty database: tables, clustered indexes before nonclustered, FK last', () => {
    runCase({
      name: 'create', current: db([]), desired: db([users(), tenants()]),
      steps: ['createTable dbo.tenants', 'createTable dbo.users', 'createIndex dbo.tenants.ix_tenants_index_id',
        'createIndex dbo.users.ix_users_index_id', 'createIndex dbo.users.ix_users_tenant_email', 'addForeignKey dbo.users.fk_users_tenant'],
    });
  });

  test('from an ORM-made database: system names renamed, the GUID key made NONCLUSTERED around its FK', () => {
    runCase({
      name: 'adopt',
      current: db([tenants({ system: true, clusteredPk: true }), users({ system: true, clusteredPk: true })].map((t) => ({ ...t, rowCount: 10 }))),
      desired: db([tenants(), users()]),
      steps: [
        'dropForeignKey dbo.users.fk_users_tenant',
        'dropPrimaryKey dbo.tenants.PK__tenants__3213E83F', 'dropPrimaryKey dbo.users.PK__users__3213E83F7EFD826D',
        'renameConstraint dbo.tenants.DF__tenants__creat__2B3C4D5E->df_tenants_created_at OBJECT',
        'renameConstraint dbo.tenants.DF__tenants__id__1A2B3C4D->df_tenants_id OBJECT',
        'renameConstraint dbo.tenants.DF__tenants__is_de__4D5E6F70->df_tenants_is_deleted OBJECT',
        'renameConstraint dbo.tenants.DF__tenants__updat__3C4D5E6F->df_tenants_updated_at OBJECT',
        'renameConstraint dbo.users.CK__users__status__4E88ABD4->ck_users_status OBJECT',
        'renameConstraint dbo.users.DF__users__creat__2B3C4D5E->df_users_created_at OBJECT',
        'renameConstraint dbo.users.DF__users__id__1A2B3C4D->df_users_id OBJECT',
        'renameConstraint dbo.users.DF__users__is_de__4D5E6F70->df_users_is_deleted OBJECT',
        'renameConstraint dbo.users.DF__users__statu__3B75D760->df_users_status OBJECT',
        'renameConstraint dbo.users.DF__users__updat__3C4D5E6F->df_users_updated_at OBJECT',
        'createIndex dbo.tenants.ix_tenants_index_id', 'createIndex dbo.users.ix_users_index_id',
        'addPrimaryKey dbo.tenants.pk_tenants', 'addPrimaryKey dbo.users.pk_users',
        'addForeignKey dbo.users.fk_users_tenant',
      ],
    });
  });
});
