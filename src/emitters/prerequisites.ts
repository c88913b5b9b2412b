/**
 * The words and statements of a plan's prerequisites (Plan.prerequisites): database settings the
 * plan needs that schemac does not manage, so a DBA sets them first. The plan text, the script's
 * leading comment, the JSON document and apply's refusal all say them the same way.
 */
import type { PlanPrerequisite } from '../differ/changes';
import { enableDatabaseChangeTracking } from './tsql/change-tracking';

/** The statement that meets a prerequisite, to run on its own before the plan. */
export function prerequisiteStatement(p: PlanPrerequisite): string {
  return enableDatabaseChangeTracking(p.database);
}

/** Why the plan needs it, one sentence without the statement. */
export function prerequisiteReason(p: PlanPrerequisite): string {
  const name = p.database === null ? 'the database' : `database ${p.database}`;
  const tables = [...new Set(p.tables.map((t) => `${t.schema}.${t.name}`))].join(', ');
  return `the plan enables change tracking on ${tables}, but ${name} does not have change tracking on `
    + '(SQL Server refuses ALTER TABLE ... ENABLE CHANGE_TRACKING there, Msg 1718); turn it on first, on its own '
    + '(schemac does not manage this database setting, and ALTER DATABASE cannot run inside the plan\'s transaction)';
}

/** The lines of the script's leading comment (without the comment marks): what to run before the script. */
export function prerequisiteScriptLines(prerequisites: readonly PlanPrerequisite[]): string[] {
  if (prerequisites.length === 0) return [];
  return [
    'RUN FIRST: this script fails (and changes nothing) until the database has these settings:',
    ...prerequisites.flatMap((p) => [`  ${prerequisiteReason(p)}:`, `    ${prerequisiteStatement(p)}`]),
    '',
  ];
}
