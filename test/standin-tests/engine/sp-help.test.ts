/**
 * sp_help and sp_helpindex (sp-help-transact-sql.md, sp-helpindex-transact-sql.md): the result sets
 * their pages list, in order, with an informational message where a part is empty.
 */
import { open } from './harness';

async function shop() {
  const h = open();
  await h.ok(`CREATE TABLE dbo.stores (store_id int IDENTITY(10, 5) CONSTRAINT pk_stores PRIMARY KEY, city varchar(30) NOT NULL CONSTRAINT uq_city UNIQUE,
    region char(2) NULL, rating decimal(4,1) NULL CONSTRAINT df_rating DEFAULT 0, CONSTRAINT ck_rating CHECK (rating BETWEEN 0 AND 5))`);
  await h.ok(`CREATE TABLE dbo.staff (staff_id int NOT NULL, store_id int CONSTRAINT fk_staff_store REFERENCES dbo.stores (store_id) ON DELETE CASCADE)`);
  await h.ok(`CREATE INDEX ix_region ON dbo.stores (region DESC, city)`);
  return h;
}

test('sp_help on a table: name, columns, identity, ROWGUIDCOL, filegroup, indexes, constraints, referencing keys', async () => {
  const h = await shop();
  const sets = await h.sets(`EXEC sp_help 'dbo.stores'`);
  expect(sets).toHaveLength(8);
  expect(sets[0]).toEqual([{ Name: 'stores', Owner: 'dbo', Type: 'user table', Created_datetime: expect.any(Date) }]);
  expect(sets[1].map((c) => [c.Column_name, c.Type, c.Length, c.Prec, c.Scale, c.Nullable])).toEqual([
    ['store_id', 'int', 4, '10   ', '0    ', 'no'], ['city', 'varchar', 30, '     ', '     ', 'no'],
    ['region', 'char', 2, '     ', '     ', 'yes'], ['rating', 'decimal', 5, '4    ', '1    ', 'yes'],
  ]);
  expect(sets[2]).toEqual([{ Identity: 'store_id', Seed: 10, Increment: 5, 'Not For Replication': 0 }]);
  expect(sets[3]).toEqual([{ RowGuidCol: 'No rowguidcol column defined.' }]);
  expect(sets[4]).toEqual([{ Data_located_on_filegroup: 'PRIMARY' }]);
  expect(sets[5]).toEqual([
    { index_name: 'pk_stores', index_description: 'clustered, unique, primary key located on PRIMARY', index_keys: 'store_id' },
    { index_name: 'uq_city', index_description: 'nonclustered, unique, unique key located on PRIMARY', index_keys: 'city' },
    { index_name: 'ix_region', index_description: 'nonclustered located on PRIMARY', index_keys: 'region(-), city' },
  ]);
  expect(sets[6].map((c) => [c.constraint_type, c.constraint_name, c.constraint_keys])).toEqual([
    ['CHECK Table Level', 'ck_rating', '([rating]>=(0) AND [rating]<=(5))'], ['DEFAULT on column rating', 'df_rating', '((0))'],
    ['PRIMARY KEY (clustered)', 'pk_stores', 'store_id'], ['UNIQUE (non-clustered)', 'uq_city', 'city'],
  ]);
  expect(sets[7]).toEqual([{ 'Table is referenced by foreign key': 'app.dbo.staff: fk_staff_store' }]);
});

test('sp_help on a table without indexes, on a procedure, with no argument; sp_helpindex; a missing object', async () => {
  const h = await shop();
  const out = await h.ok(`EXEC sp_help 'staff'`);
  expect(out.filter((o) => o.kind === 'info').map((o) => (o.kind === 'info' ? o.message : ''))).toEqual([
    `The object 'staff' does not have any indexes, or you do not have permissions.`,
    `No foreign keys reference table 'staff', or you do not have permissions.`,
  ]);
  const sets = await h.sets(`EXEC sp_help @objname = N'staff'`);
  expect(sets[sets.length - 1]).toEqual([
    { constraint_type: 'FOREIGN KEY', constraint_name: 'fk_staff_store', delete_action: 'Cascade', update_action: 'No Action', status_enabled: 'Enabled', status_for_replication: 'Is_For_Replication', constraint_keys: 'store_id' },
    { constraint_type: ' ', constraint_name: ' ', delete_action: ' ', update_action: ' ', status_enabled: ' ', status_for_replication: ' ', constraint_keys: 'REFERENCES app.dbo.stores (store_id)' },
  ]);
  await h.ok(`CREATE PROCEDURE dbo.hire @store int, @name nvarchar(40) = NULL AS SELECT @store, @name`);
  const proc = await h.sets(`EXEC sp_help 'dbo.hire'`);
  expect(proc[0]).toEqual([{ Name: 'hire', Owner: 'dbo', Type: 'stored procedure', Created_datetime: expect.any(Date) }]);
  expect(proc[1].map((p) => [p.Parameter_name, p.Type, p.Length, p.Param_order])).toEqual([['@store', 'int', 4, 1], ['@name', 'nvarchar', 80, 2]]);
  expect(await h.rows(`sp_help`)).toEqual([
    { Name: 'hire', Owner: 'dbo', Object_type: 'stored procedure' }, { Name: 'staff', Owner: 'dbo', Object_type: 'user table' }, { Name: 'stores', Owner: 'dbo', Object_type: 'user table' },
  ]);
  expect((await h.rows(`EXEC sp_helpindex N'dbo.stores'`)).map((r) => r.index_name)).toEqual(['pk_stores', 'uq_city', 'ix_region']);
  expect((await h.errors(`EXEC sp_helpindex 'dbo.nothing'`)).map((e) => e.number)).toEqual([15009]);
  expect((await h.errors(`EXEC sp_help 'dbo.nothing'`)).map((e) => e.number)).toEqual([15009]);
});
