/** ALTER TABLE forms schemac emits (including those the grammar snapshot rejects), DROP INDEX, sp_rename. */
import { open, SAAS_DDL } from './harness';
import type { Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = open();
  await h.ok(SAAS_DDL);
  await h.ok(`INSERT INTO dbo.tenants (name) VALUES ('acme')`);
});

const checkState = (name: string) => h.rows(`SELECT is_disabled, is_not_trusted FROM sys.check_constraints WHERE name = '${name}'`);

test('WITH NOCHECK ADD CONSTRAINT makes an untrusted check; WITH CHECK CHECK CONSTRAINT trusts it again', async () => {
  await h.ok(`ALTER TABLE [dbo].[tenants] WITH NOCHECK ADD CONSTRAINT [ck_tenants_name] CHECK (LEN([name]) > 0)`);
  expect(await checkState('ck_tenants_name')).toEqual([{ is_disabled: false, is_not_trusted: true }]);
  await h.ok(`ALTER TABLE [dbo].[tenants] NOCHECK CONSTRAINT [ck_tenants_name]`);
  expect(await checkState('ck_tenants_name')).toEqual([{ is_disabled: true, is_not_trusted: true }]);
  await h.ok(`ALTER TABLE [dbo].[tenants] CHECK CONSTRAINT [ck_tenants_name]`);
  expect(await checkState('ck_tenants_name')).toEqual([{ is_disabled: false, is_not_trusted: true }]);
  await h.ok(`ALTER TABLE [dbo].[tenants] WITH CHECK CHECK CONSTRAINT [ck_tenants_name]`);
  expect(await checkState('ck_tenants_name')).toEqual([{ is_disabled: false, is_not_trusted: false }]);
  const def = await h.rows(`SELECT definition FROM sys.check_constraints WHERE name = 'ck_tenants_name'`);
  expect(def).toEqual([{ definition: '(len([name])>(0))' }]);
});

test('WITH CHECK ADD validates existing rows (547), WITH NOCHECK does not', async () => {
  const e = await h.errors(`ALTER TABLE [dbo].[tenants] WITH CHECK ADD CONSTRAINT [ck_tenants_short] CHECK (LEN([name]) < 3)`);
  expect(e[0]).toMatchObject({ number: 547, message: 'The ALTER TABLE statement conflicted with the CHECK constraint "ck_tenants_short". The conflict occurred in database "app", table "dbo.tenants".' });
  await h.ok(`ALTER TABLE [dbo].[tenants] WITH NOCHECK ADD CONSTRAINT [ck_tenants_short] CHECK (LEN([name]) < 3)`);
  expect((await h.errors(`INSERT INTO dbo.tenants (name) VALUES ('long name')`))[0].number).toBe(547);
  await h.ok(`ALTER TABLE [dbo].[tenants] DROP CONSTRAINT IF EXISTS [ck_tenants_short]`);
  await h.ok(`ALTER TABLE [dbo].[tenants] DROP CONSTRAINT IF EXISTS [ck_tenants_short]`);
});

test('FK NOCHECK / WITH CHECK CHECK flips is_disabled and is_not_trusted', async () => {
  await h.ok(`ALTER TABLE [dbo].[users] NOCHECK CONSTRAINT [fk_users_tenant]`);
  expect(await h.rows(`SELECT is_disabled, is_not_trusted FROM sys.foreign_keys WHERE name = 'fk_users_tenant'`)).toEqual([{ is_disabled: true, is_not_trusted: true }]);
  await h.ok(`ALTER TABLE [dbo].[users] WITH CHECK CHECK CONSTRAINT [fk_users_tenant]`);
  expect(await h.rows(`SELECT is_disabled, is_not_trusted FROM sys.foreign_keys WHERE name = 'fk_users_tenant'`)).toEqual([{ is_disabled: false, is_not_trusted: false }]);
});

test('ADD CONSTRAINT DEFAULT with negative and decimal numbers FOR a column', async () => {
  await h.ok(`ALTER TABLE [dbo].[users] ADD [score] DECIMAL(9,2) NULL, [delta] INT NULL`);
  await h.ok(`ALTER TABLE [dbo].[users] ADD CONSTRAINT [df_users_score] DEFAULT 0.50 FOR [score]`);
  await h.ok(`ALTER TABLE [dbo].[users] ADD CONSTRAINT [df_users_delta] DEFAULT -1 FOR [delta]`);
  const rows = await h.rows(`SELECT name, definition FROM sys.default_constraints WHERE name IN ('df_users_score', 'df_users_delta') ORDER BY name`);
  expect(rows).toEqual([{ name: 'df_users_delta', definition: '((-1))' }, { name: 'df_users_score', definition: '((0.50))' }]);
  expect((await h.errors(`ALTER TABLE [dbo].[users] ADD CONSTRAINT [df_users_delta2] DEFAULT 5 FOR [delta]`))[0]).toMatchObject({ number: 1781, message: 'Column already has a DEFAULT bound to it.' });
});

test('SET A, B ON with several options', async () => {
  await h.ok(`SET ANSI_NULLS, QUOTED_IDENTIFIER, XACT_ABORT ON`);
  expect(await h.rows(`SELECT SESSIONPROPERTY('QUOTED_IDENTIFIER') AS q`)).toEqual([{ q: 1 }]);
  await h.ok(`SET XACT_ABORT OFF`);
});

test('drop default then column; add and drop columns; ALTER COLUMN changes type and nullability', async () => {
  await h.ok(`ALTER TABLE [dbo].[users] DROP CONSTRAINT [df_users_delta]; ALTER TABLE [dbo].[users] DROP COLUMN [delta]`);
  await h.ok(`ALTER TABLE [dbo].[users] ALTER COLUMN [user_metadata] NVARCHAR(MAX) NULL`);
  const rows = await h.rows(`SELECT name, TYPE_NAME(user_type_id) AS t, max_length FROM sys.columns WHERE object_id = OBJECT_ID('dbo.users') AND name IN ('delta', 'user_metadata')`);
  expect(rows).toEqual([{ name: 'user_metadata', t: 'nvarchar', max_length: -1 }]);
});

test('PK drop and re-add as NONCLUSTERED, then a clustered index; DROP INDEX brings the heap back', async () => {
  await h.ok(`CREATE TABLE dbo.p (id INT NOT NULL CONSTRAINT pk_p PRIMARY KEY, n INT NOT NULL)`);
  expect(await h.rows(`SELECT index_id, type_desc FROM sys.indexes WHERE object_id = OBJECT_ID('dbo.p')`)).toEqual([{ index_id: 1, type_desc: 'CLUSTERED' }]);
  await h.ok(`ALTER TABLE dbo.p DROP CONSTRAINT pk_p`);
  expect(await h.rows(`SELECT index_id, type_desc FROM sys.indexes WHERE object_id = OBJECT_ID('dbo.p')`)).toEqual([{ index_id: 0, type_desc: 'HEAP' }]);
  await h.ok(`ALTER TABLE dbo.p ADD CONSTRAINT pk_p PRIMARY KEY NONCLUSTERED (id); CREATE UNIQUE CLUSTERED INDEX cx_p ON dbo.p (n)`);
  expect(await h.rows(`SELECT name, index_id, type_desc FROM sys.indexes WHERE object_id = OBJECT_ID('dbo.p') ORDER BY index_id`)).toEqual([
    { name: 'cx_p', index_id: 1, type_desc: 'CLUSTERED' }, { name: 'pk_p', index_id: 2, type_desc: 'NONCLUSTERED' },
  ]);
  await h.ok(`DROP INDEX cx_p ON dbo.p`);
  expect(await h.rows(`SELECT name, index_id FROM sys.indexes WHERE object_id = OBJECT_ID('dbo.p') ORDER BY index_id`)).toEqual([{ name: null, index_id: 0 }, { name: 'pk_p', index_id: 2 }]);
  expect((await h.errors(`DROP INDEX pk_p ON dbo.p`))[0].number).toBe(3723);
});

test('sp_rename renames columns, indexes and constraints (a PK renames its index too)', async () => {
  await h.ok(`CREATE TABLE dbo.r (id INT NOT NULL, v INT NULL DEFAULT 1); ALTER TABLE dbo.r ADD CONSTRAINT PK__r__tmp PRIMARY KEY (id); CREATE INDEX ix_r_v ON dbo.r (v)`);
  const out = await h.ok(`EXEC sp_rename N'dbo.r.v', N'value', N'COLUMN'`);
  expect(out.find((o) => o.kind === 'info')).toMatchObject({ number: 15477, message: 'Caution: Changing any part of an object name could break scripts and stored procedures.' });
  await h.ok(`EXEC sp_rename N'dbo.r.ix_r_v', N'ix_r_value', N'INDEX'`);
  await h.ok(`EXEC sp_rename N'dbo.PK__r__tmp', N'pk_r', N'OBJECT'`);
  const df = await h.rows(`SELECT name FROM sys.default_constraints WHERE parent_object_id = OBJECT_ID('dbo.r')`);
  await h.ok(`EXEC sp_rename N'dbo.${df[0].name as string}', N'df_r_value'`);
  expect(await h.rows(`SELECT name FROM sys.columns WHERE object_id = OBJECT_ID('dbo.r') ORDER BY column_id`)).toEqual([{ name: 'id' }, { name: 'value' }]);
  expect(await h.rows(`SELECT name FROM sys.indexes WHERE object_id = OBJECT_ID('dbo.r') ORDER BY index_id`)).toEqual([{ name: 'pk_r' }, { name: 'ix_r_value' }]);
  expect(await h.rows(`SELECT name, is_system_named FROM sys.key_constraints WHERE parent_object_id = OBJECT_ID('dbo.r')`)).toEqual([{ name: 'pk_r', is_system_named: false }]);
  expect(await h.rows(`SELECT name FROM sys.default_constraints WHERE parent_object_id = OBJECT_ID('dbo.r')`)).toEqual([{ name: 'df_r_value' }]);
  expect((await h.errors(`EXEC sp_rename N'dbo.r.ghost', N'x', N'INDEX'`))[0]).toMatchObject({ number: 15248, message: expect.stringContaining('(INDEX)') });
  await h.ok(`EXEC sp_rename 'dbo.r', 'r2'`);
  expect(await h.rows(`SELECT OBJECT_ID('dbo.r') AS old, CASE WHEN OBJECT_ID('dbo.r2') IS NULL THEN 0 ELSE 1 END AS renamed`)).toEqual([{ old: null, renamed: 1 }]);
});

test('IF / BEGIN...END, variables, PRINT and RAISERROR in a guard script', async () => {
  const out = await h.run(`
    DECLARE @n INT = 0;
    IF DB_NAME() <> N'app' BEGIN RAISERROR('wrong database', 16, 1); RETURN; END
    IF OBJECT_ID(N'dbo.tenants', N'U') IS NOT NULL
    BEGIN
      SELECT @n = COUNT(*) FROM dbo.tenants;
      PRINT 'tenants: ' + CAST(@n AS VARCHAR(10));
    END
    SELECT @n AS n`);
  expect(out.filter((o) => o.kind === 'info').map((o) => (o as { message: string }).message)).toContain('tenants: 1');
  const rs = out.find((o) => o.kind === 'resultSet');
  expect(rs && rs.kind === 'resultSet' ? rs.resultSet.rows : null).toEqual([[1]]);
  const err = await h.errors(`IF DB_NAME() <> N'elsewhere' BEGIN RAISERROR('wrong database', 16, 1); RETURN; END; SELECT 1`);
  expect(err).toMatchObject([{ number: 50000, class: 16, message: 'wrong database' }]);
  const thrown = await h.errors(`THROW 51000, 'stop here', 1; SELECT 1`);
  expect(thrown).toMatchObject([{ number: 51000, class: 16, state: 1, message: 'stop here' }]);
});

test('DELETE cascades through ON DELETE CASCADE; a NO ACTION reference blocks it (547)', async () => {
  await h.ok(`INSERT INTO dbo.users (tenant_id, email, display_name) SELECT id, 'x@y', N'X' FROM dbo.tenants`);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM dbo.users`)).toEqual([{ n: 1 }]);
  await h.ok(`CREATE TABLE dbo.notes (id INT NOT NULL PRIMARY KEY, user_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_notes_user REFERENCES dbo.users (id)); INSERT INTO dbo.notes SELECT 1, id FROM dbo.users`);
  const e = await h.errors(`DELETE FROM dbo.tenants`);
  expect(e[0]).toMatchObject({ number: 547, message: 'The DELETE statement conflicted with the REFERENCE constraint "fk_notes_user". The conflict occurred in database "app", table "dbo.notes", column \'user_id\'.' });
  await h.ok(`DELETE FROM dbo.notes; DELETE FROM dbo.tenants`);
  expect(await h.rows(`SELECT (SELECT COUNT(*) FROM dbo.users) AS u, (SELECT COUNT(*) FROM dbo.tenants) AS t`)).toEqual([{ u: 0, t: 0 }]);
});

test('a column added in a batch cannot be used by DML later in that batch (207); a new batch or EXEC can', async () => {
  await h.ok(`CREATE TABLE dbo.b11 (id INT NOT NULL); INSERT INTO dbo.b11 VALUES (1)`);
  const e = await h.errors(`ALTER TABLE dbo.b11 ADD flag INT NULL; UPDATE dbo.b11 SET flag = 1`);
  expect(e).toMatchObject([{ number: 207, message: "Invalid column name 'flag'." }]);
  await h.ok(`UPDATE dbo.b11 SET flag = 1`);
  await h.ok(`ALTER TABLE dbo.b11 ADD note VARCHAR(10) NULL; EXEC(N'UPDATE dbo.b11 SET note = ''x''')`);
  // A table created in the batch is compiled when it runs, so its columns are usable at once.
  await h.ok(`CREATE TABLE dbo.fresh (a INT NULL); INSERT INTO dbo.fresh (a) VALUES (1); SELECT a FROM dbo.fresh`);
  expect(await h.rows(`SELECT flag, note FROM dbo.b11`)).toEqual([{ flag: 1, note: 'x' }]);
});

test('statement forms the product emits: bracketed sp_rename names, parenthesised defaults, PERSISTED NOT NULL', async () => {
  await h.ok(`EXEC(N'CREATE SCHEMA [sales]');`);
  await h.ok(`CREATE TABLE [sales].[orders] (
    [id] UNIQUEIDENTIFIER NOT NULL CONSTRAINT [df_orders_id] DEFAULT (NEWID()),
    [code] NVARCHAR(20) COLLATE Latin1_General_CS_AS NOT NULL,
    [qty] INT NOT NULL CONSTRAINT [df_orders_qty] DEFAULT ((0)),
    [price] DECIMAL(10,2) NOT NULL CONSTRAINT [df_orders_price] DEFAULT (-1.5),
    [total] AS ([qty] * [price]) PERSISTED NOT NULL,
    CONSTRAINT [pk_orders] PRIMARY KEY NONCLUSTERED ([id]),
    CONSTRAINT [ck_orders_qty] CHECK ([qty] >= 0)
  );`);
  await h.ok(`ALTER TABLE [sales].[orders] ADD [note] NVARCHAR(MAX) NULL;`);
  await h.ok(`ALTER TABLE [sales].[orders] ADD CONSTRAINT [df_orders_note] DEFAULT (N'none') FOR [note];`);
  await h.ok(`EXEC sp_rename N'[sales].[orders].[note]', N'remark', N'COLUMN';`);
  await h.ok(`EXEC sp_rename N'[sales].[ck_orders_qty]', N'ck_orders_quantity', N'OBJECT';`);
  await h.ok(`ALTER TABLE [sales].[orders] NOCHECK CONSTRAINT [ck_orders_quantity];`);
  await h.ok(`ALTER TABLE [sales].[orders] WITH NOCHECK CHECK CONSTRAINT [ck_orders_quantity];`);
  const cols = await h.rows(`SELECT c.name, c.is_nullable, c.collation_name FROM sys.columns c WHERE c.object_id = OBJECT_ID(N'[sales].[orders]') ORDER BY c.column_id`);
  expect(cols).toEqual([
    { name: 'id', is_nullable: false, collation_name: null },
    { name: 'code', is_nullable: false, collation_name: 'Latin1_General_CS_AS' },
    { name: 'qty', is_nullable: false, collation_name: null },
    { name: 'price', is_nullable: false, collation_name: null },
    { name: 'total', is_nullable: false, collation_name: null },
    { name: 'remark', is_nullable: true, collation_name: 'SQL_Latin1_General_CP1_CI_AS' },
  ]);
  expect(await h.rows(`SELECT name, definition FROM sys.default_constraints WHERE parent_object_id = OBJECT_ID('sales.orders') ORDER BY name`)).toEqual([
    { name: 'df_orders_id', definition: '(newid())' }, { name: 'df_orders_note', definition: "(N'none')" },
    { name: 'df_orders_price', definition: '((-1.5))' }, { name: 'df_orders_qty', definition: '((0))' },
  ]);
  expect(await h.rows(`SELECT name, is_disabled, is_not_trusted FROM sys.check_constraints WHERE parent_object_id = OBJECT_ID('sales.orders')`)).toEqual([{ name: 'ck_orders_quantity', is_disabled: false, is_not_trusted: true }]);
  expect((await h.errors(`DROP SCHEMA [sales];`))[0]).toMatchObject({ number: 3729 });
  await h.ok(`DROP TABLE [sales].[orders]; DROP SCHEMA [sales];`);
});
