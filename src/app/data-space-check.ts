/**
 * Placement pre-flight: schemac places tables and indexes on filegroups and partition schemes but
 * never creates them, so a plan naming one the database lacks stops here, before any SQL runs,
 * with every missing one named (instead of failing mid-script with Msg 1921 or the like).
 */
import type { Database } from '../model';
import { missingDataSpaces } from '../sqlserver/data-spaces';
import { nameKeyFor } from '../sqlserver/names';
import { AppError } from './errors';

/** Throws when `desired` places something on a data space `current` (a catalog read) does not have. */
export function requireDataSpaces(desired: Database, current: Database): void {
  const missing = missingDataSpaces(desired, current, nameKeyFor(current.collation));
  if (missing.length === 0) return;
  throw new AppError(`the schema places objects on data spaces the database does not have; create them first:\n${missing.map((m) => `  ${m}`).join('\n')}`);
}
