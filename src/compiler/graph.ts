/**
 * SQL Graph in the schema: `@Table(..., { graph: 'node' | 'edge' })` and `@Connection(...)` edge
 * constraints, with SQL Server's rules as compile errors
 * (https://learn.microsoft.com/sql/t-sql/statements/create-table-sql-graph,
 * https://learn.microsoft.com/sql/relational-databases/tables/graph-edge-constraints,
 * https://learn.microsoft.com/sql/relational-databases/graphs/sql-graph-architecture "Limitations"):
 * a node table needs columns; node and edge tables cannot be system-versioned; an edge
 * constraint belongs on an edge table, and each of its clauses names two node tables.
 */
import type { ts } from 'ts-morph';
import type { EdgeConnection, EdgeConstraint, GraphKind } from '../model';
import { Codes } from './codes';
import type { DiagnosticBag } from './diagnostics';
import { expandTemplate } from './names';
import type { ClassReader, TableItem } from './read-classes';
import { refOf } from './source-ref';
import type { StaticValue } from './static-value';
import type { ConnectionDraft, Origin, TableDraft } from './table-draft';

/** An edge constraint's name when the schema does not give one. */
export const EDGE_CONSTRAINT_TEMPLATE = 'ec_{table}';


/** Reads `graph` of @Table; the draft's graph kind is set when it is 'node' or 'edge'. */
export function readGraphKind(draft: TableDraft, v: StaticValue | undefined, bag: DiagnosticBag): void {
  if (v === undefined || v.kind === 'null') return;
  if (v.kind !== 'string' || (v.value !== 'node' && v.value !== 'edge')) {
    bag.error(Codes.graphTable, "graph must be 'node' or 'edge'", v.node);
    return;
  }
  draft.graph = { kind: v.value as GraphKind, node: v.node };
}

/** Rules of the table itself, once its columns and options are known. */
export function checkGraphTable(draft: TableDraft, bag: DiagnosticBag): void {
  const graph = draft.graph;
  if (graph === undefined) return;
  const where = `table ${draft.schema}.${draft.name}`;
  // "Node and edge tables cannot be created as system-versioned temporal tables" (sql-graph-architecture, Limitations).
  if (draft.versioning !== undefined) bag.error(Codes.graphTable, `${where} is a ${graph.kind} table; SQL Server cannot make a node or edge table system-versioned`, draft.versioning.node);
  // CREATE TABLE ... AS NODE needs a column list (only an edge table may have no user columns).
  if (graph.kind === 'node' && draft.columns.length === 0) bag.error(Codes.graphTable, `${where} is a node table with no columns; SQL Server needs at least one column in a node table (an edge table may have none)`, graph.node);
}

/** Adds a @Connection(...) to the draft: `(clauses, opts)` or `(name, clauses, opts)`. */
export function addConnectionDraft(draft: TableDraft, item: TableItem, bag: DiagnosticBag): void {
  const a = item.args;
  const named = a[0]?.kind === 'string' || a[0]?.kind === 'unknown';
  const [nameV, clausesV, optsV] = named ? [a[0], a[1], a[2]] : [undefined, a[0], a[1]];
  let name: string;
  let origin: Origin;
  if (nameV?.kind === 'string') {
    const expanded = expandTemplate(nameV.value, draft.name, draft.schema);
    for (const u of expanded.unknown) bag.error(Codes.unknownPlaceholder, `unknown placeholder ${u} in edge constraint name; use {table} or {schema}`, nameV.node);
    name = expanded.name;
    origin = { node: item.node, nameNode: nameV.node, generated: false, what: 'edge constraint' };
  } else {
    if (nameV !== undefined) bag.error(Codes.notStatic, 'edge constraint name must be a string literal', nameV.node);
    name = expandTemplate(EDGE_CONSTRAINT_TEMPLATE, draft.name, draft.schema).name;
    origin = { node: item.node, nameNode: undefined, generated: true, what: 'edge constraint' };
  }
  if (clausesV?.kind !== 'array') {
    bag.error(Codes.notStatic, '@Connection needs an array literal of { from: () => NodeTable, to: () => NodeTable }', clausesV?.node ?? item.node);
    return;
  }
  if (clausesV.items.length === 0) {
    bag.error(Codes.edgeConstraint, `edge constraint ${name} has no clause; give at least one { from, to } pair`, clausesV.node);
    return;
  }
  const clauses: ConnectionDraft['clauses'][number][] = [];
  for (const c of clausesV.items) {
    if (c.kind !== 'object') {
      bag.error(Codes.notStatic, 'a connection clause must be an object literal { from: () => NodeTable, to: () => NodeTable }', c.node);
      continue;
    }
    clauses.push({ from: c.props.get('from'), to: c.props.get('to'), node: c.node });
  }
  let onDelete: EdgeConstraint['onDelete'] = 'NO_ACTION';
  if (optsV !== undefined) {
    const action = optsV.kind === 'object' ? optsV.props.get('onDelete') : optsV;
    if (optsV.kind !== 'object') bag.error(Codes.notStatic, 'options must be an object literal', optsV.node);
    else if (action !== undefined) {
      // The CONNECTION grammar takes ON DELETE { NO ACTION | CASCADE } only (create-table-sql-graph).
      if (action.kind === 'string' && (action.value === 'NO_ACTION' || action.value === 'CASCADE')) onDelete = action.value;
      else bag.error(Codes.edgeConstraint, "an edge constraint's onDelete must be 'NO_ACTION' or 'CASCADE' (SQL Server has no SET NULL or SET DEFAULT for edges)", action.node);
    }
  }
  draft.connectionDrafts.push({ name, origin, clauses, onDelete });
}

/** Resolves every edge constraint of every table, once every table's graph kind is known. */
export function resolveConnections(
  drafts: readonly TableDraft[], byClass: ReadonlyMap<ts.ClassDeclaration, TableDraft>, reader: ClassReader, bag: DiagnosticBag,
): void {
  for (const d of drafts) {
    if (d.connectionDrafts.length === 0) continue;
    if (d.graph?.kind !== 'edge') {
      const first = d.connectionDrafts[0];
      const kind = d.graph === undefined ? 'not a graph table' : 'a node table';
      bag.error(Codes.edgeConstraint, `edge constraint ${first.name} is on table ${d.schema}.${d.name}, which is ${kind}; edge constraints belong on edge tables (@Table(..., { graph: 'edge' }))`, first.origin.node);
      continue;
    }
    for (const c of d.connectionDrafts) {
      const connections: EdgeConnection[] = [];
      let ok = true;
      for (const clause of c.clauses) {
        const from = nodeTable(c.name, clause.from, clause.node, byClass, reader, bag);
        const to = nodeTable(c.name, clause.to, clause.node, byClass, reader, bag);
        if (from === null || to === null) { ok = false; continue; }
        if (connections.some((x) => d.key(x.fromSchema) === d.key(from.schema) && d.key(x.fromTable) === d.key(from.name)
          && d.key(x.toSchema) === d.key(to.schema) && d.key(x.toTable) === d.key(to.name))) {
          bag.error(Codes.edgeConstraint, `edge constraint ${c.name} lists ${from.name} TO ${to.name} twice`, clause.node);
          ok = false;
          continue;
        }
        connections.push({ fromSchema: from.schema, fromTable: from.name, toSchema: to.schema, toTable: to.name });
      }
      if (!ok) continue;
      const constraint: EdgeConstraint = { name: c.name, isSystemNamed: false, connections, onDelete: c.onDelete, source: refOf(c.origin.node) };
      d.edgeConstraints.push(constraint);
      d.origins.set(constraint, c.origin);
    }
  }
}

/** The node table a clause's thunk names, or null (reported). */
function nodeTable(
  constraint: string, v: StaticValue | undefined, at: ts.Node, byClass: ReadonlyMap<ts.ClassDeclaration, TableDraft>, reader: ClassReader, bag: DiagnosticBag,
): TableDraft | null {
  if (v?.kind !== 'class') {
    bag.error(Codes.notStatic, `edge constraint ${constraint}: each clause needs from: () => NodeTable and to: () => NodeTable`, v?.node ?? at);
    return null;
  }
  const target = byClass.get(v.decl);
  if (target === undefined) {
    // A table that failed to build was reported already.
    if (reader.read(v.decl).role !== 'table') bag.error(Codes.edgeConstraint, `edge constraint ${constraint} names ${v.decl.name?.text ?? 'a class'}, which is not a @Table class`, v.node);
    return null;
  }
  if (target.graph?.kind !== 'node') {
    const kind = target.graph === undefined ? 'not a graph table' : 'an edge table';
    bag.error(Codes.edgeConstraint, `edge constraint ${constraint} names table ${target.schema}.${target.name}, which is ${kind}; both tables of a clause must be node tables (@Table(..., { graph: 'node' }))`, v.node);
    return null;
  }
  return target;
}
