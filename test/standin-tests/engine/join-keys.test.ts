/**
 * Joins on integer equalities take the hash path (join-keys.ts); their rows must be the nested
 * loop's, row for row: the same join written so it cannot use the keys (`+ 0`) is the reference.
 * NULL keys match nothing, LEFT/RIGHT/FULL keep their unmatched rows, extra ON terms still apply,
 * and a string or bigint on one side compares as SQL Server converts it.
 */
import { open, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = open();
  await h.ok(`CREATE TABLE dbo.a (id int NULL, k bigint NULL, tag varchar(5) NULL);
CREATE TABLE dbo.b (id int NULL, k int NULL, tag varchar(5) NULL);
INSERT INTO dbo.a VALUES (1, 10, 'x'), (2, 20, 'y'), (NULL, 30, 'z'), (2, 21, 'x'), (4, NULL, 'w'), (5, 9007199254740993, 'big');
INSERT INTO dbo.b VALUES (2, 20, 'y'), (1, 10, 'q'), (2, 21, 'x'), (NULL, 30, 'z'), (3, NULL, 'v'), (2, 20, 'y2');`);
});

const shapes = [
  ['INNER', 'a.id = b.id'],
  ['LEFT', 'a.id = b.id'],
  ['RIGHT', 'b.id = a.id'],
  ['FULL', 'a.id = b.id AND a.k = b.k'],
  ['INNER', 'a.id = b.id AND a.tag = b.tag'],
  ['LEFT', 'a.k = b.k AND b.tag <> \'y2\''],
] as const;

test.each(shapes)('%s JOIN ON %s gives the nested loop\'s rows in its order', async (type, on) => {
  const reference = on.replace(/(\w)\.(id|k) =/g, '$1.$2 + 0 =');
  const sql = (cond: string) => `SELECT a.id AS aid, a.k AS ak, a.tag AS atag, b.id AS bid, b.k AS bk, b.tag AS btag FROM dbo.a ${type} JOIN dbo.b ON ${cond}`;
  const hashed = await h.rows(sql(on));
  expect(hashed).toEqual(await h.rows(sql(reference)));
  expect(hashed.length).toBeGreaterThan(0);
});
