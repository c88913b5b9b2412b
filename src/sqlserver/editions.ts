/**
 * What a server's edition and version allow: online index operations, online ALTER COLUMN,
 * low-priority lock waits, and the metadata-only ADD of a NOT NULL column with a default.
 * Every rule reads ServerFacts (SERVERPROPERTY values the catalog records) and nothing else.
 */
import type { ServerFacts } from '../model';

/**
 * SERVERPROPERTY('EngineEdition') values that matter here (learn.microsoft.com/sql/t-sql/
 * functions/serverproperty-transact-sql; the SMO DatabaseEngineEdition enum lists the same):
 * 2 = Standard (Standard, Web, Business Intelligence), 3 = Enterprise (Enterprise, Developer,
 * Evaluation), 4 = Express, 5 = Azure SQL Database, 8 = Azure SQL Managed Instance,
 * 9 = Azure SQL Edge.
 */
export const ENGINE_EDITION = {
  standard: 2,
  enterprise: 3,
  express: 4,
  azureSqlDatabase: 5,
  managedInstance: 8,
  sqlEdge: 9,
} as const;

/** A short name for messages: 'Enterprise', 'Standard', 'Azure SQL Database', ... */
export function editionName(server: ServerFacts): string {
  switch (server.engineEdition) {
    case ENGINE_EDITION.standard: return 'Standard';
    case ENGINE_EDITION.enterprise: return 'Enterprise';
    case ENGINE_EDITION.express: return 'Express';
    case ENGINE_EDITION.azureSqlDatabase: return 'Azure SQL Database';
    case ENGINE_EDITION.managedInstance: return 'Azure SQL Managed Instance';
    case ENGINE_EDITION.sqlEdge: return 'Azure SQL Edge';
    default: return server.edition.replace(/\s*\(64-bit\)$/i, '') || `engine edition ${server.engineEdition}`;
  }
}

/**
 * Online index operations (CREATE/DROP INDEX WITH (ONLINE = ON)): "available only in SQL Server
 * Enterprise, Developer, and Evaluation editions" (learn.microsoft.com previous-versions ms177442,
 * "Performing Index Operations Online"), and in Azure SQL Database / Managed Instance ("Editions
 * and supported features of SQL Server 2022"; error 1712 names Azure SQL Edge as well). Elsewhere
 * SQL Server refuses ONLINE = ON with error 1712.
 */
export function supportsOnlineIndex(server: ServerFacts | undefined): boolean {
  if (server === undefined) return false;
  return ([ENGINE_EDITION.enterprise, ENGINE_EDITION.azureSqlDatabase, ENGINE_EDITION.managedInstance, ENGINE_EDITION.sqlEdge] as number[])
    .includes(server.engineEdition);
}

/** Azure SQL Database and Managed Instance always run the newest engine surface. */
function isAzure(server: ServerFacts): boolean {
  return server.engineEdition === ENGINE_EDITION.azureSqlDatabase || server.engineEdition === ENGINE_EDITION.managedInstance;
}

/**
 * Whether a server has what SQL Server 2022 (16.x) added (ledger tables, XML_COMPRESSION): 2022
 * and later, Azure SQL Database and Managed Instance. Unknown (no server facts: a snapshot or
 * --empty): yes.
 */
export function hasSql2022Surface(server: ServerFacts | undefined): boolean {
  return server === undefined || server.majorVersion >= 16 || isAzure(server);
}

/**
 * OPTIMIZE_FOR_SEQUENTIAL_KEY: "Applies to: SQL Server 2019 (15.x) and later versions, Azure SQL
 * Database, and Azure SQL Managed Instance" (create-index-transact-sql.md); SQL Server 2017
 * refuses the option. Unknown (no server facts): yes.
 */
export function supportsSequentialKeyOption(server: ServerFacts | undefined): boolean {
  return server === undefined || server.majorVersion >= 15 || isAzure(server);
}

/**
 * Edge constraints (CONSTRAINT ... CONNECTION (a TO b)): "Applies to: SQL Server 2019 (15.x) and
 * later versions, Azure SQL Database, and Azure SQL Managed Instance" (sys-edge-constraints-
 * transact-sql.md); SQL Server 2017 has graph tables without them. Unknown (no server facts): yes.
 */
export function supportsEdgeConstraints(server: ServerFacts | undefined): boolean {
  return server === undefined || server.majorVersion >= 15 || isAzure(server);
}

/**
 * ALTER TABLE ... ALTER COLUMN ... WITH (ONLINE = ON): SQL Server 2016 (13.x) and later, with the
 * same edition requirement as online index rebuilds (alter-table-transact-sql.md, "WITH ( ONLINE
 * = ON | OFF) <as applies to altering a column>": "Online alter column has similar requirements,
 * restrictions, and functionality as online index rebuild").
 */
export function supportsOnlineAlterColumn(server: ServerFacts | undefined): boolean {
  return server !== undefined && supportsOnlineIndex(server) && (isAzure(server) || server.majorVersion >= 13);
}

/**
 * CREATE INDEX ... WITH (ONLINE = ON (WAIT_AT_LOW_PRIORITY (...))): the option appears in the
 * CREATE INDEX documentation for SQL Server 2022 (16.x) and Azure SQL (create-index-transact-sql
 * examples "Kill this session after waiting 5 minutes"); earlier versions have it on ALTER INDEX
 * REBUILD only. It cannot be combined with online ALTER COLUMN (alter-table-transact-sql.md:
 * "The WAIT_AT_LOW_PRIORITY option can't be used with online alter column").
 */
export function supportsLowPriorityCreateIndex(server: ServerFacts | undefined): boolean {
  return server !== undefined && supportsOnlineIndex(server) && (isAzure(server) || server.majorVersion >= 16);
}

/**
 * ADD of a NOT NULL column with a runtime-constant default is metadata-only "starting with SQL
 * Server 2012 Enterprise Edition" (alter-table-transact-sql.md, "Adding NOT NULL Columns as an
 * Online Operation"); elsewhere SQL Server writes the default into every existing row.
 */
export function supportsMetadataOnlyDefaultAdd(server: ServerFacts | undefined): boolean {
  return server !== undefined && supportsOnlineIndex(server) && (isAzure(server) || server.majorVersion >= 11);
}

/**
 * Online build and rebuild of a columnstore index: nonclustered from SQL Server 2017 (14.x),
 * clustered from SQL Server 2019 (15.x), and Azure SQL ("What's new in columnstore indexes",
 * https://learn.microsoft.com/sql/relational-databases/indexes/columnstore-indexes-what-s-new).
 */
export function supportsOnlineColumnstore(server: ServerFacts | undefined, clustered: boolean): boolean {
  return server !== undefined && supportsOnlineIndex(server) && (isAzure(server) || server.majorVersion >= (clustered ? 15 : 14));
}

/** Why an operation runs offline on this server, for the plan ("Standard edition: ..."). */
export function offlineReason(server: ServerFacts | undefined): string {
  if (server === undefined) return 'edition unknown: planned without a server';
  if (!supportsOnlineIndex(server)) return `${editionName(server)} edition has no online index operations`;
  return `SQL Server ${server.majorVersion} does not support it online`;
}
