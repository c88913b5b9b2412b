/**
 * CREATE / DROP SYNONYM in the stand-in: sys.synonyms with the fully quoted base name as written
 * (the base need not exist), sys.objects type SN, the schema's one namespace (Msg 2714), DROP of a
 * missing synonym (3701), IF EXISTS, and a rolled-back transaction undoing both.
 */
import { open, type Harness } from './harness';

let h: Harness;
beforeEach(() => { h = open(); });

const SYNONYMS = `SELECT SCHEMA_NAME(schema_id) AS schema_name, name, base_object_name FROM sys.synonyms ORDER BY name`;

test('CREATE SYNONYM stores the base object fully quoted, as many parts as were written', async () => {
  await h.ok(`CREATE TABLE dbo.orders (id int NOT NULL);
CREATE SYNONYM dbo.orders_syn FOR dbo.orders;
CREATE SYNONYM [later] FOR [archive]..[old orders];
CREATE SYNONYM dbo.remote FOR srv2.shop.dbo.orders;`);
  expect(await h.rows(SYNONYMS)).toEqual([
    { schema_name: 'dbo', name: 'later', base_object_name: '[archive]..[old orders]' },
    { schema_name: 'dbo', name: 'orders_syn', base_object_name: '[dbo].[orders]' },
    { schema_name: 'dbo', name: 'remote', base_object_name: '[srv2].[shop].[dbo].[orders]' },
  ]);
  expect(await h.rows(`SELECT type, type_desc FROM sys.objects WHERE name = 'orders_syn'`)).toEqual([{ type: 'SN', type_desc: 'SYNONYM' }]);
});

test('names are shared with the schema\'s other objects; DROP SYNONYM and IF EXISTS; a rollback undoes both', async () => {
  await h.ok(`CREATE TABLE dbo.orders (id int NOT NULL); CREATE SYNONYM dbo.s FOR dbo.orders;`);
  expect((await h.errors(`CREATE SYNONYM dbo.orders FOR dbo.s;`)).map((e) => e.number)).toEqual([2714]);
  expect((await h.errors(`CREATE TABLE dbo.s (id int);`)).map((e) => e.number)).toEqual([2714]);
  expect((await h.errors(`DROP SYNONYM dbo.nope;`)).map((e) => e.number)).toEqual([3701]);
  await h.ok(`DROP SYNONYM IF EXISTS dbo.nope;`);
  await h.ok(`BEGIN TRANSACTION; DROP SYNONYM dbo.s; CREATE SYNONYM dbo.t FOR dbo.orders; ROLLBACK;`);
  expect((await h.rows(SYNONYMS)).map((r) => r.name)).toEqual(['s']);
  await h.ok(`DROP SYNONYM dbo.s;`);
  expect(await h.rows(SYNONYMS)).toEqual([]);
});

test('a query reads through a synonym, under its name or alias; a missing base is Msg 5313', async () => {
  await h.ok(`CREATE TABLE dbo.orders (id int NOT NULL, total int NOT NULL); INSERT INTO dbo.orders VALUES (1, 10), (2, 20);
CREATE SYNONYM dbo.o FOR dbo.orders; CREATE SYNONYM dbo.o3 FOR app.dbo.orders; CREATE SYNONYM dbo.gone FOR dbo.nothing; CREATE SYNONYM dbo.oo FOR dbo.o;`);
  expect(await h.rows(`SELECT o.id, o.total FROM dbo.o WHERE o.total > 10`)).toEqual([{ id: 2, total: 20 }]);
  expect(await h.rows(`SELECT x.id FROM o3 AS x JOIN dbo.orders y ON y.id = x.id ORDER BY x.id`)).toEqual([{ id: 1 }, { id: 2 }]);
  expect((await h.errors(`SELECT * FROM dbo.gone`)).map((e) => e.number)).toEqual([5313]);
  expect((await h.errors(`SELECT * FROM dbo.oo`)).map((e) => e.number)).toEqual([5313]);
  expect((await h.errors(`SELECT * FROM dbo.nope`)).map((e) => e.number)).toEqual([208]);
});
