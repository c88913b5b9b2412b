/**
 * T-SQL of SQL Graph tables (https://learn.microsoft.com/sql/t-sql/statements/create-table-sql-graph,
 * https://learn.microsoft.com/sql/relational-databases/tables/graph-edge-constraints):
 * `AS NODE | AS EDGE` after CREATE TABLE's column list (an edge table may have none), and edge
 * constraints added and dropped with ALTER TABLE.
 */
import type { AddEdgeConstraint, DropEdgeConstraint } from '../../differ/changes';
import type { EdgeConstraint, Table } from '../../model';
import { quoteIdent, quoteQualified } from '../../sqlserver/literals';

/** CONSTRAINT c CONNECTION (a TO b, ...) [ON DELETE CASCADE]; NO ACTION is the default, left unwritten. */
export function renderEdgeConstraint(e: EdgeConstraint): string {
  const clauses = e.connections.map((c) => `${quoteQualified(c.fromSchema, c.fromTable)} TO ${quoteQualified(c.toSchema, c.toTable)}`);
  return `CONSTRAINT ${quoteIdent(e.name)} CONNECTION (${clauses.join(', ')})${e.onDelete === 'CASCADE' ? ' ON DELETE CASCADE' : ''}`;
}

/**
 * CREATE TABLE's head and column list: `CREATE TABLE t (...) AS NODE`, or `CREATE TABLE t AS
 * EDGE` for an edge table without user columns (the syntax's column list is optional there;
 * the graph-edge-constraints and create-table-sql-graph examples write `CREATE TABLE likes AS EDGE`).
 */
export function tableHead(table: Table, lines: readonly string[]): string {
  const head = `CREATE TABLE ${quoteQualified(table.schema, table.name)}`;
  const list = lines.length === 0 && table.graph === 'edge' ? '' : ` (\n${lines.map((l) => `    ${l}`).join(',\n')}\n)`;
  return `${head}${list}${table.graph === undefined ? '' : ` AS ${table.graph === 'node' ? 'NODE' : 'EDGE'}`}`;
}

/** The renderers of the two edge-constraint changes. */
export const GRAPH_RENDERERS = {
  addEdgeConstraint: (c: AddEdgeConstraint): string[] => [`ALTER TABLE ${quoteQualified(c.table.schema, c.table.name)} ADD ${renderEdgeConstraint(c.constraint)};`],
  dropEdgeConstraint: (c: DropEdgeConstraint): string[] => [`ALTER TABLE ${quoteQualified(c.table.schema, c.table.name)} DROP CONSTRAINT ${quoteIdent(c.constraint.name)};`],
};
