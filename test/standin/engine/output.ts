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
import { ty } from './types';

/** The rows an OUTPUT clause produces for a statement's changes. */
export function outputRows(
  clause: OutputClause, kind: 'insert' | 'update' | 'delete', t: Table, before: readonly Row[], after: readonly Row[], host: Host,
  fromScope?: (r: Row) => Scope | undefined,
): { columns: OutColumn[]; rows: Value[][] } {
  const columns: ScopeColumn[] = [
    ...(kind !== 'delete' ? tableColumns(t, 'inserted') : []),
    ...(kind !== 'insert' ? tableColumns(t, 'deleted') : []),
  ];
  const n = kind === 'delete' ? before.length : after.length;
  const probe = fromScope && n > 0 ? fromScope(kind === 'delete' ? before[0] : after[0]) : undefined;
  const extra = probe?.columns ?? [];
  const rows: Value[][] = [];
  for (let i = 0; i < n; i++) {
    const vals: Value[] = [];
    if (kind !== 'delete') vals.push(...rowScope(t, after[i], host).row);
    if (kind !== 'insert') vals.push(...rowScope(t, before[i], host).row);
    const from = fromScope?.(kind === 'delete' ? before[i] : after[i]);
    vals.push(...(from ? from.row : extra.map(() => null)));
    rows.push(vals);
  }
  return project(clause, [...columns, ...extra], rows, host, kind === 'update');
}

/**
 * MERGE's OUTPUT: every row it inserted, updated or deleted, with `$action` ('INSERT', 'UPDATE',
 * 'DELETE'); the side a row does not have reads as NULL.
 */
export function mergeOutputRows(clause: OutputClause, t: Table, changes: { inserted: readonly Row[]; updated: { before: readonly Row[]; after: readonly Row[] }; deleted: readonly Row[] }, host: Host): { columns: OutColumn[]; rows: Value[][] } {
  const nullable = (c: ScopeColumn): ScopeColumn => ({ ...c, nullable: true });
  const all: ScopeColumn[] = [...tableColumns(t, 'inserted').map(nullable), ...tableColumns(t, 'deleted').map(nullable), { qual: '', name: '$action', type: ty.nvarchar(10), nullable: false }];
  const nulls = t.columns.map(() => null);
  const side = (r: Row | undefined): Value[] => (r ? [...rowScope(t, r, host).row] : nulls);
  const rows: Value[][] = [
    ...changes.inserted.map((r) => [...side(r), ...nulls, 'INSERT']),
    ...changes.updated.after.map((r, i) => [...side(r), ...side(changes.updated.before[i]), 'UPDATE']),
    ...changes.deleted.map((r) => [...nulls, ...side(r), 'DELETE']),
  ];
  return project(clause, all, rows, host, true);
}

function tableColumns(t: Table, qual: string): ScopeColumn[] {
  return t.columns.map((c) => ({ qual, table: t.name, name: c.name, type: c.type, nullable: c.nullable }));
}

/** The OUTPUT items (`*` expanded) over rows of `all` columns. */
function project(clause: OutputClause, all: readonly ScopeColumn[], values: readonly Value[][], host: Host, nullable: boolean): { columns: OutColumn[]; rows: Value[][] } {
  const items: { expr: Expr; name: string }[] = [];
  for (const it of clause.items) {
    if (it.expr.k === 'star') {
      const q = it.expr.qual;
      const picked = all.filter((c) => (q === undefined ? c.name !== '$action' : sameName(c.qual, q)) && c.hidden !== true);
      if (picked.length === 0) throw err.invalidObject(q ?? '*');
      for (const c of picked) items.push({ expr: { k: 'col', parts: [c.qual, c.name] }, name: c.name });
    } else items.push({ expr: it.expr, name: it.alias ?? (it.expr.k === 'col' ? it.expr.parts[it.expr.parts.length - 1] : '') });
  }
  const typing: Scope = { columns: all, row: all.map(() => null) };
  const columns = items.map((it): OutColumn => ({
    name: it.name,
    type: typeOf(it.expr, typing, host),
    nullable: it.expr.k === 'col' ? resolveColumn(typing, it.expr.parts).col.nullable || nullable : true,
  }));
  const rows = values.map((row) => { const scope: Scope = { columns: all, row }; return items.map((it) => evaluate(it.expr, scope, host)); });
  return { columns, rows };
}
