/**
 * Differ cases for tables moved to another schema (renamedFrom 'schema.table'): ALTER SCHEMA ...
 * TRANSFER after the target schema exists, then sp_rename in the new schema; foreign keys
 * pointing at the table follow it; the emptied old schema is dropped only where the plan manages
 * it; what SQL Server would refuse (a name clash in the target schema, a schema-bound view, a
 * versioned table) is refused before any SQL runs.
 */
import { diff } from '../../src/differ';
import { renderScript } from '../../src/emitters/tsql/script';
import { describeChange as summaryOf } from '../../src/emitters/describe';
import { col, db, df, fk, ix, pk, table } from '../support/model-builders';
import { describe as describeChange, hazardsOf, runCase, type DiffCase } from './run-case';
import type { DependentModule, Synonym, Table } from '../../src/model';

const orders = (qualified: string, extra: Partial<Table> = {}): Table => ({
  ...table(qualified, {
    columns: [col('id', 'int'), col('status', 'varchar(10)')],
    pk: pk('pk_orders', ['id']),
    indexes: [ix('ix_orders_status', ['status'])],
    defaults: [df('df_orders_status', 'status', "'new'")],
    rowCount: 3,
  }),
  ...extra,
});
const lines = (target: string) => table('dbo.lines', {
  columns: [col('id', 'int'), col('order_id', 'int')], pk: pk('pk_lines', ['id']),
  fks: [fk('fk_lines_order', ['order_id'], target, ['id'])], rowCount: 5,
});

const moved = (extra: Partial<Table> = {}) => orders('archive.purchases', { renamedFrom: 'orders', renamedFromSchema: 'sales', ...extra });

const cases: DiffCase[] = [
  {
    name: 'a table moved to a new schema and renamed: the schema, ALTER SCHEMA TRANSFER, then sp_rename; the FK into it follows; the emptied schema goes (allow-drop)',
    current: db([orders('sales.orders'), lines('sales.orders')]),
    desired: db([moved(), lines('archive.purchases')]),
    allowDrop: true,
    steps: ['createSchema archive', 'transferTable sales.orders->archive', 'dropSchema sales', 'renameTable archive.orders->purchases'],
    hazards: ['transferTable sales.orders->archive: permissions-dropped'],
    noDataLoss: true,
  },
  {
    name: 'a move into an existing schema, same name: one transfer; without allow-drop the emptied schema is listed',
    current: db([orders('sales.orders'), table('archive.old', { columns: [col('id', 'int')] })]),
    desired: db([orders('archive.orders', { renamedFrom: 'orders', renamedFromSchema: 'sales' }), table('archive.old', { columns: [col('id', 'int')] })]),
    steps: ['transferTable sales.orders->archive'],
    skipped: ['schema sales..sales'],
  },
  {
    name: 'a bare renamedFrom still means the same schema: a table of that name elsewhere is not moved',
    current: db([orders('sales.orders')]),
    desired: db([orders('archive.orders', { renamedFrom: 'orders' })]),
    allowDrop: true,
    steps: ['dropIndex sales.orders.ix_orders_status', 'dropTable sales.orders', 'createSchema archive', 'dropSchema sales', 'createTable archive.orders', 'createIndex archive.orders.ix_orders_status'],
    reversible: true,
  },
];

describe('differ: tables moved to another schema', () => {
  for (const c of cases) test(c.name, () => runCase(c));

  test('the up script transfers then renames; the down script renames back then transfers back', () => {
    const plan = diff(db([moved(), lines('archive.purchases')]), db([orders('sales.orders'), lines('sales.orders')]), { allowDrop: true });
    const up = renderScript(plan, { direction: 'up', databaseName: null }).text;
    const down = renderScript(plan, { direction: 'down', databaseName: null }).text;
    const at = (text: string, needle: string) => { const i = text.indexOf(needle); expect(i).toBeGreaterThanOrEqual(0); return i; };
    expect(at(up, "EXEC(N'CREATE SCHEMA [archive]');")).toBeLessThan(at(up, 'ALTER SCHEMA [archive] TRANSFER OBJECT::[sales].[orders];'));
    expect(at(up, 'ALTER SCHEMA [archive] TRANSFER OBJECT::[sales].[orders];')).toBeLessThan(at(up, "EXEC sp_rename N'[archive].[orders]', N'purchases', N'OBJECT';"));
    expect(at(up, 'ALTER SCHEMA [archive] TRANSFER')).toBeLessThan(at(up, 'DROP SCHEMA [sales];'));
    expect(at(down, "EXEC(N'CREATE SCHEMA [sales]');")).toBeLessThan(at(down, 'ALTER SCHEMA [sales] TRANSFER OBJECT::[archive].[orders];'));
    expect(at(down, "EXEC sp_rename N'[archive].[purchases]', N'orders', N'OBJECT';")).toBeLessThan(at(down, 'ALTER SCHEMA [sales] TRANSFER OBJECT::[archive].[orders];'));
    expect(at(down, 'ALTER SCHEMA [sales] TRANSFER OBJECT::[archive].[orders];')).toBeLessThan(at(down, 'DROP SCHEMA [archive];'));
    const step = plan.steps.find((s) => s.change.kind === 'transferTable');
    expect(step?.hazards[0]?.message).toMatch(/drops every permission granted on it/);
    expect(step?.downHazards?.[0]?.code).toBe('permissions-dropped');
    expect(step?.impact).toMatchObject({ rule: 'transfer', class: 'metadata-only' });
  });

  test('permissions read from the catalog are granted again after the move and after the move back, table-level first; no hazard', () => {
    const permissions = [
      { column: null, grantee: 'reporting', permission: 'SELECT', state: 'grant' as const },
      { column: null, grantee: 'reporting', permission: 'INSERT', state: 'grant' as const },
      { column: 'status', grantee: 'app readers', permission: 'UPDATE', state: 'grant-with-grant-option' as const },
      { column: null, grantee: 'public', permission: 'DELETE', state: 'deny' as const },
    ];
    const plan = diff(db([moved(), lines('archive.purchases')]), db([orders('sales.orders', { permissions }), lines('sales.orders')]), { allowDrop: true });
    const step = plan.steps.find((s) => s.change.kind === 'transferTable');
    expect(step?.hazards).toEqual([]);
    expect(step?.downHazards ?? []).toEqual([]);
    expect(summaryOf(step!.change).summary).toBe('move table sales.orders to schema archive (its 4 permissions granted again)');
    // Each statement is a batch of its own: the GRANT and DENY lines after the transfer, in order.
    const grants = (text: string, from: string) => text.slice(text.indexOf(from)).split('\n').filter((l) => /^(GRANT|DENY) /.test(l)).slice(0, 3);
    const up = renderScript(plan, { direction: 'up', databaseName: null }).text;
    expect(grants(up, 'ALTER SCHEMA [archive] TRANSFER OBJECT::[sales].[orders];')).toEqual([
      'GRANT SELECT, INSERT ON OBJECT::[archive].[orders] TO [reporting];',
      'DENY DELETE ON OBJECT::[archive].[orders] TO [public];',
      'GRANT UPDATE ON OBJECT::[archive].[orders] ([status]) TO [app readers] WITH GRANT OPTION;',
    ]);
    const down = renderScript(plan, { direction: 'down', databaseName: null }).text;
    expect(grants(down, 'ALTER SCHEMA [sales] TRANSFER OBJECT::[archive].[orders];')[0]).toBe('GRANT SELECT, INSERT ON OBJECT::[sales].[orders] TO [reporting];');
  });

  test('a move out of a schema the plan does not manage: the table moves, nothing else there is listed or dropped', () => {
    const current = db([orders('sales.orders'), table('sales.kept', { columns: [col('id', 'int')] })]);
    const desired = db([orders('archive.orders', { renamedFrom: 'orders', renamedFromSchema: 'sales' })]);
    const plan = diff(desired, current, { allowDrop: true, managedSchemas: ['archive'] });
    expect(plan.steps.map((s) => describeChange(s.change))).toEqual(['createSchema archive', 'transferTable sales.orders->archive']);
    expect(plan.skipped).toEqual([]);
  });

  test('a move whose source is gone and target absent warns, naming the schema it looked in', () => {
    const plan = diff(db([moved()]), db([]), { allowDrop: false });
    expect(plan.warnings?.map((w) => w.message)).toEqual([expect.stringMatching(/renamedFrom 'orders', but schema sales has neither orders nor archive.purchases/)]);
  });
});

describe('differ: moves SQL Server would refuse are refused before any SQL runs', () => {
  test('a constraint name the target schema already holds (constraint names are schema-scoped)', () => {
    const other = table('archive.invoices', { columns: [col('id', 'int')], pk: pk('pk_orders', ['id']) });
    const plan = diff(db([moved(), other]), db([orders('sales.orders'), other]), { allowDrop: false });
    expect(plan.steps.map((s) => describeChange(s.change))).not.toContain('transferTable sales.orders->archive');
    expect(plan.refused).toEqual([expect.objectContaining({
      change: 'move table sales.orders to schema archive',
      reason: expect.stringMatching(/primary key pk_orders of sales\.orders would clash with primary key pk_orders of archive\.invoices/),
    })]);
  });

  test('a table of the same name already in the target schema', () => {
    const squatter = table('archive.orders', { columns: [col('id', 'int')] });
    const desired = db([moved(), table('archive.orders_x', { columns: [col('id', 'int')], renamedFrom: 'orders' })]);
    const plan = diff(desired, db([orders('sales.orders'), squatter]), { allowDrop: false });
    expect(plan.refused).toEqual(expect.arrayContaining([expect.objectContaining({ reason: expect.stringMatching(/schema archive already has table orders/) })]));
  });

  test('a schema-bound view over the table', () => {
    const view: DependentModule = {
      schema: 'sales', name: 'v_orders', type: 'V', definition: 'CREATE VIEW sales.v_orders WITH SCHEMABINDING AS SELECT id FROM sales.orders', schemaBound: true,
      ansiNulls: true, quotedIdentifier: true, parent: null, indexes: [], definedName: { schema: 'sales', name: 'v_orders' },
      references: [{ schema: 'sales', name: 'orders', isTable: true, columns: ['id'], columnsFrom: 'catalog', schemaBound: true }],
    };
    const plan = diff(db([moved()]), { ...db([orders('sales.orders')]), modules: [view] }, { allowDrop: false });
    expect(plan.refused).toEqual(expect.arrayContaining([expect.objectContaining({
      change: 'move table sales.orders to schema archive', reason: expect.stringMatching(/schema-bound view sales\.v_orders reads sales\.orders/),
    })]));
    expect(plan.steps.map((s) => s.change.kind)).not.toContain('transferTable');
  });

  test('a system-versioned table that stays versioned', () => {
    const versioning = { historySchema: 'sales', historyTable: 'orders_history', retention: { unit: 'INFINITE' as const } };
    const plan = diff(db([moved({ versioning: { ...versioning, historySchema: 'archive', historyTable: 'purchases_history' } })]),
      db([orders('sales.orders', { versioning })]), { allowDrop: false });
    expect(plan.refused).toEqual(expect.arrayContaining([expect.objectContaining({ reason: expect.stringMatching(/system-versioned/) })]));
    // The table itself is not moved; its history table, declared in the other schema, may be
    // (diff-temporal.ts moves a history table while versioning is off).
    const moves = plan.steps.flatMap((s) => (s.change.kind === 'transferTable' ? [`${s.change.from}.${s.change.name}`] : []));
    expect(moves).not.toContain('sales.orders');
  });

  test('a versioned table whose versioning the plan turns off is moved after it', () => {
    const versioning = { historySchema: 'sales', historyTable: 'orders_history', retention: { unit: 'INFINITE' as const } };
    const plan = diff(db([moved()]), db([orders('sales.orders', { versioning })]), { allowDrop: false });
    expect(plan.refused ?? []).toEqual([]);
    const kinds = plan.steps.map((s) => s.change.kind);
    expect(kinds.indexOf('disableVersioning')).toBeGreaterThanOrEqual(0);
    expect(kinds.indexOf('transferTable')).toBeGreaterThan(kinds.indexOf('disableVersioning'));
  });

  test('a synonym of the table name in the target schema clashes; a synonym pointing at the table gets a hazard', () => {
    const synonym = (schema: string, name: string, base: string): Synonym => ({
      schema, name, baseObject: `[sales].[${base}]`, base: { server: null, database: null, schema: 'sales', name: base },
    });
    const clash = diff(db([moved()]), { ...db([orders('sales.orders')]), synonyms: [synonym('archive', 'orders', 'x')] }, { allowDrop: false });
    expect(clash.refused).toEqual([expect.objectContaining({ reason: expect.stringMatching(/table sales\.orders would clash with synonym archive\.orders/) })]);
    const pointing = diff(db([moved()]), { ...db([orders('sales.orders')]), synonyms: [synonym('dbo', 'orders_syn', 'orders')] }, { allowDrop: false });
    expect(hazardsOf(pointing)).toContain('transferTable sales.orders->archive: dependent-object');
  });

  test('hazards name the move for a view that only reads the table', () => {
    const view: DependentModule = {
      schema: 'dbo', name: 'v_open', type: 'V', definition: 'CREATE VIEW dbo.v_open AS SELECT id FROM sales.orders', schemaBound: false,
      ansiNulls: true, quotedIdentifier: true, parent: null, indexes: [], definedName: { schema: 'dbo', name: 'v_open' },
      references: [{ schema: 'sales', name: 'orders', isTable: true, columns: [], columnsFrom: 'unknown', schemaBound: false }],
    };
    const plan = diff(db([moved()]), { ...db([orders('sales.orders')]), modules: [view] }, { allowDrop: false });
    expect(hazardsOf(plan)).toContain('transferTable sales.orders->archive: dependent-object');
  });
});
