/**
 * CompileOptions.naming (schemac.config.json "naming"): templates for the names the schema does
 * not write, with the placeholders the config validates ({schema}, {table}, {columns}).
 */
import { compileFiles, locations, where } from './compile-helpers';
import type { Table } from '../../src/model';

const source = `import { Column, ForeignKey, Index, Table, Unique } from 'schemac';
@Table('parents', { schema: 'app' })
export class Parent { @Column.int({ primaryKey: true }) id!: number; }
@Table('children', { schema: 'app' })
@Unique(['code', 'kind'])
@ForeignKey(['parentId'], () => Parent)
@Index('ix_children_code', ['code'])
export class Child {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.int() parentId!: number;
  @Column.varchar(10, { default: 'x' }) code!: 'x' | 'y';
  @Column.int({ default: 0 }) kind!: number;
}
`;

/** Every name of a table, by kind. */
function names(t: Table | undefined): Record<string, string[]> {
  return {
    pk: t?.primaryKey ? [t.primaryKey.name] : [],
    uq: t?.uniqueConstraints.map((u) => u.name) ?? [],
    fk: t?.foreignKeys.map((f) => f.name) ?? [],
    df: t?.defaults.map((d) => d.name) ?? [],
    ck: t?.checks.map((c) => c.name) ?? [],
    ix: t?.indexes.map((i) => i.name) ?? [],
  };
}

const child = (r: ReturnType<typeof compileFiles>): Table | undefined => r.result.database.tables.find((t) => t.name === 'children');

describe('naming templates', () => {
  test('without templates the built-in conventions apply', () => {
    const r = compileFiles({ 'a.schema.ts': source }, { typeCheck: false });
    expect(r.result.diagnostics).toEqual([]);
    expect(names(child(r))).toEqual({
      pk: ['pk_children'], uq: ['uq_children_code_kind'], fk: ['fk_children_parent_id'],
      df: ['df_children_code', 'df_children_kind'], ck: ['ck_children_code'], ix: ['ix_children_code'],
    });
  });

  test('every generated kind follows its template; {columns} of df and ck is the one column; written names stay', () => {
    const r = compileFiles({ 'a.schema.ts': source }, {
      typeCheck: false,
      naming: {
        pk: 'PK_{schema}_{table}_{columns}', uq: 'UQ_{table}__{columns}', fk: '{table}_{columns}_fkey',
        df: 'DF_{table}_{columns}', ck: 'CK_{schema}_{table}_{columns}', ix: 'IX_{table}_{columns}',
      },
    });
    expect(r.result.diagnostics).toEqual([]);
    expect(names(child(r))).toEqual({
      pk: ['PK_app_children_id'], uq: ['UQ_children__code_kind'], fk: ['children_parent_id_fkey'],
      df: ['DF_children_code', 'DF_children_kind'], ck: ['CK_app_children_code'],
      // Index names are always written in the schema, so the ix template has nothing to name.
      ix: ['ix_children_code'],
    });
  });

  test('a partial set of templates leaves the other kinds built-in', () => {
    const r = compileFiles({ 'a.schema.ts': source }, { typeCheck: false, naming: { df: 'DF__{table}__{columns}' } });
    expect(names(child(r))).toMatchObject({ pk: ['pk_children'], df: ['DF__children__code', 'DF__children__kind'], ck: ['ck_children_code'] });
  });

  test('templated names are checked: a template without {table} collides across tables (SC1202)', () => {
    const r = compileFiles({ 'a.schema.ts': source }, { typeCheck: false, naming: { pk: 'pk' } });
    expect(r.result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      expect.stringMatching(/^SC1202 generated name of primary key pk of table app\.parents collides with primary key pk of table app\.children/),
    ]);
    expect(locations(r.result.diagnostics, 'SC1202')).toEqual([where(r.files, 'a.schema.ts', 'primaryKey: true', 0, 12)]);
  });

  test('templated names are checked: over 128 characters is SC1204 at the object', () => {
    const r = compileFiles({ 'a.schema.ts': source }, { typeCheck: false, naming: { df: `${'d'.repeat(120)}_{table}_{columns}` } });
    expect(locations(r.result.diagnostics, 'SC1204')).toEqual([where(r.files, 'a.schema.ts', "'x' }"), where(r.files, 'a.schema.ts', '0 }')]);
  });

  test('a placeholder the config does not accept ({column}) is SC1205 and the built-in name is used', () => {
    const r = compileFiles({ 'a.schema.ts': source }, { typeCheck: false, naming: { df: 'df_{table}_{column}' } });
    expect(r.result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'SC1205 naming.df "df_{table}_{column}" has unknown placeholder {column}; use {schema}, {table} or {columns} (for df and ck, {columns} is the one column)',
    ]);
    expect(names(child(r)).df).toEqual(['df_children_code', 'df_children_kind']);
  });

  test('a table name holding a placeholder is not expanded again', () => {
    const r = compileFiles({ 'a.schema.ts': source.replace("'children'", "'c{schema}'") }, { typeCheck: false, naming: { pk: '{table}_pk' } });
    expect(r.result.database.tables.find((t) => t.name === 'c{schema}')?.primaryKey?.name).toBe('c{schema}_pk');
  });
});
