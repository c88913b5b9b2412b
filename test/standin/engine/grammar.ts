/**
 * The T-SQL grammar gate: antlr4ts-sql's TSqlLexer tokenises every batch and TSqlParser checks
 * its syntax (Msg 102 with the line). Loaded lazily, once, because loading costs ~0.6 s.
 */
import { changeTrackingRewrites } from './change-tracking-grammar';
import { graphRewrites, PSEUDO_COLUMNS } from './graph-grammar';
import type { Token as AntlrToken } from 'antlr4ts';
import { securityRewrites } from './security-grammar';
import { policyRewrites } from './policy-grammar';
import { sequenceRewrites } from './sequence-grammar';
import { statisticsRewrites } from './statistics-grammar';
import { xmlRewrites } from './xml-grammar';
import { temporalRewrites } from './temporal-grammar';
import { storageRewrites } from './storage-grammar';
import { memoryRewrites } from './memory-grammar';
import { columnRewrites } from './column-grammar';
import { isBareProcedureCall } from './token-reader';
import { tableTypeStart, typeRewrites } from './type-grammar';
import { RESERVED_KEYWORDS } from './reserved-keywords';

/** One lexical token, classified for the engine's statement parser. */
export interface Token {
  readonly kind: 'word' | 'qid' | 'string' | 'number' | 'var' | 'binary' | 'op' | 'eof';
  /** Source text as written (keywords upper-cased in `upper`). */
  readonly text: string;
  readonly upper: string;
  /** For qid: the unquoted name; for string: the unquoted value; otherwise text. */
  readonly value: string;
  /** True for N'...' literals. */
  readonly national: boolean;
  readonly line: number;
  readonly start: number;
  readonly stop: number;
}

interface Antlr {
  CharStreams: typeof import('antlr4ts').CharStreams;
  CommonTokenStream: typeof import('antlr4ts').CommonTokenStream;
  CaseChangingStream: typeof import('antlr4ts-sql/dist/src/models/CaseChangingStream').CaseChangingStream;
  TSqlLexer: typeof import('antlr4ts-sql/dist/src/grammar-output/tsql/TSqlLexer').TSqlLexer;
  TSqlParser: typeof import('antlr4ts-sql/dist/src/grammar-output/tsql/TSqlParser').TSqlParser;
  BailErrorStrategy: typeof import('antlr4ts').BailErrorStrategy;
  PredictionMode: typeof import('antlr4ts/atn').PredictionMode;
}
/**
 * Under Jest, Node's own require (test/support/node-environment.js sets it), outside Jest's
 * per-test-file module registry: the grammar is pure, and loading it once per worker instead of
 * once per test file saves its seconds of deserialisation and prediction warm-up each time.
 */
const hostRequire: NodeRequire = (globalThis as { __hostRequire?: NodeRequire }).__hostRequire ?? require;
let antlr: Antlr | undefined;
function load(): Antlr {
  if (!antlr) {
    // Required here, not imported at the top, so a process that never runs SQL never pays the load.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const require = hostRequire;
    const a = require('antlr4ts') as typeof import('antlr4ts');
    antlr = {
      CharStreams: a.CharStreams,
      CommonTokenStream: a.CommonTokenStream,
      BailErrorStrategy: a.BailErrorStrategy,
      PredictionMode: (require('antlr4ts/atn') as typeof import('antlr4ts/atn')).PredictionMode,
      CaseChangingStream: (require('antlr4ts-sql/dist/src/models/CaseChangingStream') as typeof import('antlr4ts-sql/dist/src/models/CaseChangingStream')).CaseChangingStream,
      TSqlLexer: (require('antlr4ts-sql/dist/src/grammar-output/tsql/TSqlLexer') as typeof import('antlr4ts-sql/dist/src/grammar-output/tsql/TSqlLexer')).TSqlLexer,
      TSqlParser: (require('antlr4ts-sql/dist/src/grammar-output/tsql/TSqlParser') as typeof import('antlr4ts-sql/dist/src/grammar-output/tsql/TSqlParser')).TSqlParser,
    };
  }
  return antlr;
}

function lineOf(sql: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < sql.length; i++) if (sql.charCodeAt(i) === 10) line++;
  return line;
}

const tokensByText = new Map<string, readonly Token[]>();

/**
 * tokenize for a batch a session runs: a batch sent again (clients repeat their catalog queries,
 * and schemac's catalog read is a long one) takes the tokens of its first run.
 */
export function tokenizeBatch(sql: string, quotedIdentifier: boolean): readonly Token[] {
  const textKey = `${quotedIdentifier ? 'Q' : 'q'}${sql}`;
  const known = tokensByText.get(textKey);
  if (known !== undefined) return known;
  const tokens = tokenize(sql, quotedIdentifier);
  if (tokensByText.size > 500) tokensByText.clear();
  tokensByText.set(textKey, tokens);
  return tokens;
}

/**
 * Tokenises a batch with the grammar's own lexer (comments and whitespace dropped). With
 * QUOTED_IDENTIFIER OFF (sqlcmd's default) "..." is a string literal, not a name.
 */
export function tokenize(sql: string, quotedIdentifier = true): Token[] {
  const { CharStreams, CommonTokenStream, CaseChangingStream, TSqlLexer } = load();
  // CaseChangingStream's type is loose (any); the lexer accepts any CharStream.
  const lexer = new TSqlLexer(new CaseChangingStream(CharStreams.fromString(sql), true) as never);
  lexer.removeErrorListeners();
  const stream = new CommonTokenStream(lexer);
  stream.fill();
  const out: Token[] = [];
  for (const t of stream.getTokens() as AntlrToken[]) {
    if (t.channel !== 0) continue;
    if (t.type === -1) {
      out.push({ kind: 'eof', text: '', upper: '', value: '', national: false, line: lineOf(sql, sql.length), start: sql.length, stop: sql.length });
      continue;
    }
    const text = sql.slice(t.startIndex, t.stopIndex + 1);
    const sym = lexer.vocabulary.getSymbolicName(t.type) ?? '';
    let kind: Token['kind'];
    let value = text;
    let national = false;
    if (sym === 'ID') kind = 'word';
    else if (sym === 'SQUARE_BRACKET_ID') { kind = 'qid'; value = text.slice(1, -1).replace(/]]/g, ']'); }
    // The lexer has its own token for "DEFAULT" (the filegroup of `ON "default"`): a quoted name too.
    else if (sym === 'DOUBLE_QUOTE_ID' || sym === 'DEFAULT_DOUBLE_QUOTE') { kind = quotedIdentifier ? 'qid' : 'string'; value = text.slice(1, -1).replace(/""/g, '"'); }
    else if (sym === 'STRING') {
      kind = 'string';
      national = /^n/i.test(text);
      value = text.slice(national ? 2 : 1, -1).replace(/''/g, "'");
    } else if (sym === 'DECIMAL' || sym === 'FLOAT' || sym === 'REAL') kind = 'number';
    else if (sym === 'BINARY') kind = 'binary';
    else if (sym === 'LOCAL_ID') kind = 'var';
    else if (/^[A-Za-z_]/.test(text)) kind = 'word';
    else kind = 'op';
    out.push({ kind, text, upper: text.toUpperCase(), value, national, line: t.line, start: t.startIndex, stop: t.stopIndex });
  }
  return joinPseudoColumns(sql, out);
}

/**
 * `$node_id` lexes as `$` and `node_id`: a graph pseudo-column (sql-graph-architecture) is joined
 * into one identifier token, `$` and the word written together.
 */
function joinPseudoColumns(sql: string, tokens: Token[]): Token[] {
  if (!sql.includes('$')) return tokens;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t.kind === 'op' && t.text === '$' && next !== undefined && next.kind === 'word' && next.start === t.stop + 1 && PSEUDO_COLUMNS.has(`$${next.upper}`)) {
      const text = sql.slice(t.start, next.stop + 1);
      out.push({ ...t, kind: 'qid', text, upper: text.toUpperCase(), value: text.toLowerCase(), stop: next.stop });
      i++;
    } else out.push(t);
  }
  return out;
}

/** A syntax error as SQL Server reports it (Msg 102, class 15). */
export interface SyntaxProblem { readonly line: number; readonly near: string }

/**
 * Token-level pre-pass for forms SQL Server accepts but this grammar snapshot rejects (design.md
 * "Testing"); each rewrite keeps line numbers and only changes what the grammar sees:
 * - ALTER TABLE t WITH CHECK|NOCHECK ...        -> the WITH CHECK|NOCHECK is blanked
 * - ALTER TABLE t [..] CHECK|NOCHECK CONSTRAINT c [, ...] -> seen as DROP CONSTRAINT c (ALL -> a name, the rest of a list blanked)
 * - DROP CONSTRAINT IF EXISTS c                 -> DROP CONSTRAINT c
 * - SET A, B, C ON|OFF                          -> SET A ON|OFF
 * - ADD [CONSTRAINT d] DEFAULT <expr> FOR c     -> DEFAULT 0 FOR c
 * - SET TEXTSIZE n (tedious sends it at login)  -> SET DATEFIRST n
 * - ONLINE = ON (WAIT_AT_LOW_PRIORITY (...))     -> ONLINE = ON
 * - ALTER COLUMN ... WITH (ONLINE = ON|OFF)      -> the WITH (...) is blanked
 * - CREATE OR ALTER VIEW|PROC|FUNCTION|TRIGGER   -> the OR ALTER is blanked (SQL Server 2016 SP1+)
 * - CREATE TYPE t FROM base [(...)] [NOT NULL]    -> ... FROM base NULL (the grammar takes only a trailing NULL)
 * - a column type [schema].[type] in CREATE TABLE / ALTER TABLE (ADD, ALTER COLUMN) -> [type]
 * - UPDATE(column) after IF / AND / OR / NOT / ( / WHEN / WHILE (a trigger's test) -> 0 = ABS(column)
 * Temporal tables (SQL Server 2016+, create-table-transact-sql.md / alter-table-transact-sql.md;
 * the grammar snapshot has none of it), see temporal-grammar.ts:
 * - GENERATED ALWAYS AS ROW START|END [HIDDEN]   -> blanked
 * - [,] PERIOD FOR SYSTEM_TIME (s, e)            -> blanked (alone after ADD: a column `x_period int`)
 * - WITH (SYSTEM_VERSIONING = ...) of CREATE TABLE -> blanked
 * - GENERATED ALWAYS AS TRANSACTION_ID | SEQUENCE_NUMBER START|END [HIDDEN], WITH (... LEDGER = ON ...) of CREATE TABLE -> blanked (ledger tables)
 * - SET (SYSTEM_VERSIONING = ...)                -> SET (LOCK_ESCALATION = AUTO)
 * - DROP PERIOD FOR SYSTEM_TIME                  -> DROP COLUMN x_period
 * - ALTER COLUMN c ADD|DROP HIDDEN               -> ALTER COLUMN c int
 * - c type SPARSE NULL (CREATE TABLE)            -> SPARSE is blanked
 * - ROWGUIDCOL before a column's constraints     -> blanked (the grammar takes it only last)
 * - NOT FOR REPLICATION (of a FOREIGN KEY; also IDENTITY's and CHECK's) -> blanked
 * - ALTER COLUMN c ADD|DROP SPARSE | ROWGUIDCOL  -> DROP COLUMN c
 * - ALTER COLUMN c ADD|DROP NOT FOR REPLICATION  -> DROP COLUMN c
 * - MASKED WITH (FUNCTION = '...') of a column   -> blanked (Dynamic Data Masking, SQL Server 2016+)
 * - ENCRYPTED WITH (...) of a column              -> blanked (Always Encrypted, SQL Server 2016+)
 * - ALTER COLUMN c ADD MASKED WITH (...) | DROP MASKED -> DROP COLUMN c
 * - ALTER INDEX i ON t REBUILD [WITH (...)] | SET (...) | RESUME [WITH (...)] | PAUSE | ABORT -> DROP INDEX i ON t
 * - MAX_DURATION = n MINUTES (RESUMABLE's, create-index-transact-sql) -> MAX_DURATION = n
 * - CREATE [NON]CLUSTERED COLUMNSTORE INDEX i ON t -> CREATE ... INDEX i ON t (x), COLUMNSTORE blanked
 * - DROP INDEX i ON t WITH (ONLINE = ON, ...), ALTER TABLE t DROP CONSTRAINT c WITH (...) -> the WITH (...) is blanked
 *   (drop-index-transact-sql: <drop_clustered_index_option>; alter-table-transact-sql: <drop_clustered_constraint_option>)
 * (sources: create-table, alter-table, alter-index and create-columnstore-index-transact-sql)
 * User-defined table types (CREATE TYPE ... AS TABLE, DECLARE @v s.t), see type-grammar.ts.
 * SQL Graph (AS NODE | AS EDGE, CONNECTION constraints, $node_id and the other pseudo-columns), see graph-grammar.ts.
 * Memory-optimized tables (HASH, inline and ALTER TABLE ... ADD | DROP | ALTER INDEX), see memory-grammar.ts.
 * Table elements (column options in any order, signed IDENTITY seeds, REFERENCES t without columns,
 * ON UPDATE before ON DELETE, inline indexes' INCLUDE / WHERE / NONCLUSTERED COLUMNSTORE, a column's
 * INDEX i CLUSTERED, DROP COLUMN IF EXISTS), see column-grammar.ts.
 * Index options and data spaces, see storage-grammar.ts: FILLFACTOR = n, ON ps (column),
 * ALTER DATABASE ... ADD FILEGROUP, CREATE PARTITION FUNCTION | SCHEME.
 * Change tracking (ALTER TABLE ... ENABLE | DISABLE CHANGE_TRACKING, ALTER DATABASE ... SET
 * CHANGE_TRACKING options), see change-tracking-grammar.ts.
 * GRANT, DENY, REVOKE, see security-grammar.ts: the statement -> GRANT ALL ON x_securable TO x_principal.
 * - GROUP BY ... WITH ROLLUP | CUBE                -> the WITH ROLLUP | CUBE is blanked
 * Sequences, see sequence-grammar.ts:
 * - NEXT VALUE FOR [a.]b                         -> 0
 * - a negative START WITH / MINVALUE / MAXVALUE / RESTART WITH / ALTER ... INCREMENT BY -> the minus is blanked
 */
export function grammarView(sql: string, tokens: readonly Token[]): string {
  const edits: { start: number; stop: number; text: string }[] = [];
  const blank = (t: Token): void => { edits.push({ start: t.start, stop: t.stop, text: '' }); };
  const up = (i: number): string => tokens[i]?.upper ?? '';
  /** Blanks the parenthesised group that opens at token j; returns the index after it. */
  const blankGroup = (j: number): number => {
    let depth = 0;
    do { if (up(j) === '(') depth++; if (up(j) === ')') depth--; blank(tokens[j]); j++; } while (tokens[j] && depth > 0);
    return j;
  };
  /** The first token from j on that is one of `words` outside parentheses (or the end). */
  const topLevel = (j: number, words: readonly string[]): number => {
    let depth = 0;
    while (tokens[j] && tokens[j].kind !== 'eof' && !(depth === 0 && words.includes(up(j)))) {
      if (up(j) === '(') depth++;
      if (up(j) === ')') depth--;
      j++;
    }
    return j;
  };
  const isName = (j: number): boolean => tokens[j] !== undefined && (tokens[j].kind === 'word' || tokens[j].kind === 'qid');
  // Inside CREATE TABLE / ALTER TABLE, until the statement ends (a `;` or the next CREATE/ALTER/DROP...).
  let tableDdl = false;
  // Inside CREATE / ALTER SEQUENCE, until a `;` or the next statement keyword.
  let sequenceDdl = false;
  // A procedure called without EXEC at the batch's start (token-reader.ts): the grammar sees EXEC.
  if (isBareProcedureCall(tokens)) edits.push({ start: tokens[0].start, stop: tokens[0].start - 1, text: 'EXEC ' });
  for (let i = 0; i < tokens.length; i++) {
    // GROUP BY a, b WITH ROLLUP | CUBE, the older spelling of ROLLUP (a, b) (select-group-by-transact-sql,
    // "GROUP BY ... WITH { CUBE | ROLLUP }", kept for backward compatibility): the WITH ... is blanked.
    if (up(i) === 'WITH' && (up(i + 1) === 'ROLLUP' || up(i + 1) === 'CUBE') && up(i + 2) !== '(') { blank(tokens[i]); blank(tokens[i + 1]); i++; continue; }
    // CREATE DEFAULT d AS expr / CREATE RULE r AS condition, and DROP DEFAULT | RULE, which the
    // grammar snapshot lacks (create-default-transact-sql, create-rule-transact-sql): it sees
    // SELECT expr / SELECT 1 WHERE condition, and DROP TABLE [IF EXISTS] names.
    if (up(i) === 'CREATE' && (up(i + 1) === 'DEFAULT' || up(i + 1) === 'RULE')) {
      const as = topLevel(i + 2, ['AS']);
      if (tokens[as] !== undefined && up(as) === 'AS') {
        edits.push({ start: tokens[i].start, stop: tokens[as].stop, text: up(i + 1) === 'RULE' ? 'SELECT 1 WHERE' : 'SELECT' });
        i = as;
        continue;
      }
    }
    if (up(i) === 'DROP' && (up(i + 1) === 'DEFAULT' || up(i + 1) === 'RULE')) edits.push({ start: tokens[i + 1].start, stop: tokens[i + 1].stop, text: 'TABLE' });
    // GRANT / DENY / REVOKE: rewritten whole (security-grammar.ts), nothing else applies inside.
    const securityEnd = securityRewrites(i, { up, tokens, blank, blankGroup, edit: (t, text) => edits.push({ start: t.start, stop: t.stop, text }) });
    if (securityEnd > i) { i = securityEnd; continue; }
    // CREATE / ALTER / DROP SECURITY POLICY: likewise (policy-grammar.ts).
    const policyEnd = policyRewrites(i, { up, tokens, blank, blankGroup, edit: (t, text) => edits.push({ start: t.start, stop: t.stop, text }) });
    if (policyEnd > i) { i = policyEnd; continue; }
    if (up(i) === ';' || ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'EXEC', 'EXECUTE', 'DROP', 'IF', 'BEGIN', 'DECLARE', 'SET', 'PRINT', 'GO', 'CREATE', 'ALTER'].includes(up(i))) sequenceDdl = false;
    if ((up(i) === 'CREATE' || up(i) === 'ALTER') && up(i + 1) === 'SEQUENCE') sequenceDdl = true;
    sequenceRewrites(i, { up, tokens, blank, blankGroup, edit: (t, text) => edits.push({ start: t.start, stop: t.stop, text }) }, sequenceDdl);
    // ON DELETE / ON UPDATE [SET NULL | SET DEFAULT] of a foreign key are inside the statement, not a new one.
    const referentialAction = ((up(i) === 'DELETE' || up(i) === 'UPDATE') && up(i - 1) === 'ON')
      || (up(i) === 'SET' && (up(i - 1) === 'DELETE' || up(i - 1) === 'UPDATE') && up(i - 2) === 'ON');
    if (up(i) === ';' || (!referentialAction && ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'EXEC', 'EXECUTE', 'DROP', 'IF', 'BEGIN', 'DECLARE', 'SET', 'PRINT', 'GO'].includes(up(i)))) tableDdl = false;
    if (((up(i) === 'CREATE' || up(i) === 'ALTER') && up(i + 1) === 'TABLE') || tableTypeStart(i, up, isName) > 0) tableDdl = true;
    else if (up(i) === 'CREATE' || (up(i) === 'ALTER' && up(i + 1) !== 'COLUMN')) tableDdl = false;
    // A column's data type qualified by its schema (create-table-transact-sql.md: "<data_type> ::=
    // [ type_schema_name . ] type_name"): the column name follows `(`, `,`, ADD or ALTER COLUMN.
    if (tableDdl && isName(i) && up(i + 1) === '.' && isName(i + 2) && isName(i - 1) && ['(', ',', 'ADD', 'COLUMN'].includes(up(i - 2))
      && !['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN', 'INDEX', 'PERIOD'].includes(up(i - 1))) {
      blank(tokens[i]); blank(tokens[i + 1]);
    }
    // WITH (NOEXPAND) on an indexed view: SQL Server takes NOEXPAND alone or in a list of hints
    // (https://learn.microsoft.com/sql/t-sql/queries/hints-transact-sql-table); the grammar snapshot
    // takes it only in front of another hint, so its view shows NOLOCK (the engine ignores hints).
    if (up(i) === 'NOEXPAND' && (up(i - 1) === '(' || up(i - 1) === ',') && (up(i + 1) === ')' || up(i + 1) === ',')) {
      edits.push({ start: tokens[i].start, stop: tokens[i].stop, text: 'NOLOCK' });
    }
    // CREATE TYPE ... FROM base [(p[, s])] [NULL | NOT NULL] (create-type-transact-sql.md).
    if (up(i) === 'CREATE' && up(i + 1) === 'TYPE') {
      const from = topLevel(i + 2, ['FROM', ';']);
      if (up(from) === 'FROM' && tableTypeStart(i, up, isName) < 0) {
        let last = from + 1;
        if (up(last + 1) === '(') { last += 1; while (tokens[last] && up(last) !== ')' && tokens[last].kind !== 'eof') last++; }
        if (up(last + 1) === 'NOT' && up(last + 2) === 'NULL') blank(tokens[last + 1]);
        else if (up(last + 1) !== 'NULL' && tokens[last]) edits.push({ start: tokens[last].start, stop: tokens[last].stop, text: `${tokens[last].text} NULL` });
      }
    }
    if (up(i) === 'ALTER' && up(i + 1) === 'TABLE') {
      let j = i + 2;
      while (tokens[j] && (tokens[j].kind === 'word' || tokens[j].kind === 'qid') && up(j + 1) === '.') j += 2;
      j++; // table name
      if (up(j) === 'WITH' && (up(j + 1) === 'CHECK' || up(j + 1) === 'NOCHECK')) { blank(tokens[j]); blank(tokens[j + 1]); j += 2; }
      // { ENABLE | DISABLE } TRIGGER { ALL | t [ ,...n ] } (alter-table-transact-sql.md): the grammar takes one name.
      if ((up(j) === 'ENABLE' || up(j) === 'DISABLE') && up(j + 1) === 'TRIGGER') {
        if (up(j + 2) === 'ALL') edits.push({ start: tokens[j + 2].start, stop: tokens[j + 2].stop, text: 'x_all' });
        for (let k = j + 3; up(k) === ',' && isName(k + 1); k += 2) { blank(tokens[k]); blank(tokens[k + 1]); }
      }
      if ((up(j) === 'CHECK' || up(j) === 'NOCHECK') && up(j + 1) === 'CONSTRAINT') {
        edits.push({ start: tokens[j].start, stop: tokens[j].stop, text: 'DROP' });
        if (up(j + 2) === 'ALL') edits.push({ start: tokens[j + 2].start, stop: tokens[j + 2].stop, text: 'x_all' });
        // "{ CHECK | NOCHECK } CONSTRAINT { ALL | constraint_name [ ,...n ] }" (alter-table-transact-sql.md): the view takes one name.
        for (let k = j + 3; up(k) === ',' && isName(k + 1); k += 2) { blank(tokens[k]); blank(tokens[k + 1]); }
      }
    }
    // The grammar takes ONLINE = ON but not its low-priority wait (create-index-transact-sql.md:
    // "ONLINE = { ON [ ( <low_priority_lock_wait> ) ] | OFF }").
    if (up(i) === 'ONLINE' && up(i + 1) === '=' && up(i + 2) === 'ON' && up(i + 3) === '(') blankGroup(i + 3);
    // RESUMABLE's MAX_DURATION = n MINUTES: the grammar takes the number but not the word
    // (create-index-transact-sql.md: "MAX_DURATION = <time> [MINUTES]"); inside
    // WAIT_AT_LOW_PRIORITY (...) the whole group is blanked above.
    if (up(i) === 'MAX_DURATION' && up(i + 1) === '=' && up(i + 3) === 'MINUTES' && up(i - 2) !== 'WAIT_AT_LOW_PRIORITY') blank(tokens[i + 3]);
    // ALTER COLUMN ... WITH (ONLINE = ON | OFF) (alter-table-transact-sql.md, SQL Server 2016+).
    if (up(i) === 'ALTER' && up(i + 1) === 'COLUMN') {
      let j = topLevel(i + 2, ['WITH', ';']);
      // Past a column's ENCRYPTED WITH (...), which is not the ONLINE option.
      while (up(j) === 'WITH' && up(j - 1) === 'ENCRYPTED') j = topLevel(j + 1, ['WITH', ';']);
      if (up(j) === 'WITH' && up(j + 1) === '(' && up(j + 2) === 'ONLINE') { blank(tokens[j]); blankGroup(j + 1); }
    }
    // A column's properties come in any order (create-table-transact-sql.md: <column_definition>
    // lists ROWGUIDCOL among the column's options, before or after its constraints); the grammar
    // takes ROWGUIDCOL only last. ALTER COLUMN c ADD|DROP ROWGUIDCOL is left as it is.
    if (tableDdl && up(i) === 'ROWGUIDCOL' && up(i - 1) !== 'ADD' && up(i - 1) !== 'DROP') blank(tokens[i]);
    // NOT FOR REPLICATION after a FOREIGN KEY's REFERENCES (...) [ON ...] (create-table-transact-sql.md,
    // and IDENTITY's and CHECK's): the grammar takes it after IDENTITY and CHECK only.
    if (tableDdl && up(i) === 'NOT' && up(i + 1) === 'FOR' && up(i + 2) === 'REPLICATION') { blank(tokens[i]); blank(tokens[i + 1]); blank(tokens[i + 2]); }
    if (up(i) === 'SPARSE' && up(i - 1) !== 'ADD' && up(i - 1) !== 'DROP') blank(tokens[i]);
    // ALTER COLUMN c ADD | DROP NOT FOR REPLICATION (alter-table-transact-sql): as SPARSE, a DROP
    // COLUMN for the grammar. The words are blanked here (after DROP the statement test above has
    // ended tableDdl; a token blanked twice is edited once).
    if (up(i) === 'ALTER' && up(i + 1) === 'COLUMN' && (up(i + 3) === 'ADD' || up(i + 3) === 'DROP') && up(i + 4) === 'NOT' && up(i + 5) === 'FOR' && up(i + 6) === 'REPLICATION') {
      edits.push({ start: tokens[i].start, stop: tokens[i].stop, text: 'DROP' });
      for (let k = 3; k <= 6; k++) blank(tokens[i + k]);
    }
    // ENCRYPTED WITH ( COLUMN_ENCRYPTION_KEY = k, ENCRYPTION_TYPE = t, ALGORITHM = 'a' ) (create-table-transact-sql, column_definition).
    if (tableDdl && up(i) === 'ENCRYPTED' && up(i + 1) === 'WITH' && up(i + 2) === '(') { blank(tokens[i]); blank(tokens[i + 1]); blankGroup(i + 2); }
    // MASKED WITH ( FUNCTION = 'mask_function' ) (create-table-transact-sql, column_definition; alter-table-transact-sql).
    if (up(i) === 'MASKED' && up(i + 1) === 'WITH' && up(i + 2) === '(') for (let k = 0; k < 7 && tokens[i + k] !== undefined; k++) blank(tokens[i + k]);
    if (up(i) === 'ALTER' && up(i + 1) === 'COLUMN' && (up(i + 3) === 'ADD' || up(i + 3) === 'DROP') && up(i + 4) === 'MASKED') {
      edits.push({ start: tokens[i].start, stop: tokens[i].stop, text: 'DROP' });
      blank(tokens[i + 3]); blank(tokens[i + 4]);
    }
    if (up(i) === 'ALTER' && up(i + 1) === 'COLUMN' && (up(i + 3) === 'ADD' || up(i + 3) === 'DROP') && (up(i + 4) === 'SPARSE' || up(i + 4) === 'ROWGUIDCOL')) {
      edits.push({ start: tokens[i].start, stop: tokens[i].stop, text: 'DROP' });
      blank(tokens[i + 3]); blank(tokens[i + 4]);
    }
    if (up(i) === 'ALTER' && up(i + 1) === 'INDEX') {
      edits.push({ start: tokens[i].start, stop: tokens[i].stop, text: 'DROP' });
      // ALTER INDEX ALL ON t ...: DROP INDEX takes a name there.
      if (up(i + 2) === 'ALL' && tokens[i + 2].kind === 'word') edits.push({ start: tokens[i + 2].start, stop: tokens[i + 2].stop, text: 'x_all' });
      const j = topLevel(i + 2, ['REBUILD', 'SET', 'RESUME', 'PAUSE', 'ABORT', 'DISABLE', ';']);
      if (['REBUILD', 'SET', 'RESUME', 'PAUSE', 'ABORT', 'DISABLE'].includes(up(j))) {
        blank(tokens[j]);
        let k = j + 1;
        // REBUILD PARTITION = ALL | n (alter-index-transact-sql.md), as SSMS scripts it.
        if (up(j) === 'REBUILD' && up(k) === 'PARTITION' && up(k + 1) === '=' && (up(k + 2) === 'ALL' || tokens[k + 2]?.kind === 'number')) { for (let m = k; m < k + 3; m++) blank(tokens[m]); k += 3; }
        if (up(k) === 'WITH') { blank(tokens[k]); k++; }
        if (up(k) === '(') blankGroup(k);
      }
    }
    // ALTER TABLE t REBUILD PARTITION = ALL | n [WITH (...)] (alter-table-transact-sql.md): the grammar lacks PARTITION = ...
    if (up(i) === 'REBUILD' && up(i + 1) === 'PARTITION' && up(i + 2) === '=' && (up(i + 3) === 'ALL' || tokens[i + 3]?.kind === 'number')) for (let m = i + 1; m < i + 4; m++) blank(tokens[m]);
    // ... and takes ALTER TABLE t REBUILD only with a WITH (...): a bare one is shown with an option.
    if (up(i) === 'REBUILD' && isName(i - 1) && up(i - 2) !== 'INDEX') {
      let j = i - 1;
      while (up(j - 1) === '.' && isName(j - 2)) j -= 2;
      const next = up(i + 1) === 'PARTITION' && up(i + 2) === '=' ? i + 4 : i + 1;
      if (up(j - 1) === 'TABLE' && up(j - 2) === 'ALTER' && up(next) !== 'WITH') edits.push({ start: tokens[next - 1].stop + 1, stop: tokens[next - 1].stop, text: ' WITH (ONLINE = OFF)' });
    }
    if (up(i) === 'COLUMNSTORE' && up(i + 1) === 'INDEX') {
      blank(tokens[i]);
      if (up(i - 1) === 'CLUSTERED') {
        // A clustered columnstore index has no column list; the grammar's CREATE INDEX needs one.
        const j = topLevel(i + 2, ['WITH', 'ON', ';']);
        if (up(j) === 'ON') {
          let k = j + 1;
          while (tokens[k + 1] && up(k + 1) === '.') k += 2;
          const t = tokens[k];
          if (t && up(k + 1) !== '(') edits.push({ start: t.start, stop: t.stop, text: `${sql.slice(t.start, t.stop + 1)} (x)` });
          // ... ON ps (column) after it (create-columnstore-index-transact-sql: "ON partition_scheme_name
          // ( column_name )", as WideWorldImportersDW's fact tables are): the grammar sees ON ps.
          if (t && up(k + 1) === 'ON' && isName(k + 2) && up(k + 3) === '(') blankGroup(k + 3);
        }
      }
    }
    temporalRewrites(i, { up, tokens, blank, blankGroup, edit: (t, text) => edits.push({ start: t.start, stop: t.stop, text }) });
    typeRewrites(i, { up, tokens, blank, blankGroup, edit: (t, text) => edits.push({ start: t.start, stop: t.stop, text }) });
    graphRewrites(i, { up, tokens, blank, blankGroup, edit: (t, text) => edits.push({ start: t.start, stop: t.stop, text }) });
    storageRewrites(i, { up, tokens, blank, blankGroup, edit: (t, text) => edits.push({ start: t.start, stop: t.stop, text }) });
    changeTrackingRewrites(i, { up, tokens, blank, blankGroup, edit: (t, text) => edits.push({ start: t.start, stop: t.stop, text }) });
    memoryRewrites(i, { up, tokens, blank, blankGroup, edit: (t, text) => edits.push({ start: t.start, stop: t.stop, text }) });
    statisticsRewrites(i, { up, tokens, blank, blankGroup, edit: (t, text) => edits.push({ start: t.start, stop: t.stop, text }) });
    xmlRewrites(i, { up, tokens, blank, blankGroup, edit: (t, text) => edits.push({ start: t.start, stop: t.stop, text }) });
    columnRewrites(i, { up, tokens, blank, blankGroup, edit: (t, text) => edits.push({ start: t.start, stop: t.stop, text }), insertAfter: (t, text) => edits.push({ start: t.stop + 1, stop: t.stop, text }) });
    // CREATE OR ALTER (create-view-transact-sql.md, create-procedure-transact-sql.md: "CREATE [ OR ALTER ]").
    if (up(i) === 'CREATE' && up(i + 1) === 'OR' && up(i + 2) === 'ALTER' && ['VIEW', 'PROC', 'PROCEDURE', 'FUNCTION', 'TRIGGER'].includes(up(i + 3))) {
      blank(tokens[i + 1]); blank(tokens[i + 2]);
    }
    // UPDATE(column) in a trigger's condition (update-trigger-functions-transact-sql.md): the
    // grammar has no such function; seen as the predicate 0 = ABS(column).
    if (up(i) === 'UPDATE' && up(i + 1) === '(' && ['IF', 'AND', 'OR', 'NOT', '(', 'WHEN', 'WHILE'].includes(up(i - 1))) edits.push({ start: tokens[i].start, stop: tokens[i].stop, text: '0 = ABS' });
        // ISO type synonyms the grammar lacks (data-type-synonyms-transact-sql.md): NATIONAL CHAR[ACTER]
    // [VARYING], NATIONAL TEXT, CHAR[ACTER] VARYING, BINARY VARYING, shown as their base type.
    {
      const synonym = (base: string, words: number): void => {
        edits.push({ start: tokens[i].start, stop: tokens[i].stop, text: base });
        for (let k = 1; k < words; k++) blank(tokens[i + k]);
      };
      const charWord = (k: number): boolean => up(k) === 'CHAR' || up(k) === 'CHARACTER';
      if (up(i) === 'NATIONAL' && up(i + 1) === 'TEXT') synonym('ntext', 2);
      else if (up(i) === 'NATIONAL' && charWord(i + 1)) synonym(up(i + 2) === 'VARYING' ? 'nvarchar' : 'nchar', up(i + 2) === 'VARYING' ? 3 : 2);
      else if (charWord(i) && up(i + 1) === 'VARYING' && up(i - 1) !== 'NATIONAL') synonym('varchar', 2);
      else if (up(i) === 'BINARY' && up(i + 1) === 'VARYING') synonym('varbinary', 2);
    }
    // [varchar](max), as SSMS scripts write types: the grammar takes MAX only after an unquoted
    // type name, so the brackets are dropped (the engine reads the type from the real text).
    if (tokens[i].kind === 'qid' && sql[tokens[i].start] === '[' && ['VARCHAR', 'NVARCHAR', 'VARBINARY'].includes(tokens[i].value.toUpperCase()) && up(i + 1) === '(' && up(i + 2) === 'MAX' && up(i + 3) === ')') {
      edits.push({ start: tokens[i].start, stop: tokens[i].stop, text: tokens[i].value });
    }
    // WITH FILLFACTOR = n, PAD_INDEX, ... without parentheses (create-index-transact-sql.md
    // <backward_compatible_index_option>, a constraint's WITH FILLFACTOR = n): shown as WITH (PAD_INDEX = ON).
    if (up(i) === 'WITH' && LEGACY_INDEX_OPTIONS.includes(up(i + 1)) && up(i + 2) !== 'AS' && up(i + 2) !== '(') {
      let k = i + 1;
      for (;;) {
        k += up(k) === 'FILLFACTOR' && up(k + 1) === '=' ? 3 : 1;
        if (up(k) !== ',' || !LEGACY_INDEX_OPTIONS.includes(up(k + 1))) break;
        k++;
      }
      edits.push({ start: tokens[i + 1].start, stop: tokens[i + 1].stop, text: '(PAD_INDEX = ON)' });
      for (let m = i + 2; m < k; m++) blank(tokens[m]);
    }
    if (up(i) === 'SET' && up(i + 1) === 'TEXTSIZE') edits.push({ start: tokens[i + 1].start, stop: tokens[i + 1].stop, text: 'DATEFIRST' });
    if (up(i) === 'DROP' && up(i + 1) === 'CONSTRAINT' && up(i + 2) === 'IF' && up(i + 3) === 'EXISTS') { blank(tokens[i + 2]); blank(tokens[i + 3]); }
    if (up(i) === 'DROP' && (up(i + 1) === 'INDEX' || up(i + 1) === 'CONSTRAINT')) {
      // Each dropped index or constraint may carry its own WITH (...), up to the statement's end.
      let j = topLevel(up(i + 2) === 'IF' && up(i + 3) === 'EXISTS' ? i + 4 : i + 2, DROP_OPTION_STOPS);
      while (up(j) === 'WITH' && up(j + 1) === '(') {
        blank(tokens[j]);
        j = topLevel(blankGroup(j + 1), DROP_OPTION_STOPS);
      }
    }
    if (up(i) === 'SET' && tokens[i + 1]?.kind === 'word' && up(i + 2) === ',') {
      let j = i + 2;
      while (up(j) === ',' && tokens[j + 1]?.kind === 'word') { blank(tokens[j]); blank(tokens[j + 1]); j += 2; }
    }
    if (up(i) === 'DEFAULT' && (up(i - 1) === 'ADD' || (up(i - 3) === 'ADD' && up(i - 2) === 'CONSTRAINT'))) {
      const j = topLevel(i + 1, ['FOR']);
      if (up(j) === 'FOR' && j > i + 1) {
        edits.push({ start: tokens[i + 1].start, stop: tokens[i + 1].stop, text: '0' });
        for (let k = i + 2; k < j; k++) blank(tokens[k]);
        // ... FOR c WITH VALUES (alter-table-transact-sql.md).
        if (up(j + 2) === 'WITH' && up(j + 3) === 'VALUES') { blank(tokens[j + 2]); blank(tokens[j + 3]); }
      }
    }
  }
  // An insertion (zero width, stop < start) goes before an edit of the token that starts where it does.
  edits.sort((a, b) => a.start - b.start || a.stop - b.stop);
  let out = '';
  let pos = 0;
  for (const e of edits) {
    if (e.start < pos) continue;
    const orig = sql.slice(e.start, e.stop + 1);
    out += sql.slice(pos, e.start) + e.text + orig.replace(/[^\n]/g, '') + ' ';
    pos = e.stop + 1;
  }
  return out + sql.slice(pos);
}

/** create-index-transact-sql.md's <backward_compatible_index_option>. */
const LEGACY_INDEX_OPTIONS = ['PAD_INDEX', 'FILLFACTOR', 'SORT_IN_TEMPDB', 'IGNORE_DUP_KEY', 'STATISTICS_NORECOMPUTE', 'DROP_EXISTING'];

/** Where the options of a DROP INDEX / DROP CONSTRAINT are looked for: a WITH, or the statement's end. */
const DROP_OPTION_STOPS = ['WITH', ';', 'GO', 'CREATE', 'ALTER', 'DROP', 'SELECT', 'INSERT', 'UPDATE', 'DELETE', 'EXEC', 'EXECUTE', 'IF', 'BEGIN', 'DECLARE', 'SET', 'PRINT'];

const verdicts = new Map<string, SyntaxProblem | null>();
/** Verdicts by the batch's own text and QUOTED_IDENTIFIER (all its tokens depend on), so a repeated batch skips grammarView too. */
const verdictsByText = new Map<string, SyntaxProblem | null>();

/** A syntax error of one parse: where it is, and the offending token's span in the parsed text. */
interface ParseProblem extends SyntaxProblem { readonly start: number; readonly stop: number }

/**
 * Checks a batch against the grammar; returns the first syntax error, or null. Tries the fast
 * SLL prediction mode first (bails on the first problem) and only re-parses with full LL to
 * locate an error; verdicts are cached by text because clients repeat their catalog queries.
 *
 * The grammar snapshot makes some words keywords that SQL Server reserves not (RAW, of FOR XML
 * RAW, is the one a user's `Raw varbinary(max)` column met). When the parse fails on a bare word
 * that is not reserved (reserved-keywords.ts), the word is read as a delimited identifier and the
 * batch parsed again, as SQL Server would read it; if that still fails, the first error stands.
 */
export function checkSyntax(sql: string, tokens: readonly Token[]): SyntaxProblem | null {
  return checkView(grammarView(sql, tokens), tokens);
}

/**
 * checkSyntax of a batch a session runs, whose tokens are `tokenize(sql, quotedIdentifier)`: a
 * batch sent again (a client's catalog queries, schemac's catalog read) is answered from its text,
 * without rewriting it for the grammar again.
 */
export function checkBatchSyntax(sql: string, tokens: readonly Token[], quotedIdentifier: boolean): SyntaxProblem | null {
  const textKey = `${quotedIdentifier ? 'Q' : 'q'}${sql}`;
  const known = verdictsByText.get(textKey);
  if (known !== undefined) return known;
  const problem = checkSyntax(sql, tokens);
  if (verdictsByText.size > 2000) verdictsByText.clear();
  verdictsByText.set(textKey, problem);
  return problem;
}

function checkView(view: string, tokens: readonly Token[]): SyntaxProblem | null {
  const cached = verdicts.get(view);
  if (cached !== undefined) return cached;
  const first = parseProblem(view, tokens);
  let problem: ParseProblem | null = first;
  let text = view;
  for (let attempt = 0; problem !== null && attempt < 16; attempt++) {
    const word = text.slice(problem.start, problem.stop + 1);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(word) || RESERVED_KEYWORDS.has(word.toUpperCase())) break;
    text = `${text.slice(0, problem.start)}[${word}]${text.slice(problem.stop + 1)}`;
    problem = parseProblem(text, tokens);
  }
  const verdict: SyntaxProblem | null = problem === null || first === null ? null : { line: first.line, near: first.near };
  if (verdicts.size > 2000) verdicts.clear();
  verdicts.set(view, verdict);
  return verdict;
}

/** Parses `view`; its first syntax error, or null. */
function parseProblem(view: string, tokens: readonly Token[]): ParseProblem | null {
  const { CharStreams, CommonTokenStream, CaseChangingStream, TSqlLexer, TSqlParser, BailErrorStrategy, PredictionMode } = load();
  const parserFor = (): InstanceType<typeof TSqlParser> => {
    const lexer = new TSqlLexer(new CaseChangingStream(CharStreams.fromString(view), true) as never);
    lexer.removeErrorListeners();
    const parser = new TSqlParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    return parser;
  };
  const fast = parserFor();
  fast.interpreter.setPredictionMode(PredictionMode.SLL);
  fast.errorHandler = new BailErrorStrategy();
  try { fast.tsql_file(); return null; } catch { /* located below with full LL */ }
  let problem: ParseProblem | null = null;
  const parser = parserFor();
  parser.addErrorListener({
    syntaxError: (_r, offending, line) => {
      if (problem) return;
      const tok = offending as AntlrToken | undefined;
      const found = tok !== undefined && tok.type !== -1;
      let near = found ? view.slice(tok.startIndex, tok.stopIndex + 1) : '';
      if (!near) {
        // At end of input SQL Server names the last token it read.
        const last = tokens.filter((t) => t.kind !== 'eof').pop();
        near = last?.text ?? '';
      }
      problem = { line, near, start: found ? tok.startIndex : -1, stop: found ? tok.stopIndex : -2 };
    },
  });
  parser.tsql_file();
  return problem;
}
