/**
 * LOCK_ESCALATION of a kept table: one ALTER TABLE ... SET each way when it differs (absent is
 * TABLE); none when equal; a new table's is set in its createTable step, after the CREATE.
 */
import { diff } from '../../src/differ';
import { renderScript } from '../../src/emitters/tsql/script';
import type { Table } from '../../src/model';
import { col, db, pk, table } from '../support/model-builders';
import { runCase } from './run-case';

const hot = (extra: Partial<Table> = {}): Table => ({ ...table('dbo.hot', { columns: [col('id', 'int')], pk: pk('pk_hot', ['id']), rowCount: 10 }), ...extra });

test.each([
  [undefined, 'AUTO', 'setLockEscalation dbo.hot TABLE->AUTO'],
  ['DISABLE', undefined, 'setLockEscalation dbo.hot DISABLE->TABLE'],
  ['AUTO', 'DISABLE', 'setLockEscalation dbo.hot AUTO->DISABLE'],
] as const)('%s -> %s is one step, undone by the down script', (from, to, expected) => {
  runCase({
    name: `${from} -> ${to}`,
    current: db([hot(from === undefined ? {} : { lockEscalation: from })]),
    desired: db([hot(to === undefined ? {} : { lockEscalation: to })]),
    steps: [expected], noDataLoss: true, reversible: true,
  });
});

test('the same setting plans nothing', () => {
  expect(diff(db([hot({ lockEscalation: 'AUTO' })]), db([hot({ lockEscalation: 'AUTO' })]), { allowDrop: false }).steps).toEqual([]);
});

test('a new table gets its setting right after its CREATE TABLE, in the same step', () => {
  const plan = diff(db([hot({ lockEscalation: 'DISABLE' })]), db([]), { allowDrop: false });
  expect(plan.steps.map((s) => s.change.kind)).toEqual(['createTable']);
  const up = renderScript(plan, { direction: 'up', databaseName: null }).text;
  expect(up.indexOf('ALTER TABLE [dbo].[hot] SET (LOCK_ESCALATION = DISABLE);')).toBeGreaterThan(up.indexOf('CREATE TABLE [dbo].[hot]'));
});
