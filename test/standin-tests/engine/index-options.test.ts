/**
 * Index options in the stand-in: CREATE INDEX, a key's WITH (...) in CREATE TABLE and ALTER
 * TABLE, ALTER INDEX ... REBUILD WITH and ALTER INDEX ... SET, reported by sys.indexes,
 * sys.stats and INDEXPROPERTY as SQL Server reports them (sys-indexes-transact-sql,
 * sys-stats-transact-sql, indexproperty-transact-sql), and the grammar gaps they need.
 */
import { open, type Harness } from './harness';
import { checkSyntax, tokenize } from '../../standin/engine/grammar';

const OPTIONS = `SELECT i.name, i.fill_factor, i.is_padded, i.allow_row_locks, i.allow_page_locks, i.optimize_for_sequential_key, st.no_recompute
FROM sys.indexes i LEFT JOIN sys.stats st ON st.object_id = i.object_id AND st.stats_id = i.index_id
WHERE i.object_id = OBJECT_ID('dbo.t') AND i.name IS NOT NULL ORDER BY i.index_id`;

let h: Harness;
beforeEach(async () => {
  h = open();
  await h.ok(`CREATE TABLE [dbo].[t] ([a] int NOT NULL, [b] int NOT NULL,
  CONSTRAINT [pk_t] PRIMARY KEY NONCLUSTERED ([a]) WITH (FILLFACTOR = 80, STATISTICS_NORECOMPUTE = ON));
INSERT INTO [dbo].[t] ([a], [b]) VALUES (1, 10), (2, 20);
CREATE NONCLUSTERED INDEX [ix_t_b] ON [dbo].[t] ([b]) WITH (PAD_INDEX = ON, FILLFACTOR = 70, ALLOW_ROW_LOCKS = OFF, ALLOW_PAGE_LOCKS = OFF, OPTIMIZE_FOR_SEQUENTIAL_KEY = ON);`);
});

test('CREATE TABLE keys and CREATE INDEX keep their WITH options; the defaults read 0 / ON / OFF', async () => {
  expect(await h.rows(OPTIONS)).toEqual([
    { name: 'pk_t', fill_factor: 80, is_padded: false, allow_row_locks: true, allow_page_locks: true, optimize_for_sequential_key: false, no_recompute: true },
    { name: 'ix_t_b', fill_factor: 70, is_padded: true, allow_row_locks: false, allow_page_locks: false, optimize_for_sequential_key: true, no_recompute: false },
  ]);
  expect(await h.rows("SELECT INDEXPROPERTY(OBJECT_ID('dbo.t'), 'ix_t_b', 'IsOptimizedForSequentialKey') AS osk, INDEXPROPERTY(OBJECT_ID('dbo.t'), 'ix_t_b', 'IndexFillFactor') AS ff, INDEXPROPERTY(OBJECT_ID('dbo.t'), 'ix_t_b', 'NoSuchProperty') AS other"))
    .toEqual([{ osk: 1, ff: 70, other: null }]);
});

test('a rebuild sets FILLFACTOR and PAD_INDEX and keeps what it is not given; SET changes the rest at once; rows stay', async () => {
  await h.ok('ALTER INDEX [ix_t_b] ON [dbo].[t] REBUILD WITH (FILLFACTOR = 100, ONLINE = ON);');
  await h.ok('ALTER INDEX [ix_t_b] ON [dbo].[t] SET (ALLOW_ROW_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF, STATISTICS_NORECOMPUTE = ON);');
  expect((await h.rows(OPTIONS))[1]).toEqual({
    name: 'ix_t_b', fill_factor: 100, is_padded: true, allow_row_locks: true, allow_page_locks: false, optimize_for_sequential_key: false, no_recompute: true,
  });
  expect(await h.rows('SELECT COUNT(*) AS n FROM [dbo].[t]')).toEqual([{ n: 2 }]);
});

test('ALTER TABLE ADD CONSTRAINT takes the options too', async () => {
  await h.ok('ALTER TABLE [dbo].[t] ADD CONSTRAINT [uq_t_b] UNIQUE NONCLUSTERED ([b]) WITH (FILLFACTOR = 60, ALLOW_PAGE_LOCKS = OFF);');
  expect((await h.rows(OPTIONS)).find((r) => r.name === 'uq_t_b')).toMatchObject({ fill_factor: 60, allow_page_locks: false });
});

test('FILLFACTOR outside 1..100 and FILLFACTOR in ALTER INDEX ... SET are refused', async () => {
  expect((await h.errors('CREATE NONCLUSTERED INDEX [ix_bad] ON [dbo].[t] ([a]) WITH (FILLFACTOR = 101);')).map((e) => e.number)).toHaveLength(1);
  expect((await h.errors('CREATE NONCLUSTERED INDEX [ix_bad] ON [dbo].[t] ([a]) WITH (FILLFACTOR = 0);')).map((e) => e.number)).toHaveLength(1);
  expect(await h.errors('ALTER INDEX [ix_t_b] ON [dbo].[t] SET (FILLFACTOR = 50);')).toHaveLength(1);
  expect((await h.rows(OPTIONS)).map((r) => r.name)).toEqual(['pk_t', 'ix_t_b']);
});

// Each is documented T-SQL (create-index, alter-table-index-option, create-table,
// alter-database file-and-filegroup options, create-partition-function / -scheme pages).
const GAPS = [
  'CREATE TABLE [dbo].[x] ([a] int NOT NULL, CONSTRAINT [pk] PRIMARY KEY NONCLUSTERED ([a]) WITH (FILLFACTOR = 80))',
  'ALTER TABLE [dbo].[x] ADD CONSTRAINT [pk] PRIMARY KEY NONCLUSTERED ([a]) WITH (FILLFACTOR = 80)',
  'CREATE NONCLUSTERED INDEX [ix] ON [dbo].[x] ([a]) WITH (FILLFACTOR = 80)',
  'CREATE NONCLUSTERED INDEX [ix] ON [dbo].[x] ([a]) ON [ps]([a])',
  'CREATE TABLE [dbo].[x] ([a] int NOT NULL, CONSTRAINT [pk] PRIMARY KEY CLUSTERED ([a]) ON [ps]([a])) ON [ps]([a])',
  'ALTER DATABASE CURRENT ADD FILEGROUP [FG_DATA]',
  'CREATE PARTITION FUNCTION [pf] (int) AS RANGE RIGHT FOR VALUES (10, 20)',
  'CREATE PARTITION SCHEME [ps] AS PARTITION [pf] ALL TO ([PRIMARY])',
];

test.each(GAPS)('rejected by the raw grammar, accepted after the pre-pass: %s', (sql) => {
  expect(checkSyntax(sql, [])).not.toBeNull();
  expect(checkSyntax(sql, tokenize(sql))).toBeNull();
});

describe('data spaces', () => {
  const PLACED = `SELECT i.name, i.index_id, ds.name AS space, ds.type, COL_NAME(ic.object_id, ic.column_id) AS col
FROM sys.indexes i JOIN sys.data_spaces ds ON ds.data_space_id = i.data_space_id
LEFT JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.partition_ordinal = 1
WHERE i.object_id = OBJECT_ID('dbo.p') ORDER BY i.index_id`;

  beforeEach(async () => {
    await h.ok(`ALTER DATABASE CURRENT ADD FILEGROUP [FG_DATA];
CREATE PARTITION FUNCTION [pf] (int) AS RANGE RIGHT FOR VALUES (10, 20);
CREATE PARTITION SCHEME [ps] AS PARTITION [pf] ALL TO ([PRIMARY]);`);
  });

  test('sys.data_spaces, sys.filegroups, sys.partition_schemes and sys.partition_functions list them', async () => {
    expect(await h.rows('SELECT name, type, is_default FROM sys.data_spaces ORDER BY data_space_id')).toEqual([
      { name: 'PRIMARY', type: 'FG', is_default: true }, { name: 'FG_DATA', type: 'FG', is_default: false }, { name: 'ps', type: 'PS', is_default: false },
    ]);
    expect(await h.rows('SELECT name FROM sys.filegroups ORDER BY data_space_id')).toEqual([{ name: 'PRIMARY' }, { name: 'FG_DATA' }]);
    expect(await h.rows('SELECT s.name, f.name AS fn FROM sys.partition_schemes s JOIN sys.partition_functions f ON f.function_id = s.function_id')).toEqual([{ name: 'ps', fn: 'pf' }]);
  });

  test('a table on a scheme, its clustered key, an aligned index without ON and one on a filegroup; the partitioning column is listed', async () => {
    await h.ok(`CREATE TABLE [dbo].[p] ([a] int NOT NULL, [b] int NOT NULL, CONSTRAINT [pk_p] PRIMARY KEY CLUSTERED ([a])) ON [ps] ([a]);
CREATE NONCLUSTERED INDEX [ix_p_b] ON [dbo].[p] ([b]);
CREATE NONCLUSTERED INDEX [ix_p_b2] ON [dbo].[p] ([b]) ON [FG_DATA];
INSERT INTO [dbo].[p] VALUES (1, 1), (15, 2), (30, 3);`);
    expect(await h.rows(PLACED)).toEqual([
      { name: 'pk_p', index_id: 1, space: 'ps', type: 'PS', col: 'a' },
      { name: 'ix_p_b', index_id: 2, space: 'ps', type: 'PS', col: 'a' },
      { name: 'ix_p_b2', index_id: 3, space: 'FG_DATA', type: 'FG', col: null },
    ]);
    // DROP_EXISTING moves an index and keeps the rows.
    await h.ok('CREATE NONCLUSTERED INDEX [ix_p_b] ON [dbo].[p] ([b]) WITH (DROP_EXISTING = ON) ON [FG_DATA];');
    expect((await h.rows(PLACED))[1]).toMatchObject({ name: 'ix_p_b', space: 'FG_DATA' });
    expect(await h.rows('SELECT COUNT(*) AS n FROM [dbo].[p]')).toEqual([{ n: 3 }]);
  });

  test('the partitioning column added to a non-unique index it does not name: key_ordinal 0, not included, partition_ordinal 1', async () => {
    await h.ok(`CREATE TABLE [dbo].[r] ([a] int NOT NULL, [b] int NOT NULL, [c] int NOT NULL) ON [ps] ([a]);
CREATE CLUSTERED INDEX [cx_r_b] ON [dbo].[r] ([b]);
CREATE NONCLUSTERED INDEX [ix_r_c] ON [dbo].[r] ([c]);
CREATE NONCLUSTERED INDEX [ix_r_ca] ON [dbo].[r] ([c]) INCLUDE ([a]);`);
    expect(await h.rows(`SELECT i.name, COL_NAME(ic.object_id, ic.column_id) AS col, ic.key_ordinal, ic.is_included_column, ic.partition_ordinal
FROM sys.index_columns ic JOIN sys.indexes i ON i.object_id = ic.object_id AND i.index_id = ic.index_id
WHERE ic.object_id = OBJECT_ID('dbo.r') ORDER BY ic.index_id, ic.index_column_id`)).toEqual([
      { name: 'cx_r_b', col: 'b', key_ordinal: 1, is_included_column: false, partition_ordinal: 0 },
      { name: 'cx_r_b', col: 'a', key_ordinal: 0, is_included_column: false, partition_ordinal: 1 },
      { name: 'ix_r_c', col: 'c', key_ordinal: 1, is_included_column: false, partition_ordinal: 0 },
      { name: 'ix_r_c', col: 'a', key_ordinal: 0, is_included_column: false, partition_ordinal: 1 },
      { name: 'ix_r_ca', col: 'c', key_ordinal: 1, is_included_column: false, partition_ordinal: 0 },
      { name: 'ix_r_ca', col: 'a', key_ordinal: 0, is_included_column: true, partition_ordinal: 1 },
    ]);
  });

  test('an unknown filegroup or scheme is refused', async () => {
    expect(await h.errors('CREATE TABLE [dbo].[q] ([a] int NOT NULL) ON [NO_SUCH];')).toHaveLength(1);
    expect(await h.errors('CREATE NONCLUSTERED INDEX [ix_t_a2] ON [dbo].[t] ([a]) ON [nope] ([a]);')).toHaveLength(1);
    expect(await h.errors('CREATE PARTITION SCHEME [ps2] AS PARTITION [pf] ALL TO ([NO_SUCH]);')).toHaveLength(1);
    // A unique index aligned to a scheme needs the partitioning column in its key.
    await h.ok('CREATE TABLE [dbo].[u] ([a] int NOT NULL, [b] int NOT NULL) ON [ps] ([a]);');
    expect((await h.errors('CREATE UNIQUE NONCLUSTERED INDEX [ux_u_b] ON [dbo].[u] ([b]);')).map((e) => e.number)).toEqual([1908]);
    await h.ok('CREATE UNIQUE NONCLUSTERED INDEX [ux_u_ab] ON [dbo].[u] ([b], [a]);');
  });
});
