/**
 * Dynamic Data Masking in the stand-in: MASKED WITH (FUNCTION = '...') in CREATE TABLE, ALTER TABLE
 * ADD and ALTER COLUMN (with a type), ALTER COLUMN c ADD MASKED WITH | DROP MASKED; reported by
 * sys.columns.is_masked and sys.masked_columns (masked columns only) in the stored form, ", "
 * between arguments (https://github.com/microsoft/DacFx/issues/206); ADD MASKED refused on a
 * column an index depends on (dynamic-data-masking.md); functions checked against the type.
 */
import { open, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = open();
  await h.ok(`CREATE TABLE dbo.m (
    id int NOT NULL PRIMARY KEY,
    first_name varchar(100) MASKED WITH (FUNCTION = 'partial(1,"xxxxx",1)') NULL,
    phone varchar(12) MASKED WITH (FUNCTION = 'default()') NULL,
    email varchar(100) MASKED WITH (FUNCTION = 'Email()') NOT NULL,
    code smallint MASKED WITH (FUNCTION = 'random(1,100)') NULL,
    last_name varchar(100) NOT NULL);
  INSERT INTO dbo.m (id, first_name, phone, email, code, last_name) VALUES (1, 'Roberto', '555.123.4567', 'r@contoso.com', 10, 'Tamburello');`);
});

const MASKS = `SELECT c.name, c.is_masked, c.masking_function FROM sys.masked_columns c WHERE c.object_id = OBJECT_ID('dbo.m') ORDER BY c.column_id`;

test('CREATE TABLE stores each function in its stored form; sys.masked_columns lists masked columns only', async () => {
  expect(await h.rows(MASKS)).toEqual([
    { name: 'first_name', is_masked: true, masking_function: 'partial(1, "xxxxx", 1)' },
    { name: 'phone', is_masked: true, masking_function: 'default()' },
    { name: 'email', is_masked: true, masking_function: 'email()' },
    { name: 'code', is_masked: true, masking_function: 'random(1, 100)' },
  ]);
  expect((await h.rows(`SELECT name, is_masked FROM sys.columns WHERE object_id = OBJECT_ID('dbo.m') AND name IN ('id', 'email')`))).toEqual([
    { name: 'id', is_masked: false }, { name: 'email', is_masked: true },
  ]);
});

test('ALTER COLUMN adds, edits and drops a mask; with a type, it sets one; without, it keeps it', async () => {
  await h.ok(`ALTER TABLE dbo.m ALTER COLUMN last_name ADD MASKED WITH (FUNCTION = 'partial(2,"xxxx",0)');`);
  await h.ok(`ALTER TABLE dbo.m ALTER COLUMN email ADD MASKED WITH (FUNCTION = 'default()');`);
  await h.ok(`ALTER TABLE dbo.m ALTER COLUMN phone DROP MASKED;`);
  await h.ok(`ALTER TABLE dbo.m ALTER COLUMN first_name varchar(200) NULL;`);
  await h.ok(`ALTER TABLE dbo.m ALTER COLUMN code int MASKED WITH (FUNCTION = 'random(5, 6)') NULL;`);
  await h.ok(`ALTER TABLE dbo.m ADD born date MASKED WITH (FUNCTION = 'datetime("Y")') NULL;`);
  expect((await h.rows(MASKS)).map((r) => `${r.name}=${r.masking_function}`)).toEqual([
    'first_name=partial(1, "xxxxx", 1)', 'email=default()', 'code=random(5, 6)', 'last_name=partial(2, "xxxx", 0)', 'born=datetime("Y")',
  ]);
  expect((await h.errors(`ALTER TABLE dbo.m ALTER COLUMN phone DROP MASKED;`)).map((e) => e.number)).toEqual([16007]);
});

test('functions that do not fit, computed columns and indexed columns are refused', async () => {
  const numbers = async (sql: string) => (await h.errors(sql)).map((e) => e.number);
  expect(await numbers(`ALTER TABLE dbo.m ALTER COLUMN id ADD MASKED WITH (FUNCTION = 'email()');`)).toEqual([16003]);
  expect(await numbers(`ALTER TABLE dbo.m ALTER COLUMN last_name ADD MASKED WITH (FUNCTION = 'hash()');`)).toEqual([16002]);
  expect(await numbers(`ALTER TABLE dbo.m ADD c2 AS (id + 1) MASKED WITH (FUNCTION = 'default()');`)).toEqual([16004]);
  await h.ok(`CREATE INDEX ix_m_last_name ON dbo.m (last_name);`);
  expect(await numbers(`ALTER TABLE dbo.m ALTER COLUMN last_name ADD MASKED WITH (FUNCTION = 'default()');`)).toEqual([5074, 4922]);
  await h.ok(`DROP INDEX ix_m_last_name ON dbo.m; ALTER TABLE dbo.m ALTER COLUMN last_name ADD MASKED WITH (FUNCTION = 'default()'); CREATE INDEX ix_m_last_name ON dbo.m (last_name);`);
});
