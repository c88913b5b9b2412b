/**
 * Recursive-descent parser for T-SQL scalar and boolean expressions (checks, defaults,
 * filters, computed columns). One token of lookahead (two for NOT IN / NEXT VALUE), so it runs
 * in time linear in the input. Precedence, loosest first: OR, AND, NOT, predicates
 * (comparisons, IS [NOT] NULL, [NOT] IN / BETWEEN / LIKE), + - & | ^, * / %, unary - + ~.
 */
import type { ArithmeticOp, CaseBranch, CompareOp, Expr, Span, TypeName } from './ast';
import {
  ADDITIVE_OPS,
  COMPARE_OPS,
  DATEPART_FUNCTIONS,
  MULTIPLICATIVE_OPS,
  NILADIC,
  RESERVED,
} from './keywords';
import { TextMemo } from './memo';
import { TokenCursor } from './token-cursor';
import { ExpressionSyntaxError, tokenize, type Token } from './tokenizer';
import { continuesTypeName } from './type-names';

/** Result of parsing: the tree, or where and why reading stopped. */
export type ParseResult =
  | { readonly ok: true; readonly expr: Expr }
  | { readonly ok: false; readonly message: string; readonly offset: number };

/** Distinct texts parsed so far (memo.ts): a schema repeats the same few definitions on every table. */
const parsedTexts = new TextMemo<ParseResult>(20_000, 4_096);

/** Parses one expression; never throws (syntax errors and stack exhaustion become `ok: false`). */
export function parseExpression(text: string): ParseResult {
  return parsedTexts.get(text, parseOnce, (r) => r.ok || !r.message.startsWith(INTERNAL_FAILURE));
}

const INTERNAL_FAILURE = 'internal parser failure: ';

function parseOnce(text: string): ParseResult {
  try {
    const parser = new Parser(tokenize(text));
    return { ok: true, expr: parser.parseWhole() };
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) return { ok: false, message: error.message, offset: error.offset };
    // A RangeError (stack) or anything unforeseen: report, never crash the model build.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `${INTERNAL_FAILURE}${message}`, offset: 0 };
  }
}

class Parser extends TokenCursor {
  parseWhole(): Expr {
    if (this.peek().kind === 'eof') throw new ExpressionSyntaxError('empty expression', 0);
    const expr = this.parseOr();
    const rest = this.peek();
    if (rest.kind !== 'eof') throw this.unexpected(rest, 'end of expression');
    return expr;
  }

  // ---- boolean levels ------------------------------------------------------------------

  private parseOr(): Expr {
    this.enter(this.peek());
    const first = this.parseAnd();
    const operands = [first];
    while (this.isWord('OR')) {
      this.take();
      operands.push(this.parseAnd());
    }
    this.leave();
    if (operands.length === 1) return first;
    return { kind: 'or', operands, ...span(first, operands[operands.length - 1]) };
  }

  private parseAnd(): Expr {
    const first = this.parseNot();
    const operands = [first];
    while (this.isWord('AND')) {
      this.take();
      operands.push(this.parseNot());
    }
    if (operands.length === 1) return first;
    return { kind: 'and', operands, ...span(first, operands[operands.length - 1]) };
  }

  private parseNot(): Expr {
    if (!this.isWord('NOT')) return this.parsePredicate();
    const not = this.take();
    this.enter(not);
    const operand = this.parseNot();
    this.leave();
    return { kind: 'not', operand, start: not.start, end: operand.end };
  }

  private parsePredicate(): Expr {
    const left = this.parseAdditive();
    const t = this.peek();
    if (t.kind === 'op' && COMPARE_OPS.has(t.value)) {
      this.take();
      const right = this.parseAdditive();
      return { kind: 'comparison', op: t.value as CompareOp, left, right, ...span(left, right) };
    }
    if (t.kind !== 'word') return left;
    if (t.value === 'IS') {
      this.take();
      const negated = this.isWord('NOT');
      if (negated) this.take();
      const nul = this.expectWord('NULL');
      return { kind: 'isNull', operand: left, negated, start: left.start, end: nul.end };
    }
    const negated = t.value === 'NOT' && ['IN', 'BETWEEN', 'LIKE'].some((w) => this.isWord(w, 1));
    if (negated) this.take();
    if (this.isWord('IN')) return this.parseIn(left, negated);
    if (this.isWord('BETWEEN')) {
      this.take();
      const low = this.parseAdditive();
      this.expectWord('AND');
      const high = this.parseAdditive();
      return { kind: 'between', operand: left, low, high, negated, ...span(left, high) };
    }
    if (this.isWord('LIKE')) {
      this.take();
      const pattern = this.parseAdditive();
      let escape: Expr | null = null;
      if (this.isWord('ESCAPE')) {
        this.take();
        escape = this.parseAdditive();
      }
      return { kind: 'like', operand: left, pattern, escape, negated, ...span(left, escape ?? pattern) };
    }
    return left;
  }

  private parseIn(operand: Expr, negated: boolean): Expr {
    this.take(); // IN
    const open = this.expect('lparen', '"(" after IN');
    if (this.isWord('SELECT')) throw new ExpressionSyntaxError('subqueries are not supported', this.peek().start);
    this.enter(open);
    const values = [this.parseOr()];
    while (this.peek().kind === 'comma') {
      this.take();
      values.push(this.parseOr());
    }
    this.leave();
    const close = this.expect('rparen', '")" closing the IN list');
    return { kind: 'in', operand, values, negated, start: operand.start, end: close.end };
  }

  // ---- arithmetic levels ---------------------------------------------------------------

  private parseAdditive(): Expr {
    let left = this.parseMultiplicative();
    let operators = 0;
    for (let t = this.peek(); t.kind === 'op' && ADDITIVE_OPS.has(t.value); t = this.peek()) {
      this.take();
      this.enter(t);
      operators++;
      const right = this.parseMultiplicative();
      left = { kind: 'binary', op: t.value as ArithmeticOp, left, right, ...span(left, right) };
    }
    this.depth -= operators;
    return left;
  }

  private parseMultiplicative(): Expr {
    let left = this.parseUnary();
    let operators = 0;
    for (let t = this.peek(); t.kind === 'op' && MULTIPLICATIVE_OPS.has(t.value); t = this.peek()) {
      this.take();
      this.enter(t);
      operators++;
      const right = this.parseUnary();
      left = { kind: 'binary', op: t.value as ArithmeticOp, left, right, ...span(left, right) };
    }
    this.depth -= operators;
    return left;
  }

  private parseUnary(): Expr {
    const t = this.peek();
    if (t.kind === 'op' && (t.value === '-' || t.value === '+' || t.value === '~')) {
      this.take();
      this.enter(t);
      const operand = this.parseUnary();
      this.leave();
      return { kind: 'unary', op: t.value, operand, start: t.start, end: operand.end };
    }
    let expr = this.parsePrimary();
    while (this.isWord('COLLATE')) {
      this.take();
      const name = this.peek();
      if (name.kind !== 'word' && name.kind !== 'quoted') throw this.unexpected(name, 'a collation name');
      this.take();
      const collation = name.kind === 'word' ? name.text : name.value;
      expr = { kind: 'collate', operand: expr, collation, start: expr.start, end: name.end };
    }
    return expr;
  }

  // ---- primaries -----------------------------------------------------------------------

  private parsePrimary(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'number':
        this.take();
        return { kind: 'number', text: t.text, start: t.start, end: t.end };
      case 'string':
        this.take();
        return { kind: 'string', value: t.value, national: t.national, start: t.start, end: t.end };
      case 'lparen': {
        this.take();
        if (this.isWord('SELECT')) throw new ExpressionSyntaxError('subqueries are not supported', this.peek().start);
        this.enter(t);
        const inner = this.parseOr();
        this.leave();
        const close = this.expect('rparen', '")"');
        // The node keeps the parentheses in its span, so a quoted part is always balanced.
        return { ...inner, start: t.start, end: close.end };
      }
      case 'quoted':
        return this.parseNamed();
      case 'word':
        return this.parseWordPrimary(t);
      default:
        throw this.unexpected(t, 'an expression');
    }
  }

  private parseWordPrimary(t: Token): Expr {
    const nextIsParen = this.peek(1).kind === 'lparen';
    switch (t.value) {
      case 'NULL':
        this.take();
        return { kind: 'null', start: t.start, end: t.end };
      case 'CASE':
        return this.parseCase();
      case 'CAST':
      case 'TRY_CAST':
        if (nextIsParen) return this.parseCast();
        break;
      case 'CONVERT':
      case 'TRY_CONVERT':
        if (nextIsParen) return this.parseConvert();
        break;
      case 'NEXT':
        if (this.isWord('VALUE', 1) && this.isWord('FOR', 2)) return this.parseNextValue();
        break;
      default:
        break;
    }
    if (NILADIC.has(t.value) && !nextIsParen) {
      this.take();
      return { kind: 'call', name: [t.text], args: [], niladic: true, start: t.start, end: t.end };
    }
    if (RESERVED.has(t.value)) {
      if (t.value === 'EXISTS' || t.value === 'SELECT') {
        throw new ExpressionSyntaxError('subqueries are not supported', t.start);
      }
      throw this.unexpected(t, 'an expression');
    }
    return this.parseNamed();
  }

  /** A possibly multi-part name: a column, or a function when "(" follows. */
  private parseNamed(): Expr {
    const { parts, first, last } = this.readNameParts('a name');
    if (this.peek().kind !== 'lparen') return { kind: 'column', parts, start: first.start, end: last.end };
    return this.parseCallArguments(parts, first, last);
  }

  /** `a`, `[a]`, `"a"`, `a.[b]`...: the unquoted parts and the first and last tokens. */
  private readNameParts(what: string): { parts: string[]; first: Token; last: Token } {
    const first = this.peek();
    const parts: string[] = [];
    let last = first;
    for (;;) {
      const p = this.peek();
      if (p.kind !== 'word' && p.kind !== 'quoted') throw this.unexpected(p, what);
      this.take();
      parts.push(p.kind === 'word' ? p.text : p.value);
      last = p;
      if (this.peek().kind !== 'dot') return { parts, first, last };
      this.take();
    }
  }

  private parseCallArguments(name: string[], first: Token, nameToken: Token): Expr {
    const open = this.take();
    this.enter(open);
    const args: Expr[] = [];
    if (this.peek().kind !== 'rparen') {
      const datepart = name.length === 1 && nameToken.kind === 'word' && DATEPART_FUNCTIONS.has(nameToken.value);
      const firstArg = this.peek();
      if (datepart && firstArg.kind === 'word' && this.peek(1).kind === 'comma') {
        this.take();
        args.push({ kind: 'datepart', name: firstArg.text, start: firstArg.start, end: firstArg.end });
      } else {
        args.push(this.parseOr());
      }
      while (this.peek().kind === 'comma') {
        this.take();
        args.push(this.parseOr());
      }
    }
    this.leave();
    const close = this.expect('rparen', '")" closing the argument list');
    return { kind: 'call', name, args, niladic: false, start: first.start, end: close.end };
  }

  private parseCast(): Expr {
    const keyword = this.take();
    const open = this.take();
    this.enter(open);
    const value = this.parseOr();
    this.expectWord('AS');
    const type = this.parseTypeName();
    this.leave();
    const close = this.expect('rparen', '")" closing CAST');
    const fn = keyword.value === 'TRY_CAST' ? 'try_convert' : 'convert';
    return { kind: 'convert', fn, syntax: 'cast', type, value, style: null, start: keyword.start, end: close.end };
  }

  private parseConvert(): Expr {
    const keyword = this.take();
    const open = this.take();
    this.enter(open);
    const type = this.parseTypeName();
    this.expect('comma', '"," after the CONVERT type');
    const value = this.parseOr();
    let style: Expr | null = null;
    if (this.peek().kind === 'comma') {
      this.take();
      style = this.parseOr();
    }
    this.leave();
    const close = this.expect('rparen', '")" closing CONVERT');
    const fn = keyword.value === 'TRY_CONVERT' ? 'try_convert' : 'convert';
    return { kind: 'convert', fn, syntax: 'convert', type, value, style, start: keyword.start, end: close.end };
  }

  /** `int`, `[varchar](max)`, `"smallint"`, `character varying(20)`, `decimal(10, 2)`, `dbo.t`. */
  private parseTypeName(): TypeName {
    const first = this.peek();
    const parts: string[] = [];
    if (first.kind === 'word') {
      const words = [this.take().value];
      let text = first.text;
      while (this.peek().kind === 'word' && continuesTypeName([...words, this.peek().value])) {
        const w = this.take();
        words.push(w.value);
        text += ` ${w.text}`;
      }
      parts.push(text);
    } else if (first.kind === 'quoted') {
      parts.push(this.take().value);
    } else {
      throw this.unexpected(first, 'a type name');
    }
    if (this.peek().kind === 'dot') {
      this.take();
      parts.push(...this.readNameParts('a type name').parts);
    }
    const args: string[] = [];
    if (this.peek().kind === 'lparen') {
      this.take();
      for (;;) {
        const a = this.peek();
        if (a.kind === 'number' || (a.kind === 'word' && a.value === 'MAX')) args.push(this.take().text);
        else throw this.unexpected(a, 'a type length, precision or MAX');
        if (this.peek().kind !== 'comma') break;
        this.take();
      }
      this.expect('rparen', '")" closing the type arguments');
    }
    return { parts, args };
  }

  private parseCase(): Expr {
    const keyword = this.take();
    this.enter(keyword);
    const subject = this.isWord('WHEN') ? null : this.parseOr();
    const branches: CaseBranch[] = [];
    while (this.isWord('WHEN')) {
      this.take();
      const when = this.parseOr();
      this.expectWord('THEN');
      branches.push({ when, then: this.parseOr() });
    }
    if (branches.length === 0) throw this.unexpected(this.peek(), 'WHEN');
    let otherwise: Expr | null = null;
    if (this.isWord('ELSE')) {
      this.take();
      otherwise = this.parseOr();
    }
    const end = this.expectWord('END');
    this.leave();
    return { kind: 'case', subject, branches, otherwise, start: keyword.start, end: end.end };
  }

  private parseNextValue(): Expr {
    const keyword = this.take();
    this.take(); // VALUE
    this.take(); // FOR
    const { parts, last } = this.readNameParts('a sequence name');
    return { kind: 'nextValue', sequence: parts, start: keyword.start, end: last.end };
  }
}

function span(first: Span, last: Span): Span {
  return { start: first.start, end: last.end };
}
