/**
 * Users, roles and permissions in the stand-in: CREATE USER ... WITHOUT LOGIN, CREATE ROLE, ALTER
 * ROLE ... ADD MEMBER, and GRANT / DENY / REVOKE on objects, columns, schemas and the database,
 * reported by sys.database_principals, sys.database_role_members and sys.database_permissions;
 * what ALTER SCHEMA ... TRANSFER, DROP COLUMN and a rollback do to them.
 */
import { open, type Harness } from './harness';

let h: Harness;
beforeEach(() => { h = open(); });

const PERMS = `SELECT p.class_desc, COALESCE(OBJECT_NAME(p.major_id), s.name, '') AS securable, COALESCE(c.name, '') AS column_name,
  dp.name AS grantee, p.permission_name, p.state, p.state_desc, p.type
FROM sys.database_permissions p
JOIN sys.database_principals dp ON dp.principal_id = p.grantee_principal_id
LEFT JOIN sys.schemas s ON p.class = 3 AND s.schema_id = p.major_id
LEFT JOIN sys.columns c ON p.class = 1 AND c.object_id = p.major_id AND c.column_id = p.minor_id
ORDER BY dp.name, p.class, securable, column_name, p.permission_name`;

const SETUP = `CREATE TABLE dbo.orders (id int NOT NULL, total int NOT NULL, note nvarchar(50) NULL);
CREATE USER reporting WITHOUT LOGIN;
CREATE ROLE app_readers;
ALTER ROLE app_readers ADD MEMBER reporting;`;

test('principals and role members are reported as SQL Server reports them, built-in ones included', async () => {
  await h.ok(SETUP);
  const principals = await h.rows(`SELECT name, principal_id, type, type_desc, default_schema_name, is_fixed_role, authentication_type_desc FROM sys.database_principals WHERE name IN ('public', 'dbo', 'db_datareader', 'reporting', 'app_readers') ORDER BY principal_id`);
  expect(principals).toEqual([
    { name: 'public', principal_id: 0, type: 'R', type_desc: 'DATABASE_ROLE', default_schema_name: null, is_fixed_role: false, authentication_type_desc: 'NONE' },
    { name: 'dbo', principal_id: 1, type: 'S', type_desc: 'SQL_USER', default_schema_name: 'dbo', is_fixed_role: false, authentication_type_desc: 'INSTANCE' },
    { name: 'reporting', principal_id: 5, type: 'S', type_desc: 'SQL_USER', default_schema_name: 'dbo', is_fixed_role: false, authentication_type_desc: 'NONE' },
    { name: 'app_readers', principal_id: 6, type: 'R', type_desc: 'DATABASE_ROLE', default_schema_name: null, is_fixed_role: false, authentication_type_desc: 'NONE' },
    { name: 'db_datareader', principal_id: 16390, type: 'R', type_desc: 'DATABASE_ROLE', default_schema_name: null, is_fixed_role: true, authentication_type_desc: 'NONE' },
  ]);
  expect(await h.rows(`SELECT r.name AS r, m.name AS m FROM sys.database_role_members rm
JOIN sys.database_principals r ON r.principal_id = rm.role_principal_id JOIN sys.database_principals m ON m.principal_id = rm.member_principal_id ORDER BY r.name`))
    .toEqual([{ r: 'app_readers', m: 'reporting' }, { r: 'db_owner', m: 'dbo' }]);
  expect(await h.rows(`SELECT USER_NAME() AS me, USER_NAME(DATABASE_PRINCIPAL_ID('reporting')) AS r, USER_NAME(16390) AS fixed, DATABASE_PRINCIPAL_ID('nobody') AS missing`))
    .toEqual([{ me: 'dbo', r: 'reporting', fixed: 'db_datareader', missing: null }]);
  expect((await h.errors(`CREATE ROLE reporting;`)).map((e) => e.number)).toEqual([15023]);
  expect((await h.errors(`CREATE USER someone;`)).map((e) => e.number)).toEqual([15007]);
  expect((await h.errors(`DROP ROLE app_readers;`)).map((e) => e.number)).toEqual([15144]);
  await h.ok(`EXEC sp_droprolemember 'app_readers', 'reporting'; EXEC sp_addrolemember @rolename = 'db_datareader', @membername = 'reporting';
ALTER ROLE db_datareader DROP MEMBER reporting; DROP ROLE app_readers; DROP USER IF EXISTS nobody;`);
  expect(await h.rows(`SELECT name FROM sys.database_principals WHERE name = 'app_readers'`)).toEqual([]);
});

test('GRANT, DENY and REVOKE on a table, its columns, a schema and the database', async () => {
  await h.ok(`${SETUP}
GRANT SELECT, INSERT ON dbo.orders TO app_readers;
GRANT UPDATE (total, note) ON OBJECT::dbo.orders TO reporting WITH GRANT OPTION;
DENY SELECT ON dbo.orders (note) TO app_readers;
GRANT SELECT ON SCHEMA::dbo TO reporting;
GRANT CREATE TABLE, VIEW DEFINITION TO reporting;
REVOKE INSERT ON dbo.orders FROM app_readers;`);
  expect(await h.rows(PERMS)).toEqual([
    { class_desc: 'OBJECT_OR_COLUMN', securable: 'orders', column_name: '', grantee: 'app_readers', permission_name: 'SELECT', state: 'G', state_desc: 'GRANT', type: 'SL  ' },
    { class_desc: 'OBJECT_OR_COLUMN', securable: 'orders', column_name: 'note', grantee: 'app_readers', permission_name: 'SELECT', state: 'D', state_desc: 'DENY', type: 'SL  ' },
    { class_desc: 'DATABASE', securable: '', column_name: '', grantee: 'reporting', permission_name: 'CREATE TABLE', state: 'G', state_desc: 'GRANT', type: 'CRTB' },
    { class_desc: 'DATABASE', securable: '', column_name: '', grantee: 'reporting', permission_name: 'VIEW DEFINITION', state: 'G', state_desc: 'GRANT', type: 'VW  ' },
    { class_desc: 'OBJECT_OR_COLUMN', securable: 'orders', column_name: 'note', grantee: 'reporting', permission_name: 'UPDATE', state: 'W', state_desc: 'GRANT_WITH_GRANT_OPTION', type: 'UP  ' },
    { class_desc: 'OBJECT_OR_COLUMN', securable: 'orders', column_name: 'total', grantee: 'reporting', permission_name: 'UPDATE', state: 'W', state_desc: 'GRANT_WITH_GRANT_OPTION', type: 'UP  ' },
    { class_desc: 'SCHEMA', securable: 'dbo', column_name: '', grantee: 'reporting', permission_name: 'SELECT', state: 'G', state_desc: 'GRANT', type: 'SL  ' },
  ]);
  // A column-level permission equal to the object's has no row of its own; an object-level
  // statement takes the same permission's column rows with it.
  await h.ok(`REVOKE GRANT OPTION FOR UPDATE ON dbo.orders (total) FROM reporting; GRANT UPDATE ON dbo.orders TO reporting;`);
  expect((await h.rows(PERMS)).filter((r) => r.grantee === 'reporting' && r.permission_name === 'UPDATE')).toEqual([
    { class_desc: 'OBJECT_OR_COLUMN', securable: 'orders', column_name: '', grantee: 'reporting', permission_name: 'UPDATE', state: 'G', state_desc: 'GRANT', type: 'UP  ' },
  ]);
  await h.ok(`GRANT ALL ON dbo.orders TO reporting;`);
  expect((await h.rows(PERMS)).filter((r) => r.grantee === 'reporting' && r.securable === 'orders').map((r) => r.permission_name)).toEqual(['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'UPDATE']);
});

test('what SQL Server refuses: unknown principals and objects, permissions an object does not take, dbo and fixed roles', async () => {
  await h.ok(SETUP);
  await h.ok(`CREATE PROCEDURE dbo.p AS SELECT 1;`);
  const numbers = async (sql: string) => (await h.errors(sql)).map((e) => e.number);
  expect(await numbers(`GRANT SELECT ON dbo.orders TO nobody;`)).toEqual([15151]);
  expect(await numbers(`GRANT SELECT ON dbo.nothing TO reporting;`)).toEqual([15151]);
  expect(await numbers(`GRANT EXECUTE ON dbo.orders TO reporting;`)).toEqual([4606]);
  expect(await numbers(`GRANT SELECT ON dbo.p TO reporting;`)).toEqual([4606]);
  expect(await numbers(`GRANT INSERT (total) ON dbo.orders TO reporting;`)).toEqual([4606]);
  expect(await numbers(`GRANT SELECT (nope) ON dbo.orders TO reporting;`)).toEqual([207]);
  expect(await numbers(`GRANT SELECT ON dbo.orders TO dbo;`)).toEqual([15151]);
  expect(await numbers(`GRANT SELECT ON dbo.orders TO db_datareader;`)).toEqual([4617]);
  await h.ok(`GRANT EXECUTE ON dbo.p TO public;`);
  expect((await h.rows(PERMS)).map((r) => [r.grantee, r.securable, r.permission_name])).toEqual([['public', 'p', 'EXECUTE']]);
});

test('a move to another schema drops the object\'s permissions, a dropped column its own, a rollback puts them back', async () => {
  await h.ok(`CREATE SCHEMA archive;`);
  await h.ok(`${SETUP}
GRANT SELECT ON dbo.orders TO reporting; GRANT UPDATE (note) ON dbo.orders TO app_readers;`);
  await h.ok(`BEGIN TRANSACTION; ALTER SCHEMA archive TRANSFER dbo.orders; DROP USER reporting; ROLLBACK;`);
  expect((await h.rows(PERMS)).map((r) => [r.grantee, r.securable, r.column_name, r.permission_name])).toEqual([
    ['app_readers', 'orders', 'note', 'UPDATE'], ['reporting', 'orders', '', 'SELECT'],
  ]);
  await h.ok(`ALTER TABLE dbo.orders DROP COLUMN note;`);
  expect((await h.rows(PERMS)).map((r) => [r.grantee, r.column_name, r.permission_name])).toEqual([['reporting', '', 'SELECT']]);
  await h.ok(`ALTER SCHEMA archive TRANSFER OBJECT::dbo.orders;`);
  expect(await h.rows(PERMS)).toEqual([]);
  await h.ok(`EXEC sp_rename 'archive.orders', 'orders2'; GRANT SELECT ON archive.orders2 TO reporting; EXEC sp_rename 'archive.orders2', 'orders3';`);
  expect((await h.rows(PERMS)).map((r) => [r.grantee, r.securable])).toEqual([['reporting', 'orders3']]);
});
