/** The plan lint rules: lock impact on large tables, at the levels the settings give. */
import { planForProduction, DEFAULT_PRODUCTION } from '../../src/differ/lock-impact';
import type { Change } from '../../src/differ/changes';
import { lintPlan, lintRules, planLintRules } from '../../src/lint';
import type { Database } from '../../src/model';
import { col, ix, step, t } from '../emitters/fixtures';

const USERS = { schema: 'dbo', name: 'users' };
const STANDARD = { engineEdition: 2, edition: 'Standard Edition (64-bit)', majorVersion: 16 };
const ENTERPRISE = { engineEdition: 3, edition: 'Enterprise Edition (64-bit)', majorVersion: 16 };
const BUILD: Change = { kind: 'createIndex', table: USERS, index: ix('ix_users_email', ['email']) };
const RETYPE: Change = { kind: 'alterColumn', table: USERS, from: col('n', t.int), to: col('n', t.bigint) };

function lintOf(changes: Change[], rows: number, server: Database['server'], rules: Record<string, 'off' | 'error' | 'warning' | 'info'> = {}) {
  const current: Database = {
    name: 'app', collation: 'SQL_Latin1_General_CP1_CI_AS', schemas: ['dbo'], server,
    tables: [{ ...USERS, columns: [], primaryKey: null, uniqueConstraints: [], indexes: [], checks: [], defaults: [], foreignKeys: [], rowCount: rows }],
  };
  const plan = planForProduction({ steps: changes.map((c) => step(c, null)), skipped: [] }, current, DEFAULT_PRODUCTION);
  return lintPlan(plan, { largeTableRows: 1_000_000 }, { rules }).map((d) => `${d.severity} ${d.code}: ${d.message}`);
}

describe('plan lint rules', () => {
  it('have ids no model rule uses', () => {
    const ids = [...lintRules, ...planLintRules].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('flag an offline index build on a large table, naming the step and why', () => {
    expect(lintOf([BUILD], 2_000_000, STANDARD)).toEqual([
      'warning offline-index-build: step 1 (dbo.users: create nonclustered index ix_users_email (email)): index-build, offline, S (Standard edition has no online index operations); 2,000,000 rows; writers wait for the whole build; run it on an edition with online index operations, or in a maintenance window',
    ]);
    expect(lintOf([BUILD], 2_000_000, ENTERPRISE)).toEqual([]);
    expect(lintOf([BUILD], 999_999, STANDARD)).toEqual([]);
  });

  it('flag a rewrite under Sch-M on a large table, and respect the configured levels', () => {
    const found = lintOf([RETYPE], 2_000_000, STANDARD);
    expect(found.map((f) => f.split(':')[0])).toEqual(['warning size-of-data-large-table', 'warning sch-m-large-table']);
    expect(lintOf([RETYPE], 2_000_000, STANDARD, { 'size-of-data-large-table': 'off', 'sch-m-large-table': 'error' }).map((f) => f.split(':')[0]))
      .toEqual(['error sch-m-large-table']);
  });
});
