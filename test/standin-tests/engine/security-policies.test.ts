/**
 * Row-level security in the stand-in: CREATE / ALTER / DROP SECURITY POLICY stored as
 * sys.security_policies and sys.security_predicates show them, SESSION_CONTEXT filtering rows,
 * the refusals a schema-bound policy imposes on what it binds, and a rolled-back transaction
 * putting a dropped policy back.
 */
import { open, type Harness } from './harness';

let h: Harness;
beforeEach(() => { h = open(); });

const SETUP = `CREATE SCHEMA sec;
GO
CREATE TABLE dbo.orders (id int NOT NULL, tenant_id int NOT NULL, note nvarchar(50) NULL);
INSERT INTO dbo.orders VALUES (1, 1, N'a'), (2, 1, N'b'), (3, 2, N'c');
GO
CREATE FUNCTION sec.tenant_predicate(@tenant_id int) RETURNS TABLE WITH SCHEMABINDING
AS RETURN SELECT 1 AS ok WHERE @tenant_id = CAST(SESSION_CONTEXT(N'tenant_id') AS int);
GO
CREATE SECURITY POLICY sec.tenant_policy
  ADD FILTER PREDICATE sec.tenant_predicate(tenant_id) ON dbo.orders,
  ADD BLOCK PREDICATE sec.tenant_predicate(tenant_id) ON dbo.orders AFTER INSERT
  WITH (STATE = ON, SCHEMABINDING = ON);`;

async function setup(): Promise<void> {
  for (const batch of SETUP.split(/^GO$/m)) await h.ok(batch);
}

const POLICIES = `SELECT SCHEMA_NAME(schema_id) AS schema_name, name, type, type_desc, is_enabled, is_schema_bound, is_not_for_replication FROM sys.security_policies ORDER BY name`;
const PREDICATES = `SELECT security_predicate_id, OBJECT_NAME(target_object_id) AS target, predicate_definition, predicate_type, predicate_type_desc, operation, operation_desc
FROM sys.security_predicates ORDER BY security_predicate_id`;

test('CREATE SECURITY POLICY is stored as the two views show it', async () => {
  await setup();
  expect(await h.rows(POLICIES)).toEqual([{ schema_name: 'sec', name: 'tenant_policy', type: 'SP', type_desc: 'SECURITY_POLICY', is_enabled: true, is_schema_bound: true, is_not_for_replication: false }]);
  expect(await h.rows(PREDICATES)).toEqual([
    { security_predicate_id: 1, target: 'orders', predicate_definition: '[sec].[tenant_predicate]([tenant_id])', predicate_type: 0, predicate_type_desc: 'FILTER', operation: null, operation_desc: null },
    { security_predicate_id: 2, target: 'orders', predicate_definition: '[sec].[tenant_predicate]([tenant_id])', predicate_type: 1, predicate_type_desc: 'BLOCK', operation: 1, operation_desc: 'AFTER INSERT' },
  ]);
  expect(await h.rows(`SELECT type FROM sys.objects WHERE name = 'tenant_policy'`)).toEqual([{ type: 'SP' }]);
});

test('a FILTER predicate shows each session only its tenant\'s rows (SESSION_CONTEXT); STATE = OFF shows all', async () => {
  await setup();
  expect(await h.rows(`SELECT id FROM dbo.orders`)).toEqual([]);
  await h.ok(`EXEC sp_set_session_context @key = N'tenant_id', @value = 1;`);
  expect(await h.rows(`SELECT id FROM dbo.orders ORDER BY id`)).toEqual([{ id: 1 }, { id: 2 }]);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM dbo.orders`)).toEqual([{ n: 2 }]);
  await h.ok(`EXEC sp_set_session_context N'tenant_id', 2, 1;`);
  expect(await h.rows(`SELECT id FROM dbo.orders`)).toEqual([{ id: 3 }]);
  expect((await h.errors(`EXEC sp_set_session_context N'tenant_id', 1;`)).map((e) => e.number)).toEqual([15664]);
  await h.ok(`ALTER SECURITY POLICY sec.tenant_policy WITH (STATE = OFF);`);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM dbo.orders`)).toEqual([{ n: 3 }]);
  expect((await h.rows(POLICIES))[0]?.is_enabled).toBe(false);
});

test('a schema-bound policy refuses ALTER / DROP COLUMN of what it passes, DROP TABLE, sp_rename and DROP / ALTER FUNCTION', async () => {
  await setup();
  const numbers = async (sql: string) => (await h.errors(sql)).map((e) => e.number);
  expect(await numbers(`ALTER TABLE dbo.orders ALTER COLUMN tenant_id bigint NOT NULL;`)).toEqual([5074, 4922]);
  expect(await numbers(`ALTER TABLE dbo.orders DROP COLUMN tenant_id;`)).toEqual([5074, 4922]);
  expect(await numbers(`DROP TABLE dbo.orders;`)).toEqual([3729]);
  expect(await numbers(`EXEC sp_rename 'dbo.orders.tenant_id', 'tenant', 'COLUMN';`)).toEqual([15336]);
  expect(await numbers(`DROP FUNCTION sec.tenant_predicate;`)).toEqual([3729]);
  expect(await numbers(`CREATE OR ALTER FUNCTION sec.tenant_predicate(@tenant_id int) RETURNS TABLE WITH SCHEMABINDING AS RETURN SELECT 1 AS ok;`)).toEqual([3729]);
  // A column no predicate passes can be altered.
  await h.ok(`ALTER TABLE dbo.orders ALTER COLUMN note nvarchar(100) NULL;`);
});

test('drop, change, re-create in one transaction (as a plan does), and a rollback puts the policy back', async () => {
  await setup();
  await h.ok(`BEGIN TRANSACTION;
DROP SECURITY POLICY [sec].[tenant_policy];
ALTER TABLE [dbo].[orders] ALTER COLUMN [tenant_id] bigint NOT NULL;
ROLLBACK;`);
  expect((await h.rows(POLICIES)).map((r) => r.name)).toEqual(['tenant_policy']);
  await h.ok(`BEGIN TRANSACTION;
DROP SECURITY POLICY [sec].[tenant_policy];
ALTER TABLE [dbo].[orders] ALTER COLUMN [tenant_id] bigint NOT NULL;
CREATE SECURITY POLICY [sec].[tenant_policy]
  ADD FILTER PREDICATE [sec].[tenant_predicate]([tenant_id]) ON [dbo].[orders],
  ADD BLOCK PREDICATE [sec].[tenant_predicate]([tenant_id]) ON [dbo].[orders] AFTER INSERT
  WITH (STATE = ON);
COMMIT;`);
  expect((await h.rows(PREDICATES)).map((r) => r.predicate_type_desc)).toEqual(['FILTER', 'BLOCK']);
  expect(await h.rows(`SELECT TYPE_NAME(system_type_id) AS t FROM sys.columns WHERE object_id = OBJECT_ID('dbo.orders') AND name = 'tenant_id'`)).toEqual([{ t: 'bigint' }]);
  await h.ok(`EXEC sp_set_session_context N'tenant_id', 2;`);
  expect(await h.rows(`SELECT id FROM dbo.orders`)).toEqual([{ id: 3 }]);
});

test('ALTER SECURITY POLICY adds, alters and drops predicates; NOT FOR REPLICATION; SCHEMABINDING = OFF takes a function without it', async () => {
  await setup();
  await h.ok(`CREATE TABLE dbo.lines (id int NOT NULL, tenant int NOT NULL);`);
  await h.ok(`ALTER SECURITY POLICY sec.tenant_policy ADD FILTER PREDICATE sec.tenant_predicate(tenant) ON dbo.lines, DROP BLOCK PREDICATE ON dbo.orders AFTER INSERT, ADD BLOCK PREDICATE sec.tenant_predicate(tenant_id) ON dbo.orders BEFORE DELETE NOT FOR REPLICATION;`);
  expect((await h.rows(PREDICATES)).map((r) => [r.security_predicate_id, r.target, r.predicate_type_desc, r.operation_desc])).toEqual([
    [1, 'orders', 'FILTER', null], [3, 'lines', 'FILTER', null], [4, 'orders', 'BLOCK', 'BEFORE DELETE'],
  ]);
  expect((await h.rows(POLICIES))[0]?.is_not_for_replication).toBe(true);
  // One predicate per operation and table within a policy.
  expect((await h.errors(`ALTER SECURITY POLICY sec.tenant_policy ADD FILTER PREDICATE sec.tenant_predicate(tenant) ON dbo.lines;`)).length).toBe(1);
  await h.ok(`CREATE FUNCTION dbo.loose(@t int) RETURNS TABLE AS RETURN SELECT 1 AS ok WHERE @t > 0;`);
  expect((await h.errors(`CREATE SECURITY POLICY dbo.p ADD FILTER PREDICATE dbo.loose(tenant) ON dbo.lines WITH (STATE = OFF);`)).length).toBe(1);
  await h.ok(`CREATE SECURITY POLICY dbo.p ADD FILTER PREDICATE dbo.loose(tenant) ON dbo.lines WITH (STATE = OFF, SCHEMABINDING = OFF);`);
  // Not schema-bound: the column can be altered.
  await h.ok(`ALTER SECURITY POLICY sec.tenant_policy DROP FILTER PREDICATE ON dbo.lines;`);
  await h.ok(`ALTER TABLE dbo.lines ALTER COLUMN tenant bigint NOT NULL;`);
  await h.ok(`DROP SECURITY POLICY IF EXISTS dbo.nope; DROP SECURITY POLICY dbo.p;`);
  expect((await h.errors(`DROP SECURITY POLICY dbo.p;`)).map((e) => e.number)).toEqual([3701]);
});

test('UPDATE and DELETE see only the rows a FILTER predicate lets through; BLOCK predicates stop what they block (Msg 33504)', async () => {
  await setup();
  await h.ok(`EXEC sp_set_session_context N'tenant_id', 1;`);
  await h.ok(`UPDATE dbo.orders SET note = N'x'; DELETE FROM dbo.orders WHERE id = 3;`);
  await h.ok(`ALTER SECURITY POLICY sec.tenant_policy WITH (STATE = OFF);`);
  expect(await h.rows(`SELECT id, note FROM dbo.orders ORDER BY id`)).toEqual([{ id: 1, note: 'x' }, { id: 2, note: 'x' }, { id: 3, note: 'c' }]);
  await h.ok(`ALTER SECURITY POLICY sec.tenant_policy ADD BLOCK PREDICATE sec.tenant_predicate(tenant_id) ON dbo.orders BEFORE DELETE WITH (STATE = ON);`);
  // AFTER INSERT: a row of another tenant is refused, one's own is taken.
  expect((await h.errors(`INSERT INTO dbo.orders VALUES (4, 2, N'd');`)).map((e) => e.number)).toEqual([33504]);
  await h.ok(`INSERT INTO dbo.orders VALUES (4, 1, N'd');`);
  // An UPDATE that moves a row to another tenant: no AFTER UPDATE predicate here, so it goes through.
  await h.ok(`UPDATE dbo.orders SET tenant_id = 2 WHERE id = 4;`);
  expect(await h.rows(`SELECT id FROM dbo.orders ORDER BY id`)).toEqual([{ id: 1 }, { id: 2 }]);
});

test('ALTER ... PREDICATE swaps a predicate in place (its id kept); a second enabled policy on the same operation is refused, a disabled one is not', async () => {
  await setup();
  await h.ok(`CREATE FUNCTION sec.all_rows(@t int) RETURNS TABLE WITH SCHEMABINDING AS RETURN SELECT 1 AS ok WHERE @t IS NOT NULL;`);
  await h.ok(`ALTER SECURITY POLICY sec.tenant_policy ALTER FILTER PREDICATE sec.all_rows(tenant_id) ON dbo.orders;`);
  expect((await h.rows(PREDICATES)).map((r) => [r.security_predicate_id, r.predicate_definition])).toEqual([
    [1, '[sec].[all_rows]([tenant_id])'], [2, '[sec].[tenant_predicate]([tenant_id])'],
  ]);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM dbo.orders`)).toEqual([{ n: 3 }]);
  expect((await h.errors(`CREATE SECURITY POLICY sec.second ADD FILTER PREDICATE sec.all_rows(tenant_id) ON dbo.orders;`)).length).toBe(1);
  await h.ok(`CREATE SECURITY POLICY sec.second ADD FILTER PREDICATE sec.all_rows(tenant_id) ON dbo.orders WITH (STATE = OFF);`);
  expect((await h.errors(`ALTER SECURITY POLICY sec.second WITH (STATE = ON);`)).length).toBe(1);
});
