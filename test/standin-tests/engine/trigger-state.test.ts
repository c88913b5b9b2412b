/**
 * ENABLE / DISABLE TRIGGER (enable-trigger-transact-sql.md, disable-trigger-transact-sql.md) and
 * ALTER TABLE ... { ENABLE | DISABLE } TRIGGER { ALL | names } (alter-table-transact-sql.md), as
 * SSMS's scripts and data loads write them: a disabled trigger stays in sys.triggers with
 * is_disabled = 1 and does not fire.
 */
import { open } from './harness';

test('a disabled trigger does not fire; ENABLE brings it back; sys.triggers.is_disabled says which', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.bins (bin_id int PRIMARY KEY, qty int NOT NULL)`);
  await h.ok(`CREATE TABLE dbo.bin_log (bin_id int, what varchar(10))`);
  await h.ok(`CREATE TRIGGER dbo.tr_bins_added ON dbo.bins AFTER INSERT AS INSERT INTO dbo.bin_log SELECT bin_id, 'added' FROM inserted`);
  await h.ok(`CREATE TRIGGER dbo.tr_bins_changed ON dbo.bins AFTER UPDATE AS INSERT INTO dbo.bin_log SELECT bin_id, 'changed' FROM inserted`);
  const state = `SELECT name, is_disabled FROM sys.triggers ORDER BY name`;
  await h.ok(`DISABLE TRIGGER dbo.tr_bins_added ON dbo.bins`);
  await h.ok(`INSERT INTO dbo.bins VALUES (1, 5)`);
  expect(await h.rows(state)).toEqual([{ name: 'tr_bins_added', is_disabled: true }, { name: 'tr_bins_changed', is_disabled: false }]);
  await h.ok(`ALTER TABLE dbo.bins ENABLE TRIGGER ALL`);
  await h.ok(`INSERT INTO dbo.bins VALUES (2, 5)`);
  await h.ok(`ALTER TABLE dbo.bins DISABLE TRIGGER tr_bins_changed, tr_bins_added`);
  await h.ok(`UPDATE dbo.bins SET qty = 6`);
  expect(await h.rows(state)).toEqual([{ name: 'tr_bins_added', is_disabled: true }, { name: 'tr_bins_changed', is_disabled: true }]);
  await h.ok(`ENABLE TRIGGER ALL ON dbo.bins`);
  await h.ok(`UPDATE dbo.bins SET qty = 7 WHERE bin_id = 1`);
  expect(await h.rows(`SELECT bin_id, what FROM dbo.bin_log ORDER BY bin_id, what`)).toEqual([{ bin_id: 1, what: 'changed' }, { bin_id: 2, what: 'added' }]);
  expect((await h.errors(`DISABLE TRIGGER dbo.tr_missing ON dbo.bins`)).map((e) => e.number)).toEqual([3701]);
  expect((await h.errors(`ALTER TABLE dbo.bins DISABLE TRIGGER tr_bins_added,`)).map((e) => e.number)).toEqual([102]);
});
