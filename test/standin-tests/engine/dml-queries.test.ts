/**
 * T-SQL that data-migration and seed scripts use: SELECT from views (nested too), UPDATE / DELETE
 * with FROM and joins, CTEs (recursive too, and UPDATE / DELETE through one), window functions,
 * CROSS / OUTER APPLY, OUTPUT, STRING_AGG ... WITHIN GROUP.
 */
import { open, wrap } from './harness';
import { createEngine } from '../../standin/engine';
import type { Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = open();
  await h.ok(`
    CREATE SCHEMA sales;`);
  await h.ok(`
    CREATE TABLE sales.orders (id INT NOT NULL PRIMARY KEY, customer VARCHAR(20) NOT NULL, total DECIMAL(10,2) NULL);
    CREATE TABLE sales.lines (id INT NOT NULL PRIMARY KEY, order_id INT NOT NULL, amount DECIMAL(10,2) NOT NULL);
    INSERT INTO sales.orders VALUES (1, 'ann', NULL), (2, 'bob', NULL), (3, 'ann', 5);
    INSERT INTO sales.lines VALUES (10, 1, 2.5), (11, 1, 3), (12, 2, 7), (13, 3, 1);`);
});

/** Logs in sessions (as sa, on `app`) to one new engine, for tests of what sessions share. */
function sessionsOfOneEngine(): () => Harness {
  const engine = createEngine({ password: 'Secret#1', databases: ['app'] });
  return () => { const l = engine.login('sa', 'Secret#1', 'app'); if (!l.ok) throw new Error(l.error.message); return wrap(l.session); };
}

describe('views', () => {
  test('SELECT from a view and from a view over a view, with the reported column names', async () => {
    await h.ok(`CREATE VIEW sales.big_lines AS SELECT l.id, l.order_id AS ord, l.amount FROM sales.lines l WHERE l.amount > 2`);
    await h.ok(`CREATE VIEW sales.ann_lines AS SELECT b.* FROM sales.big_lines b JOIN sales.orders o ON o.id = b.ord WHERE o.customer = 'ann'`);
    expect(await h.rows(`SELECT * FROM sales.big_lines ORDER BY id`)).toEqual([
      { id: 10, ord: 1, amount: 2.5 }, { id: 11, ord: 1, amount: 3 }, { id: 12, ord: 2, amount: 7 },
    ]);
    expect(await h.rows(`SELECT id, ord FROM sales.ann_lines ORDER BY id DESC`)).toEqual([{ id: 11, ord: 1 }, { id: 10, ord: 1 }]);
    expect(await h.rows(`SELECT name FROM sys.columns WHERE object_id = OBJECT_ID('sales.ann_lines') ORDER BY column_id`)).toEqual([{ name: 'id' }, { name: 'ord' }, { name: 'amount' }]);
  });

  test('INSERT through a view over one table, with OUTPUT; a derived column is 4406, columns of two tables 4405', async () => {
    await h.ok(`CREATE VIEW dbo.ov AS SELECT id AS order_id, customer, total * 2 AS doubled FROM sales.orders`);
    expect(await h.rows(`INSERT INTO dbo.ov (order_id, customer) OUTPUT inserted.id VALUES (8, 'hal')`)).toEqual([{ id: 8 }]);
    expect(await h.rows(`SELECT customer FROM sales.orders WHERE id = 8`)).toEqual([{ customer: 'hal' }]);
    expect(await h.errors(`INSERT INTO dbo.ov (order_id, customer, doubled) VALUES (9, 'x', 1)`)).toMatchObject([{ number: 4406 }]);
    await h.ok(`CREATE VIEW dbo.jv AS SELECT o.id, o.customer, l.amount FROM sales.orders o JOIN sales.lines l ON l.order_id = o.id`);
    await h.ok(`INSERT INTO dbo.jv (id, customer) VALUES (9, 'ida')`);
    expect(await h.rows(`SELECT customer FROM sales.orders WHERE id = 9`)).toEqual([{ customer: 'ida' }]);
    expect(await h.errors(`INSERT INTO dbo.jv (id, customer, amount) VALUES (10, 'x', 1)`)).toMatchObject([{ number: 4405 }]);
  });

  test('a view whose table is gone is Msg 208; an unknown view is Msg 208', async () => {
    await h.ok(`CREATE VIEW dbo.v1 AS SELECT id FROM sales.lines`);
    expect(await h.errors(`SELECT * FROM dbo.nope`)).toMatchObject([{ number: 208 }]);
    await h.ok(`DROP TABLE sales.lines`);
    expect(await h.errors(`SELECT * FROM dbo.v1`)).toMatchObject([{ number: 208, message: "Invalid object name 'sales.lines'." }]);
  });

  test('UPDATE through a view over one table; a derived column is Msg 4406', async () => {
    await h.ok(`CREATE VIEW dbo.ov AS SELECT id, customer, total * 2 AS doubled FROM sales.orders`);
    await h.ok(`UPDATE dbo.ov SET customer = 'cy' WHERE id = 2`);
    expect(await h.rows(`SELECT customer FROM sales.orders WHERE id = 2`)).toEqual([{ customer: 'cy' }]);
    expect(await h.errors(`UPDATE dbo.ov SET doubled = 1`)).toMatchObject([{ number: 4406 }]);
  });
});

describe('UPDATE / DELETE with FROM', () => {
  test('UPDATE alias SET ... FROM table alias JOIN (derived) ON ...', async () => {
    const out = await h.ok(`UPDATE o SET total = x.s FROM sales.orders o JOIN (SELECT order_id, SUM(amount) AS s FROM sales.lines GROUP BY order_id) x ON x.order_id = o.id WHERE o.customer = 'ann'`);
    expect(out.filter((o) => o.kind === 'done').pop()).toMatchObject({ rowCount: 2 });
    expect(await h.rows(`SELECT id, total FROM sales.orders ORDER BY id`)).toEqual([{ id: 1, total: 5.5 }, { id: 2, total: null }, { id: 3, total: 1 }]);
  });

  test('UPDATE t SET ... FROM other WHERE join condition (the target joined in implicitly)', async () => {
    await h.ok(`UPDATE sales.orders SET total = l.amount FROM sales.lines l WHERE l.order_id = sales.orders.id AND l.id = 12`);
    expect(await h.rows(`SELECT total FROM sales.orders WHERE id = 2`)).toEqual([{ total: 7 }]);
  });

  test('batched DELETE TOP (n) in a WHILE with BREAK and CONTINUE; BREAK outside a loop is Msg 135', async () => {
    const out = await h.ok(`DECLARE @batches INT = 0, @i INT = 0;
      WHILE 1 = 1 BEGIN
        DELETE TOP (3) FROM sales.lines WHERE amount > 0;
        IF @@ROWCOUNT = 0 BREAK;
        SET @batches += 1;
      END;
      WHILE @i < 5 BEGIN SET @i += 1; IF @i % 2 = 0 CONTINUE; SET @batches += 10; END;
      SELECT @batches AS b;`);
    const rs = out.filter((o) => o.kind === 'resultSet').pop();
    expect(rs?.kind === 'resultSet' ? rs.resultSet.rows : []).toEqual([[32]]);
    expect(await h.errors(`BREAK`)).toMatchObject([{ number: 135 }]);
  });

  test('DELETE alias FROM t alias JOIN ...', async () => {
    const out = await h.ok(`DELETE l FROM sales.lines l JOIN sales.orders o ON o.id = l.order_id WHERE o.customer = 'ann'`);
    expect(out.filter((o) => o.kind === 'done').pop()).toMatchObject({ rowCount: 3 });
    expect(await h.rows(`SELECT id FROM sales.lines`)).toEqual([{ id: 12 }]);
  });

  test('an unknown alias column is Msg 207 and nothing changes; a failed UPDATE rolls back', async () => {
    expect(await h.errors(`UPDATE o SET nope = 1 FROM sales.orders o`)).toMatchObject([{ number: 207 }]);
    expect(await h.errors(`UPDATE o SET customer = NULL FROM sales.orders o JOIN sales.lines l ON l.order_id = o.id`)).toMatchObject([{ number: 515 }]);
    expect(await h.rows(`SELECT COUNT(*) AS n FROM sales.orders WHERE customer IS NULL`)).toEqual([{ n: 0 }]);
  });

  test('UPDATE ... FROM inside a transaction rolls back with it', async () => {
    await h.ok(`BEGIN TRAN; UPDATE o SET total = 99 FROM sales.orders o JOIN sales.lines l ON l.order_id = o.id WHERE l.id = 13; ROLLBACK`);
    expect(await h.rows(`SELECT total FROM sales.orders WHERE id = 3`)).toEqual([{ total: 5 }]);
  });
});

describe('CTEs', () => {
  test('WITH c AS (...) SELECT, with a column list and two CTEs', async () => {
    expect(await h.rows(`WITH c (ord, n) AS (SELECT order_id, COUNT(*) FROM sales.lines GROUP BY order_id), d AS (SELECT ord FROM c WHERE n > 1) SELECT o.customer FROM sales.orders o JOIN d ON d.ord = o.id`))
      .toEqual([{ customer: 'ann' }]);
    expect(await h.rows(`;WITH c AS (SELECT id FROM sales.orders) SELECT COUNT(*) AS n FROM sales.lines WHERE order_id IN (SELECT id FROM c)`)).toEqual([{ n: 4 }]);
  });

  test('a CTE column without a name is Msg 8155', async () => {
    expect(await h.errors(`WITH c AS (SELECT COUNT(*) FROM sales.lines) SELECT * FROM c`)).toMatchObject([{ number: 8155 }]);
  });

  test('the dedupe before a unique index: DELETE through a CTE over ROW_NUMBER()', async () => {
    await h.ok(`CREATE TABLE dbo.emails (id INT NOT NULL PRIMARY KEY, email VARCHAR(50) NOT NULL)`);
    await h.ok(`INSERT INTO dbo.emails VALUES (1, 'a@x'), (2, 'b@x'), (3, 'A@x'), (4, 'b@x'), (5, 'c@x')`);
    const out = await h.ok(`WITH d AS (SELECT id, ROW_NUMBER() OVER (PARTITION BY email ORDER BY id) AS rn FROM dbo.emails) DELETE FROM d WHERE rn > 1`);
    expect(out.filter((o) => o.kind === 'done').pop()).toMatchObject({ rowCount: 2 });
    expect(await h.rows(`SELECT id FROM dbo.emails ORDER BY id`)).toEqual([{ id: 1 }, { id: 2 }, { id: 5 }]);
    await h.ok(`CREATE UNIQUE INDEX ux_emails ON dbo.emails (email)`);
  });

  test('UPDATE through a CTE; a CTE that aggregates is Msg 4403', async () => {
    await h.ok(`WITH c AS (SELECT id, total FROM sales.orders WHERE customer = 'bob') UPDATE c SET total = 42`);
    expect(await h.rows(`SELECT total FROM sales.orders WHERE id = 2`)).toEqual([{ total: 42 }]);
    expect(await h.errors(`WITH c AS (SELECT customer, SUM(total) AS t FROM sales.orders GROUP BY customer) UPDATE c SET customer = 'x'`)).toMatchObject([{ number: 4403 }]);
  });

  test('recursive CTE, and MAXRECURSION exhausted is Msg 530', async () => {
    expect(await h.rows(`WITH r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT SUM(n) AS s, COUNT(*) AS c FROM r`)).toEqual([{ s: 15, c: 5 }]);
    expect(await h.errors(`WITH r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 50) SELECT n FROM r OPTION (MAXRECURSION 10)`))
      .toMatchObject([{ number: 530, message: 'The statement terminated. The maximum recursion 10 has been exhausted before statement completion.' }]);
  });
});

describe('window functions', () => {
  test('ROW_NUMBER, RANK, DENSE_RANK, SUM OVER (PARTITION BY / ORDER BY)', async () => {
    await h.ok(`CREATE TABLE dbo.s (id INT NOT NULL, k CHAR(1) NOT NULL, v INT NOT NULL); INSERT INTO dbo.s VALUES (1,'a',10),(2,'a',20),(3,'a',20),(4,'b',5),(5,'b',7)`);
    expect(await h.rows(`SELECT id, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC, id) AS rn, RANK() OVER (ORDER BY v DESC) AS rk, DENSE_RANK() OVER (ORDER BY v DESC) AS dr,
        SUM(v) OVER (PARTITION BY k) AS tot, SUM(v) OVER (PARTITION BY k ORDER BY id) AS run, COUNT(*) OVER () AS n FROM dbo.s ORDER BY id`)).toEqual([
      { id: 1, rn: 3, rk: 3, dr: 2, tot: 50, run: 10, n: 5 },
      { id: 2, rn: 1, rk: 1, dr: 1, tot: 50, run: 30, n: 5 },
      { id: 3, rn: 2, rk: 1, dr: 1, tot: 50, run: 50, n: 5 },
      { id: 4, rn: 2, rk: 5, dr: 4, tot: 12, run: 5, n: 5 },
      { id: 5, rn: 1, rk: 4, dr: 3, tot: 12, run: 12, n: 5 },
    ]);
    expect(await h.rows(`SELECT id, SUM(v) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS w FROM dbo.s WHERE k = 'a' ORDER BY id`))
      .toEqual([{ id: 1, w: 10 }, { id: 2, w: 30 }, { id: 3, w: 40 }]);
  });

  test('ROW_NUMBER without ORDER BY is Msg 4112; in WHERE, Msg 4108', async () => {
    expect(await h.errors(`SELECT ROW_NUMBER() OVER (PARTITION BY customer) FROM sales.orders`)).toMatchObject([{ number: 4112 }]);
    expect(await h.errors(`SELECT id FROM sales.orders WHERE ROW_NUMBER() OVER (ORDER BY id) > 1`)).toMatchObject([{ number: 4108 }]);
  });
});

describe('APPLY, OUTPUT, STRING_AGG', () => {
  test('CROSS APPLY and OUTER APPLY over a correlated derived table', async () => {
    await h.ok(`INSERT INTO sales.orders VALUES (4, 'dee', NULL)`);
    expect(await h.rows(`SELECT o.id, x.amount FROM sales.orders o CROSS APPLY (SELECT TOP 1 amount FROM sales.lines l WHERE l.order_id = o.id ORDER BY amount DESC) x ORDER BY o.id`))
      .toEqual([{ id: 1, amount: 3 }, { id: 2, amount: 7 }, { id: 3, amount: 1 }]);
    expect(await h.rows(`SELECT o.id, x.n FROM sales.orders o OUTER APPLY (SELECT l.id AS n FROM sales.lines l WHERE l.order_id = o.id AND l.amount > 5) x ORDER BY o.id`))
      .toEqual([{ id: 1, n: null }, { id: 2, n: 12 }, { id: 3, n: null }, { id: 4, n: null }]);
  });

  test('OUTPUT inserted / deleted on INSERT, UPDATE and DELETE; OUTPUT INTO a table', async () => {
    await h.ok(`CREATE TABLE dbo.t (id INT IDENTITY(1,1) NOT NULL PRIMARY KEY, a VARCHAR(10) NOT NULL)`);
    expect(await h.rows(`INSERT INTO dbo.t (a) OUTPUT inserted.id, inserted.a VALUES ('x'), ('y')`)).toEqual([{ id: 1, a: 'x' }, { id: 2, a: 'y' }]);
    expect(await h.rows(`UPDATE dbo.t SET a = 'z' OUTPUT deleted.a AS was, inserted.a AS now WHERE id = 2`)).toEqual([{ was: 'y', now: 'z' }]);
    expect(await h.rows(`DELETE FROM dbo.t OUTPUT deleted.* WHERE id = 1`)).toEqual([{ id: 1, a: 'x' }]);
    await h.ok(`CREATE TABLE dbo.log (id INT NOT NULL, a VARCHAR(10) NULL)`);
    await h.ok(`DELETE FROM dbo.t OUTPUT deleted.id, deleted.a INTO dbo.log (id, a)`);
    expect(await h.rows(`SELECT * FROM dbo.log`)).toEqual([{ id: 2, a: 'z' }]);
    expect(await h.errors(`INSERT INTO dbo.t (a) OUTPUT deleted.a VALUES ('q')`)).toMatchObject([{ number: 4104 }]);
  });

  test('ORDER BY ... OFFSET / FETCH; a negative offset is Msg 10742', async () => {
    expect(await h.rows(`SELECT id FROM sales.lines ORDER BY id OFFSET 1 ROWS FETCH NEXT 2 ROWS ONLY`)).toEqual([{ id: 11 }, { id: 12 }]);
    expect(await h.rows(`SELECT id FROM sales.lines ORDER BY id DESC OFFSET 3 ROWS`)).toEqual([{ id: 10 }]);
    expect(await h.errors(`SELECT id FROM sales.lines ORDER BY id OFFSET -1 ROWS`)).toMatchObject([{ number: 10742 }]);
  });

  test('STRING_AGG ... WITHIN GROUP (ORDER BY ...)', async () => {
    expect(await h.rows(`SELECT customer, STRING_AGG(CAST(id AS VARCHAR(5)), ',') WITHIN GROUP (ORDER BY id DESC) AS ids FROM sales.orders GROUP BY customer ORDER BY customer`))
      .toEqual([{ customer: 'ann', ids: '3,1' }, { customer: 'bob', ids: '2' }]);
  });
});

describe('SELECT INTO', () => {
  test('a new table from a query: columns typed as the query, rows copied, IDENTITY inherited', async () => {
    await h.ok(`CREATE TABLE dbo.src (id INT IDENTITY(1,1) NOT NULL, name NVARCHAR(30) NULL); INSERT INTO dbo.src (name) VALUES (N'a'), (N'b')`);
    const out = await h.ok(`SELECT id, name, CAST(1 AS DECIMAL(5,2)) AS amount INTO dbo.copy FROM dbo.src`);
    expect(out.filter((o) => o.kind === 'done').pop()).toMatchObject({ rowCount: 2 });
    expect(await h.rows(`SELECT c.name, t.name AS type, c.max_length, c.is_nullable, c.is_identity FROM sys.columns c JOIN sys.types t ON t.user_type_id = c.user_type_id WHERE c.object_id = OBJECT_ID('dbo.copy') ORDER BY c.column_id`)).toEqual([
      { name: 'id', type: 'int', max_length: 4, is_nullable: false, is_identity: true },
      { name: 'name', type: 'nvarchar', max_length: 60, is_nullable: true, is_identity: false },
      { name: 'amount', type: 'decimal', max_length: 5, is_nullable: true, is_identity: false },
    ]);
    await h.ok(`INSERT INTO dbo.copy (name, amount) VALUES (N'c', 2)`);
    expect(await h.rows(`SELECT id, name FROM dbo.copy ORDER BY id`)).toEqual([{ id: 1, name: 'a' }, { id: 2, name: 'b' }, { id: 3, name: 'c' }]);
  });

  test('an existing name is Msg 2714; an unnamed column is Msg 1038; a rolled-back SELECT INTO leaves no table', async () => {
    expect(await h.errors(`SELECT id INTO sales.orders FROM sales.lines`)).toMatchObject([{ number: 2714 }]);
    expect(await h.errors(`SELECT COUNT(*) INTO dbo.n FROM sales.lines`)).toMatchObject([{ number: 1038 }]);
    await h.ok(`BEGIN TRAN; SELECT id INTO dbo.tmp_ids FROM sales.lines; ROLLBACK`);
    expect(await h.rows(`SELECT OBJECT_ID('dbo.tmp_ids') AS id`)).toEqual([{ id: null }]);
  });
});

describe('user functions and procedures', () => {
  test('a scalar function in a select list and WHERE; an unknown one is Msg 4121', async () => {
    await h.ok(`CREATE FUNCTION dbo.twice (@x INT) RETURNS INT AS BEGIN DECLARE @r INT; SET @r = @x * 2; RETURN @r; END`);
    expect(await h.rows(`SELECT dbo.twice(2) AS v`)).toEqual([{ v: 4 }]);
    expect(await h.rows(`SELECT id FROM sales.lines WHERE dbo.twice(order_id) = 4`)).toEqual([{ id: 12 }]);
    expect(await h.errors(`SELECT dbo.nope(1)`)).toMatchObject([{ number: 4121 }]);
    expect(await h.errors(`SELECT dbo.twice()`)).toMatchObject([{ number: 313 }]);
  });

  test('an inline table-valued function in FROM and under CROSS APPLY', async () => {
    await h.ok(`CREATE FUNCTION sales.lines_of (@order INT) RETURNS TABLE AS RETURN (SELECT id, amount FROM sales.lines WHERE order_id = @order)`);
    expect(await h.rows(`SELECT * FROM sales.lines_of(1) AS l ORDER BY id`)).toEqual([{ id: 10, amount: 2.5 }, { id: 11, amount: 3 }]);
    expect(await h.rows(`SELECT o.id, SUM(l.amount) AS s FROM sales.orders o CROSS APPLY sales.lines_of(o.id) l GROUP BY o.id ORDER BY o.id`))
      .toEqual([{ id: 1, s: 5.5 }, { id: 2, s: 7 }, { id: 3, s: 1 }]);
  });

  test('EXEC of a user procedure: parameters, defaults, result sets, RETURN status, OUTPUT; a missing parameter is Msg 201', async () => {
    await h.ok(`CREATE PROCEDURE sales.bump @id INT, @by DECIMAL(10,2) = 1, @new DECIMAL(10,2) OUTPUT AS
      BEGIN
        UPDATE sales.orders SET total = ISNULL(total, 0) + @by WHERE id = @id;
        SELECT @new = total FROM sales.orders WHERE id = @id;
        SELECT id, total FROM sales.orders WHERE id = @id;
        RETURN 7;
      END`);
    const sets = await h.sets(`DECLARE @rc INT, @t DECIMAL(10,2); EXEC @rc = sales.bump @id = 3, @new = @t OUTPUT; SELECT @rc AS rc, @t AS t`);
    expect(sets).toEqual([[{ id: 3, total: 6 }], [{ rc: 7, t: 6 }]]);
    await h.ok(`DECLARE @t DECIMAL(10,2); EXEC sales.bump 1, 2.5, @t OUTPUT`);
    expect(await h.rows(`SELECT total FROM sales.orders WHERE id = 1`)).toEqual([{ total: 2.5 }]);
    expect(await h.errors(`EXEC sales.bump @by = 1`)).toMatchObject([{ number: 201, message: "Procedure or function 'bump' expects parameter '@id', which was not supplied." }]);
    expect(await h.errors(`EXEC dbo.nope`)).toMatchObject([{ number: 2812 }]);
    // INSERT ... EXEC: the procedure's result set becomes rows; its shape must fit (213).
    await h.ok(`CREATE TABLE #got (id INT NOT NULL, total DECIMAL(10,2) NULL); INSERT INTO #got EXEC sales.bump 2, 1.5, NULL`);
    expect(await h.rows(`SELECT id, total FROM #got`)).toEqual([{ id: 2, total: 1.5 }]);
    expect(await h.errors(`INSERT INTO #got (id) EXEC sales.bump 2, 1, NULL`)).toMatchObject([{ number: 213 }]);
    // A #table a procedure creates ends with it; its SET NOCOUNT ON does not outlive it.
    await h.ok(`CREATE PROCEDURE dbo.tmp_user AS BEGIN SET NOCOUNT ON; SELECT 1 AS x INTO #mine; SELECT COUNT(*) AS n FROM #mine; END`);
    expect(await h.sets(`EXEC dbo.tmp_user`)).toEqual([[{ n: 1 }]]);
    expect(await h.errors(`SELECT * FROM #mine`)).toMatchObject([{ number: 208 }]);
    const counted = await h.ok(`EXEC dbo.tmp_user; SELECT 1 AS one`);
    expect(counted.filter((o) => o.kind === 'done').pop()).toMatchObject({ rowCount: 1 });
    // RETURN without a value before a statement that does not start like a value.
    await h.ok(`IF 1 = 0 RETURN\nWHILE 1 = 0 PRINT 'x'`);
  });
});

describe('MERGE', () => {
  test('update matched, insert unmatched, delete not matched by source', async () => {
    await h.ok(`CREATE TABLE dbo.stage (id INT NOT NULL, customer VARCHAR(20) NOT NULL); INSERT INTO dbo.stage VALUES (1, 'ann2'), (4, 'dee')`);
    const out = await h.ok(`MERGE sales.orders AS t USING dbo.stage AS s ON t.id = s.id
      WHEN MATCHED THEN UPDATE SET customer = s.customer
      WHEN NOT MATCHED BY TARGET THEN INSERT (id, customer) VALUES (s.id, s.customer)
      WHEN NOT MATCHED BY SOURCE AND t.id = 3 THEN DELETE;`);
    expect(out.filter((o) => o.kind === 'done').pop()).toMatchObject({ rowCount: 3 });
    expect(await h.rows(`SELECT id, customer FROM sales.orders ORDER BY id`)).toEqual([{ id: 1, customer: 'ann2' }, { id: 2, customer: 'bob' }, { id: 4, customer: 'dee' }]);
  });

  test('OUTPUT $action, inserted and deleted', async () => {
    await h.ok(`CREATE TABLE dbo.stage (id INT NOT NULL, customer VARCHAR(20) NOT NULL); INSERT INTO dbo.stage VALUES (2, 'bo'), (7, 'gus')`);
    expect(await h.rows(`MERGE sales.orders AS t USING dbo.stage AS s ON t.id = s.id
      WHEN MATCHED THEN UPDATE SET customer = s.customer
      WHEN NOT MATCHED THEN INSERT (id, customer) VALUES (s.id, s.customer)
      OUTPUT $action AS act, inserted.id, deleted.customer AS was;`)).toEqual([{ act: 'INSERT', id: 7, was: null }, { act: 'UPDATE', id: 2, was: 'bob' }]);
  });

  test('a target row matched twice is Msg 8672 and nothing changes', async () => {
    await h.ok(`CREATE TABLE dbo.stage (id INT NOT NULL); INSERT INTO dbo.stage VALUES (1), (1)`);
    expect(await h.errors(`MERGE sales.orders t USING dbo.stage s ON t.id = s.id WHEN MATCHED THEN UPDATE SET total = 1;`)).toMatchObject([{ number: 8672 }]);
    expect(await h.rows(`SELECT total FROM sales.orders WHERE id = 1`)).toEqual([{ total: null }]);
  });
});

describe('AFTER triggers', () => {
  beforeEach(async () => {
    await h.ok(`CREATE TABLE dbo.audit (what VARCHAR(10) NOT NULL, id INT NOT NULL, note VARCHAR(40) NULL)`);
    await h.ok(`CREATE TRIGGER sales.tr_orders ON sales.orders AFTER INSERT, UPDATE AS
      BEGIN
        SET NOCOUNT ON;
        INSERT INTO dbo.audit (what, id, note) SELECT CASE WHEN EXISTS (SELECT 1 FROM deleted) THEN 'update' ELSE 'insert' END, i.id, d.customer + '>' + i.customer
          FROM inserted i LEFT JOIN deleted d ON d.id = i.id;
      END`);
  });

  test('fire once per statement with inserted and deleted', async () => {
    await h.ok(`INSERT INTO sales.orders VALUES (4, 'dee', NULL), (5, 'eve', NULL)`);
    await h.ok(`UPDATE sales.orders SET customer = 'zed' WHERE id = 2`);
    const deleted = await h.ok(`DELETE FROM sales.orders WHERE id = 5`);
    // The trigger's SET NOCOUNT ON ended with it: the next statement's count is sent.
    expect(deleted.filter((o) => o.kind === 'done').pop()).toMatchObject({ rowCount: 1 });
    expect(await h.rows(`SELECT what, id, note FROM dbo.audit ORDER BY what, id`)).toEqual([
      { what: 'insert', id: 4, note: null }, { what: 'insert', id: 5, note: null }, { what: 'update', id: 2, note: 'bob>zed' },
    ]);
  });

  test('UPDATE(column) says whether the statement set the column', async () => {
    await h.ok(`CREATE TRIGGER sales.tr_total ON sales.orders AFTER UPDATE AS IF UPDATE(total) INSERT INTO dbo.audit (what, id) SELECT 'total', id FROM inserted`);
    await h.ok(`UPDATE sales.orders SET customer = customer WHERE id = 1`);
    await h.ok(`UPDATE sales.orders SET total = total WHERE id = 2`);
    expect(await h.rows(`SELECT what, id FROM dbo.audit WHERE what = 'total'`)).toEqual([{ what: 'total', id: 2 }]);
  });

  test('an error in a trigger undoes the statement, rolls the transaction back and ends the batch (3616)', async () => {
    await h.ok(`CREATE TRIGGER sales.tr_no_ann ON sales.orders AFTER DELETE AS IF EXISTS (SELECT 1 FROM deleted WHERE customer = 'ann') THROW 50001, 'ann stays', 1;`);
    const out = await h.run(`BEGIN TRAN; INSERT INTO sales.orders VALUES (9, 'x', NULL); DELETE FROM sales.orders WHERE id = 1; SELECT 1 AS never`);
    expect(out.filter((o) => o.kind === 'error')).toMatchObject([{ number: 50001 }, { number: 3616 }]);
    expect(out.some((o) => o.kind === 'resultSet')).toBe(false);
    expect(await h.rows(`SELECT @@TRANCOUNT AS n, (SELECT COUNT(*) FROM sales.orders) AS orders, (SELECT COUNT(*) FROM dbo.audit) AS audits`)).toEqual([{ n: 0, orders: 3, audits: 0 }]);
  });
});

describe('temporary tables', () => {
  test('SELECT INTO #t and CREATE TABLE #t are the session\'s own, dropped when it closes, and not in the database\'s catalog', async () => {
    const login = sessionsOfOneEngine();
    const a = login();
    const b = login();
    await a.ok(`CREATE TABLE dbo.src (id INT NOT NULL); INSERT INTO dbo.src VALUES (1), (2)`);
    await a.ok(`SELECT id INTO #tmp FROM dbo.src WHERE id > 1`);
    await b.ok(`CREATE TABLE #tmp (id INT NOT NULL); INSERT INTO #tmp VALUES (7), (8), (9)`);
    expect(await a.rows(`SELECT t.id FROM #tmp t`)).toEqual([{ id: 2 }]);
    expect(await b.rows(`SELECT COUNT(*) AS n FROM #tmp`)).toEqual([{ n: 3 }]);
    expect(await a.rows(`SELECT OBJECT_ID('tempdb..#tmp') AS id`)).not.toEqual([{ id: null }]);
    expect(await a.rows(`SELECT name FROM sys.tables`)).toEqual([{ name: 'src' }]);
    expect(await a.errors(`CREATE TABLE #tmp (x INT)`)).toMatchObject([{ number: 2714, message: "There is already an object named '#tmp' in the database." }]);
    a.session.close();
    const c = login();
    expect(await c.errors(`SELECT * FROM #tmp`)).toMatchObject([{ number: 208, message: "Invalid object name '#tmp'." }]);
    await c.ok(`IF OBJECT_ID('tempdb..#tmp') IS NOT NULL DROP TABLE #tmp; SELECT id INTO #tmp FROM dbo.src; DROP TABLE #tmp`);
    expect(await b.rows(`SELECT COUNT(*) AS n FROM #tmp`)).toEqual([{ n: 3 }]);
  });
});

describe('table variables', () => {
  test('DECLARE @t TABLE: INSERT, SELECT, UPDATE, DELETE, OUTPUT INTO @t; kept through a rollback; gone after the batch', async () => {
    const sets = await h.sets(`
      DECLARE @ids TABLE (id INT NOT NULL PRIMARY KEY, note VARCHAR(10) NULL);
      INSERT INTO @ids (id) SELECT id FROM sales.orders WHERE customer = 'ann';
      UPDATE @ids SET note = 'x' WHERE id = 3;
      DELETE FROM @ids WHERE id = 99;
      BEGIN TRAN; INSERT INTO @ids (id) VALUES (50); ROLLBACK;
      DECLARE @gone TABLE (id INT);
      DELETE FROM sales.lines OUTPUT deleted.id INTO @gone WHERE order_id = 1;
      SELECT i.id, i.note FROM @ids i ORDER BY i.id;
      SELECT COUNT(*) AS n FROM @gone;`);
    expect(sets).toEqual([[{ id: 1, note: null }, { id: 3, note: 'x' }, { id: 50, note: null }], [{ n: 2 }]]);
    expect(await h.errors(`SELECT * FROM @ids`)).toMatchObject([{ number: 1087, message: 'Must declare the table variable "@ids".' }]);
    expect(await h.rows(`SELECT COUNT(*) AS n FROM sys.tables`)).toEqual([{ n: 2 }]);
  });
});

describe('SET IDENTITY_INSERT', () => {
  test('explicit identity values while ON, the identity then continues after the largest; 544, 545, 8106, 8107', async () => {
    await h.ok(`CREATE TABLE dbo.seed (id INT IDENTITY(1,1) NOT NULL PRIMARY KEY, name VARCHAR(10) NOT NULL); CREATE TABLE dbo.seed2 (id INT IDENTITY(1,1) NOT NULL, n INT NULL)`);
    expect(await h.errors(`INSERT INTO dbo.seed (id, name) VALUES (10, 'x')`)).toMatchObject([{ number: 544 }]);
    await h.ok(`SET IDENTITY_INSERT dbo.seed ON; INSERT INTO dbo.seed (id, name) VALUES (10, 'ten'), (5, 'five'); SET IDENTITY_INSERT dbo.seed OFF; INSERT INTO dbo.seed (name) VALUES ('next')`);
    expect(await h.rows(`SELECT id, name FROM dbo.seed ORDER BY id`)).toEqual([{ id: 5, name: 'five' }, { id: 10, name: 'ten' }, { id: 11, name: 'next' }]);
    expect(await h.errors(`SET IDENTITY_INSERT dbo.seed ON; INSERT INTO dbo.seed (name) VALUES ('y')`)).toMatchObject([{ number: 545 }]);
    expect(await h.errors(`SET IDENTITY_INSERT dbo.seed2 ON`)).toMatchObject([{ number: 8107, message: "IDENTITY_INSERT is already ON for table 'app.dbo.seed'. Cannot perform SET operation for table 'dbo.seed2'." }]);
    expect(await h.errors(`SET IDENTITY_INSERT sales.orders ON`)).toMatchObject([{ number: 8106 }]);
  });
});

describe('locks through views and functions', () => {
  test('a reader of a view or an inline function waits for the writer of the table under it', async () => {
    const login = sessionsOfOneEngine();
    const a = login();
    const b = login();
    await a.ok(`CREATE TABLE dbo.t (id INT NOT NULL)`);
    await a.ok(`CREATE VIEW dbo.v AS SELECT id FROM dbo.t`);
    await a.ok(`CREATE VIEW dbo.vv AS SELECT id FROM dbo.v`);
    await a.ok(`CREATE FUNCTION dbo.f (@x INT) RETURNS TABLE AS RETURN (SELECT id FROM dbo.t WHERE id > @x)`);
    await a.ok(`BEGIN TRAN; INSERT INTO dbo.t VALUES (1)`);
    for (const q of ['SELECT * FROM dbo.vv', 'SELECT * FROM dbo.f(0) x']) {
      expect(await b.errors(`SET LOCK_TIMEOUT 0; ${q}`)).toMatchObject([{ number: 1222 }]);
    }
    await a.ok(`COMMIT`);
    expect(await b.rows(`SELECT * FROM dbo.vv`)).toEqual([{ id: 1 }]);
  });
});
