/**
 * ALTER COLUMN ... WITH (ONLINE = ON) on the stand-in: accepted on an ordinary table (rows
 * converted), refused (2725, inferred) where the ALTER TABLE page says online alter column is not
 * supported: legacy LOB columns, change tracking, CLR types, a columnstore index. ONLINE = OFF,
 * or no option, alters the same columns offline.
 */
import { errorNumbers, open } from './harness';

test('online ALTER COLUMN converts the rows of an ordinary table', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.orders (id int NOT NULL CONSTRAINT pk_orders PRIMARY KEY, qty int NOT NULL, note varchar(max) NULL);
INSERT dbo.orders VALUES (1, 5, 'a'), (2, 7, NULL);`);
  await h.ok('ALTER TABLE dbo.orders ALTER COLUMN qty bigint NOT NULL WITH (ONLINE = ON);');
  expect(await h.rows(`SELECT TYPE_NAME(system_type_id) AS t FROM sys.columns WHERE object_id = OBJECT_ID(N'dbo.orders') AND name = N'qty'`)).toEqual([{ t: 'bigint' }]);
  expect(await h.rows('SELECT SUM(qty) AS n FROM dbo.orders')).toEqual([{ n: 12 }]);
});

test('refused online, allowed offline: text/ntext/image columns, change tracking, CLR types, a columnstore index', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.categories (id int NOT NULL CONSTRAINT pk_categories PRIMARY KEY, name nvarchar(15) NOT NULL, description ntext NULL);
INSERT dbo.categories VALUES (1, N'Beverages', N'Soft drinks, coffees, teas, beers, and ales');
CREATE TABLE dbo.tracked (id int NOT NULL CONSTRAINT pk_tracked PRIMARY KEY, qty int NOT NULL);
CREATE TABLE dbo.places (id int NOT NULL CONSTRAINT pk_places PRIMARY KEY, path varchar(400) NULL);
CREATE TABLE dbo.facts (id int NOT NULL, qty int NOT NULL);
CREATE NONCLUSTERED COLUMNSTORE INDEX ncci_facts ON dbo.facts (id, qty);`);
  // Even the ntext column itself, converted to nvarchar(max): the table holds legacy LOB data.
  expect(await errorNumbers(h, 'ALTER TABLE dbo.categories ALTER COLUMN description nvarchar(max) NULL WITH (ONLINE = ON);')).toEqual([2725]);
  expect(await errorNumbers(h, 'ALTER TABLE dbo.categories ALTER COLUMN name nvarchar(40) NOT NULL WITH (ONLINE = ON);')).toEqual([2725]);
  await h.ok('ALTER TABLE dbo.categories ALTER COLUMN description nvarchar(max) NULL;');
  expect(await h.rows('SELECT description FROM dbo.categories')).toEqual([{ description: 'Soft drinks, coffees, teas, beers, and ales' }]);
  // With the ntext column gone, the same change runs online.
  await h.ok('ALTER TABLE dbo.categories ALTER COLUMN name nvarchar(40) NOT NULL WITH (ONLINE = ON);');

  await h.ok('ALTER DATABASE app SET CHANGE_TRACKING = ON; ALTER TABLE dbo.tracked ENABLE CHANGE_TRACKING;');
  expect(await errorNumbers(h, 'ALTER TABLE dbo.tracked ALTER COLUMN qty bigint NOT NULL WITH (ONLINE = ON);')).toEqual([2725]);
  await h.ok('ALTER TABLE dbo.tracked ALTER COLUMN qty bigint NOT NULL WITH (ONLINE = OFF);');

  expect(await errorNumbers(h, 'ALTER TABLE dbo.places ALTER COLUMN path hierarchyid NULL WITH (ONLINE = ON);')).toEqual([2725]);
  expect(await errorNumbers(h, 'ALTER TABLE dbo.facts ALTER COLUMN qty bigint NOT NULL WITH (ONLINE = ON);')).toEqual([2725]);
});
