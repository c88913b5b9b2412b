import { formatPlanJson, renderPlanJson } from '../../src/emitters/plan-json';
import { irreversibleDropColumnPlan, plan } from './fixtures';

describe('plan JSON (schemac.plan/v1)', () => {
  const doc = renderPlanJson(irreversibleDropColumnPlan(), { fingerprint: 'sha256:abc', databaseName: 'app' });

  it('has the documented keys in a stable order', () => {
    expect(Object.keys(doc)).toEqual(['format', 'fingerprint', 'database', 'changes', 'skipped', 'warnings', 'hazards', 'statements']);
    expect(Object.keys(doc.changes[0])).toEqual(['index', 'kind', 'table', 'object', 'summary', 'delta', 'hazards', 'downHazards', 'reversible', 'impact']);
    expect(doc.format).toBe('schemac.plan/v1');
    expect(doc.fingerprint).toBe('sha256:abc');
    expect(doc.database).toBe('app');
  });

  it('describes each change with its hazards and whether it can be undone', () => {
    expect(doc.changes).toEqual([
      { index: 1, kind: 'addColumn', table: { schema: 'dbo', name: 'users' }, object: 'nickname', summary: 'add column nickname nvarchar(50) NULL', delta: null, hazards: [], downHazards: [], reversible: true, impact: null },
      {
        index: 2, kind: 'dropColumn', table: { schema: 'dbo', name: 'users' }, object: 'legacy_flags', summary: 'drop column legacy_flags', delta: null,
        hazards: [
          { code: 'data-loss', message: 'dbo.users.legacy_flags holds data in 1,204 rows; it is destroyed' },
          { code: 'irreversible', message: 'the dropped values cannot be restored' },
        ],
        downHazards: [],
        reversible: false,
        impact: null,
      },
    ]);
    expect(doc.hazards.map((h) => [h.index, h.code])).toEqual([[2, 'data-loss'], [2, 'irreversible']]);
    expect(doc.skipped[0]).toEqual({ objectType: 'table', schema: 'dbo', table: 'audit_log', name: 'audit_log', reason: 'not declared in the schema; --allow-drop drops it' });
  });

  it('carries the driver statements both ways', () => {
    expect(doc.statements.up).toEqual([
      { index: 1, sql: 'ALTER TABLE [dbo].[users] ADD [nickname] nvarchar(50) NULL;' },
      { index: 2, sql: 'ALTER TABLE [dbo].[users] DROP COLUMN [legacy_flags];' },
    ]);
    expect(doc.statements.down).toEqual([{ index: 1, sql: 'ALTER TABLE [dbo].[users] DROP COLUMN [nickname];' }]);
  });

  it('serializes an empty plan, and round-trips through JSON', () => {
    const text = formatPlanJson(plan([]), { fingerprint: 'f' });
    expect(JSON.parse(text)).toEqual({ format: 'schemac.plan/v1', fingerprint: 'f', database: null, changes: [], skipped: [], warnings: [], hazards: [], statements: { up: [], down: [] } });
    expect(text.endsWith('}\n')).toBe(true);
  });
});
