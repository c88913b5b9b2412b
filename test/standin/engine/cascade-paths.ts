/**
 * SQL Server refuses a FOREIGN KEY whose referential action would give a table two cascade
 * paths from another table, or a cascade cycle (Msg 1785). Checked separately for ON DELETE
 * and ON UPDATE, over the FKs whose action is not NO ACTION.
 */
import type { RefAction } from './ast';
import type { Database } from './catalog';

interface Edge { readonly from: number; readonly to: number }

function cascadingEdges(db: Database, pick: (fk: { onDelete: RefAction; onUpdate: RefAction }) => RefAction): Edge[] {
  return db.tables.flatMap((t) => t.fks.filter((fk) => pick(fk) !== 'NO_ACTION').map((fk) => ({ from: fk.refTableId, to: t.objectId })));
}

/** True when adding `edge` makes a cycle or a second path between two tables. */
function conflicts(edges: readonly Edge[], edge: Edge): boolean {
  if (edge.from === edge.to) return true;
  const all = [...edges, edge];
  const out = (n: number): number[] => all.filter((e) => e.from === n).map((e) => e.to);
  // A cycle: the new edge's parent is reachable from its child.
  const seen = new Set<number>();
  const stack = [edge.to];
  while (stack.length) { const n = stack.pop() as number; if (n === edge.from) return true; if (seen.has(n)) continue; seen.add(n); stack.push(...out(n)); }
  // Two paths: some table reaches the child table by more than one route.
  const nodes = new Set(all.flatMap((e) => [e.from, e.to]));
  const paths = (from: number, memo: Map<number, number>): number => {
    if (from === edge.to) return 1;
    const cached = memo.get(from);
    if (cached !== undefined) return cached;
    const n = out(from).reduce((s, next) => s + paths(next, memo), 0);
    memo.set(from, n);
    return n;
  };
  for (const n of nodes) if (n !== edge.to && paths(n, new Map()) > 1) return true;
  return false;
}

/** Would a new FK from `child` to `parent` with these actions break SQL Server's cascade rule? */
export function breaksCascadeRule(db: Database, child: number, parent: number, onDelete: RefAction, onUpdate: RefAction): boolean {
  const edge = { from: parent, to: child };
  if (onDelete !== 'NO_ACTION' && conflicts(cascadingEdges(db, (fk) => fk.onDelete), edge)) return true;
  if (onUpdate !== 'NO_ACTION' && conflicts(cascadingEdges(db, (fk) => fk.onUpdate), edge)) return true;
  return false;
}
