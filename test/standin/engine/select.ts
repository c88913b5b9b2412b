/** SELECT evaluation over catalog rows: FROM/JOIN, WHERE, GROUP BY, aggregates, ORDER BY, TOP, DISTINCT. */
import { isCdcTable } from './change-tracking';
import { pseudoColumnsOf } from './graph';
import type { Expr, FromItem, Name, Select } from './ast';
import type { Column, Database, Table, Value } from './catalog';
import { findSchema, findTable, sameName } from './catalog';
import { findModule } from './modules';
import { cteRelation, withCtes } from './cte';
import { viewRelation } from './views';
import { tvfRows } from './routines';
import { checkReadable } from './index-disable';
import { isTempTable } from './temp-tables';
import { computeWindows, windowedOutsideSelect, windowsIn } from './windows';
import type { Host, Scope, ScopeColumn } from './scope';
import { resolveColumn } from './scope';
import { systemView } from './system-views';
import { catalogMajor, viewAtVersion } from './view-versions';
import { indexRows, joinKeys, keyOf } from './join-keys';
import { synonymBase } from './ddl-synonyms';
import { filterRows } from './security-policies';
import { historyOf } from './temporal';
import { systemTimeRelation } from './temporal-query';
import type { SqlType } from './types';
import { evaluate, hasAggregate, test, typeOf } from './eval';
import { compareKeys, groupKey } from './values';
import { err, SqlError } from './errors';
import { columnSetOf, columnSetValue } from './column-sets';
import { rolledUpScopes } from './grouping-sets';

/** A computed result: typed columns and rows. */
export interface Relation { readonly columns: readonly ScopeColumn[]; readonly rows: Value[][] }

/** A SELECT's output: columns (named, typed) and rows; assignments made instead when it assigns variables. */
export interface SelectResult { readonly columns: readonly OutColumn[]; readonly rows: Value[][]; readonly assigned: boolean }

/** An output column; a carried row reference is hidden (dml-target.ts), a plain column keeps its base column. */
export interface OutColumn { readonly name: string; readonly type: SqlType; readonly nullable: boolean; readonly hidden?: boolean; readonly rowOf?: Table; readonly source?: ScopeColumn['source'] }

/**
 * Which FROM items carry a reference to their base rows (a hidden column holding the row's index
 * in its table), for UPDATE / DELETE through a join, a CTE or a view: none, one item, or all.
 */
export type Carry = boolean | FromItem;

/** The hidden column name of a carried row reference (no T-SQL name can reach it). */
export const ROW_REF = '%row';

/** Resolves a table name to (database, schema, name) with dbo and the current database as defaults. */
export function resolveName(host: Host, name: Name): { db: Database; schema: string; name: string } {
  if (name.length === 1 && name[0].startsWith('@')) {
    const v = host.getVar(name[0]);
    if (!v?.table) throw new SqlError(1087, 15, 2, `Must declare the table variable "${name[0]}".`, 'compile');
    return { db: host.db, schema: 'dbo', name: v.table };
  }
  const obj = name[name.length - 1];
  const schema = name.length >= 2 && name[name.length - 2] !== '' ? name[name.length - 2] : 'dbo';
  const db = name.length >= 3 ? host.database(name[name.length - 3]) : host.db;
  if (!db) throw err.invalidObject(name.join('.'));
  return { db, schema, name: obj };
}

/** A user table's rows as a relation (computed columns evaluated); `carry` adds the hidden row reference. */
export function tableRelation(t: Table, qual: string, host: Host, schemaName?: string, carry = false): Relation {
  const visible = host.compiledColumns(t.objectId);
  const cols = visible ? t.columns.filter((c) => visible.has(c.name.toLowerCase())) : t.columns;
  // With a column set, * returns it instead of the sparse columns (column-sets.ts).
  const columnSet = columnSetOf(t);
  const hiddenFromStar = (c: Column): boolean => c.hidden === true || (columnSet !== undefined && c.sparse === true);
  const columns: ScopeColumn[] = cols.map((c) => ({ qual, schema: schemaName, table: t.name, name: c.name, type: c.type, nullable: c.nullable, source: { table: t, column: c.name }, ...(hiddenFromStar(c) ? { hidden: true } : {}) }));
  const rows = t.rows.map((r) => cols.map((c) => (c.columnSet === true ? columnSetValue(t, r) : r[c.columnId] ?? null)));
  // A node or edge table's pseudo-columns ($node_id, ...) read the columns behind them; hidden, so * leaves them out (graph.ts).
  for (const p of pseudoColumnsOf(t)) {
    columns.push({ qual, schema: schemaName, table: t.name, name: p.name, type: p.column.type, nullable: p.column.nullable, hidden: true });
    rows.forEach((row, i) => row.push(t.rows[i]?.[p.column.columnId] ?? null));
  }
  if (carry) {
    columns.push({ qual, schema: schemaName, table: t.name, name: ROW_REF, type: { name: 'int', maxLength: 4, precision: 10, scale: 0 }, nullable: false, hidden: true, rowOf: t });
    rows.forEach((r, i) => r.push(i));
  }
  cols.forEach((c, i) => {
    if (!c.computed) return;
    const expr = c.computed.expr;
    rows.forEach((row) => { row[i] = evaluate(expr, { columns, row }, host); });
  });
  // Row-level security: an enabled FILTER predicate hides the rows it does not let through (security-policies.ts).
  return { columns, rows: filterRows(t, columns, rows, host) };
}

function fromRelation(item: FromItem, host: Host, outer: Scope | undefined, carry: Carry = false): Relation {
  const track = carry === true || carry === item;
  const inner: Carry = track;
  switch (item.k) {
    case 'table': {
      const pseudo = item.name.length === 1 ? host.pseudoTable?.(item.name[0]) : undefined;
      if (pseudo) { const qual = item.alias ?? item.name[0]; return { columns: pseudo.columns.map((c) => ({ ...c, qual })), rows: pseudo.rows }; }
      const cte = cteRelation(item, (sel) => asRelation(executeSelect(sel, host, undefined, false, inner), ''));
      if (cte) return cte;
      const { db, schema, name } = resolveName(host, item.name);
      const qual = item.alias ?? name;
      const sv = systemView(schema, name);
      if (sv && (sameName(schema, 'sys') || sameName(schema, 'INFORMATION_SCHEMA') || isCdcTable(db, schema, name))) {
        // Database-scoped DMVs need VIEW DATABASE STATE (sys-dm-db-partition-stats-transact-sql.md,
        // "Permissions"); the refusal's number and text are inferred (Msg 300, as for other
        // denied permissions).
        // sys.index_resumable_operations arrived in SQL Server 2017 (14.x) (sys-index-resumable-operations.md, "Applies to").
        if (sameName(name, 'index_resumable_operations') && catalogMajor(host.productVersion, host.edition.engineEdition) < 14) throw err.invalidObject(item.name.join('.'));
        // Edge constraints arrived in SQL Server 2019 (15.x) (sys-edge-constraints-transact-sql.md, "Applies to").
        if ((sameName(name, 'edge_constraints') || sameName(name, 'edge_constraint_clauses')) && catalogMajor(host.productVersion, host.edition.engineEdition) < 15) throw err.invalidObject(item.name.join('.'));
        // Row-level security arrived in SQL Server 2016 (13.x) (sys-security-policies-transact-sql.md, "Applies to").
        if ((sameName(name, 'security_policies') || sameName(name, 'security_predicates')) && catalogMajor(host.productVersion, host.edition.engineEdition) < 13) throw err.invalidObject(item.name.join('.'));
        if (sameName(name, 'dm_db_partition_stats') && !host.viewDatabaseState) {
          throw new SqlError(300, 14, 1, `VIEW DATABASE STATE permission was denied on object '${db.name}', database '${db.name}'.`);
        }
        // Temporary tables live in tempdb on SQL Server: the current database's catalog leaves them out (temp-tables.ts).
        const shown = db.tables.some((t) => isTempTable(t.name)) ? { ...db, tables: db.tables.filter((t) => !isTempTable(t.name)) } : db;
        // The view as the reported version has it: columns a later version added are absent (view-versions.ts).
        const at = viewAtVersion(`${schema.toLowerCase()}.${name.toLowerCase()}`, sv, catalogMajor(host.productVersion, host.edition.engineEdition));
        return { columns: at.columns.map((c) => ({ qual, schema, table: name, name: c.name, type: c.type, nullable: c.nullable })), rows: at.rows(shown, host.allDatabases()) };
      }
      const t = findTable(db, schema, name);
      // A view's body reads its tables here too: a disabled clustered index stops it (index-disable.ts).
      if (t) checkReadable(t);
      if (t && item.systemTime) {
        const history = historyOf(db, t);
        const historyRows = history ? tableRelation(history, qual, host, undefined) : { columns: [], rows: [] };
        return systemTimeRelation(db, t, item.systemTime, tableRelation(t, qual, host, findSchema(db, schema)?.name), historyRows, host);
      }
      if (t) return tableRelation(t, qual, host, findSchema(db, schema)?.name, track);
      if (item.systemTime) throw err.notSupported('FOR SYSTEM_TIME on a view or synonym');
      const view = findModule(db, [schema, name]);
      if (view?.type === 'V') return viewRelation(view, db, findSchema(db, schema)?.name ?? schema, qual, host, (sel, h) => asRelation(executeSelect(sel, h, undefined, false, inner), qual));
      // A synonym reads as its base object, under the synonym's name (or the alias).
      const base = synonymBase(host, db, schema, name);
      if (base !== undefined) return fromRelation({ ...item, name: base.name, alias: qual }, host, outer, carry);
      throw err.invalidObject(item.name.join('.'));
    }
    case 'tvf': return asRelation(tvfRows(item.name, item.args.map((a) => evaluate(a, outer, host)), host, item.args), item.alias ?? item.name[item.name.length - 1]);
    case 'derived': {
      const r = executeSelect(item.sub, host, outer, false, inner);
      return { columns: r.columns.map((c) => ({ ...c, qual: item.alias })), rows: r.rows };
    }
    case 'apply': {
      // CROSS / OUTER APPLY (from-transact-sql.md): the right side runs once per left row, seeing
      // that row's columns; OUTER APPLY keeps a left row the right side gives nothing for.
      const l = fromRelation(item.l, host, outer, carry);
      let rColumns: readonly ScopeColumn[] | undefined;
      const rows: Value[][] = [];
      for (const lr of l.rows) {
        const r = fromRelation(item.r, host, { columns: l.columns, row: lr, parent: outer }, carry);
        rColumns ??= r.columns;
        for (const rr of r.rows) rows.push([...lr, ...rr]);
        if (r.rows.length === 0 && item.outer) rows.push([...lr, ...r.columns.map(() => null)]);
      }
      rColumns ??= fromRelation(item.r, host, { columns: l.columns, row: l.columns.map(() => null), parent: outer }, carry).columns;
      return { columns: [...l.columns, ...rColumns.map((c) => (item.outer ? { ...c, nullable: true } : c))], rows };
    }
    case 'join': {
      const l = fromRelation(item.l, host, outer, carry);
      const r = fromRelation(item.r, host, outer, carry);
      const columns = [...l.columns.map((c) => (item.type === 'RIGHT' || item.type === 'FULL' ? { ...c, nullable: true } : c)), ...r.columns.map((c) => (item.type === 'LEFT' || item.type === 'FULL' ? { ...c, nullable: true } : c))];
      const rows: Value[][] = [];
      const rightMatched = new Set<number>();
      const nullsL = l.columns.map(() => null);
      const nullsR = r.columns.map(() => null);
      // With integer equalities in ON, only the right rows of the same key are tested (join-keys.ts).
      const keys = item.on && r.rows.length > 1 ? joinKeys(item.on, columns, l.columns.length) : null;
      const byKey = keys === null ? null : indexRows(r.rows, keys.right);
      const every = r.rows.map((_, i) => i);
      for (const lr of l.rows) {
        let matched = false;
        const key = keys === null ? undefined : keyOf(lr, keys.left);
        const candidates = byKey === null ? every : key === null ? [] : byKey.get(key as string) ?? [];
        for (const ri of candidates) {
          const row = [...lr, ...(r.rows[ri] as Value[])];
          if (!item.on || test(item.on, { columns, row, parent: outer }, host) === true) { rows.push(row); matched = true; rightMatched.add(ri); }
        }
        if (!matched && (item.type === 'LEFT' || item.type === 'FULL')) rows.push([...lr, ...nullsR]);
      }
      if (item.type === 'RIGHT' || item.type === 'FULL') r.rows.forEach((rr, ri) => { if (!rightMatched.has(ri)) rows.push([...nullsL, ...rr]); });
      return { columns, rows };
    }
  }
}

/** A SELECT's result as a relation qualified by `qual`. */
export function asRelation(r: SelectResult, qual: string): Relation {
  return { columns: r.columns.map((c) => ({ ...c, qual })), rows: r.rows };
}

/** The FROM clause's relation: its items cross-joined; `carry` says which carry row references. */
export function buildFrom(from: readonly FromItem[], host: Host, outer: Scope | undefined, carry: Carry = false): Relation {
  let rel: Relation = { columns: [], rows: [[]] };
  for (const f of from) {
    const r = fromRelation(f, host, outer, carry);
    rel = rel.columns.length === 0 && rel.rows.length === 1 && rel.rows[0].length === 0 ? r : { columns: [...rel.columns, ...r.columns], rows: rel.rows.flatMap((a) => r.rows.map((b) => [...a, ...b])) };
  }
  return rel;
}

function itemName(e: Expr, alias: string | undefined): string {
  if (alias !== undefined) return alias;
  if (e.k === 'col') return e.parts[e.parts.length - 1];
  return '';
}


/** The output column types of a SELECT (without running it). */
export function selectTypes(sel: Select, host: Host, outer: Scope | undefined): SqlType[] {
  return executeSelect({ ...sel, where: { k: 'lit', v: 0, lt: 'int', text: '0' } }, host, outer, true).columns.map((c) => c.type);
}

/**
 * Runs a SELECT; `outer` is the enclosing query's scope for correlated subqueries. With `carry`,
 * the base rows' references its FROM carries are output too, hidden, after its columns.
 */
export function executeSelect(sel: Select, host: Host, outer: Scope | undefined, typesOnly = false, carry: Carry = false): SelectResult {
  if (sel.with) { const ctes = sel.with; return withCtes(ctes, sel.maxRecursion, () => executeSelect({ ...sel, with: undefined }, host, outer, typesOnly, carry)); }
  const rel = buildFrom(sel.from, host, outer, carry);
  const columns = rel.columns;
  const scopeOf = (row: readonly Value[], group?: readonly (readonly Value[])[]): Scope => ({ columns, row, group, parent: outer });
  let rows = rel.rows;
  for (const clause of [sel.where, sel.having, ...sel.groupBy]) if (windowsIn(clause).length > 0) throw windowedOutsideSelect();
  if (sel.where) { const w = sel.where; rows = rows.filter((row) => test(w, scopeOf(row), host) === true); }

  // Expand * and type the output.
  const items: { expr: Expr; name: string; assign?: string; hidden?: boolean }[] = [];
  for (const it of sel.items) {
    if (it.expr.k === 'star') {
      const q = it.expr.qual;
      // HIDDEN period columns are left out of * (they are read by name).
      const picked = columns.map((c, i) => ({ c, i })).filter(({ c }) => (q === undefined || sameName(c.qual, q)) && c.hidden !== true);
      if (q !== undefined && picked.length === 0) throw err.invalidObject(q);
      for (const { c } of picked) items.push({ expr: { k: 'col', parts: [c.qual, c.name] }, name: c.name });
    } else items.push({ expr: it.expr, name: itemName(it.expr, it.alias), assign: it.assign });
  }
  if (carry !== false) columns.forEach((c, i) => { if (c.rowOf) items.push({ expr: { k: 'col', parts: [c.qual, ROW_REF] }, name: ROW_REF, hidden: true }); void i; });
  const typingScope = scopeOf(columns.map(() => null));
  const outCols = items.map((it): OutColumn => {
    const type = typeOf(it.expr, typingScope, host);
    const col = it.expr.k === 'col' ? resolveColumn(typingScope, it.expr.parts).col : undefined;
    if (it.hidden) return { name: it.name, type, nullable: false, hidden: true, rowOf: col?.rowOf };
    return { name: it.name, type, nullable: col ? col.nullable : true, ...(col?.source ? { source: col.source } : {}) };
  });
  for (const g of sel.groupBy) typeOf(g, typingScope, host); // raises 207 for unknown grouping columns
  if (typesOnly) return { columns: outCols, rows: [], assigned: false };

  const aggregating = sel.groupBy.length > 0 || items.some((i) => hasAggregate(i.expr)) || (sel.having ? hasAggregate(sel.having) : false);
  let scopes: Scope[];
  if (aggregating) {
    if (sel.rollup !== undefined) scopes = rolledUpScopes(sel.groupBy, sel.rollup, rows, columns, scopeOf, host);
    else {
      const groups = new Map<string, Value[][]>();
      if (sel.groupBy.length === 0) groups.set('', rows);
      else for (const row of rows) {
        const key = groupKey(sel.groupBy.map((g) => evaluate(g, scopeOf(row), host)));
        const list = groups.get(key);
        if (list) list.push(row); else groups.set(key, [row]);
      }
      scopes = [...groups.values()].map((g) => scopeOf(g[0] ?? columns.map(() => null), g));
    }
    if (sel.having) { const h = sel.having; scopes = scopes.filter((s) => test(h, s, host) === true); }
  } else scopes = rows.map((row) => scopeOf(row));
  const overs = [...items.flatMap((i) => windowsIn(i.expr)), ...sel.orderBy.flatMap((o) => windowsIn(o.expr))];
  if (overs.length > 0) {
    const values = computeWindows(overs, scopes, host, (e, s) => evaluate(e, s, host));
    scopes = scopes.map((s, index) => ({ ...s, windows: { values, index } }));
  }

  let out = scopes.map((s) => ({ scope: s, vals: items.map((it) => evaluate(it.expr, s, host)) }));
  if (sel.distinct) {
    const seen = new Set<string>();
    out = out.filter((o) => { const k = groupKey(o.vals); if (seen.has(k)) return false; seen.add(k); return true; });
  }
  if (sel.orderBy.length > 0) {
    const keyOf = (o: { scope: Scope; vals: Value[] }, e: Expr): Value => {
      if (e.k === 'lit' && e.lt === 'int') return o.vals[Number(e.v) - 1] ?? null;
      if (e.k === 'col' && e.parts.length === 1) {
        const idx = items.findIndex((it) => sameName(it.name, e.parts[0]) && !(it.expr.k === 'col' && columns.filter((c) => sameName(c.name, e.parts[0])).length > 1));
        if (idx >= 0 && (items[idx].expr.k !== 'col' || sel.items.some((si) => si.alias !== undefined && sameName(si.alias, e.parts[0])))) return o.vals[idx];
      }
      return evaluate(e, o.scope, host);
    };
    const keyed = out.map((o) => ({ o, keys: sel.orderBy.map((ob) => keyOf(o, ob.expr)) }));
    const desc = sel.orderBy.map((o) => o.desc);
    keyed.sort((a, b) => compareKeys(a.keys, b.keys, desc));
    out = keyed.map((k) => k.o);
  }
  if (sel.top) { const n = Number(evaluate(sel.top, undefined, host)); out = out.slice(0, n); }
  if (sel.offset) {
    // A negative OFFSET or a FETCH below 1 is Msg 10742 / 10744 (select-order-by-clause-transact-sql.md).
    const skip = Number(evaluate(sel.offset.skip, undefined, host));
    if (skip < 0) throw new SqlError(10742, 16, 1, 'The offset specified in a OFFSET clause may not be negative.');
    const fetch = sel.offset.fetch === undefined ? Infinity : Number(evaluate(sel.offset.fetch, undefined, host));
    if (fetch < 1) throw new SqlError(10744, 16, 1, 'The number of rows provided for a FETCH clause must be greater then zero.');
    out = out.slice(skip, skip + fetch);
  }
  let resultRows = out.map((o) => o.vals);
  if (sel.union) {
    const next = executeSelect(sel.union.next, host, outer);
    resultRows = [...resultRows, ...next.rows];
    if (!sel.union.all) { const seen = new Set<string>(); resultRows = resultRows.filter((r) => { const k = groupKey(r); if (seen.has(k)) return false; seen.add(k); return true; }); }
  }
  return { columns: outCols, rows: resultRows, assigned: items.some((i) => i.assign !== undefined) };
}

