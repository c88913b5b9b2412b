/**
 * SQL Graph tables in a plan: the edge constraints of a kept edge table (added, dropped, or
 * dropped and added when their definition changed: SQL Server has no ALTER of one,
 * graph-edge-constraints "Modify edge constraints"), and the refusal of a graph-kind change.
 *
 * A table's graph kind cannot change in place: there is no ALTER TABLE ... AS NODE | AS EDGE,
 * and SQL Server makes the graph columns and $node_id values only at CREATE TABLE. Re-creating
 * the table would lose its rows and, for a node table, break every edge that points at them, so
 * the plan refuses and says how to do it by hand (a DBA's call, not the tool's).
 */
import type { EdgeConstraint, GraphKind, ServerFacts } from '../model';
import { editionName, supportsEdgeConstraints } from '../sqlserver/editions';
import type { PlanStep, RefusedChange, SkippedObject } from './changes';
import { NO_RENAMES, type NameMap } from './entities';
import { NOT_DECLARED } from './skip-reasons';
import { step } from './step';
import type { DiffContext, KeptTable, Planned, TablePair } from './table-pairs';
import type { NameKey } from '../sqlserver/names';

/** An edge constraint's definition without its name, its node tables renamed as the map says. */
function signature(e: EdgeConstraint, key: NameKey, map: NameMap): string {
  const clauses = e.connections.map((c) => {
    const from = map.table(c.fromSchema, c.fromTable);
    const to = map.table(c.toSchema, c.toTable);
    return [key(from.schema), key(from.name), key(to.schema), key(to.name)].join('\u0000');
  });
  // Clauses are alternatives: their order does not matter.
  return `${[...new Set(clauses)].sort().join('\u0001')}|${e.onDelete}`;
}

/** The edge-constraint steps of a kept table (none when its graph kind changes: that is refused). */
export function diffEdgeConstraints(t: KeptTable, map: NameMap, ctx: DiffContext): Planned {
  if (t.current.graph !== t.desired.graph) return { steps: [], skipped: [] };
  const { key } = ctx;
  const current = t.current.edgeConstraints ?? [];
  const desired = t.desired.edgeConstraints ?? [];
  const steps: PlanStep[] = [];
  const skipped: SkippedObject[] = [];
  const desiredByName = new Map(desired.map((d) => [key(d.name), d]));
  const unmatchedDesired = new Set(desired.filter((d) => !current.some((c) => key(c.name) === key(d.name))));
  for (const c of current) {
    const d = desiredByName.get(key(c.name));
    if (d !== undefined) {
      if (signature(c, key, map) !== signature(d, key, NO_RENAMES)) {
        steps.push(step({ kind: 'dropEdgeConstraint', table: t.oldRef, constraint: c }));
        steps.push(step({ kind: 'addEdgeConstraint', table: t.newRef, constraint: d, replaces: c }));
      }
      continue;
    }
    // A system-named constraint (EC__...) the schema declares under its own name: the same
    // definition is the same constraint, renamed (or kept, as pull projects keep such names).
    const twin = c.isSystemNamed ? [...unmatchedDesired].find((x) => signature(c, key, map) === signature(x, key, NO_RENAMES)) : undefined;
    if (twin !== undefined) {
      unmatchedDesired.delete(twin);
      if (ctx.systemNames === 'adopt') steps.push(step({ kind: 'renameConstraint', table: t.newRef, objectType: 'OBJECT', from: c.name, to: twin.name }));
      continue;
    }
    if (ctx.allowDrop) steps.push(step({ kind: 'dropEdgeConstraint', table: t.oldRef, constraint: c }));
    else skipped.push({ table: t.newRef, objectType: 'edgeConstraint', name: c.name, reason: NOT_DECLARED });
  }
  for (const d of unmatchedDesired) steps.push(step({ kind: 'addEdgeConstraint', table: t.newRef, constraint: d }));
  return { steps, skipped };
}

/** What a graph kind is called in messages. */
function kindText(kind: GraphKind | undefined): string {
  return kind === undefined ? 'an ordinary table' : `a ${kind} table`;
}

/** The refusals of kept tables whose graph kind the schema changes. */
export function graphKindRefusals(tables: readonly TablePair[]): RefusedChange[] {
  const out: RefusedChange[] = [];
  for (const t of tables) {
    if (t.kind !== 'kept' || t.current.graph === t.desired.graph) continue;
    const name = `${t.newRef.schema}.${t.newRef.name}`;
    out.push({
      table: t.newRef,
      change: t.desired.graph === undefined ? `make ${name} an ordinary table` : `make ${name} ${kindText(t.desired.graph)}`,
      reason: `${name} is ${kindText(t.current.graph)} in the database and ${kindText(t.desired.graph)} in the schema; SQL Server cannot change a table's graph kind `
        + `(there is no ALTER TABLE ... AS NODE | AS EDGE): drop the table and create it again yourself (its rows${t.current.graph === 'node' ? ', and the edges that point at them,' : ''} are lost), `
        + 'e.g. by removing it from the schema for one plan with --allow-drop and adding it back, or keep its kind',
    });
  }
  return out;
}

/**
 * Edge constraints the schema declares on a server without them (before SQL Server 2019): refused
 * by name, as SQL Server would refuse CONNECTION. A catalog read from such a server has none, so
 * every declared one would be created.
 */
export function edgeConstraintServerRefusals(tables: readonly TablePair[], server: ServerFacts | undefined): RefusedChange[] {
  if (supportsEdgeConstraints(server) || server === undefined) return [];
  return tables.flatMap((t) => {
    if (t.kind === 'dropped' || (t.desired.edgeConstraints ?? []).length === 0) return [];
    const d = t.desired;
    return [{
      table: { schema: d.schema, name: d.name },
      change: `edge constraint ${(d.edgeConstraints ?? []).map((e) => e.name).join(', ')}`,
      reason: `${editionName(server)} ${server.majorVersion} has no edge constraints (SQL Server 2019 or Azure SQL has them); remove edgeConstraints or use a newer server`,
    }];
  });
}
