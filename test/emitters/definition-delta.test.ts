/** Old -> new side by side: a re-created check, FK, default or key and a redefined index show what differs. */
import { diff } from '../../src/differ';
import { makeExpression } from '../../src/expr';
import { defaultNameKey } from '../../src/sqlserver/names';
import { renderPlanJson } from '../../src/emitters/plan-json';
import { renderPlanText } from '../../src/emitters/plan-text';
import { ck, col, db, df, fk, ix, pk, table, uq, type TableParts } from '../support/model-builders';
import type { CheckConstraint } from '../../src/model';

const cols = () => [col('id', 'int'), col('status', 'varchar(20)'), col('tenant_id', 'int'), col('n', 'int', { nullable: true })];
const t = (parts: Omit<TableParts, 'columns'>) => table('t', { columns: cols(), ...parts });
const tenants = () => table('tenants', { columns: [col('id', 'int'), col('code', 'varchar(10)')], pk: pk('pk_tenants', ['id']), uniques: [uq('uq_tenants_code', ['code'])] });

/** A check as SQL Server stores an IN list: an OR chain in reverse order. */
function storedInList(name: string, written: string, stored: string): CheckConstraint {
  const c = ck(name, written);
  return { ...c, expression: { text: stored, canonical: makeExpression(stored, defaultNameKey).expression.canonical, parsed: true } };
}

describe('what differs, old -> new', () => {
  const current = db([tenants(), t({
    pk: pk('pk_t', ['id']),
    defaults: [df('df_t_status', 'status', "'a'")],
    checks: [storedInList('ck_t_status', "status IN ('a','b')", "([status]='b' OR [status]='a')")],
    indexes: [ix('ix_t_status', ['status'], { include: ['n'] })],
    fks: [fk('fk_t_tenant', ['tenant_id'], 'tenants', ['id'])],
  })]);
  const desired = db([tenants(), t({
    pk: pk('pk_t', ['id', 'tenant_id']),
    defaults: [df('df_t_status', 'status', "'b'")],
    checks: [ck('ck_t_status', "status IN ('a','b','c')")],
    indexes: [ix('ix_t_status', ['status'], { include: ['n', 'id'] })],
    fks: [fk('fk_t_tenant', ['tenant_id'], 'tenants', ['id'], { onDelete: 'CASCADE', onUpdate: 'NO_ACTION' })],
  })]);
  const plan = diff(desired, current, { allowDrop: false });
  const text = renderPlanText(plan, { color: false });
  const json = renderPlanJson(plan, { fingerprint: 'sha256:x' });

  it('shows a re-created check as one allowed-values list against the other, whatever form SQL Server stored', () => {
    expect(text).toContain("~ re-create check ck_t_status: CHECK (status IN ('a', 'b')) -> CHECK (status IN ('a', 'b', 'c'))");
  });

  it('shows what changes in a foreign key, a default and a primary key', () => {
    expect(text).toContain('~ re-create foreign key fk_t_tenant: ON DELETE NO ACTION -> ON DELETE CASCADE');
    expect(text).toContain("~ re-create default df_t_status: DEFAULT ('a') -> DEFAULT ('b')");
    expect(text).toContain('~ re-create primary key pk_t: (id) -> (id, tenant_id)');
    expect(text).toContain('~ alter index ix_t_status in place (DROP_EXISTING): INCLUDE (n) -> INCLUDE (n, id)');
  });

  it('gives the parts in JSON, null for steps that alter nothing', () => {
    const byKind = (kind: string) => json.changes.find((c) => c.kind === kind);
    expect(byKind('addForeignKey')?.delta).toEqual([{ part: 'onDelete', from: 'ON DELETE NO ACTION', to: 'ON DELETE CASCADE' }]);
    expect(byKind('addCheck')?.delta).toEqual([{ part: 'expression', from: "CHECK (status IN ('a', 'b'))", to: "CHECK (status IN ('a', 'b', 'c'))" }]);
    expect(byKind('redefineIndex')?.delta).toEqual([{ part: 'include', from: 'INCLUDE (n)', to: 'INCLUDE (n, id)' }]);
    expect(byKind('dropForeignKey')?.delta).toBeNull();
  });

  it('names a target and column change of a foreign key, and a rename together with a redefinition', () => {
    const before = db([tenants(), t({ fks: [fk('fk_t_tenant', ['tenant_id'], 'tenants', ['id'])] })]);
    const after = db([tenants(), t({ fks: [{ ...fk('fk_t_tenant_code', ['status'], 'tenants', ['code'], { onUpdate: 'CASCADE' }), renamedFrom: 'fk_t_tenant' }] })]);
    const out = renderPlanJson(diff(after, before, { allowDrop: false }), { fingerprint: 'x' });
    expect(out.changes.find((c) => c.kind === 'addForeignKey')?.delta).toEqual([
      { part: 'name', from: 'fk_t_tenant', to: 'fk_t_tenant_code' },
      { part: 'columns', from: '(tenant_id)', to: '(status)' },
      { part: 'references', from: 'dbo.tenants (id)', to: 'dbo.tenants (code)' },
      { part: 'onUpdate', from: 'ON UPDATE NO ACTION', to: 'ON UPDATE CASCADE' },
    ]);
  });
});

describe('what a new index is, in one line', () => {
  it('says columnstore for a nonclustered columnstore index and not for a rowstore one', () => {
    const facts = table('facts', { columns: [col('id', 'int'), col('amount', 'int')] });
    const desired = db([{ ...facts, indexes: [{ ...ix('ncci_facts', ['id', 'amount']), columnstore: true }, ix('ix_facts_id', ['id'])] }]);
    const text = renderPlanText(diff(desired, db([facts]), { allowDrop: false }), { color: false });
    expect(text).toContain('+ create nonclustered columnstore index ncci_facts (id, amount)');
    expect(text).toContain('+ create nonclustered index ix_facts_id (id)');
  });
});
