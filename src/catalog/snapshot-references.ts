/**
 * Cross-row checks of a snapshot whose rows already have the right shape: every row refers to a
 * table, column, index or foreign key that exists, and ids are unique. A hand-edited or
 * truncated file then fails with the path of the dangling row instead of a confusing model.
 */
import type { CatalogSnapshot } from './snapshot-types';

/** Where a snapshot refers to something it does not hold. */
export interface ReferenceProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * A set of (object_id, sub-id) pairs: columns and indexes of tables. Kept as numbers, one small
 * set per object, rather than as `object:id` strings built for every row and every lookup.
 */
class IdPairs {
  private readonly byObject = new Map<number, Set<number>>();
  has(objectId: number, id: number): boolean {
    return this.byObject.get(objectId)?.has(id) ?? false;
  }
  add(objectId: number, id: number): void {
    const ids = this.byObject.get(objectId);
    if (ids === undefined) this.byObject.set(objectId, new Set([id]));
    else ids.add(id);
  }
}

/**
 * The first dangling or duplicate reference in the snapshot, or null when it is consistent.
 * Index loops, not `entries()`: a snapshot has tens of thousands of rows, and the checks run
 * once, mostly before the engine has optimised them, where each [i, row] pair is an allocation.
 */
export function checkReferences(s: CatalogSnapshot): ReferenceProblem | null {
  const tables = new Set<number>();
  for (let i = 0; i < s.tables.length; i++) {
    const t = s.tables[i];
    if (tables.has(t.object_id)) return { path: `tables[${i}].object_id`, message: `duplicate object_id ${t.object_id}` };
    tables.add(t.object_id);
  }
  const columns = new IdPairs();
  for (let i = 0; i < s.columns.length; i++) {
    const c = s.columns[i];
    if (!tables.has(c.object_id)) return noTable(`columns[${i}].object_id`, c.object_id);
    if (columns.has(c.object_id, c.column_id)) return { path: `columns[${i}].column_id`, message: `duplicate column_id ${c.column_id} in table object_id ${c.object_id}` };
    columns.add(c.object_id, c.column_id);
  }
  // The path is a function so that it is only written out for a problem.
  const column = (path: () => string, objectId: number, columnId: number): ReferenceProblem | null =>
    columns.has(objectId, columnId) ? null : { path: path(), message: `no column has column_id ${columnId} in table object_id ${objectId}` };

  const indexes = new IdPairs();
  for (let i = 0; i < s.indexes.length; i++) {
    const x = s.indexes[i];
    if (!tables.has(x.object_id)) return noTable(`indexes[${i}].object_id`, x.object_id);
    if (indexes.has(x.object_id, x.index_id)) return { path: `indexes[${i}].index_id`, message: `duplicate index_id ${x.index_id} in table object_id ${x.object_id}` };
    indexes.add(x.object_id, x.index_id);
  }
  for (let i = 0; i < s.index_columns.length; i++) {
    const ic = s.index_columns[i];
    if (!indexes.has(ic.object_id, ic.index_id)) {
      return { path: `index_columns[${i}].index_id`, message: `no index has index_id ${ic.index_id} in table object_id ${ic.object_id}` };
    }
    const problem = column(() => `index_columns[${i}].column_id`, ic.object_id, ic.column_id);
    if (problem) return problem;
  }
  for (let i = 0; i < s.key_constraints.length; i++) {
    const k = s.key_constraints[i];
    if (!tables.has(k.parent_object_id)) return noTable(`key_constraints[${i}].parent_object_id`, k.parent_object_id);
    if (!indexes.has(k.parent_object_id, k.unique_index_id)) {
      return { path: `key_constraints[${i}].unique_index_id`, message: `no index has index_id ${k.unique_index_id} in table object_id ${k.parent_object_id}` };
    }
  }
  for (let i = 0; i < s.check_constraints.length; i++) {
    const c = s.check_constraints[i];
    if (!tables.has(c.parent_object_id)) return noTable(`check_constraints[${i}].parent_object_id`, c.parent_object_id);
    if (c.parent_column_id !== 0) {
      const problem = column(() => `check_constraints[${i}].parent_column_id`, c.parent_object_id, c.parent_column_id);
      if (problem) return problem;
    }
  }
  for (let i = 0; i < s.default_constraints.length; i++) {
    const d = s.default_constraints[i];
    if (!tables.has(d.parent_object_id)) return noTable(`default_constraints[${i}].parent_object_id`, d.parent_object_id);
    const problem = column(() => `default_constraints[${i}].parent_column_id`, d.parent_object_id, d.parent_column_id);
    if (problem) return problem;
  }
  const foreignKeys = new Map<number, { parent: number; referenced: number }>();
  for (let i = 0; i < s.foreign_keys.length; i++) {
    const f = s.foreign_keys[i];
    if (!tables.has(f.parent_object_id)) return noTable(`foreign_keys[${i}].parent_object_id`, f.parent_object_id);
    if (!tables.has(f.referenced_object_id)) return noTable(`foreign_keys[${i}].referenced_object_id`, f.referenced_object_id);
    if (foreignKeys.has(f.object_id)) return { path: `foreign_keys[${i}].object_id`, message: `duplicate object_id ${f.object_id}` };
    foreignKeys.set(f.object_id, { parent: f.parent_object_id, referenced: f.referenced_object_id });
  }
  for (let i = 0; i < s.foreign_key_columns.length; i++) {
    const fc = s.foreign_key_columns[i];
    const fk = foreignKeys.get(fc.constraint_object_id);
    if (fk === undefined) return { path: `foreign_key_columns[${i}].constraint_object_id`, message: `no foreign key has object_id ${fc.constraint_object_id}` };
    const problem = column(() => `foreign_key_columns[${i}].parent_column_id`, fk.parent, fc.parent_column_id)
      ?? column(() => `foreign_key_columns[${i}].referenced_column_id`, fk.referenced, fc.referenced_column_id);
    if (problem) return problem;
  }
  for (let i = 0; i < s.row_counts.length; i++) {
    const r = s.row_counts[i];
    if (!tables.has(r.object_id)) return noTable(`row_counts[${i}].object_id`, r.object_id);
  }
  for (const [i, r] of (s.table_permissions ?? []).entries()) {
    if (!tables.has(r.object_id)) return noTable(`table_permissions[${i}].object_id`, r.object_id);
    if (r.column_id !== 0) {
      const problem = column(() => `table_permissions[${i}].column_id`, r.object_id, r.column_id);
      if (problem !== null) return problem;
    }
  }
  for (const [i, r] of (s.resumable_operations ?? []).entries()) {
    if (!tables.has(r.object_id)) return noTable(`resumable_operations[${i}].object_id`, r.object_id);
  }
  const stats = new Set<string>();
  for (const [i, r] of (s.stats ?? []).entries()) {
    if (!tables.has(r.object_id)) return noTable(`stats[${i}].object_id`, r.object_id);
    stats.add(`${r.object_id}:${r.stats_id}`);
  }
  for (const [i, r] of (s.stats_columns ?? []).entries()) {
    if (!stats.has(`${r.object_id}:${r.stats_id}`)) return { path: `stats_columns[${i}].stats_id`, message: `no stats row has object_id ${r.object_id} and stats_id ${r.stats_id}` };
    const problem = column(() => `stats_columns[${i}].column_id`, r.object_id, r.column_id);
    if (problem) return problem;
  }
  const edgeConstraints = new Set<number>();
  for (const [i, e] of (s.edge_constraints ?? []).entries()) {
    if (!tables.has(e.parent_object_id)) return noTable(`edge_constraints[${i}].parent_object_id`, e.parent_object_id);
    edgeConstraints.add(e.object_id);
  }
  for (const [i, c] of (s.edge_constraint_clauses ?? []).entries()) {
    if (!edgeConstraints.has(c.object_id)) return { path: `edge_constraint_clauses[${i}].object_id`, message: `no edge constraint has object_id ${c.object_id}` };
    if (!tables.has(c.from_object_id)) return noTable(`edge_constraint_clauses[${i}].from_object_id`, c.from_object_id);
    if (!tables.has(c.to_object_id)) return noTable(`edge_constraint_clauses[${i}].to_object_id`, c.to_object_id);
  }
  for (const [i, l] of (s.ledger_tables ?? []).entries()) {
    if (!tables.has(l.object_id)) return noTable(`ledger_tables[${i}].object_id`, l.object_id);
  }
  for (const [i, c] of (s.ledger_dropped_columns ?? []).entries()) {
    const problem = column(() => `ledger_dropped_columns[${i}].column_id`, c.object_id, c.column_id);
    if (problem) return problem;
  }
  const policies = new Set((s.security_policies ?? []).map((p) => p.object_id));
  for (const [i, r] of (s.security_predicates ?? []).entries()) {
    if (!policies.has(r.object_id)) return { path: `security_predicates[${i}].object_id`, message: `no security policy has object_id ${r.object_id}` };
  }
  return null;
}

function noTable(path: string, objectId: number): ReferenceProblem {
  return { path, message: `no table has object_id ${objectId}` };
}
