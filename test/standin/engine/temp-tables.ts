/**
 * Local temporary tables (#name): "visible only to the connection that creates it, and are
 * deleted when the user disconnects from the instance of SQL Server"; two connections may each
 * have a #t of their own, which SQL Server keeps in tempdb under the name padded with
 * underscores and a numeric suffix (https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql,
 * "Temporary tables"). The stand-in has no tempdb: a session's temporary tables live in its
 * current database under such a suffixed name, which every name of a statement it runs is
 * rewritten to before the statement runs; catalog views leave them out, OBJECT_ID('tempdb..#t')
 * finds the session's own, and the session's close drops them. Global ##tables are ordinary
 * tables here.
 */
import type { Statement } from './ast';
import type { Database } from './catalog';

/** The stored name of a session's #name. */
export function tempName(name: string, session: number): string {
  return `${name}${'_'.repeat(6)}${session.toString(16).toUpperCase().padStart(12, '0')}`;
}

const isLocalTemp = (s: string): boolean => s.startsWith('#') && !s.startsWith('##');

/** Whether a stored table name is a local temporary table's or a table variable's. */
export function isTempTable(name: string): boolean { return isLocalTemp(name) || name.startsWith('@'); }

/**
 * The stored name of a table variable (DECLARE @t TABLE (...)) of a session's variable frame. A
 * table variable lives as long as its batch or procedure, and "Table variables ... aren't affected
 * by transaction rollbacks" (https://learn.microsoft.com/sql/t-sql/data-types/table-transact-sql):
 * it takes no locks, so no transaction records its image.
 */
export function tableVariableName(name: string, session: number, frame: number): string {
  return `${name}${'_'.repeat(6)}${session.toString(16).toUpperCase().padStart(8, '0')}${frame.toString(16).toUpperCase().padStart(4, '0')}`;
}

function rewrite<T>(node: T, session: number, seen: Map<object, unknown>): T {
  if (node === null || typeof node !== 'object') return node;
  const known = seen.get(node as object);
  if (known !== undefined) return known as T;
  let out: unknown;
  if (Array.isArray(node)) {
    out = node.every((x) => typeof x === 'string')
      ? node.map((x: string) => (isLocalTemp(x) ? tempName(x, session) : x))
      : node.map((x: unknown) => rewrite(x, session, seen));
  } else if (Object.getPrototypeOf(node) === Object.prototype) {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node as object)) o[k] = rewrite(v, session, seen);
    out = o;
  } else out = node;
  seen.set(node as object, out);
  return out as T;
}

/** Whether a text may name a local temporary table (a cheap test before the rewrite). */
export function mayNameTemps(text: string): boolean { return text.includes('#'); }

/** Statements with every local temporary table name (and qualifier) made the session's own. */
export function withSessionTemps(statements: readonly Statement[], session: number): Statement[] {
  return rewrite([...statements], session, new Map());
}

/** Drops a closing session's temporary tables. */
export function dropSessionTemps(dbs: readonly Database[], session: number): void {
  const suffix = tempName('', session);
  for (const db of dbs) db.tables = db.tables.filter((t) => !(isLocalTemp(t.name) && t.name.endsWith(suffix)));
}
