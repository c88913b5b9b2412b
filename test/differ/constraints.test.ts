/** Differ cases for constraints and indexes: changes, system-named renames, trust, clustering, drops. */
import { defaultNameKey } from '../../src/sqlserver/names';
import { makeExpression } from '../../src/expr';
import { LARGE_TABLE_ROWS } from '../../src/differ';
import { ck, col, db, df, fk, ix, pk, table, uq, type TableParts } from '../support/model-builders';
import { runCase, type DiffCase } from './run-case';
import type { CheckConstraint } from '../../src/model';
import { diff } from '../../src/differ';
import { renderScript } from '../../src/emitters';
import { expectValidTsql } from '../support/tsql-grammar';

const cols = () => [col('id', 'int'), col('status', 'varchar(20)'), col('tenant_id', 'int'), col('n', 'int', { nullable: true })];
const t = (parts: Omit<TableParts, 'columns'>) => table('t', { columns: cols(), ...parts });
const tenants = (parts: Omit<TableParts, 'columns'> = {}) => table('tenants', { columns: [col('id', 'int'), col('code', 'varchar(10)')], pk: pk('pk_tenants', ['id']), ...parts });
const tenantFk = (o: Parameters<typeof fk>[4] = {}) => fk('fk_t_tenant', ['tenant_id'], 'tenants', ['id'], o);

/** A check whose stored text differs from the written one but whose canonical key is equal. */
function storedCheck(name: string, written: string, stored: string): CheckConstraint {
  const c = ck(name, written);
  return { ...c, expression: { text: stored, canonical: makeExpression(written, defaultNameKey).expression.canonical, parsed: true } };
}

const cases: DiffCase[] = [
  {
    name: 'an expression with the same canonical key is no change (reordered IN list, stored form)',
    current: db([t({ checks: [storedCheck('ck_t_status', "status IN ('a','b')", "([status]='b' OR [status]='a')")] })]),
    desired: db([t({ checks: [ck('ck_t_status', "status IN ('a','b')")] })]),
    steps: [],
  },
  {
    name: 'whitespace and keyword case in a default are no change',
    current: db([t({ defaults: [df('df_t_status', 'status', "'A'")], checks: [ck('ck_t_n', 'n  >  0')] })]),
    desired: db([t({ defaults: [df('df_t_status', 'status', "'A'")], checks: [ck('ck_t_n', 'N > 0')] })]),
    steps: [],
  },
  {
    name: 'a changed default, check and FK are dropped and re-created; a changed index is re-defined in place (DROP_EXISTING)',
    current: db([tenants(), t({ defaults: [df('df_t_status', 'status', "'a'")], checks: [ck('ck_t_n', 'n > 0')],
      indexes: [ix('ix_t_status', ['status'], { include: ['n'] })], fks: [tenantFk()] })]),
    desired: db([tenants(), t({ defaults: [df('df_t_status', 'status', "'b'")], checks: [ck('ck_t_n', 'n >= 0')],
      indexes: [ix('ix_t_status', ['status'], { include: ['n', 'id'] })], fks: [tenantFk({ onDelete: 'CASCADE' })] })]),
    steps: ['dropForeignKey dbo.t.fk_t_tenant', 'dropCheck dbo.t.ck_t_n', 'dropDefault dbo.t.df_t_status',
      'addDefault dbo.t.df_t_status', 'addCheck dbo.t.ck_t_n', 'redefineIndex dbo.t.ix_t_status', 'addForeignKey dbo.t.fk_t_tenant'],
  },
  {
    name: 'index facets: key order, DESC, unique, filter each count; INCLUDE order does not',
    current: db([t({ indexes: [ix('ix_a', ['status', 'n']), ix('ix_b', ['status']), ix('ix_c', ['status']), ix('ix_d', ['status'], { filter: 'n = 0' }), ix('ix_e', ['id'], { include: ['n', 'status'] })] })]),
    desired: db([t({ indexes: [ix('ix_a', ['n', 'status']), ix('ix_b', ['status desc']), ix('ix_c', ['status'], { unique: true }), ix('ix_d', ['status'], { filter: 'n = 1' }), ix('ix_e', ['id'], { include: ['status', 'n'] })] })]),
    steps: ['redefineIndex dbo.t.ix_a', 'redefineIndex dbo.t.ix_b', 'redefineIndex dbo.t.ix_c', 'redefineIndex dbo.t.ix_d'],
  },
  {
    name: 'a clustered index made nonclustered is dropped and created (DROP_EXISTING cannot do that)',
    current: db([t({ indexes: [ix('ix_a', ['id'], { clustered: true })] })]),
    desired: db([t({ indexes: [ix('ix_a', ['id'])] })]),
    steps: ['dropIndex dbo.t.ix_a', 'createIndex dbo.t.ix_a'],
  },
  {
    name: 'an index whose column is re-created is dropped and created around it, not re-defined',
    current: db([t({ indexes: [ix('ix_n', ['n'])] })]),
    desired: db([table('t', { columns: [col('id', 'int'), col('status', 'varchar(20)'), col('tenant_id', 'int'), col('n', 'uniqueidentifier', { nullable: true })], indexes: [ix('ix_n', ['n'], { include: ['status'] })] })]),
    steps: ['dropIndex dbo.t.ix_n', 'dropColumn dbo.t.n', 'addColumn dbo.t.n', 'createIndex dbo.t.ix_n'],
  },
  {
    name: 'system-named objects matching by structure are renamed, never rebuilt',
    current: db([tenants(), t({ pk: pk('PK__t__3213E83F7EFD826D', ['id'], { system: true }),
      defaults: [df('DF__t__status__3B75D760', 'status', "'a'", { system: true })],
      checks: [ck('CK__t__n__4E88ABD4', 'n > 0', { system: true })],
      uniques: [uq('UQ__t__1234', ['status'], { system: true })],
      fks: [fk('FK__t__tenant__55AA', ['tenant_id'], 'tenants', ['id'], { system: true })] })]),
    desired: db([tenants(), t({ pk: pk('pk_t', ['id']), defaults: [df('df_t_status', 'status', "'a'")], checks: [ck('ck_t_n', 'n > 0')],
      uniques: [uq('uq_t_status', ['status'])], fks: [tenantFk()] })]),
    steps: ['renameConstraint dbo.t.CK__t__n__4E88ABD4->ck_t_n OBJECT', 'renameConstraint dbo.t.DF__t__status__3B75D760->df_t_status OBJECT',
      'renameConstraint dbo.t.FK__t__tenant__55AA->fk_t_tenant OBJECT', 'renameConstraint dbo.t.PK__t__3213E83F7EFD826D->pk_t OBJECT',
      'renameConstraint dbo.t.UQ__t__1234->uq_t_status OBJECT'],
  },
  {
    name: 'a system-named index is renamed as an INDEX',
    current: db([t({ indexes: [ix('IX__sys_1', ['status'], { system: true })] })]),
    desired: db([t({ indexes: [ix('ix_t_status', ['status'])] })]),
    steps: ['renameConstraint dbo.t.IX__sys_1->ix_t_status INDEX'],
  },
  {
    name: 'a user-named object whose only difference is its name is renamed, not rebuilt (a unique structural match)',
    current: db([t({ checks: [ck('ck_old', 'n > 0')] })]),
    desired: db([t({ checks: [ck('ck_new', 'n > 0')] })]), allowDrop: true,
    steps: ['renameConstraint dbo.t.ck_old->ck_new OBJECT'],
  },
  {
    name: 'two user-named objects of one definition are not guessed: rebuilt',
    current: db([t({ checks: [ck('ck_a', 'n > 0'), ck('ck_b', 'n > 0')] })]),
    desired: db([t({ checks: [ck('ck_c', 'n > 0'), ck('ck_d', 'n > 0')] })]), allowDrop: true,
    steps: ['dropCheck dbo.t.ck_a', 'dropCheck dbo.t.ck_b', 'addCheck dbo.t.ck_c', 'addCheck dbo.t.ck_d'],
  },
  {
    name: 'a system-named object with a different definition is rebuilt',
    current: db([t({ defaults: [df('DF__t__status__3B75D760', 'status', "'a'", { system: true })] })]),
    desired: db([t({ defaults: [df('df_t_status', 'status', "'b'")] })]),
    steps: ['dropDefault dbo.t.DF__t__status__3B75D760', 'addDefault dbo.t.df_t_status'],
  },
  {
    name: 'untrusted check and FK are re-validated (a scan)',
    current: db([tenants(), t({ checks: [ck('ck_t_n', 'n > 0', { trusted: false })], fks: [tenantFk({ trusted: false })] })]),
    desired: db([tenants(), t({ checks: [ck('ck_t_n', 'n > 0')], fks: [tenantFk()] })]),
    steps: ['revalidateConstraint dbo.t.ck_t_n', 'revalidateConstraint dbo.t.fk_t_tenant'],
    hazards: ['revalidateConstraint dbo.t.ck_t_n: constraint-scan', 'revalidateConstraint dbo.t.fk_t_tenant: constraint-scan'],
  },
  {
    name: 'a disabled check is re-enabled and re-validated; the way down disables it again',
    current: db([t({ checks: [ck('ck_t_n', 'n > 0', { trusted: false, enabled: false })] })]),
    desired: db([t({ checks: [ck('ck_t_n', 'n > 0')] })]),
    steps: ['revalidateConstraint dbo.t.ck_t_n'],
    hazards: ['revalidateConstraint dbo.t.ck_t_n: constraint-scan'],
  },
  {
    name: 'undeclared constraints are skipped without --allow-drop',
    current: db([tenants(), t({ checks: [ck('ck_x', 'n > 0')], indexes: [ix('ix_x', ['n'])], fks: [tenantFk()], defaults: [df('df_x', 'n', '0')] })]),
    desired: db([tenants(), t({})]),
    steps: [],
    skipped: ['check dbo.t.ck_x', 'default dbo.t.df_x', 'foreignKey dbo.t.fk_t_tenant', 'index dbo.t.ix_x'],
  },
  {
    name: 'undeclared constraints are dropped with --allow-drop',
    current: db([tenants(), t({ checks: [ck('ck_x', 'n > 0')], indexes: [ix('ix_x', ['n'])], fks: [tenantFk()], defaults: [df('df_x', 'n', '0')] })]),
    desired: db([tenants(), t({})]), allowDrop: true,
    steps: ['dropForeignKey dbo.t.fk_t_tenant', 'dropCheck dbo.t.ck_x', 'dropDefault dbo.t.df_x', 'dropIndex dbo.t.ix_x'],
  },
  {
    name: 'a PK becoming NONCLUSTERED: FKs off, old clustered off, new clustered first, then the PK, FKs back',
    current: db([tenants({ pk: pk('pk_tenants', ['id'], { clustered: true }) }), t({ fks: [tenantFk()] })]),
    desired: db([tenants({ pk: pk('pk_tenants', ['id'], { clustered: false }), indexes: [ix('ix_tenants_code', ['code'], { unique: true, clustered: true })] }), t({ fks: [tenantFk()] })]),
    steps: ['dropForeignKey dbo.t.fk_t_tenant', 'dropPrimaryKey dbo.tenants.pk_tenants', 'createIndex dbo.tenants.ix_tenants_code',
      'addPrimaryKey dbo.tenants.pk_tenants', 'addForeignKey dbo.t.fk_t_tenant'],
  },
  {
    name: 'an undeclared clustered index must make way for the declared one even without --allow-drop',
    current: db([t({ indexes: [ix('ix_legacy', ['n'], { clustered: true }), ix('ix_t_n', ['n'])] })]),
    desired: db([t({ pk: pk('pk_t', ['id'], { clustered: true }) })]),
    steps: ['dropIndex dbo.t.ix_legacy', 'addPrimaryKey dbo.t.pk_t'],
    skipped: ['index dbo.t.ix_t_n'],
    hazards: ['dropIndex dbo.t.ix_legacy: table-rebuild'],
    reversible: true,
  },
  {
    name: 'dropping nonclustered indexes before the clustered one',
    current: db([t({ pk: pk('pk_t', ['id']), indexes: [ix('ix_a', ['n'])] })]),
    desired: db([t({})]), allowDrop: true,
    steps: ['dropIndex dbo.t.ix_a', 'dropPrimaryKey dbo.t.pk_t'],
  },
  {
    name: 'a changed UNIQUE referenced by a FK: the FK is dropped and re-added around it',
    current: db([tenants({ uniques: [uq('uq_tenants_code', ['code'])] }), table('x', { columns: [col('code', 'varchar(10)')], fks: [fk('fk_x_code', ['code'], 'tenants', ['code'])] })]),
    desired: db([tenants({ uniques: [uq('uq_tenants_code', ['code desc'])] }), table('x', { columns: [col('code', 'varchar(10)')], fks: [fk('fk_x_code', ['code'], 'tenants', ['code'])] })]),
    steps: ['dropForeignKey dbo.x.fk_x_code', 'dropUnique dbo.tenants.uq_tenants_code', 'addUnique dbo.tenants.uq_tenants_code', 'addForeignKey dbo.x.fk_x_code'],
  },
  {
    name: 'an undeclared FK blocking a key change is dropped and re-added as it was',
    current: db([tenants(), t({ fks: [tenantFk()] })]),
    desired: db([tenants({ pk: pk('pk_tenants', ['id'], { clustered: false }) }), t({})]),
    steps: ['dropForeignKey dbo.t.fk_t_tenant', 'dropPrimaryKey dbo.tenants.pk_tenants', 'addPrimaryKey dbo.tenants.pk_tenants', 'addForeignKey dbo.t.fk_t_tenant'],
    skipped: ['foreignKey dbo.t.fk_t_tenant'],
  },
  {
    name: 'an undeclared table referencing a changed key keeps its FK (dropped and re-added)',
    current: db([tenants(), table('legacy', { columns: [col('tenant_id', 'int')], fks: [fk('fk_legacy_tenant', ['tenant_id'], 'tenants', ['id'])] })]),
    desired: db([tenants({ pk: pk('pk_tenants', ['id'], { clustered: false }) })]),
    steps: ['dropForeignKey dbo.legacy.fk_legacy_tenant', 'dropPrimaryKey dbo.tenants.pk_tenants', 'addPrimaryKey dbo.tenants.pk_tenants', 'addForeignKey dbo.legacy.fk_legacy_tenant'],
    skipped: ['table dbo.legacy.legacy'],
  },
  {
    name: 'a renamed table keeps the FKs that reference it',
    current: db([tenants(), t({ fks: [tenantFk()] })]),
    desired: db([table('customers', { columns: [col('id', 'int'), col('code', 'varchar(10)')], pk: pk('pk_tenants', ['id']), renamedFrom: 'tenants' }),
      t({ fks: [fk('fk_t_tenant', ['tenant_id'], 'customers', ['id'])] })]),
    steps: ['renameTable dbo.tenants->customers'],
  },
  {
    name: 'large tables: index builds and constraint scans are hazards',
    current: db([t({ rowCount: LARGE_TABLE_ROWS })]),
    desired: db([t({ indexes: [ix('ix_t_n', ['n'])], checks: [ck('ck_t_n', 'n > 0')] })]),
    steps: ['addCheck dbo.t.ck_t_n', 'createIndex dbo.t.ix_t_n'],
    hazards: ['addCheck dbo.t.ck_t_n: constraint-scan', 'createIndex dbo.t.ix_t_n: index-build'],
  },
  {
    name: 'a column rename keeps the constraints that follow it',
    current: db([tenants(), table('t', { columns: [col('id', 'int'), col('tid', 'int')], pk: pk('pk_t', ['id', 'tid']),
      fks: [fk('fk_t_tenant', ['tid'], 'tenants', ['id'])], defaults: [df('df_t_tid', 'tid', '0')] })]),
    desired: db([tenants(), table('t', { columns: [col('id', 'int'), col('tenant_id', 'int', { renamedFrom: 'tid' })], pk: pk('pk_t', ['id', 'tenant_id']),
      fks: [fk('fk_t_tenant', ['tenant_id'], 'tenants', ['id'])], defaults: [df('df_t_tid', 'tenant_id', '0')] })]),
    steps: ['renameColumn dbo.t.tid->tenant_id'],
  },
];

describe('differ: constraints and indexes', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => runCase(c));
});

test('an index made clustered is re-defined in place; its down script drops it and creates it nonclustered again (DROP_EXISTING cannot)', () => {
  const current = db([t({ pk: undefined, indexes: [ix('ix_a', ['id'], { clustered: true }), ix('ix_b', ['n'])] })]);
  const desired = db([t({ pk: undefined, indexes: [ix('ix_a', ['id']), ix('ix_b', ['n'], { clustered: true })] })]);
  const plan = diff(desired, current, { allowDrop: false });
  const up = renderScript(plan, { direction: 'up', databaseName: null }).text;
  const down = renderScript(plan, { direction: 'down', databaseName: null }).text;
  expect(up).toContain('CREATE CLUSTERED INDEX [ix_b] ON [dbo].[t] ([n]) WITH (DROP_EXISTING = ON);');
  const dropAt = down.indexOf('DROP INDEX [ix_b] ON [dbo].[t];');
  expect(dropAt).toBeGreaterThan(0);
  expect(down.indexOf('CREATE NONCLUSTERED INDEX [ix_b] ON [dbo].[t] ([n]);')).toBeGreaterThan(dropAt);
  expect(down).not.toMatch(/NONCLUSTERED INDEX \[ix_b\][^;]*DROP_EXISTING/);
  expectValidTsql(up);
  expectValidTsql(down);
});
