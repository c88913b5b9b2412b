/**
 * Grammar-view rewrites for system-versioned temporal tables: the antlr grammar snapshot knows
 * none of their syntax (GENERATED ALWAYS AS ROW START/END [HIDDEN], PERIOD FOR SYSTEM_TIME,
 * SYSTEM_VERSIONING = ON (...) / OFF, DROP PERIOD, ALTER COLUMN ... ADD|DROP HIDDEN, and a ledger
 * table's GENERATED ALWAYS AS TRANSACTION_ID | SEQUENCE_NUMBER and WITH (LEDGER = ON ...); see
 * https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql and
 * .../alter-table-transact-sql). Each rewrite only changes what the grammar sees; the engine's
 * own parser reads the real text.
 */
import type { Token } from './grammar';

/** What a rewrite may do to the view: read tokens, blank them, or replace their text. */
export interface RewriteTools {
  readonly up: (i: number) => string;
  readonly tokens: readonly Token[];
  readonly blank: (t: Token) => void;
  readonly blankGroup: (j: number) => void;
  readonly edit: (t: Token, text: string) => void;
}

/** Applies the temporal rewrites that start at token i. */
export function temporalRewrites(i: number, r: RewriteTools): void {
  const { up, tokens, blank, blankGroup, edit } = r;
  // GENERATED ALWAYS AS ROW | TRANSACTION_ID | SEQUENCE_NUMBER START|END [HIDDEN] (the last two: ledger tables, SQL Server 2022)
  if (up(i) === 'GENERATED' && up(i + 1) === 'ALWAYS' && up(i + 2) === 'AS' && ['ROW', 'TRANSACTION_ID', 'SEQUENCE_NUMBER'].includes(up(i + 3)) && (up(i + 4) === 'START' || up(i + 4) === 'END')) {
    for (let k = i; k <= i + 4; k++) blank(tokens[k]);
    if (up(i + 5) === 'HIDDEN') blank(tokens[i + 5]);
  }
  // PERIOD FOR SYSTEM_TIME (s, e): in a list it goes with its comma; alone after ADD it becomes a column.
  if (up(i) === 'PERIOD' && up(i + 1) === 'FOR' && up(i + 2) === 'SYSTEM_TIME' && up(i + 3) === '(') {
    if (up(i - 1) === 'DROP') {
      edit(tokens[i], 'COLUMN'); edit(tokens[i + 1], 'x_period'); blank(tokens[i + 2]);
      return;
    }
    if (up(i - 1) === 'ADD') {
      edit(tokens[i], 'x_period'); edit(tokens[i + 1], 'int'); blank(tokens[i + 2]); blankGroup(i + 3);
      return;
    }
    if (up(i - 1) === ',') blank(tokens[i - 1]);
    blank(tokens[i]); blank(tokens[i + 1]); blank(tokens[i + 2]); blankGroup(i + 3);
  }
  if (up(i) === 'DROP' && up(i + 1) === 'PERIOD' && up(i + 2) === 'FOR' && up(i + 3) === 'SYSTEM_TIME' && up(i + 4) !== '(') {
    edit(tokens[i + 1], 'COLUMN'); edit(tokens[i + 2], 'x_period'); blank(tokens[i + 3]);
  }
  // WITH (... LEDGER = ON [(...)] ...) closing a CREATE TABLE (ledger tables, SQL Server 2022): the whole group.
  if (up(i) === 'WITH' && up(i + 1) === '(' && up(i + 2) !== 'SYSTEM_VERSIONING' && hasLedgerOption(i + 1, r)) { blank(tokens[i]); blankGroup(i + 1); return; }
  // WITH (SYSTEM_VERSIONING = ...) closing a CREATE TABLE; SET (SYSTEM_VERSIONING = ...) of ALTER TABLE.
  if (up(i) === '(' && up(i + 1) === 'SYSTEM_VERSIONING' && up(i + 2) === '=') {
    if (up(i - 1) === 'WITH') { blank(tokens[i - 1]); blankGroup(i); return; }
    if (up(i - 1) === 'SET') {
      edit(tokens[i + 1], 'LOCK_ESCALATION'); edit(tokens[i + 3], 'AUTO');
      if (up(i + 4) === '(') blankGroup(i + 4);
    }
  }
  // ALTER COLUMN c ADD|DROP HIDDEN
  if (up(i) === 'ALTER' && up(i + 1) === 'COLUMN' && (up(i + 3) === 'ADD' || up(i + 3) === 'DROP') && up(i + 4) === 'HIDDEN') {
    edit(tokens[i + 3], 'int'); blank(tokens[i + 4]);
  }
  // A table in FROM read FOR SYSTEM_TIME AS OF t | FROM s TO e | BETWEEN s AND e | CONTAINED IN (s, e) | ALL
  // (https://learn.microsoft.com/sql/t-sql/queries/from-transact-sql, <system_time>): blanked whole.
  if (up(i) === 'FOR' && up(i + 1) === 'SYSTEM_TIME' && up(i - 1) !== 'PERIOD') {
    const end = systemTimeEnd(i + 2, up);
    for (let k = i; k < end; k++) blank(tokens[k]);
  }
}

/** The token after a FOR SYSTEM_TIME sub-clause starting at j (its bounds are simple expressions). */
function systemTimeEnd(j: number, up: (i: number) => string): number {
  const groupEnd = (k: number): number => {
    let depth = 0;
    do { if (up(k) === '(') depth++; if (up(k) === ')') depth--; k++; } while (depth > 0 && up(k) !== '');
    return k;
  };
  // An operand (a literal, @variable, name, name.name, f(...), (...)) with a sign, joined by arithmetic operators.
  const exprEnd = (k: number): number => {
    for (;;) {
      while (up(k) === '-' || up(k) === '+') k++;
      if (up(k) === '(') k = groupEnd(k);
      else {
        k++;
        while (up(k) === '.') k += 2;
        if (up(k) === '(') k = groupEnd(k);
      }
      if (!['+', '-', '*', '/', '%'].includes(up(k))) return k;
      k++;
    }
  };
  if (up(j) === 'ALL') return j + 1;
  if (up(j) === 'AS' && up(j + 1) === 'OF') return exprEnd(j + 2);
  if (up(j) === 'FROM') { const to = exprEnd(j + 1); return up(to) === 'TO' ? exprEnd(to + 1) : to; }
  if (up(j) === 'BETWEEN') { const and = exprEnd(j + 1); return up(and) === 'AND' ? exprEnd(and + 1) : and; }
  if (up(j) === 'CONTAINED' && up(j + 1) === 'IN' && up(j + 2) === '(') return groupEnd(j + 2);
  // Not a sub-clause SQL Server knows: left for the grammar to refuse.
  return j - 2;
}

/** Whether the parenthesised group opening at token j holds `LEDGER =` at its top level. */
function hasLedgerOption(j: number, r: RewriteTools): boolean {
  let depth = 0;
  for (let k = j; r.tokens[k] !== undefined && r.tokens[k].kind !== 'eof'; k++) {
    if (r.up(k) === '(') depth++;
    else if (r.up(k) === ')') { depth--; if (depth === 0) return false; }
    else if (depth === 1 && r.up(k) === 'LEDGER' && r.up(k + 1) === '=') return true;
  }
  return false;
}
