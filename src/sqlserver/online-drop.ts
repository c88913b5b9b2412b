/**
 * Dropping a clustered index (or the clustered PRIMARY KEY / UNIQUE constraint behind one)
 * online: `DROP INDEX i ON t WITH (ONLINE = ON)`, `ALTER TABLE t DROP CONSTRAINT c WITH (ONLINE =
 * ON)`. The table becomes a heap that SQL Server builds while reads and writes go on.
 *
 * - Only a clustered index takes the option: `<drop_clustered_index_option>` of DROP INDEX and
 *   `<drop_clustered_constraint_option>` of ALTER TABLE
 *   (https://learn.microsoft.com/sql/t-sql/statements/drop-index-transact-sql,
 *   https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql).
 * - On the editions with online index operations (editions.ts, supportsOnlineIndex).
 * - "Clustered indexes must be created, rebuilt, or dropped offline when the underlying table
 *   contains the following large object (LOB) data types: image, ntext, and text"; up to SQL
 *   Server 2008 R2 (10.x) varchar(max), nvarchar(max), varbinary(max) and xml too
 *   (https://learn.microsoft.com/sql/relational-databases/indexes/guidelines-for-online-index-operations;
 *   the 2008 R2 version of the page, ms190981(v=sql.105), lists the longer set).
 * - Not a columnstore index here (the page lists online operations for rowstore indexes;
 *   inferred). A disabled index cannot be dropped online either (same page, "DROP INDEX:
 *   Disabled index"), but the model keeps no disabled indexes.
 */
import type { Column, ServerFacts } from '../model';
import { ENGINE_EDITION, offlineReason, supportsOnlineIndex } from './editions';
import { isLegacyLob } from './types';

/** Whether a column is a large-object type that keeps a clustered index drop offline on this version. */
function blocksOnlineDrop(c: Column, majorVersion: number | null): boolean {
  if (isLegacyLob(c.type)) return true;
  if (majorVersion === null || majorVersion >= 11) return false;
  return c.type.name === 'xml' || ('length' in c.type && c.type.length === 'max');
}

/** What a clustered drop needs to know of the index. */
export interface ClusteredDrop {
  readonly columnstore: boolean;
}

/**
 * Why dropping this clustered index cannot run online, or null when it can. `columns`: the
 * table's columns when the drop runs.
 */
export function onlineClusteredDropBlocker(server: ServerFacts | undefined, columns: readonly Column[], index: ClusteredDrop): string | null {
  if (server === undefined || !supportsOnlineIndex(server)) return offlineReason(server);
  if (index.columnstore) return 'a columnstore index is dropped offline';
  // Azure SQL runs the newest engine: only text, ntext and image hold it back there.
  const azure = server.engineEdition === ENGINE_EDITION.azureSqlDatabase || server.engineEdition === ENGINE_EDITION.managedInstance;
  const lob = columns.filter((c) => blocksOnlineDrop(c, azure ? null : server.majorVersion));
  if (lob.length > 0) {
    return `the table has ${lob.map((c) => `${c.name} ${c.type.name}${'length' in c.type && c.type.length === 'max' ? '(max)' : ''}`).join(', ')}: a clustered index on it is dropped offline`;
  }
  return null;
}
