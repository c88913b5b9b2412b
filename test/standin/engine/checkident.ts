/**
 * DBCC CHECKIDENT (dbcc-checkident-transact-sql): reports a table's current identity value and the
 * largest value its identity column holds (NORESEED), moves the current value up to that largest
 * value when it is below it (no option or RESEED alone), or sets it (RESEED, n). After RESEED, n
 * the next row gets n + increment, or n itself when no row was inserted since the table was
 * created or truncated ("the first row inserted ... uses new_reseed_value as the identity").
 * Messages: 7998 "Checking identity information: ..." and 2528 "DBCC execution completed ...",
 * both informational, left out WITH NO_INFOMSGS. A table without an identity column is Msg 7997;
 * a missing table Msg 2501 (wording inferred from the message catalog as tools quote it).
 */
import type { Expr, Name } from './ast';
import type { Table } from './catalog';
import { SqlError } from './errors';
import { splitObjectName } from './functions';

/**
 * The table DBCC CHECKIDENT names, when it is written as a name ('dbo.orders', N'[dbo].[orders]',
 * or bare); null for another expression, whose value only running it tells.
 */
export function checkidentTable(e: Expr): Name | null {
  if (e.k === 'col') return [...e.parts];
  return e.k === 'lit' && typeof e.v === 'string' ? splitObjectName(e.v) : null;
}

/** The identity column's largest value (smallest, for a negative increment), or null without rows. */
function extreme(t: Table, columnId: number, increment: number): number | null {
  let best: number | null = null;
  for (const row of t.rows) {
    const v = row[columnId];
    if (typeof v !== 'number') continue;
    if (best === null || (increment > 0 ? v > best : v < best)) best = v;
  }
  return best;
}

/** Runs DBCC CHECKIDENT on `t` (found by the caller); returns the informational messages. */
export function checkIdent(t: Table | undefined, written: string, mode: 'check' | 'noreseed' | 'reseed', value: number | undefined): { number: number; message: string }[] {
  if (t === undefined) throw new SqlError(2501, 16, 45, `Cannot find a table or object with the name "${written}". Check the system catalog.`);
  const col = t.columns.find((c) => c.identity !== undefined);
  const identity = col?.identity;
  if (col === undefined || identity === undefined) throw new SqlError(7997, 16, 1, `'${t.name}' does not contain an identity column.`);
  const current = (): string => (identity.last === null ? 'NULL' : String(identity.last));
  const top = extreme(t, col.columnId, identity.increment);
  const before = current();
  if (mode === 'reseed' && value !== undefined) {
    // No row since creation (or TRUNCATE): the next insert takes `value` itself (inferred: held as value - increment).
    identity.last = identity.last === null ? value - identity.increment : value;
  } else if (mode !== 'noreseed' && top !== null && (identity.last === null || (identity.increment > 0 ? identity.last < top : identity.last > top))) {
    identity.last = top;
  }
  const columnValue = top === null ? 'NULL' : String(top);
  const checking = mode === 'noreseed' || before === current()
    ? `Checking identity information: current identity value '${before}', current column value '${columnValue}'.`
    : `Checking identity information: current identity value '${before}'.`;
  return [
    { number: 7998, message: checking },
    { number: 2528, message: 'DBCC execution completed. If DBCC printed error messages, contact your system administrator.' },
  ];
}
