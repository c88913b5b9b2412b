/**
 * The acceptance property of pull: the files it writes compile back to the database it read,
 * so a plan made right after pull, against that same database, has nothing to do.
 */
import { brownfieldSnapshot, describeDiagnostics, describePlan, expectPlansToNothing, modelOf, roundTrip } from './support';
import type { CatalogSnapshot } from '../../src/catalog/snapshot';
import { templatedDatabase, tenantDatabase, variedDatabase } from './varied-db';
import { col, db, ix, pk, seq, table } from '../support/model-builders';

/** Brownfield after its defaults were renamed to the convention (df_<table>_<column>). */
function conventionDefaults(s: CatalogSnapshot): CatalogSnapshot {
  const tables = new Map(s.tables.map((t) => [t.object_id, t.name]));
  const columns = new Map(s.columns.map((c) => [`${c.object_id}/${c.column_id}`, c.name]));
  return {
    ...s,
    default_constraints: s.default_constraints.map((d) => ({
      ...d, is_system_named: false, name: `df_${tables.get(d.parent_object_id)}_${columns.get(`${d.parent_object_id}/${d.parent_column_id}`)}`,
    })),
  };
}

describe('pull, then plan against the same database', () => {
  test('brownfield with convention-named defaults: the compiled files plan to nothing', () => {
    const { diagnostics, plan, pulled } = roundTrip(modelOf(conventionDefaults(brownfieldSnapshot())));
    expectPlansToNothing({ pulled, diagnostics, plan });
  });

  // System-named defaults and keys (DF__users__statu__3B75D760, PK__users__...) are not written:
  // the files carry schemac's names, and systemNames "keep" leaves the database's as they are.
  test('brownfield as the ORM left it (system-named defaults): with systemNames "keep" the compiled files plan to nothing', () => {
    const { diagnostics, plan, pulled } = roundTrip(modelOf(brownfieldSnapshot()), 'keep');
    expect(describeDiagnostics(diagnostics)).toEqual([]);
    expect(describePlan(plan)).toEqual([]);
    expect(pulled.files.map((f) => f.text).join('\n')).not.toMatch(/(PK|DF|UQ|FK|CK)__/);
  });

  test('brownfield as the ORM left it: with systemNames "adopt" the plan is the sp_renames and nothing else', () => {
    const { diagnostics, plan } = roundTrip(modelOf(brownfieldSnapshot()), 'adopt');
    expect(describeDiagnostics(diagnostics)).toEqual([]);
    expect(plan.steps.length).toBeGreaterThan(0);
    expect(plan.steps.every((s) => s.change.kind === 'renameConstraint')).toBe(true);
    const renames = plan.steps.flatMap((s) => (s.change.kind === 'renameConstraint' ? [`${s.change.from} -> ${s.change.to}`] : []));
    expect(renames).toEqual(expect.arrayContaining(['PK__users__3213E83F7EFD826D -> pk_users', 'DF__users__statu__3B75D760 -> df_users_status']));
  });
});

describe('pull, then plan, on hand-made databases', () => {
  test('every kind of object (schemas, computed, collation, identity, FK actions, checks) plans to nothing', () => {
    const { diagnostics, plan, pulled } = roundTrip(variedDatabase());
    expectPlansToNothing({ pulled, diagnostics, plan });
  });

  test('nested mixins (audited, then tenant-scoped) plan to nothing', () => {
    const { diagnostics, plan, pulled } = roundTrip(tenantDatabase());
    expect(pulled.files.map((f) => f.path)).toEqual([
      'base-entity.schema.ts', 'projects.schema.ts', 'tenant-scoped-entity.schema.ts', 'tenants.schema.ts', 'users.schema.ts',
    ]);
    expect(describeDiagnostics(diagnostics)).toEqual([]);
    expect(describePlan(plan)).toEqual([]);
  });

  test('a mixin with a {table}-named primary key, index and check plans to nothing', () => {
    const { diagnostics, plan, pulled } = roundTrip(templatedDatabase());
    expect(pulled.files.map((f) => f.path)).toEqual(['aa.schema.ts', 'base-entity.schema.ts', 'bb.schema.ts']);
    expect(describeDiagnostics(diagnostics)).toEqual([]);
    expect(describePlan(plan)).toEqual([]);
  });

  test('names in other scripts become identifiers that keep their letters (Näme is näme, not nMe), and plan to nothing', () => {
    const lines = table('verkäufe.Bestellübersicht', {
      columns: [col('id', 'int'), col('Näme', 'nvarchar(50)'), col('größe_kg', 'decimal(9,3)', { nullable: true }), col('日付', 'date', { nullable: true }), col('2fa', 'bit', { nullable: true })],
      pk: pk('pk_bestellübersicht', ['id']),
    });
    const { diagnostics, plan, pulled } = roundTrip(db([lines]));
    expectPlansToNothing({ pulled, diagnostics, plan });
    const text = pulled.files.map((f) => f.text).join('\n');
    expect(text).toContain('export class Bestellübersicht');
    for (const field of ['näme!: string;', 'größeKg!: number | null;', '日付!: Date | null;', '_2fa!: boolean | null;']) expect(text).toContain(field);
  });

  test('a filtered index whose IN list SQL Server keeps as an OR chain is written with IN again, and plans to nothing', () => {
    const orders = table('orders', {
      columns: [col('id', 'int'), col('st', 'int'), col('code', 'nvarchar(5)', { nullable: true }), col('d', 'date', { nullable: true })],
      pk: pk('pk_orders', ['id']),
      indexes: [
        ix('ix_orders_st', ['st'], { filter: '([st]=(3) OR [st]=(2) OR [st]=(1))' }),
        ix('ix_orders_code', ['code'], { filter: "([code]=N'b' OR [code]=N'a') AND [d] IS NOT NULL AND ([st]=(-1) OR [st]=(0))" }),
        ix('ix_orders_d', ['d'], { filter: "([d]>'2020-01-01')" }),
      ],
    });
    const { diagnostics, plan, pulled } = roundTrip(db([orders]));
    expect(describeDiagnostics(diagnostics)).toEqual([]);
    expect(describePlan(plan)).toEqual([]);
    const text = pulled.files.map((f) => f.text).join('\n');
    expect(text).toContain('where: sql`[st] IN (1, 2, 3)`');
    expect(text).toContain("where: sql`[code] IN (N'a', N'b') AND [d] IS NOT NULL AND [st] IN (0, -1)`");
    expect(text).toContain("where: sql`[d]>'2020-01-01'`");
  });

  test('what the schema API cannot say is reported by pull, and is all that plan then shows', () => {
    const base = tenantDatabase();
    const changed = {
      ...base,
      // archive holds nothing; numbering holds only a sequence, which declares it.
      schemas: [...base.schemas, 'archive', 'numbering'].sort(),
      sequences: [seq('numbering.invoice_no')],
    };
    const { diagnostics, plan, pulled } = roundTrip(changed);
    expect(pulled.problems).toEqual([
      'schema archive holds no table, sequence or alias type; a schema is declared only through what it holds, so plan lists it as not declared',
    ]);
    expect(describeDiagnostics(diagnostics)).toEqual([]);
    expect(plan.steps.map((s) => s.change.kind)).toEqual([]);
    expect(plan.skipped.map((s) => `${s.objectType} ${s.name}`)).toEqual(['schema archive']);
  });
});
