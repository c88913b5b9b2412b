/**
 * A constraint SQL Server named (DF__..., FK__..., PK__...) that a plan drops to change a column
 * under it comes back in the down script unnamed, so SQL Server names it again and it is
 * system-named as before: re-added under its old name it would count as named by the user, and
 * with "systemNames": "keep" the plan after the down script would rename it (found on a
 * pubs-shaped database whose key column was widened). A user-named one keeps its name, and so
 * does a system-named one that must be disabled after (NOCHECK CONSTRAINT takes its name).
 */
import { diff } from '../../src/differ';
import { renderScript } from '../../src/emitters/tsql/script';
import { renderChange } from '../../src/emitters/tsql/render-change';
import { DEFAULT_COLLATION, nameKeyFor } from '../../src/sqlserver/names';
import type { Table } from '../../src/model';
import { ck, col, db, df, fk, pk, table } from '../support/model-builders';
import { expectValidTsql } from '../support/tsql-grammar';

const SYSTEM = { system: true } as const;
const stores = (length: number, system: boolean): Table => table('stores', {
  columns: [col('stor_id', `char(${length})`)], pk: pk(system ? 'PK__stores__1A14E395' : 'pk_stores', ['stor_id'], system ? SYSTEM : {}), rowCount: 2,
});
const sales = (length: number, system: boolean): Table => table('sales', {
  columns: [col('id', 'int'), col('stor_id', `char(${length})`), col('qty', 'smallint')], pk: pk('pk_sales', ['id']), rowCount: 2,
  fks: [fk(system ? 'FK__sales__stor___37B57704' : 'fk_sales_stor_id', ['stor_id'], 'stores', ['stor_id'], system ? SYSTEM : {})],
  defaults: [df(system ? 'DF__sales__stor___2B3F6F97' : 'df_sales_stor_id', 'stor_id', "('0000')", system ? SYSTEM : {})],
  checks: [ck(system ? 'CK__sales__stor___2C3393D0' : 'ck_sales_stor_id', "[stor_id] like '[0-9]%'", system ? SYSTEM : {})],
});

test('the down script re-adds system-named constraints unnamed; the up script names what it adds', () => {
  const plan = diff(db([stores(6, false), sales(6, false)]), db([stores(4, true), sales(4, true)]), { allowDrop: false, systemNames: 'keep' });
  const up = renderScript(plan, { direction: 'up', databaseName: null }).text;
  const down = renderScript(plan, { direction: 'down', databaseName: null }).text;
  expectValidTsql(`${up}${down}`);
  expect(up).toContain('ALTER TABLE [dbo].[sales] DROP CONSTRAINT [FK__sales__stor___37B57704];');
  expect(up).toContain('ALTER TABLE [dbo].[sales] ADD CONSTRAINT [fk_sales_stor_id] FOREIGN KEY ([stor_id]) REFERENCES [dbo].[stores] ([stor_id]);');
  expect(down).toContain('ALTER TABLE [dbo].[sales] ADD FOREIGN KEY ([stor_id]) REFERENCES [dbo].[stores] ([stor_id]);');
  expect(down).toMatch(/ALTER TABLE \[dbo\]\.\[stores\] ADD PRIMARY KEY CLUSTERED \(\[stor_id\]\)/);
  expect(down).not.toMatch(/ADD CONSTRAINT \[(PK|FK|DF|CK)__/);
});

test('user-named constraints keep their names both ways', () => {
  const plan = diff(db([stores(6, false), sales(6, false)]), db([stores(4, false), sales(4, false)]), { allowDrop: false });
  const down = renderScript(plan, { direction: 'down', databaseName: null }).text;
  expect(down).toContain('ADD CONSTRAINT [fk_sales_stor_id] FOREIGN KEY');
  expect(down).toMatch(/ADD CONSTRAINT \[pk_stores\] PRIMARY KEY CLUSTERED/);
});

test('each kind renders unnamed when systemNamed; a disabled one keeps its name for NOCHECK CONSTRAINT', () => {
  const key = nameKeyFor(DEFAULT_COLLATION);
  const t = { schema: 'dbo', name: 'sales' };
  expect(renderChange({ kind: 'addDefault', table: t, constraint: df('DF__x', 'qty', '((0))', SYSTEM), systemNamed: true }, key))
    .toEqual(['ALTER TABLE [dbo].[sales] ADD DEFAULT (0) FOR [qty];']);
  expect(renderChange({ kind: 'addCheck', table: t, constraint: ck('CK__x', '[qty]>=(0)', SYSTEM), systemNamed: true }, key))
    .toEqual(['ALTER TABLE [dbo].[sales] ADD CHECK ([qty]>=(0));']);
  expect(renderChange({ kind: 'addUnique', table: t, constraint: pk('UQ__x', ['id'], { ...SYSTEM, clustered: false }), systemNamed: true }, key))
    .toEqual(['ALTER TABLE [dbo].[sales] ADD UNIQUE NONCLUSTERED ([id]);']);
  expect(renderChange({ kind: 'addCheck', table: t, constraint: ck('CK__x', '[qty]>=(0)', { ...SYSTEM, trusted: false, enabled: false }), systemNamed: true }, key)).toEqual([
    'ALTER TABLE [dbo].[sales] WITH NOCHECK ADD CONSTRAINT [CK__x] CHECK ([qty]>=(0));',
    'ALTER TABLE [dbo].[sales] NOCHECK CONSTRAINT [CK__x];',
  ]);
});

test('a dropped table comes back with its system-named constraints unnamed, and a dropped column\'s system-named default too', () => {
  const current = table('notes', {
    columns: [col('id', 'int'), col('kind', 'char(1)'), col('body', 'varchar(10)')], pk: pk('PK__notes__3213E83F', ['id'], SYSTEM),
    defaults: [df('DF__notes__kind__3B75D760', 'kind', "('a')", SYSTEM), df('df_notes_body', 'body', "('')")],
    checks: [ck('CK__notes__kind__3C69FB99', "[kind]<>'z'", SYSTEM)],
  });
  const dropped = renderScript(diff(db([]), db([current]), { allowDrop: true }), { direction: 'down', databaseName: null }).text;
  expectValidTsql(dropped);
  expect(dropped).toContain(`CREATE TABLE [dbo].[notes] (
    [id] int NOT NULL,
    [kind] char(1) NOT NULL DEFAULT ('a'),
    [body] varchar(10) NOT NULL CONSTRAINT [df_notes_body] DEFAULT (''),
    PRIMARY KEY CLUSTERED ([id]),
    CHECK ([kind]<>'z')
);`);
  const withoutKind = table('notes', { columns: [col('id', 'int'), col('body', 'varchar(10)')], pk: pk('pk_notes', ['id']), defaults: [df('df_notes_body', 'body', "('')")] });
  const column = renderScript(diff(db([withoutKind]), db([{ ...current, checks: [] }]), { allowDrop: true, systemNames: 'keep' }), { direction: 'down', databaseName: null }).text;
  // The default is a step of its own (dropped before the column), so it is re-added unnamed after it.
  expect(column).toMatch(/ADD \[kind\] char\(1\) NOT NULL;[\s\S]*ALTER TABLE \[dbo\]\.\[notes\] ADD DEFAULT \('a'\) FOR \[kind\];/);
});
