/**
 * An import table of the kind real databases hold, `Raw varbinary(max)` with a persisted
 * `HASHBYTES('SHA2_256', Raw)`: words the grammar snapshot treats as keywords but SQL Server does
 * not reserve (reserved-keywords-transact-sql) are identifiers on the stand-in too, bare, while
 * reserved ones still need delimiting; and HASHBYTES computes as SQL Server's does.
 */
import { open } from './harness';

test('a non-reserved keyword (RAW) names a column and an alias bare; FOR XML RAW still parses', async () => {
  const h = open();
  await h.ok('CREATE TABLE dbo.imports (id int NOT NULL PRIMARY KEY, Raw varbinary(max) NULL, Hash AS CAST(HASHBYTES(\'SHA2_256\', Raw) AS binary(32)) PERSISTED);');
  await h.ok('INSERT dbo.imports (id, Raw) VALUES (1, 0x0102);');
  expect(await h.rows('SELECT id AS Raw FROM dbo.imports WHERE Raw IS NOT NULL')).toEqual([{ Raw: 1 }]);
  await h.ok('SELECT id FROM dbo.imports FOR XML RAW;');
});

test('reserved keywords stay errors where SQL Server reports them (102 near the word)', async () => {
  const h = open();
  const plan = await h.errors('CREATE TABLE dbo.accounts (id int NOT NULL, Plan int NULL);');
  expect(plan.map((e) => [e.number, e.message])).toEqual([[102, "Incorrect syntax near 'Plan'."]]);
  await h.ok('CREATE TABLE dbo.accounts (id int NOT NULL, [Plan] int NULL);');
  expect((await h.errors('SELECT FROM dbo.accounts;')).map((e) => e.message)).toEqual(["Incorrect syntax near 'FROM'."]);
});

test('HASHBYTES hashes varchar as single bytes and nvarchar as UTF-16LE (hashbytes-transact-sql)', async () => {
  const h = open();
  const [row] = await h.rows(`SELECT HASHBYTES('MD5', 'abc') AS a, HASHBYTES('MD5', N'abc') AS n, HASHBYTES('SHA2_256', 0x0102) AS b, HASHBYTES('NOPE', 'abc') AS x`);
  // MD5("abc") is RFC 1321's test vector.
  expect(Buffer.from(row?.a as Uint8Array).toString('hex')).toBe('900150983cd24fb0d6963f7d28e17f72');
  expect(Buffer.from(row?.n as Uint8Array).toString('hex')).not.toBe('900150983cd24fb0d6963f7d28e17f72');
  expect((row?.b as Uint8Array).length).toBe(32);
  expect(row?.x).toBeNull();
});
