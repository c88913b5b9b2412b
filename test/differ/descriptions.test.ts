/**
 * Descriptions in the differ, table-driven: what is a change (whitespace is not), add / update /
 * drop, renames keep theirs, new and re-created columns carry theirs in their ADD; each plan
 * converges and its down restores the current model, descriptions included (the fingerprint
 * hashes them).
 */
import { diff } from '../../src/differ';
import type { Column, Table } from '../../src/model';
import { col, db, table } from '../support/model-builders';
import { runCase, type DiffCase } from './run-case';

const described = <T extends Column | Table>(x: T, description: string): T => ({ ...x, description });
const people = (columns: Column[], description?: string): Table => {
  const t = table('people', { columns, rowCount: 5 });
  return description === undefined ? t : described(t, description);
};
const id = col('id', 'int');
const name = col('name', 'nvarchar(50)');

const cases: DiffCase[] = [
  {
    name: 'whitespace-only differences are not changes',
    current: db([people([id, described(name, 'The   name\nshown  to others.')], 'People.\n\nOne row each.')]),
    desired: db([people([id, described(name, ' The name shown\n  to others. ')], 'People. One row each.')]),
    steps: [],
  },
  {
    name: 'an edited comment is one update; an added one an add; a removed one a drop (no hazard)',
    current: db([people([described(id, 'Key.'), described(name, 'Name.')], 'People.')]),
    desired: db([people([id, described(name, 'The name.')], 'Persons.')]),
    steps: ['setDescription dbo.people', 'setDescription dbo.people.id', 'setDescription dbo.people.name'],
    noHazards: true,
  },
  {
    name: 'a description stored as NULL (read as empty) is dropped when the schema has none',
    current: db([people([described(id, '')])]),
    desired: db([people([id])]),
    steps: ['setDescription dbo.people.id'],
  },
  {
    name: 'a declared column rename keeps its description: sp_rename only',
    current: db([people([id, described(name, 'Name.')])]),
    desired: db([people([id, described(col('full_name', 'nvarchar(50)', { renamedFrom: 'name' }), 'Name.')])]),
    steps: ['renameColumn dbo.people.name->full_name'],
  },
  {
    name: 'a renamed column with a new comment: rename, then update under the new name',
    current: db([people([id, described(name, 'Name.')])]),
    desired: db([people([id, described(col('full_name', 'nvarchar(50)', { renamedFrom: 'name' }), 'Full name.')])]),
    steps: ['renameColumn dbo.people.name->full_name', 'setDescription dbo.people.full_name'],
  },
  {
    name: 'a declared table rename keeps its description',
    current: db([people([id], 'People.')]),
    desired: db([{ ...people([id], 'People.'), name: 'persons', renamedFrom: 'people' }]),
    steps: ['renameTable dbo.people->persons'],
  },
  {
    name: 'a new column carries its description in its ADD',
    current: db([people([id])]),
    desired: db([people([id, described(col('note', 'nvarchar(50)', { nullable: true }), 'Free text.')])]),
    steps: ['addColumn dbo.people.note'],
  },
  {
    name: 'a re-created column (identity change) gets its description back in its ADD, not a separate step',
    current: db([people([described(id, 'Key.')])]),
    desired: db([people([described(col('id', 'int', { identity: true }), 'Key.')])]),
    steps: ['dropColumn dbo.people.id', 'addColumn dbo.people.id'],
    hazards: ['dropColumn dbo.people.id: data-loss'],
    reversible: false,
  },
  {
    name: 'a new table carries its descriptions in its CREATE',
    current: db([]),
    desired: db([people([described(id, 'Key.')], 'People.')]),
    steps: ['createTable dbo.people'],
  },
  {
    name: 'a dropped table takes its descriptions along; its inverse re-creates them',
    current: db([{ ...people([described(id, 'Key.')], 'People.'), rowCount: 0 }]),
    desired: db([]),
    allowDrop: true,
    steps: ['dropTable dbo.people'],
  },
  {
    name: 'an altered column keeps its description (ALTER COLUMN does not touch it)',
    current: db([people([id, described(name, 'Name.')])]),
    desired: db([people([id, described(col('name', 'nvarchar(100)'), 'Name.')])]),
    steps: ['alterColumn dbo.people.name'],
  },
];

describe('differ: descriptions', () => {
  test.each(cases.map((c) => [c.name, c]))('%s', (_name, c) => runCase(c));

  test('the change says from and to; its inverse swaps them', () => {
    const plan = diff(db([people([id], 'New.')]), db([people([id], 'Old.')]), { allowDrop: false });
    expect(plan.steps.map((s) => [s.change, s.inverse])).toEqual([[
      { kind: 'setDescription', table: { schema: 'dbo', name: 'people' }, column: null, from: 'Old.', to: 'New.' },
      { kind: 'setDescription', table: { schema: 'dbo', name: 'people' }, column: null, from: 'New.', to: 'Old.' },
    ]]);
    expect(plan.steps[0]?.impact?.rule).toBe('extended-property');
  });
});
