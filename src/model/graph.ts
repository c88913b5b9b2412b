/**
 * SQL Graph (SQL Server 2017+): node and edge tables and the edge constraints that say which node
 * tables an edge table may connect.
 * https://learn.microsoft.com/sql/relational-databases/graphs/sql-graph-architecture
 * https://learn.microsoft.com/sql/relational-databases/tables/graph-edge-constraints
 */
import type { NamedObject } from './named-object';

/** CREATE TABLE ... AS NODE | AS EDGE (sys.tables is_node / is_edge). */
export type GraphKind = 'node' | 'edge';

/** One clause of an edge constraint: `from TO to`, two node tables. */
export interface EdgeConnection {
  readonly fromSchema: string;
  readonly fromTable: string;
  readonly toSchema: string;
  readonly toTable: string;
}

/**
 * CONSTRAINT name CONNECTION (a TO b [, ...]) [ON DELETE NO ACTION | CASCADE] on an edge table
 * (sys.edge_constraints, sys.edge_constraint_clauses). Its clauses are alternatives (an edge must
 * match one); several constraints on one table must all hold. SQL Server cannot alter one: a
 * changed definition is a drop and an add.
 */
export interface EdgeConstraint extends NamedObject {
  /** The clauses, in clause_number order (the order does not matter to SQL Server). */
  readonly connections: readonly EdgeConnection[];
  /** ON DELETE: CASCADE deletes the edges of a deleted node; NO_ACTION refuses the delete. */
  readonly onDelete: 'NO_ACTION' | 'CASCADE';
}
