/**
 * The OUTPUT clause of INSERT, UPDATE and DELETE
 * (https://learn.microsoft.com/sql/t-sql/queries/output-clause-transact-sql): each changed row as
 * `inserted` (after) and `deleted` (before) columns, plus, for UPDATE / DELETE with FROM, the
 * FROM clause's columns. INSERT has no `deleted` and DELETE no `inserted` (a reference to one is
 * Msg 4104, as for any name that binds to nothing). Without INTO the rows are a result set sent
 * before the statement's row count; with INTO they are inserted into the table named.
 */
import type { Expr, OutputClause } from './ast';
import type { Row, Table, Value } from './catalog';
import { sameName } from './catalog';
import type { Host, Scope, ScopeColumn } from './scope';
import { rowScope } from './integrity';
import { evaluate, typeOf } from './eval';
import type { OutColumn } from './select';
import { resolveColumn } from './scope';
import { err } from './errors';

/** The rows an OUTPUT clause produces for a statement's changes. */
export function outputRows(
  clause: OutputClause, kind: 'insert' | 'update' | 'delete', t: Table, before: readonly Row[], after: readonly Row[], host: Host,
  fromScope?: (r: Row) => Scope | undefined,
): { columns: OutColumn[]; rows: Value[][] } {
  const tableColumns = (qual: string): ScopeColumn[] => t.columns.map((c) => ({ qual, table: t.name, name: c.name, type: c.type, nullable: c.nullable }));
  const columns: ScopeColumn[] = [
    ...(kind !== 'delete' ? tableColumns('inserted') : []),
    ...(kind !== 'insert' ? tableColumns('deleted') : []),
  ];
  const n = kind === 'delete' ? before.length : after.length;
  const probe = fromScope && n > 0 ? fromScope(kind === 'delete' ? before[0] : after[0]) : undefined;
  const extra = probe?.columns ?? [];
  const all = [...columns, ...extra];
  const items: { expr: Expr; name: string }[] = [];
  for (const it of clause.items) {
    if (it.expr.k === 'star') {
      const q = it.expr.qual;
      const picked = all.filter((c) => (q === undefined || sameName(c.qual, q)) && c.hidden !== true);
      if (picked.length === 0) throw err.invalidObject(q ?? '*');
      for (const c of picked) items.push({ expr: { k: 'col', parts: [c.qual, c.name] }, name: c.name });
    } else items.push({ expr: it.expr, name: it.alias ?? (it.expr.k === 'col' ? it.expr.parts[it.expr.parts.length - 1] : '') });
  }
  const typing: Scope = { columns: all, row: all.map(() => null) };
  const outColumns = items.map((it): OutColumn => ({
    name: it.name,
    type: typeOf(it.expr, typing, host),
    nullable: it.expr.k === 'col' ? resolveColumn(typing, it.expr.parts).col.nullable || kind === 'update' : true,
  }));
  const rows: Value[][] = [];
  for (let i = 0; i < n; i++) {
    const vals: Value[] = [];
    if (kind !== 'delete') vals.push(...rowScope(t, after[i], host).row);
    if (kind !== 'insert') vals.push(...rowScope(t, before[i], host).row);
    const from = fromScope?.(kind === 'delete' ? before[i] : after[i]);
    vals.push(...(from ? from.row : extra.map(() => null)));
    const scope: Scope = { columns: all, row: vals };
    rows.push(items.map((it) => evaluate(it.expr, scope, host)));
  }
  return { columns: outColumns, rows };
}
