/**
 * When `ALTER TABLE t ALTER COLUMN c ... WITH (ONLINE = ON)` cannot run online, beyond the edition
 * and version (editions.ts, supportsOnlineAlterColumn). The rules are the ALTER TABLE page's list
 * under "WITH ( ONLINE = ON | OFF) <as applies to altering a column>"
 * (https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql):
 *
 * - "Online alter column doesn't support altering a table where change tracking is enabled".
 * - "Online alter column doesn't support altering from or to CLR data types": hierarchyid,
 *   geometry and geography are CLR types (a user CLR type is never modelled: catalog/opaque.ts).
 * - "Online alter column has no effect in a system-versioned temporal table": it runs offline
 *   whatever the option says, so the plan says offline.
 * - "Online index rebuild isn't supported when the table contains legacy LOB or filestream
 *   columns or when the table has a columnstore index. The same limitations apply for online
 *   alter column." Legacy LOB is text, ntext and image (guidelines-for-online-index-operations).
 *
 * The other rules of that list are kept elsewhere: NOT NULL to NULL and typed XML stay offline in
 * differ/lock-impact.ts; schemac alters one column per statement and never adds
 * WAIT_AT_LOW_PRIORITY to ALTER COLUMN; and a check over a column whose precision changes is
 * dropped before the ALTER COLUMN and added back after it (the same page: the modified column
 * can't be "used in a CHECK or UNIQUE constraint"), so the rule for checks that restrict
 * precision never meets a statement schemac runs.
 */
import type { Column, Table } from '../model';
import { isLegacyLob } from './types';

const CLR_TYPES = new Set(['hierarchyid', 'geometry', 'geography']);

/**
 * Why altering `from` to `to` on `table` (as it is before the plan) cannot run online, or null
 * when nothing in the table stops it.
 */
export function onlineAlterColumnBlocker(table: Table | undefined, from: Column, to: Column): string | null {
  if (CLR_TYPES.has(from.type.name) || CLR_TYPES.has(to.type.name)) {
    return `${CLR_TYPES.has(from.type.name) ? from.type.name : to.type.name} is a CLR type, which online ALTER COLUMN does not alter from or to`;
  }
  if (table === undefined) return null;
  if (table.versioning !== undefined) return 'ONLINE = ON has no effect on a system-versioned temporal table';
  if (table.changeTracking !== undefined) return 'the table has change tracking enabled';
  const lob = table.columns.filter((c) => isLegacyLob(c.type));
  if (lob.length > 0) return `the table has ${lob.map((c) => `${c.name} ${c.type.name}`).join(', ')}: legacy LOB columns keep ALTER COLUMN offline`;
  // A FILESTREAM column is opaque (catalog/opaque.ts), marked as such.
  const filestream = (table.opaque ?? []).filter((o) => o.filestream === true);
  if (filestream.length > 0) return `the table has FILESTREAM column ${filestream.map((o) => o.name).join(', ')}`;
  const columnstore = table.indexes.find((i) => i.columnstore === true);
  if (columnstore !== undefined) return `the table has columnstore index ${columnstore.name}`;
  return null;
}
