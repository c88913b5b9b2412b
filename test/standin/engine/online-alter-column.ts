/**
 * ALTER TABLE t ALTER COLUMN c ... WITH (ONLINE = ON) where SQL Server refuses it. The ALTER TABLE
 * page lists what online alter column does not support
 * (https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql, "WITH ( ONLINE = ON |
 * OFF) <as applies to altering a column>"): a table with change tracking enabled; altering from or
 * to CLR types (hierarchyid, geometry, geography); and, as for online index rebuilds, a table with
 * legacy LOB (text, ntext, image) or FILESTREAM columns or a columnstore index. On a
 * system-versioned temporal table the option "has no effect": the statement runs, offline.
 * The error number and wording of these refusals are inferred (the page names none): Msg 2725,
 * which online index operations raise when a table's columns rule them out.
 */
import type { Column, Table } from './catalog';
import type { DdlOption } from './editions';
import { SqlError } from './errors';
import { legacyLobColumn } from './drop-options';

const CLR_TYPES = new Set(['hierarchyid', 'geometry', 'geography']);

/** Refuses the online ALTER COLUMN of `col` to a column of type `newType` in `t` where SQL Server does. */
export function checkOnlineAlterColumn(t: Table, col: Column, newType: string, options: readonly DdlOption[]): void {
  if (!options.some((o) => o.name.toUpperCase() === 'ONLINE' && o.value.toUpperCase() === 'ON')) return;
  if (t.changeTracking !== undefined) {
    throw new SqlError(2725, 16, 2, `Online ALTER COLUMN cannot be performed on table '${t.name}' because change tracking is enabled on it.`);
  }
  if (CLR_TYPES.has(col.type.name) || CLR_TYPES.has(newType)) {
    throw new SqlError(2725, 16, 2, `Online ALTER COLUMN cannot be performed for column '${col.name}' because it alters from or to a CLR type.`);
  }
  const lob = legacyLobColumn(t);
  if (lob !== undefined) {
    throw new SqlError(2725, 16, 2, `An online operation cannot be performed for table '${t.name}' because it contains column '${lob.name}' of data type text, ntext, image or FILESTREAM. The operation must be performed offline.`);
  }
  const columnstore = t.indexes.find((i) => i.columnstore === true);
  if (columnstore !== undefined) {
    throw new SqlError(2725, 16, 2, `Online ALTER COLUMN cannot be performed on table '${t.name}' because it has columnstore index '${columnstore.name}'.`);
  }
}
