/**
 * Descriptions (MS_Description) of a kept table and of its columns that stay in place. A
 * description is part of the table's definition like its columns' types: the schema's doc
 * comment is what the database should say, so a changed comment updates it and a removed one
 * drops it (metadata only, no data, so no hazard; the down script puts the old text back).
 * Whitespace-only differences are not changes. New and re-created columns carry theirs in
 * their addColumn step; renamed tables and columns keep theirs (sp_rename keeps the object and
 * column ids the property is stored under).
 */
import { sameDescription } from '../sqlserver/descriptions';
import type { ColumnPairing } from './diff-columns';
import type { PlanStep, TableRef } from './changes';
import { step } from './step';
import type { DiffContext, KeptTable } from './table-pairs';

/** One setDescription step, or none when both sides say the same. */
function setDescription(table: TableRef, column: string | null, from: string | undefined, to: string | undefined): PlanStep[] {
  if (sameDescription(from, to)) return [];
  return [step({ kind: 'setDescription', table, column, from: from ?? null, to: to ?? null })];
}

/**
 * The description steps of a kept table. `columnSteps` are the table's planned column steps:
 * a column they add (new, or dropped and re-added) gets its description from that step.
 */
export function diffDescriptions(table: KeptTable, pairing: ColumnPairing, columnSteps: readonly PlanStep[], ctx: DiffContext): PlanStep[] {
  const added = new Set(columnSteps.flatMap((s) => (s.change.kind === 'addColumn' ? [ctx.key(s.change.column.name)] : [])));
  const steps = setDescription(table.newRef, null, table.current.description, table.desired.description);
  for (const [cur, des] of pairing.pairs) {
    if (cur === null || added.has(ctx.key(des.name))) continue;
    steps.push(...setDescription(table.newRef, des.name, cur.description, des.description));
  }
  return steps;
}
