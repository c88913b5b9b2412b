/**
 * Dynamic Data Masking: `masked: '...'` compiled (SC1117 for a function SQL Server does not take or
 * a column it cannot mask), kept in SQL Server's stored form (sys.masked_columns.masking_function
 * puts ", " between arguments), compared whatever the spacing, written in CREATE TABLE and ADD,
 * changed with ALTER COLUMN ... ADD MASKED WITH | DROP MASKED, dropped and added back around an
 * ALTER COLUMN, with the indexes on the column rebuilt around a mask that comes or goes.
 */
import { diff } from '../../src/differ';
import { renderScript } from '../../src/emitters';
import { describeChange as describeStep } from '../../src/emitters/describe';
import type { Column, Table } from '../../src/model';
import { normalizeMask, parseMaskingFunction, sameMask } from '../../src/sqlserver/masking';
import { col, db, ix, pk, table } from '../support/model-builders';
import { compileFiles } from '../compiler/compile-helpers';
import { expectPlansToNothing, roundTrip } from '../pull/support';
import { applyPlan } from '../support/simulate';
import { expectValidTsql } from '../support/tsql-grammar';

const email = (mask?: string, type = 'varchar(255)'): Column => ({ ...col('email', type), ...(mask !== undefined ? { mask } : {}) });
const users = (c: Column, indexed = false): Table => table('users', {
  columns: [col('id', 'int'), c], pk: pk('pk_users', ['id']), rowCount: 3,
  ...(indexed ? { indexes: [ix('ix_users_email', ['email'])] } : {}),
});
const kinds = (steps: readonly { change: { kind: string } }[]) => steps.map((s) => s.change.kind);
const up = (desired: Table, current: Table): string => renderScript(diff(db([desired]), db([current]), { allowDrop: false }), { direction: 'up', databaseName: 'app' }).text;

test('masking functions parse to the form SQL Server stores, and compare whatever the spacing', () => {
  expect(normalizeMask('partial(2,"xxxx",0)')).toBe('partial(2, "xxxx", 0)');
  expect(normalizeMask(' Email( ) ')).toBe('email()');
  expect(normalizeMask('random(1,12)')).toBe('random(1, 12)');
  expect(normalizeMask('datetime( "m" )')).toBe('datetime("m")');
  expect(sameMask('partial(1,"X X",0)', 'partial(1, "X X", 0)')).toBe(true);
  // The padding and the date part are data: their spaces and case count.
  expect(sameMask('partial(1,"XX",0)', 'partial(1, "X X", 0)')).toBe(false);
  expect(sameMask('datetime("M")', 'datetime("m")')).toBe(false);
  expect(sameMask('random(1, 100)', 'random(01, 100.0)')).toBe(true);
  expect(sameMask(undefined, 'default()')).toBe(false);
  for (const bad of ['defualt()', 'partial(1, XXXX, 0)', 'partial(-1, "X", 0)', 'random(5, 1)', 'datetime("Q")', 'email(1)', 'partial(1, "X", 0']) {
    expect(parseMaskingFunction(bad).ok).toBe(false);
  }
});

test('the compiler reads masked, and refuses what SQL Server would, at file:line', () => {
  const c = compileFiles({ 't.schema.ts': `import { Column, Table, sql } from 'schemac';
@Table('people')
export class Person {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.varchar(100, { masked: 'partial(1,"XXXX",0)' }) name!: string;
  @Column.int({ masked: 'random(1, 100)' }) discount!: number;
  @Column.date({ masked: 'datetime("Y")' }) born!: Date;
  @Column.varchar(100, { masked: 'hash()' }) a!: string;
  @Column.int({ masked: 'email()' }) b!: number;
  @Column.varchar(10, { masked: 'random(1, 2)' }) c!: string;
  @Column.int({ computed: sql\`id + 1\`, masked: 'default()' }) d!: number;
}` }, { typeCheck: false });
  expect(c.result.database.tables[0]?.columns.map((x) => x.mask ?? null)).toEqual([null, 'partial(1, "XXXX", 0)', 'random(1, 100)', 'datetime("Y")', null, null, null, null]);
  expect(c.result.diagnostics.map((d) => `${d.code} ${d.source?.line}: ${d.message}`)).toEqual([
    'SC1117 8: column a: masked \'hash()\' is not a masking function SQL Server takes: unknown masking function hash(); SQL Server has default(), email(), random(start, end), partial(prefix, "padding", suffix) or datetime("Y|M|D|h|m|s")',
    'SC1117 9: column b: masked \'email()\': email() masks character columns, not int',
    'SC1117 10: column c: masked \'random(1, 2)\': random() masks numeric columns, not varchar(10)',
    'SC1117 11: column d: masked \'default()\': a computed column cannot be masked (it returns masked data when a column it reads is)',
  ]);
});

test('adding, changing and dropping a mask are one metadata step each, undone by the down script', () => {
  const plain = db([users(email())]);
  const masked = db([users(email('email()'))]);
  const add = diff(masked, plain, { allowDrop: false });
  expect(kinds(add.steps)).toEqual(['setMask']);
  const script = renderScript(add, { direction: 'up', databaseName: 'app' }).text;
  expect(script).toContain("ALTER TABLE [dbo].[users] ALTER COLUMN [email] ADD MASKED WITH (FUNCTION = 'email()');");
  expect(renderScript(add, { direction: 'down', databaseName: 'app' }).text).toContain('ALTER TABLE [dbo].[users] ALTER COLUMN [email] DROP MASKED;');
  expectValidTsql(script);
  expect(applyPlan(applyPlan(plain, add.steps, 'up'), add.steps, 'down').tables[0]?.columns[1]?.mask).toBeUndefined();
  // A change of function is one ADD MASKED WITH, which edits the mask in place.
  expect(up(users(email('partial(1, "XX", 0)')), users(email('email()')))).toContain(`ALTER COLUMN [email] ADD MASKED WITH (FUNCTION = 'partial(1, "XX", 0)');`);
  // The stored form of the same function plans nothing.
  expect(diff(db([users(email('partial(1,"XX",0)'))]), db([users(email('partial(1, "XX", 0)'))]), { allowDrop: false }).steps).toEqual([]);
  const drop = diff(db([users(email())]), db([users(email('email()'))]), { allowDrop: false });
  expect(renderScript(drop, { direction: 'up', databaseName: 'app' }).text).toContain('ALTER COLUMN [email] DROP MASKED;');
  // Dropping a mask shows the values to readers without UNMASK: a hazard, up or (for an added mask) down.
  expect(drop.steps[0]?.hazards.map((h) => `${h.code}: ${h.message}`)).toEqual(['unmasks-data: drops the mask email() of dbo.users.email: users without UNMASK read its values in the clear']);
  expect(add.steps[0]?.hazards).toEqual([]);
  expect(add.steps[0]?.downHazards?.map((h) => h.code)).toEqual(['unmasks-data']);
});

test('CREATE TABLE and ADD write the mask in the column definition', () => {
  const create = up(users(email("partial(0, \"it's\", 2)")), table('other', { columns: [col('id', 'int')] }));
  expect(create).toContain(`[email] varchar(255) MASKED WITH (FUNCTION = 'partial(0, "it''s", 2)') NOT NULL`);
  expectValidTsql(create);
  const added = up(table('users', { columns: [col('id', 'int'), { ...col('n', 'int', { nullable: true }), mask: 'random(1, 5)' }] }), table('users', { columns: [col('id', 'int')] }));
  expect(added).toContain("ALTER TABLE [dbo].[users] ADD [n] int MASKED WITH (FUNCTION = 'random(1, 5)') NULL;");
});

test('an ALTER COLUMN of a masked column drops the mask first and adds it back after, both ways', () => {
  const current = db([users(email('email()', 'varchar(100)'))]);
  const plan = diff(db([users(email('default()', 'varchar(200)'))]), current, { allowDrop: false });
  expect(kinds(plan.steps)).toEqual(['setMask', 'alterColumn', 'setMask']);
  expect(plan.steps.flatMap((s) => [...s.hazards, ...(s.downHazards ?? [])]).map((h) => h.code)).not.toContain('unmasks-data');
  expect(plan.steps.map((s) => describeStep(s.change).summary)).toEqual([
    'mask of email: email() -> not masked (until its ALTER COLUMN is done)', 'alter column email: varchar(100) -> varchar(200)', 'mask of email: not masked -> default() (once its ALTER COLUMN is done)',
  ]);
  const after = applyPlan(current, plan.steps, 'up');
  expect(after.tables[0]?.columns[1]).toMatchObject({ mask: 'default()', type: { length: 200 } });
  expect(applyPlan(after, plan.steps, 'down').tables[0]?.columns[1]).toMatchObject({ mask: 'email()', type: { length: 100 } });
});

test('an index on the column is rebuilt around a mask that comes or goes, not around a changed one', () => {
  for (const [from, to] of [[undefined, 'email()'], ['email()', undefined]] as const) {
    const current = db([users(email(from), true)]);
    const plan = diff(db([users(email(to), true)]), current, { allowDrop: false });
    expect(kinds(plan.steps)).toEqual(['dropIndex', 'setMask', 'createIndex']);
    expect(applyPlan(applyPlan(current, plan.steps, 'up'), plan.steps, 'down').tables[0]?.columns[1]?.mask).toBe(from);
  }
  expect(kinds(diff(db([users(email('default()'), true)]), db([users(email('email()'), true)]), { allowDrop: false }).steps)).toEqual(['setMask']);
});

test('pull writes masked, so the pulled table plans nothing', () => {
  const { diagnostics, plan, pulled } = roundTrip(db([users(email('partial(1, "XXXX", 0)'))]));
  expectPlansToNothing({ pulled, diagnostics, plan });
  expect(pulled.files.map((f) => f.text).join('\n')).toContain(`masked: 'partial(1, "XXXX", 0)'`);
});
