/** SQL Server's system-generated constraint names (PK__users__3213E83F7EFD826D, DF__users__statu__3B75D760). */

const hex8 = (n: number): string => (n >>> 0).toString(16).toUpperCase().padStart(8, '0');

/** A system name for a PRIMARY KEY / UNIQUE constraint: kind + first 8 chars of the table + 16 hex digits. */
export function keyName(kind: 'PK' | 'UQ', table: string, objectId: number): string {
  // The first 8 hex digits look hashed in SQL Server; the last 8 are the constraint's object id.
  return `${kind}__${table.slice(0, 8)}__${hex8(Math.imul(objectId, 0x9e3779b1))}${hex8(objectId)}`;
}

/** A system name for a DEFAULT / CHECK / FOREIGN KEY: kind + 9 chars of table (+ 5 of column) + the object id in hex. */
export function columnScopedName(kind: 'DF' | 'CK' | 'FK', table: string, column: string | undefined, objectId: number): string {
  return column === undefined ? `${kind}__${table.slice(0, 9)}__${hex8(objectId)}` : `${kind}__${table.slice(0, 9)}__${column.slice(0, 5)}__${hex8(objectId)}`;
}
