/**
 * Placement over the wire: a table on a partition scheme with an aligned index, a key on a
 * filegroup. A missing data space is refused before any SQL runs; the placement is read back,
 * kept when a column change re-creates an index, moved by a re-create, undone by the DOWN
 * script, and pulled back to a schema that plans nothing. Stand-in only: on a real server a
 * filegroup needs a file on the server's disk before rows can go there.
 */
import type { ComparableCatalog } from './support/catalog-compare';
import { expectExit, shown } from './support/project';
import { migrateAndBack } from './support/migrate-and-back';
import { pullPlansNothing } from './support/round-trip';
import { execAll } from './support/sqlcmd';
import { e2eTargets } from './real-server';
import { liveSuite } from './support/live-suite';

const FAST = ['--no-type-check'];

const SCHEMA = `import { Column, Index, PrimaryKey, Table } from 'schemac';

@Table('events', { on: { partitionScheme: 'ps_events', column: 'id' } })
@PrimaryKey('pk_events', ['id'], { clustered: true })
@Index('ix_events_code', ['code'], { fillFactor: 80 })
export class Event {
  @Column.int() id!: number;
  @Column.varchar(20) code!: string;
}

@Table('readings', { on: { partitionScheme: 'ps_events', column: 'bucket' } })
@Index('cx_readings_code', ['code'], { clustered: true })
@Index('ix_readings_name', ['name'])
export class Reading {
  @Column.int() id!: number;
  @Column.int() bucket!: number;
  @Column.varchar(20) code!: string;
  @Column.varchar(20) name!: string;
}

@Table('accounts')
@PrimaryKey('pk_accounts', ['id'], { clustered: false, on: 'FG_DATA', fillFactor: 90 })
export class Account {
  @Column.int() id!: number;
  @Column.varchar(50) name!: string;
}
`;

const DATA_SPACES = [
  'ALTER DATABASE CURRENT ADD FILEGROUP [FG_DATA];',
  'CREATE PARTITION FUNCTION [pf_events] (int) AS RANGE RIGHT FOR VALUES (100, 200);',
  'CREATE PARTITION SCHEME [ps_events] AS PARTITION [pf_events] ALL TO ([PRIMARY]);',
];

for (const spec of e2eTargets().filter((t) => t.faults)) {
  describe(`placement on the ${spec.name}`, () => {
    const suite = liveSuite(spec, { example: false, dropTables: [] });
    const { snapshot, planIsEmpty } = suite;
    const run = (...args: string[]) => suite.project.run([...args, '--database', suite.target.url, ...FAST]);
    const placements = (s: ComparableCatalog) => (s.index_data_spaces ?? []) as Record<string, unknown>[];


    beforeAll(() => suite.project.write('placement.schema.ts', SCHEMA));

    it('refuses a plan that names a filegroup or partition scheme the database lacks, before any SQL runs', async () => {
      const plan = await run('plan');
      expect(plan.code).toBe(1);
      expect(shown(plan)).toContain('partition scheme ps_events (id), which the database does not have');
      expect(shown(plan)).toContain('filegroup FG_DATA, which the database does not have');
    }, 120_000);

    it('creates the table on its scheme, the index aligned and the key on its filegroup, and reads them back', async () => {
      await execAll(suite.target.url, DATA_SPACES);
      const up = await run('emit-sql');
      expect(up.stdout).toContain('CONSTRAINT [pk_events] PRIMARY KEY CLUSTERED ([id]) ON [ps_events] ([id])');
      expect(up.stdout).toContain(') ON [ps_events] ([id]);');
      expect(up.stdout).toContain('CREATE NONCLUSTERED INDEX [ix_events_code] ON [dbo].[events] ([code]) WITH (FILLFACTOR = 80) ON [ps_events] ([id]);');
      expect(up.stdout).toContain('CONSTRAINT [pk_accounts] PRIMARY KEY NONCLUSTERED ([id]) WITH (FILLFACTOR = 90) ON [FG_DATA]');
      expectExit(await run('apply', '--auto-approve'), 0);
      await planIsEmpty();
      const rows = placements(await snapshot());
      expect(rows).toEqual(expect.arrayContaining([
        expect.objectContaining({ index: 'dbo.events.pk_events', data_space_name: 'ps_events', data_space_type: 'PS', partition_column: 'id' }),
        expect.objectContaining({ index: 'dbo.events.ix_events_code', data_space_name: 'ps_events', partition_column: 'id' }),
        expect.objectContaining({ index: 'dbo.accounts.pk_accounts', data_space_name: 'FG_DATA', data_space_type: 'FG', partition_column: null }),
      ]));
      await execAll(suite.target.url, ["INSERT INTO dbo.events (id, code) VALUES (1, 'a'), (150, 'b'), (250, 'c'); INSERT INTO dbo.accounts (id, name) VALUES (1, 'x');"]);
    }, 240_000);

    it('reads the partitioning column SQL Server adds to a non-unique index as the placement\'s, declared or not', async () => {
      await execAll(suite.target.url, ["INSERT INTO dbo.readings (id, bucket, code, name) VALUES (1, 50, 'a', 'x'), (2, 150, 'b', 'y'), (3, 250, 'a', 'z');"]);
      const columns = (await snapshot()).index_columns.filter((r) => String((r as { index: string }).index).startsWith('dbo.readings.'));
      expect(columns.map((r) => (r as { index: string; column: string }).column)).toEqual(['code', 'name']);
      // Declaring it (the clustered key's last column, an INCLUDE) changes nothing SQL Server builds.
      suite.project.edit('placement.schema.ts', "['code'], { clustered: true }", "['code', 'bucket'], { clustered: true }");
      suite.project.edit('placement.schema.ts', "@Index('ix_readings_name', ['name'])", "@Index('ix_readings_name', ['name'], { include: ['bucket'] })");
      try {
        await planIsEmpty();
      } finally {
        suite.project.edit('placement.schema.ts', "['code', 'bucket'], { clustered: true }", "['code'], { clustered: true }");
        suite.project.edit('placement.schema.ts', "@Index('ix_readings_name', ['name'], { include: ['bucket'] })", "@Index('ix_readings_name', ['name'])");
      }
    }, 240_000);

    it('keeps the index on the scheme when a column change re-creates it', async () => {
      suite.project.edit('placement.schema.ts', '@Column.varchar(20) code', '@Column.nvarchar(20) code');
      const { after, up } = await migrateAndBack(suite);
      expect(up).toContain('DROP INDEX [ix_events_code]');
      expect(placements(after)).toContainEqual(expect.objectContaining({ index: 'dbo.events.ix_events_code', data_space_name: 'ps_events', partition_column: 'id' }));
    }, 240_000);

    it('moves a key off its filegroup by re-creating it, and back down', async () => {
      suite.project.edit('placement.schema.ts', "{ clustered: false, on: 'FG_DATA', fillFactor: 90 }", '{ clustered: false, fillFactor: 90 }');
      const { after } = await migrateAndBack(suite);
      expect(placements(after).some((p) => p.index === 'dbo.accounts.pk_accounts')).toBe(false);
    }, 240_000);

    it('moves a heap with rows to a filegroup through a transient clustered index, and back down', async () => {
      suite.project.edit('placement.schema.ts', "@Table('accounts')", "@Table('accounts', { on: 'FG_DATA' })");
      const { before, after, up } = await migrateAndBack(suite);
      expect(up).toContain('CREATE CLUSTERED INDEX [schemac_heap_move] ON [dbo].[accounts] ([id]) WITH (ONLINE = ON) ON [FG_DATA];');
      expect(up).toContain('DROP INDEX [schemac_heap_move] ON [dbo].[accounts] WITH (ONLINE = ON);');
      const heapOf = (s: ComparableCatalog) => placements(s).filter((p) => String(p.index).startsWith('dbo.accounts.') && p.index !== 'dbo.accounts.pk_accounts');
      expect(heapOf(before)).toEqual([]);
      expect(heapOf(after)).toEqual([expect.objectContaining({ data_space_name: 'FG_DATA', data_space_type: 'FG' })]);
      expect(after.indexes.some((i) => (i as { name: string }).name === 'schemac_heap_move')).toBe(false);
    }, 240_000);

    it('pulls the placement back to schema files that plan nothing', async () => {
      await pullPlansNothing(suite, 'events.schema.ts', (text) => {
          expect(text).toContain("@Table('events', { on: { partitionScheme: 'ps_events', column: 'id' } })");
      });
    }, 240_000);
  });
}
