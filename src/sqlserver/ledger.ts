/**
 * SQL Server's ledger tables: the facts schemac needs in more than one place.
 * https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql (LEDGER = ON)
 * https://learn.microsoft.com/sql/relational-databases/security/ledger/ledger-limits
 */
import type { ServerFacts } from '../model';
import { hasSql2022Surface } from './editions';

/**
 * The columns SQL Server adds to a ledger table when CREATE TABLE does not define them: all four
 * for an updatable table, the two START ones for an append-only table. A user column of one of
 * these names makes CREATE TABLE fail ("If there is a name conflict ... the system will raise an error").
 */
export const LEDGER_COLUMN_NAMES = ['ledger_start_transaction_id', 'ledger_end_transaction_id', 'ledger_start_sequence_number', 'ledger_end_sequence_number'] as const;

/**
 * Whether a server can hold ledger tables: SQL Server 2022 (16.x) and later, Azure SQL Database
 * and Managed Instance (engine editions 5 and 8). Unknown (no server facts: a snapshot or --empty): yes.
 */
export function supportsLedger(server: ServerFacts | undefined): boolean {
  return hasSql2022Surface(server);
}

/** The ledger view SQL Server names when LEDGER_VIEW is not given: `<table>_Ledger` in the table's schema. */
export function defaultLedgerViewName(table: string): string {
  return `${table}_Ledger`;
}

/**
 * Whether a history table's name is the one SQL Server gives an updatable ledger table's history
 * when none is named: MSSQL_LedgerHistoryFor_<object_id> in the table's schema (the CREATE TABLE
 * template of SSMS says `[<schema_name>].[MSSQL_LedgerHistoryFor_<ledger_table_objectid>]`).
 */
export function isDefaultLedgerHistoryName(name: string): boolean {
  return /^MSSQL_LedgerHistoryFor_\d+$/i.test(name);
}
