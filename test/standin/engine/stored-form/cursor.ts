/**
 * A read position over the token list, with the small vocabulary every parsing step uses
 * (peek, accept, expect, fail). Failing names the token SQL Server would name in error 102.
 */
import { StoredFormError, StoredFormErrorNumber } from './errors';
import { RESERVED } from './names';
import { Token } from './tokenizer';

/** Walks tokens; the last token is always `end` and is never stepped past. */
export class TokenCursor {
  private index = 0;

  constructor(protected readonly tokens: readonly Token[]) {}

  /** The token `offset` places ahead (the `end` token once past the last). */
  peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  /** Returns the current token and moves on. */
  next(): Token {
    const t = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return t;
  }

  /** The last real token, which errors about the expression as a whole point at. */
  lastToken(): Token {
    return this.tokens[Math.max(0, this.tokens.length - 2)];
  }

  /** True when the current token is the word `upper`, in any case. */
  isWord(upper: string): boolean {
    const t = this.peek();
    return t.kind === 'word' && t.text.toUpperCase() === upper;
  }

  /** Consumes `symbol` if it is next. */
  acceptSymbol(symbol: string): boolean {
    const t = this.peek();
    if (t.kind !== 'symbol' || t.text !== symbol) return false;
    this.next();
    return true;
  }

  /** Consumes `symbol` or fails with `problem`. */
  expectSymbol(symbol: string, problem: string): void {
    if (!this.acceptSymbol(symbol)) this.fail(this.peek(), problem);
  }

  /** Consumes the word `upper` or fails with `problem`. */
  expectWord(upper: string, problem: string): void {
    if (!this.isWord(upper)) this.fail(this.peek(), problem);
    this.next();
  }

  /** One name part: a bracketed or double-quoted name, or a word that is not reserved. */
  identifier(): string {
    const t = this.next();
    if (t.kind === 'quoted') return t.value;
    if (t.kind === 'word' && !RESERVED.has(t.text.toUpperCase())) return t.text;
    return this.fail(t, 'expected a name');
  }

  /** Throws the error for `t`; at the end of input SQL Server names the last thing it read. */
  fail(t: Token, problem: string, number: StoredFormErrorNumber = 102): never {
    throw new StoredFormError(number, t.kind === 'end' ? this.lastToken().text : t.text, t.position, problem);
  }
}
