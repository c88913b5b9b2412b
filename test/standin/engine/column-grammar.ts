/**
 * Grammar-view rewrites for the elements of CREATE TABLE (...) and ALTER TABLE ... ADD that SQL
 * Server accepts and the antlr grammar snapshot does not. Each only changes what the grammar sees;
 * the engine's own parser (parse-ddl.ts) reads the real text and checks it.
 *
 * - A column's options in another order than the grammar's (IDENTITY or DEFAULT after a
 *   PRIMARY KEY / UNIQUE / CHECK / REFERENCES, COLLATE after NOT NULL): the misplaced option is
 *   shown right after the data type, as `IDENTITY` / `DEFAULT 0` / `COLLATE c`. SQL Server takes a
 *   column's options in any order (inferred from peers' corpora run against real servers, e.g.
 *   sqldef's `id integer PRIMARY KEY IDENTITY(1,1)` and `PRIMARY KEY NONCLUSTERED NOT NULL DEFAULT
 *   (...)`); create-table-transact-sql.md lists them in one order only.
 * - DEFAULT (1 + 2), (-(1)) or (CASE ...) of a column: the grammar takes no operators there, so
 *   the expression is shown as 0 (the engine's parser reads and checks it).
 * - IDENTITY (-100, -5): create-table-transact-sql.md, "seed ... increment"; the grammar takes
 *   unsigned numbers only, so the signs are blanked.
 * - A column's `REFERENCES t` without a column list (create-table-transact-sql.md,
 *   <column_constraint>: "REFERENCES [ schema_name . ] referenced_table_name [ ( ref_column ) ]"):
 *   shown with `(x_ref)`.
 * - ON UPDATE before ON DELETE in a foreign key (the docs list ON DELETE first; SQL Server takes
 *   either order, inferred from sqlfluff's and HangFire's scripts): shown swapped.
 * - Inline indexes (create-table-transact-sql.md <table_index> and <column_index>; SQL Server
 *   2016+ for these): a table's index's `INCLUDE (...)`, `WHERE ...` and `[NONCLUSTERED]
 *   COLUMNSTORE` are blanked; a column's `INDEX i [CLUSTERED | NONCLUSTERED] [WITH (...)] [ON ...]`
 *   is blanked (memory-grammar.ts does the rest of the inline index forms).
 * - ALTER TABLE ... DROP COLUMN IF EXISTS c (SQL Server 2016+, alter-table-transact-sql.md):
 *   IF EXISTS is blanked.
 * - A sparse column set's COLUMN_SET FOR ALL_SPARSE_COLUMNS is blanked.
 */
import type { RewriteTools } from './temporal-grammar';
import { tableTypeStart } from './type-grammar';

/** The rewrite tools with a zero-width insertion just after a token. */
export interface ColumnRewriteTools extends RewriteTools {
  readonly insertAfter: (t: RewriteTools['tokens'][number], text: string) => void;
}

/** Where an ALTER TABLE ... ADD list ends: a `;` or the next statement's first word (outside parentheses). */
const STATEMENT_STARTS = new Set(['GO', 'CREATE', 'ALTER', 'DROP', 'SELECT', 'INSERT', 'UPDATE', 'DELETE', 'EXEC', 'EXECUTE', 'IF', 'BEGIN', 'END', 'ELSE', 'DECLARE', 'SET', 'PRINT', 'COMMIT', 'ROLLBACK', 'RETURN', 'WHILE', 'TRUNCATE', 'MERGE', 'USE', 'GRANT', 'DENY', 'REVOKE']);
/** Words that end a column DEFAULT's expression (the column's next option). */
const DEFAULT_STOPS = new Set(['NOT', 'NULL', 'CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'REFERENCES', 'FOREIGN', 'IDENTITY', 'COLLATE', 'ROWGUIDCOL', 'WITH', 'INDEX', 'SPARSE', 'MASKED', 'GENERATED', 'PERSISTED', 'FILESTREAM', 'ENCRYPTED', ',', ')']);
const CONSTRAINT_WORDS = new Set(['PRIMARY', 'UNIQUE', 'CHECK', 'REFERENCES', 'FOREIGN']);
const TABLE_ELEMENT_WORDS = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN', 'DEFAULT', 'PERIOD', 'INDEX']);

/** Applies the table-element rewrites that start at token i. */
export function columnRewrites(i: number, r: ColumnRewriteTools): void {
  const { up, tokens, blank } = r;
  const isName = (j: number): boolean => tokens[j] !== undefined && (tokens[j].kind === 'word' || tokens[j].kind === 'qid');
  const afterGroup = (j: number): number => {
    let depth = 0;
    do { if (up(j) === '(') depth++; if (up(j) === ')') depth--; j++; } while (tokens[j] && tokens[j].kind !== 'eof' && depth > 0);
    return j;
  };
  const afterName = (j: number): number => { while (isName(j) && up(j + 1) === '.') j += 2; return j + 1; };
  if (up(i) === 'DROP' && up(i + 1) === 'COLUMN' && up(i + 2) === 'IF' && up(i + 3) === 'EXISTS') { blank(tokens[i + 2]); blank(tokens[i + 3]); }
  // A sparse column set, `cs xml COLUMN_SET FOR ALL_SPARSE_COLUMNS` (create-table-transact-sql.md
  // <column_set_definition>): the grammar sees the xml column (column-sets.ts keeps the rest).
  if (up(i) === 'COLUMN_SET' && up(i + 1) === 'FOR' && up(i + 2) === 'ALL_SPARSE_COLUMNS') { blank(tokens[i]); blank(tokens[i + 1]); blank(tokens[i + 2]); }
  let elements: [number, number][] = [];
  const typeOpen = tableTypeStart(i, up, isName);
  if ((up(i) === 'CREATE' && up(i + 1) === 'TABLE') || typeOpen > 0) {
    // CREATE TYPE n AS TABLE (...) has a table's elements (type-grammar.ts).
    const open = typeOpen > 0 ? typeOpen : afterName(i + 2);
    if (up(open) !== '(') return;
    const close = afterGroup(open) - 1;
    elements = split(open + 1, close);
    placementBeforeWith(close + 1);
  } else if (up(i) === 'ALTER' && up(i + 1) === 'TABLE') {
    let j = afterName(i + 2);
    if (up(j) === 'WITH' && (up(j + 1) === 'CHECK' || up(j + 1) === 'NOCHECK')) j += 2;
    if (up(j) === 'DROP') { dropList(j + 1); return; }
    if (up(j) !== 'ADD') return;
    let end = j + 1;
    while (tokens[end] && tokens[end].kind !== 'eof' && up(end) !== ';') {
      const u = up(end);
      // ON DELETE / ON UPDATE [SET NULL] belong to a foreign key, not a new statement.
      const inAction = ((u === 'DELETE' || u === 'UPDATE') && up(end - 1) === 'ON') || (u === 'SET' && (up(end - 1) === 'DELETE' || up(end - 1) === 'UPDATE'));
      if (STATEMENT_STARTS.has(u) && !inAction) break;
      end = u === '(' ? afterGroup(end) : end + 1;
    }
    elements = split(j + 1, end);
  } else return;
  for (const [a, b] of elements) {
    referentialOrder(a, b);
    if (up(a) === 'INDEX') tableIndex(a, b);
    else if (!TABLE_ELEMENT_WORDS.has(up(a)) && isName(a) && up(a + 1) !== 'AS') column(a, b);
  }

  /**
   * `ON fg [TEXTIMAGE_ON fg] WITH (...)` after a table's elements, the docs' order (SSMS scripts it
   * so): the grammar takes the WITH first, so the placement is shown after it (a scheme's column
   * list, which storage-grammar.ts hides, is left out).
   */
  function placementBeforeWith(j: number): void {
    if (up(j) !== 'ON' || !isName(j + 1)) return;
    const start = j;
    const shown = [`ON ${tokens[j + 1].text}`];
    j = up(j + 2) === '(' ? afterGroup(j + 2) : j + 2;
    if (up(j) === 'TEXTIMAGE_ON' && isName(j + 1)) { shown.push(`TEXTIMAGE_ON ${tokens[j + 1].text}`); j += 2; }
    if (up(j) !== 'WITH' || up(j + 1) !== '(') return;
    for (let m = start; m < j; m++) blank(tokens[m]);
    r.insertAfter(tokens[afterGroup(j + 1) - 1], ` ${shown.join(' ')}`);
  }

  /**
   * ALTER TABLE t DROP [COLUMN | CONSTRAINT] [IF EXISTS] a [WITH (...)], [COLUMN | CONSTRAINT] b ...:
   * the grammar takes one kind per list and no IF EXISTS after a comma, so it sees the first item only
   * (the engine's parser reads and checks them all).
   */
  function dropList(j: number): void {
    if (up(j) === 'COLUMN' || up(j) === 'CONSTRAINT') j++;
    if (up(j) === 'IF' && up(j + 1) === 'EXISTS') j += 2;
    if (!isName(j)) return;
    j++;
    if (up(j) === 'WITH' && up(j + 1) === '(') j = afterGroup(j + 1);
    if (up(j) !== ',') return;
    while (tokens[j] && tokens[j].kind !== 'eof' && up(j) !== ';' && !(STATEMENT_STARTS.has(up(j)) && !(up(j) === 'IF' && up(j + 1) === 'EXISTS'))) {
      const next = up(j) === '(' ? afterGroup(j) : j + 1;
      for (let m = j; m < next; m++) blank(tokens[m]);
      j = next;
    }
  }

  /** [start, end) of each element between from and to, split at top-level commas. */
  function split(from: number, to: number): [number, number][] {
    const out: [number, number][] = [];
    let s = from;
    for (let j = from; j < to;) {
      if (up(j) === '(') { j = afterGroup(j); continue; }
      if (up(j) === ',') { out.push([s, j]); s = j + 1; }
      j++;
    }
    if (s < to) out.push([s, to]);
    return out;
  }

  /** ON UPDATE x ON DELETE y -> ON DELETE y ON UPDATE x. */
  function referentialOrder(a: number, b: number): void {
    const actionEnd = (j: number): number => (up(j) === 'NO' || up(j) === 'SET' ? j + 2 : j + 1);
    for (let j = a; j < b; j++) {
      if (up(j) !== 'ON' || up(j + 1) !== 'UPDATE') continue;
      const uEnd = actionEnd(j + 2);
      if (up(uEnd) !== 'ON' || up(uEnd + 1) !== 'DELETE') continue;
      const dEnd = actionEnd(uEnd + 2);
      const text = (from: number, to: number): string => tokens.slice(from, to).map((t) => t.text).join(' ');
      r.edit(tokens[j], `${text(uEnd, dEnd)} ${text(j, uEnd)}`);
      for (let k = j + 1; k < dEnd; k++) blank(tokens[k]);
      return;
    }
  }

  /**
   * INDEX i [UNIQUE] [CLUSTERED | NONCLUSTERED] (...) [INCLUDE (...)] [WHERE ...] [WITH (...)] [ON ...]
   * or INDEX i [NONCLUSTERED] COLUMNSTORE (...) (UNIQUE CLUSTERED and CLUSTERED COLUMNSTORE are
   * memory-grammar.ts's).
   */
  function tableIndex(a: number, b: number): void {
    let j = a + 2;
    if (up(j) === 'UNIQUE') j++;
    if (up(j) === 'NONCLUSTERED' || up(j) === 'CLUSTERED') j++;
    if (up(j) === 'COLUMNSTORE' && up(j - 1) !== 'CLUSTERED') blank(tokens[j]);
    for (let k = j; k < b;) {
      if (up(k) === 'INCLUDE' && up(k + 1) === '(') { blank(tokens[k]); r.blankGroup(k + 1); k = afterGroup(k + 1); continue; }
      if (up(k) === 'WHERE') {
        let e = k;
        while (e < b && up(e) !== 'WITH' && up(e) !== 'ON') e = up(e) === '(' ? afterGroup(e) : e + 1;
        for (let m = k; m < e; m++) blank(tokens[m]);
        k = e;
        continue;
      }
      k = up(k) === '(' ? afterGroup(k) : k + 1;
    }
  }

  /**
   * Whether tokens [from, to) are more than the grammar's constant: a binary operator, a sign
   * before a parenthesis (`-(1)`), or CASE (a sign before a number, as in `(-1)`, it takes).
   */
  function beyondConstant(from: number, to: number): boolean {
    const ops = ['+', '-', '*', '/', '%', '&', '|', '^', '~'];
    for (let j = from; j < to; j++) {
      if (up(j) === 'CASE') return true;
      if (!ops.includes(up(j))) continue;
      if (j > from && !['(', ',', ...ops].includes(up(j - 1))) return true;
      if (up(j + 1) === '(') return true;
    }
    return false;
  }

  /** A column definition: name, type, then its options in any order. */
  function column(a: number, b: number): void {
    let typeEnd = a + 1;
    if (isName(typeEnd) && up(typeEnd + 1) === '.' && isName(typeEnd + 2)) typeEnd += 2;
    if (up(typeEnd + 1) === '(') typeEnd = afterGroup(typeEnd + 1) - 1;
    let insertAt = tokens[typeEnd];
    const moved: string[] = [];
    let collate = '';
    let constraintSeen = false;
    for (let k = typeEnd + 1; k < b;) {
      const u = up(k);
      if (u === '(') { k = afterGroup(k); continue; }
      if (u === 'COLLATE' && isName(k + 1)) {
        if (k === typeEnd + 1) insertAt = tokens[k + 1];
        else { collate = `COLLATE ${tokens[k + 1].text}`; blank(tokens[k]); blank(tokens[k + 1]); }
        k += 2;
        continue;
      }
      if (u === 'IDENTITY') {
        const end = up(k + 1) === '(' ? afterGroup(k + 1) : k + 1;
        if (constraintSeen) { moved.push('IDENTITY'); for (let m = k; m < end; m++) blank(tokens[m]); }
        else for (let m = k + 2; m < end; m++) if ((up(m) === '-' || up(m) === '+') && (up(m - 1) === '(' || up(m - 1) === ',')) blank(tokens[m]);
        k = end;
        continue;
      }
      // ON DELETE | ON UPDATE SET DEFAULT is a foreign key's action, not the column's default.
      if ((u === 'DEFAULT' && up(k - 1) !== 'SET') || (u === 'CONSTRAINT' && up(k + 2) === 'DEFAULT')) {
        const d = u === 'DEFAULT' ? k : k + 2;
        let end = up(d + 1) === '(' ? afterGroup(d + 1) : d + 2;
        while (end < b && !DEFAULT_STOPS.has(up(end))) end = up(end) === '(' ? afterGroup(end) : end + 1;
        const exprEnd = end;
        if (up(end) === 'WITH' && up(end + 1) === 'VALUES') end += 2;
        if (constraintSeen) { moved.push('DEFAULT 0'); for (let m = k; m < end; m++) blank(tokens[m]); }
        else if (beyondConstant(d + 1, exprEnd)) {
          // DEFAULT (1 + 2): the grammar takes a constant, a function call or NULL only, SQL Server
          // any constant expression (create-table-transact-sql.md, "constant_expression").
          r.edit(tokens[d + 1], '0');
          for (let m = d + 2; m < exprEnd; m++) blank(tokens[m]);
        }
        k = end;
        continue;
      }
      if (CONSTRAINT_WORDS.has(u)) constraintSeen = true;
      if (u === 'REFERENCES') {
        const last = afterName(k + 1) - 1;
        if (isName(last) && up(last + 1) !== '(') r.insertAfter(tokens[last], ' (x_ref)');
      }
      if (u === 'INDEX' && isName(k + 1)) {
        // <column_index>: INDEX i [CLUSTERED | NONCLUSTERED] [WITH (...)] [ON fg | ps (c)] [FILESTREAM_ON x].
        let end = k + 2;
        if (up(end) === 'CLUSTERED' || up(end) === 'NONCLUSTERED') end++;
        if (up(end) === 'WITH' && up(end + 1) === '(') end = afterGroup(end + 1);
        if (up(end) === 'ON' && isName(end + 1)) end = up(end + 2) === '(' ? afterGroup(end + 2) : end + 2;
        if (up(end) === 'FILESTREAM_ON' && isName(end + 1)) end += 2;
        for (let m = k; m < end; m++) blank(tokens[m]);
        k = end;
        continue;
      }
      k++;
    }
    const text = [collate, ...moved].filter((x) => x !== '').join(' ');
    if (text !== '') r.insertAfter(insertAt, ` ${text}`);
  }
}
