import { countPlan, renderPlanText, summaryLine } from '../../src/emitters/plan-text';
import { blockedAlterColumnPlan, createTenantsUsersPlan, irreversibleDropColumnPlan, plan, step, USERS } from './fixtures';
import { KIND_EXAMPLES } from './kinds';

describe('plan text', () => {
  it('groups steps by table with markers, hazards under their step, skipped objects and a summary', () => {
    expect(renderPlanText(irreversibleDropColumnPlan(), { color: false })).toBe([
      'table dbo.users',
      '  + add column nickname nvarchar(50) NULL (step 1)',
      '  - drop column legacy_flags (step 2)',
      '      ! data-loss: dbo.users.legacy_flags holds data in 1,204 rows; it is destroyed',
      '      ! irreversible: the dropped values cannot be restored',
      '',
      'Skipped (left as they are):',
      '  ? table dbo.audit_log: not declared in the schema; --allow-drop drops it',
      '  ? index dbo.users.ix_users_old: not declared in the schema; --allow-drop drops it',
      '',
      'Plan: 0 tables to create, 1 to alter, 0 to drop.',
      '',
    ].join('\n'));
  });

  it('marks alterations with ~ and keeps plan order inside a table', () => {
    const text = renderPlanText(blockedAlterColumnPlan(), { color: false });
    expect(text.split('\n').filter((l) => /^ {2}[+~-] /.test(l))).toEqual([
      '  - drop default df_users_login_count on login_count (step 1)',
      '  ~ alter column login_count: int -> bigint (step 2)',
      '  + add default df_users_login_count on login_count: ((0)) (step 3)',
    ]);
  });

  it('counts created tables, not their indexes and keys, in the summary', () => {
    expect(summaryLine(countPlan(createTenantsUsersPlan()))).toBe('Plan: 2 tables to create, 0 to alter, 0 to drop.');
    const drop = plan([step(KIND_EXAMPLES.dropTable.change, null), step(KIND_EXAMPLES.createSchema.change, KIND_EXAMPLES.dropSchema.change)]);
    expect(summaryLine(countPlan(drop))).toBe('Plan: 0 tables to create, 0 to alter, 1 to drop; 1 schema to create.');
  });

  it('counts a table moved to another schema and renamed (transfer, then rename) once', () => {
    const moved = plan([
      step({ kind: 'transferTable', name: 'orders', from: 'sales', to: 'archive' }, null),
      step({ kind: 'renameTable', schema: 'archive', from: 'orders', to: 'purchases' }, null),
    ]);
    expect(summaryLine(countPlan(moved))).toBe('Plan: 0 tables to create, 1 to alter, 0 to drop.');
  });

  it('counts alias types apart from tables', () => {
    const types = plan([
      step(KIND_EXAMPLES.createType.change, KIND_EXAMPLES.dropType.change),
      step(KIND_EXAMPLES.redefineType.change, null),
      step(KIND_EXAMPLES.dropType.change, null),
      step(KIND_EXAMPLES.createTable.change, null),
    ]);
    expect(summaryLine(countPlan(types))).toBe('Plan: 1 table to create, 0 to alter, 0 to drop; 1 type to create, 1 type to redefine, 1 type to drop.');
  });

  it('says there is nothing to do, and still lists what it skipped', () => {
    expect(renderPlanText(plan([]), { color: false })).toBe('No changes. The database matches the schema.\n');
    const skippedOnly = plan([], [{ table: USERS, objectType: 'check', name: 'ck_old', reason: 'not declared' }]);
    // Not "the database matches the schema": the skipped object is still there.
    expect(renderPlanText(skippedOnly, { color: false })).toContain('  ? check dbo.users.ck_old: not declared\n\nNo changes to declared objects; 1 object in the database is not declared (skipped).\n');
  });

  it('flags a step without an inverse even when the differ gave no irreversible hazard', () => {
    const p = plan([step(KIND_EXAMPLES.backfillColumn.change, null)]);
    expect(renderPlanText(p, { color: false })).toContain('      ! irreversible: the down script cannot undo this step\n');
  });

  it('colours only when asked', () => {
    const coloured = renderPlanText(irreversibleDropColumnPlan(), { color: true });
    const plain = renderPlanText(irreversibleDropColumnPlan(), { color: false });
    expect(coloured).toContain('\u001b[32m+ add column');
    expect(coloured).toContain('\u001b[31m- drop column');
    expect(plain).not.toContain('\u001b[');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  it('describes every change kind', () => {
    const all = plan(Object.values(KIND_EXAMPLES).map((e) => step(e.change, null)));
    const lines = renderPlanText(all, { color: false }).split('\n').filter((l) => /^ {2}[+~-] /.test(l));
    expect(lines).toHaveLength(Object.keys(KIND_EXAMPLES).length);
  });
});
