/** Moving a partitioned table's clustered index (and with it the rows) to a filegroup: one DROP_EXISTING rebuild each, clustered first. */
import { col, db, ix, table } from '../support/model-builders';
import { diff } from '../../src/differ';
import type { DataSpace, Table } from '../../src/model';

const PS: DataSpace = { kind: 'partitionScheme', name: 'ps_month', column: 'id' };
const FG: DataSpace = { kind: 'filegroup', name: 'FG_DATA' };
const t = (d: DataSpace): Table => ({
  ...table('events', {
    columns: [col('id', 'int'), col('code', 'varchar(20)')],
    indexes: [{ ...ix('cx_events', ['id'], { clustered: true }), dataSpace: d }, { ...ix('ix_events_code', ['code']), dataSpace: d }],
  }),
  dataSpace: d, rowCount: 5_000_000,
});

it('rebuilds the clustered index on the new place first, then the aligned nonclustered one, each with its lock impact', () => {
  const plan = diff(db([t(FG)]), db([t(PS)]), { allowDrop: false });
  expect(plan.steps.map((s) => [s.change.kind, s.change.kind === 'redefineIndex' ? s.change.to.name : '', s.impact?.class])).toEqual([
    ['redefineIndex', 'cx_events', 'table-rebuild'],
    ['redefineIndex', 'ix_events_code', 'index-build'],
  ]);
  expect(plan.steps[0].hazards.map((h) => h.code)).toContain('index-build');
});
