/**
 * Rename steps in an order SQL Server accepts: sp_rename fails when the new name is taken, so in
 * each namespace (the tables of a schema, the columns of a table, the indexes of a table, the
 * constraints of a schema) a rename waits for the one that frees its new name, and a swap goes through a
 * temporary name (rename-chains.ts). Each resulting step is one sp_rename with its own exact
 * inverse, so the down script (inverses in reverse order) restores every name.
 */
import type { Change, PlanStep } from './changes';
import { sequenceMoves, swapName, type Move } from './rename-chains';
import { step } from './step';
import type { NameKey } from '../sqlserver/names';

type RenameChange = Extract<Change, { kind: 'renameTable' | 'renameColumn' | 'renameConstraint' }>;

/** The namespace a rename's names must be unique in. */
function namespaceOf(c: RenameChange, key: NameKey): string {
  switch (c.kind) {
    case 'renameTable': return `table|${key(c.schema)}`;
    case 'renameColumn': return `column|${key(c.table.schema)}|${key(c.table.name)}`;
    // Index names are unique per table; constraint names per schema (they are objects).
    case 'renameConstraint': return c.objectType === 'INDEX' ? `INDEX|${key(c.table.schema)}|${key(c.table.name)}` : `OBJECT|${key(c.table.schema)}`;
  }
}

function withMove(c: RenameChange, m: Move): RenameChange {
  return { ...c, from: m.from, to: m.to };
}

/**
 * The steps with the renames of each namespace re-sequenced where they depend on each other
 * (chains and swaps); everything else, and independent renames, keep their order.
 */
export function sequenceRenameSteps(steps: readonly PlanStep[], key: NameKey): PlanStep[] {
  const groups = new Map<string, { readonly at: number[]; readonly steps: PlanStep[] }>();
  steps.forEach((s, i) => {
    const c = s.change;
    if (c.kind !== 'renameTable' && c.kind !== 'renameColumn' && c.kind !== 'renameConstraint') return;
    const ns = namespaceOf(c, key);
    const g = groups.get(ns) ?? { at: [], steps: [] };
    g.at.push(i);
    g.steps.push(s);
    groups.set(ns, g);
  });
  const replaced = new Map<number, PlanStep[]>();
  for (const g of groups.values()) {
    if (g.steps.length < 2) continue;
    const byFrom = new Map(g.steps.map((s) => [key((s.change as RenameChange).from), s] as const));
    const moves = g.steps.map((s) => ({ from: (s.change as RenameChange).from, to: (s.change as RenameChange).to }));
    const ordered = sequenceMoves(moves, key, swapName);
    const sameOrder = ordered.length === moves.length && ordered.every((m, i) => m === moves[i]);
    if (sameOrder) continue;
    // A move keeps the hazards of the rename it belongs to (looked up by its original source, or
    // for the last leg of a swap, by its target).
    const template = (m: Move): PlanStep => byFrom.get(key(m.from))
      ?? g.steps.find((s) => key((s.change as RenameChange).to) === key(m.to)) as PlanStep;
    const out = ordered.map((m) => { const t = template(m); return step(withMove(t.change as RenameChange, m), t.hazards); });
    replaced.set(g.at[0] as number, out);
    for (const i of g.at.slice(1)) replaced.set(i, []);
  }
  if (replaced.size === 0) return [...steps];
  return steps.flatMap((s, i) => replaced.get(i) ?? [s]);
}
