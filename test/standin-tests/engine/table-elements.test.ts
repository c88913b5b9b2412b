/**
 * CREATE TABLE / ALTER TABLE forms that peers' SQL Server test corpora (sqldef, prisma-engines,
 * sqlfluff's T-SQL fixtures) run against real servers: a column's options in any order, DEFAULT
 * before NOT NULL, negative IDENTITY seeds, REFERENCES without columns, ON UPDATE before ON
 * DELETE, a column's key naming its columns, inline indexes, a trailing comma and DROP COLUMN IF
 * EXISTS. Each is stored and reported as CREATE INDEX / ALTER TABLE ADD CONSTRAINT would store it.
 */
import { open } from './harness';

test('a column takes DEFAULT before NOT NULL, and IDENTITY, COLLATE and DEFAULT after its key', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.parcels (
    parcel_id int PRIMARY KEY IDENTITY(-10, -5),
    weight_g int DEFAULT 0 NOT NULL,
    label nvarchar(40) NOT NULL COLLATE Latin1_General_BIN UNIQUE CONSTRAINT df_parcels_label DEFAULT (N'none'),
    grade smallint CONSTRAINT df_parcels_grade DEFAULT (-2) NOT NULL)`);
  expect(await h.rows(`SELECT c.name, c.is_nullable, c.collation_name, d.definition FROM sys.columns c
    LEFT JOIN sys.default_constraints d ON d.object_id = c.default_object_id
    WHERE c.object_id = OBJECT_ID('dbo.parcels') ORDER BY c.column_id`)).toEqual([
    { name: 'parcel_id', is_nullable: false, collation_name: null, definition: null },
    { name: 'weight_g', is_nullable: false, collation_name: null, definition: '((0))' },
    { name: 'label', is_nullable: false, collation_name: 'Latin1_General_BIN', definition: "(N'none')" },
    { name: 'grade', is_nullable: false, collation_name: null, definition: '((-2))' },
  ]);
  expect(await h.rows(`SELECT seed_value, increment_value FROM sys.identity_columns WHERE object_id = OBJECT_ID('dbo.parcels')`))
    .toEqual([{ seed_value: -10, increment_value: -5 }]);
  expect((await h.rows(`SELECT type_desc, is_primary_key, is_unique_constraint FROM sys.indexes WHERE object_id = OBJECT_ID('dbo.parcels') ORDER BY index_id`)))
    .toEqual([{ type_desc: 'CLUSTERED', is_primary_key: true, is_unique_constraint: false }, { type_desc: 'NONCLUSTERED', is_primary_key: false, is_unique_constraint: true }]);
  // ALTER TABLE ... ADD takes the same orders.
  await h.ok(`ALTER TABLE dbo.parcels ADD fragile bit UNIQUE DEFAULT 0, checked_by sysname NULL COLLATE Latin1_General_BIN`);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM sys.columns WHERE object_id = OBJECT_ID('dbo.parcels')`)).toEqual([{ n: 6 }]);
});

test('a broken column definition is still a syntax error wherever its options stand', async () => {
  const h = open();
  for (const sql of [
    'CREATE TABLE dbo.bad_a (a int PRIMARY KEY IDENTITY(1,,1))',
    'CREATE TABLE dbo.bad_b (a int UNIQUE DEFAULT)',
    'CREATE TABLE dbo.bad_c (a int, INDEX ix_bad UNIQUE CLUSTERED)',
    'CREATE TABLE dbo.bad_d (a int NOT NULL COLLATE)',
  ]) expect((await h.errors(sql)).map((e) => e.number)).toEqual([102]);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM sys.tables`)).toEqual([{ n: 0 }]);
});

test("REFERENCES without columns takes the referenced table's primary key; ON UPDATE may come first", async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.depots (depot_code char(4) NOT NULL CONSTRAINT pk_depots PRIMARY KEY, region char(2) NOT NULL)`);
  await h.ok(`CREATE TABLE dbo.vans (van_id int NOT NULL PRIMARY KEY,
    depot_code char(4) NOT NULL CONSTRAINT fk_vans_depot REFERENCES dbo.depots ON UPDATE CASCADE ON DELETE NO ACTION)`);
  await h.ok(`ALTER TABLE dbo.vans ADD home_depot char(4) NULL, CONSTRAINT fk_vans_home FOREIGN KEY (home_depot) REFERENCES dbo.depots (depot_code) ON UPDATE NO ACTION ON DELETE SET NULL`);
  expect(await h.rows(`SELECT fk.name, COL_NAME(fc.referenced_object_id, fc.referenced_column_id) AS ref_col,
      fk.delete_referential_action_desc AS on_delete, fk.update_referential_action_desc AS on_update
    FROM sys.foreign_keys fk JOIN sys.foreign_key_columns fc ON fc.constraint_object_id = fk.object_id ORDER BY fk.name`)).toEqual([
    { name: 'fk_vans_depot', ref_col: 'depot_code', on_delete: 'NO_ACTION', on_update: 'CASCADE' },
    { name: 'fk_vans_home', ref_col: 'depot_code', on_delete: 'SET_NULL', on_update: 'NO_ACTION' },
  ]);
});

test("a column's PRIMARY KEY may name its columns; a trailing comma ends the list; DROP COLUMN IF EXISTS", async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.legs (origin char(3) NOT NULL, dest char(3) NOT NULL CONSTRAINT pk_legs PRIMARY KEY CLUSTERED (origin, dest DESC), minutes int NULL,)`);
  expect(await h.rows(`SELECT i.name, COL_NAME(ic.object_id, ic.column_id) AS col, ic.key_ordinal, ic.is_descending_key
    FROM sys.index_columns ic JOIN sys.indexes i ON i.object_id = ic.object_id AND i.index_id = ic.index_id
    WHERE ic.object_id = OBJECT_ID('dbo.legs') ORDER BY ic.key_ordinal`)).toEqual([
    { name: 'pk_legs', col: 'origin', key_ordinal: 1, is_descending_key: false },
    { name: 'pk_legs', col: 'dest', key_ordinal: 2, is_descending_key: true },
  ]);
  await h.ok(`ALTER TABLE dbo.legs DROP COLUMN IF EXISTS minutes`);
  await h.ok(`ALTER TABLE dbo.legs DROP COLUMN IF EXISTS minutes`);
  expect(await h.rows(`SELECT name FROM sys.columns WHERE object_id = OBJECT_ID('dbo.legs') ORDER BY column_id`)).toEqual([{ name: 'origin' }, { name: 'dest' }]);
  expect((await h.errors(`ALTER TABLE dbo.legs DROP COLUMN minutes`)).map((e) => e.number)).toEqual([4924]);
});

test('inline indexes are stored as CREATE INDEX stores them; an inline clustered index leaves the primary key nonclustered', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.trips (
    trip_id int NOT NULL,
    van_id int NOT NULL,
    started_on date NOT NULL INDEX ix_trips_started NONCLUSTERED,
    note nvarchar(200) NULL,
    CONSTRAINT pk_trips PRIMARY KEY (trip_id),
    INDEX ix_trips_van UNIQUE NONCLUSTERED (van_id, started_on DESC) INCLUDE (note) WHERE note IS NOT NULL WITH (FILLFACTOR = 90),
    INDEX cx_trips CLUSTERED (started_on, trip_id))`);
  await h.ok(`INSERT INTO dbo.trips VALUES (1, 7, '2026-01-02', N'first'), (2, 7, '2026-01-03', NULL)`);
  expect(await h.rows(`SELECT name, type_desc, is_unique, is_primary_key, filter_definition, fill_factor FROM sys.indexes
    WHERE object_id = OBJECT_ID('dbo.trips') ORDER BY name`)).toEqual([
    { name: 'cx_trips', type_desc: 'CLUSTERED', is_unique: false, is_primary_key: false, filter_definition: null, fill_factor: 0 },
    { name: 'ix_trips_started', type_desc: 'NONCLUSTERED', is_unique: false, is_primary_key: false, filter_definition: null, fill_factor: 0 },
    { name: 'ix_trips_van', type_desc: 'NONCLUSTERED', is_unique: true, is_primary_key: false, filter_definition: '([note] IS NOT NULL)', fill_factor: 90 },
    { name: 'pk_trips', type_desc: 'NONCLUSTERED', is_unique: true, is_primary_key: true, filter_definition: null, fill_factor: 0 },
  ]);
  expect(await h.rows(`SELECT COL_NAME(ic.object_id, ic.column_id) AS col, ic.key_ordinal, ic.is_descending_key, ic.is_included_column FROM sys.index_columns ic
    JOIN sys.indexes i ON i.object_id = ic.object_id AND i.index_id = ic.index_id
    WHERE ic.object_id = OBJECT_ID('dbo.trips') AND i.name = 'ix_trips_van' ORDER BY ic.index_column_id`)).toEqual([
    { col: 'van_id', key_ordinal: 1, is_descending_key: false, is_included_column: false },
    { col: 'started_on', key_ordinal: 2, is_descending_key: true, is_included_column: false },
    { col: 'note', key_ordinal: 0, is_descending_key: false, is_included_column: true },
  ]);
  // The unique filtered index holds: a second note for van 7 on the same day is refused.
  expect((await h.errors(`INSERT INTO dbo.trips VALUES (3, 7, '2026-01-02', N'again')`)).map((e) => e.number)).toEqual([2601]);
  // A clustered columnstore index (SQL Server 2016+) has no key list; two clustered indexes fail the statement.
  await h.ok(`CREATE TABLE dbo.readings (van_id int NOT NULL, km int NOT NULL, INDEX cci_readings CLUSTERED COLUMNSTORE)`);
  expect(await h.rows(`SELECT type_desc FROM sys.indexes WHERE object_id = OBJECT_ID('dbo.readings')`)).toEqual([{ type_desc: 'CLUSTERED COLUMNSTORE' }]);
  expect((await h.errors(`CREATE TABLE dbo.twice (a int, INDEX cx_a CLUSTERED (a), INDEX cx_b CLUSTERED (a))`)).map((e) => e.number)).toEqual([1902]);
  expect(await h.rows(`SELECT OBJECT_ID('dbo.twice') AS id`)).toEqual([{ id: null }]);
});

test('SSMS-style [nvarchar](max) types and ON "default" place a table as ON [PRIMARY] does', async () => {
  const h = open();
  await h.ok(`CREATE TABLE [dbo].[notes] ([body] [nvarchar](max) NOT NULL, [raw] [varbinary] (MAX) NULL) ON "default"`);
  expect(await h.rows(`SELECT c.name, TYPE_NAME(c.system_type_id) AS type_name, c.max_length FROM sys.columns c WHERE c.object_id = OBJECT_ID('dbo.notes') ORDER BY c.column_id`))
    .toEqual([{ name: 'body', type_name: 'nvarchar', max_length: -1 }, { name: 'raw', type_name: 'varbinary', max_length: -1 }]);
  expect(await h.rows(`SELECT ds.name FROM sys.indexes i JOIN sys.data_spaces ds ON ds.data_space_id = i.data_space_id WHERE i.object_id = OBJECT_ID('dbo.notes')`))
    .toEqual([{ name: 'PRIMARY' }]);
});

test("a column's DEFAULT may be any constant expression, stored as SQL Server normalises it", async () => {
  const h = open();
  // EF Core's migrations write `ADD [c] int NOT NULL DEFAULT (1 + 2)`.
  await h.ok(`CREATE TABLE dbo.tallies (tally_id int NOT NULL)`);
  await h.ok(`ALTER TABLE dbo.tallies ADD bonus int NOT NULL DEFAULT (1 + 2), due datetime NULL DEFAULT (GETDATE() + 1), band int DEFAULT (CASE WHEN 1 = 1 THEN 1 ELSE 0 END)`);
  expect(await h.rows(`SELECT COL_NAME(parent_object_id, parent_column_id) AS col, definition FROM sys.default_constraints ORDER BY parent_column_id`)).toEqual([
    { col: 'bonus', definition: '((1)+(2))' },
    { col: 'due', definition: '(getdate()+(1))' },
    { col: 'band', definition: '(case when (1)=(1) then (1) else (0) end)' },
  ]);
  expect((await h.errors(`CREATE TABLE dbo.bad_default (a int DEFAULT (1 + ) NOT NULL)`)).map((e) => e.number)).toEqual([102]);
});

test('WITH FILLFACTOR = n without parentheses, DEFAULT ... FOR c WITH VALUES, and one DROP list of constraints and columns', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.racks (rack_id int NOT NULL, row_no int NULL, tag varchar(10) NULL, slot int NULL, CONSTRAINT pk_racks PRIMARY KEY (rack_id) WITH FILLFACTOR = 80, level_no int NULL)`);
  await h.ok(`CREATE UNIQUE INDEX ux_racks_slot ON dbo.racks (slot) WITH IGNORE_DUP_KEY`);
  await h.ok(`CREATE NONCLUSTERED INDEX ix_racks_row ON dbo.racks (row_no) WITH FILLFACTOR = 70, PAD_INDEX`);
  expect(await h.rows(`SELECT name, fill_factor, is_padded, ignore_dup_key FROM sys.indexes WHERE object_id = OBJECT_ID('dbo.racks') ORDER BY index_id`)).toEqual([
    { name: 'pk_racks', fill_factor: 80, is_padded: false, ignore_dup_key: false },
    { name: 'ux_racks_slot', fill_factor: 0, is_padded: false, ignore_dup_key: true },
    { name: 'ix_racks_row', fill_factor: 70, is_padded: true, ignore_dup_key: false },
  ]);
  await h.ok(`ALTER TABLE dbo.racks ADD CONSTRAINT df_racks_tag DEFAULT 'none' FOR tag WITH VALUES`);
  await h.ok(`ALTER TABLE dbo.racks ADD CONSTRAINT ck_racks_level CHECK (level_no > 0)`);
  await h.ok(`ALTER TABLE dbo.racks DROP CONSTRAINT df_racks_tag, ck_racks_level, COLUMN tag, level_no, CONSTRAINT IF EXISTS ck_gone`);
  expect(await h.rows(`SELECT name FROM sys.objects WHERE parent_object_id = OBJECT_ID('dbo.racks') ORDER BY name`)).toEqual([{ name: 'pk_racks' }]);
  expect(await h.rows(`SELECT name FROM sys.columns WHERE object_id = OBJECT_ID('dbo.racks') ORDER BY column_id`)).toEqual([{ name: 'rack_id' }, { name: 'row_no' }, { name: 'slot' }]);
  // The list runs in order and fails as a whole: a missing column undoes the drops before it.
  expect((await h.errors(`ALTER TABLE dbo.racks DROP CONSTRAINT pk_racks, COLUMN missing_col`)).map((e) => e.number)).toEqual([4924]);
  expect(await h.rows(`SELECT name FROM sys.key_constraints WHERE parent_object_id = OBJECT_ID('dbo.racks')`)).toEqual([{ name: 'pk_racks' }]);
});

test('ISO type synonyms are stored as their base types (data-type-synonyms-transact-sql.md)', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.labels (a national character varying(10), b national char(3), c char varying(5), d character varying(max),
    e binary varying(4), f character, g double precision, h national text, i dec(5, 2), j integer)`);
  expect(await h.rows(`SELECT c.name, TYPE_NAME(c.user_type_id) AS type_name, c.max_length FROM sys.columns c WHERE c.object_id = OBJECT_ID('dbo.labels') ORDER BY c.column_id`)).toEqual([
    { name: 'a', type_name: 'nvarchar', max_length: 20 }, { name: 'b', type_name: 'nchar', max_length: 6 },
    { name: 'c', type_name: 'varchar', max_length: 5 }, { name: 'd', type_name: 'varchar', max_length: -1 },
    { name: 'e', type_name: 'varbinary', max_length: 4 }, { name: 'f', type_name: 'char', max_length: 1 },
    { name: 'g', type_name: 'float', max_length: 8 }, { name: 'h', type_name: 'ntext', max_length: 16 },
    { name: 'i', type_name: 'decimal', max_length: 5 }, { name: 'j', type_name: 'int', max_length: 4 },
  ]);
  expect(await h.rows(`DECLARE @v national character varying(20) = N'bin'; SELECT CAST(@v AS char varying(5)) AS v`)).toEqual([{ v: 'bin' }]);
  expect((await h.errors(`CREATE TABLE dbo.bad_synonym (a national varying(3))`)).map((e) => e.number)).toEqual([102]);
});
