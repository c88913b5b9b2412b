/**
 * ROWGUIDCOL in the stand-in: reported by sys.columns.is_rowguidcol, set and cleared by ALTER
 * COLUMN ... ADD | DROP ROWGUIDCOL (one uniqueidentifier per table), and an ALTER COLUMN of the
 * ROWGUIDCOL refused ("The modified column can't be ... The ROWGUIDCOL for the table").
 */
import { open, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = open();
  await h.ok(`CREATE TABLE dbo.p (id int NOT NULL, rowguid uniqueidentifier NOT NULL ROWGUIDCOL CONSTRAINT df_p_rowguid DEFAULT (newid()), other uniqueidentifier NULL, n int NULL);`);
});

const FLAGS = `SELECT name, is_rowguidcol FROM sys.columns WHERE object_id = OBJECT_ID('dbo.p') ORDER BY column_id`;

test('ADD and DROP ROWGUIDCOL, one per table, uniqueidentifier only', async () => {
  expect((await h.rows(FLAGS)).filter((r) => r.is_rowguidcol).map((r) => r.name)).toEqual(['rowguid']);
  expect((await h.errors(`ALTER TABLE dbo.p ALTER COLUMN other ADD ROWGUIDCOL;`)).map((e) => e.number)).toEqual([8196]);
  expect((await h.errors(`ALTER TABLE dbo.p ALTER COLUMN n ADD ROWGUIDCOL;`)).map((e) => e.number)).toEqual([8101]);
  await h.ok(`ALTER TABLE dbo.p ALTER COLUMN rowguid DROP ROWGUIDCOL; ALTER TABLE dbo.p ALTER COLUMN other ADD ROWGUIDCOL;`);
  expect((await h.rows(FLAGS)).filter((r) => r.is_rowguidcol).map((r) => r.name)).toEqual(['other']);
});

test('an ALTER COLUMN of the ROWGUIDCOL is refused until the property is dropped', async () => {
  expect((await h.errors(`ALTER TABLE dbo.p ALTER COLUMN other uniqueidentifier NOT NULL;`))).toEqual([]);
  await h.ok(`ALTER TABLE dbo.p ALTER COLUMN other uniqueidentifier NULL;`);
  await h.ok(`ALTER TABLE dbo.p DROP CONSTRAINT df_p_rowguid;`);
  expect((await h.errors(`ALTER TABLE dbo.p ALTER COLUMN rowguid uniqueidentifier NULL;`)).map((e) => e.number)).toEqual([4928]);
  await h.ok(`ALTER TABLE dbo.p ALTER COLUMN rowguid DROP ROWGUIDCOL; ALTER TABLE dbo.p ALTER COLUMN rowguid uniqueidentifier NULL; ALTER TABLE dbo.p ALTER COLUMN rowguid ADD ROWGUIDCOL;`);
  expect((await h.rows(FLAGS)).find((r) => r.name === 'rowguid')).toEqual({ name: 'rowguid', is_rowguidcol: true });
});
