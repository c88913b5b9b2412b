/**
 * A kept check's or foreign key's state, trusted / untrusted / disabled, brought to what the
 * schema declares. SQL Server's facts (alter-table-transact-sql,
 * https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql): WITH CHECK validates
 * the rows there are and only then is the constraint trusted; a re-enable without WITH CHECK
 * leaves it untrusted ("WITH NOCHECK is assumed for re-enabled constraints"); NOCHECK CONSTRAINT
 * disables it, and a disabled constraint is also not trusted.
 *
 * What the schema asks (a compiled model's trusted / enabled, compiler/constraint-state.ts):
 * - enabled: false: disabled. An enabled one is disabled; the inverse re-enables it as it was.
 * - validate: false (trusted false, enabled): trusted or untrusted both match; a disabled one is
 *   enabled WITH NOCHECK (no scan). A trusted one is never made untrusted.
 * - neither (trusted): an untrusted or disabled one is re-validated WITH CHECK (a scan that
 *   fails on a violating row), as schemac always did.
 */
import type { Hazard, PlanStep, TableRef } from './changes';
import type { CheckConstraint, ForeignKey } from '../model';
import { hazard, qualified } from './hazards';
import { step } from './step';

type State = 'trusted' | 'untrusted' | 'disabled';

function stateOf(c: CheckConstraint | ForeignKey): State {
  if (!c.enabled) return 'disabled';
  return c.trusted ? 'trusted' : 'untrusted';
}

function revalidationHazard(name: string, table: TableRef, when: string): Hazard {
  return hazard('constraint-scan', `${when}re-validating ${name} scans ${qualified(table)} and fails if a row violates it`);
}

/**
 * The step that brings `current` (catalog) to `desired` (schema), or null when they agree.
 * `name` is the constraint's name once renames have run; `table` the table's desired ref.
 */
export function constraintStateStep(current: CheckConstraint | ForeignKey, desired: CheckConstraint | ForeignKey, table: TableRef, name: string): PlanStep | null {
  const from = stateOf(current);
  if (!desired.enabled) {
    if (from === 'disabled') return null;
    const made = step({ kind: 'disableConstraint', table, name, wasTrusted: from === 'trusted' });
    // The down script's WITH CHECK re-enable meets the rows written while the constraint was off.
    return from === 'trusted' ? { ...made, downHazards: [revalidationHazard(name, table, 'the down script enables it again WITH CHECK: ')] } : made;
  }
  if (desired.trusted) {
    if (from === 'trusted') return null;
    return step({ kind: 'revalidateConstraint', table, name, ...(from === 'disabled' ? { wasDisabled: true as const } : {}) }, [revalidationHazard(name, table, '')]);
  }
  return from === 'disabled' ? step({ kind: 'enableConstraint', table, name }) : null;
}
