/**
 * NOT FOR REPLICATION in the stand-in, as SQL Server stores it: the identity's, a check's and a
 * foreign key's is_not_for_replication; such a check or foreign key is untrusted even when the
 * rows were checked, and stays so after WITH CHECK CHECK CONSTRAINT (sp_Blitz leaves them out of
 * its untrusted list: https://www.brentozar.com/blitz/foreign-key-trusted/); ALTER COLUMN c ADD |
 * DROP NOT FOR REPLICATION flips an identity column's flag (alter-table-transact-sql) and is
 * refused on any other column.
 */
import { open } from './harness';
import type { Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = open();
  await h.ok(`CREATE TABLE dbo.head (id int IDENTITY(1,1) NOT FOR REPLICATION NOT NULL CONSTRAINT pk_head PRIMARY KEY, n int NOT NULL)`);
  await h.ok(`INSERT INTO dbo.head (n) VALUES (1), (2)`);
  await h.ok(`CREATE TABLE dbo.line (id int NOT NULL, head_id int NOT NULL, qty int NOT NULL,
    CONSTRAINT ck_line_qty CHECK NOT FOR REPLICATION ([qty] > 0),
    CONSTRAINT ck_line_plain CHECK ([qty] < 100))`);
  await h.ok(`ALTER TABLE dbo.line ADD CONSTRAINT fk_line_head FOREIGN KEY (head_id) REFERENCES dbo.head (id) ON DELETE CASCADE NOT FOR REPLICATION`);
  await h.ok(`ALTER TABLE dbo.line ADD CONSTRAINT fk_line_head2 FOREIGN KEY (head_id) REFERENCES dbo.head (id)`);
  // The clause after every referential action the grammar view must look past.
  await h.ok(`CREATE TABLE dbo.note (id int NOT NULL, head_id int NULL,
    CONSTRAINT fk_note_head FOREIGN KEY (head_id) REFERENCES dbo.head (id) ON DELETE SET NULL ON UPDATE NO ACTION NOT FOR REPLICATION)`);
});

const flags = (view: string) => h.rows(`SELECT name, is_not_for_replication, is_not_trusted FROM ${view} WHERE parent_object_id = OBJECT_ID('dbo.line') ORDER BY name`);

test('sys.check_constraints and sys.foreign_keys report the flag, and such constraints untrusted', async () => {
  expect(await flags('sys.check_constraints')).toEqual([
    { name: 'ck_line_plain', is_not_for_replication: false, is_not_trusted: false },
    { name: 'ck_line_qty', is_not_for_replication: true, is_not_trusted: true },
  ]);
  expect(await flags('sys.foreign_keys')).toEqual([
    { name: 'fk_line_head', is_not_for_replication: true, is_not_trusted: true },
    { name: 'fk_line_head2', is_not_for_replication: false, is_not_trusted: false },
  ]);
  expect(await h.rows(`SELECT name, is_not_for_replication FROM sys.foreign_keys WHERE parent_object_id = OBJECT_ID('dbo.note')`))
    .toEqual([{ name: 'fk_note_head', is_not_for_replication: true }]);
});

test('WITH CHECK CHECK CONSTRAINT leaves a NOT FOR REPLICATION constraint untrusted', async () => {
  await h.ok(`ALTER TABLE dbo.line WITH CHECK CHECK CONSTRAINT ck_line_qty; ALTER TABLE dbo.line WITH CHECK CHECK CONSTRAINT fk_line_head`);
  expect((await flags('sys.check_constraints')).find((r) => r.name === 'ck_line_qty')).toMatchObject({ is_not_trusted: true });
  expect((await flags('sys.foreign_keys')).find((r) => r.name === 'fk_line_head')).toMatchObject({ is_not_trusted: true });
});

test('the constraints still check ordinary writes', async () => {
  expect((await h.errors(`INSERT INTO dbo.line (id, head_id, qty) VALUES (1, 1, 0)`)).map((e) => e.number)).toEqual([547]);
  expect((await h.errors(`INSERT INTO dbo.line (id, head_id, qty) VALUES (1, 99, 1)`)).map((e) => e.number)).toEqual([547]);
});

test('ALTER COLUMN ADD | DROP NOT FOR REPLICATION flips an identity column, keeping its values', async () => {
  const identity = () => h.rows(`SELECT name, is_not_for_replication FROM sys.identity_columns WHERE object_id = OBJECT_ID('dbo.head')`);
  await h.ok(`ALTER TABLE dbo.head ALTER COLUMN id DROP NOT FOR REPLICATION`);
  expect(await identity()).toEqual([{ name: 'id', is_not_for_replication: false }]);
  await h.ok(`ALTER TABLE [dbo].[head] ALTER COLUMN [id] ADD NOT FOR REPLICATION;`);
  expect(await identity()).toEqual([{ name: 'id', is_not_for_replication: true }]);
  expect(await h.rows(`SELECT id, n FROM dbo.head ORDER BY id`)).toEqual([{ id: 1, n: 1 }, { id: 2, n: 2 }]);
  expect((await h.errors(`ALTER TABLE dbo.head ALTER COLUMN n ADD NOT FOR REPLICATION`)).length).toBe(1);
});
