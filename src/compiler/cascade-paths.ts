/**
 * Design rule 12 (SQL Server Msg 1785): a foreign key whose ON DELETE or ON UPDATE action is
 * not NO_ACTION may not close a cycle of such keys, nor give some table a second path of them
 * to the referencing table. Keys are added in output order, as a deploy would create them, and
 * the one SQL Server would refuse is reported.
 */
import { Codes } from './codes';
import type { DiagnosticBag } from './diagnostics';
import type { TableDraft } from './table-draft';

type Action = 'onDelete' | 'onUpdate';
const clause: Readonly<Record<Action, string>> = { onDelete: 'ON DELETE', onUpdate: 'ON UPDATE' };

/** Nodes that reach `to` through the graph (edges: referenced table -> referencing table), `to` included. */
function reaching(edges: ReadonlyMap<string, Set<string>>, to: string): Set<string> {
  const reverse = new Map<string, string[]>();
  for (const [from, tos] of edges) for (const t of tos) reverse.set(t, [...(reverse.get(t) ?? []), from]);
  const out = new Set<string>([to]);
  const stack = [to];
  while (stack.length > 0) {
    for (const p of reverse.get(stack.pop() as string) ?? []) {
      if (!out.has(p)) {
        out.add(p);
        stack.push(p);
      }
    }
  }
  return out;
}

/** Reports foreign keys whose cascading actions SQL Server would refuse. */
export function checkCascadePaths(drafts: readonly TableDraft[], bag: DiagnosticBag): void {
  for (const action of ['onDelete', 'onUpdate'] as const) {
    // A second key between the same two tables is caught too: the parent then already reaches the child.
    const edges = new Map<string, Set<string>>();
    for (const d of drafts) {
      const child = `${d.key(d.schema)}.${d.key(d.name)}`;
      for (const fk of d.foreignKeys) {
        if (fk[action] === 'NO_ACTION') continue;
        const parent = `${d.key(fk.referencedSchema)}.${d.key(fk.referencedTable)}`;
        const toParent = reaching(edges, parent);
        const toChild = reaching(edges, child);
        const cycle = parent === child || reachesFrom(edges, child, parent);
        const shared = [...toParent].filter((n) => toChild.has(n));
        if (cycle || shared.length > 0) {
          const why = cycle ? 'a cycle of cascading actions' : `a second cascade path from ${shared[0]} to ${child}`;
          const origin = d.origins.get(fk);
          bag.error(Codes.cascadePaths,
            `foreign key ${fk.name} (${clause[action]} ${fk[action]}) would create ${why}; SQL Server refuses it (Msg 1785): use NO_ACTION here or on another key`,
            origin?.node ?? fk.source);
          continue;
        }
        const set = edges.get(parent) ?? new Set<string>();
        set.add(child);
        edges.set(parent, set);
      }
    }
  }
}

/** True when `to` is reachable from `from`. */
function reachesFrom(edges: ReadonlyMap<string, Set<string>>, from: string, to: string): boolean {
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length > 0) {
    for (const n of edges.get(stack.pop() as string) ?? []) {
      if (n === to) return true;
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return false;
}
