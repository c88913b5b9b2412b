/**
 * Reading a system-versioned table FOR SYSTEM_TIME (temporal/query-data.md): the versions of the
 * current and the history table each sub-clause keeps, an alias after the clause, and a table
 * that is not versioned refused. Also WITH (NOEXPAND) on an indexed view, which the grammar
 * snapshot alone would refuse. Real time passes between the writes, so each version's period is
 * read back from the catalog rather than assumed.
 */
import { open, type Harness } from './harness';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A versioned table whose row 1 was 'red', then 'green', then 'blue'; row 2 was deleted. Returns the instants between. */
async function paintHistory(h: Harness): Promise<{ afterRed: string; afterGreen: string; afterBlue: string }> {
  await h.ok(`CREATE TABLE dbo.paints (
    paint_id int NOT NULL PRIMARY KEY, colour varchar(10) NOT NULL,
    valid_from datetime2 GENERATED ALWAYS AS ROW START NOT NULL, valid_to datetime2 GENERATED ALWAYS AS ROW END NOT NULL,
    PERIOD FOR SYSTEM_TIME (valid_from, valid_to)
  ) WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = dbo.paints_history))`);
  const now = async (): Promise<string> => {
    await pause(5);
    const [row] = await h.rows(`SELECT CONVERT(varchar(30), SYSUTCDATETIME(), 126) AS at`);
    await pause(5);
    return String(row!.at);
  };
  await h.ok(`INSERT INTO dbo.paints (paint_id, colour) VALUES (1, 'red'), (2, 'grey')`);
  const afterRed = await now();
  await h.ok(`UPDATE dbo.paints SET colour = 'green' WHERE paint_id = 1`);
  const afterGreen = await now();
  await h.ok(`UPDATE dbo.paints SET colour = 'blue' WHERE paint_id = 1; DELETE FROM dbo.paints WHERE paint_id = 2`);
  const afterBlue = await now();
  return { afterRed, afterGreen, afterBlue };
}

const colours = (rows: Record<string, unknown>[]): string[] => rows.map((r) => `${String(r.paint_id)}:${String(r.colour)}`).sort();

test('each FOR SYSTEM_TIME sub-clause keeps the versions its period condition selects', async () => {
  const h = open();
  const t = await paintHistory(h);
  expect(colours(await h.rows(`SELECT paint_id, colour FROM dbo.paints FOR SYSTEM_TIME AS OF '${t.afterRed}'`))).toEqual(['1:red', '2:grey']);
  expect(colours(await h.rows(`SELECT paint_id, colour FROM dbo.paints FOR SYSTEM_TIME AS OF '${t.afterGreen}'`))).toEqual(['1:green', '2:grey']);
  expect(colours(await h.rows(`SELECT paint_id, colour FROM dbo.paints FOR SYSTEM_TIME AS OF '${t.afterBlue}'`))).toEqual(['1:blue']);
  expect(colours(await h.rows(`SELECT paint_id, colour FROM dbo.paints FOR SYSTEM_TIME ALL`))).toEqual(['1:blue', '1:green', '1:red', '2:grey']);
  // FROM ... TO and BETWEEN ... AND: every version alive at some point of the span.
  expect(colours(await h.rows(`SELECT paint_id, colour FROM dbo.paints FOR SYSTEM_TIME FROM '${t.afterRed}' TO '${t.afterGreen}'`))).toEqual(['1:green', '1:red', '2:grey']);
  expect(colours(await h.rows(`SELECT paint_id, colour FROM dbo.paints FOR SYSTEM_TIME BETWEEN '${t.afterGreen}' AND '${t.afterBlue}'`))).toEqual(['1:blue', '1:green', '2:grey']);
  // CONTAINED IN: only versions that began and ended inside the span.
  expect(colours(await h.rows(`SELECT paint_id, colour FROM dbo.paints FOR SYSTEM_TIME CONTAINED IN ('${t.afterRed}', '${t.afterBlue}')`))).toEqual(['1:green']);
  // A variable bound, an alias after the clause, and a join with the plain table.
  expect(await h.rows(`DECLARE @at datetime2 = '${t.afterRed}';
    SELECT p.colour AS was, c.colour AS now FROM dbo.paints FOR SYSTEM_TIME AS OF @at AS p JOIN dbo.paints c ON c.paint_id = p.paint_id`))
    .toEqual([{ was: 'red', now: 'blue' }]);
});

test('a version of zero duration (two updates in one transaction, which both take its begin time) is left out', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.levels (level_id int NOT NULL PRIMARY KEY, n int NOT NULL,
    s datetime2 GENERATED ALWAYS AS ROW START NOT NULL, e datetime2 GENERATED ALWAYS AS ROW END NOT NULL, PERIOD FOR SYSTEM_TIME (s, e)
  ) WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = dbo.levels_history))`);
  await h.ok(`INSERT INTO dbo.levels (level_id, n) VALUES (1, 1)`);
  await pause(5);
  // One transaction across two batches, time passing between its updates: both take the
  // transaction's begin time, so the middle version lasts no time at all.
  await h.ok(`BEGIN TRAN; UPDATE dbo.levels SET n = 2`);
  await pause(5);
  await h.ok(`UPDATE dbo.levels SET n = 3; COMMIT`);
  expect((await h.rows(`SELECT n FROM dbo.levels FOR SYSTEM_TIME ALL`)).map((r) => r.n).sort()).toEqual([1, 3]);
  expect((await h.rows(`SELECT n FROM dbo.levels_history`)).map((r) => r.n).sort()).toEqual([1, 2]);
});

test('FOR SYSTEM_TIME on a table that is not system-versioned is refused', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.plain (id int PRIMARY KEY)`);
  expect((await h.errors(`SELECT id FROM dbo.plain FOR SYSTEM_TIME ALL`)).map((e) => [e.number, e.message]))
    .toEqual([[13544, "Temporal FOR SYSTEM_TIME clause can only be used with system-versioned tables. 'dbo.plain' is not a system-versioned table."]]);
});

test('WITH (NOEXPAND) reads an indexed view, alone or with other hints', async () => {
  const h = open();
  await h.ok(`CREATE TABLE dbo.sales (sale_id int PRIMARY KEY, region char(2) NOT NULL, amount int NOT NULL)`);
  await h.ok(`INSERT INTO dbo.sales VALUES (1, 'EU', 5), (2, 'EU', 7), (3, 'US', 1)`);
  await h.ok(`CREATE VIEW dbo.sales_by_region WITH SCHEMABINDING AS SELECT region, SUM(amount) AS total, COUNT_BIG(*) AS n FROM dbo.sales GROUP BY region`);
  await h.ok(`CREATE UNIQUE CLUSTERED INDEX ix_sales_by_region ON dbo.sales_by_region (region)`);
  expect(await h.rows(`SELECT region, total FROM dbo.sales_by_region WITH (NOEXPAND) WHERE region = 'EU'`)).toEqual([{ region: 'EU', total: 12 }]);
  expect(await h.rows(`SELECT v.total FROM dbo.sales_by_region AS v WITH (NOEXPAND, NOLOCK) WHERE v.region = 'US'`)).toEqual([{ total: 1 }]);
});
