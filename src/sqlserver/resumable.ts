/**
 * Resumable online index builds (CREATE INDEX ... WITH (ONLINE = ON, RESUMABLE = ON)): which
 * servers run them and which indexes SQL Server can build that way. schemac uses them only in
 * `--resumable` mode, outside the plan's transaction, because SQL Server refuses RESUMABLE
 * inside one.
 *
 * Source for every rule here unless noted: CREATE INDEX, "Resumable index operations" and
 * "Current functional limitations"
 * (https://learn.microsoft.com/sql/t-sql/statements/create-index-transact-sql#resumable-indexes;
 * MicrosoftDocs/sql-docs docs/t-sql/statements/create-index-transact-sql.md).
 */
import type { Column, Index, ServerFacts } from '../model';
import { editionName, ENGINE_EDITION, supportsOnlineIndex } from './editions';
import type { NameKey } from './names';

const CREATE_INDEX_RESUMABLE = 'https://learn.microsoft.com/sql/t-sql/statements/create-index-transact-sql#resumable-indexes';

/** The page every resumable rule comes from (for messages and the README). */
export const RESUMABLE_SOURCE = CREATE_INDEX_RESUMABLE;

/**
 * MAX_DURATION for RESUMABLE: "must be greater than 0 minutes and less or equal one week
 * (7 * 24 * 60 = 10080 minutes)".
 */
export const MAX_RESUMABLE_DURATION_MINUTES = 10_080;

/**
 * Resumable CREATE INDEX: "Applies to: SQL Server (Starting with SQL Server 2019 (15.x)) and
 * Azure SQL Database" (and Managed Instance), and only online ("To use the RESUMABLE option you
 * must also use the ONLINE option"), so only where online index builds exist (editions.ts).
 * (Resumable ALTER INDEX REBUILD came earlier, in 2017; schemac does not make rebuilds resumable.)
 */
export function supportsResumableCreateIndex(server: ServerFacts | undefined): boolean {
  if (server === undefined || !supportsOnlineIndex(server)) return false;
  const azure = server.engineEdition === ENGINE_EDITION.azureSqlDatabase || server.engineEdition === ENGINE_EDITION.managedInstance;
  return azure || (server.engineEdition !== ENGINE_EDITION.sqlEdge && server.majorVersion >= 15);
}

/** Why this server has no resumable CREATE INDEX ("Standard edition has no online index operations"); null when it has. */
export function resumableServerProblem(server: ServerFacts | undefined): string | null {
  if (supportsResumableCreateIndex(server)) return null;
  if (server === undefined) return 'the edition and version are unknown (planned without a server)';
  if (!supportsOnlineIndex(server)) return `${editionName(server)} edition has no online index operations, and RESUMABLE needs ONLINE = ON`;
  if (server.engineEdition === ENGINE_EDITION.sqlEdge) return 'Azure SQL Edge is not documented to have resumable CREATE INDEX';
  return `SQL Server ${server.majorVersion} has no resumable CREATE INDEX (SQL Server 2019, version 15, and later have it)`;
}

const LOB_TYPES = new Set(['text', 'ntext', 'image', 'xml']);

function isLob(c: Column): boolean {
  return LOB_TYPES.has(c.type.name) || c.type.length === 'max';
}

/**
 * Why SQL Server cannot build this index resumably, or null when it can. "Resumable index
 * operations aren't supported for: ... Columnstore indexes, Filtered indexes, Disabled indexes";
 * "You cannot create an index using a resumable index operation if the index contains: A
 * computed or timestamp (rowversion) column as a key column; A computed or LOB column as an
 * included column". (A computed included column is refused with Msg 10675 as well, as users
 * report: olahallengren/sql-server-maintenance-solution issue 985.)
 */
export function resumableIndexProblem(index: Index, columns: readonly Column[], key: NameKey): string | null {
  if (index.columnstore === true) return 'a columnstore index cannot be built resumably';
  // XML and spatial indexes are never built online, so never resumably (create-xml-index, create-spatial-index: ONLINE = OFF).
  if (index.xml !== undefined || index.spatial !== undefined) return `${index.xml !== undefined ? 'an XML' : 'a spatial'} index is built offline only`;
  if (index.filter !== null) return 'a filtered index cannot be built resumably';
  const column = (name: string): Column | undefined => columns.find((c) => key(c.name) === key(name));
  for (const key of index.columns) {
    const c = column(key.name);
    if (c?.computed) return `its key column ${key.name} is computed`;
    if (c?.type.name === 'rowversion') return `its key column ${key.name} is a rowversion`;
  }
  for (const name of index.include) {
    const c = column(name);
    if (c?.computed) return `its included column ${name} is computed`;
    if (c !== undefined && isLob(c)) return `its included column ${name} is a large object (${c.type.name}${c.type.length === 'max' ? '(max)' : ''})`;
  }
  return null;
}
