/**
 * ROWGUIDCOL (AdventureWorks marks its rowguid columns so): compiled from `rowguidcol: true` on a
 * uniqueidentifier (one per table), read from sys.columns.is_rowguidcol, written in CREATE TABLE
 * and by pull, changed with ALTER COLUMN ... ADD | DROP ROWGUIDCOL, and dropped and added back
 * around an ALTER COLUMN of that column, which SQL Server refuses otherwise ("The modified column
 * can't be ... The ROWGUIDCOL for the table"). The simulator refuses that ALTER too.
 */
import { diff } from '../../src/differ';
import { renderScript } from '../../src/emitters';
import type { Column, Table } from '../../src/model';
import { col, db, pk, table } from '../support/model-builders';
import { compileFiles } from '../compiler/compile-helpers';
import { expectPlansToNothing, roundTrip } from '../pull/support';
import { applyPlan } from '../support/simulate';
import { expectValidTsql } from '../support/tsql-grammar';

const guid = (o: { nullable?: boolean; rowguidcol?: boolean } = {}): Column => ({ ...col('rowguid', 'uniqueidentifier', { nullable: o.nullable ?? false }), ...(o.rowguidcol === false ? {} : { rowguidcol: true }) });
const person = (rowguid: Column): Table => table('Person.Person', { columns: [col('BusinessEntityID', 'int'), rowguid], pk: pk('PK_Person', ['BusinessEntityID']), rowCount: 3 });
const kinds = (steps: readonly { change: { kind: string } }[]) => steps.map((s) => s.change.kind);

test('the compiler reads rowguidcol on one uniqueidentifier per table', () => {
  const c = compileFiles({ 't.schema.ts': `import { Column, Table } from 'schemac';
@Table('docs')
export class Doc {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.uniqueidentifier({ rowguidcol: true }) rowguid!: string;
  @Column.uniqueidentifier({ rowguidcol: true } as never) other!: string;
  @Column.int({ rowguidcol: true } as never) wrong!: number;
}` }, { typeCheck: false });
  expect(c.result.database.tables[0]?.columns.map((x) => x.rowguidcol ?? false)).toEqual([false, true, false, false]);
  expect(c.result.diagnostics.map((d) => d.message)).toEqual([
    'column other: table dbo.docs already has ROWGUIDCOL column rowguid; a table has at most one',
    'column wrong: ROWGUIDCOL needs a uniqueidentifier column',
  ]);
});

test('adding and dropping the property is one metadata step each way; CREATE TABLE writes it', () => {
  const plain = db([person(guid({ rowguidcol: false }))]);
  const marked = db([person(guid())]);
  const up = diff(marked, plain, { allowDrop: false });
  expect(kinds(up.steps)).toEqual(['setRowGuidCol']);
  const script = renderScript(up, { direction: 'up', databaseName: 'app' }).text;
  expect(script).toContain('ALTER TABLE [Person].[Person] ALTER COLUMN [rowguid] ADD ROWGUIDCOL;');
  expect(renderScript(up, { direction: 'down', databaseName: 'app' }).text).toContain('ALTER COLUMN [rowguid] DROP ROWGUIDCOL;');
  expectValidTsql(script);
  expect(applyPlan(applyPlan(plain, up.steps, 'up'), up.steps, 'down').tables[0]?.columns[1]?.rowguidcol).toBeUndefined();
  expect(renderScript(diff(marked, db([]), { allowDrop: false }), { direction: 'up', databaseName: 'app' }).text).toContain('[rowguid] uniqueidentifier NOT NULL ROWGUIDCOL');
});

test('an ALTER COLUMN of the ROWGUIDCOL drops the property first and adds it back after, both ways', () => {
  const current = db([person(guid({ nullable: true }))]);
  const plan = diff(db([person(guid())]), current, { allowDrop: false });
  expect(kinds(plan.steps)).toEqual(['setRowGuidCol', 'alterColumn', 'setRowGuidCol']);
  const up = applyPlan(current, plan.steps, 'up');
  expect(up.tables[0]?.columns[1]).toMatchObject({ nullable: false, rowguidcol: true });
  expect(applyPlan(up, plan.steps, 'down').tables[0]?.columns[1]).toMatchObject({ nullable: true, rowguidcol: true });
});

test('pull writes rowguidcol, so the pulled table plans nothing', () => {
  const { diagnostics, plan, pulled } = roundTrip(db([person(guid())]));
  expectPlansToNothing({ pulled, diagnostics, plan });
  expect(pulled.files.map((f) => f.text).join('\n')).toContain('rowguidcol: true');
});
