/**
 * Sparse column sets on the stand-in (use-column-sets): stored as sys.columns.is_column_set, read
 * as one XML fragment of the sparse columns that are not NULL, returned by SELECT * instead of
 * them, written through (unnamed sparse columns become NULL), and refused where SQL Server does.
 */
import { errorNumbers, open } from './harness';

test('a column set reads, writes and stands in for the sparse columns', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.products (id int NOT NULL PRIMARY KEY, name nvarchar(50) NOT NULL, color varchar(20) SPARSE NULL, weight int SPARSE NULL, attrs xml COLUMN_SET FOR ALL_SPARSE_COLUMNS);
INSERT dbo.products (id, name, color) VALUES (1, N'pen', 'red');
INSERT dbo.products (id, name, attrs) VALUES (2, N'box', '<weight>7</weight><color>blue &amp; green</color>');
INSERT dbo.products VALUES (3, N'cup', NULL);`);
  expect(await h.rows(`SELECT name, is_sparse, is_column_set FROM sys.columns WHERE object_id = OBJECT_ID(N'dbo.products') ORDER BY column_id`)).toEqual([
    { name: 'id', is_sparse: false, is_column_set: false }, { name: 'name', is_sparse: false, is_column_set: false },
    { name: 'color', is_sparse: true, is_column_set: false }, { name: 'weight', is_sparse: true, is_column_set: false },
    { name: 'attrs', is_sparse: false, is_column_set: true },
  ]);
  // SELECT * returns the column set, not the sparse columns; they are still selectable by name.
  expect(await h.rows('SELECT * FROM dbo.products ORDER BY id')).toEqual([
    { id: 1, name: 'pen', attrs: '<color>red</color>' },
    { id: 2, name: 'box', attrs: '<color>blue &amp; green</color><weight>7</weight>' },
    { id: 3, name: 'cup', attrs: null },
  ]);
  expect(await h.rows('SELECT id, color, weight FROM dbo.products WHERE id = 2')).toEqual([{ id: 2, color: 'blue & green', weight: 7 }]);
  // Writing the set sets every sparse column: the one it leaves out becomes NULL.
  await h.ok(`UPDATE dbo.products SET attrs = '<weight>9</weight>' WHERE id = 2;`);
  expect(await h.rows('SELECT color, weight FROM dbo.products WHERE id = 2')).toEqual([{ color: null, weight: 9 }]);
});

test('refused: a second column set, one added to a table with sparse columns, a non-xml one, both a sparse column and the set in one statement', async () => {
  const h = open();
  await h.ok('CREATE TABLE dbo.t1 (id int NOT NULL PRIMARY KEY, a int SPARSE NULL, cs xml COLUMN_SET FOR ALL_SPARSE_COLUMNS);');
  expect(await errorNumbers(h, 'ALTER TABLE dbo.t1 ADD cs2 xml COLUMN_SET FOR ALL_SPARSE_COLUMNS;')).toEqual([1734]);
  await h.ok('CREATE TABLE dbo.t2 (id int NOT NULL PRIMARY KEY, a int SPARSE NULL);');
  expect(await errorNumbers(h, 'ALTER TABLE dbo.t2 ADD cs xml COLUMN_SET FOR ALL_SPARSE_COLUMNS;')).toEqual([1734]);
  expect(await errorNumbers(h, 'CREATE TABLE dbo.t3 (id int NOT NULL PRIMARY KEY, cs nvarchar(max) COLUMN_SET FOR ALL_SPARSE_COLUMNS);')).toEqual([1732]);
  expect(await errorNumbers(h, `INSERT dbo.t1 (id, a, cs) VALUES (1, 2, '<a>3</a>');`)).toEqual([360]);
  // A column set on a new table, then sparse columns added to it, is fine.
  await h.ok('CREATE TABLE dbo.t4 (id int NOT NULL PRIMARY KEY, cs xml COLUMN_SET FOR ALL_SPARSE_COLUMNS); ALTER TABLE dbo.t4 ADD b int SPARSE NULL;');
});
