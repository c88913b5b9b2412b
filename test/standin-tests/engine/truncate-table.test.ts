/**
 * TRUNCATE TABLE (truncate-table-transact-sql.md), which test corpora and data scripts run between
 * cases: every row goes, the identity restarts at its seed, a transaction can undo it, and a table
 * another table's FOREIGN KEY references is refused (Msg 4712; a self-reference is allowed).
 */
import { open } from './harness';

test('TRUNCATE TABLE empties the table and restarts its identity; ROLLBACK undoes it', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.shelves (shelf_id int IDENTITY(100, 10) PRIMARY KEY, parent_id int NULL REFERENCES dbo.shelves, label varchar(9) NOT NULL)`);
  await h.ok(`INSERT INTO dbo.shelves (label) VALUES ('top'), ('low')`);
  expect(await h.sets(`BEGIN TRAN; TRUNCATE TABLE dbo.shelves; SELECT COUNT(*) AS n FROM dbo.shelves; ROLLBACK; SELECT COUNT(*) AS n FROM dbo.shelves`))
    .toEqual([[{ n: 0 }], [{ n: 2 }]]);
  await h.ok(`TRUNCATE TABLE [dbo].[shelves]`);
  await h.ok(`INSERT INTO dbo.shelves (label) VALUES ('new')`);
  expect(await h.rows(`SELECT shelf_id, label FROM dbo.shelves`)).toEqual([{ shelf_id: 100, label: 'new' }]);
});

test('a table another table references, or a missing one, is refused', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.aisles (aisle_id int PRIMARY KEY)`);
  await h.ok(`CREATE TABLE dbo.bays (bay_id int PRIMARY KEY, aisle_id int NOT NULL REFERENCES dbo.aisles)`);
  await h.ok(`INSERT INTO dbo.aisles VALUES (1); INSERT INTO dbo.bays VALUES (1, 1)`);
  expect((await h.errors(`TRUNCATE TABLE dbo.aisles`)).map((e) => [e.number, e.message]))
    .toEqual([[4712, "Cannot truncate table 'dbo.aisles' because it is being referenced by a FOREIGN KEY constraint."]]);
  await h.ok(`TRUNCATE TABLE dbo.bays`);
  expect(await h.rows(`SELECT (SELECT COUNT(*) FROM dbo.aisles) AS aisles, (SELECT COUNT(*) FROM dbo.bays) AS bays`)).toEqual([{ aisles: 1, bays: 0 }]);
  expect((await h.errors(`TRUNCATE TABLE dbo.missing`)).map((e) => e.number)).toEqual([4701]);
});
