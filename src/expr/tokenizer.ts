/**
 * T-SQL expression tokenizer: one left-to-right pass over the text with char-code tests (no
 * regular expressions, so no backtracking), linear in the length of the input.
 */

/** What a token is; keywords are plain `word`s and the parser decides by context. */
export type TokenKind = 'word' | 'quoted' | 'number' | 'string' | 'op' | 'lparen' | 'rparen' | 'comma' | 'dot' | 'eof';

/** One token with its source range. */
export interface Token {
  readonly kind: TokenKind;
  /** Source text of the token. */
  readonly text: string;
  /** `word`: upper-cased text; `quoted`/`string`: unescaped content; otherwise the text. */
  readonly value: string;
  /** For strings: written with the N prefix. */
  readonly national: boolean;
  readonly start: number;
  readonly end: number;
}

/** A failure to read the text, with the character offset where it happened. */
export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'ExpressionSyntaxError';
  }
}

const OPERATOR_PAIRS: ReadonlySet<string> = new Set(['<>', '!=', '>=', '<=', '!>', '!<']);
const SINGLE_OPERATORS = '=<>+-*/%&|^~';

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isWordStart(c: number): boolean {
  // Letters, _, @ (variables), # (temp names), and any non-ASCII character (Unicode letters).
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 64 || c === 35 || c >= 128;
}

function isWordPart(c: number): boolean {
  return isWordStart(c) || isDigit(c) || c === 36; // $ may follow the first character
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff;
}

/** Splits `text` into tokens (ending with an `eof` token); throws ExpressionSyntaxError. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number, value: string, national = false): void => {
    tokens.push({ kind, text: text.slice(start, end), value, national, start, end });
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
    if (c === 45 && next === 45) {
      // -- comment to end of line
      while (i < n && text.charCodeAt(i) !== 10) i++;
      continue;
    }
    if (c === 47 && next === 42) {
      i = skipBlockComment(text, i);
      continue;
    }
    const start = i;
    if ((c === 78 || c === 110) && next === 39) {
      // N'...' national string
      const [value, end] = readDelimited(text, i + 1, 39, 'string literal');
      push('string', start, end, value, true);
      i = end;
    } else if (c === 39) {
      const [value, end] = readDelimited(text, i, 39, 'string literal');
      push('string', start, end, value);
      i = end;
    } else if (c === 91) {
      const [value, end] = readDelimited(text, i, 93, 'bracketed identifier');
      push('quoted', start, end, value);
      i = end;
    } else if (c === 34) {
      const [value, end] = readDelimited(text, i, 34, 'quoted identifier');
      push('quoted', start, end, value);
      i = end;
    } else if (isDigit(c) || (c === 46 && isDigit(next))) {
      i = readNumber(text, i);
      push('number', start, i, text.slice(start, i));
    } else if (isWordStart(c)) {
      while (i < n && isWordPart(text.charCodeAt(i))) i++;
      push('word', start, i, text.slice(start, i).toUpperCase());
    } else if (c === 40) {
      push('lparen', start, ++i, '(');
    } else if (c === 41) {
      push('rparen', start, ++i, ')');
    } else if (c === 44) {
      push('comma', start, ++i, ',');
    } else if (c === 46) {
      push('dot', start, ++i, '.');
    } else {
      const two = text.slice(i, i + 2);
      if (OPERATOR_PAIRS.has(two)) {
        i += 2;
        push('op', start, i, two);
      } else if (SINGLE_OPERATORS.includes(text[i])) {
        i += 1;
        push('op', start, i, text[start]);
      } else {
        throw new ExpressionSyntaxError(`unexpected character "${text[i]}"`, i);
      }
    }
  }
  tokens.push({ kind: 'eof', text: '', value: '', national: false, start: n, end: n });
  return tokens;
}

/** Reads '...', [...] or "..." starting at the opening delimiter; a doubled closer is an escape. */
function readDelimited(text: string, open: number, closer: number, what: string): [string, number] {
  const n = text.length;
  let i = open + 1;
  let value = '';
  let chunkStart = i;
  while (i < n) {
    if (text.charCodeAt(i) === closer) {
      if (i + 1 < n && text.charCodeAt(i + 1) === closer) {
        value += text.slice(chunkStart, i + 1);
        i += 2;
        chunkStart = i;
        continue;
      }
      return [value + text.slice(chunkStart, i), i + 1];
    }
    i++;
  }
  throw new ExpressionSyntaxError(`unterminated ${what}`, open);
}

/** Reads digits [. digits] [e [+-] digits], or a 0x hex literal; returns the end offset. */
function readNumber(text: string, start: number): number {
  const n = text.length;
  let i = start;
  if (text.charCodeAt(i) === 48 && (text[i + 1] === 'x' || text[i + 1] === 'X')) {
    i += 2;
    while (i < n && /[0-9a-fA-F]/.test(text[i])) i++;
    return i;
  }
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (i < n && text.charCodeAt(i) === 46) {
    i++;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
  }
  if (i < n && (text[i] === 'e' || text[i] === 'E')) {
    let j = i + 1;
    if (text[j] === '+' || text[j] === '-') j++;
    if (j < n && isDigit(text.charCodeAt(j))) {
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      i = j;
    } else {
      throw new ExpressionSyntaxError('malformed number exponent', start);
    }
  }
  if (i < n && isWordStart(text.charCodeAt(i))) {
    throw new ExpressionSyntaxError(`malformed number "${text.slice(start, i + 1)}"`, start);
  }
  return i;
}

/** Skips a block comment starting at `start` (T-SQL block comments nest); returns its end. */
function skipBlockComment(text: string, start: number): number {
  const n = text.length;
  let depth = 0;
  let i = start;
  while (i < n) {
    const c = text.charCodeAt(i);
    const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
    if (c === 47 && next === 42) {
      depth++;
      i += 2;
    } else if (c === 42 && next === 47) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  throw new ExpressionSyntaxError('unterminated comment', start);
}
