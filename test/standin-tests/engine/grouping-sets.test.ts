/**
 * GROUP BY ROLLUP / CUBE and the older GROUP BY ... WITH ROLLUP | CUBE (pubs' reptq1 procedure
 * uses it), with GROUPING(): the finest groups, then the coarser ones with the rolled-up columns
 * NULL and GROUPING() 1 (select-group-by-transact-sql, grouping-transact-sql).
 */
import { open, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = open();
  await h.ok(`CREATE TABLE dbo.titles (pub_id char(4) NULL, type varchar(12) NOT NULL, price money NULL);
INSERT dbo.titles VALUES ('0736', 'business', 10), ('0736', 'psychology', 20), ('1389', 'business', 30), ('1389', 'business', NULL);`);
});

test('WITH ROLLUP in a procedure, as legacy scripts write it: a total row, GROUPING() 1 on it', async () => {
  await h.ok(`CREATE PROCEDURE dbo.by_publisher AS
SELECT CASE WHEN GROUPING(pub_id) = 1 THEN 'ALL' ELSE pub_id END AS pub_id, AVG(price) AS avg_price
FROM dbo.titles WHERE price IS NOT NULL
GROUP BY pub_id WITH ROLLUP
ORDER BY pub_id`);
  expect(await h.rows(`EXEC dbo.by_publisher`)).toEqual([
    { pub_id: '0736', avg_price: 15 }, { pub_id: '1389', avg_price: 30 }, { pub_id: 'ALL', avg_price: 20 },
  ]);
});

test('ROLLUP (a, b) groups by (a, b), (a) and (); CUBE adds (b)', async () => {
  const rollup = await h.rows(`SELECT pub_id, type, COUNT(*) AS n, GROUPING(pub_id) AS gp, GROUPING(type) AS gt FROM dbo.titles
GROUP BY ROLLUP (pub_id, type) ORDER BY gp, gt, pub_id, type`);
  expect(rollup).toEqual([
    { pub_id: '0736', type: 'business', n: 1, gp: 0, gt: 0 }, { pub_id: '0736', type: 'psychology', n: 1, gp: 0, gt: 0 },
    { pub_id: '1389', type: 'business', n: 2, gp: 0, gt: 0 },
    { pub_id: '0736', type: null, n: 2, gp: 0, gt: 1 }, { pub_id: '1389', type: null, n: 2, gp: 0, gt: 1 },
    { pub_id: null, type: null, n: 4, gp: 1, gt: 1 },
  ]);
  const cube = await h.rows(`SELECT pub_id, type, COUNT(*) AS n FROM dbo.titles GROUP BY pub_id, type WITH CUBE HAVING GROUPING(pub_id) = 1 ORDER BY type`);
  expect(cube).toEqual([{ pub_id: null, type: null, n: 4 }, { pub_id: null, type: 'business', n: 3 }, { pub_id: null, type: 'psychology', n: 1 }]);
});

test('GROUPING() of an expression not in the GROUP BY is Msg 8161', async () => {
  expect((await h.errors(`SELECT GROUPING(price) FROM dbo.titles GROUP BY pub_id WITH ROLLUP`)).map((e) => e.number)).toEqual([8161]);
});
