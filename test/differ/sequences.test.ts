/**
 * Sequences in the differ: created before the tables whose defaults draw from them, dropped after;
 * ALTER SEQUENCE for every option but the type; a type change drops and re-creates the sequence
 * around the defaults that use it. Each case runs up (converges) and down (restores exactly).
 */
import { diff } from '../../src/differ';
import type { Sequence } from '../../src/model';
import { col, db, df, seq, table } from '../support/model-builders';
import { describe as describeChange, hazardsOf, runCase } from './run-case';
import { renderScript } from '../../src/emitters/tsql/script';
import { expectValidTsql } from '../support/tsql-grammar';

const INT = { name: 'int' } as const;
const orders = (defaults = [df('df_orders_no', 'no', 'NEXT VALUE FOR [dbo].[order_no]')]) =>
  table('orders', { columns: [col('id', 'int'), col('no', 'bigint')], defaults, rowCount: 3 });

describe('differ: sequences', () => {
  it('creates a sequence before the table whose default draws from it, in a new schema after the schema', () => {
    runCase({
      name: 'create', current: db([]),
      desired: db([orders()], { sequences: [seq('order_no'), seq('sales.invoice_no')] }),
      steps: ['createSchema sales', 'createSequence dbo.order_no', 'createSequence sales.invoice_no', 'createTable dbo.orders'],
      noHazards: true,
    });
  });

  it('adds a default drawing from a new sequence after creating it', () => {
    runCase({
      name: 'add default', current: db([orders([])]),
      desired: db([orders()], { sequences: [seq('order_no')] }),
      steps: ['createSequence dbo.order_no', 'addDefault dbo.orders.df_orders_no'],
    });
  });

  it('drops a sequence after the table and default that drew from it, with --allow-drop; the value it reached is lost', () => {
    runCase({
      name: 'drop', current: db([orders()], { sequences: [seq('order_no')] }), desired: db([]), allowDrop: true,
      steps: ['dropTable dbo.orders', 'dropSequence dbo.order_no'],
      hazards: ['dropSequence dbo.order_no: data-loss'],
    });
  });

  it('lists an undeclared sequence as skipped without --allow-drop', () => {
    runCase({
      name: 'skip', current: db([], { sequences: [seq('legacy')] }), desired: db([]),
      steps: [], skipped: ['sequence dbo..legacy'],
    });
  });

  it('never drops a sequence a declared default still draws from (an external one)', () => {
    runCase({
      name: 'external', current: db([orders()], { sequences: [seq('order_no')] }), desired: db([orders()]), allowDrop: true,
      steps: [],
    });
  });

  it('never touches a sequence in a schema the plan does not manage', () => {
    const plan = diff(db([]), db([], { sequences: [seq('other.theirs')] }), { allowDrop: true, managedSchemas: ['dbo'] });
    expect(plan.steps).toEqual([]);
    expect(plan.skipped).toEqual([]);
  });

  const alterations: [string, Partial<Sequence>][] = [
    ['increment', { increment: '5' }],
    ['min and max', { min: '0', max: '1000' }],
    ['cycle', { cycle: true }],
    ['cache size', { cache: { kind: 'size', size: 50 } }],
    ['no cache', { cache: { kind: 'none' } }],
  ];
  it.each(alterations)('alters %s in place', (_what, change) => {
    runCase({
      name: 'alter', current: db([orders()], { sequences: [seq('order_no')] }),
      desired: db([orders()], { sequences: [seq('order_no', change)] }),
      steps: ['alterSequence dbo.order_no'], noHazards: true,
    });
  });

  it('restarts for a new start value, saying that numbers may repeat and that down cannot restore the value reached', () => {
    const current = db([orders()], { sequences: [seq('order_no')] });
    const desired = db([orders()], { sequences: [seq('order_no', { start: '1000', min: '1000' })] });
    runCase({ name: 'restart', current, desired, steps: ['alterSequence dbo.order_no'], hazards: ['alterSequence dbo.order_no: sequence-restart'] });
    const message = diff(desired, current, { allowDrop: false }).steps[0]?.hazards[0]?.message ?? '';
    expect(message).toMatch(/RESTART WITH 1000/);
    expect(message).toMatch(/down script restarts it at 1, not at the value it had reached/);
  });

  it('changes the type by dropping the defaults that draw from it, re-creating the sequence where it was, then adding them back', () => {
    const current = db([orders()], { sequences: [seq('order_no')] });
    const desired = db([orders()], { sequences: [seq('order_no', { type: INT, max: '2147483647' })] });
    runCase({
      name: 'type', current, desired,
      steps: ['dropDefault dbo.orders.df_orders_no', 'recreateSequence dbo.order_no', 'addDefault dbo.orders.df_orders_no'],
    });
    const plan = diff(desired, current, { allowDrop: false });
    // bigint can reach past int's maximum: said, and the script stops rather than restart.
    expect(hazardsOf(plan)).toEqual(['recreateSequence dbo.order_no: sequence-restart']);
    expect(plan.steps[1]?.hazards[0]?.message).toMatch(/can reach 9223372036854775807 as bigint but can continue only up to 2147483647 as int: .*the apply stops/);
    // The down script is the inverses in reverse order: the default goes before the sequence it draws from.
    expect([...plan.steps].reverse().map((s) => (s.inverse === null ? 'none' : describeChange(s.inverse)))).toEqual([
      'dropDefault dbo.orders.df_orders_no', 'recreateSequence dbo.order_no', 'addDefault dbo.orders.df_orders_no',
    ]);
    // Widening loses nothing: no hazard, either way round but the narrowing down script.
    const wide = diff(current, desired, { allowDrop: false });
    expect(wide.steps.flatMap((s) => s.hazards.map((h) => h.message))).toEqual([expect.stringMatching(/^the down script: sequence dbo.order_no can reach/)]);
  });

  it('writes the re-create as one batch that continues after the value reached when the script runs', () => {
    const current = db([], { sequences: [seq('order_no', { type: INT, max: '2147483647' })] });
    const desired = db([], { sequences: [seq('order_no')] });
    const plan = diff(desired, current, { allowDrop: false });
    const up = renderScript(plan, { direction: 'up', databaseName: null }).text;
    const down = renderScript(plan, { direction: 'down', databaseName: null }).text;
    for (const text of [up, down]) {
      expectValidTsql(text);
      const batch = text.split('\nGO\n').find((b) => b.includes('DROP SEQUENCE')) ?? '';
      expect(batch).toContain("SELECT CONVERT(decimal(38, 0), current_value) FROM sys.sequences WHERE object_id = OBJECT_ID(N'[dbo].[order_no]')");
      expect(batch).toContain("EXEC sys.sp_sequence_get_range @sequence_name = N'[dbo].[order_no]', @range_size = @schemac_taken;");
      expect(batch).not.toContain('RESTART');
    }
    expect(up).toContain('CREATE SEQUENCE [dbo].[order_no] AS bigint START WITH 1');
    expect(down).toContain('CREATE SEQUENCE [dbo].[order_no] AS int START WITH 1');
  });

  it('plans nothing when the sequences match', () => {
    const both = db([orders()], { sequences: [seq('order_no', { cache: { kind: 'size', size: 20 } })] });
    expect(diff(both, both, { allowDrop: true }).steps).toEqual([]);
  });
});
