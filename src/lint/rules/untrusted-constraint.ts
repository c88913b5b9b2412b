/**
 * untrusted-constraint (info): a check or foreign key declared `validate: false` or `enabled:
 * false`. SQL Server does not trust it, and "The query optimizer doesn't consider constraints that
 * are defined WITH NOCHECK" (alter-table-transact-sql,
 * https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql); a disabled one checks
 * no row at all. Often deliberate (a key added to a huge table without a scan, to be validated
 * later; a legacy database pulled as it is), so the finding is information, naming the way out.
 */
import type { LintRule } from '../rule';
import { qualified, sourceOf } from '../model-facts';

/** A check or foreign key the schema declares not validated or disabled. */
export const untrustedConstraint: LintRule = {
  id: 'untrusted-constraint',
  defaultSeverity: 'info',
  description: 'a check or foreign key declared validate: false or enabled: false, which the query optimizer does not rely on',
  check: (db) => db.tables.flatMap((t) => [...t.checks.map((c) => ({ c, what: 'check' })), ...t.foreignKeys.map((c) => ({ c, what: 'foreign key' }))]
    // A NOT FOR REPLICATION one is never trusted whatever is declared (sqlserver/replication.ts): nothing to say.
    .filter(({ c }) => (!c.trusted || !c.enabled) && c.notForReplication !== true)
    .map(({ c, what }) => ({
      message: c.enabled
        ? `${what} ${c.name} of ${qualified(t)} is declared validate: false: SQL Server does not trust it, so the query optimizer does not rely on it; once the rows comply, remove the option and plan re-validates it WITH CHECK`
        : `${what} ${c.name} of ${qualified(t)} is declared enabled: false: no row is checked against it, and the query optimizer does not rely on it`,
      source: sourceOf(t, c),
    }))),
};
