/**
 * datetime-not-datetime2: DATETIME rounds to 1/300 s (.000, .003, .007), covers only 1753
 * onward and takes 8 bytes; DATETIME2 is exact to 100 ns at scale 7, covers years 1-9999 and
 * takes 6-8 bytes. New columns almost always mean DATETIME2 (with SYSDATETIME() defaults).
 */
import type { LintRule } from '../rule';
import { qualified } from '../model-facts';

/** A column declared DATETIME. */
export const datetimeNotDatetime2: LintRule = {
  id: 'datetime-not-datetime2',
  defaultSeverity: 'info',
  description: 'a DATETIME column where DATETIME2 is usually meant',
  check: (db) => db.tables.flatMap((t) => t.columns
    .filter((c) => c.type.name === 'datetime' && c.computed === null)
    .map((c) => ({
      message: `column ${qualified(t)}.${c.name} is DATETIME, which rounds to 1/300 second and starts in 1753; prefer DATETIME2 (exact to 100 ns, same or less space) with SYSDATETIME() instead of GETDATE()`,
      source: c.source ?? t.source,
    }))),
};
