/**
 * Forms SSMS's "Script Table as" and index maintenance scripts write: a table's WITH (...) after
 * its ON / TEXTIMAGE_ON placement (create-table-transact-sql.md orders them so), and REBUILD
 * PARTITION = ALL of ALTER INDEX and ALTER TABLE (alter-index-transact-sql.md,
 * alter-table-transact-sql.md), and ALTER INDEX ALL ON t REBUILD. The options land where the
 * WITH-first forms put them.
 */
import { open } from './harness';

const compression = `SELECT i.name, p.data_compression_desc AS compression, i.fill_factor FROM sys.partitions p
  JOIN sys.indexes i ON i.object_id = p.object_id AND i.index_id = p.index_id WHERE p.object_id = OBJECT_ID('dbo.depots') ORDER BY p.index_id`;

test('WITH (...) after ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]; REBUILD PARTITION = ALL', async () => {
  const h = open();
  await h.ok(`CREATE TABLE [dbo].[depots]([depot_id] [int] NOT NULL, [memo] [nvarchar](max) NULL,
    CONSTRAINT [PK_depots] PRIMARY KEY CLUSTERED ([depot_id] ASC)) ON [PRIMARY] TEXTIMAGE_ON [PRIMARY] WITH (DATA_COMPRESSION = PAGE)`);
  await h.ok(`CREATE NONCLUSTERED INDEX [IX_depots_desc] ON [dbo].[depots] ([depot_id] DESC)`);
  expect(await h.rows(compression)).toEqual([
    { name: 'PK_depots', compression: 'PAGE', fill_factor: 0 },
    { name: 'IX_depots_desc', compression: 'NONE', fill_factor: 0 },
  ]);
  await h.ok(`ALTER INDEX [IX_depots_desc] ON [dbo].[depots] REBUILD PARTITION = ALL WITH (DATA_COMPRESSION = ROW, FILLFACTOR = 70)`);
  await h.ok(`ALTER TABLE [dbo].[depots] REBUILD PARTITION = ALL WITH (DATA_COMPRESSION = NONE)`);
  expect(await h.rows(compression)).toEqual([
    { name: 'PK_depots', compression: 'NONE', fill_factor: 0 },
    { name: 'IX_depots_desc', compression: 'ROW', fill_factor: 70 },
  ]);
  expect((await h.errors(`CREATE TABLE [dbo].[broken] ([a] int) ON [PRIMARY] WITH (DATA_COMPRESSION = PAGE`)).map((e) => e.number)).toEqual([102]);
});

test('ALTER INDEX ALL ON t REBUILD rebuilds every index, a disabled one included', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.depots (depot_id int NOT NULL CONSTRAINT PK_depots PRIMARY KEY, region char(2) NOT NULL, INDEX IX_depots_region (region))`);
  await h.ok(`ALTER INDEX IX_depots_region ON dbo.depots DISABLE`);
  await h.ok(`ALTER INDEX ALL ON dbo.depots REBUILD WITH (FILLFACTOR = 85, DATA_COMPRESSION = ROW)`);
  expect(await h.rows(`SELECT i.name, i.is_disabled, i.fill_factor, p.data_compression_desc AS compression FROM sys.indexes i
    JOIN sys.partitions p ON p.object_id = i.object_id AND p.index_id = i.index_id WHERE i.object_id = OBJECT_ID('dbo.depots') ORDER BY i.index_id`)).toEqual([
    { name: 'PK_depots', is_disabled: false, fill_factor: 85, compression: 'ROW' },
    { name: 'IX_depots_region', is_disabled: false, fill_factor: 85, compression: 'ROW' },
  ]);
});
