/**
 * Storage options over the wire (issue 15, item 4): SPARSE columns, DATA_COMPRESSION on tables
 * and indexes, IGNORE_DUP_KEY and columnstore indexes. Each is created from nothing, planned
 * empty afterwards, changed and converged, undone exactly by its DOWN script, and pulled back
 * to a schema that plans nothing.
 */
import { expectExit, shown, tempProject } from './support/project';
import { connect } from './support/sqlcmd';
import { migrateAndBack } from './support/migrate-and-back';
import { e2eTargets } from './real-server';
import { liveSuite } from './support/live-suite';

const FAST = ['--no-type-check'];

const SCHEMA = `import { ClusteredColumnstoreIndex, Column, ColumnstoreIndex, Index, PrimaryKey, Table, Unique } from 'schemac';

@Table('readings')
@Index('ix_readings_id', ['id'], { unique: true, clustered: true })
@Index('ix_readings_code', ['code'], { unique: true, ignoreDupKey: true })
@Index('ix_readings_taken_at', ['takenAt'], { dataCompression: 'ROW' })
export class Reading {
  @Column.bigint({ identity: [1, 1] }) id!: number;
  @Column.varchar(20) code!: string;
  @Column.datetime2(3) takenAt!: Date;
  @Column.nvarchar(200, { nullable: true, sparse: true }) note!: string | null;
}

@Table('metrics', { dataCompression: 'PAGE' })
@PrimaryKey('pk_metrics', ['id'], { clustered: false, dataCompression: 'ROW' })
@Unique('uq_metrics_name', ['name'], { ignoreDupKey: true })
@ColumnstoreIndex('ncci_metrics', ['name', 'value'])
export class Metric {
  @Column.int() id!: number;
  @Column.varchar(50) name!: string;
  @Column.decimal(18, 4) value!: number;
}

@Table('facts')
@ClusteredColumnstoreIndex('cci_facts')
export class Fact {
  @Column.int() id!: number;
  @Column.date() day!: string;
  @Column.money() amount!: number;
}
`;

for (const spec of e2eTargets()) {
  describe(`storage options on the ${spec.name}`, () => {
    const suite = liveSuite(spec, { example: false, dropTables: [] });
    const { snapshot, planIsEmpty } = suite;

    beforeAll(() => suite.project.write('storage.schema.ts', SCHEMA));

    it('creates every storage option from nothing, reads it back as SQL Server stores it, and plans nothing after', async () => {
      const apply = await suite.project.run(['apply', '--database', suite.target.url, '--auto-approve', ...FAST]);
      expectExit(apply, 0);
      await planIsEmpty();
      const s = await snapshot();
      expect(s.columns).toContainEqual(expect.objectContaining({ table: 'dbo.readings', name: 'note', is_sparse: true }));
      expect(s.indexes).toContainEqual(expect.objectContaining({ table: 'dbo.readings', name: 'ix_readings_code', ignore_dup_key: true }));
      expect(s.indexes).toContainEqual(expect.objectContaining({ table: 'dbo.facts', name: 'cci_facts', type_desc: 'CLUSTERED COLUMNSTORE' }));
      expect(s.indexes).toContainEqual(expect.objectContaining({ table: 'dbo.metrics', name: 'ncci_metrics', type_desc: 'NONCLUSTERED COLUMNSTORE' }));
      expect(s.partitions).toEqual(expect.arrayContaining([
        expect.objectContaining({ index: 'dbo.readings.ix_readings_taken_at', data_compression_desc: 'ROW' }),
        expect.objectContaining({ index: 'dbo.metrics.(heap)', data_compression_desc: 'PAGE' }),
        expect.objectContaining({ index: 'dbo.metrics.pk_metrics', data_compression_desc: 'ROW' }),
        expect.objectContaining({ index: 'dbo.facts.cci_facts', data_compression_desc: 'COLUMNSTORE' }),
        expect.objectContaining({ index: 'dbo.metrics.ncci_metrics', data_compression_desc: 'COLUMNSTORE' }),
      ]));
      // A columnstore index has no key columns: each is an included column with key_ordinal 0.
      expect(s.index_columns).toContainEqual(expect.objectContaining({ index: 'dbo.metrics.ncci_metrics', column: 'value', key_ordinal: 0, is_included_column: true }));
    }, 240_000);

    it('skips a duplicate key with message 3604 where IGNORE_DUP_KEY is ON, and fails with 2627 where it is not', async () => {
      const pool = await connect(suite.target.url);
      try {
        const infos: { number: number; message: string }[] = [];
        const request = pool.request();
        request.on('info', (i: { number: number; message: string }) => infos.push({ number: i.number, message: i.message }));
        const r = await request.query("INSERT INTO dbo.readings (code, taken_at) VALUES ('a', '2024-01-01'), ('a', '2024-01-02'), ('b', '2024-01-03');");
        expect(r.rowsAffected).toEqual([2]);
        expect(infos).toContainEqual({ number: 3604, message: 'Duplicate key was ignored.' });
        await expect(pool.request().query("INSERT INTO dbo.metrics (id, name, value) VALUES (1, 'x', 1), (1, 'y', 2);")).rejects.toMatchObject({ number: 2627 });
      } finally {
        await pool.close();
      }
    }, 60_000);

    it('changes a nonclustered index compression with ALTER INDEX ... REBUILD, and back down', async () => {
      suite.project.edit('storage.schema.ts', "{ dataCompression: 'ROW' })\nexport class Reading", "{ dataCompression: 'PAGE' })\nexport class Reading");
      const { after, up } = await migrateAndBack(suite);
      expect(up).toContain('ALTER INDEX [ix_readings_taken_at] ON [dbo].[readings] REBUILD WITH (DATA_COMPRESSION = PAGE');
      expect(after.partitions).toContainEqual(expect.objectContaining({ index: 'dbo.readings.ix_readings_taken_at', data_compression_desc: 'PAGE' }));
    }, 240_000);

    it('changes a table compression with ALTER TABLE ... REBUILD', async () => {
      suite.project.edit('storage.schema.ts', "@Table('metrics', { dataCompression: 'PAGE' })", "@Table('metrics', { dataCompression: 'ROW' })");
      const { after, up } = await migrateAndBack(suite);
      expect(up).toContain('ALTER TABLE [dbo].[metrics] REBUILD WITH (DATA_COMPRESSION = ROW');
      expect(after.partitions).toContainEqual(expect.objectContaining({ index: 'dbo.metrics.(heap)', data_compression_desc: 'ROW' }));
    }, 240_000);

    it('turns IGNORE_DUP_KEY off with ALTER INDEX ... SET', async () => {
      suite.project.edit('storage.schema.ts', "['code'], { unique: true, ignoreDupKey: true }", "['code'], { unique: true }");
      const { after, up } = await migrateAndBack(suite);
      expect(up).toContain('ALTER INDEX [ix_readings_code] ON [dbo].[readings] SET (IGNORE_DUP_KEY = OFF);');
      expect(after.indexes).toContainEqual(expect.objectContaining({ name: 'ix_readings_code', ignore_dup_key: false }));
    }, 240_000);

    it('drops SPARSE from a column with rows, and adds it back on the way down', async () => {
      suite.project.edit('storage.schema.ts', '{ nullable: true, sparse: true }', '{ nullable: true }');
      const { after, up } = await migrateAndBack(suite);
      expect(up).toContain('ALTER TABLE [dbo].[readings] ALTER COLUMN [note] DROP SPARSE;');
      expect(after.columns).toContainEqual(expect.objectContaining({ table: 'dbo.readings', name: 'note', is_sparse: false }));
    }, 240_000);

    it('archives a clustered columnstore index', async () => {
      suite.project.edit('storage.schema.ts', "@ClusteredColumnstoreIndex('cci_facts')", "@ClusteredColumnstoreIndex('cci_facts', { dataCompression: 'COLUMNSTORE_ARCHIVE' })");
      const { after, up } = await migrateAndBack(suite);
      expect(up).toContain('ALTER INDEX [cci_facts] ON [dbo].[facts] REBUILD WITH (DATA_COMPRESSION = COLUMNSTORE_ARCHIVE');
      expect(after.partitions).toContainEqual(expect.objectContaining({ index: 'dbo.facts.cci_facts', data_compression_desc: 'COLUMNSTORE_ARCHIVE' }));
    }, 240_000);

    it('converts a rowstore clustered table to a clustered columnstore index of the same name in place', async () => {
      suite.project.edit('storage.schema.ts', "@Index('ix_readings_id', ['id'], { unique: true, clustered: true })", "@ClusteredColumnstoreIndex('ix_readings_id')");
      suite.project.edit('storage.schema.ts', "@Index('ix_readings_taken_at', ['takenAt'], { dataCompression: 'PAGE' })", "@Index('ix_readings_taken_at', ['takenAt'])");
      const { after, up } = await migrateAndBack(suite);
      expect(up).toContain('CREATE CLUSTERED COLUMNSTORE INDEX [ix_readings_id] ON [dbo].[readings] WITH (DROP_EXISTING = ON');
      expect(after.indexes).toContainEqual(expect.objectContaining({ name: 'ix_readings_id', type_desc: 'CLUSTERED COLUMNSTORE' }));
    }, 240_000);

    it('pulls the database back to schema files that plan nothing', async () => {
      const pulled = tempProject(false);
      try {
        const out = await pulled.run(['pull', '--database', suite.target.url, '--out', 'schema']);
        expectExit(out, 0);
        const text = ['readings', 'metrics', 'facts'].map((f) => pulled.read(`${f}.schema.ts`)).join('\n');
        expect(text).toContain("@ClusteredColumnstoreIndex('cci_facts', { dataCompression: 'COLUMNSTORE_ARCHIVE' })");
        expect(text).toContain("@ColumnstoreIndex('ncci_metrics', ['name', 'value'])");
        expect(text).toContain("dataCompression: 'ROW'");
        const plan = await pulled.run(['plan', '--database', suite.target.url, '--detailed-exitcode', ...FAST]);
        if (plan.code !== 0) throw new Error(`plan after pull is not empty: ${shown(plan)}`);
      } finally {
        pulled.remove();
      }
    }, 240_000);
  });
}
