/**
 * Row-level security policies in the way of a plan (Database.securityPolicies, read from the
 * catalog; schemac never manages them). A schema-bound policy (SCHEMABINDING = ON, the default)
 * binds the columns its predicates pass and its predicate functions: "Attempts to alter the
 * schema of a table bound by a schema bound security policy will result in an error. However,
 * columns not referenced by the predicate can be altered", and "attempts to modify a function used
 * as a predicate on a table within a security policy results in an error"
 * (https://learn.microsoft.com/sql/relational-databases/security/row-level-security). The errors
 * are inferred to be those of a schema-bound view (5074/4922 on ALTER or DROP COLUMN, 3729 on DROP
 * TABLE or DROP FUNCTION, 15336 on sp_rename; a move to another schema is refused like a rename).
 *
 * So, for every step that alters, retypes, drops or renames a column a predicate passes, drops,
 * renames or moves a table a predicate targets, or drops a predicate function (dependents.ts drops
 * and re-creates schema-bound functions around a change):
 * - where the policy's stored definition still holds after the step (an ALTER COLUMN, a column
 *   dropped and added again under its name, a function re-created from its own definition), the
 *   whole policy is dropped first and re-created exactly after (every predicate in order, STATE,
 *   SCHEMABINDING, NOT FOR REPLICATION), in the plan's one transaction, with a `dependent-rebuild`
 *   hazard. The whole policy rather than its predicates on one table (ALTER SECURITY POLICY ...
 *   DROP PREDICATE ON): re-adding a predicate would put it after the others, and a function it
 *   binds is bound by every predicate calling it;
 * - where it would not (the column or table goes or is renamed), the step is refused, naming the
 *   policy: schemac does not rewrite objects it does not manage.
 * A policy with SCHEMABINDING = OFF binds nothing: a step that drops or renames what its predicate
 * passes, or drops its table, gets a `dependent-object` hazard instead (the predicate then fails
 * when the table is read: inferred).
 */
import type { Hazard, PlanStep, RefusedChange } from './changes';
import { describeStep, keptSteps, touchesOf, type Touch } from './dependents';
import { hazard, qualified } from './hazards';
import { step } from './step';
import { appendTo } from '../util/group-by';
import { tableKey, type NameKey } from '../sqlserver/names';
import type { Database, SecurityPolicy, SecurityPredicate } from '../model';

/** The predicates of `p` on the touched table that the touch hits (a predicate whose text could not be read hits every column). */
function hits(p: SecurityPolicy, touch: Touch, key: NameKey): SecurityPredicate[] {
  return p.predicates.filter((x) => tableKey(key, x.target.schema, x.target.name) === tableKey(key, touch.table.schema, touch.table.name)
    && (touch.column === null || x.function === null || x.columns.some((c) => key(c) === key(touch.column as string))));
}

/** Whether the policy's definition holds after the step: the column is only altered, or comes back under its name. */
function survives(touch: Touch): boolean {
  return touch.column !== null && (touch.action === 'retype' || touch.action === 'alter' || (touch.action === 'drop' && touch.readded));
}

/** "a FILTER predicate on dbo.orders ([sec].[f]([tenant_id]))". */
function predicatePhrase(x: SecurityPredicate): string {
  return `a ${x.kind}${x.operation === null ? '' : ` (${x.operation})`} predicate on ${qualified(x.target)} (${x.definition})`;
}

/**
 * Before dependents.ts plans around modules: the steps a schema-bound policy makes impossible are
 * refused (with everything else done to a table whose drop is refused), and steps that break a
 * policy without SCHEMABINDING get a hazard naming it.
 */
export function refuseSecurityPolicyTouches(steps: readonly PlanStep[], current: Database, key: NameKey): { steps: PlanStep[]; refused: RefusedChange[] } {
  const policies = current.securityPolicies ?? [];
  if (policies.length === 0) return { steps: [...steps], refused: [] };
  const touches = touchesOf(steps, key);
  const refused: RefusedChange[] = [];
  const refusedSteps = new Set<number>();
  const refusedTables = new Set<string>();
  const extra = new Map<number, Hazard[]>();
  for (const [i, touch] of touches) {
    const s = steps[i] as PlanStep;
    for (const p of policies) {
      const hit = hits(p, touch, key);
      const first = hit[0];
      if (first === undefined) continue;
      if (p.schemaBound) {
        if (survives(touch)) continue; // re-created around the step (planAroundSecurityPolicies)
        refusedSteps.add(i);
        refused.push({
          table: touch.table, change: describeStep(s.change, touch),
          reason: `schema-bound security policy ${qualified(p)} has ${predicatePhrase(first)}, which this step ${touch.column === null ? 'drops, renames or moves' : 'drops or renames a column of'}: SQL Server refuses the change while the policy binds it, and the policy's definition would not hold after it; change the policy (ALTER SECURITY POLICY ... DROP ${first.kind} PREDICATE ON ${qualified(first.target)}) or drop it first`,
        });
        if (s.change.kind === 'dropTable') refusedTables.add(tableKey(key, touch.table.schema, touch.table.name));
        break;
      }
      // Without SCHEMABINDING nothing stops the step; a predicate over what it takes away fails when read (inferred).
      // A rename of the table itself is followed (the predicate names it by object id).
      const breaks = touch.column === null ? s.change.kind === 'dropTable' : touch.action === 'drop' ? !touch.readded : touch.action === 'rename';
      if (!breaks) continue;
      appendTo(extra, i, hazard('dependent-object',
        `security policy ${qualified(p)} (SCHEMABINDING = OFF) has ${predicatePhrase(first)}, ${touch.phrase}: SQL Server does not stop the step, and the predicate fails when ${qualified(first.target)} is read until the policy is changed (inferred)`));
    }
  }
  return { steps: keptSteps(steps, refusedSteps, refusedTables, extra, key), refused };
}

/**
 * After dependents.ts: every schema-bound policy that binds a column the plan alters (or drops and
 * adds again), or a function or view the plan drops to re-create, is dropped before the plan's
 * first step and re-created after its last, so the down script (the inverses in reverse order)
 * does the same around its own steps.
 */
export function planAroundSecurityPolicies(steps: readonly PlanStep[], current: Database, key: NameKey): PlanStep[] {
  const all = current.securityPolicies ?? [];
  if (all.length === 0) return [...steps];
  const policies = all.filter((p) => p.schemaBound && p.predicates.length > 0);
  const touches = [...touchesOf(steps, key).values()];
  const rebuiltModules = steps.flatMap((s) => (s.change.kind === 'dropModule' ? [s.change.module] : []));
  const moduleKey = (m: { schema: string; name: string }) => tableKey(key, m.schema, m.name);
  const drops: PlanStep[] = [];
  const creates: PlanStep[] = [];
  for (const p of policies) {
    const reasons: string[] = [];
    let retyped = false;
    for (const touch of touches) {
      if (!survives(touch) || hits(p, touch, key).length === 0) continue;
      reasons.push(`${qualified(touch.table)}.${touch.column ?? ''}`);
      retyped ||= touch.action === 'retype' || touch.action === 'drop';
    }
    for (const m of rebuiltModules) {
      const k = moduleKey(m);
      if (p.predicates.some((x) => (x.function !== null && moduleKey(x.function) === k) || moduleKey(x.target) === k)) {
        reasons.push(`${m.type === 'V' ? 'view' : 'function'} ${qualified(m)}, re-created too`);
      }
    }
    if (reasons.length === 0) continue;
    drops.push(step({ kind: 'dropSecurityPolicy', policy: p }, [hazard('dependent-rebuild', rebuildText(p, [...new Set(reasons)], retyped))]));
    creates.push(step({ kind: 'createSecurityPolicy', policy: p }));
  }
  const rebuilt = new Set(drops.map((d) => (d.change.kind === 'dropSecurityPolicy' ? d.change.policy : null)));
  // The policy is dropped before everything, the modules dependents.ts drops included, and comes back after everything.
  return [...drops, ...withBackfillHazards(steps, all.filter((p) => !rebuilt.has(p)), key), ...creates.reverse()];
}

/**
 * A backfill (UPDATE ... WHERE c IS NULL) on a table an enabled FILTER predicate still guards
 * updates only the rows the applying login can see: "Filter predicates ... affect all get
 * operations: SELECT, DELETE ... and UPDATE" (row-level-security), so the ALTER to NOT NULL after
 * it fails on the rest. Said on the backfill step.
 */
function withBackfillHazards(steps: readonly PlanStep[], policies: readonly SecurityPolicy[], key: NameKey): PlanStep[] {
  return steps.map((s) => {
    const c = s.change;
    if (c.kind !== 'backfillColumn') return s;
    const guard = policies.flatMap((p) => (p.enabled ? p.predicates.filter((x) => x.kind === 'FILTER'
      && tableKey(key, x.target.schema, x.target.name) === tableKey(key, c.table.schema, c.table.name)).map((x) => ({ p, x })) : []))[0];
    if (guard === undefined) return s;
    return { ...s, hazards: [...s.hazards, hazard('dependent-object',
      `security policy ${qualified(guard.p)} filters ${qualified(c.table)} (${guard.x.definition}): this UPDATE sees only the rows the applying login may read, and the ALTER to NOT NULL fails if others hold NULL`)] };
  });
}

function rebuildText(p: SecurityPolicy, reasons: readonly string[], retyped: boolean): string {
  const tables = [...new Set(p.predicates.map((x) => qualified(x.target)))];
  // Inferred: CREATE SECURITY POLICY binds each argument to the function's parameter as a call does.
  const types = retyped ? '; the re-created predicates pass the column with its new type, which must convert implicitly to the function\'s parameter, or the CREATE fails and the whole plan rolls back' : '';
  return `security policy ${qualified(p)} is dropped before the change and re-created exactly as it was after it (it binds ${reasons.join(', ')}): `
    + `in between, inside the plan's one transaction, its ${p.predicates.length} predicate${p.predicates.length === 1 ? '' : 's'} on ${tables.join(', ')} `
    + `do not apply (row filtering and blocking are off for the plan's own statements); other sessions wait on the schema locks the transaction holds until COMMIT (inferred), and a failure rolls the drop back with everything else${types}`;
}
