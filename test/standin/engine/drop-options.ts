/**
 * The WITH (...) of DROP INDEX and of ALTER TABLE ... DROP CONSTRAINT: `<drop_clustered_index_option>`
 * and `<drop_clustered_constraint_option>` (MAXDOP, ONLINE, MOVE TO, FILESTREAM_ON;
 * https://learn.microsoft.com/sql/t-sql/statements/drop-index-transact-sql,
 * https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql). The stand-in takes
 * ONLINE and MAXDOP (it keeps no filegroups). ONLINE = ON drops only a clustered index (Msg 3745),
 * on a table without text, ntext or image columns (Msg 2725: "Clustered indexes must be created,
 * rebuilt, or dropped offline when the underlying table contains ... image, ntext, and text",
 * https://learn.microsoft.com/sql/relational-databases/indexes/guidelines-for-online-index-operations).
 * The edition check (Msg 1712) is the session's, as for every ONLINE = ON.
 */
import type { Column, Index, Table } from './catalog';
import type { DdlOption } from './editions';
import { SqlError } from './errors';

/**
 * A text, ntext or image column of `t`, if it has one: such a column keeps a clustered index
 * operation, and an online ALTER COLUMN, offline (online-alter-column.ts).
 */
export function legacyLobColumn(t: Table): Column | undefined {
  return t.columns.find((c) => ['text', 'ntext', 'image'].includes(c.type.name));
}

/** Checks the options of dropping `index` (undefined: a constraint with no index) from `t`. */
export function checkDropOptions(t: Table, index: Index | undefined, name: string, options: readonly DdlOption[] | undefined, statement: 'DROP INDEX' | 'ALTER TABLE DROP CONSTRAINT'): void {
  for (const o of options ?? []) {
    // The wording of 155 for these options is inferred from CREATE INDEX's ("... is not a recognized CREATE INDEX option").
    if (o.name === 'ONLINE' && (o.value === 'ON' || o.value === 'OFF')) continue;
    if (o.name === 'MAXDOP' && /^\d+$/.test(o.value)) continue;
    throw new SqlError(155, 15, 1, `'${o.name}' is not a recognized ${statement} option.`);
  }
  if (!options?.some((o) => o.name === 'ONLINE' && o.value === 'ON')) return;
  if (index === undefined || index.type !== 'CLUSTERED') throw new SqlError(3745, 16, 1, 'Only a clustered index can be dropped online.');
  const lob = legacyLobColumn(t);
  if (lob) {
    throw new SqlError(2725, 16, 2, `An online operation cannot be performed for index '${name}' because the index contains column '${lob.name}' of data type text, ntext, image or FILESTREAM. For a non-clustered index, the column could be an include column of the index. For a clustered index, the column could be any column of the table. If DROP_EXISTING is used, the column could be part of a new or old index. The operation must be performed offline.`);
  }
}
