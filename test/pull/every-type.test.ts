/**
 * Every column type over the wire: the stand-in holds test/fixtures/sql/every-type.sql (rowversion
 * and its old name timestamp, sql_variant, hierarchyid, geography, geometry, text, ntext, image,
 * sysname, user alias types, and a primary XML index). `pull` then `plan` is empty; a change
 * applies and converges, its down script restores the catalog exactly, and the XML index is still
 * there afterwards; so do alias type changes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadCurrent } from '../../src/app/current';
import { compileSchema } from '../../src/compiler';
import { diff } from '../../src/differ';
import { renderScript } from '../../src/emitters';
import type { Database, Diagnostic } from '../../src/model';
import { comparable } from '../e2e/support/catalog-compare';
import { expectValidTsql } from '../support/tsql-grammar';
import { describeDiagnostics, describePlan } from './support';
import { schemac } from '../cli/run-cli';
import { fixtureStandin } from './fixture-standin';


describe('every column type, over the wire', () => {
  const fx = fixtureStandin('every-type.sql', 'Types#Secret1');
  const catalog = async () => comparable(await fx.catalog());
  const run = (script: string): Promise<void> => fx.run(script);
  const current = async (report: (d: readonly Diagnostic[]) => void = () => undefined): Promise<Database> =>
    (await loadCurrent({ cwd: fx.cwd, env: {}, report }, { kind: 'database', url: fx.url })).database;

  test('reads every type and the XML index without a warning, and pull then plan is empty', async () => {
    const warnings: Diagnostic[] = [];
    const db = await current((d) => warnings.push(...d));
    expect(describeDiagnostics(warnings)).toEqual([]);
    expect(db.tables.find((t) => t.name === 'documents')!.indexes.find((i) => i.name === 'pxml_documents_body')?.xml).toEqual({ kind: 'primary' });
    const documents = db.tables.find((t) => t.name === 'documents')!;
    expect(Object.fromEntries(documents.columns.map((c) => [c.name, c.type]))).toMatchObject({
      version: { name: 'rowversion' }, payload: { name: 'sql_variant' }, node: { name: 'hierarchyid' },
      place: { name: 'geography' }, shape: { name: 'geometry' }, legacy_notes: { name: 'text' },
      legacy_body: { name: 'ntext' }, legacy_photo: { name: 'image' },
      owner: { name: 'nvarchar', length: 128, alias: { schema: 'sys', name: 'sysname' } },
      contact: { name: 'nvarchar', length: 320, alias: { schema: 'dbo', name: 'Email' } },
    });
    expect(db.aliasTypes).toEqual([
      { schema: 'dbo', name: 'Email', base: { name: 'nvarchar', length: 320 }, nullable: false },
      { schema: 'dbo', name: 'Quantity', base: { name: 'decimal', precision: 12, scale: 3 }, nullable: true },
    ]);
    // A column declared with the type and neither NULL nor NOT NULL takes the type's NOT NULL.
    expect(db.tables.find((t) => t.name === 'audit_rows')!.columns.find((c) => c.name === 'actor')!.nullable).toBe(false);
    expect(db.tables.find((t) => t.name === 'audit_rows')!.columns.find((c) => c.name === 'stamp')!.type).toEqual({ name: 'rowversion' });

    const r = await schemac(['pull', '--database', fx.url], { cwd: fx.cwd });
    expect(r.code).toBe(0);
    const pulled = fs.readFileSync(path.join(fx.cwd, 'schema/documents.schema.ts'), 'utf8');
    for (const decorator of ['rowversion()', 'sql_variant(', 'hierarchyid(', 'geography(', 'geometry(', 'text(', 'ntext(', 'image(', 'sysname(']) {
      expect(pulled).toContain(`@Column.${decorator}`);
    }
    expect(pulled).toContain("@Column.alias(Email, { nullable: true })");
    expect(pulled).toContain("@XmlIndex('pxml_documents_body', 'body')");
    expect(pulled).toContain("import { Email } from './alias-types.schema';");
    expect(fs.readFileSync(path.join(fx.cwd, 'schema/alias-types.schema.ts'), 'utf8')).toContain([
      'export const Email = AliasType.nvarchar(320);',
      'export const Quantity = AliasType.decimal(12, 3, { nullable: true });',
    ].join('\n'));
    const compiled = compileSchema(path.join(fx.cwd, 'schema'));
    expect(describeDiagnostics(compiled.diagnostics.filter((d) => d.severity === 'error'))).toEqual([]);
    expect(describePlan(diff(compiled.database, db, { allowDrop: true }))).toEqual([]);
  });

  test('a change to the new types applies and converges; down restores the catalog; the XML index stays', async () => {
    const before = await catalog();
    const db = await current();
    const desired: Database = {
      ...db,
      tables: db.tables.map((t) => {
        const { opaque: _o, rowCount: _r, ...rest } = t;
        if (t.name !== 'documents') return rest;
        return {
          ...rest,
          columns: [
            // text -> varchar(max) (what the deprecated-type rule asks for), image dropped and re-added as varbinary(max) in place.
            ...rest.columns.map((c) => (c.name === 'legacy_notes' ? { ...c, type: { name: 'varchar' as const, length: 'max' as const } }
              : c.name === 'legacy_photo' ? { ...c, type: { name: 'varbinary' as const, length: 'max' as const } } : c)),
            { name: 'checked_at_version', type: { name: 'hierarchyid' as const }, nullable: true, identity: null, collation: null, computed: null },
          ],
        };
      }),
    };
    const plan = diff(desired, db, { allowDrop: false });
    expect(plan.refused).toBeUndefined();
    const up = renderScript(plan, { direction: 'up', databaseName: 'app' }).text;
    const down = renderScript(plan, { direction: 'down', databaseName: 'app' }).text;
    expectValidTsql(up);
    expectValidTsql(down);
    await run(up);
    expect(describePlan(diff(desired, await current(), { allowDrop: false }))).toEqual([]);
    const after = await catalog();
    expect(after.indexes).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'pxml_documents_body', type_desc: 'XML' })]));
    await run(down);
    expect(await catalog()).toEqual(before);
  });

  test('alias type changes apply and converge, and down restores the catalog exactly', async () => {
    const before = await catalog();
    const db = await current();
    const code = { schema: 'dbo', name: 'Code', base: { name: 'varchar' as const, length: 12 }, nullable: false };
    const desired: Database = {
      ...db,
      // A new type, an unused one redefined (DROP and CREATE TYPE), and columns moving onto and off aliases.
      aliasTypes: [...(db.aliasTypes ?? []).map((a) => (a.name === 'Quantity' ? { ...a, base: { name: 'decimal' as const, precision: 14, scale: 2 } } : a)), code],
      tables: db.tables.map((t) => {
        const { opaque: _o, rowCount: _r, ...rest } = t;
        if (t.name !== 'documents') return rest;
        return {
          ...rest,
          columns: [
            ...rest.columns.map((c) => (c.name === 'contact' ? { ...c, type: { name: 'nvarchar' as const, length: 320 } } : c)),
            { name: 'sku', type: { ...code.base, alias: { schema: 'dbo', name: 'Code' } }, nullable: true, identity: null, collation: null, computed: null },
          ],
        };
      }),
    };
    const plan = diff(desired, db, { allowDrop: false });
    expect(plan.refused).toBeUndefined();
    expect(describePlan(plan)).toEqual(expect.arrayContaining([expect.stringContaining('"kind":"createType"'), expect.stringContaining('"kind":"redefineType"')]));
    const up = renderScript(plan, { direction: 'up', databaseName: 'app' }).text;
    const down = renderScript(plan, { direction: 'down', databaseName: 'app' }).text;
    expectValidTsql(up);
    expectValidTsql(down);
    await run(up);
    expect(describePlan(diff(desired, await current(), { allowDrop: false }))).toEqual([]);
    await run(down);
    expect(await catalog()).toEqual(before);
  });

  test('redefining a type that columns use is refused, naming them, and plans nothing', async () => {
    const db = await current();
    const strip = (d: Database): Database => ({ ...d, tables: d.tables.map(({ opaque: _o, ...t }) => t) });
    const wider = { ...strip(db), aliasTypes: (db.aliasTypes ?? []).map((a) => (a.name === 'Email' ? { ...a, base: { name: 'nvarchar' as const, length: 400 } } : a)) };
    const plan = diff(wider, db, { allowDrop: false });
    expect(plan.steps).toEqual([]);
    expect(plan.refused).toEqual([expect.objectContaining({ change: 'redefine type dbo.Email', reason: expect.stringContaining('dbo.audit_rows.actor, dbo.documents.contact') })]);
  });

  test('a change to the column under the XML index drops and re-creates the index around it', async () => {
    const db = await current();
    const desired: Database = {
      ...db,
      tables: db.tables.map((t) => {
        const { opaque: _o, ...rest } = t;
        return t.name !== 'documents' ? rest : { ...rest, columns: rest.columns.map((c) => (c.name === 'body' ? { ...c, nullable: false } : c)) };
      }),
    };
    const plan = diff(desired, db, { allowDrop: false });
    expect(plan.refused).toBeUndefined();
    expect(plan.steps.map((st) => `${st.change.kind} ${'index' in st.change && st.change.index !== null && typeof st.change.index === 'object' ? st.change.index.name : ''}`.trim()))
      .toEqual(['dropIndex pxml_documents_body', 'alterColumn', 'createIndex pxml_documents_body']);
  });
});
