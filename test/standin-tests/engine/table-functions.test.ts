/**
 * Multi-statement table-valued functions (create-function-transact-sql.md, "RETURNS
 * @return_variable TABLE"): stored as type TF, called in FROM and under APPLY, their body filling
 * the return variable with INSERT / UPDATE / DELETE of table variables only (Msg 443 otherwise).
 */
import { open } from './harness';

const codes = (errs: readonly { number: number }[]): number[] => errs.map((e) => e.number);

test('a multi-statement table-valued function is a TF module whose body fills its return table', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.sales (sale_id int PRIMARY KEY, region varchar(10) NOT NULL, amount int NOT NULL)`);
  await h.ok(`INSERT dbo.sales VALUES (1, 'north', 10), (2, 'north', 30), (3, 'south', 5), (4, 'east', 1)`);
  await h.ok(`CREATE FUNCTION dbo.region_totals (@at_least int)
    RETURNS @totals TABLE (region varchar(10) PRIMARY KEY, total int NOT NULL, is_top bit NULL)
    AS
    BEGIN
      DECLARE @work TABLE (region varchar(10), total int);
      INSERT @work SELECT region, SUM(amount) FROM dbo.sales GROUP BY region;
      INSERT @totals (region, total) SELECT region, total FROM @work WHERE total >= @at_least;
      UPDATE @totals SET is_top = 1 WHERE total = (SELECT MAX(total) FROM @totals);
      DELETE @totals WHERE region = 'east';
      RETURN;
    END`);
  expect(await h.rows(`SELECT name, RTRIM(type) AS type, type_desc FROM sys.objects WHERE name = 'region_totals'`))
    .toEqual([{ name: 'region_totals', type: 'TF', type_desc: 'SQL_TABLE_VALUED_FUNCTION' }]);
  expect(await h.rows(`SELECT definition FROM sys.sql_modules`)).toEqual([{ definition: expect.stringContaining('RETURNS @totals TABLE') }]);
  // Its result columns are in sys.columns under the function, as an inline function's are.
  await h.ok(`CREATE FUNCTION dbo.big_sales (@over int) RETURNS TABLE AS RETURN SELECT sale_id, region FROM dbo.sales WHERE amount > @over`);
  expect(await h.rows(`SELECT OBJECT_NAME(object_id) AS f, name, TYPE_NAME(user_type_id) AS t, is_nullable FROM sys.columns
    WHERE object_id IN (OBJECT_ID('dbo.region_totals'), OBJECT_ID('dbo.big_sales')) ORDER BY f, column_id`)).toEqual([
    { f: 'big_sales', name: 'sale_id', t: 'int', is_nullable: false }, { f: 'big_sales', name: 'region', t: 'varchar', is_nullable: false },
    { f: 'region_totals', name: 'region', t: 'varchar', is_nullable: false }, { f: 'region_totals', name: 'total', t: 'int', is_nullable: false },
    { f: 'region_totals', name: 'is_top', t: 'bit', is_nullable: true },
  ]);
  expect(await h.rows(`SELECT region, total, is_top FROM dbo.region_totals(0) ORDER BY region`))
    .toEqual([{ region: 'north', total: 40, is_top: true }, { region: 'south', total: 5, is_top: null }]);
  expect(await h.rows(`SELECT t.region FROM dbo.region_totals(6) AS t`)).toEqual([{ region: 'north' }]);
  expect(await h.rows(`SELECT s.sale_id, t.total FROM dbo.sales s CROSS APPLY dbo.region_totals(s.amount) t WHERE t.region = s.region ORDER BY s.sale_id`))
    .toEqual([{ sale_id: 1, total: 40 }, { sale_id: 2, total: 40 }, { sale_id: 3, total: 5 }]);
});

test('a function body may write its table variables only (443); a scalar function may use one too', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.notes (n int)`);
  expect(codes(await h.errors(`CREATE FUNCTION dbo.sneaky () RETURNS @r TABLE (a int) AS BEGIN INSERT dbo.notes VALUES (1); RETURN; END`))).toEqual([443]);
  expect(codes(await h.errors(`CREATE FUNCTION dbo.sneaky2 () RETURNS int AS BEGIN IF 1 = 1 BEGIN DELETE dbo.notes END RETURN 0 END`))).toEqual([443]);
  await h.ok(`CREATE FUNCTION dbo.double_sum (@n int) RETURNS int AS BEGIN DECLARE @t TABLE (v int); INSERT @t VALUES (@n), (@n * 2); RETURN (SELECT SUM(v) FROM @t) END`);
  expect(await h.rows(`SELECT dbo.double_sum(4) AS s`)).toEqual([{ s: 12 }]);
  expect(await h.rows(`SELECT COUNT(*) AS n FROM sys.objects WHERE type IN ('FN', 'TF')`)).toEqual([{ n: 1 }]);
});
