/** Integrity rules over table rows: NOT NULL, CHECK, FOREIGN KEY, unique indexes (with filters). */
import type { Database, Index, Row, Table, Value } from './catalog';
import type { Host, Scope } from './scope';
import { evaluate, test } from './eval';
import { compare } from './values';
import { err, SqlError } from './errors';
import { boundRuleOf } from './ddl-bound';

/** The scope of one stored row, so checks, filters and computed columns can be evaluated on it. */
export function rowScope(t: Table, row: Row, host: Host): Scope {
  const columns = t.columns.map((c) => ({ qual: t.name, table: t.name, name: c.name, type: c.type, nullable: c.nullable }));
  const vals: Value[] = t.columns.map((c) => row[c.columnId] ?? null);
  const scope: Scope = { columns, row: vals };
  // A computed column is worked out when something reads it, as SQL Server computes a
  // non-persisted one: a CHECK on another column fails with 547 before an expression over bad
  // data (JSON_VALUE of text that is not JSON) could raise its own error.
  t.columns.forEach((c, i) => {
    const computed = c.computed;
    if (computed === undefined) return;
    let value: { readonly v: Value } | undefined;
    Object.defineProperty(vals, i, { enumerable: true, get: () => (value ??= { v: evaluate(computed.expr, scope, host) }).v });
  });
  return scope;
}

function valueText(v: Value): string {
  if (v === null) return '<NULL>';
  if (v instanceof Date) return v.toISOString().replace('T', ' ').replace('Z', '');
  return String(v);
}

/** Formats a key as SQL Server's messages do: "(a, b)" without the parentheses. */
export function keyText(vals: readonly Value[]): string { return vals.map(valueText).join(', '); }

/** The schema-qualified name SQL Server puts in messages: 'dbo.users'. */
export function qualified(db: Database, t: Table): string {
  return `${db.schemas.find((s) => s.schemaId === t.schemaId)?.name ?? 'dbo'}.${t.name}`;
}

/** True when a row falls under an index (no filter, or the filter holds). */
export function inIndex(t: Table, ix: Index, row: Row, host: Host): boolean {
  return !ix.filter || test(ix.filter.expr, rowScope(t, row, host), host) === true;
}

/** A duplicate key among `rows` for a unique index, as message text, or null. */
export function duplicateKey(t: Table, ix: Index, rows: readonly Row[], host: Host, onlyInvolving?: ReadonlySet<Row>): string | null {
  const seen: { row: Row; key: Value[] }[] = [];
  // A key over a computed column (persisted, or deterministic and precise) holds its computed
  // value (indexes-on-computed-columns); rows store only the columns that are not computed.
  const positions = ix.keys.map((k) => t.columns.findIndex((c) => c.columnId === k.columnId));
  const computed = positions.some((i) => t.columns[i]?.computed !== undefined);
  for (const row of rows) {
    if (!inIndex(t, ix, row, host)) continue;
    const values = computed ? rowScope(t, row, host).row : undefined;
    const key = ix.keys.map((k, n) => (values !== undefined ? values[positions[n] ?? -1] : row[k.columnId]) ?? null);
    const dup = seen.find((s) => s.key.every((v, i) => (v === null && key[i] === null) || (v !== null && key[i] !== null && compare(v, key[i]) === 0)));
    if (dup && (!onlyInvolving || onlyInvolving.has(row) || onlyInvolving.has(dup.row))) return keyText(key);
    seen.push({ row, key });
  }
  return null;
}

/** Checks changed rows of `t` (inserted or updated) against every rule; throws the SQL Server error. */
export function checkRows(db: Database, t: Table, allRows: readonly Row[], changed: readonly Row[], host: Host, stmt: 'INSERT' | 'UPDATE' | 'ALTER TABLE'): void {
  const tname = qualified(db, t);
  for (const row of changed) {
    for (const c of t.columns) {
      if (!c.nullable && !c.computed && (row[c.columnId] ?? null) === null) throw err.nullInto(c.name, `${db.name}.${tname}`, stmt === 'INSERT' ? 'INSERT' : 'UPDATE');
    }
  }
  // A bound rule (CREATE RULE + sp_bindrule): Msg 513 (wording and state inferred from create-rule-transact-sql: "rules ... evaluated when an INSERT or UPDATE").
  for (const c of t.columns) {
    const bound = c.ruleObjectId ? boundRuleOf(db, c) : undefined;
    if (bound === undefined) continue;
    for (const row of changed) {
      if ((row[c.columnId] ?? null) !== null && test(bound.condition, rowScope(t, row, host), host) === false) {
        throw new SqlError(513, 16, 0, `A column insert or update conflicts with a rule imposed by a previous CREATE RULE statement. The statement was terminated. The conflict occurred in database '${db.name}', table '${tname}', column '${c.name}'.`);
      }
    }
  }
  for (const ck of t.checks) {
    if (ck.disabled) continue;
    for (const row of changed) {
      if (test(ck.expr, rowScope(t, row, host), host) === false) {
        const col = t.columns.find((c) => c.columnId === ck.columnId)?.name;
        throw err.conflict(stmt, 'CHECK', ck.name, db.name, tname, col);
      }
    }
  }
  for (const fk of t.fks) {
    if (fk.disabled) continue;
    const ref = db.tables.find((x) => x.objectId === fk.refTableId);
    if (!ref) continue;
    for (const row of changed) {
      const vals = fk.columns.map((fc) => row[fc.parent] ?? null);
      if (vals.some((v) => v === null)) continue;
      const refRows = ref === t ? allRows : ref.rows;
      const ok = refRows.some((r) => fk.columns.every((fc, i) => (r[fc.ref] ?? null) !== null && compare(r[fc.ref] as Value, vals[i]) === 0));
      if (!ok) throw err.conflict(stmt, 'FOREIGN KEY', fk.name, db.name, qualified(db, ref), ref.columns.find((c) => c.columnId === fk.columns[0].ref)?.name);
    }
  }
  const changedSet = new Set(changed);
  for (const ix of t.indexes) {
    if (!ix.unique || ix.disabled) continue;
    const dup = duplicateKey(t, ix, allRows, host, changedSet);
    if (dup === null) continue;
    const key = t.keys.find((k) => k.indexId === ix.indexId);
    if (key) throw err.duplicateConstraint(key.type === 'PK' ? 'PRIMARY KEY' : 'UNIQUE KEY', key.name, tname, dup);
    throw err.duplicateIndex(tname, ix.name ?? '', dup);
  }
}

/** Rows of other tables that reference `rows` of `t` through enabled FKs: the first conflict, or null. */
export function referencingConflict(db: Database, t: Table, removed: readonly Row[], remaining: readonly Row[], stmt: 'DELETE' | 'UPDATE'): SqlError | null {
  for (const child of db.tables) {
    for (const fk of child.fks) {
      if (fk.refTableId !== t.objectId || fk.disabled) continue;
      for (const r of removed) {
        const key = fk.columns.map((fc) => r[fc.ref] ?? null);
        if (key.some((v) => v === null)) continue;
        // Still satisfied when another remaining row carries the same key.
        if (remaining.some((x) => fk.columns.every((fc, i) => (x[fc.ref] ?? null) !== null && compare(x[fc.ref] as Value, key[i]) === 0))) continue;
        const childRows = child === t ? remaining : child.rows;
        if (childRows.some((cr) => fk.columns.every((fc, i) => (cr[fc.parent] ?? null) !== null && compare(cr[fc.parent] as Value, key[i]) === 0))) {
          return err.conflict(stmt, 'REFERENCE', fk.name, db.name, qualified(db, child), child.columns.find((c) => c.columnId === fk.columns[0].parent)?.name);
        }
      }
    }
  }
  return null;
}
