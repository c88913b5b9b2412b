/**
 * Differ cases for renames: declared (renamedFrom) and structural (only the name differs),
 * each one sp_rename with an exact inverse; the mixin table rename; stale declarations; and
 * what plans do with system-generated names.
 */
import { diff } from '../../src/differ';
import { renderPlanJson } from '../../src/emitters/plan-json';
import { renderPlanText } from '../../src/emitters/plan-text';
import { renderScript } from '../../src/emitters/tsql/script';
import { ck, col, db, df, fk, ix, pk, table, uq, type TableParts } from '../support/model-builders';
import { describe as describeChange, runCase, type DiffCase } from './run-case';
import type { Table } from '../../src/model';

const cols = () => [col('id', 'int'), col('index_id', 'bigint'), col('tenant_id', 'int'), col('is_deleted', 'bit'), col('code', 'varchar(40)')];
const tenants = () => table('tenants', { columns: [col('id', 'int')], pk: pk('pk_tenants', ['id'], { clustered: false }) });

/** A table built from the mixin: every object named after the table, as `{table}` templates expand. */
function mixinTable(name: string, extra: Partial<TableParts> = {}): Table {
  return table(name, {
    columns: cols(),
    pk: pk(`pk_${name}`, ['id'], { clustered: false }),
    indexes: [
      ix(`ix_${name}_index_id`, ['index_id'], { unique: true, clustered: true }),
      ix(`ix_${name}_active`, ['is_deleted'], { filter: 'is_deleted = 0' }),
      // Two indexes of one definition: only their names (the old table name in them) tell them apart.
      ix(`ix_${name}_code_a`, ['code']),
      ix(`ix_${name}_code_b`, ['code']),
    ],
    checks: [ck(`ck_${name}_code`, "code <> ''")],
    defaults: [df(`df_${name}_is_deleted`, 'is_deleted', '0')],
    fks: [fk(`fk_${name}_tenant`, ['tenant_id'], 'tenants', ['id'])],
    uniques: [uq(`uq_${name}_tenant_code`, ['tenant_id', 'code'])],
    rowCount: 1000,
    ...extra,
  });
}

const t = (parts: Omit<TableParts, 'columns'>) => table('t', { columns: cols(), rowCount: 50, ...parts });

const cases: DiffCase[] = [
  {
    name: 'a mixin table renamed: the table and each {table}-named object by sp_rename, nothing rebuilt',
    current: db([tenants(), mixinTable('orders')]),
    desired: db([tenants(), mixinTable('purchases', { renamedFrom: 'orders' })]),
    allowDrop: true,
    steps: [
      'renameTable dbo.orders->purchases',
      'renameConstraint dbo.purchases.ck_orders_code->ck_purchases_code OBJECT',
      'renameConstraint dbo.purchases.df_orders_is_deleted->df_purchases_is_deleted OBJECT',
      'renameConstraint dbo.purchases.fk_orders_tenant->fk_purchases_tenant OBJECT',
      'renameConstraint dbo.purchases.ix_orders_active->ix_purchases_active INDEX',
      'renameConstraint dbo.purchases.ix_orders_code_a->ix_purchases_code_a INDEX',
      'renameConstraint dbo.purchases.ix_orders_code_b->ix_purchases_code_b INDEX',
      'renameConstraint dbo.purchases.ix_orders_index_id->ix_purchases_index_id INDEX',
      'renameConstraint dbo.purchases.pk_orders->pk_purchases OBJECT',
      'renameConstraint dbo.purchases.uq_orders_tenant_code->uq_purchases_tenant_code OBJECT',
    ],
    noHazards: true,
  },
  {
    name: 'a clustered primary key renamed is one sp_rename (no rebuild of the table or its indexes)',
    current: db([t({ pk: pk('pk_t', ['id']), indexes: [ix('ix_t_code', ['code'])] })]),
    desired: db([t({ pk: pk('pk_t_id', ['id']), indexes: [ix('ix_t_code', ['code'])] })]),
    steps: ['renameConstraint dbo.t.pk_t->pk_t_id OBJECT'],
    noHazards: true,
  },
  {
    name: 'an index renamed by renamedFrom is one sp_rename INDEX',
    current: db([t({ indexes: [ix('ix_old', ['code']), ix('ix_other', ['code'])] })]),
    desired: db([t({ indexes: [ix('ix_new', ['code'], { renamedFrom: 'ix_old' }), ix('ix_other', ['code'])] })]),
    steps: ['renameConstraint dbo.t.ix_old->ix_new INDEX'],
  },
  {
    name: 'a declared rename of a check among look-alikes renames exactly the one named',
    current: db([t({ checks: [ck('ck_a', 'code <> \'\''), ck('ck_b', 'code <> \'\'')] })]),
    desired: db([t({ checks: [ck('ck_a', 'code <> \'\''), ck('ck_c', 'code <> \'\'', { renamedFrom: 'ck_b' })] })]),
    steps: ['renameConstraint dbo.t.ck_b->ck_c OBJECT'],
  },
  {
    name: 'a foreign key renamed is one sp_rename, its data never re-validated',
    current: db([tenants(), t({ fks: [fk('fk_t_tenants', ['tenant_id'], 'tenants', ['id'])] })]),
    desired: db([tenants(), t({ fks: [fk('fk_t_tenant', ['tenant_id'], 'tenants', ['id'], { renamedFrom: 'fk_t_tenants' })] })]),
    steps: ['renameConstraint dbo.t.fk_t_tenants->fk_t_tenant OBJECT'],
    noHazards: true,
  },
  {
    name: 'a default renamed is one sp_rename (a default pairs by its column)',
    current: db([t({ defaults: [df('df_deleted', 'is_deleted', '0')] })]),
    desired: db([t({ defaults: [df('df_t_is_deleted', 'is_deleted', '0')] })]),
    steps: ['renameConstraint dbo.t.df_deleted->df_t_is_deleted OBJECT'],
  },
  {
    name: 'a UNIQUE constraint renamed is one sp_rename',
    current: db([t({ uniques: [uq('uq_old', ['code'])] })]),
    desired: db([t({ uniques: [uq('uq_t_code', ['code'], { renamedFrom: 'uq_old' })] })]),
    steps: ['renameConstraint dbo.t.uq_old->uq_t_code OBJECT'],
  },
  {
    name: 'a rename with a new definition is a rebuild under the new name',
    current: db([t({ indexes: [ix('ix_old', ['code'])] })]),
    desired: db([t({ indexes: [ix('ix_new', ['code', 'id'], { renamedFrom: 'ix_old' })] })]),
    steps: ['dropIndex dbo.t.ix_old', 'createIndex dbo.t.ix_new'],
  },
  {
    name: 'a declared rename already applied is harmless',
    current: db([t({ indexes: [ix('ix_new', ['code'])] })]),
    desired: db([t({ indexes: [ix('ix_new', ['code'], { renamedFrom: 'ix_old' })] })]),
    steps: [],
  },
  {
    name: 'swapped columns (a -> b, b -> a) go through a temporary name, each step one sp_rename',
    current: db([table('s', { columns: [col('id', 'int'), col('a', 'int'), col('b', 'varchar(10)')], rowCount: 5 })]),
    desired: db([table('s', { columns: [col('id', 'int'), col('b', 'int', { renamedFrom: 'a' }), col('a', 'varchar(10)', { renamedFrom: 'b' })] })]),
    steps: ['renameColumn dbo.s.b->a_schemac_swap', 'renameColumn dbo.s.a->b', 'renameColumn dbo.s.a_schemac_swap->a'],
    noHazards: true,
  },
  {
    name: 'a swap once applied plans nothing, its declarations still in place',
    current: db([table('s', { columns: [col('id', 'int'), col('a', 'varchar(10)'), col('b', 'int')], rowCount: 5 })]),
    desired: db([table('s', { columns: [col('id', 'int'), col('b', 'int', { renamedFrom: 'a' }), col('a', 'varchar(10)', { renamedFrom: 'b' })] })]),
    steps: [],
  },
  {
    name: 'a three-way rotation of columns (a -> b -> c -> a) needs one temporary name',
    current: db([table('s', { columns: [col('a', 'int'), col('b', 'bigint'), col('c', 'varchar(5)')], rowCount: 5 })]),
    desired: db([table('s', { columns: [col('b', 'int', { renamedFrom: 'a' }), col('c', 'bigint', { renamedFrom: 'b' }), col('a', 'varchar(5)', { renamedFrom: 'c' })] })]),
    steps: ['renameColumn dbo.s.c->a_schemac_swap', 'renameColumn dbo.s.b->c', 'renameColumn dbo.s.a->b', 'renameColumn dbo.s.a_schemac_swap->a'],
    noHazards: true,
  },
  {
    name: 'a chain of column renames (a -> b while b -> c) renames the far end first',
    current: db([table('s', { columns: [col('id', 'int'), col('a', 'int'), col('b', 'varchar(10)')], rowCount: 5 })]),
    desired: db([table('s', { columns: [col('id', 'int'), col('b', 'int', { renamedFrom: 'a' }), col('c', 'varchar(10)', { renamedFrom: 'b' })] })]),
    steps: ['renameColumn dbo.s.b->c', 'renameColumn dbo.s.a->b'],
    noHazards: true,
  },
  {
    name: 'swapped index names with different definitions: renamed through a temporary name, not redefined',
    current: db([t({ indexes: [ix('ix_a', ['code']), ix('ix_b', ['tenant_id'])] })]),
    desired: db([t({ indexes: [ix('ix_b', ['code'], { renamedFrom: 'ix_a' }), ix('ix_a', ['tenant_id'], { renamedFrom: 'ix_b' })] })]),
    steps: ['renameConstraint dbo.t.ix_b->ix_a_schemac_swap INDEX', 'renameConstraint dbo.t.ix_a->ix_b INDEX', 'renameConstraint dbo.t.ix_a_schemac_swap->ix_a INDEX'],
    noHazards: true,
  },
  {
    name: 'swapped check names, and a chain of foreign key names',
    current: db([tenants(), t({ checks: [ck('ck_a', 'id > 0'), ck('ck_b', "code <> ''")], fks: [fk('fk_1', ['tenant_id'], 'tenants', ['id'])] })]),
    desired: db([tenants(), t({
      checks: [ck('ck_b', 'id > 0', { renamedFrom: 'ck_a' }), ck('ck_a', "code <> ''", { renamedFrom: 'ck_b' })],
      fks: [fk('fk_2', ['tenant_id'], 'tenants', ['id'], { renamedFrom: 'fk_1' })],
    })]),
    steps: ['renameConstraint dbo.t.fk_1->fk_2 OBJECT', 'renameConstraint dbo.t.ck_b->ck_a_schemac_swap OBJECT', 'renameConstraint dbo.t.ck_a->ck_b OBJECT', 'renameConstraint dbo.t.ck_a_schemac_swap->ck_a OBJECT'],
    noHazards: true,
  },
  {
    name: 'swapped tables: through a temporary table name',
    current: db([table('x', { columns: [col('id', 'int')], rowCount: 3 }), table('y', { columns: [col('code', 'varchar(5)')], rowCount: 3 })]),
    desired: db([{ ...table('y', { columns: [col('id', 'int')] }), renamedFrom: 'x' }, { ...table('x', { columns: [col('code', 'varchar(5)')] }), renamedFrom: 'y' }]),
    steps: ['renameTable dbo.y->x_schemac_swap', 'renameTable dbo.x->y', 'renameTable dbo.x_schemac_swap->x'],
    noHazards: true,
  },
  {
    name: 'a chain once applied plans nothing',
    current: db([table('s', { columns: [col('id', 'int'), col('b', 'int'), col('c', 'varchar(10)')], rowCount: 5 })]),
    desired: db([table('s', { columns: [col('id', 'int'), col('b', 'int', { renamedFrom: 'a' }), col('c', 'varchar(10)', { renamedFrom: 'b' })] })]),
    steps: [],
  },
];

describe('differ: renames', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => runCase(c));

  it('widening an indexed varchar: the up step alters in place; its inverse rebuilds the index and the UNIQUE around the narrowing', () => {
    const before = db([t({ indexes: [ix('ix_t_code', ['code'])], uniques: [uq('uq_t_code', ['code'])] })]);
    const wide = table('t', { columns: cols().map((c) => (c.name === 'code' ? col('code', 'varchar(64)') : c)), indexes: [ix('ix_t_code', ['code'])], uniques: [uq('uq_t_code', ['code'])] });
    const plan = diff(db([wide]), before, { allowDrop: false });
    expect(plan.steps.map((s) => describeChange(s.change))).toEqual(['alterColumn dbo.t.code']);
    const only = plan.steps[0];
    expect(only?.change).toMatchObject({ kind: 'alterColumn' });
    expect(only?.change.kind === 'alterColumn' ? only.change.around : 'not an alter').toBeUndefined();
    expect(only?.inverse).toMatchObject({ kind: 'alterColumn', around: [{ kind: 'unique', constraint: { name: 'uq_t_code' } }, { kind: 'index', index: { name: 'ix_t_code' } }] });
    // The up step is safe; the down script's narrowing and rebuild are what carry the hazards.
    expect(only?.hazards).toEqual([]);
    expect(only?.downHazards?.map((h) => [h.code, h.message])).toEqual([
      ['data-loss', 'the down script narrows dbo.t.code from varchar(64) back to varchar(40): it fails (and undoes nothing) if a longer value was written since'],
      ['index-build', 'the down script drops and rebuilds uq_t_code, ix_t_code around the narrowing of code (SQL Server cannot shrink an indexed column in place): it reads all 50 rows of dbo.t'],
    ]);
    const text = renderPlanText(plan, { color: false });
    expect(text).toContain('! down: data-loss: the down script narrows dbo.t.code from varchar(64) back to varchar(40)');
    expect(text).toContain('! down: index-build: the down script drops and rebuilds uq_t_code, ix_t_code');
    const down = renderScript(plan, { direction: 'down', databaseName: null }).text;
    expect(down).toContain('--   undoing step 1 (dbo.t: alter column code: varchar(40) -> varchar(64)): data-loss: the down script narrows');
    expect(renderPlanJson(plan, { fingerprint: 'x' }).changes[0]?.downHazards.map((h) => h.code)).toEqual(['data-loss', 'index-build']);
  });

  it('a down script that takes fractional digits away says it rounds; one that takes integer digits says it can fail', () => {
    const downOf = (from: string, to: string) => {
      const plan = diff(db([table('t', { columns: [col('id', 'int'), col('at', to)] })]), db([table('t', { columns: [col('id', 'int'), col('at', from)], rowCount: 5 })]), { allowDrop: false });
      return plan.steps[0]?.downHazards?.map((h) => h.message);
    };
    expect(downOf('datetime2(0)', 'datetime2(3)')).toEqual(['the down script narrows dbo.t.at from datetime2(3) back to datetime2(0): values written since are rounded to datetime2(0)']);
    expect(downOf('decimal(10,2)', 'decimal(12,4)')).toEqual(['the down script narrows dbo.t.at from decimal(12,4) back to decimal(10,2): values written since are rounded to decimal(10,2)']);
    expect(downOf('decimal(10,2)', 'decimal(14,2)')).toEqual(['the down script narrows dbo.t.at from decimal(14,2) back to decimal(10,2): it fails (and undoes nothing) if a value that does not fit was written since']);
    expect(downOf('int', 'bigint')).toEqual(['the down script narrows dbo.t.at from bigint back to int: it fails (and undoes nothing) if a value that does not fit was written since']);
  });

  it('without a row count (a plan made from files, as review and migrate make it) the hazards still read as sentences', () => {
    const unknown = (x: Table): Table => { const { rowCount: _rows, ...rest } = x; return rest; };
    const before = db([unknown(t({ indexes: [ix('ix_t_code', ['code'])] })), unknown(table('old', { columns: [col('id', 'int')] }))]);
    const wide = table('t', { columns: cols().map((c) => (c.name === 'code' ? col('code', 'varchar(64)') : c)), indexes: [ix('ix_t_code', ['code'])] });
    const plan = diff(db([wide]), before, { allowDrop: true });
    const messages = plan.steps.flatMap((s) => [...s.hazards, ...(s.downHazards ?? [])].map((h) => h.message));
    expect(messages).toEqual(expect.arrayContaining([
      'drops table dbo.old and its rows',
      'the down script drops and rebuilds ix_t_code around the narrowing of code (SQL Server cannot shrink an indexed column in place): it reads every row of dbo.t',
    ]));
  });

  it('plans nothing for a declared swap of two columns of one definition, and says why', () => {
    const current = db([table('s', { columns: [col('first_name', 'varchar(50)'), col('last_name', 'varchar(50)')] })]);
    const desired = db([table('s', { columns: [col('last_name', 'varchar(50)', { renamedFrom: 'first_name' }), col('first_name', 'varchar(50)', { renamedFrom: 'last_name' })] })]);
    const plan = diff(desired, current, { allowDrop: false });
    expect(plan.steps).toEqual([]);
    expect(plan.warnings?.map((w) => w.message)).toEqual([expect.stringContaining('columns last_name, first_name declare renames among each other (a swap), but they have the same definition')]);
  });

  it('warns about a renamedFrom whose old name exists neither in the database nor under the new name', () => {
    const current = db([t({ indexes: [] })]);
    const desired = db([t({ indexes: [ix('ix_new', ['code'], { renamedFrom: 'ix_typo' })] })]);
    const plan = diff(desired, current, { allowDrop: false });
    expect(plan.steps.map((s) => describeChange(s.change))).toEqual(['createIndex dbo.t.ix_new']);
    expect(plan.warnings).toEqual([{ table: { schema: 'dbo', name: 't' }, message: expect.stringMatching(/index ix_new declares renamedFrom 'ix_typo'.*neither ix_typo nor ix_new/) }]);
    // Once applied (the new name exists), the declaration is silent.
    const applied = db([t({ indexes: [ix('ix_new', ['code'])] })]);
    expect(diff(desired, applied, { allowDrop: false }).warnings).toEqual([]);
  });

  it('warns about stale table and column renames too', () => {
    const desired = db([table('t2', { columns: [col('id', 'int'), col('c2', 'int', { renamedFrom: 'zzz' })], renamedFrom: 'nope' })]);
    const plan = diff(desired, db([]), { allowDrop: false });
    expect((plan.warnings ?? []).map((w) => w.message)).toEqual([expect.stringMatching(/^table dbo\.t2 declares renamedFrom 'nope'/)]);
    const kept = diff(desired, db([table('t2', { columns: [col('id', 'int')] })]), { allowDrop: false });
    expect((kept.warnings ?? []).map((w) => w.message)).toEqual([expect.stringMatching(/^column c2 declares renamedFrom 'zzz'/)]);
  });

  it('adopts convention names for system-named objects by default, and leaves them with systemNames: keep', () => {
    const current = db([t({ defaults: [df('DF__t__is_del__3B75D760', 'is_deleted', '((0))', { system: true })], checks: [ck('CK__t__code__1A2B3C4D', "code <> ''", { system: true })] })]);
    const desired = db([t({ defaults: [df('df_t_is_deleted', 'is_deleted', '0')], checks: [ck('ck_t_code', "code <> ''")] })]);
    const adopt = diff(desired, current, { allowDrop: false });
    expect(adopt.steps.map((s) => describeChange(s.change))).toEqual([
      'renameConstraint dbo.t.CK__t__code__1A2B3C4D->ck_t_code OBJECT',
      'renameConstraint dbo.t.DF__t__is_del__3B75D760->df_t_is_deleted OBJECT',
    ]);
    expect(diff(desired, current, { allowDrop: false, systemNames: 'keep' }).steps).toEqual([]);
  });
});
