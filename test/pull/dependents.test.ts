/**
 * Objects that depend on tables, over the wire: the stand-in holds test/fixtures/sql/dependents.sql
 * (an indexed schema-bound view, a schema-bound view over it, a procedure and a trigger). `pull`
 * then `plan` is empty, even with --allow-drop (they are never managed); widening the column the
 * view binds applies (the views are dropped and re-created around it, in the one transaction) and
 * converges, and its down script restores the catalog exactly, definitions included; dropping the
 * column the procedure reads names it in plan text and JSON, and the procedure stays.
 */
import * as fs from 'fs';
import * as path from 'path';
import { comparable } from '../e2e/support/catalog-compare';
import { expectValidTsql } from '../support/tsql-grammar';
import { schemac } from '../cli/run-cli';
import { fixtureStandin } from './fixture-standin';


describe('objects that depend on tables, over the wire', () => {
  const fx = fixtureStandin('dependents.sql', 'Deps#Secret1');
  const catalog = () => fx.catalog();
  const run = (script: string): Promise<void> => fx.run(script);
  const usersFile = () => path.join(fx.cwd, 'schema/users.schema.ts');
  const editUsers = (from: RegExp, to: string) => {
    const text = fs.readFileSync(usersFile(), 'utf8');
    expect(text).toMatch(from);
    fs.writeFileSync(usersFile(), text.replace(from, to));
  };

  test('the catalog holds the modules and their dependencies; pull then plan is empty, even with --allow-drop', async () => {
    const s = await catalog();
    expect((s.sql_modules ?? []).map((m) => `${m.type} ${m.name} bound=${m.is_schema_bound}`)).toEqual([
      'V v_active_users bound=true', 'V v_active_emails bound=true', 'P p_legacy_codes bound=false', 'TR tr_users_touch bound=false',
    ]);
    expect(s.view_indexes).toEqual([expect.objectContaining({ name: 'ix_v_active_users_id', type_desc: 'CLUSTERED', is_unique: true })]);
    expect((await schemac(['pull', '--database', fx.url], { cwd: fx.cwd })).code).toBe(0);
    for (const flags of [[], ['--allow-drop']]) {
      const r = await schemac(['plan', '--database', fx.url, '--detailed-exitcode', ...flags], { cwd: fx.cwd });
      expect(r.stdout).toContain('No changes');
      expect(r.code).toBe(0);
    }
  });

  test('widening the column the indexed view binds: views dropped and re-created around it; converges; down restores the catalog exactly', async () => {
    const before = comparable(await catalog());
    editUsers(/@Column\.varchar\(255\)\s+email!/, '@Column.varchar(320) email!');
    const plan = await schemac(['plan', '--database', fx.url], { cwd: fx.cwd });
    expect(plan.stdout).toMatch(/dependent-rebuild.*schema-bound view dbo\.v_active_users is dropped and re-created from its stored definition around the change \(it binds dbo\.users\.email\); its indexes ix_v_active_users_id are built again/);
    expect(plan.stdout).toMatch(/dependent-rebuild.*schema-bound view dbo\.v_active_emails/);
    const up = await schemac(['emit-sql', '--database', fx.url], { cwd: fx.cwd });
    const down = await schemac(['emit-sql', '--down', '--database', fx.url], { cwd: fx.cwd });
    expectValidTsql(up.stdout);
    expectValidTsql(down.stdout);
    // The stored definition is re-run as it is, its leading comment included.
    const order = ['DROP VIEW [dbo].[v_active_emails]', 'DROP VIEW [dbo].[v_active_users]', 'ALTER COLUMN [email] varchar(320)', "EXEC(N'-- Schema-bound", 'CREATE VIEW [dbo].[v_active_users]', 'CREATE UNIQUE CLUSTERED INDEX [ix_v_active_users_id]', "EXEC(N'CREATE VIEW [dbo].[v_active_emails]"]
      .map((s) => up.stdout.indexOf(s));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] as number)))).toBe(true);

    const applied = await schemac(['apply', '--database', fx.url, '--auto-approve'], { cwd: fx.cwd });
    expect(applied.stderr).not.toMatch(/error/i);
    expect(applied.code).toBe(0);
    const after = await catalog();
    expect(after.columns.find((c) => c.name === 'email')?.max_length).toBe(320);
    // Re-created from the stored text: definitions identical, the index back.
    expect(comparable(after).sql_modules).toEqual(before.sql_modules);
    expect(after.view_indexes).toEqual([expect.objectContaining({ name: 'ix_v_active_users_id' })]);
    expect((await schemac(['plan', '--database', fx.url, '--detailed-exitcode'], { cwd: fx.cwd })).code).toBe(0);

    await run(down.stdout);
    expect(comparable(await catalog())).toEqual(before);
    editUsers(/@Column\.varchar\(320\)\s+email!/, '@Column.varchar(255) email!');
  });

  test('dropping the column the procedure reads: the hazard names it in text and JSON; with --allow-drop it goes and the procedure stays', async () => {
    editUsers(/\n *@Column[^\n]*\n *legacyCode![^\n]*\n/, '\n');
    const text = await schemac(['plan', '--database', fx.url, '--allow-drop'], { cwd: fx.cwd });
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain('dependent-object');
    expect(text.stdout).toContain('procedure dbo.p_legacy_codes reads dbo.users.legacy_code, which this step drops');
    const json = JSON.parse((await schemac(['plan', '--database', fx.url, '--allow-drop', '--format', 'json'], { cwd: fx.cwd })).stdout) as { hazards: { code: string; message: string }[] };
    expect(json.hazards).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'dependent-object', message: expect.stringContaining('dbo.p_legacy_codes reads dbo.users.legacy_code') })]));
    const applied = await schemac(['apply', '--database', fx.url, '--allow-drop', '--allow-data-loss', '--auto-approve'], { cwd: fx.cwd });
    expect(applied.code).toBe(0);
    const s = await catalog();
    expect(s.columns.map((c) => c.name)).not.toContain('legacy_code');
    expect((s.sql_modules ?? []).map((m) => m.name)).toContain('p_legacy_codes');
    expect((await schemac(['plan', '--database', fx.url, '--allow-drop', '--detailed-exitcode'], { cwd: fx.cwd })).code).toBe(0);
  });

  test('dropping the column a schema-bound view binds is refused, naming the view', async () => {
    editUsers(/\n *@Column[^\n]*\s+email![^\n]*\n/, '\n');
    const r = await schemac(['plan', '--database', fx.url, '--allow-drop'], { cwd: fx.cwd });
    expect(r.stdout).toMatch(/drop column email: schema-bound view dbo\.v_active_users reads dbo\.users\.email/);
  });
});
