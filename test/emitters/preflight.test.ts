/**
 * Issue 11 item 3: the pre-flight batch's text. What it counts for each kind of step is
 * checked over the wire (test/e2e/preflight.test.ts); here: it is valid T-SQL, one SELECT per
 * kind, reads the names the database has now, and leaves out what cannot be counted.
 */
import type { Change, Plan } from '../../src/differ/changes';
import { preflightBatch } from '../../src/emitters/tsql/preflight';
import { col, ck, db, expr, fk, ix, pk, table, uq } from '../support/model-builders';
import { expectValidTsql } from '../support/tsql-grammar';

const planOf = (...changes: Change[]): Plan => ({ steps: changes.map((change) => ({ change, hazards: [], inverse: null })), skipped: [], warnings: [] });
const key = (n: string) => n.toLowerCase();

const accounts = table('accounts', {
  columns: [col('id', 'int'), col('code', 'varchar(20)'), col('tenant_id', 'int', { nullable: true }), col('note', 'nvarchar(100)', { nullable: true }), col('is_deleted', 'bit')],
  pk: pk('pk_accounts', ['id']), rowCount: 10,
});
const tenants = table('tenants', { columns: [col('id', 'int')], pk: pk('pk_tenants', ['id']), rowCount: 3 });
const current = db([accounts, tenants]);
const ref = { schema: 'dbo', name: 'accounts' };

describe('the pre-flight batch', () => {
  it('is valid T-SQL with one SELECT per kind of check, samples included', () => {
    const plan = planOf(
      { kind: 'alterColumn', table: ref, from: accounts.columns[2]!, to: col('tenant_id', 'int') },
      { kind: 'alterColumn', table: ref, from: accounts.columns[3]!, to: col('note', 'varchar(10)', { nullable: true }) },
      { kind: 'addCheck', table: ref, constraint: ck('ck_accounts_code', "[code] IN ('a', 'b')") },
      { kind: 'createIndex', table: ref, index: ix('ix_accounts_code', ['code'], { unique: true, filter: '[is_deleted] = 0' }) },
      { kind: 'addUnique', table: ref, constraint: uq('uq_accounts_code_tenant', ['code', 'tenant_id']) },
      { kind: 'addForeignKey', table: ref, constraint: fk('fk_accounts_tenant', ['tenant_id'], 'tenants', ['id']) },
    );
    const batch = preflightBatch(plan, current, { samples: true, key });
    expect(batch.checks.map((c) => [c.stepIndex, c.kind])).toEqual([[0, 'not-null'], [1, 'narrowing'], [2, 'check'], [3, 'duplicates'], [4, 'duplicates'], [5, 'orphans']]);
    expect(batch.gaps).toEqual([]);
    expectValidTsql(batch.sql!);
    const kinds = batch.sql!.split('\n').filter((l) => l.startsWith('-- pre-flight'));
    expect(kinds).toEqual(['not-null', 'narrowing', 'check', 'duplicates', 'orphans'].flatMap((k) => [`-- pre-flight: ${k}`]).concat(
      ['not-null', 'narrowing', 'check', 'duplicates', 'orphans'].map((k) => `-- pre-flight samples: ${k}`)));
    // Two UNIQUE checks share one SELECT; the filter of the filtered index is respected.
    expect(batch.sql).toContain('WHERE [is_deleted] = 0 GROUP BY [code] HAVING COUNT_BIG(*) > 1');
    expect(batch.sql).toMatch(/UNION ALL\nSELECT 5 AS \[check_id\]/);
    expect(batch.sql).toContain('NOT EXISTS (SELECT 1 FROM [dbo].[tenants] AS [p] WHERE [p].[id] = [c].[tenant_id])');
  });

  it('reads a renamed table and column under the names the database has now', () => {
    const plan = planOf(
      { kind: 'renameTable', schema: 'dbo', from: 'accounts', to: 'customers' },
      { kind: 'renameColumn', table: { schema: 'dbo', name: 'customers' }, from: 'tenant_id', to: 'org_id' },
      { kind: 'alterColumn', table: { schema: 'dbo', name: 'customers' }, from: col('org_id', 'int', { nullable: true }), to: col('org_id', 'int') },
    );
    const batch = preflightBatch(plan, current, { samples: false, key });
    expect(batch.sql).toBe('-- pre-flight: not-null\nSELECT 1 AS [check_id], COUNT_BIG(*) AS [violations] FROM [dbo].[accounts] WHERE [tenant_id] IS NULL;');
    expectValidTsql(batch.sql!);
  });

  it('traces a column through a swap (a -> tmp, b -> a, tmp -> b) to the name the database has now', () => {
    const plan = planOf(
      { kind: 'renameColumn', table: ref, from: 'note', to: 'code_schemac_swap' },
      { kind: 'renameColumn', table: ref, from: 'code', to: 'note' },
      { kind: 'renameColumn', table: ref, from: 'code_schemac_swap', to: 'code' },
      { kind: 'alterColumn', table: ref, from: col('code', 'nvarchar(100)', { nullable: true }), to: col('code', 'nvarchar(100)') },
    );
    const batch = preflightBatch(plan, current, { samples: false, key });
    expect(batch.sql).toBe('-- pre-flight: not-null\nSELECT 1 AS [check_id], COUNT_BIG(*) AS [violations] FROM [dbo].[accounts] WHERE [note] IS NULL;');
  });

  it('counts nothing on tables the plan creates, nor NULLs a backfill fills first', () => {
    const fresh = { schema: 'dbo', name: 'fresh' };
    const plan = planOf(
      { kind: 'createTable', table: table('fresh', { columns: [col('id', 'int')] }) },
      { kind: 'createIndex', table: fresh, index: ix('ix_fresh_id', ['id'], { unique: true }) },
      { kind: 'backfillColumn', table: ref, column: 'tenant_id', expression: expr('0') },
      { kind: 'alterColumn', table: ref, from: accounts.columns[2]!, to: col('tenant_id', 'int') },
    );
    expect(preflightBatch(plan, current, { samples: false, key })).toEqual({ sql: null, checks: [], gaps: [] });
  });

  it('says which steps it cannot count: a check on a column the plan adds', () => {
    const plan = planOf(
      { kind: 'addColumn', table: ref, column: col('region', 'varchar(10)', { nullable: true }) },
      { kind: 'addCheck', table: ref, constraint: ck('ck_accounts_region', "[region] <> ''") },
    );
    const batch = preflightBatch(plan, current, { samples: false, key });
    expect(batch.sql).toBeNull();
    expect(batch.gaps).toEqual([{ stepIndex: 1, kind: 'check', reason: 'check ck_accounts_region names region, which the plan adds or renames' }]);
  });
});
