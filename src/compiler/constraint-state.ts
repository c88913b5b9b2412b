/**
 * The `validate` and `enabled` options of a @Check or @ForeignKey: a constraint declared not
 * validated against the rows already in the table (ALTER TABLE ... WITH NOCHECK ADD), or
 * disabled (ALTER TABLE ... NOCHECK CONSTRAINT). Both compile to the model's `trusted: false`
 * (in a compiled model: need not be trusted), the second also to `enabled: false`.
 *
 * ALTER TABLE (https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql):
 * "WITH CHECK | WITH NOCHECK: Specifies whether the data in the table is or isn't validated
 * against a newly added or re-enabled FOREIGN KEY or CHECK constraint", and "{ CHECK | NOCHECK }
 * CONSTRAINT: Specifies that constraint_name is enabled or disabled". A disabled constraint checks
 * no row, so SQL Server can vouch for none: it is always is_not_trusted = 1 (inferred from those
 * two sentences; sys.check_constraints and sys.foreign_keys say is_not_trusted means "has not been
 * verified by the system"). So `validate: true` beside `enabled: false` asks for what SQL Server
 * cannot store, and is SC1603.
 */
import { Codes } from './codes';
import type { DiagnosticBag } from './diagnostics';
import type { StaticValue } from './static-value';

/** The model's trusted / enabled of a compiled check or foreign key. */
export interface DeclaredState {
  readonly trusted: boolean;
  readonly enabled: boolean;
}

function readFlag(opts: ReadonlyMap<string, StaticValue>, key: string, bag: DiagnosticBag): boolean | undefined {
  const v = opts.get(key);
  if (v === undefined) return undefined;
  if (v.kind === 'boolean') return v.value;
  bag.error(Codes.notStatic, `${key} must be true or false`, v.node);
  return undefined;
}

/** Reads `validate` and `enabled` (both true unless written false); `what` names the constraint in messages. */
export function readConstraintState(opts: ReadonlyMap<string, StaticValue>, what: string, bag: DiagnosticBag): DeclaredState {
  const validate = readFlag(opts, 'validate', bag);
  const enabled = readFlag(opts, 'enabled', bag) ?? true;
  if (!enabled && validate === true) {
    bag.error(Codes.constraintState, `${what}: a disabled constraint is never validated (SQL Server marks it not trusted); remove validate: true or enabled: false`, opts.get('validate')?.node);
  }
  return { trusted: enabled && validate !== false, enabled };
}
