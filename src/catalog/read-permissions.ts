/**
 * The optional `table_permissions` array as each table's TablePermission list: object-level
 * permissions first, then column-level ones, each by grantee and permission. A snapshot without the
 * array did not read permissions: no table gets a list, so a move says it cannot grant them again.
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-database-permissions-transact-sql
 */
import type { TablePermission } from '../model';
import { compareText } from '../util/compare';
import type { TablePermissionRow } from './snapshot-types';

const STATES: Readonly<Record<string, TablePermission['state']>> = { G: 'grant', W: 'grant-with-grant-option', D: 'deny' };

/** Per table object_id, its permissions; undefined when the snapshot did not read them. */
export function readTablePermissions(
  rows: readonly TablePermissionRow[] | undefined,
  columnName: (objectId: number, columnId: number) => string,
): ((objectId: number) => readonly TablePermission[]) | undefined {
  if (rows === undefined) return undefined;
  const byTable = new Map<number, TablePermission[]>();
  for (const r of rows) {
    // sys.database_permissions lists state R (revoke) too, though a revoked permission keeps no row.
    const state = STATES[r.state.trim()];
    if (state === undefined) continue;
    const p: TablePermission = { column: r.column_id === 0 ? null : columnName(r.object_id, r.column_id), grantee: r.grantee, permission: r.permission_name, state };
    const list = byTable.get(r.object_id);
    if (list === undefined) byTable.set(r.object_id, [p]);
    else list.push(p);
  }
  for (const list of byTable.values()) list.sort(comparePermissions);
  return (objectId) => byTable.get(objectId) ?? [];
}

/** Object-level first (an object-level GRANT or DENY takes the column rows of its permission with it), then by column, grantee, permission. */
export function comparePermissions(a: TablePermission, b: TablePermission): number {
  if ((a.column === null) !== (b.column === null)) return a.column === null ? -1 : 1;
  return compareText(a.column ?? '', b.column ?? '') || compareText(a.grantee, b.grantee) || compareText(a.permission, b.permission);
}
