/**
 * An independent T-SQL check for every script the tests produce: the antlr4ts-sql TSQL grammar
 * (design.md "Testing"). Test-only: the grammar takes ~0.6 s to load and seconds on large
 * scripts, so feed it small scripts, and never use it in the product.
 */
import type { ANTLRErrorListener, Token } from 'antlr4ts';
import { hostRequire } from './host-require';
import { GRAMMAR_GAPS, type GrammarGap } from './tsql-grammar-gaps';

// Loaded through hostRequire so a Jest worker deserialises the grammar and warms its prediction
// cache once, not once per test file. Deep paths: the package index also loads the MySQL, PL/SQL
// and PL/pgSQL grammars.
const { ANTLRInputStream, CommonTokenStream } = hostRequire('antlr4ts') as typeof import('antlr4ts');
const { CaseChangingStream } = hostRequire('antlr4ts-sql/dist/src/models/CaseChangingStream') as typeof import('antlr4ts-sql/dist/src/models/CaseChangingStream');
const { TSqlLexer } = hostRequire('antlr4ts-sql/dist/src/grammar-output/tsql/TSqlLexer') as typeof import('antlr4ts-sql/dist/src/grammar-output/tsql/TSqlLexer');
const { TSqlParser } = hostRequire('antlr4ts-sql/dist/src/grammar-output/tsql/TSqlParser') as typeof import('antlr4ts-sql/dist/src/grammar-output/tsql/TSqlParser');

/** A syntax error, with its line (1-based, in the whole script) and column (0-based). */
interface SyntaxError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

interface BatchText {
  readonly text: string;
  /** Line number (1-based) of the batch's first line in the script. */
  readonly firstLine: number;
}

const GO_LINE = /^\s*GO(?:\s+\d+)?\s*$/i;

/** Splits a script at GO lines (GO is a client command, not T-SQL, and must stand alone on its line). */
export function splitBatches(script: string): BatchText[] {
  const batches: BatchText[] = [];
  let current: string[] = [];
  let firstLine = 1;
  script.split(/\r?\n/).forEach((line, i) => {
    if (GO_LINE.test(line)) {
      batches.push({ text: current.join('\n'), firstLine });
      current = [];
      firstLine = i + 2;
    } else {
      current.push(line);
    }
  });
  if (current.some((l) => l.trim().length > 0)) batches.push({ text: current.join('\n'), firstLine });
  return batches;
}

/** Parses one batch; the messages name the offending text (the case-changing stream loses it). */
function parseBatch(text: string): SyntaxError[] {
  const errors: SyntaxError[] = [];
  const listener: ANTLRErrorListener<unknown> = {
    syntaxError: (_recognizer, offending, line, column, msg) => {
      const token = offending as Token | undefined;
      const near = token !== undefined && token.startIndex >= 0 && token.stopIndex >= token.startIndex
        ? text.slice(token.startIndex, token.stopIndex + 1)
        : '<end>';
      const shortMsg = msg.replace(/'<\d+>'/g, `'${near}'`).replace(/expecting \{[^}]*\}/, 'expecting something else');
      errors.push({ line, column, message: `near '${near}': ${shortMsg}` });
    },
  };
  // The grammar's keywords are upper case; the stream upper-cases what the lexer sees.
  const lexer = new TSqlLexer(new CaseChangingStream(new ANTLRInputStream(text), true) as unknown as InstanceType<typeof ANTLRInputStream>);
  lexer.removeErrorListeners();
  lexer.addErrorListener(listener as ANTLRErrorListener<number>);
  const parser = new TSqlParser(new CommonTokenStream(lexer));
  parser.removeErrorListeners();
  parser.addErrorListener(listener as ANTLRErrorListener<Token>);
  parser.tsql_file();
  return errors;
}

/** Every syntax error the grammar reports in a script (GO lines split it into batches first). */
export function parseTsql(script: string): { errors: string[] } {
  const errors: string[] = [];
  for (const batch of splitBatches(script)) {
    for (const e of parseBatch(batch.text)) {
      errors.push(`line ${batch.firstLine + e.line - 1}:${e.column} ${e.message}`);
    }
  }
  return { errors };
}

/** [start, end) of each top-level statement in a batch: split at `;` outside strings, brackets and comments. */
export function statementSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = -1;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch === '-' && next === '-') {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl + 1;
      continue;
    }
    if (ch === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
      continue;
    }
    if (start === -1 && !/\s/.test(ch)) start = i;
    if (ch === "'" || ch === '"' || ch === '[') {
      const closer = ch === '[' ? ']' : ch;
      i += 1;
      while (i < text.length && !(text[i] === closer && text[i + 1] !== closer)) i += text[i] === closer ? 2 : 1;
      i += 1;
      continue;
    }
    if (ch === ';' && start !== -1) {
      spans.push({ start, end: i + 1 });
      start = -1;
    }
    i += 1;
  }
  if (start !== -1) spans.push({ start, end: text.length });
  return spans;
}

/** The gaps a statement falls in (normally none or one). */
export function gapsOf(statement: string): GrammarGap[] {
  return GRAMMAR_GAPS.filter((g) => g.pattern.test(statement.trim()));
}

/**
 * Fails (throws) on any syntax error not explained by a known grammar gap. A batch with errors
 * is parsed again with each gap statement replaced by a harmless PRINT of the same line count;
 * whatever still fails is reported. Returns the ids of the gaps the script used.
 */
export function expectValidTsql(script: string): { gapsUsed: string[] } {
  const unexplained: string[] = [];
  const gapsUsed = new Set<string>();
  for (const batch of splitBatches(script)) {
    if (parseBatch(batch.text).length === 0) continue;
    let patched = '';
    let last = 0;
    for (const span of statementSpans(batch.text)) {
      const statement = batch.text.slice(span.start, span.end);
      const gaps = gapsOf(statement);
      if (gaps.length === 0) continue;
      gaps.forEach((g) => gapsUsed.add(g.id));
      const newlines = statement.split('\n').length - 1;
      patched += `${batch.text.slice(last, span.start)}PRINT N'grammar gap';${'\n'.repeat(newlines)}`;
      last = span.end;
    }
    patched += batch.text.slice(last);
    for (const e of parseBatch(patched)) {
      unexplained.push(`line ${batch.firstLine + e.line - 1}:${e.column} ${e.message}`);
    }
  }
  if (unexplained.length > 0) {
    throw new Error(`T-SQL grammar rejected the script:\n${unexplained.join('\n')}\n--- script ---\n${script}`);
  }
  return { gapsUsed: [...gapsUsed].sort() };
}
