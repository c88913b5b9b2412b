/**
 * The brownfield case of issue 3: a database an ORM created for the example schema (system-named
 * PKs and defaults, no default on users.id, definitions as SQL Server stores them). The plan must
 * hold exactly the fixes, and nothing is rebuilt.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';
import { compileSchema } from '../../src/compiler';
import { diff } from '../../src/differ';
import { applyPlan } from '../support/simulate';
import { expectValidTsql } from '../support/tsql-grammar';
import { repoRoot, schemac } from './run-cli';

const fixture = 'test/fixtures/catalog/brownfield.json';

function brownfield() {
  const file = path.join(repoRoot, fixture);
  return snapshotToModel(parseSnapshot(fs.readFileSync(file, 'utf8'), file)).database;
}

describe('planning against the ORM-made database', () => {
  const desired = compileSchema(path.join(repoRoot, 'schema')).database;

  it('renames the system-named constraints, adds the missing default, and nothing else', () => {
    const plan = diff(desired, brownfield(), { allowDrop: false });
    const kinds = plan.steps.map((s) => s.change.kind);
    expect(new Set(kinds)).toEqual(new Set(['renameConstraint', 'addDefault']));
    const renames = plan.steps.flatMap((s) => (s.change.kind === 'renameConstraint' ? [`${s.change.from} -> ${s.change.to}`] : []));
    expect(renames).toEqual(expect.arrayContaining([
      'PK__users__3213E83F7EFD826D -> pk_users',
      'DF__users__statu__3B75D760 -> df_users_status',
    ]));
    expect(renames.every((r) => /^(PK|DF)__/.test(r))).toBe(true);
    const added = plan.steps.flatMap((s) => (s.change.kind === 'addDefault' ? [`${s.change.table.name}.${s.change.constraint.column}`] : []));
    expect(added).toEqual(['users.id']);
    expect(plan.skipped).toEqual([]);
    expect(plan.steps.every((s) => s.hazards.length === 0)).toBe(true);
  });

  it('converges: after the fixes, planning again is empty, and down gets back to the start', () => {
    const start = brownfield();
    const plan = diff(desired, start, { allowDrop: false });
    const after = applyPlan(start, plan.steps, 'up');
    expect(diff(desired, after, { allowDrop: false }).steps).toEqual([]);
    const back = applyPlan(after, plan.steps, 'down');
    expect(diff(start, back, { allowDrop: false }).steps).toEqual([]);
  });

  it('emits sp_rename for the renames, guarded by the database name, in valid T-SQL', async () => {
    const r = await schemac(['emit-sql', '--catalog', fixture]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("IF DB_NAME() <> N'app'");
    expect(r.stdout).toContain("EXEC sp_rename N'[dbo].[DF__users__statu__3B75D760]', N'df_users_status', N'OBJECT';");
    expect(r.stdout).not.toMatch(/DROP (INDEX|CONSTRAINT|TABLE)/);
    expectValidTsql(r.stdout);
  });

  it('plan --format json is the documented schemac.plan/v1 document', async () => {
    const r = await schemac(['plan', '--catalog', fixture, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.format).toBe('schemac.plan/v1');
    expect(doc.database).toBe('app');
    expect(doc.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.changes).toHaveLength(13);
    expect(doc.statements.up).toHaveLength(13);
    expect(Object.keys(doc)).toEqual(['format', 'fingerprint', 'database', 'changes', 'skipped', 'warnings', 'hazards', 'statements']);
  });
});
