/**
 * Ledger tables (SQL Server 2022+, Azure SQL): tamper-evident tables whose rows SQL Server hashes
 * into the database ledger. https://learn.microsoft.com/sql/relational-databases/security/ledger/ledger-overview
 *
 * SQL Server keeps, for each one, hidden GENERATED ALWAYS columns (ledger_start_transaction_id,
 * ledger_start_sequence_number and, for an updatable table, ledger_end_transaction_id and
 * ledger_end_sequence_number), a ledger view and, for an updatable table, a history table. They
 * are SQL Server's, never the schema's: none of them is a column or table of the model.
 */

/** LEDGER = ON (APPEND_ONLY = ON) is 'append-only'; LEDGER = ON alone (with SYSTEM_VERSIONING) 'updatable'. */
export type LedgerKind = 'updatable' | 'append-only';

/** A schema-qualified name of the ledger's view or history table. */
export interface LedgerObjectName {
  readonly schema: string;
  readonly name: string;
}

/**
 * LEDGER = ON of a table (sys.tables.ledger_type 2 or 3). A table's ledger kind never changes:
 * SQL Server has no ALTER to turn ledger on or off, and a ledger table cannot be re-created
 * without losing its verification history (ledger-limits, "Ledger table considerations").
 */
export interface Ledger {
  readonly kind: LedgerKind;
  /**
   * LEDGER_VIEW = schema.name. Catalog: the view SQL Server keeps (sys.tables.ledger_view_id).
   * Compiler: only when declared; absent, SQL Server names it `<table>_Ledger` in the table's schema.
   */
  readonly view?: LedgerObjectName;
  /**
   * An updatable ledger table's history table (SYSTEM_VERSIONING = ON (HISTORY_TABLE = ...)),
   * when the table is not also temporal (a temporal one keeps it in `versioning`). Catalog: the
   * table SQL Server keeps (sys.tables.history_table_id). Compiler: only when declared; absent,
   * SQL Server names it MSSQL_LedgerHistoryFor_<object_id> in the table's schema.
   */
  readonly history?: LedgerObjectName;
}
