/**
 * MERGE (https://learn.microsoft.com/sql/t-sql/statements/merge-transact-sql): the target's rows
 * are joined to the source's ON the condition; each matched pair takes the first WHEN MATCHED
 * clause whose AND holds, each unmatched source row the first WHEN NOT MATCHED [BY TARGET], each
 * unmatched target row the first WHEN NOT MATCHED BY SOURCE. A target row that more than one
 * source row matches, when an UPDATE or DELETE applies to it, is Msg 8672. The changes are made
 * as one statement (updates, then deletes, then inserts, with every rule of each), and the row
 * count is their sum.
 */
import type { Statement } from './ast';
import type { Row, Table, Value } from './catalog';
import { findColumn, findTable } from './catalog';
import type { DdlContext } from './ddl-constraints';
import type { Scope } from './scope';
import { buildFrom, resolveName } from './select';
import { evaluate, test } from './eval';
import { insert, removeRows, updateRows } from './dml';
import { isDefault } from './routines';
import { SqlError, err } from './errors';

type Merge = Extract<Statement, { k: 'merge' }>;

/** What MERGE did, per action (OUTPUT, triggers, the row count). */
export interface Merged { readonly table: Table; readonly inserted: readonly Row[]; readonly updated: { readonly before: readonly Row[]; readonly after: readonly Row[] }; readonly deleted: readonly Row[] }

/** Runs a MERGE statement. */
export function merge(ctx: DdlContext, s: Merge, top: Value | undefined): Merged {
  const limit = top === undefined || top === null ? Infinity : Math.max(0, Math.floor(Number(top)));
  const { db, schema, name } = resolveName(ctx.host, s.table);
  const t = db === ctx.db ? findTable(db, schema, name) : undefined;
  if (!t) throw err.invalidObject(s.table.join('.'));
  const targetItem = { k: 'table' as const, name: s.table, alias: s.alias };
  const target = buildFrom([targetItem], ctx.host, undefined, targetItem);
  const source = buildFrom([s.source], ctx.host, undefined, false);
  const ref = target.columns.findIndex((c) => c.rowOf === t);
  const columns = [...target.columns, ...source.columns];
  const nullsT = target.columns.map(() => null);
  const nullsS = source.columns.map(() => null);
  const matchedBy = new Map<number, number>();
  const pairs: { ti: number; scope: Scope }[] = [];
  const unmatchedSource: Scope[] = [];
  for (const sr of source.rows) {
    let any = false;
    target.rows.forEach((tr, ti) => {
      const scope: Scope = { columns, row: [...tr, ...sr] };
      if (test(s.on, scope, ctx.host) !== true) return;
      any = true;
      pairs.push({ ti, scope });
      matchedBy.set(ti, (matchedBy.get(ti) ?? 0) + 1);
    });
    if (!any) unmatchedSource.push({ columns, row: [...nullsT, ...sr] });
  }
  const updates = new Map<number, { scope: Scope; sets: Extract<Merge['clauses'][number]['action'], { k: 'update' }>['sets'] }>();
  const deletes = new Set<number>();
  const inserts: { scope: Scope; action: Extract<Merge['clauses'][number]['action'], { k: 'insert' }> }[] = [];
  let count = 0;
  const take = (): boolean => count++ < limit;
  const apply = (when: Merge['clauses'][number]['when'], scope: Scope, ti: number | undefined): void => {
    const clause = s.clauses.find((c) => c.when === when && (!c.and || test(c.and, scope, ctx.host) === true));
    if (!clause || !take()) return;
    if (clause.action.k !== 'insert' && ti !== undefined && (matchedBy.get(ti) ?? 0) > 1) {
      throw new SqlError(8672, 16, 1, 'The MERGE statement attempted to UPDATE or DELETE the same row more than once. This happens when a target row matches more than one source row. A MERGE statement cannot UPDATE/DELETE the same row of the target table multiple times. Refine the ON clause to ensure a target row matches at most one source row, or use the GROUP BY clause to group the source rows.');
    }
    if (clause.action.k === 'update' && ti !== undefined) updates.set(ti, { scope, sets: clause.action.sets });
    else if (clause.action.k === 'delete' && ti !== undefined) deletes.add(ti);
    else if (clause.action.k === 'insert') inserts.push({ scope, action: clause.action });
  };
  for (const p of pairs) apply('matched', p.scope, p.ti);
  for (const scope of unmatchedSource) apply('notMatchedByTarget', scope, undefined);
  target.rows.forEach((tr, ti) => { if (!matchedBy.has(ti)) apply('notMatchedBySource', { columns, row: [...tr, ...nullsS] }, ti); });

  const indexOf = (ti: number): number => target.rows[ti][ref] as number;
  // Every UPDATE clause sets its own columns; the union of them is set per row, each row keeping
  // the values its clause does not set.
  const setCols = [...new Map([...updates.values()].flatMap((u) => u.sets).map((x) => [x.col.toLowerCase(), x.col])).values()];
  const cols = setCols.map((c) => { const col = findColumn(t, c); if (!col) throw err.invalidColumn(c); return col; });
  const updated = updates.size === 0 ? { before: [], after: [] } : updateRows(ctx, t, cols, [...updates].map(([ti, u]) => {
    const row = t.rows[indexOf(ti)];
    return {
      row,
      values: () => cols.map((c) => {
        const set = u.sets.find((x) => x.col.toLowerCase() === c.name.toLowerCase());
        return set ? evaluate(set.expr, u.scope, ctx.host) : row[c.columnId] ?? null;
      }),
    };
  }));
  const deleted = deletes.size === 0 ? [] : removeRows(ctx, t, [...deletes].map((ti) => t.rows[indexOf(ti)])).before;
  const inserted: Row[] = [];
  for (const i of inserts) {
    const values = i.action.values;
    if (!values) { inserted.push(...insert(ctx, s.table, i.action.columns, [[]], undefined)); continue; }
    const cols2 = i.action.columns ?? t.columns.filter((c) => !c.identity && !c.computed && c.type.name !== 'timestamp').map((c) => c.name);
    const given = values.map((e) => (isDefault(e) ? undefined : evaluate(e, i.scope, ctx.host)));
    const keep = cols2.filter((_, k) => given[k] !== undefined);
    inserted.push(...insert(ctx, s.table, keep, undefined, undefined, [given.filter((v): v is Value => v !== undefined)]));
  }
  return { table: t, inserted, updated, deleted };
}
