/**
 * Ledger tables in the schema and in plans: `ledger` on @Table compiles to Table.ledger (SC1411
 * for what SQL Server refuses, at file:line:col); CREATE TABLE ... WITH (SYSTEM_VERSIONING = ON,
 * LEDGER = ON ...) up, DROP TABLE down; on an existing ledger table a nullable column is added,
 * a NOT NULL one, a type change and a kind change are refused by name while the rest of the plan
 * is still planned, and a NOT NULL column's drop has no inverse; pull writes the option back.
 */
import { diff } from '../../src/differ';
import { renderScript } from '../../src/emitters';
import type { Table } from '../../src/model';
import { col, db, pk, table } from '../support/model-builders';
import { expectValidTsql } from '../support/tsql-grammar';
import { runCase } from '../differ/run-case';
import { compileOne, where } from '../compiler/compile-helpers';
import { expectPlansToNothing, roundTrip } from '../pull/support';

const imports = "import { Column, Table } from 'schemac';\n";

function compile(source: string, typeCheck = false) {
  return compileOne('l.schema.ts', `${imports}${source}`, typeCheck);
}

const script = (plan: ReturnType<typeof diff>, direction: 'up' | 'down') => renderScript(plan, { direction, databaseName: 'app' }).text;
const account = (extra: Partial<Table> = {}, columns = [col('id', 'int'), col('balance', 'decimal(10,2)')]): Table => ({
  ...table('bank.account', { columns, pk: pk('pk_account', ['id']) }), ledger: { kind: 'updatable' }, ...extra,
});

describe('ledger tables compile', () => {
  it('reads the kind and the view and history names', () => {
    const { result, found } = compile(`
@Table('account', { schema: 'bank', ledger: 'updatable' })
export class Account { @Column.int({ primaryKey: true }) id!: number; }
@Table('events', { ledger: { kind: 'append-only', view: 'audit.{table}_ledger' } })
export class Events { @Column.int() id!: number; }
@Table('orders', { ledger: { kind: 'updatable', history: 'orders_history' } })
export class Orders { @Column.int({ primaryKey: true }) id!: number; }
@Table('plain')
export class Plain { @Column.int() id!: number; }`, true); // type-checked: `ledger` is part of the API's types
    expect(found).toEqual([]);
    const t = (name: string) => result.database.tables.find((x) => x.name === name);
    expect(t('account')?.ledger).toEqual({ kind: 'updatable' });
    expect(t('events')?.ledger).toEqual({ kind: 'append-only', view: { schema: 'audit', name: 'events_ledger' } });
    expect(t('orders')?.ledger).toEqual({ kind: 'updatable', history: { schema: 'dbo', name: 'orders_history' } });
    expect(t('plain')).not.toHaveProperty('ledger');
  });

  it('reports what SQL Server refuses as SC1411 where it is written', () => {
    const { files, found, messages } = compile(`
@Table('a', { ledger: 'yes' })
export class A { @Column.int() id!: number; }
@Table('b', { ledger: { kind: 'append-only', history: 'b_history' } })
export class B { @Column.int() id!: number; }
@Table('c', { ledger: 'updatable' })
export class C { @Column.bigint() ledgerStartTransactionId!: number; @Column.xml({ nullable: true }) doc!: string | null; }
@Table('d', { ledger: 'append-only', graph: 'node' })
export class D { @Column.int() id!: number; }`);
    expect(found).toEqual([
      `SC1411 ${where(files, 'l.schema.ts', "'yes'")}`,
      `SC1411 ${where(files, 'l.schema.ts', "'b_history'")}`,
      `SC1411 ${where(files, 'l.schema.ts', 'ledgerStartTransactionId!')}`,
      `SC1411 ${where(files, 'l.schema.ts', 'doc!')}`,
      `SC1411 ${where(files, 'l.schema.ts', "'node'")}`,
    ]);
    expect(messages.join('\n')).toMatch(/column ledger_start_transaction_id has the name of a column SQL Server adds to ledger tables/);
    expect(messages.join('\n')).toMatch(/column doc is xml, a type ledger tables cannot hold/);
    expect(messages.join('\n')).toMatch(/an append-only ledger table has no history table/);
  });
});

describe('ledger tables in plans', () => {
  it('creates an updatable table with SYSTEM_VERSIONING and LEDGER, an append-only one with APPEND_ONLY; down drops them', () => {
    const events: Table = { ...table('dbo.events', { columns: [col('id', 'int')] }), ledger: { kind: 'append-only', view: { schema: 'audit', name: 'events_ledger' } } };
    const named = account({ name: 'named', ledger: { kind: 'updatable', history: { schema: 'bank', name: 'named_history' } } });
    const plan = diff(db([account(), events, named]), db([]), { allowDrop: false });
    const up = script(plan, 'up');
    expect(up).toContain('CONSTRAINT [pk_account] PRIMARY KEY CLUSTERED ([id])\n)\nWITH (SYSTEM_VERSIONING = ON, LEDGER = ON);');
    expect(up).toContain('[id] int NOT NULL\n)\nWITH (LEDGER = ON (LEDGER_VIEW = [audit].[events_ledger], APPEND_ONLY = ON));');
    // A named history table needs the view named too (ledger-limits): SQL Server's default name is written.
    expect(up).toContain('WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = [bank].[named_history]), LEDGER = ON (LEDGER_VIEW = [bank].[named_Ledger]));');
    expect(up).not.toMatch(/ledger_start/);
    expectValidTsql(up);
    const down = script(plan, 'down');
    expect(down).toContain('DROP TABLE [bank].[account];');
    expect(down).not.toMatch(/SYSTEM_VERSIONING = OFF/);
    expectValidTsql(down);
  });

  it('keeps the schema a new ledger table is created in on the way down: the dropped table stays in it, renamed', () => {
    const plan = diff(db([account(), table('sales.orders', { columns: [col('id', 'int')] })]), db([]), { allowDrop: false });
    const create = (schema: string) => plan.steps.find((s) => s.change.kind === 'createSchema' && s.change.schema === schema);
    expect(create('bank')).toMatchObject({ inverse: null, hazards: [{ code: 'irreversible', message: expect.stringMatching(/^schema bank keeps the ledger tables created in it: .*MSSQL_DroppedLedgerTable_/) }] });
    expect(create('sales')?.inverse).toEqual({ kind: 'dropSchema', schema: 'sales' });
    const down = script(plan, 'down');
    expect(down).toContain('DROP TABLE [bank].[account];');
    expect(down).not.toContain('DROP SCHEMA [bank]');
    expect(down).toContain('DROP SCHEMA [sales]');
  });

  it('refuses a new ledger table on a server before SQL Server 2022, and takes one on Azure SQL', () => {
    const on = (engineEdition: number, majorVersion: number) => ({ ...db([]), server: { engineEdition, edition: 'Enterprise Edition (64-bit)', majorVersion } });
    expect(diff(db([account()]), on(3, 15), { allowDrop: false }).refused).toEqual([{
      table: { schema: 'bank', name: 'account' }, change: 'create bank.account as an updatable ledger table',
      reason: expect.stringMatching(/15 has no ledger tables \(LEDGER = ON needs SQL Server 2022 or Azure SQL\)/),
    }]);
    expect(diff(db([account()]), on(5, 12), { allowDrop: false }).refused).toBeUndefined();
    expect(diff(db([account()]), on(3, 16), { allowDrop: false }).refused).toBeUndefined();
  });

  it('adds a nullable column, refuses a NOT NULL one and a type change by name, and plans the rest', () => {
    const current = db([account({ ledger: { kind: 'updatable', view: { schema: 'bank', name: 'account_Ledger' }, history: { schema: 'bank', name: 'MSSQL_LedgerHistoryFor_10' } } }), table('dbo.other', { columns: [col('id', 'int')] })]);
    const desired = db([
      account({}, [col('id', 'int'), col('balance', 'decimal(12,2)'), col('note', 'nvarchar(100)', { nullable: true }), col('branch', 'int')]),
      table('dbo.other', { columns: [col('id', 'int'), col('x', 'int')] }),
    ]);
    const plan = diff(desired, current, { allowDrop: false });
    expect(plan.steps.map((s) => [s.change.kind, s.change.kind === 'addColumn' ? s.change.column.name : ''])).toEqual([['addColumn', 'note'], ['addColumn', 'x']]);
    expect(plan.refused).toEqual([
      { table: { schema: 'bank', name: 'account' }, change: 'add column branch', reason: expect.stringMatching(/SQL Server adds only nullable columns to a ledger table; declare branch nullable/) },
      { table: { schema: 'bank', name: 'account' }, change: 'alter column balance', reason: expect.stringMatching(/^bank\.account is an updatable ledger table: its type changes from decimal\(10,2\) to decimal\(12,2\)/) },
    ]);
    // A varchar can grow, and nullability can change (ledger-limits, "Altering Columns").
    runCase({
      name: 'allowed alters', current: db([account({}, [col('id', 'int'), col('note', 'varchar(10)', { nullable: true })])]),
      desired: db([account({}, [col('id', 'int'), col('note', 'varchar(20)')])]), steps: ['alterColumn bank.account.note'],
    });
  });

  it('refuses a kind change, an undeclared ordinary table made a ledger one, and a renamed view, naming what to do', () => {
    const current = db([account({ ledger: { kind: 'updatable', view: { schema: 'bank', name: 'account_Ledger' } } }), table('dbo.plain', { columns: [col('id', 'int')] })]);
    const desired = db([
      account({ ledger: { kind: 'append-only', view: { schema: 'bank', name: 'account_view' } } }),
      { ...table('dbo.plain', { columns: [col('id', 'int'), col('x', 'int', { nullable: true })] }), ledger: { kind: 'updatable' } },
    ]);
    const plan = diff(desired, current, { allowDrop: true });
    expect(plan.refused?.map((r) => r.change)).toEqual(['make bank.account an append-only ledger table', 'make dbo.plain an updatable ledger table']);
    expect(plan.refused?.[0]?.reason).toMatch(/SQL Server has no ALTER that turns ledger on or off or changes its kind, and dropping a ledger table keeps it/);
    expect(plan.refused?.[1]?.reason).toMatch(/sys\.sp_copy_data_in_batches/);
    // The rest of the plan is still planned.
    expect(plan.steps.map((s) => s.change.kind)).toEqual(['addColumn']);
    const renamed = diff(db([account({ ledger: { kind: 'updatable', view: { schema: 'bank', name: 'account_view' } } })]), current, { allowDrop: false });
    expect(renamed.refused).toEqual([{ table: { schema: 'bank', name: 'account' }, change: "name bank.account's ledger view bank.account_view", reason: expect.stringMatching(/EXEC sp_rename N'bank\.account_Ledger', N'account_view'/) }]);
    // Undeclared names are SQL Server's: nothing to do.
    expect(diff(db([account()]), current, { allowDrop: false }).steps).toEqual([]);
  });

  it('drops a column of a ledger table (SQL Server keeps it hidden) without an inverse for a NOT NULL one, and fills no NULLs of an append-only one', () => {
    const current = db([{ ...account({}, [col('id', 'int'), col('balance', 'int'), col('note', 'int', { nullable: true })]), rowCount: 3 }]);
    const plan = diff(db([account({}, [col('id', 'int')])]), current, { allowDrop: true });
    expect(plan.steps.map((s) => [s.change.kind, s.inverse === null])).toEqual([['dropColumn', true], ['dropColumn', false]]);
    expect(plan.steps[0]?.hazards.map((h) => h.message)).toContainEqual(expect.stringMatching(/; on this ledger table SQL Server keeps them, hidden, as MSSQL_DroppedLedgerColumn_balance_<GUID>/));
    const appendOnly = (c: ReturnType<typeof col>[]) => ({ ...table('dbo.events', { columns: c }), ledger: { kind: 'append-only' as const } });
    const notNull = diff(db([appendOnly([col('id', 'int'), col('x', 'int', { backfill: '0' } as never)])]), db([{ ...appendOnly([col('id', 'int'), col('x', 'int', { nullable: true })]), rowCount: 5 }]), { allowDrop: false });
    expect(notNull.steps).toEqual([]);
    expect(notNull.refused?.map((r) => r.change)).toEqual(['fill NULLs of x']);
  });
});

describe('pull of ledger tables', () => {
  it('writes the kind, and the view and history names SQL Server did not choose, so the pulled schema plans nothing', () => {
    const pulledDb = db([
      account({ ledger: { kind: 'updatable', view: { schema: 'bank', name: 'account_Ledger' }, history: { schema: 'bank', name: 'MSSQL_LedgerHistoryFor_1525580473' } } }),
      { ...account({ name: 'named', ledger: { kind: 'updatable', view: { schema: 'audit', name: 'named.view' }, history: { schema: 'bank', name: 'named_history' } } }), primaryKey: pk('pk_named', ['id']) },
      { ...table('dbo.events', { columns: [col('id', 'int')] }), ledger: { kind: 'append-only', view: { schema: 'dbo', name: 'events_Ledger' } } },
    ], { schemas: ['bank', 'dbo'] });
    const { diagnostics, plan, pulled } = roundTrip(pulledDb);
    expectPlansToNothing({ pulled, diagnostics, plan });
    expect(plan.refused).toBeUndefined();
    const text = pulled.files.map((f) => f.text).join('\n');
    expect(text).toContain("@Table('account', { schema: 'bank', ledger: 'updatable' })");
    expect(text).toContain("@Table('named', { schema: 'bank', ledger: { kind: 'updatable', view: 'audit.[named.view]', history: 'named_history' } })");
    expect(text).toContain("@Table('events', { ledger: 'append-only' })");
  });
});
