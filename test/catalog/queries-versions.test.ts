/**
 * The whole catalog batch compiles and runs on every server schemac reads: the stand-in reporting
 * SQL Server 2017 (14.x), 2019 (15.x), 2022 (16.x) and Azure SQL Database has only that version's
 * sys.* columns and binds the whole batch before running it, as SQL Server does
 * (test/standin/engine/view-versions.ts). A column a later version added, read outside the
 * EXEC(N'...') of a version guard, fails the batch here (Msg 207) as it did in c7cd53d.
 */
import { CATALOG_BATCH, CATALOG_QUERIES, FINGERPRINT_QUERY } from '../../src/catalog/queries';
import { createEngine } from '../standin/engine';
import type { StandinEdition } from '../standin/engine/editions';
import { COLUMN_SINCE } from '../standin/engine/view-versions';

const SERVERS: readonly { name: string; productVersion?: string; edition?: StandinEdition }[] = [
  { name: 'SQL Server 2017', productVersion: '14.0.1000.169' },
  { name: 'SQL Server 2019', productVersion: '15.0.2000.5' },
  { name: 'SQL Server 2022' },
  { name: 'Azure SQL Database', edition: 'azure' },
];

test.each(SERVERS)('the catalog batch runs on $name, one result set per query', async ({ productVersion, edition }) => {
  const engine = createEngine({ password: 'Secret#1', databases: ['app'], ...(productVersion ? { productVersion } : {}), ...(edition ? { edition } : {}) });
  const login = engine.login('sa', 'Secret#1', 'app');
  if (!login.ok) throw new Error(login.error.message);
  const signal = new AbortController().signal;
  await login.session.executeBatch('CREATE TABLE dbo.t (id int PRIMARY KEY, x xml NULL); CREATE INDEX ix_t ON dbo.t (id) INCLUDE (x);', signal);
  for (const batch of [FINGERPRINT_QUERY, CATALOG_BATCH]) {
    const out = await login.session.executeBatch(batch, signal);
    expect(out.filter((o) => o.kind === 'error')).toEqual([]);
    if (batch === CATALOG_BATCH) expect(out.filter((o) => o.kind === 'resultSet')).toHaveLength(CATALOG_QUERIES.length);
  }
});

test('the version table knows the columns SQL Server 2022 added that the catalog reads behind its guard', () => {
  // The guarded columns (c7cd53d) are the stand-in's: were one missing from COLUMN_SINCE, the test above could not catch its misuse.
  for (const [view, column] of [['sys.tables', 'ledger_type'], ['sys.tables', 'is_dropped_ledger_table'], ['sys.tables', 'ledger_view_id'], ['sys.columns', 'is_dropped_ledger_column'], ['sys.partitions', 'xml_compression'], ['sys.partitions', 'xml_compression_desc']] as const) {
    expect({ view, column, since: COLUMN_SINCE[view]?.[column] }).toEqual({ view, column, since: 16 });
  }
});
