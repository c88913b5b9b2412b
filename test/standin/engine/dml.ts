/** INSERT / UPDATE / DELETE over a table's rows, with every integrity rule checked. */
import type { Expr, Name, Select } from './ast';
import type { Column, Row, Table, Value } from './catalog';
import { findColumn, findTable, nextRowversion } from './catalog';
import type { DdlContext } from './ddl-constraints';
import { nextIdentity } from './ddl';
import { checkRows, duplicateKey, qualified, referencingConflict, rowScope } from './integrity';
import { evaluate, test } from './eval';
import { executeSelect, resolveName } from './select';
import { convert } from './values';
import { SqlError, err } from './errors';
import { wrongFilteredIndexOptions } from './set-options';
import { guardPeriodUpdate, setPeriodOnInsert, versionRows } from './temporal';

function target(ctx: DdlContext, name: Name): Table {
  const { db, schema, name: n } = resolveName(ctx.host, name);
  const t = db === ctx.db ? findTable(db, schema, n) : undefined;
  if (!t) throw err.invalidObject(name.join('.'));
  return t;
}

/** A column of the target as the batch was compiled (207 for a missing or newer column). */
function compiledColumn(ctx: DdlContext, t: Table, name: string): Column {
  const c = findColumn(t, name);
  const visible = ctx.host.compiledColumns(t.objectId);
  if (!c || (visible && !visible.has(c.name.toLowerCase()))) throw err.invalidColumn(name);
  return c;
}

function guardFilteredIndexes(ctx: DdlContext, t: Table, op: 'INSERT' | 'UPDATE' | 'DELETE'): void {
  if (!t.indexes.some((i) => i.filter)) return;
  const wrong = wrongFilteredIndexOptions(ctx.host);
  if (wrong !== null) throw err.badSetOptions(op, wrong);
}

/** INSERT ... VALUES / SELECT / DEFAULT VALUES; returns the row count. */
export function insert(ctx: DdlContext, name: Name, columns: readonly string[] | undefined, values: readonly (readonly Expr[])[] | undefined, select: Select | undefined): number {
  const t = target(ctx, name);
  const cols = columns
    ? columns.map((n) => compiledColumn(ctx, t, n))
    // Without a column list, period columns take their generated values (inferred for non-hidden ones).
    : t.columns.filter((c) => !c.identity && !c.computed && c.type.name !== 'timestamp' && c.generatedAlways === undefined);
  for (const c of cols) {
    if (c.type.name === 'timestamp') throw new SqlError(273, 16, 1, 'Cannot insert an explicit value into a timestamp column. Use INSERT with a column list to exclude the timestamp column, or insert a DEFAULT into the timestamp column.');
    if (c.identity) throw new SqlError(544, 16, 1, `Cannot insert explicit value for identity column in table '${t.name}' when IDENTITY_INSERT is set to OFF.`);
    if (c.computed) throw new SqlError(271, 16, 1, `The column "${c.name}" cannot be modified because it is either a computed column or is the result of a UNION operator.`);
  }
  // undefined marks a DEFAULT in a VALUES row.
  let inputs: (Value | undefined)[][];
  if (select) inputs = executeSelect(select, ctx.host, undefined).rows;
  else inputs = (values ?? []).map((row) => {
    if (row.length !== cols.length && !(row.length === 0)) throw new SqlError(row.length > cols.length ? 110 : 109, 15, 1, row.length > cols.length ? 'There are more columns in the INSERT statement than values specified in the VALUES clause. The number of values in the VALUES clause must match the number of columns specified in the INSERT statement.' : 'There are fewer columns in the INSERT statement than values specified in the VALUES clause. The number of values in the VALUES clause must match the number of columns specified in the INSERT statement.');
    return row.map((e) => (e.k === 'col' && e.parts.length === 1 && e.parts[0].toUpperCase() === 'DEFAULT' ? undefined : evaluate(e, undefined, ctx.host)));
  });
  guardFilteredIndexes(ctx, t, 'INSERT');
  const added: Row[] = [];
  for (const input of inputs) {
    const row: Row = [];
    for (const c of t.columns) {
      if (c.computed) continue;
      const i = cols.indexOf(c);
      if (c.identity) { row[c.columnId] = nextIdentity(c); ctx.identityUsed?.(row[c.columnId] as number); continue; }
      if (c.type.name === 'timestamp') { row[c.columnId] = nextRowversion(ctx.db); continue; }
      const given = i >= 0 ? input[i] : undefined;
      if (given !== undefined) { row[c.columnId] = convert(given, c.type); continue; }
      const d = t.defaults.find((x) => x.columnId === c.columnId);
      row[c.columnId] = d ? convert(evaluate(d.expr, undefined, ctx.host), c.type) : null;
    }
    setPeriodOnInsert(t, row, cols, ctx.now);
    added.push(row);
  }
  const kept = withoutIgnoredDuplicates(ctx, t, added);
  const all = [...t.rows, ...kept];
  checkRows(ctx.db, t, all, kept, ctx.host, 'INSERT');
  t.rows = all;
  return kept.length;
}

/**
 * IGNORE_DUP_KEY = ON: an inserted row whose key a unique index already holds (or an earlier row
 * of the same INSERT) is skipped, and SQL Server sends message 3604, severity 10, "Duplicate key
 * was ignored." instead of failing with 2601/2627 (create-index-transact-sql, IGNORE_DUP_KEY).
 */
function withoutIgnoredDuplicates(ctx: DdlContext, t: Table, added: readonly Row[]): Row[] {
  const ignoring = t.indexes.filter((ix) => ix.unique && ix.ignoreDupKey && !ix.disabled);
  if (ignoring.length === 0) return [...added];
  const kept: Row[] = [];
  let ignored = false;
  for (const row of added) {
    const rows = [...t.rows, ...kept, row];
    if (ignoring.some((ix) => duplicateKey(t, ix, rows, ctx.host, new Set([row])) !== null)) { ignored = true; continue; }
    kept.push(row);
  }
  if (ignored) ctx.info(3604, 'Duplicate key was ignored.');
  return kept;
}

/** UPDATE t SET ... WHERE ...; returns the row count. */
export function update(ctx: DdlContext, name: Name, sets: readonly { col: string; expr: Expr }[], where: Expr | undefined, top?: Value): number {
  // TOP (n) caps the rows updated; which n rows is unspecified in SQL Server, here the first n.
  const limit = top === undefined ? Infinity : top === null ? Infinity : Math.max(0, Math.floor(Number(top)));
  const t = target(ctx, name);
  const cols = sets.map((s) => compiledColumn(ctx, t, s.col));
  guardPeriodUpdate(t, cols);
  guardFilteredIndexes(ctx, t, 'UPDATE');
  const next: Row[] = [];
  const changed: Row[] = [];
  const before: Row[] = [];
  for (const row of t.rows) {
    const scope = rowScope(t, row, ctx.host);
    if ((where && test(where, scope, ctx.host) !== true) || changed.length >= limit) { next.push(row); continue; }
    const copy = [...row];
    sets.forEach((s, i) => {
      if (cols[i].identity) throw new SqlError(8102, 16, 1, `Cannot update identity column '${cols[i].name}'.`);
      if (cols[i].type.name === 'timestamp') throw new SqlError(272, 16, 1, 'Cannot update a timestamp column.');
      copy[cols[i].columnId] = convert(evaluate(s.expr, scope, ctx.host), cols[i].type);
    });
    for (const c of t.columns) if (c.type.name === 'timestamp') copy[c.columnId] = nextRowversion(ctx.db);
    next.push(copy); changed.push(copy); before.push(row);
  }
  checkRows(ctx.db, t, next, changed, ctx.host, 'UPDATE');
  const conflict = referencingConflict(ctx.db, t, before, next, 'UPDATE');
  if (conflict) throw conflict;
  versionRows(ctx.db, t, before, changed, ctx.now);
  t.rows = next;
  return changed.length;
}

/** DELETE FROM t WHERE ...; cascades ON DELETE CASCADE / SET NULL; returns the row count. */
export function remove(ctx: DdlContext, name: Name, where: Expr | undefined): number {
  const t = target(ctx, name);
  guardFilteredIndexes(ctx, t, 'DELETE');
  const gone = t.rows.filter((row) => !where || test(where, rowScope(t, row, ctx.host), ctx.host) === true);
  deleteRows(ctx, t, gone);
  return gone.length;
}

function deleteRows(ctx: DdlContext, t: Table, gone: readonly Row[]): void {
  if (gone.length === 0) return;
  const goneSet = new Set(gone);
  const remaining = t.rows.filter((r) => !goneSet.has(r));
  // Cascades first, so that what is left can be checked as NO ACTION.
  for (const child of ctx.db.tables) {
    for (const fk of child.fks) {
      if (fk.refTableId !== t.objectId || fk.disabled || fk.onDelete === 'NO_ACTION') continue;
      const hit = (cr: Row): boolean => gone.some((g) => fk.columns.every((fc) => (cr[fc.parent] ?? null) !== null && String(cr[fc.parent]).toLowerCase() === String(g[fc.ref]).toLowerCase()));
      if (fk.onDelete === 'CASCADE') deleteRows(ctx, child, child.rows.filter(hit));
      else for (const cr of child.rows.filter(hit)) for (const fc of fk.columns) {
        const col = child.columns.find((c) => c.columnId === fc.parent);
        const d = child.defaults.find((x) => x.columnId === fc.parent);
        cr[fc.parent] = fk.onDelete === 'SET_DEFAULT' && d && col ? convert(evaluate(d.expr, undefined, ctx.host), col.type) : null;
      }
    }
  }
  const conflict = referencingConflict(ctx.db, t, gone, remaining, 'DELETE');
  if (conflict) throw conflict;
  versionRows(ctx.db, t, gone, null, ctx.now);
  t.rows = t.rows.filter((r) => !goneSet.has(r));
  void qualified;
}
