/**
 * SQL Graph node and edge tables (SQL Server 2017+; edge constraints 2019+), as SQL Server keeps them:
 * https://learn.microsoft.com/sql/relational-databases/graphs/sql-graph-architecture ("Metadata"),
 * https://learn.microsoft.com/sql/t-sql/statements/create-table-sql-graph,
 * https://learn.microsoft.com/sql/relational-databases/tables/graph-edge-constraints.
 *
 * CREATE TABLE ... AS NODE puts two internal columns before the user's: graph_id_<hex> (bigint,
 * hidden, graph_type 1) and $node_id_<hex> (nvarchar, graph_type 2); AS EDGE puts eight:
 * graph_id, $edge_id, from_obj_id (int, 4), from_id (bigint, 3), $from_id (5), to_obj_id (7),
 * to_id (6), $to_id (8), the internal ones hidden. Unless the statement declares one on the id,
 * SQL Server adds a unique nonclustered index on graph_id, named GRAPH_UNIQUE_INDEX_<hex>.
 * Inferred: the columns leading the user's, their exact types (nvarchar(1000) for the JSON ids)
 * and nullability, one 32-digit upper-case hex suffix per column (derived from the object id
 * here, random-looking on SQL Server), the index taking graph_id's suffix, and the error numbers
 * 13930 / 13931 / 13933 and their wording.
 */
import { createHash } from 'crypto';
import type { Column, Database, EdgeConstraintObject, Row, Table } from './catalog';
import { allocObjectId, findSchema, findTable, graphPseudoColumn, sameName } from './catalog';
import type { IndexDef, Name } from './ast';
import { SqlError, err } from './errors';
import { ty } from './types';

/** A graph column's graph_type: the kind the pseudo-column names and the internal columns behind it. */
const NODE_COLUMNS: readonly [string, number][] = [['graph_id', 1], ['$node_id', 2]];
const EDGE_COLUMNS: readonly [string, number][] = [
  ['graph_id', 1], ['$edge_id', 2], ['from_obj_id', 4], ['from_id', 3], ['$from_id', 5], ['to_obj_id', 7], ['to_id', 6], ['$to_id', 8],
];

function suffix(objectId: number, base: string): string {
  return createHash('md5').update(`${objectId}:${base}`).digest('hex').toUpperCase();
}

/** The internal columns of a new node or edge table, column ids 1.. (the user's follow). */
export function graphColumns(kind: 'node' | 'edge', objectId: number): Column[] {
  return (kind === 'node' ? NODE_COLUMNS : EDGE_COLUMNS).map(([base, graphType], i) => {
    const json = base.startsWith('$');
    const type = json ? ty.nvarchar(1000) : graphType === 4 || graphType === 7 ? ty.int : ty.bigint;
    return {
      columnId: i + 1, name: `${base}_${suffix(objectId, base)}`, type, nullable: false, collation: json ? 'SQL_Latin1_General_CP1_CI_AS' : null,
      defaultObjectId: 0, graphType, ...(json ? {} : { hidden: true }),
    };
  });
}

/** The unique nonclustered index SQL Server makes on graph_id, created after the table's declared keys. */
export function graphIndexDef(t: Table): Omit<IndexDef, 'table'> {
  const graphId = t.columns.find((c) => c.graphType === 1) as Column;
  return { name: `GRAPH_UNIQUE_INDEX_${graphId.name.slice('graph_id_'.length)}`, unique: true, clustered: false, columns: [{ name: graphId.name, desc: false }], include: [] };
}

/** The pseudo-columns a node or edge table shows and the columns behind them. */
export function pseudoColumnsOf(t: Table): { name: string; column: Column }[] {
  if (t.graph === undefined) return [];
  const names = t.graph.kind === 'node' ? ['$node_id'] : ['$edge_id', '$from_id', '$to_id'];
  return names.flatMap((name) => { const column = graphPseudoColumn(t, name); return column === undefined ? [] : [{ name, column }]; });
}

/**
 * An index key on a pseudo-column is on its internal columns: $node_id / $edge_id on graph_id,
 * $from_id on from_obj_id and from_id, $to_id on to_obj_id and to_id (sql-graph-architecture:
 * "any index on a graph pseudo column is created on the underlying internal columns").
 */
export function expandGraphKeys(t: Table, keys: readonly { name: string; desc: boolean }[]): { name: string; desc: boolean }[] {
  if (t.graph === undefined) return [...keys];
  const named = (graphType: number): string => (t.columns.find((c) => c.graphType === graphType) as Column).name;
  return keys.flatMap((k) => {
    const p = graphPseudoColumn(t, k.name);
    if (p === undefined) return [k];
    if (p.graphType === 2) return [{ name: named(1), desc: k.desc }];
    return p.graphType === 5 ? [{ name: named(4), desc: k.desc }, { name: named(3), desc: k.desc }] : [{ name: named(7), desc: k.desc }, { name: named(6), desc: k.desc }];
  });
}

/** The JSON a $node_id / $edge_id shows: {"type":"node","schema":"dbo","table":"person","id":0}. */
function graphJson(kind: 'node' | 'edge', schema: string, table: string, id: number): string {
  return JSON.stringify({ type: kind, schema, table, id });
}

/**
 * Fills a new row's graph columns: the next graph id and its JSON, and for an edge the object id
 * and graph id behind the $from_id / $to_id the INSERT wrote (NULL when they name no node table,
 * so NOT NULL reports Msg 515 on from_obj_id / to_obj_id).
 */
export function settleGraphRow(db: Database, t: Table, row: Row): void {
  const graph = t.graph;
  if (graph === undefined) return;
  const col = (graphType: number) => t.columns.find((c) => c.graphType === graphType) as Column;
  const id = graph.nextId++;
  row[col(1).columnId] = id;
  row[col(2).columnId] = graphJson(graph.kind, db.schemas.find((s) => s.schemaId === t.schemaId)?.name ?? 'dbo', t.name, id);
  if (graph.kind !== 'edge') return;
  for (const [json, obj, gid] of [[5, 4, 3], [8, 7, 6]] as const) {
    const node = nodeOf(db, row[col(json).columnId]);
    row[col(obj).columnId] = node?.objectId ?? null;
    row[col(gid).columnId] = node?.id ?? null;
    if (node === undefined) row[col(json).columnId] = null;
    else row[col(json).columnId] = graphJson('node', node.schema, node.table, node.id);
  }
}

/** The node a $node_id JSON names, when it is a node table of this database. */
function nodeOf(db: Database, v: unknown): { objectId: number; schema: string; table: string; id: number } | undefined {
  if (typeof v !== 'string') return undefined;
  let parsed: { type?: unknown; schema?: unknown; table?: unknown; id?: unknown };
  try { parsed = JSON.parse(v) as typeof parsed; } catch { return undefined; }
  if (parsed.type !== 'node' || typeof parsed.schema !== 'string' || typeof parsed.table !== 'string' || typeof parsed.id !== 'number') return undefined;
  const t = findTable(db, parsed.schema, parsed.table);
  if (t?.graph?.kind !== 'node') return undefined;
  return { objectId: t.objectId, schema: db.schemas.find((s) => s.schemaId === t.schemaId)?.name ?? parsed.schema, table: t.name, id: parsed.id };
}

/** An edge row against the table's edge constraints: its pair of node tables must be one a clause of each admits (Msg 547). */
export function checkEdgeRows(db: Database, t: Table, rows: readonly Row[], stmt: string): void {
  const from = t.columns.find((c) => c.graphType === 4);
  const to = t.columns.find((c) => c.graphType === 7);
  if (!from || !to) return;
  for (const e of t.edgeConstraints ?? []) {
    for (const row of rows) {
      if (!e.clauses.some((c) => c.from === row[from.columnId] && c.to === row[to.columnId])) {
        const schema = db.schemas.find((s) => s.schemaId === t.schemaId)?.name ?? 'dbo';
        // The wording follows the FOREIGN KEY conflict's (inferred).
        throw new SqlError(547, 16, 0, `The ${stmt} statement conflicted with the EDGE constraint "${e.name}". The conflict occurred in database "${db.name}", table "${schema}.${t.name}".`, 'statement', [new SqlError(3621, 0, 0, 'The statement has been terminated.')]);
      }
    }
  }
}

/** CONSTRAINT c CONNECTION (a TO b, ...) [ON DELETE ...] on `t` (CREATE TABLE or ALTER TABLE ADD). */
export function addEdgeConstraint(
  db: Database, t: Table, name: string | undefined, clauses: readonly { from: Name; to: Name }[], cascade: boolean, now: Date,
): void {
  const objectId = allocObjectId(db);
  const cname = name ?? `EC__${t.name.slice(0, 8)}__${objectId.toString(16).toUpperCase().padStart(8, '0').slice(-8)}`;
  if (t.graph?.kind !== 'edge') throw err.constraintFailed(new SqlError(13930, 16, 1, `Edge constraint '${cname}' can only be created on an edge table; '${t.name}' is not an edge table.`));
  const resolved = clauses.map((c) => ({ from: nodeTable(db, cname, c.from), to: nodeTable(db, cname, c.to) }));
  const e: EdgeConstraintObject = { objectId, name: cname, clauses: resolved, onDelete: cascade ? 'CASCADE' : 'NO_ACTION', systemNamed: name === undefined, created: now, modified: now };
  // New constraints check the rows already there (WITH CHECK is the default).
  checkEdgeRows(db, { ...t, edgeConstraints: [e] }, t.rows, 'ALTER TABLE');
  t.edgeConstraints = [...(t.edgeConstraints ?? []), e];
}

function nodeTable(db: Database, constraint: string, name: Name): number {
  const schema = name.length >= 2 ? name[name.length - 2] : 'dbo';
  const table = findSchema(db, schema) ? findTable(db, schema, name[name.length - 1]) : undefined;
  if (!table) throw err.constraintFailed(new SqlError(13931, 16, 1, `Edge constraint '${constraint}' references table '${name.join('.')}', which does not exist.`));
  if (table.graph?.kind !== 'node') throw err.constraintFailed(new SqlError(13933, 16, 1, `Edge constraint '${constraint}' can only reference node tables; '${table.name}' is not a node table.`));
  return table.objectId;
}

/** ALTER TABLE DROP CONSTRAINT of an edge constraint; false when `t` has none of that name. */
export function dropEdgeConstraint(t: Table, name: string): boolean {
  const e = t.edgeConstraints?.find((x) => sameName(x.name, name));
  if (e === undefined) return false;
  t.edgeConstraints = (t.edgeConstraints ?? []).filter((x) => x !== e);
  return true;
}

/** A node table an edge constraint names cannot be dropped (graph-edge-constraints; the message is inferred, as 3726's). */
export function guardDropNodeTable(db: Database, t: Table, qualifiedName: string): void {
  if (t.graph?.kind !== 'node') return;
  const used = db.tables.some((o) => o !== t && (o.edgeConstraints ?? []).some((e) => e.clauses.some((c) => c.from === t.objectId || c.to === t.objectId)));
  if (used) throw new SqlError(3726, 16, 1, `Could not drop object '${qualifiedName}' because it is referenced by an EDGE constraint.`);
}

/**
 * Deleting nodes that edges connect (graph-edge-constraints, "ON DELETE referential actions"):
 * an edge table whose edge constraints name the node table either loses those edges (every such
 * constraint ON DELETE CASCADE) or refuses the delete (NO ACTION, Msg 547; wording inferred from
 * the foreign key's). Edge tables without a constraint naming the table are left alone, as SQL
 * Server does not check them.
 */
export function deleteConnectedEdges(db: Database, t: Table, gone: readonly Row[], cascade: (edge: Table, rows: Row[]) => void): void {
  if (t.graph?.kind !== 'node' || gone.length === 0) return;
  const graphId = t.columns.find((c) => c.graphType === 1) as Column;
  const ids = new Set(gone.map((r) => r[graphId.columnId]));
  for (const edge of db.tables) {
    const naming = (edge.edgeConstraints ?? []).filter((e) => e.clauses.some((c) => c.from === t.objectId || c.to === t.objectId));
    if (naming.length === 0) continue;
    const col = (graphType: number) => (edge.columns.find((c) => c.graphType === graphType) as Column).columnId;
    const [fromObj, fromId, toObj, toId] = [col(4), col(3), col(7), col(6)];
    const hit = edge.rows.filter((r) => (r[fromObj] === t.objectId && ids.has(r[fromId] ?? null)) || (r[toObj] === t.objectId && ids.has(r[toId] ?? null)));
    if (hit.length === 0) continue;
    const refusing = naming.find((e) => e.onDelete === 'NO_ACTION');
    if (refusing === undefined) { cascade(edge, hit); continue; }
    const schema = db.schemas.find((s) => s.schemaId === edge.schemaId)?.name ?? 'dbo';
    throw new SqlError(547, 16, 0, `The DELETE statement conflicted with the EDGE REFERENCE constraint "${refusing.name}". The conflict occurred in database "${db.name}", table "${schema}.${edge.name}".`, 'statement', [new SqlError(3621, 0, 0, 'The statement has been terminated.')]);
  }
}
