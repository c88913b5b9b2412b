/**
 * ALTER INDEX i | ALL ON t DISABLE and the REBUILD that enables an index again
 * (disable-indexes-and-constraints.md, alter-index-transact-sql.md), and REBUILD PARTITION = n of
 * an index or a table (n must be one of its partitions).
 */
import { open } from './harness';

const codes = (errs: readonly { number: number }[]): number[] => errs.map((e) => e.number);
const STATE = `SELECT name, is_disabled FROM sys.indexes WHERE object_id = OBJECT_ID('dbo.shelves') AND index_id > 0 ORDER BY index_id`;

async function shelves() {
  const h = open();
  await h.ok(`CREATE TABLE dbo.shelves (shelf_id int CONSTRAINT pk_shelves PRIMARY KEY, label varchar(10) NOT NULL CONSTRAINT uq_label UNIQUE, aisle int INDEX ix_aisle)`);
  await h.ok(`CREATE TABLE dbo.bins (bin_id int PRIMARY KEY, shelf_id int CONSTRAINT fk_bins_shelf REFERENCES dbo.shelves (shelf_id), label varchar(10) CONSTRAINT fk_bins_label REFERENCES dbo.shelves (label))`);
  await h.ok(`INSERT dbo.shelves VALUES (1, 'A1', 1), (2, 'A2', 1); INSERT dbo.bins VALUES (10, 1, 'A1')`);
  return h;
}

test('a disabled nonclustered unique index is no longer enforced and disables the foreign keys that use it, with a warning', async () => {
  const h = await shelves();
  const out = await h.ok(`ALTER INDEX uq_label ON dbo.shelves DISABLE`);
  expect(out.filter((o) => o.kind === 'info').map((o) => (o.kind === 'info' ? o.message : ''))).toEqual([
    `Warning: Foreign key 'fk_bins_label' on table 'bins' referencing table 'shelves' was disabled as a result of disabling the index 'uq_label'.`,
  ]);
  expect(await h.rows(STATE)).toEqual([{ name: 'pk_shelves', is_disabled: false }, { name: 'uq_label', is_disabled: true }, { name: 'ix_aisle', is_disabled: false }]);
  expect(await h.rows(`SELECT name, is_disabled, is_not_trusted FROM sys.foreign_keys ORDER BY name`))
    .toEqual([{ name: 'fk_bins_label', is_disabled: true, is_not_trusted: true }, { name: 'fk_bins_shelf', is_disabled: false, is_not_trusted: false }]);
  await h.ok(`INSERT dbo.shelves VALUES (3, 'A1', 2)`);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM dbo.shelves`)).toEqual([{ n: 3 }]);
  // Enabling it again checks the rows written meanwhile.
  expect(codes(await h.errors(`ALTER INDEX uq_label ON dbo.shelves REBUILD`))).toEqual([1505]);
  await h.ok(`DELETE dbo.shelves WHERE shelf_id = 3; ALTER INDEX uq_label ON dbo.shelves REBUILD`);
  expect(await h.rows(STATE)).toEqual([{ name: 'pk_shelves', is_disabled: false }, { name: 'uq_label', is_disabled: false }, { name: 'ix_aisle', is_disabled: false }]);
  // The foreign key stays disabled until ALTER TABLE ... CHECK CONSTRAINT.
  expect(await h.rows(`SELECT is_disabled FROM sys.foreign_keys WHERE name = 'fk_bins_label'`)).toEqual([{ is_disabled: true }]);
});

test('a disabled clustered index makes the table unreadable (8655) until REBUILD; ALTER INDEX ALL disables and enables every index', async () => {
  const h = await shelves();
  await h.ok(`ALTER INDEX ALL ON dbo.shelves DISABLE`);
  expect(await h.rows(STATE)).toEqual([{ name: 'pk_shelves', is_disabled: true }, { name: 'uq_label', is_disabled: true }, { name: 'ix_aisle', is_disabled: true }]);
  expect(await h.rows(`SELECT name FROM sys.foreign_keys WHERE is_disabled = 1 ORDER BY name`)).toEqual([{ name: 'fk_bins_label' }, { name: 'fk_bins_shelf' }]);
  for (const sql of [`SELECT * FROM dbo.shelves`, `INSERT dbo.shelves VALUES (5, 'B1', 2)`, `UPDATE dbo.shelves SET aisle = 3`, `DELETE dbo.shelves`,
    `SELECT b.bin_id FROM dbo.bins b JOIN dbo.shelves s ON s.shelf_id = b.shelf_id`]) {
    const errs = await h.errors(sql);
    expect(codes(errs)).toEqual([8655]);
    expect(errs[0].message).toBe(`The query processor is unable to produce a plan because the index 'pk_shelves' on table or view 'shelves' is disabled.`);
  }
  // A view over it fails the same way; the other table is readable.
  await h.ok(`CREATE VIEW dbo.shelf_labels AS SELECT label FROM dbo.shelves`);
  expect(codes(await h.errors(`SELECT * FROM dbo.shelf_labels`))).toEqual([8655]);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM dbo.bins`)).toEqual([{ n: 1 }]);
  // A nonclustered index waits for the clustered one.
  expect(codes(await h.errors(`ALTER INDEX ix_aisle ON dbo.shelves REBUILD`))).toEqual([1974]);
  await h.ok(`ALTER INDEX pk_shelves ON dbo.shelves REBUILD`);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM dbo.shelves`)).toEqual([{ n: 2 }]);
  expect(await h.rows(STATE)).toEqual([{ name: 'pk_shelves', is_disabled: false }, { name: 'uq_label', is_disabled: true }, { name: 'ix_aisle', is_disabled: true }]);
  await h.ok(`ALTER INDEX ALL ON dbo.shelves DISABLE; ALTER INDEX ALL ON dbo.shelves REBUILD`);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM sys.indexes WHERE object_id = OBJECT_ID('dbo.shelves') AND is_disabled = 1`)).toEqual([{ n: 0 }]);
  expect(await h.rows(`SELECT shelf_id FROM dbo.shelves ORDER BY shelf_id`)).toEqual([{ shelf_id: 1 }, { shelf_id: 2 }]);
});

test('REBUILD PARTITION = n of an index or a table names one of its partitions', async () => {
  const h = await shelves();
  await h.ok(`ALTER INDEX ix_aisle ON dbo.shelves REBUILD PARTITION = 1 WITH (FILLFACTOR = 90)`);
  expect(await h.rows(`SELECT fill_factor FROM sys.indexes WHERE name = 'ix_aisle'`)).toEqual([{ fill_factor: 90 }]);
  expect(codes(await h.errors(`ALTER INDEX ix_aisle ON dbo.shelves REBUILD PARTITION = 2`))).toEqual([7722]);
  await h.ok(`ALTER TABLE dbo.shelves REBUILD PARTITION = 1 WITH (DATA_COMPRESSION = PAGE)`);
  await h.ok(`ALTER TABLE dbo.shelves REBUILD`);
  const [bad] = await h.errors(`ALTER TABLE dbo.shelves REBUILD PARTITION = 3`);
  expect(bad.message).toBe(`Invalid partition number 3 specified for table 'shelves', partition number can range from 1 to 1.`);
  // On a partition scheme, the function's boundaries make the partitions.
  await h.ok(`CREATE PARTITION FUNCTION pf_years (int) AS RANGE RIGHT FOR VALUES (2024, 2025, 2026)`);
  await h.ok(`CREATE PARTITION SCHEME ps_years AS PARTITION pf_years ALL TO ([PRIMARY])`);
  await h.ok(`CREATE TABLE dbo.sales (yr int NOT NULL, amount int NOT NULL) ON ps_years (yr)`);
  await h.ok(`CREATE CLUSTERED INDEX cx_sales ON dbo.sales (yr)`);
  await h.ok(`ALTER INDEX cx_sales ON dbo.sales REBUILD PARTITION = 4`);
  expect(codes(await h.errors(`ALTER INDEX cx_sales ON dbo.sales REBUILD PARTITION = 5`))).toEqual([7722]);
  expect(await h.rows(`SELECT fanout FROM sys.partition_functions`)).toEqual([{ fanout: 4 }]);
});
