import type { Plan } from '../../src/differ/changes';
import { renderScript, SESSION_OPTIONS, statementsForDriver } from '../../src/emitters/tsql/script';
import { expectValidTsql, splitBatches } from '../support/tsql-grammar';
import {
  blockedAlterColumnPlan, col, createTenantsUsersPlan, irreversibleDropColumnPlan, plan, step, t,
} from './fixtures';
import { expectGolden } from '../support/golden';
import { KIND_EXAMPLES } from './kinds';

describe('golden scripts (reviewed against design.md rules 1-12)', () => {
  it('creates tenants and users: nonclustered GUID keys, clustered index first, filtered indexes, then the FK', () => {
    const script = renderScript(createTenantsUsersPlan(), { direction: 'up', databaseName: 'app' });
    expectGolden('tenants-users.up.sql', script.text);
    expect(expectValidTsql(script.text).gapsUsed).toEqual([]);
  });

  it('drops them again in reverse order', () => {
    const script = renderScript(createTenantsUsersPlan(), { direction: 'down', databaseName: 'app' });
    expectGolden('tenants-users.down.sql', script.text);
    expect(expectValidTsql(script.text).gapsUsed).toEqual([]);
  });

  it('drops a blocking default, alters the column, re-adds the default; and back', () => {
    const up = renderScript(blockedAlterColumnPlan(), { direction: 'up', databaseName: null });
    const down = renderScript(blockedAlterColumnPlan(), { direction: 'down', databaseName: null });
    expectGolden('blocked-alter-column.up.sql', up.text);
    expectGolden('blocked-alter-column.down.sql', down.text);
    expect(expectValidTsql(`${up.text}${down.text}`).gapsUsed).toEqual([]);
  });

  it('warns about an irreversible drop column, and the down script undoes everything else', () => {
    const up = renderScript(irreversibleDropColumnPlan(), { direction: 'up', databaseName: 'app', header: ['Catalog fingerprint: 3f2a9c'] });
    const down = renderScript(irreversibleDropColumnPlan(), { direction: 'down', databaseName: 'app' });
    expectGolden('irreversible-drop-column.up.sql', up.text);
    expectGolden('irreversible-drop-column.down.sql', down.text);
    expect(down.text).toContain('-- step 2 (dbo.users: drop column legacy_flags) cannot be undone: the dropped values cannot be restored');
    expect(down.text).toContain('ALTER TABLE [dbo].[users] DROP COLUMN [nickname];');
    expect(expectValidTsql(`${up.text}${down.text}`).gapsUsed).toEqual([]);
  });
});

describe('script assembly', () => {
  const tenantsUsers = createTenantsUsersPlan();
  const script = renderScript(tenantsUsers, { direction: 'up', databaseName: 'app' });

  it('sets each session option on its own line, before anything else runs', () => {
    expect(script.batches[0].statements).toEqual(SESSION_OPTIONS);
    expect(SESSION_OPTIONS).toContain('SET QUOTED_IDENTIFIER ON;');
    expect(SESSION_OPTIONS).toContain('SET XACT_ABORT ON;');
    expect(script.text).not.toMatch(/^SET \w+\s*,/m);
  });

  it('puts every statement in its own batch, each followed by a guard batch', () => {
    const stepBatches = script.batches.map((b, i) => ({ b, i })).filter(({ b }) => b.stepIndex !== null);
    expect(stepBatches).toHaveLength(tenantsUsers.steps.length);
    for (const { b, i } of stepBatches) {
      expect(b.statements).toHaveLength(1);
      expect(script.batches[i + 1].statements.join('\n')).toMatch(/^IF @@ERROR <> 0 AND @@TRANCOUNT > 0 ROLLBACK TRANSACTION;\nIF @@TRANCOUNT = 0 BEGIN PRINT .*SET NOEXEC ON; END;$/);
    }
    expect(stepBatches.map(({ b }) => b.stepIndex)).toEqual(tenantsUsers.steps.map((_, i) => i));
  });

  it('opens the transaction after the guard and commits at the end, then turns NOEXEC off', () => {
    const flat = script.batches.map((b) => b.statements.join('\n'));
    expect(flat[1]).toMatch(/^IF DB_NAME\(\) <> N'app'\nBEGIN\n {4}RAISERROR\(.*, 16, 1\);\n {4}SET NOEXEC ON;\nEND;$/);
    expect(flat[2]).toBe('BEGIN TRANSACTION;');
    expect(flat.slice(-2)).toEqual(['COMMIT TRANSACTION;', 'SET NOEXEC OFF;']);
    // The text is the batches, each closed by GO on its own line.
    expect(splitBatches(script.text)).toHaveLength(script.batches.length);
  });

  it('guards the database only when it knows which one, escaping its name', () => {
    const none = renderScript(tenantsUsers, { direction: 'up', databaseName: null });
    expect(none.text).not.toContain('DB_NAME()');
    const odd = renderScript(tenantsUsers, { direction: 'up', databaseName: "o'neil 100%" });
    expect(odd.text).toContain("IF DB_NAME() <> N'o''neil 100%'");
    expect(odd.text).toContain("planned against database o''neil 100%%;");
  });

  it('lists every hazard in the header', () => {
    const up = renderScript(irreversibleDropColumnPlan(), { direction: 'up', databaseName: null });
    const header = up.text.split('\nSET ANSI_NULLS ON;')[0];
    expect(header).toContain('-- WARNINGS:');
    expect(header).toContain('--   step 2 (dbo.users: drop column legacy_flags): data-loss: dbo.users.legacy_flags holds data in 1,204 rows; it is destroyed');
    expect(header).toContain('--   step 2 (dbo.users: drop column legacy_flags): irreversible: the dropped values cannot be restored');
  });

  it('renders the inverses in reverse order for down', () => {
    const down = renderScript(tenantsUsers, { direction: 'down', databaseName: null });
    const stepIndexes = down.batches.filter((b) => b.stepIndex !== null).map((b) => b.stepIndex);
    expect(stepIndexes).toEqual(tenantsUsers.steps.map((_, i) => i).reverse());
    expect(down.batches.find((b) => b.stepIndex === 0)?.statements).toEqual(['DROP TABLE [dbo].[tenants];']);
  });

  it('keeps a name with a line break inside its comment', () => {
    const evil = plan([step({ kind: 'addColumn', table: { schema: 'dbo', name: 'x\nDROP TABLE [dbo].[users];' }, column: col('c', t.int, { nullable: true }) }, null)]);
    const text = renderScript(evil, { direction: 'up', databaseName: null }).text;
    // Only the bracket-quoted identifier may span lines; the comment stays one line.
    expect(text.split('\n').filter((l) => l.startsWith('DROP TABLE [dbo].[users];'))).toEqual([]);
    expect(text).toContain('-- step 1: dbo.x DROP TABLE [dbo].[users];: add column c int NULL');
  });

  it('says so when there is nothing to do', () => {
    const empty: Plan = plan([]);
    const s = renderScript(empty, { direction: 'up', databaseName: 'app' });
    expect(s.batches).toEqual([]);
    expect(s.text).toContain('-- No changes. The database matches the schema.');
  });
});

describe('statements for the driver', () => {
  it('has the same statements with no GO, transaction control or guards, tagged with step and description', () => {
    const p = createTenantsUsersPlan();
    const statements = statementsForDriver(p, 'up');
    const scriptStatements = renderScript(p, { direction: 'up', databaseName: null }).batches
      .filter((b) => b.stepIndex !== null).flatMap((b) => b.statements);
    expect(statements.map((s) => s.sql)).toEqual(scriptStatements);
    for (const s of statements) expect(s.sql).not.toMatch(/^GO$|TRANSACTION|@@ERROR|NOEXEC/m);
    expect(statements[0]).toEqual({ sql: expect.stringMatching(/^CREATE TABLE \[dbo\]\.\[tenants\]/), stepIndex: 0, description: 'create table dbo.tenants (6 columns)' });
    expect(statements[2].description).toBe('dbo.tenants: create unique clustered index ix_tenants_index_id (index_id)');
  });

  it('leaves out steps that cannot be undone, in reverse order for down', () => {
    const down = statementsForDriver(irreversibleDropColumnPlan(), 'down');
    expect(down).toEqual([{ sql: 'ALTER TABLE [dbo].[users] DROP COLUMN [nickname];', stepIndex: 0, description: 'dbo.users: drop column nickname' }]);
  });

  it('gives a change with two statements both, under one step', () => {
    const p = plan([step(KIND_EXAMPLES.untrustConstraint.change, KIND_EXAMPLES.revalidateConstraint.change)]);
    expect(statementsForDriver(p, 'up').map((s) => s.stepIndex)).toEqual([0, 0]);
    const batches = renderScript(p, { direction: 'up', databaseName: null }).batches.filter((b) => b.stepIndex === 0);
    expect(batches).toHaveLength(2);
  });
});
