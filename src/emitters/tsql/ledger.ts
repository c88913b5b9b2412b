/**
 * T-SQL of ledger tables: the LEDGER = ON table option of CREATE TABLE, with SYSTEM_VERSIONING
 * for an updatable one (https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql:
 * "An updatable ledger table also requires the SYSTEM_VERSIONING = ON argument"; <ledger_option>).
 * There is no ALTER form: a table is created a ledger table or never becomes one.
 */
import type { Table } from '../../model';
import { quoteQualified } from '../../sqlserver/literals';
import { defaultLedgerViewName } from '../../sqlserver/ledger';

/**
 * CREATE TABLE's ledger options, in order: `SYSTEM_VERSIONING = ON [(HISTORY_TABLE = ...)]` for an
 * updatable table that is not also temporal (a temporal one writes its own), then
 * `LEDGER = ON [(LEDGER_VIEW = ..., APPEND_ONLY = ON)]`. A named history table needs the view
 * named too ("you must specify the schema and table name and also the name of the ledger view",
 * ledger-limits): the default `<table>_Ledger` is written then.
 */
export function ledgerTableOptions(table: Table): string[] {
  const l = table.ledger;
  if (l === undefined) return [];
  const out: string[] = [];
  if (l.kind === 'updatable' && table.versioning === undefined) {
    out.push(l.history !== undefined ? `SYSTEM_VERSIONING = ON (HISTORY_TABLE = ${quoteQualified(l.history.schema, l.history.name)})` : 'SYSTEM_VERSIONING = ON');
  }
  const namesHistory = l.history !== undefined || table.versioning !== undefined;
  const view = l.view ?? (namesHistory ? { schema: table.schema, name: defaultLedgerViewName(table.name) } : undefined);
  const options = [
    ...(view !== undefined ? [`LEDGER_VIEW = ${quoteQualified(view.schema, view.name)}`] : []),
    ...(l.kind === 'append-only' ? ['APPEND_ONLY = ON'] : []),
  ];
  out.push(options.length > 0 ? `LEDGER = ON (${options.join(', ')})` : 'LEDGER = ON');
  return out;
}
