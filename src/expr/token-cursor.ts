/** Token access and nesting bookkeeping for the expression parser. */
import { ExpressionSyntaxError, type Token } from './tokenizer';

/**
 * Bound on nesting, counting parentheses, argument lists, unary operators and each operator of
 * a left-associative chain (which builds a tree as deep as the chain is long). Far beyond any
 * real definition; it keeps every later recursive walk of the tree within the JS stack.
 */
const MAX_DEPTH = 1000;

/** A position in a token list with one-or-more-token lookahead; the parser extends it. */
export class TokenCursor {
  private pos = 0;
  /** Current nesting, see MAX_DEPTH; chains give back what they took when they end. */
  protected depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  protected peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)];
  }

  protected take(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  protected isWord(word: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'word' && t.value === word;
  }

  protected expectWord(word: string): Token {
    const t = this.peek();
    if (t.kind !== 'word' || t.value !== word) throw this.unexpected(t, word);
    return this.take();
  }

  protected expect(kind: Token['kind'], what: string): Token {
    const t = this.peek();
    if (t.kind !== kind) throw this.unexpected(t, what);
    return this.take();
  }

  protected unexpected(t: Token, expected: string): ExpressionSyntaxError {
    const found = t.kind === 'eof' ? 'end of text' : `"${t.text}"`;
    return new ExpressionSyntaxError(`expected ${expected} but found ${found}`, t.start);
  }

  protected enter(at: Token): void {
    if (++this.depth > MAX_DEPTH) throw new ExpressionSyntaxError('expression nested too deeply', at.start);
  }

  protected leave(): void {
    this.depth--;
  }
}
