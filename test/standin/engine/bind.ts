/**
 * Name binding when a statement runs: SQL Server compiles each statement before executing it
 * (deferred name resolution), so every table it names must exist then, even one only a CASE
 * branch or subquery would read (Msg 208). Statements inside an IF branch not taken are never
 * compiled, which is why this runs per executed statement.
 */
import { isCdcTable } from './change-tracking';
import type { Name, Statement } from './ast';
import { findTable, sameName } from './catalog';
import { findModule } from './modules';
import { writtenTables } from './dml-target';
import type { Host } from './scope';
import { resolveName } from './select';
import { systemView } from './system-views';
import { err } from './errors';
import { synonymBase } from './ddl-synonyms';
import { checkReadable } from './index-disable';

/** Every table name a statement (or expression) refers to in FROM/JOIN, subqueries included. */
export function collect(node: unknown, out: Name[]): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) { for (const x of node) collect(x, out); return; }
  const o = node as { k?: string; name?: unknown };
  if (o.k === 'table' && Array.isArray(o.name)) out.push(o.name as Name);
  for (const v of Object.values(node)) if (typeof v === 'object') collect(v, out);
}

/** The names of every CTE a statement defines (WITH lists at any depth). */
export function cteNames(node: unknown, out = new Set<string>()): Set<string> {
  if (!node || typeof node !== 'object') return out;
  if (Array.isArray(node)) { for (const x of node) cteNames(x, out); return out; }
  const o = node as { with?: unknown };
  if (Array.isArray(o.with)) for (const c of o.with as { name: string }[]) out.add(c.name.toLowerCase());
  for (const v of Object.values(node)) if (typeof v === 'object') cteNames(v, out);
  return out;
}

/** Raises 208 for the first table or view a SELECT/INSERT/UPDATE/DELETE names that does not exist (CTE names aside). */
export function bindTables(s: Statement, host: Host): void {
  const names: Name[] = [];
  if (s.k === 'insert' || s.k === 'merge') names.push(s.table);
  if (s.k === 'update' || s.k === 'delete') names.push(...writtenTables(s, host));
  collect(s, names);
  const ctes = cteNames(s);
  for (const n of names) {
    if (n.length === 1 && (ctes.has(n[0].toLowerCase()) || host.pseudoTable?.(n[0]))) continue;
    const { db, schema, name } = resolveName(host, n);
    const isSystem = sameName(schema, 'sys') || sameName(schema, 'INFORMATION_SCHEMA') || isCdcTable(db, schema, name);
    const table = isSystem ? undefined : findTable(db, schema, name);
    // A table whose clustered index is disabled can be neither read nor written (index-disable.ts).
    if (table) checkReadable(table);
    if (isSystem ? systemView(schema, name) : table || findModule(db, [schema, name])?.type === 'V') continue;
    // A synonym binds to its base object, which must then exist (Msg 5313); a synonym cannot name another.
    if (isSystem || synonymBase(host, db, schema, name) === undefined) throw err.invalidObject(n.join('.'));
  }
}
