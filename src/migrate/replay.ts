/**
 * Offline checks of one migration: does its up.sql hold the statements that take the previous
 * after.json to its own (and its down.sql those that take it back)? The statements are what
 * the emitters make for the model change, so a generated migration matches exactly; a
 * hand-edited one may add statements (a data fix), which only `migrate apply` can verify, and
 * must not lose any.
 */
import { diff, type Plan } from '../differ';
import { driverStatementsOfScript, ScriptSyntaxError, statementsForDriver } from '../emitters';
import type { Database } from '../model';
import { withHints } from './hints';
import type { MigrationState } from './state';

/** One finding about a migration's scripts. */
export interface ReplayFinding {
  readonly severity: 'error' | 'warning' | 'info';
  readonly file: 'up.sql' | 'down.sql';
  readonly message: string;
}

/** Statement text without comments and with whitespace runs folded, for comparison. */
function comparable(sql: string): string {
  return sql.split('\n').filter((l) => !l.trim().startsWith('--')).join('\n').replace(/\s+/g, ' ').trim();
}

/** The plan from `before` to a migration's state, planned as `migrate new` did (with its hints). */
export function migrationPlan(before: Database, after: MigrationState): Plan {
  return diff(withHints(after.model, after.hints), before, { allowDrop: true });
}

/** Checks one script against the statements the model change needs, in order. */
export function checkScript(file: 'up.sql' | 'down.sql', script: string, plan: Plan): ReplayFinding[] {
  let written: string[];
  try {
    written = driverStatementsOfScript(script).map((s) => comparable(s.sql));
  } catch (err) {
    if (err instanceof ScriptSyntaxError) return [{ severity: 'error', file, message: err.message }];
    throw err;
  }
  const direction = file === 'up.sql' ? 'up' : 'down';
  const needed = statementsForDriver(plan, direction);
  const findings: ReplayFinding[] = [];
  let at = 0;
  const extra: string[] = [];
  for (const need of needed) {
    const want = comparable(need.sql);
    const found = written.indexOf(want, at);
    if (found < 0) {
      findings.push({ severity: 'error', file, message: `does not lead to ${direction === 'up' ? 'its' : 'the previous'} after.json: it lacks (or reorders) step ${need.stepIndex + 1}, ${need.description}: ${want.slice(0, 160)}` });
      continue;
    }
    extra.push(...written.slice(at, found));
    at = found + 1;
  }
  extra.push(...written.slice(at));
  if (extra.length > 0 && findings.length === 0) {
    findings.push({ severity: 'info', file, message: `${extra.length} hand-written statement(s) beyond what the schema change needs; they cannot be checked offline, and migrate apply verifies the result against after.json before COMMIT` });
  }
  return findings;
}
