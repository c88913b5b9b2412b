/**
 * Graph tables in plans: CREATE TABLE ... AS NODE | AS EDGE, edge constraints added after the
 * node tables they name and dropped before them (the down script in reverse), a changed edge
 * constraint dropped and added again, a renamed node table followed, an undeclared one skipped
 * without --allow-drop, a system-named one renamed or kept, and a graph-kind change refused.
 */
import { diff } from '../../src/differ';
import { renderScript } from '../../src/emitters';
import { preflightBatch } from '../../src/emitters/tsql/preflight';
import type { EdgeConstraint, Table } from '../../src/model';
import { col, db, pk, table } from '../support/model-builders';
import { applyPlan } from '../support/simulate';
import { expectValidTsql } from '../support/tsql-grammar';
import { runCase } from '../differ/run-case';
import { expectPlansToNothing, roundTrip } from '../pull/support';

const node = (name: string, extra: Partial<Table> = {}): Table => ({ ...table(`dbo.${name}`, { columns: [col('id', 'int')], pk: pk(`pk_${name}`, ['id']) }), graph: 'node', ...extra });
const ec = (name: string, pairs: readonly [string, string][], o: Partial<EdgeConstraint> = {}): EdgeConstraint => ({
  name, isSystemNamed: false, onDelete: 'NO_ACTION',
  connections: pairs.map(([from, to]) => ({ fromSchema: 'dbo', fromTable: from, toSchema: 'dbo', toTable: to })), ...o,
});
const edge = (name: string, constraints: EdgeConstraint[], extra: Partial<Table> = {}): Table => ({
  ...table(`dbo.${name}`, { columns: [col('since', 'int', { nullable: true })] }), graph: 'edge',
  ...(constraints.length > 0 ? { edgeConstraints: constraints } : {}), ...extra,
});
const script = (plan: ReturnType<typeof diff>, direction: 'up' | 'down') => renderScript(plan, { direction, databaseName: 'app' }).text;

describe('graph tables in plans', () => {
  it('creates node tables, then the edge table, and adds its edge constraint last; down drops it first', () => {
    const desired = db([node('person'), node('city'), edge('lives_in', [ec('ec_lives_in', [['person', 'city'], ['person', 'person']], { onDelete: 'CASCADE' })])]);
    runCase({
      name: 'new graph', current: db([]), desired,
      steps: ['createTable dbo.city', 'createTable dbo.lives_in', 'createTable dbo.person', 'addEdgeConstraint dbo.lives_in.ec_lives_in'],
      noHazards: true,
    });
    const plan = diff(desired, db([]), { allowDrop: false });
    const up = script(plan, 'up');
    expect(up).toContain('CREATE TABLE [dbo].[person] (\n    [id] int NOT NULL,\n    CONSTRAINT [pk_person] PRIMARY KEY CLUSTERED ([id])\n) AS NODE;');
    expect(up).toContain('CREATE TABLE [dbo].[lives_in] (\n    [since] int NULL\n) AS EDGE;');
    expect(up).toContain('ALTER TABLE [dbo].[lives_in] ADD CONSTRAINT [ec_lives_in] CONNECTION ([dbo].[person] TO [dbo].[city], [dbo].[person] TO [dbo].[person]) ON DELETE CASCADE;');
    expectValidTsql(up);
    const down = script(plan, 'down');
    expect(down.indexOf('DROP CONSTRAINT [ec_lives_in]')).toBeLessThan(down.indexOf('DROP TABLE [dbo].[person]'));
    expectValidTsql(down);
  });

  it('writes an edge table without columns as CREATE TABLE t AS EDGE', () => {
    const bare: Table = { ...table('dbo.likes', { columns: [] }), graph: 'edge' };
    const up = script(diff(db([bare]), db([]), { allowDrop: false }), 'up');
    expect(up).toContain('CREATE TABLE [dbo].[likes] AS EDGE;');
    expectValidTsql(up);
  });

  it('drops an edge constraint before the node table it names, and re-creates a changed one', () => {
    const current = db([node('person'), node('city'), edge('lives_in', [ec('ec_lives_in', [['person', 'city']])])]);
    runCase({
      name: 'drop a node table', current, allowDrop: true,
      desired: db([node('person'), edge('lives_in', [ec('ec_lives_in', [['person', 'person']])])]),
      steps: ['dropEdgeConstraint dbo.lives_in.ec_lives_in', 'dropTable dbo.city', 'addEdgeConstraint dbo.lives_in.ec_lives_in'],
      hazards: [],
    });
    runCase({
      name: 'on delete changes', current,
      desired: db([node('person'), node('city'), edge('lives_in', [ec('ec_lives_in', [['person', 'city']], { onDelete: 'CASCADE' })])]),
      steps: ['dropEdgeConstraint dbo.lives_in.ec_lives_in', 'addEdgeConstraint dbo.lives_in.ec_lives_in'],
    });
    // The order of clauses does not matter; an undeclared constraint is skipped without --allow-drop.
    runCase({
      name: 'same clauses, another order', current: db([node('a'), node('b'), edge('e', [ec('ec_e', [['a', 'b'], ['b', 'a']])])]),
      desired: db([node('a'), node('b'), edge('e', [ec('ec_e', [['b', 'a'], ['a', 'b']])])]), steps: [],
    });
    runCase({ name: 'undeclared', current, desired: db([node('person'), node('city'), edge('lives_in', [])]), steps: [], skipped: ['edgeConstraint dbo.lives_in.ec_lives_in'] });
  });

  it('says the pre-flight does not count the edges a new edge constraint would refuse', () => {
    const current = db([node('person'), node('city'), { ...edge('lives_in', []), rowCount: 2 }]);
    const plan = diff(db([node('person'), node('city'), edge('lives_in', [ec('ec_lives_in', [['person', 'city']])])]), current, { allowDrop: false });
    const batch = preflightBatch(plan, current, { samples: false, key: (n) => n.toLowerCase() });
    expect(batch.gaps).toEqual([{ stepIndex: 0, kind: 'check', reason: 'edge constraint ec_lives_in checks the 2 edge(s) already in dbo.lives_in; schemac does not count the ones it would refuse beforehand' }]);
  });

  it('follows a renamed node table, and renames or keeps a system-named edge constraint', () => {
    const current = db([node('person'), edge('knows', [ec('EC__knows__3B75D760', [['person', 'person']], { isSystemNamed: true })])]);
    const renamed = db([node('people', { renamedFrom: 'person', primaryKey: pk('pk_person', ['id']) }), edge('knows', [ec('ec_knows', [['people', 'people']])])]);
    const plan = diff(renamed, current, { allowDrop: false });
    expect(plan.steps.map((s) => s.change.kind)).toEqual(['renameConstraint', 'renameTable']);
    expect(diff(renamed, current, { allowDrop: false, systemNames: 'keep' }).steps.map((s) => s.change.kind)).toEqual(['renameTable']);
    const after = applyPlan(current, plan.steps, 'up');
    expect(after.tables.find((t) => t.name === 'knows')?.edgeConstraints?.map((e) => e.name)).toEqual(['ec_knows']);
  });

  it('refuses a graph-kind change with a message saying what to do', () => {
    const current = db([{ ...node('person'), rowCount: 3 }]);
    const plan = diff(db([{ ...node('person'), graph: undefined }]), current, { allowDrop: true });
    expect(plan.steps).toEqual([]);
    expect(plan.refused).toEqual([{
      table: { schema: 'dbo', name: 'person' }, change: 'make dbo.person an ordinary table',
      reason: expect.stringMatching(/^dbo\.person is a node table in the database and an ordinary table in the schema; SQL Server cannot change a table's graph kind .*the edges that point at them/),
    }]);
    expect(diff(db([{ ...node('person'), graph: 'edge' }]), current, { allowDrop: true }).refused?.[0]?.change).toBe('make dbo.person a edge table');
  });
});

describe('pull of graph tables', () => {
  it('writes graph kinds and edge constraints (a system-named one under the compiler default name, or the next free one), so the pulled schema plans nothing', () => {
    const pulledDb = db([
      node('person'), { ...node('city'), schema: 'geo' },
      { ...table('dbo.likes', { columns: [] }), graph: 'edge', edgeConstraints: [ec('EC__likes__5E6F7A8B', [['person', 'person']], { isSystemNamed: true })] },
      {
        ...edge('lives_in', [
          { name: 'ec_lives_in', isSystemNamed: false, onDelete: 'CASCADE', connections: [{ fromSchema: 'dbo', fromTable: 'person', toSchema: 'geo', toTable: 'city' }] },
          ec('EC__lives_in__1A2B3C4D', [['person', 'person']], { isSystemNamed: true }),
        ]),
      },
    ], { schemas: ['dbo', 'geo'] });
    const { diagnostics, plan, pulled } = roundTrip(pulledDb);
    expectPlansToNothing({ pulled, diagnostics, plan });
    const text = pulled.files.map((f) => f.text).join('\n');
    expect(text).toContain("@Table('person', { graph: 'node' })");
    expect(text).toContain("@Connection('ec_lives_in', [{ from: () => Person, to: () => City }], { onDelete: 'CASCADE' })");
    expect(text).toContain("@Table('likes', { graph: 'edge' })\n@Connection([{ from: () => Person, to: () => Person }])\nexport class Likes {}");
    // The compiler's default ec_lives_in is taken by the named one: the next free name is written.
    expect(text).toContain("@Connection('ec_lives_in_2', [{ from: () => Person, to: () => Person }])");
  });
  it('refuses edge constraints on a server before SQL Server 2019, by name; graph tables themselves are SQL Server 2017\'s', () => {
    const desired = db([node('person'), node('city'), edge('lives_in', [ec('ec_lives_in', [['person', 'city']])])]);
    const on = (engineEdition: number, majorVersion: number) => ({ ...db([]), server: { engineEdition, edition: '', majorVersion } });
    expect(diff(desired, on(3, 14), { allowDrop: false }).refused).toEqual([{
      table: { schema: 'dbo', name: 'lives_in' }, change: 'edge constraint ec_lives_in',
      reason: 'Enterprise 14 has no edge constraints (SQL Server 2019 or Azure SQL has them); remove edgeConstraints or use a newer server',
    }]);
    expect(diff(db([node('person'), node('city'), edge('lives_in', [])]), on(3, 14), { allowDrop: false }).refused ?? []).toEqual([]);
    for (const [edition, major] of [[3, 15], [5, 12], [8, 12]] as const) expect(diff(desired, on(edition, major), { allowDrop: false }).refused ?? []).toEqual([]);
  });
});
