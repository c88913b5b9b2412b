/**
 * FOR SYSTEM_TIME in FROM: the row versions of a system-versioned table, current and history, a
 * query sees (https://learn.microsoft.com/sql/relational-databases/tables/temporal/query-data).
 * Each sub-clause keeps the versions whose period [start, end) meets it, as the temporal tables
 * overview tabulates them:
 * - AS OF t:                start <= t AND end > t
 * - FROM s TO e:            start < e AND end > s
 * - BETWEEN s AND e:        start <= e AND end > s
 * - CONTAINED IN (s, e):    start >= s AND end <= e
 * - ALL:                    every version
 * Versions of zero duration (start = end: several updates of one row in one transaction) are
 * filtered out by every sub-clause; the page says to read the history table for those.
 */
import type { SystemTime } from './ast';
import type { Database, Table, Value } from './catalog';
import { sameName } from './catalog';
import { evaluate } from './eval';
import { SqlError } from './errors';
import { qualified } from './integrity';
import type { Host } from './scope';
import type { Relation } from './select';
import { historyOf } from './temporal';
import { compare, convert } from './values';

/** The versions of `t` that `spec` selects, under the columns a plain read of `t` shows. */
export function systemTimeRelation(db: Database, t: Table, spec: SystemTime, current: Relation, history: Relation, host: Host): Relation {
  const period = t.period;
  if (period === undefined || historyOf(db, t) === undefined) {
    // Number and text inferred from SQL Server's message for this case (not checked against a server).
    throw new SqlError(13544, 16, 1, `Temporal FOR SYSTEM_TIME clause can only be used with system-versioned tables. '${qualified(db, t)}' is not a system-versioned table.`);
  }
  const startCol = t.columns.find((c) => c.columnId === period.start);
  const endCol = t.columns.find((c) => c.columnId === period.end);
  if (startCol === undefined || endCol === undefined) throw new Error(`stand-in: period columns of ${t.name} are missing`);
  // History rows laid out as the current table's columns, matched by name (the history table mirrors its schema).
  const fromHistory = current.columns.map((c) => history.columns.findIndex((h) => sameName(h.name, c.name)));
  const versions: Value[][] = [...current.rows, ...history.rows.map((row) => fromHistory.map((i) => (i < 0 ? null : row[i] ?? null)))];
  const startAt = current.columns.findIndex((c) => sameName(c.name, startCol.name));
  const endAt = current.columns.findIndex((c) => sameName(c.name, endCol.name));
  const instant = (e: Parameters<typeof evaluate>[0]): Value => convert(evaluate(e, undefined, host), startCol.type);
  const keep = keeper(spec, instant);
  return { columns: current.columns, rows: versions.filter((row) => {
    const start = row[startAt] ?? null;
    const end = row[endAt] ?? null;
    return start !== null && end !== null && compare(start, end) !== 0 && keep(start, end);
  }) };
}

/** Whether a version [start, end) meets the sub-clause. */
function keeper(spec: SystemTime, instant: (e: Parameters<typeof evaluate>[0]) => Value): (start: Value, end: Value) => boolean {
  const bounded = (test: (start: Value, end: Value, s: Value, e: Value) => boolean, s: Value, e: Value) =>
    (start: Value, end: Value): boolean => s !== null && e !== null && test(start, end, s, e);
  switch (spec.k) {
    case 'all': return () => true;
    case 'asOf': { const at = instant(spec.at); return bounded((start, end, s) => compare(start, s) <= 0 && compare(end, s) > 0, at, at); }
    case 'fromTo': return bounded((start, end, s, e) => compare(start, e) < 0 && compare(end, s) > 0, instant(spec.start), instant(spec.end));
    case 'between': return bounded((start, end, s, e) => compare(start, e) <= 0 && compare(end, s) > 0, instant(spec.start), instant(spec.end));
    case 'containedIn': return bounded((start, end, s, e) => compare(start, s) >= 0 && compare(end, e) <= 0, instant(spec.start), instant(spec.end));
  }
}
