/**
 * GRANT and DENY statements that give a table back its permissions (after ALTER SCHEMA ...
 * TRANSFER, which drops them). One statement per column (or the table), grantee and state, with
 * its permissions listed; the table's own first, since a table-level GRANT or DENY also clears the
 * column-level rows of the same permission.
 * https://learn.microsoft.com/sql/t-sql/statements/grant-object-permissions-transact-sql
 * https://learn.microsoft.com/sql/t-sql/statements/deny-object-permissions-transact-sql
 */
import type { TablePermission } from '../../model';
import { quoteIdent, quoteQualified } from '../../sqlserver/literals';

/** The statements that grant `permissions` on schema.table again, in order. */
export function renderGrants(schema: string, table: string, permissions: readonly TablePermission[]): string[] {
  const groups = new Map<string, { p: TablePermission; names: string[] }>();
  for (const p of permissions) {
    const key = JSON.stringify([p.column, p.grantee, p.state]);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { p, names: [p.permission] });
    else if (!group.names.includes(p.permission)) group.names.push(p.permission);
  }
  const ordered = [...groups.values()].sort((a, b) => Number(a.p.column !== null) - Number(b.p.column !== null));
  return ordered.map(({ p, names }) => {
    const verb = p.state === 'deny' ? 'DENY' : 'GRANT';
    const columns = p.column === null ? '' : ` (${quoteIdent(p.column)})`;
    const option = p.state === 'grant-with-grant-option' ? ' WITH GRANT OPTION' : '';
    return `${verb} ${names.join(', ')} ON OBJECT::${quoteQualified(schema, table)}${columns} TO ${quoteIdent(p.grantee)}${option};`;
  });
}
