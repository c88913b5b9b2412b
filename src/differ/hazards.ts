/** Hazard construction: the thresholds and the wording of every hazard the differ raises. */
import type { Hazard, HazardCode, TableRef } from './changes';
import type { Table } from '../model';

/** Rows from which building an index or validating a constraint is worth a warning. */
export const LARGE_TABLE_ROWS = 100_000;

/** A hazard with its stable code. */
export function hazard(code: HazardCode, message: string): Hazard {
  return { code, message };
}

/** `schema.name` for messages. */
export function qualified(ref: TableRef): string {
  return `${ref.schema}.${ref.name}`;
}

/**
 * Whether a catalog table may hold rows. An unknown count (a model not read from a database)
 * counts as "may have rows", so the plan takes the path that works either way.
 */
export function mayHaveRows(table: Table | null): boolean {
  if (table === null) return false;
  return table.rowCount === undefined || table.rowCount > 0;
}

/** Whether a catalog table is large enough for index-build / constraint-scan hazards. */
export function isLarge(table: Table | null): boolean {
  return table !== null && (table.rowCount ?? 0) >= LARGE_TABLE_ROWS;
}

/** "123 rows" or "an unknown number of rows". */
export function rowsText(table: Table): string {
  if (table.rowCount === undefined) return 'an unknown number of rows';
  return `${table.rowCount} row${table.rowCount === 1 ? '' : 's'}`;
}

/** "all 123 rows", or "every row" when the count is unknown (a plan made without a database): "reads every row of dbo.t". */
export function allRowsText(table: Table): string {
  return table.rowCount === undefined ? 'every row' : `all ${rowsText(table)}`;
}

/** "its 123 rows", or "its rows" when the count is unknown. */
export function itsRowsText(table: Table): string {
  return table.rowCount === undefined ? 'its rows' : `its ${rowsText(table)}`;
}

/** index-build on a large existing table, else nothing. */
export function indexBuild(table: Table | null, ref: TableRef, what: string): Hazard[] {
  if (table === null || !isLarge(table)) return [];
  return [hazard('index-build', `building ${what} reads ${allRowsText(table)} of ${qualified(ref)}`)];
}

/** constraint-scan on a large existing table, else nothing. */
export function constraintScan(table: Table | null, ref: TableRef, what: string): Hazard[] {
  if (table === null || !isLarge(table)) return [];
  return [hazard('constraint-scan', `validating ${what} scans ${allRowsText(table)} of ${qualified(ref)}`)];
}
