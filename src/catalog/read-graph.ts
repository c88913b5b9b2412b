/**
 * SQL Graph in the catalog rows: sys.tables is_node / is_edge, sys.columns graph_type, and
 * sys.edge_constraints with sys.edge_constraint_clauses.
 * https://learn.microsoft.com/sql/relational-databases/graphs/sql-graph-architecture ("Metadata"):
 * graph_type 1 GRAPH_ID (graph_id_<hex>, bigint, hidden), 2 GRAPH_ID_COMPUTED ($node_id_<hex> or
 * $edge_id_<hex>), 3 GRAPH_FROM_ID, 4 GRAPH_FROM_OBJ_ID, 5 GRAPH_FROM_ID_COMPUTED ($from_id_<hex>),
 * 6 GRAPH_TO_ID, 7 GRAPH_TO_OBJ_ID, 8 GRAPH_TO_ID_COMPUTED ($to_id_<hex>); NULL for user columns.
 * These columns are SQL Server's, never the schema's: they stay out of the model. So does the
 * unique nonclustered index SQL Server makes on graph_id when CREATE TABLE declares none on
 * $node_id / $edge_id ("a default unique, non-clustered index is automatically created"), named
 * GRAPH_UNIQUE_INDEX_<hex> (the name as SSMS scripts it; inferred from public scripts, e.g.
 * `INDEX [GRAPH_UNIQUE_INDEX_DE85AB72B56643B39B9B8FE9C6E9717B] UNIQUE NONCLUSTERED ($node_id)`).
 */
import type { EdgeConstraint, GraphKind } from '../model';
import type { CatalogSnapshot, ColumnRow } from './snapshot-types';
import { appendTo } from '../util/group-by';

/** What the rows say about graph tables. */
export interface GraphFacts {
  /** AS NODE / AS EDGE, by table object_id (ordinary tables are absent). */
  readonly kinds: ReadonlyMap<number, GraphKind>;
  /** `object_id:column_id` of SQL Server's graph columns. */
  readonly columns: ReadonlySet<string>;
  /** `object_id:index_id` of the unique index SQL Server made on graph_id by itself. */
  readonly builtInIndexes: ReadonlySet<string>;
  /** Edge constraints by their edge table's object_id, sorted by name. */
  readonly edgeConstraints: ReadonlyMap<number, readonly EdgeConstraint[]>;
}

/** Whether a column row is one of SQL Server's graph columns. */
export function isGraphColumn(c: ColumnRow): boolean {
  return c.graph_type !== undefined && c.graph_type !== null;
}

/**
 * The pseudo-column a graph column stands behind, as queries and CREATE INDEX name it:
 * $node_id / $edge_id (graph_type 1, 2), $from_id (3, 4, 5), $to_id (6, 7, 8).
 */
export function pseudoColumnOf(graphType: number, kind: GraphKind | undefined): string {
  if (graphType >= 3 && graphType <= 5) return '$from_id';
  if (graphType >= 6 && graphType <= 8) return '$to_id';
  return kind === 'edge' ? '$edge_id' : '$node_id';
}

const BUILT_IN_INDEX = /^GRAPH_UNIQUE_INDEX_[0-9A-F]+$/i;

/** Reads the graph facts of a (validated) snapshot. */
export function graphFacts(s: CatalogSnapshot): GraphFacts {
  const kinds = new Map<number, GraphKind>();
  for (const t of s.tables) {
    if (t.is_node === true) kinds.set(t.object_id, 'node');
    else if (t.is_edge === true) kinds.set(t.object_id, 'edge');
  }
  const columns = new Set<string>();
  const graphIds = new Set<string>();
  if (kinds.size > 0) {
    for (const c of s.columns) {
      if (!isGraphColumn(c)) continue;
      columns.add(`${c.object_id}:${c.column_id}`);
      if (c.graph_type === 1) graphIds.add(`${c.object_id}:${c.column_id}`);
    }
  }
  const builtInIndexes = new Set<string>();
  if (graphIds.size > 0) {
    const keys = new Map<string, number[]>();
    for (const ic of s.index_columns) if (!ic.is_included_column) appendTo(keys, `${ic.object_id}:${ic.index_id}`, ic.column_id);
    for (const i of s.indexes) {
      const k = `${i.object_id}:${i.index_id}`;
      const cols = keys.get(k) ?? [];
      if (BUILT_IN_INDEX.test(i.name) && i.is_unique && i.type_desc === 'NONCLUSTERED' && !i.is_primary_key && !i.is_unique_constraint
        && !i.has_filter && cols.length === 1 && graphIds.has(`${i.object_id}:${cols[0]}`)) builtInIndexes.add(k);
    }
  }
  return { kinds, columns, builtInIndexes, edgeConstraints: edgeConstraintsOf(s) };
}

/** sys.edge_constraints with their clauses (clause_number order), by edge table. */
function edgeConstraintsOf(s: CatalogSnapshot): Map<number, EdgeConstraint[]> {
  const out = new Map<number, EdgeConstraint[]>();
  if (s.edge_constraints === undefined || s.edge_constraints.length === 0) return out;
  const tables = new Map(s.tables.map((t) => [t.object_id, t]));
  const clauses = new Map<number, { clause_number: number; from_object_id: number; to_object_id: number }[]>();
  for (const c of s.edge_constraint_clauses ?? []) appendTo(clauses, c.object_id, c);
  for (const e of s.edge_constraints) {
    const connections = [...(clauses.get(e.object_id) ?? [])].sort((a, b) => a.clause_number - b.clause_number).map((c) => {
      const from = tables.get(c.from_object_id);
      const to = tables.get(c.to_object_id);
      // validateSnapshot proved every reference resolves; a miss here is a bug, not user input.
      if (from === undefined || to === undefined) throw new Error(`catalog: a clause of edge constraint ${e.name} names a table that is not in the snapshot`);
      return { fromSchema: from.schema_name, fromTable: from.name, toSchema: to.schema_name, toTable: to.name };
    });
    appendTo(out, e.parent_object_id, {
      name: e.name, isSystemNamed: e.is_system_named, connections,
      onDelete: e.delete_referential_action_desc === 'CASCADE' ? 'CASCADE' : 'NO_ACTION',
    });
  }
  for (const list of out.values()) list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return out;
}
