/**
 * `--resumable` in the scripts: the up script runs every other step in its transaction, then,
 * after COMMIT, each resumable build with a comment saying what it gives up and a guard that
 * stops the script if it failed; the driver's statements say which run after COMMIT; the down
 * script stays one transaction. Golden and checked by the independent grammar.
 */
import type { Plan } from '../../src/differ/changes';
import { renderScript, statementsForDriver } from '../../src/emitters/tsql/script';
import { driverStatementsOfScript } from '../../src/emitters/tsql/script-batches';
import { expectGolden } from '../support/golden';
import { expectValidTsql } from '../support/tsql-grammar';
import { col, ix, plan, step } from './fixtures';

const orders = { schema: 'dbo', name: 'orders' };
const index = ix('ix_orders_customer', ['customer']);

function resumablePlan(): Plan {
  const note = col('note', { name: 'varchar', length: 100 }, { nullable: true });
  return plan([
    step({ kind: 'addColumn', table: orders, column: note }, { kind: 'dropColumn', table: orders, column: note }),
    step({ kind: 'createIndex', table: orders, index, online: { lowPriorityWaitMinutes: null }, resumable: { maxDurationMinutes: 60 } }, { kind: 'dropIndex', table: orders, index }),
  ]);
}

describe('resumable builds in scripts', () => {
  it('runs them after COMMIT, each with its comment and guard; the rest stays all or nothing', () => {
    const up = renderScript(resumablePlan(), { direction: 'up', databaseName: 'app' });
    expectGolden('resumable.up.sql', up.text);
    const commit = up.text.indexOf('COMMIT TRANSACTION;');
    expect(up.text.indexOf('ALTER TABLE [dbo].[orders] ADD [note]')).toBeLessThan(commit);
    expect(up.text.indexOf('WITH (ONLINE = ON, RESUMABLE = ON, MAX_DURATION = 60 MINUTES);')).toBeGreaterThan(commit);
    expect(expectValidTsql(up.text).gapsUsed).toEqual(['resumable-max-duration-minutes']);
  });

  it('marks the builds for the driver, and reading the script back leaves out the guard', () => {
    const up = statementsForDriver(resumablePlan(), 'up');
    expect(up.map((s) => [s.stepIndex, s.afterCommit === true])).toEqual([[0, false], [1, true]]);
    const back = driverStatementsOfScript(renderScript(resumablePlan(), { direction: 'up', databaseName: null }).text);
    expect(back.map((s) => s.stepIndex)).toEqual([0, 1]);
  });

  it('keeps the down script one transaction', () => {
    const down = renderScript(resumablePlan(), { direction: 'down', databaseName: 'app' });
    expect(down.text).not.toContain('AFTER COMMIT');
    expect(down.text.indexOf('DROP INDEX [ix_orders_customer] ON [dbo].[orders];')).toBeLessThan(down.text.indexOf('COMMIT TRANSACTION;'));
    expect(expectValidTsql(down.text).gapsUsed).toEqual([]);
  });
});
