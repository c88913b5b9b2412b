/** INSERT / UPDATE / DELETE over a table's rows, with every integrity rule checked. */
import { boundDefaultOf } from './ddl-bound';
import { checkEdgeRows, deleteConnectedEdges, settleGraphRow } from './graph';
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
import { guardAppendOnly, ledgerRows, ledgerStamp, stampInsert } from './ledger';
import { viewInsertTarget } from './dml-target';
import { checkBlocks, visibleRows } from './security-policies';
import { checkColumnSetTargets, columnSetOf, writeColumnSet } from './column-sets';

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

/** INSERT ... VALUES / SELECT / DEFAULT VALUES (or rows already worked out, OUTPUT INTO's); returns the rows inserted. */
export function insert(ctx: DdlContext, name: Name, columns: readonly string[] | undefined, values: readonly (readonly Expr[])[] | undefined, select: Select | undefined, given?: readonly Value[][]): Row[] {
  const through = viewInsertTarget(ctx.host, name, columns);
  if (through) return insert(ctx, through.table, through.columns, values, select, given);
  const t = target(ctx, name);
  const explicitIdentity = ctx.host.identityInsert?.(t) === true;
  // With IDENTITY_INSERT ON the identity column must be listed (Msg 545, set-identity-insert-transact-sql.md).
  if (explicitIdentity && !columns) throw new SqlError(545, 16, 1, `Explicit value must be specified for identity column in table '${t.name}' either when IDENTITY_INSERT is set to ON or when a replication user is inserting into a NOT FOR REPLICATION identity column.`);
  const cols = columns
    ? columns.map((n) => compiledColumn(ctx, t, n))
    // Without a column list, period columns take their generated values (inferred for non-hidden ones);
    // an edge table's list starts with $from_id and $to_id (insert-sql-graph), a node table's has no graph column.
    // With a column set, the implicit list has it rather than the sparse columns (column-sets.ts).
    : [...edgeEnds(t), ...t.columns.filter((c) => !c.identity && !c.computed && c.type.name !== 'timestamp' && c.generatedAlways === undefined && c.graphType === undefined && c.droppedLedger !== true && !(c.sparse === true && columnSetOf(t) !== undefined))];
  checkColumnSetTargets(t, cols);
  if (explicitIdentity && !cols.some((c) => c.identity)) throw new SqlError(545, 16, 1, `Explicit value must be specified for identity column in table '${t.name}' either when IDENTITY_INSERT is set to ON or when a replication user is inserting into a NOT FOR REPLICATION identity column.`);
  for (const c of cols) {
    // $node_id / $edge_id are generated (sql-graph-architecture: "Trying to insert a value in $node_id or $edge_id column will result in an error"; number and wording inferred).
    if (c.graphType !== undefined && c.graphType !== 5 && c.graphType !== 8) throw new SqlError(13902, 16, 1, `Cannot insert into the graph column '${c.name}' of table '${t.name}'; its values are generated.`);
    if (c.type.name === 'timestamp') throw new SqlError(273, 16, 1, 'Cannot insert an explicit value into a timestamp column. Use INSERT with a column list to exclude the timestamp column, or insert a DEFAULT into the timestamp column.');
    if (c.identity && !explicitIdentity) throw new SqlError(544, 16, 1, `Cannot insert explicit value for identity column in table '${t.name}' when IDENTITY_INSERT is set to OFF.`);
    if (c.computed) throw new SqlError(271, 16, 1, `The column "${c.name}" cannot be modified because it is either a computed column or is the result of a UNION operator.`);
  }
  // undefined marks a DEFAULT in a VALUES row.
  let inputs: (Value | undefined)[][];
  if (given) {
    if (given.some((r) => r.length !== cols.length)) throw new SqlError(213, 16, 1, 'Column name or number of supplied values does not match table definition.');
    inputs = given.map((r) => [...r]);
  }
  else if (select) inputs = executeSelect(select, ctx.host, undefined).rows;
  else inputs = (values ?? []).map((row) => {
    if (row.length !== cols.length && !(row.length === 0)) throw new SqlError(row.length > cols.length ? 110 : 109, 15, 1, row.length > cols.length ? 'There are more columns in the INSERT statement than values specified in the VALUES clause. The number of values in the VALUES clause must match the number of columns specified in the INSERT statement.' : 'There are fewer columns in the INSERT statement than values specified in the VALUES clause. The number of values in the VALUES clause must match the number of columns specified in the INSERT statement.');
    return row.map((e) => (e.k === 'col' && e.parts.length === 1 && e.parts[0].toUpperCase() === 'DEFAULT' ? undefined : evaluate(e, undefined, ctx.host)));
  });
  guardFilteredIndexes(ctx, t, 'INSERT');
  const stamp = ledgerStamp(ctx.db, t);
  const added: Row[] = [];
  for (const input of inputs) {
    const row: Row = [];
    let throughSet: Value | undefined;
    for (const c of t.columns) {
      if (c.computed) continue;
      const i = cols.indexOf(c);
      if (c.identity && explicitIdentity) {
        // "If the value inserted is larger than the current identity value for the table, SQL
        // Server automatically uses the new inserted value as the current identity value."
        const v = convert(input[i] ?? null, c.type);
        row[c.columnId] = v;
        const id = c.identity;
        if (typeof v === 'number' && (id.last === null || (id.increment > 0 ? v > id.last : v < id.last))) id.last = v;
        continue;
      }
      if (c.identity) { row[c.columnId] = nextIdentity(c); ctx.identityUsed?.(row[c.columnId] as number); continue; }
      if (c.type.name === 'timestamp') { row[c.columnId] = nextRowversion(ctx.db); continue; }
      const given = i >= 0 ? input[i] : undefined;
      // Written through the column set: its sparse columns take the value, it stores nothing.
      if (c.columnSet === true) { throughSet = given; row[c.columnId] = null; continue; }
      if (given !== undefined) { row[c.columnId] = convert(given, c.type); continue; }
      const d = t.defaults.find((x) => x.columnId === c.columnId)?.expr ?? boundDefaultOf(ctx.db, c);
      row[c.columnId] = d ? convert(evaluate(d, undefined, ctx.host), c.type) : null;
    }
    if (throughSet !== undefined) writeColumnSet(t, row, throughSet);
    setPeriodOnInsert(t, row, cols, ctx.transactionStart ?? ctx.now);
    stampInsert(t, row, cols, stamp);
    settleGraphRow(ctx.db, t, row);
    added.push(row);
  }
  checkEdgeRows(ctx.db, t, added, 'INSERT');
  const kept = withoutIgnoredDuplicates(ctx, t, added);
  checkBlocks(ctx.host, t, 'AFTER INSERT', kept);
  const all = [...t.rows, ...kept];
  checkRows(ctx.db, t, all, kept, ctx.host, 'INSERT');
  t.rows = all;
  return kept;
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

/** What an UPDATE or DELETE did: its table and each changed row before and after (OUTPUT, triggers). */
export interface Changed { readonly table: Table; readonly before: readonly Row[]; readonly after: readonly Row[] }

/** UPDATE t SET ... WHERE ...; returns the rows changed. */
export function update(ctx: DdlContext, name: Name, sets: readonly { col: string; expr: Expr }[], where: Expr | undefined, top?: Value): Changed {
  // TOP (n) caps the rows updated; which n rows is unspecified in SQL Server, here the first n.
  const limit = top === undefined ? Infinity : top === null ? Infinity : Math.max(0, Math.floor(Number(top)));
  const t = target(ctx, name);
  const cols = sets.map((s) => compiledColumn(ctx, t, s.col));
  const hits: { row: Row; values: () => Value[] }[] = [];
  for (const row of visibleRows(ctx.host, t, t.rows)) {
    if (hits.length >= limit) break;
    const scope = rowScope(t, row, ctx.host);
    if (where && test(where, scope, ctx.host) !== true) continue;
    hits.push({ row, values: () => sets.map((s) => evaluate(s.expr, scope, ctx.host)) });
  }
  return updateRows(ctx, t, cols, hits);
}

/**
 * Sets `cols` of each hit row to its values (worked out in the row's own scope), with every rule
 * an UPDATE keeps: identity and timestamp columns, period columns, filtered-index SET options,
 * constraints, referencing FKs, system versioning.
 */
export function updateRows(ctx: DdlContext, t: Table, cols: readonly Column[], hits: readonly { row: Row; values: () => Value[] }[]): Changed {
  guardAppendOnly(ctx, t, 'UPDATE');
  guardPeriodUpdate(t, cols);
  guardFilteredIndexes(ctx, t, 'UPDATE');
  checkColumnSetTargets(t, cols);
  const replaced = new Map<Row, Row>();
  for (const hit of hits) {
    const copy = [...hit.row];
    const values = hit.values();
    cols.forEach((c, i) => {
      if (c.identity) throw new SqlError(8102, 16, 1, `Cannot update identity column '${c.name}'.`);
      if (c.type.name === 'timestamp') throw new SqlError(272, 16, 1, 'Cannot update a timestamp column.');
      if (c.columnSet === true) { writeColumnSet(t, copy, values[i] ?? null); return; }
      copy[c.columnId] = convert(values[i], c.type);
    });
    for (const c of t.columns) if (c.type.name === 'timestamp') copy[c.columnId] = nextRowversion(ctx.db);
    replaced.set(hit.row, copy);
  }
  const next = t.rows.map((r) => replaced.get(r) ?? r);
  const before = [...replaced.keys()];
  const changed = [...replaced.values()];
  checkBlocks(ctx.host, t, 'BEFORE UPDATE', before);
  checkBlocks(ctx.host, t, 'AFTER UPDATE', changed, cols.map((c) => c.name));
  checkRows(ctx.db, t, next, changed, ctx.host, 'UPDATE');
  const conflict = referencingConflict(ctx.db, t, before, next, 'UPDATE');
  if (conflict) throw conflict;
  versionRows(ctx.db, t, before, changed, ctx.transactionStart ?? ctx.now);
  ledgerRows(ctx.db, t, before, changed);
  t.rows = next;
  return { table: t, before, after: changed };
}

/** DELETE FROM t WHERE ...; cascades ON DELETE CASCADE / SET NULL; returns the rows deleted. */
export function remove(ctx: DdlContext, name: Name, where: Expr | undefined, top?: Value): Changed {
  const limit = top === undefined || top === null ? Infinity : Math.max(0, Math.floor(Number(top)));
  const t = target(ctx, name);
  const gone = visibleRows(ctx.host, t, t.rows).filter((row) => !where || test(where, rowScope(t, row, ctx.host), ctx.host) === true).slice(0, limit);
  return removeRows(ctx, t, gone);
}

/** Deletes rows of t (filtered-index SET options checked, FK actions applied). */
export function removeRows(ctx: DdlContext, t: Table, gone: readonly Row[]): Changed {
  guardAppendOnly(ctx, t, 'DELETE');
  guardFilteredIndexes(ctx, t, 'DELETE');
  checkBlocks(ctx.host, t, 'BEFORE DELETE', gone);
  deleteRows(ctx, t, gone);
  return { table: t, before: gone, after: [] };
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
  deleteConnectedEdges(ctx.db, t, gone, (edge, rows) => deleteRows(ctx, edge, rows));
  const conflict = referencingConflict(ctx.db, t, gone, remaining, 'DELETE');
  if (conflict) throw conflict;
  versionRows(ctx.db, t, gone, null, ctx.transactionStart ?? ctx.now);
  ledgerRows(ctx.db, t, gone, null);
  t.rows = t.rows.filter((r) => !goneSet.has(r));
  void qualified;
}

/** An edge table's $from_id and $to_id columns (graph_type 5 and 8), which an INSERT without a column list fills first. */
function edgeEnds(t: Table): Column[] {
  if (t.graph?.kind !== 'edge') return [];
  return [5, 8].map((g) => t.columns.find((c) => c.graphType === g)).filter((c): c is Column => c !== undefined);
}
