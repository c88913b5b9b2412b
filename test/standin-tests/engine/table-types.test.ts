/**
 * User-defined table types (create-type-transact-sql.md, sys-table-types-transact-sql.md,
 * use-table-valued-parameters-database-engine.md): CREATE TYPE ... AS TABLE with inline keys,
 * checks, defaults and indexes; the catalog rows SQL Server keeps for one (sys.types, sys.table_types,
 * a TT object with its columns, indexes and constraints, never a user table); table variables of the
 * type; READONLY table-valued parameters; DROP TYPE while a parameter uses it.
 */
import { open } from './harness';

const codes = (errs: readonly { number: number }[]): number[] => errs.map((e) => e.number);

test('a table type is a sys.types row and a TT object whose columns, indexes and constraints the catalog lists, never a table', async () => {
  const h = open();
  await h.ok(`CREATE SCHEMA inv`);
  await h.ok(`CREATE TYPE inv.line_list AS TABLE (
    line_no int NOT NULL PRIMARY KEY,
    sku varchar(20) NOT NULL,
    qty int NOT NULL DEFAULT 1 CHECK (qty > 0),
    note nvarchar(100) NULL,
    INDEX ix_sku (sku)
  )`);
  expect(await h.rows(`SELECT name, system_type_id, max_length, is_nullable, is_user_defined, is_table_type FROM sys.types WHERE is_user_defined = 1`))
    .toEqual([{ name: 'line_list', system_type_id: 243, max_length: -1, is_nullable: false, is_user_defined: true, is_table_type: true }]);
  const [tt] = await h.rows(`SELECT tt.name, tt.type_table_object_id AS id, tt.is_memory_optimized, o.type, o.type_desc, SCHEMA_NAME(o.schema_id) AS s
    FROM sys.table_types tt JOIN sys.objects o ON o.object_id = tt.type_table_object_id`);
  expect(tt).toMatchObject({ name: 'line_list', is_memory_optimized: false, type: 'TT', type_desc: 'TYPE_TABLE', s: 'inv' });
  const id = tt.id as number;
  expect(await h.rows(`SELECT name, TYPE_NAME(user_type_id) AS t, is_nullable FROM sys.columns WHERE object_id = ${id} ORDER BY column_id`)).toEqual([
    { name: 'line_no', t: 'int', is_nullable: false }, { name: 'sku', t: 'varchar', is_nullable: false },
    { name: 'qty', t: 'int', is_nullable: false }, { name: 'note', t: 'nvarchar', is_nullable: true },
  ]);
  expect(await h.rows(`SELECT name, type_desc, is_primary_key FROM sys.indexes WHERE object_id = ${id} ORDER BY index_id`))
    .toEqual([{ name: expect.stringMatching(/^PK__/), type_desc: 'CLUSTERED', is_primary_key: true }, { name: 'ix_sku', type_desc: 'NONCLUSTERED', is_primary_key: false }]);
  expect(await h.rows(`SELECT RTRIM(type) AS type FROM sys.objects WHERE parent_object_id = ${id} ORDER BY type`)).toEqual([{ type: 'C' }, { type: 'D' }, { type: 'PK' }]);
  expect(await h.rows(`SELECT is_system_named FROM sys.key_constraints WHERE parent_object_id = ${id}`)).toEqual([{ is_system_named: true }]);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM sys.tables`)).toEqual([{ n: 0 }]);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM INFORMATION_SCHEMA.TABLES`)).toEqual([{ n: 0 }]);
});

test('CREATE TYPE AS TABLE refuses what its syntax lacks, a taken name, and a column of the type', async () => {
  const h = open();
  await h.ok(`CREATE TYPE dbo.ids AS TABLE (id int NOT NULL UNIQUE)`);
  expect(codes(await h.errors(`CREATE TYPE dbo.ids AS TABLE (id int)`))).toEqual([219]);
  // The idempotent scripts' guard: TYPE_ID names the type (NULL once it is gone).
  await h.ok(`IF TYPE_ID(N'dbo.ids') IS NULL CREATE TYPE dbo.ids AS TABLE (id int)`);
  expect(await h.rows(`SELECT TYPE_NAME(TYPE_ID('ids')) AS n, TYPE_ID('dbo.nothing') AS missing`)).toEqual([{ n: 'ids', missing: null }]);
  expect(codes(await h.errors(`CREATE TYPE dbo.named AS TABLE (id int CONSTRAINT pk_named PRIMARY KEY)`))).toEqual([156]);
  expect(codes(await h.errors(`CREATE TYPE dbo.fk AS TABLE (id int REFERENCES dbo.ids (id))`))).toEqual([156]);
  expect(codes(await h.errors(`CREATE TABLE dbo.holder (x dbo.ids)`))).toEqual([350]);
  // MEMORY_OPTIMIZED = ON needs what a memory-optimized table needs: the MEMORY_OPTIMIZED_DATA filegroup, then an index.
  expect(codes(await h.errors(`CREATE TYPE dbo.hot AS TABLE (id int NOT NULL PRIMARY KEY NONCLUSTERED) WITH (MEMORY_OPTIMIZED = ON)`))).toEqual([41337]);
  await h.ok(`ALTER DATABASE CURRENT ADD FILEGROUP mem CONTAINS MEMORY_OPTIMIZED_DATA`);
  expect(codes(await h.errors(`CREATE TYPE dbo.hot AS TABLE (id int NOT NULL) WITH (MEMORY_OPTIMIZED = ON)`))).toEqual([41327]);
  await h.ok(`CREATE TYPE dbo.hot AS TABLE (id int NOT NULL PRIMARY KEY NONCLUSTERED, k int NOT NULL, INDEX ix_k NONCLUSTERED HASH (k) WITH (BUCKET_COUNT = 64)) WITH (MEMORY_OPTIMIZED = ON)`);
  expect(await h.rows(`DECLARE @h dbo.hot; INSERT @h VALUES (1, 7), (2, 7); SELECT COUNT(*) AS n FROM @h WHERE k = 7`)).toEqual([{ n: 2 }]);
  expect(await h.rows(`SELECT name, is_memory_optimized FROM sys.table_types ORDER BY name`))
    .toEqual([{ name: 'hot', is_memory_optimized: true }, { name: 'ids', is_memory_optimized: false }]);
});

test('a table variable of the type has its shape and constraints; a READONLY parameter reads the caller\'s rows', async () => {
  const h = open();
  await h.ok(`CREATE TYPE dbo.order_lines AS TABLE (line_no int NOT NULL PRIMARY KEY, qty int NOT NULL DEFAULT 1 CHECK (qty > 0))`);
  expect(await h.rows(`DECLARE @lines AS dbo.order_lines, @n int = 2;
    INSERT INTO @lines (line_no) VALUES (1), (@n);
    INSERT @lines VALUES (3, 7);
    SELECT line_no, qty FROM @lines ORDER BY line_no`)).toEqual([{ line_no: 1, qty: 1 }, { line_no: 2, qty: 1 }, { line_no: 3, qty: 7 }]);
  expect(codes(await h.errors(`DECLARE @lines dbo.order_lines; INSERT @lines VALUES (1, 0)`))).toEqual([547]);
  expect(codes(await h.errors(`DECLARE @lines dbo.order_lines; INSERT @lines (line_no) VALUES (1), (1)`))).toEqual([2627]);

  await h.ok(`CREATE PROCEDURE dbo.total_qty @lines dbo.order_lines READONLY, @extra int = 0 AS SELECT SUM(qty) + @extra AS total, COUNT(*) AS n FROM @lines`);
  // sys.parameters (sys-parameters-transact-sql): the table-valued parameter has its type's ids and is_readonly.
  expect(await h.rows(`SELECT p.name, p.parameter_id, p.system_type_id, TYPE_NAME(p.user_type_id) AS t, p.is_readonly, p.is_output FROM sys.parameters p ORDER BY p.parameter_id`)).toEqual([
    { name: '@lines', parameter_id: 1, system_type_id: 243, t: 'order_lines', is_readonly: true, is_output: false },
    { name: '@extra', parameter_id: 2, system_type_id: 56, t: 'int', is_readonly: false, is_output: false },
  ]);
  const sets = await h.sets(`DECLARE @l dbo.order_lines; INSERT @l VALUES (1, 4), (2, 5); EXEC dbo.total_qty @l, 1; SELECT COUNT(*) AS kept FROM @l`);
  expect(sets).toEqual([[{ total: 10, n: 2 }], [{ kept: 2 }]]);
  // Left out, the parameter is an empty table of its type.
  expect(await h.rows(`EXEC dbo.total_qty @extra = 3`)).toEqual([{ total: null, n: 0 }]);
  expect(codes(await h.errors(`DECLARE @x int = 1; EXEC dbo.total_qty @x`))).toEqual([206]);
  expect(codes(await h.errors(`DECLARE @plain TABLE (line_no int); EXEC dbo.total_qty @plain`))).toEqual([206]);
});

test('table-valued parameters must be READONLY and are never written; DROP TYPE waits for their procedures to go', async () => {
  const h = open();
  await h.ok(`CREATE TYPE dbo.keys AS TABLE (k int NOT NULL)`);
  expect(codes(await h.errors(`CREATE PROCEDURE dbo.p1 @keys dbo.keys AS SELECT k FROM @keys`))).toEqual([352]);
  expect(codes(await h.errors(`CREATE PROCEDURE dbo.p2 @n int READONLY AS SELECT @n`))).toEqual([346]);
  expect(codes(await h.errors(`CREATE PROCEDURE dbo.p3 @keys dbo.keys READONLY AS BEGIN IF 1 = 1 DELETE FROM @keys END`))).toEqual([10700]);
  expect(codes(await h.errors(`CREATE PROCEDURE dbo.p4 @keys dbo.missing READONLY AS SELECT 1`))).toEqual([2715]);
  await h.ok(`CREATE PROCEDURE dbo.p5 @keys dbo.keys READONLY AS SELECT k FROM @keys`);
  expect(codes(await h.errors(`DROP TYPE dbo.keys`))).toEqual([3732]);
  await h.ok(`DROP PROCEDURE dbo.p5`);
  await h.ok(`DROP TYPE dbo.keys`);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM sys.objects`)).toEqual([{ n: 0 }]);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM sys.types WHERE is_user_defined = 1`)).toEqual([{ n: 0 }]);
});
