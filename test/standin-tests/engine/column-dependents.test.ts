/**
 * Two rules of how a column's dependents behave on the stand-in, as SQL Server documents them:
 * a unique index over a computed column compares the computed values (indexes-on-computed-columns),
 * and a CHECK constraint allows any length change of the variable-length column it reads
 * (alter-table-transact-sql.md, ALTER COLUMN), while other type changes stay refused (5074).
 */
import { errorNumbers, open } from './harness';

test('a filtered unique index over a persisted computed column compares computed values', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.users (id int NOT NULL PRIMARY KEY, email nvarchar(50) NOT NULL, normalized AS UPPER(email) PERSISTED, deleted_at date NULL);
CREATE UNIQUE INDEX ux_users_normalized ON dbo.users (normalized) WHERE deleted_at IS NULL;
INSERT dbo.users (id, email) VALUES (1, N'a@x.com'), (2, N'b@x.com');`);
  expect(await errorNumbers(h, `INSERT dbo.users (id, email) VALUES (3, N'B@X.com');`)).toEqual([2601]);
  expect((await h.errors(`INSERT dbo.users (id, email) VALUES (3, N'B@X.com');`))[0]?.message).toContain('The duplicate key value is (B@X.COM)');
  // Outside the filter, the same computed value is allowed.
  await h.ok(`INSERT dbo.users (id, email, deleted_at) VALUES (4, N'b@x.com', '2026-01-01');`);
  expect(await errorNumbers(h, `CREATE UNIQUE INDEX ux_users_all ON dbo.users (normalized);`)).toEqual([1505]);
});

test('a CHECK over a variable-length column lets its length shrink or grow, not its type change', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.people (id int NOT NULL PRIMARY KEY, email nvarchar(400) NOT NULL CONSTRAINT ck_people_email CHECK (email LIKE N'%_@_%'), code char(4) NOT NULL CONSTRAINT ck_people_code CHECK (code <> ''));
INSERT dbo.people VALUES (1, N'a@x.com', 'AB12');`);
  await h.ok('ALTER TABLE dbo.people ALTER COLUMN email nvarchar(320) NOT NULL;');
  await h.ok('ALTER TABLE dbo.people ALTER COLUMN email nvarchar(500) NOT NULL;');
  expect(await errorNumbers(h, 'ALTER TABLE dbo.people ALTER COLUMN email varchar(500) NOT NULL;')).toEqual([5074, 4922]);
  // char is not variable-length: its length change is refused while the check reads it.
  expect(await errorNumbers(h, 'ALTER TABLE dbo.people ALTER COLUMN code char(6) NOT NULL;')).toEqual([5074, 4922]);
});
