/**
 * Differ cases for checks and foreign keys declared not validated (`validate: false`: the
 * model's trusted false) or disabled (`enabled: false`): what a kept constraint's state needs,
 * how a new one is added, and that the way down restores the catalog's state exactly.
 */
import { diff } from '../../src/differ';
import { LARGE_TABLE_ROWS } from '../../src/differ';
import { ck, col, db, fk, pk, table, type TableParts } from '../support/model-builders';
import { describe as subject, runCase, type DiffCase } from './run-case';

const cols = () => [col('id', 'int'), col('tenant_id', 'int'), col('n', 'int', { nullable: true })];
const t = (parts: Omit<TableParts, 'columns'>, rowCount?: number) => ({ ...table('t', { columns: cols(), ...parts }), ...(rowCount !== undefined ? { rowCount } : {}) });
const tenants = () => table('tenants', { columns: [col('id', 'int')], pk: pk('pk_tenants', ['id']) });
const NOCHECK = { trusted: false } as const;
const DISABLED = { trusted: false, enabled: false } as const;
const check = (o: { trusted?: boolean; enabled?: boolean } = {}) => ck('ck_t_n', 'n > 0', o);
const tenantFk = (o: { trusted?: boolean; enabled?: boolean } = {}) => fk('fk_t_tenant', ['tenant_id'], 'tenants', ['id'], o);

const cases: DiffCase[] = [
  {
    name: 'validate: false matches a trusted and an untrusted constraint: nothing to do (a trusted one stays trusted)',
    current: db([tenants(), t({ checks: [check()], fks: [tenantFk(NOCHECK)] })]),
    desired: db([tenants(), t({ checks: [check(NOCHECK)], fks: [tenantFk(NOCHECK)] })]),
    steps: [],
  },
  {
    name: 'validate: false over a disabled constraint enables it WITH NOCHECK (no scan); down disables it again',
    current: db([tenants(), t({ checks: [check(DISABLED)], fks: [tenantFk(DISABLED)] })]),
    desired: db([tenants(), t({ checks: [check(NOCHECK)], fks: [tenantFk(NOCHECK)] })]),
    steps: ['enableConstraint dbo.t.ck_t_n', 'enableConstraint dbo.t.fk_t_tenant'],
    noHazards: true,
  },
  {
    name: 'enabled: false disables a trusted and an untrusted constraint; down re-enables each as it was',
    current: db([tenants(), t({ checks: [check()], fks: [tenantFk(NOCHECK)] })]),
    desired: db([tenants(), t({ checks: [check(DISABLED)], fks: [tenantFk(DISABLED)] })]),
    steps: ['disableConstraint dbo.t.ck_t_n', 'disableConstraint dbo.t.fk_t_tenant (was untrusted)'],
    noHazards: true,
  },
  {
    name: 'enabled: false over a disabled constraint: nothing to do',
    current: db([tenants(), t({ checks: [check(DISABLED)], fks: [tenantFk(DISABLED)] })]),
    desired: db([tenants(), t({ checks: [check(DISABLED)], fks: [tenantFk(DISABLED)] })]),
    steps: [],
  },
  {
    name: 'the option removed from a disabled or untrusted constraint re-validates it WITH CHECK (a scan that can fail)',
    current: db([tenants(), t({ checks: [check(DISABLED)], fks: [tenantFk(NOCHECK)] })]),
    desired: db([tenants(), t({ checks: [check()], fks: [tenantFk()] })]),
    steps: ['revalidateConstraint dbo.t.ck_t_n', 'revalidateConstraint dbo.t.fk_t_tenant'],
    hazards: ['revalidateConstraint dbo.t.ck_t_n: constraint-scan', 'revalidateConstraint dbo.t.fk_t_tenant: constraint-scan'],
  },
  {
    name: 'a new check and FK declared validate: false on a large table are added WITH NOCHECK: no scan hazard',
    current: db([tenants(), t({}, LARGE_TABLE_ROWS * 10)]),
    desired: db([tenants(), t({ checks: [check(NOCHECK)], fks: [tenantFk(NOCHECK)] })]),
    steps: ['addCheck dbo.t.ck_t_n', 'addForeignKey dbo.t.fk_t_tenant'],
    noHazards: true,
  },
  {
    name: 'a new disabled check and FK are added, then disabled',
    current: db([tenants(), t({})]),
    desired: db([tenants(), t({ checks: [check(DISABLED)], fks: [tenantFk(DISABLED)] })]),
    steps: ['addCheck dbo.t.ck_t_n', 'addForeignKey dbo.t.fk_t_tenant'],
  },
  {
    name: 'an undeclared untrusted or disabled FK blocking a key change is re-added as it was (WITH NOCHECK, not a scan that orphans would fail)',
    current: db([tenants(), t({ fks: [tenantFk(NOCHECK), fk('fk_t_other', ['n'], 'tenants', ['id'], DISABLED)] })]),
    desired: db([{ ...tenants(), primaryKey: pk('pk_tenants', ['id'], { clustered: false }) }, t({})]),
    steps: ['dropForeignKey dbo.t.fk_t_other', 'dropForeignKey dbo.t.fk_t_tenant', 'dropPrimaryKey dbo.tenants.pk_tenants', 'addPrimaryKey dbo.tenants.pk_tenants',
      'addForeignKey dbo.t.fk_t_other', 'addForeignKey dbo.t.fk_t_tenant'],
    skipped: ['foreignKey dbo.t.fk_t_other', 'foreignKey dbo.t.fk_t_tenant'],
  },
  {
    name: 'a renamed constraint is disabled under its new name',
    current: db([tenants(), t({ checks: [ck('ck_old', 'n > 0')] })]),
    desired: db([tenants(), t({ checks: [ck('ck_new', 'n > 0', DISABLED)] })]), allowDrop: true,
    steps: ['renameConstraint dbo.t.ck_old->ck_new OBJECT', 'disableConstraint dbo.t.ck_new'],
  },
  {
    name: 'a changed definition under enabled: false is dropped and added disabled',
    current: db([tenants(), t({ checks: [check(DISABLED)] })]),
    desired: db([tenants(), t({ checks: [ck('ck_t_n', 'n >= 0', DISABLED)] })]),
    steps: ['dropCheck dbo.t.ck_t_n', 'addCheck dbo.t.ck_t_n'],
  },
];

describe('declared constraint state', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => runCase(c));

  it('re-adds an undeclared FK in the state it had, without a scan hazard', () => {
    const plan = diff(db([{ ...tenants(), primaryKey: pk('pk_tenants', ['id'], { clustered: false }) }, t({}, LARGE_TABLE_ROWS * 10)]),
      db([tenants(), t({ fks: [tenantFk(NOCHECK), fk('fk_t_other', ['n'], 'tenants', ['id'], DISABLED)] }, LARGE_TABLE_ROWS * 10)]), { allowDrop: false });
    const added = plan.steps.flatMap((s) => (s.change.kind === 'addForeignKey' ? [[s.change.constraint.name, s.change.constraint.trusted, s.change.constraint.enabled, s.hazards.length]] : []));
    expect(added).toEqual([['fk_t_other', false, false, 0], ['fk_t_tenant', false, true, 0]]);
  });

  it('disabling a trusted constraint warns that the down script re-validates it', () => {
    const plan = diff(db([tenants(), t({ checks: [check(DISABLED)] })]), db([tenants(), t({ checks: [check()] })]), { allowDrop: false });
    expect(plan.steps.map((s) => [subject(s.change), s.hazards.length, (s.downHazards ?? []).map((h) => h.code)])).toEqual([
      ['disableConstraint dbo.t.ck_t_n', 0, ['constraint-scan']],
    ]);
    expect(plan.steps[0]?.inverse).toEqual({ kind: 'revalidateConstraint', table: { schema: 'dbo', name: 't' }, name: 'ck_t_n', wasDisabled: true });
  });
});
