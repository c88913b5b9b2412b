/**
 * One test per diagnostic code: each case is its own schema file with one mistake, and asserts
 * the code at the exact line:column. All cases compile in ONE run, which also shows that every
 * error of a run is reported (and nothing else is).
 */
import * as path from 'path';
import { compileFiles, locations, where } from './compile-helpers';

const imports = "import { Check, Column, DefaultName, ForeignKey, Index, Mixin, PrimaryKey, Table, Unique, sql } from 'schemac';\n";

interface Case {
  readonly title: string;
  readonly code: string;
  readonly source: string;
  /** Text the diagnostic points at; `nth` occurrence, `skip` characters in. */
  readonly at: string;
  readonly nth?: number;
  readonly skip?: number;
  readonly severity?: 'warning';
}

const cases: Case[] = [
  { title: 'a decorator argument that is not a literal', code: 'SC1001', at: 'pick()', source: `
const pick = (): string => 'x';
@Table(pick()) export class NotStatic { @Column.int() a!: number; }` },
  { title: 'a column type with no SQL Server mapping', code: 'SC1101', at: 'Column.blob', source: `
@Table('t_unknown_type') export class UnknownType { @Column.blob() body!: string; }` },
  { title: 'a field with no column decorator', code: 'SC1102', at: 'blob', source: `
@Table('t_unmapped') export class Unmapped { @Column.int() a!: number; blob!: object; }` },
  { title: 'a length outside the type\'s range', code: 'SC1103', at: '9000', source: `
@Table('t_facet') export class Facet { @Column.varchar(9000) a!: string; }` },
  { title: 'IDENTITY on a nullable column', code: 'SC1104', at: 'nullable: true', skip: 10, source: `
@Table('t_ident_null') export class IdentNull { @Column.int({ nullable: true, identity: [1, 1] }) a!: number | null; }` },
  { title: 'a default on an IDENTITY column', code: 'SC1104', at: '5 }', source: `
@Table('t_ident_default') export class IdentDefault { @Column.int({ identity: true, default: 5 }) a!: number; }` },
  { title: 'IDENTITY on a non-integer column', code: 'SC1104', at: 'true', source: `
@Table('t_ident_varchar') export class IdentVarchar { @Column.varchar(10, { identity: true }) a!: string; }` },
  { title: 'a default literal of the wrong type', code: 'SC1104', at: "'zero'", source: `
@Table('t_default_type') export class DefaultType { @Column.int({ default: 'zero' }) a!: number; }` },
  { title: 'two rowversion columns', code: 'SC1108', at: 'b!', source: `
@Table('t_two_rv') export class TwoRv { @Column.rowversion() a!: Uint8Array; @Column.rowversion() b!: Uint8Array; }` },
  { title: 'a default on a rowversion column', code: 'SC1109', at: 'sql`0x01`', source: `
@Table('t_rv_default') export class RvDefault { @Column.rowversion({ default: sql\`0x01\` } as any) v!: Uint8Array; }` },
  { title: 'two IDENTITY columns', code: 'SC1105', at: 'true', nth: 1, source: `
@Table('t_two_ident') export class TwoIdent { @Column.int({ identity: true }) a!: number; @Column.int({ identity: true }) b!: number; }` },
  { title: 'a primary key on a nullable column', code: 'SC1106', at: 'primaryKey: true', skip: 12, source: `
@Table('t_null_pk') export class NullPk { @Column.int({ nullable: true, primaryKey: true }) a!: number | null; }` },
  { title: 'a field type admitting null on a NOT NULL column (warning)', code: 'SC1107', severity: 'warning', at: 'note?', source: `
@Table('t_null_field') export class NullField { @Column.int() a!: number; @Column.varchar(10) note?: string; }` },
  { title: 'a nullable column whose field type cannot hold null (warning)', code: 'SC1107', severity: 'warning', at: 'b!', source: `
@Table('t_null_column') export class NullColumn { @Column.int() a!: number; @Column.int({ nullable: true }) b!: number; }` },
  { title: 'an index name declared twice', code: 'SC1201', at: "'ix_dup'", nth: 1, source: `
@Table('t_dup_index') @Index('ix_dup', ['a']) @Index('ix_dup', ['b'])
export class DupIndex { @Column.int() a!: number; @Column.int() b!: number; }` },
  { title: 'a column name declared twice', code: 'SC1201', at: 'b!', source: `
@Table('t_dup_column') export class DupColumn { @Column.int() a!: number; @Column.int({ name: 'a' }) b!: number; }` },
  { title: 'a default named twice by @DefaultName (mixin and table)', code: 'SC1201', at: "'df_b_{table}'", source: `
@Mixin() @DefaultName('df_a_{table}', 'a') export abstract class DfTwiceBase { @Column.int({ default: 0 }) a!: number; }
@Table('t_df_twice') @DefaultName('df_b_{table}', 'a') export class DfTwice extends DfTwiceBase { }` },
  { title: 'a table declared twice', code: 'SC1201', at: "'t_dup_table'", nth: 1, source: `
@Table('t_dup_table') export class DupTable1 { @Column.int() a!: number; }
@Table('t_dup_table') export class DupTable2 { @Column.int() a!: number; }` },
  { title: 'two generated names that collide', code: 'SC1202', at: '1 }', nth: 1, source: `
@Table('gen_a') export class GenA { @Column.int({ default: 1 }) bC!: number; }
@Table('gen_a_b') export class GenAB { @Column.int({ default: 1 }) c!: number; }` },
  { title: 'a written identifier over 128 characters', code: 'SC1203', at: `'ix_${'x'.repeat(130)}'`, source: `
@Table('t_long_name') @Index('ix_${'x'.repeat(130)}', ['a']) export class LongName { @Column.int() a!: number; }` },
  { title: 'a generated identifier over 128 characters', code: 'SC1204', at: '7 }', source: `
@Table('t_long_gen') export class LongGen { @Column.int({ name: '${'c'.repeat(125)}', default: 7 }) a!: number; }` },
  { title: 'an unknown placeholder in a name template', code: 'SC1205', at: "'ix_{tbl}_a'", source: `
@Table('t_placeholder') @Index('ix_{tbl}_a', ['a']) export class Placeholder { @Column.int() a!: number; }` },
  { title: 'an index on a column that does not exist', code: 'SC1301', at: "'nope'", source: `
@Table('t_unknown_col') @Index('ix_unknown_col', ['a', 'nope']) export class UnknownCol { @Column.int() a!: number; }` },
  { title: 'a check naming a column that does not exist', code: 'SC1301', at: 'sql`', source: `
@Table('t_check_col') @Check('ck_check_col', sql\`[missing] > 0\`) export class CheckCol { @Column.int() a!: number; }` },
  { title: '@DefaultName of a field the table does not have', code: 'SC1301', at: "'stauts'", source: `
@Table('t_df_field') @DefaultName('DF__t_df_field__1', 'stauts') export class DfField { @Column.varchar(20, { default: 'a' }) status!: string; }` },
  { title: 'a foreign key to a class that is not a table', code: 'SC1302', at: '() => Helper', source: `
export class Helper { id!: number; }
@Table('t_fk_helper') @ForeignKey(['a'], () => Helper) export class FkHelper { @Column.int() a!: number; }` },
  { title: 'a foreign key whose column count differs from the referenced key', code: 'SC1303', at: "['id']", source: `
@Table('t_fk_parent') export class FkParent { @Column.int({ primaryKey: true }) id!: number; @Column.varchar(5) code!: string; }
@Table('t_fk_count') @ForeignKey('fk_count', ['a', 'b'], () => FkParent, ['id'])
export class FkCount { @Column.int() a!: number; @Column.int() b!: number; }` },
  { title: 'a foreign key whose column types differ', code: 'SC1303', at: '@ForeignKey', source: `
import { FkParent } from './sc1303-a-foreign-key-whose-column-count-differs-from-the-referenced-key.schema';
@Table('t_fk_type') @ForeignKey('fk_type', ['a'], () => FkParent)
export class FkType { @Column.bigint() a!: number; }` },
  { title: 'a foreign key to columns that are not a key', code: 'SC1304', at: "['code']", source: `
import { FkParent } from './sc1303-a-foreign-key-whose-column-count-differs-from-the-referenced-key.schema';
@Table('t_fk_notkey') @ForeignKey('fk_notkey', ['a'], () => FkParent, ['code'])
export class FkNotKey { @Column.varchar(5) a!: string; }` },
  { title: '@DefaultName of a column that declares no default', code: 'SC1305', at: "'b')", source: `
@Table('t_df_none') @DefaultName('df_none', 'b') export class DfNone { @Column.int({ default: 1 }) a!: number; @Column.int() b!: number; }` },
  { title: 'a table extending a class that is not a mixin', code: 'SC1402', at: 'Plain {', nth: 1, source: `
export class Plain { }
@Table('t_extends') export class ExtendsPlain extends Plain { @Column.int() a!: number; }` },
  { title: 'two primary keys', code: 'SC1403', at: '@PrimaryKey', source: `
@Table('t_two_pk') @PrimaryKey(['b']) export class TwoPk { @Column.int({ primaryKey: true }) a!: number; @Column.int() b!: number; }` },
  { title: 'two clustered indexes', code: 'SC1501', at: "@Index('ix_c2'", source: `
@Table('t_two_clustered') @Index('ix_c1', ['a'], { clustered: true }) @Index('ix_c2', ['b'], { clustered: true })
export class TwoClustered { @Column.int() a!: number; @Column.int() b!: number; }` },
  { title: 'a filter predicate SQL Server refuses', code: 'SC1502', at: 'sql`', source: `
@Table('t_bad_filter') @Index('ix_bad_filter', ['a'], { where: sql\`[a] = 1 OR [b] = 2\` })
export class BadFilter { @Column.int() a!: number; @Column.int() b!: number; }` },
  { title: 'a filter on a clustered index', code: 'SC1503', at: 'sql`', source: `
@Table('t_clustered_filter') @Index('ix_clustered_filter', ['a'], { clustered: true, where: sql\`[a] > 0\` })
export class ClusteredFilter { @Column.int() a!: number; }` },
  { title: 'activeOnly on a table with no softDelete column', code: 'SC1504', at: 'activeOnly: true', skip: 12, source: `
@Table('t_no_soft') @Index('ix_no_soft', ['a'], { activeOnly: true }) export class NoSoft { @Column.int() a!: number; }` },
  { title: 'an index key over 1,700 bytes (warning)', code: 'SC1505', severity: 'warning', at: '@Index', source: `
@Table('t_wide') @Index('ix_wide', ['a', 'b'])
export class Wide { @Column.nvarchar(500) a!: string; @Column.nvarchar(400) b!: string; }` },
  { title: 'a MAX column as a key column', code: 'SC1506', at: '@Index', source: `
@Table('t_max_key') @Index('ix_max_key', ['body']) export class MaxKey { @Column.nvarchar('max') body!: string; }` },
  { title: 'a text column as a key column', code: 'SC1506', at: '@Index', source: `
@Table('t_text_key') @Index('ix_text_key', ['body']) export class TextKey { @Column.text() body!: string; }` },
  { title: 'a geography column as a key column', code: 'SC1506', at: '@Index', source: `
@Table('t_geo_key') @Index('ix_geo_key', ['place']) export class GeoKey { @Column.geography() place!: string; }` },
  { title: 'an image column as an INCLUDE column', code: 'SC1506', at: '@Index', source: `
@Table('t_image_include') @Index('ix_image_include', ['a'], { include: ['pic'] }) export class ImageInclude { @Column.int() a!: number; @Column.image() pic!: Uint8Array; }` },
  { title: 'INCLUDE on a clustered index', code: 'SC1507', at: "['b']", source: `
@Table('t_include_clustered') @Index('ix_include_clustered', ['a'], { clustered: true, include: ['b'] })
export class IncludeClustered { @Column.int() a!: number; @Column.int() b!: number; }` },
  { title: 'a key column listed twice', code: 'SC1508', at: "'a'", nth: 1, source: `
@Table('t_twice') @Index('ix_twice', ['a', 'a']) export class Twice { @Column.int() a!: number; }` },
  { title: 'two cascading paths between two tables (Msg 1785)', code: 'SC1601', at: '@ForeignKey', nth: 1, source: `
@Table('t_cascade_parent') export class CascadeParent { @Column.int({ primaryKey: true }) id!: number; }
@Table('t_cascade_child')
@ForeignKey('fk_cascade_1', ['p1'], () => CascadeParent, ['id'], { onDelete: 'CASCADE' })
@ForeignKey('fk_cascade_2', ['p2'], () => CascadeParent, ['id'], { onDelete: 'CASCADE' })
export class CascadeChild { @Column.int() p1!: number; @Column.int() p2!: number; }` },
  { title: 'a self-referencing cascading foreign key (a cycle)', code: 'SC1601', at: '@ForeignKey', source: `
@Table('t_tree') @ForeignKey('fk_tree_parent', ['parentId'], () => Tree, ['id'], { onDelete: 'SET_NULL' })
export class Tree { @Column.int({ primaryKey: true }) id!: number; @Column.int({ nullable: true }) parentId!: number | null; }` },
  { title: 'an expression src/expr cannot parse (warning)', code: 'SC1701', severity: 'warning', at: 'sql`', source: `
@Table('t_unparsed') export class Unparsed { @Column.uniqueidentifier({ default: sql\`NEWID(\` }) a!: string; }` },
  { title: 'a default outside the column\'s literal union', code: 'SC1801', at: "'closed'", source: `
@Table('t_default_union') export class DefaultUnion { @Column.varchar(20, { default: 'closed' }) status!: 'active' | 'invited'; }` },
  { title: 'a backfill outside the column\'s literal union', code: 'SC1801', at: "'paused'", source: `
@Table('t_backfill_union') export class BackfillUnion { @Column.varchar(20, { backfill: 'paused' }) status!: 'active' | 'invited'; }` },
  { title: 'a default longer than its char column', code: 'SC1802', at: "'EURO'", source: `
@Table('t_default_long') export class DefaultLong { @Column.char(3, { default: 'EURO' }) currency!: string; }` },
  { title: 'a default outside the integer type\'s range', code: 'SC1803', at: '300', source: `
@Table('t_default_range') export class DefaultRange { @Column.tinyint({ default: 300 }) level!: number; }` },
  { title: 'a default with more digits than the decimal\'s precision allows', code: 'SC1803', at: '1234.5', source: `
@Table('t_default_precision') export class DefaultPrecision { @Column.decimal(5, 2, { default: 1234.5 }) price!: number; }` },
  { title: 'a default that is not a uniqueidentifier', code: 'SC1804', at: "'not-a-guid'", source: `
@Table('t_default_guid') export class DefaultGuid { @Column.uniqueidentifier({ default: 'not-a-guid' }) ref!: string; }` },
  { title: 'a default that is not a date', code: 'SC1804', at: "'2024-13-01'", source: `
@Table('t_default_date') export class DefaultDate { @Column.date({ default: '2024-13-01' }) day!: string; }` },
  { title: 'a literal union member longer than its column', code: 'SC1805', at: "'EUR' | 'EURO'", source: `
@Table('t_union_long') export class UnionLong { @Column.char(3) currency!: 'EUR' | 'EURO'; }` },
];

const fileOf = (c: Case): string => `${c.code.toLowerCase()}-${c.title.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '').toLowerCase()}.schema.ts`;
const files = Object.fromEntries(cases.map((c) => [fileOf(c), imports + c.source]));
const run = compileFiles(files, { typeCheck: false });
const expected = (c: Case): string => where(files, fileOf(c), c.at, c.nth ?? 0, c.skip ?? 0);

describe('compiler diagnostics (one run, typeCheck off)', () => {
  test.each(cases.map((c) => [`${c.code} ${c.title}`, c] as const))('%s', (_title, c) => {
    expect(locations(run.result.diagnostics, c.code)).toContain(expected(c));
    const d = run.result.diagnostics.find((x) => x.code === c.code && `${path.basename(x.source?.file ?? '')}:${x.source?.line}:${x.source?.column}` === expected(c));
    expect(d?.severity).toBe(c.severity ?? 'error');
    expect(d?.message.length).toBeGreaterThan(20);
  });

  test('every error of the run is reported, and nothing else', () => {
    const got = run.result.diagnostics.map((d) => `${d.code} ${path.basename(d.source?.file ?? '')}:${d.source?.line}:${d.source?.column}`).sort();
    expect(got).toEqual(cases.map((c) => `${c.code} ${expected(c)}`).sort());
  });

  test('tables with mistakes elsewhere still compile (one bad table does not hide the rest)', () => {
    expect(run.result.database.tables.map((t) => t.name)).toContain('t_cascade_parent');
    expect(run.result.database.tables.find((t) => t.name === 't_cascade_child')?.foreignKeys.map((f) => f.name)).toEqual(['fk_cascade_1', 'fk_cascade_2']);
  });
});

describe('diagnostic messages', () => {
  test('SC1701 quotes the unparsable expression once and says where parsing stopped', () => {
    const d = run.result.diagnostics.find((x) => x.code === 'SC1701');
    expect(d?.message.split('NEWID(').length).toBe(2);
    expect(d?.message).toMatch(/^default: .*"NEWID\(".* at character \d+.*; it is compared as text$/);
  });

  test('SC1305 and the @DefaultName SC1201 say which column and table', () => {
    const none = run.result.diagnostics.find((x) => x.code === 'SC1305');
    expect(none?.message).toContain('column b of table dbo.t_df_none declares no default');
    const twice = run.result.diagnostics.find((x) => x.code === 'SC1201' && x.message.includes('named twice: df_b_t_df_twice'));
    expect(twice?.message).toMatch(/default of column a of table dbo\.t_df_twice is named twice: df_b_t_df_twice here and df_a_t_df_twice at .*:3:\d+$/);
  });
});

describe('compiler diagnostics needing their own run', () => {
  test('SC1000 a TypeScript error in a schema file, at its position, with the TS code', () => {
    const source = `${imports}@Table('t_ts') @Index('ix_t_ts', ['emial'])\nexport class TsError { @Column.varchar(10) email!: string; }\n`;
    const c = compileFiles({ 'ts-error.schema.ts': source });
    const ts = c.result.diagnostics.filter((d) => d.code === 'SC1000');
    expect(ts.map((d) => `${path.basename(d.source?.file ?? '')}:${d.source?.line}:${d.source?.column}`)).toEqual([where(c.files, 'ts-error.schema.ts', "'emial'")]);
    expect(ts[0].message).toMatch(/^TS2820: .*emial/);
    // The compiler's own check finds the same mistake too, in the same run.
    expect(locations(c.result.diagnostics, 'SC1301')).toEqual([where(c.files, 'ts-error.schema.ts', "'emial'")]);
  });

  test('SC1000 also covers modules the schema files import (a shared types file)', () => {
    const helper = "export type Priority = 'low' | 'high';\nexport const broken: number = 'x';\n";
    const c = compileFiles({
      'types.ts': helper,
      't.schema.ts': `${imports}import type { Priority } from './types';\n@Table('t') export class T { @Column.varchar(5) p!: Priority; }\n`,
    });
    expect(locations(c.result.diagnostics, 'SC1000')).toEqual([where(c.files, 'types.ts', 'broken')]);
  });

  test('SC18xx: values that fit their column are not reported', () => {
    const c = compileFiles({
      'fit.schema.ts': `${imports}@Table('t_fit') export class Fit {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.varchar(20, { default: 'active' }) status!: 'active' | 'invited';
  @Column.char(3, { default: 'EUR' }) currency!: 'EUR' | 'USD';
  @Column.tinyint({ default: 255 }) level!: number;
  @Column.decimal(5, 2, { default: 123.45 }) price!: number;
  @Column.uniqueidentifier({ default: '6F9619FF-8B86-D011-B42D-00C04FC964FF' }) ref!: string;
  @Column.date({ default: '2024-02-29' }) day!: string;
  @Column.datetime({ default: '2024-01-31T10:00:00' }) at!: string;
  @Column.nvarchar(5, { nullable: true, backfill: 'caf\u00e9' }) label!: string | null;
}\n`,
    }, { typeCheck: false });
    expect(c.result.diagnostics.filter((d) => d.code.startsWith('SC18'))).toEqual([]);
  });

  test('SC1002 a directory with no schema files', () => {
    const c = compileFiles({ 'readme.md': '# nothing here' });
    expect(c.result.diagnostics.map((d) => d.code)).toEqual(['SC1002']);
    expect(c.result.database.tables).toEqual([]);
  });

  test('SC1401 a mixin cycle across two files, reported once, and the table using it is skipped', () => {
    // Inline rather than a fixture: the cycle is also a TypeScript error, which the repo's tsc must not see.
    const c = compileFiles({
      'a.schema.ts': `${imports}import { B } from './b.schema';\n@Mixin() export abstract class A extends B { @Column.int() a!: number; }\n`,
      'b.schema.ts': `${imports}import { A } from './a.schema';\n@Mixin() export abstract class B extends A { @Column.int() b!: number; }\n`
        + "@Table('uses_cycle') export class UsesCycle extends A { @Column.int() c!: number; }\n",
    }, { typeCheck: false });
    const cycle = c.result.diagnostics.filter((d) => d.code === 'SC1401');
    expect(cycle.map((d) => d.message)).toEqual(['mixin cycle: A -> B -> A']);
    expect(locations(c.result.diagnostics, 'SC1401')).toEqual([where(c.files, 'b.schema.ts', 'A {')]);
    expect(c.result.database.tables).toEqual([]);
  });
});
