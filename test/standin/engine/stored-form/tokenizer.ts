/**
 * Splits a T-SQL expression into tokens. Comments and whitespace vanish here, which is the
 * first thing SQL Server's stored form does ("white spaces are removed from the decoded
 * expression", sys.check_constraints docs).
 */
import { StoredFormError } from './errors';

/** What a token is; `word` covers both keywords and bare identifiers. */
export type TokenKind = 'word' | 'quoted' | 'number' | 'string' | 'binary' | 'symbol' | 'end';

/** One token; `text` is exactly as written, `value` is the unquoted name for identifiers. */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly value: string;
  readonly position: number;
}

// Longest first, so '<=' wins over '<'.
const SYMBOLS = ['<>', '!=', '<=', '>=', '!<', '!>', '(', ')', ',', '.', '+', '-', '*', '/', '%', '=', '<', '>', '&', '|', '^', '~'];

/** Tokenizes `text`; the last token is always `end`. Throws error 102 on characters T-SQL rejects. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) { i++; continue; }
    if (text.startsWith('--', i)) { i = skipLineComment(text, i); continue; }
    if (text.startsWith('/*', i)) { i = skipBlockComment(text, i); continue; }
    const start = i;
    if (c === '[') {
      const [value, next] = readDelimited(text, i, ']');
      tokens.push({ kind: 'quoted', text: text.slice(start, next), value, position: start });
      i = next;
    } else if (c === '"') {
      const [value, next] = readDelimited(text, i, '"');
      tokens.push({ kind: 'quoted', text: text.slice(start, next), value, position: start });
      i = next;
    } else if (c === "'" || ((c === 'N' || c === 'n') && text[i + 1] === "'")) {
      const quote = c === "'" ? i : i + 1;
      const [, next] = readDelimited(text, quote, "'");
      // The N prefix is kept (it changes the literal's type); its case is not.
      const raw = text.slice(start, next);
      tokens.push({ kind: 'string', text: raw, value: c === "'" ? raw : 'N' + raw.slice(1), position: start });
      i = next;
    } else if (c === '0' && (text[i + 1] === 'x' || text[i + 1] === 'X')) {
      i += 2;
      while (i < text.length && /[0-9a-fA-F]/.test(text[i])) i++;
      tokens.push({ kind: 'binary', text: text.slice(start, i), value: text.slice(start, i), position: start });
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      i = readNumber(text, i);
      if (/[A-Za-z_@#$]/.test(text[i] ?? '')) throw new StoredFormError(102, text.slice(start, i + 1), start, 'a number runs into a name');
      tokens.push({ kind: 'number', text: text.slice(start, i), value: text.slice(start, i), position: start });
    } else if (/[A-Za-z_#@\u0080-\uffff]/.test(c)) {
      i++;
      while (i < text.length && /[A-Za-z0-9_@#$\u0080-\uffff]/.test(text[i])) i++;
      const word = text.slice(start, i);
      tokens.push({ kind: 'word', text: word, value: word, position: start });
    } else {
      const symbol = SYMBOLS.find((s) => text.startsWith(s, i));
      if (symbol === undefined) throw new StoredFormError(102, c, i, `unexpected character '${c}'`);
      tokens.push({ kind: 'symbol', text: symbol, value: symbol, position: start });
      i += symbol.length;
    }
  }
  tokens.push({ kind: 'end', text: '', value: '', position: text.length });
  return tokens;
}

function skipLineComment(text: string, i: number): number {
  const newline = text.indexOf('\n', i);
  return newline < 0 ? text.length : newline + 1;
}

// T-SQL block comments nest.
function skipBlockComment(text: string, i: number): number {
  let depth = 0;
  while (i < text.length) {
    if (text.startsWith('/*', i)) { depth++; i += 2; continue; }
    if (text.startsWith('*/', i)) { depth--; i += 2; if (depth === 0) return i; continue; }
    i++;
  }
  throw new StoredFormError(102, '/*', text.length, "missing end comment mark '*/'");
}

/** Reads [..], ".." or '..' starting at the opening char; a doubled closer is an escaped one. */
function readDelimited(text: string, open: number, close: string): [string, number] {
  let value = '';
  let i = open + 1;
  while (i < text.length) {
    if (text[i] === close) {
      if (text[i + 1] === close) { value += close; i += 2; continue; }
      return [value, i + 1];
    }
    value += text[i];
    i++;
  }
  const what = close === "'" ? 'string' : 'quoted identifier';
  throw new StoredFormError(102, text.slice(open, open + 10), open, `unclosed ${what}`);
}

function readNumber(text: string, i: number): number {
  while (/[0-9]/.test(text[i] ?? '')) i++;
  if (text[i] === '.') {
    i++;
    while (/[0-9]/.test(text[i] ?? '')) i++;
  }
  if ((text[i] === 'e' || text[i] === 'E') && /[-+0-9]/.test(text[i + 1] ?? '')) {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    while (/[0-9]/.test(text[i] ?? '')) i++;
  }
  return i;
}
