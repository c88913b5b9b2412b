/**
 * Checks and foreign keys not validated or disabled, as SQL Server stores and enforces them
 * (alter-table-transact-sql, https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql):
 * WITH NOCHECK ADD skips the rows there are and leaves the constraint untrusted; NOCHECK CONSTRAINT
 * (one, a list, or ALL) disables it, untrusted too, and rows that violate it are then accepted
 * (disable-check-constraints-with-insert-and-update-statements); CHECK CONSTRAINT re-enables it
 * untrusted ("WITH NOCHECK is assumed for re-enabled constraints"); WITH CHECK CHECK CONSTRAINT
 * validates the rows and fails with Msg 547 on a violating one, leaving every constraint named as it was.
 */
import { open } from './harness';
import type { Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = open();
  await h.ok(`CREATE TABLE dbo.customers (id int NOT NULL CONSTRAINT pk_customers PRIMARY KEY)`);
  await h.ok(`INSERT INTO dbo.customers (id) VALUES (1), (2)`);
  await h.ok(`CREATE TABLE dbo.orders (id int NOT NULL CONSTRAINT pk_orders PRIMARY KEY, customer_id int NOT NULL, qty int NOT NULL,
    CONSTRAINT ck_orders_qty CHECK (qty > 0), CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES dbo.customers (id))`);
  await h.ok(`INSERT INTO dbo.orders (id, customer_id, qty) VALUES (1, 1, 5)`);
});

const state = () => h.rows(`SELECT name, is_disabled, is_not_trusted FROM sys.check_constraints WHERE parent_object_id = OBJECT_ID('dbo.orders')
  UNION ALL SELECT name, is_disabled, is_not_trusted FROM sys.foreign_keys WHERE parent_object_id = OBJECT_ID('dbo.orders') ORDER BY name`);
const numbers = async (sql: string) => (await h.errors(sql)).map((e) => e.number);

test('NOCHECK CONSTRAINT ALL disables every check and foreign key of the table, untrusted; violating rows are then accepted', async () => {
  await h.ok(`ALTER TABLE dbo.orders NOCHECK CONSTRAINT ALL`);
  expect(await state()).toEqual([
    { name: 'ck_orders_qty', is_disabled: true, is_not_trusted: true },
    { name: 'fk_orders_customer', is_disabled: true, is_not_trusted: true },
  ]);
  await h.ok(`INSERT INTO dbo.orders (id, customer_id, qty) VALUES (2, 99, 0)`);
  await h.ok(`UPDATE dbo.orders SET qty = -1 WHERE id = 1`);
});

test('CHECK CONSTRAINT re-enables untrusted; new writes are checked, the bad rows stay', async () => {
  await h.ok(`ALTER TABLE dbo.orders CHECK CONSTRAINT ck_orders_qty, fk_orders_customer`);
  expect(await state()).toEqual([
    { name: 'ck_orders_qty', is_disabled: false, is_not_trusted: true },
    { name: 'fk_orders_customer', is_disabled: false, is_not_trusted: true },
  ]);
  expect(await numbers(`INSERT INTO dbo.orders (id, customer_id, qty) VALUES (3, 1, 0)`)).toEqual([547]);
  expect(await numbers(`INSERT INTO dbo.orders (id, customer_id, qty) VALUES (3, 98, 1)`)).toEqual([547]);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM dbo.orders WHERE qty <= 0`)).toEqual([{ n: 2 }]);
});

test('WITH CHECK CHECK CONSTRAINT fails with 547 on a violating row and changes nothing, ALL included', async () => {
  await h.ok(`ALTER TABLE dbo.orders NOCHECK CONSTRAINT fk_orders_customer`);
  const e = await h.errors(`ALTER TABLE dbo.orders WITH CHECK CHECK CONSTRAINT ck_orders_qty`);
  expect(e[0]?.number).toBe(547);
  expect(e[0]?.message).toMatch(/^The ALTER TABLE statement conflicted with the CHECK constraint "ck_orders_qty"\. The conflict occurred in database "app", table "dbo\.orders"/);
  expect((await h.errors(`ALTER TABLE dbo.orders WITH CHECK CHECK CONSTRAINT ALL`)).map((x) => x.number)).toEqual([547]);
  expect(await state()).toEqual([
    { name: 'ck_orders_qty', is_disabled: false, is_not_trusted: true },
    { name: 'fk_orders_customer', is_disabled: true, is_not_trusted: true },
  ]);
});

test('once the rows are mended, WITH CHECK CHECK CONSTRAINT enables and trusts both (one failing key leaves the check as it was)', async () => {
  await h.ok(`UPDATE dbo.orders SET qty = 1 WHERE id IN (1, 2)`);
  const e = await h.errors(`ALTER TABLE dbo.orders WITH CHECK CHECK CONSTRAINT ALL`);
  expect(e.map((x) => [x.number, x.message.slice(0, 76)])).toEqual([[547, 'The ALTER TABLE statement conflicted with the FOREIGN KEY constraint "fk_ord']]);
  expect((await state())[0]).toEqual({ name: 'ck_orders_qty', is_disabled: false, is_not_trusted: true });
  await h.ok(`DELETE FROM dbo.orders WHERE id = 2`);
  await h.ok(`ALTER TABLE dbo.orders WITH CHECK CHECK CONSTRAINT ALL`);
  expect(await state()).toEqual([
    { name: 'ck_orders_qty', is_disabled: false, is_not_trusted: false },
    { name: 'fk_orders_customer', is_disabled: false, is_not_trusted: false },
  ]);
});

test('WITH NOCHECK ADD over violating rows: untrusted, enabled, checking new writes; a missing name is 4917', async () => {
  await h.ok(`INSERT INTO dbo.orders (id, customer_id, qty) VALUES (5, 2, 500)`);
  await h.ok(`ALTER TABLE dbo.orders WITH NOCHECK ADD CONSTRAINT ck_orders_small CHECK (qty < 100)`);
  expect(await h.rows(`SELECT is_disabled, is_not_trusted FROM sys.check_constraints WHERE name = 'ck_orders_small'`)).toEqual([{ is_disabled: false, is_not_trusted: true }]);
  expect(await numbers(`INSERT INTO dbo.orders (id, customer_id, qty) VALUES (6, 1, 200)`)).toEqual([547]);
  expect(await numbers(`ALTER TABLE dbo.orders NOCHECK CONSTRAINT ck_nothing`)).toEqual([4917]);
});
