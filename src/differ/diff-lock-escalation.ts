/**
 * A kept table's LOCK_ESCALATION: one ALTER TABLE ... SET when the declared setting differs from
 * the database's (absent on either side is TABLE, the default). A new table's is set by its
 * createTable step.
 */
import type { KeptTable, Planned } from './table-pairs';
import { step } from './step';

export function lockEscalationSteps(table: KeptTable): Planned {
  const from = table.current.lockEscalation ?? 'TABLE';
  const to = table.desired.lockEscalation ?? 'TABLE';
  if (from === to) return { steps: [], skipped: [] };
  return { steps: [step({ kind: 'setLockEscalation', table: table.newRef, from, to })], skipped: [] };
}
