/**
 * INSTEAD OF triggers on views and tables (create-trigger-transact-sql.md): stored with
 * sys.triggers.is_instead_of_trigger = 1, run in place of the INSERT, UPDATE or DELETE with the
 * rows it would have written as `inserted` / `deleted`, and not replaced again for the statements
 * they run against their own object.
 */
import { open } from './harness';

const codes = (errs: readonly { number: number }[]): number[] => errs.map((e) => e.number);

async function members() {
  const h = open();
  await h.ok(`CREATE TABLE dbo.members (member_id int IDENTITY PRIMARY KEY, given varchar(20) NOT NULL, family varchar(20) NOT NULL, active bit NOT NULL DEFAULT 1)`);
  await h.ok(`CREATE TABLE dbo.member_log (note varchar(60) NOT NULL)`);
  await h.ok(`CREATE VIEW dbo.member_names AS SELECT m.member_id, m.given + ' ' + m.family AS full_name, m.active FROM dbo.members m`);
  return h;
}

test('an INSTEAD OF INSERT trigger on a view writes the base table from inserted', async () => {
  const h = await members();
  await h.ok(`CREATE TRIGGER dbo.member_names_add ON dbo.member_names INSTEAD OF INSERT AS
    BEGIN
      SET NOCOUNT ON;
      INSERT dbo.members (given, family)
      SELECT LEFT(full_name, CHARINDEX(' ', full_name) - 1), SUBSTRING(full_name, CHARINDEX(' ', full_name) + 1, 20) FROM inserted;
    END`);
  const out = await h.ok(`INSERT dbo.member_names (full_name) VALUES ('Grace Hopper'), ('Edsger Dijkstra')`);
  expect(out.filter((o) => o.kind === 'done').map((o) => (o.kind === 'done' ? o.rowCount : undefined))).toContain(2);
  expect(await h.rows(`SELECT member_id, full_name, active FROM dbo.member_names ORDER BY member_id`))
    .toEqual([{ member_id: 1, full_name: 'Grace Hopper', active: true }, { member_id: 2, full_name: 'Edsger Dijkstra', active: true }]);
  expect(await h.rows(`SELECT t.name, t.is_instead_of_trigger, OBJECT_NAME(t.parent_id) AS parent, o.type_desc FROM sys.triggers t JOIN sys.objects o ON o.object_id = t.parent_id`))
    .toEqual([{ name: 'member_names_add', is_instead_of_trigger: true, parent: 'member_names', type_desc: 'VIEW' }]);
  // One INSTEAD OF trigger per action; AFTER triggers are for tables only; DROP VIEW drops its triggers.
  expect(codes(await h.errors(`CREATE TRIGGER dbo.member_names_add2 ON dbo.member_names INSTEAD OF INSERT AS SELECT 1`))).toEqual([2111]);
  expect(codes(await h.errors(`CREATE TRIGGER dbo.member_names_after ON dbo.member_names AFTER INSERT AS SELECT 1`))).toEqual([8197]);
  await h.ok(`DROP VIEW dbo.member_names`);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM sys.triggers`)).toEqual([{ n: 0 }]);
});

test('INSTEAD OF DELETE and UPDATE on a table see deleted / inserted and change nothing themselves; their own statements run plainly', async () => {
  const h = await members();
  await h.ok(`INSERT dbo.members (given, family) VALUES ('Ada', 'Byron'), ('Alan', 'Turing')`);
  await h.ok(`CREATE TRIGGER dbo.members_retire ON dbo.members INSTEAD OF DELETE AS
    BEGIN
      UPDATE m SET active = 0 FROM dbo.members m JOIN deleted d ON d.member_id = m.member_id;
      INSERT dbo.member_log SELECT 'retired ' + given FROM deleted;
    END`);
  await h.ok(`CREATE TRIGGER dbo.members_rename ON dbo.members INSTEAD OF UPDATE AS
    BEGIN
      IF UPDATE(family) INSERT dbo.member_log SELECT d.family + ' -> ' + i.family FROM inserted i JOIN deleted d ON d.member_id = i.member_id;
    END`);
  await h.ok(`CREATE TRIGGER dbo.members_after ON dbo.members AFTER UPDATE AS INSERT dbo.member_log SELECT 'after ' + given FROM inserted`);
  await h.ok(`DELETE dbo.members WHERE member_id = 1`);
  await h.ok(`UPDATE dbo.members SET family = 'Lovelace' WHERE given = 'Ada'`);
  // The UPDATE was replaced (no change, no AFTER trigger); the DELETE trigger's own UPDATE ran plainly and fired the AFTER trigger.
  expect(await h.rows(`SELECT member_id, family, active FROM dbo.members ORDER BY member_id`))
    .toEqual([{ member_id: 1, family: 'Byron', active: false }, { member_id: 2, family: 'Turing', active: true }]);
  expect(await h.rows(`SELECT note FROM dbo.member_log ORDER BY note`)).toEqual([{ note: 'after Ada' }, { note: 'Byron -> Lovelace' }, { note: 'retired Ada' }]);
  expect(await h.rows(`SELECT name, is_instead_of_trigger FROM sys.triggers ORDER BY name`)).toEqual([
    { name: 'members_after', is_instead_of_trigger: false }, { name: 'members_rename', is_instead_of_trigger: true }, { name: 'members_retire', is_instead_of_trigger: true },
  ]);
  // A disabled INSTEAD OF trigger lets the statement run; MERGE into such a table is refused clearly.
  await h.ok(`DISABLE TRIGGER dbo.members_retire ON dbo.members; DELETE dbo.members WHERE member_id = 1`);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM dbo.members`)).toEqual([{ n: 1 }]);
  expect(codes(await h.errors(`MERGE dbo.members AS t USING (SELECT 2 AS id) s ON t.member_id = s.id WHEN MATCHED THEN UPDATE SET family = 'T';`))).toEqual([40000]);
});

test('an error in an INSTEAD OF trigger undoes its work; INSTEAD OF DELETE is refused on a table whose keys cascade deletes', async () => {
  const h = await members();
  await h.ok(`CREATE TRIGGER dbo.members_guard ON dbo.members INSTEAD OF INSERT AS
    BEGIN
      INSERT dbo.member_log SELECT 'tried ' + given FROM inserted;
      IF EXISTS (SELECT 1 FROM inserted WHERE family = '') THROW 50001, 'family name required', 1;
      INSERT dbo.members (given, family) SELECT given, family FROM inserted;
    END`);
  expect(codes(await h.errors(`INSERT dbo.members (given, family) VALUES ('Nobody', '')`))).toEqual([50001, 3616]);
  expect(await h.rows(`SELECT (SELECT COUNT(*) FROM dbo.members) AS m, (SELECT COUNT(*) FROM dbo.member_log) AS l`)).toEqual([{ m: 0, l: 0 }]);
  await h.ok(`INSERT dbo.members (given, family) VALUES ('Barbara', 'Liskov')`);
  expect(await h.rows(`SELECT given, active FROM dbo.members`)).toEqual([{ given: 'Barbara', active: true }]);
  await h.ok(`CREATE TABLE dbo.cards (card_id int PRIMARY KEY, member_id int REFERENCES dbo.members (member_id) ON DELETE CASCADE)`);
  expect(codes(await h.errors(`CREATE TRIGGER dbo.cards_keep ON dbo.cards INSTEAD OF DELETE AS SELECT 1`))).toEqual([2113]);
});
