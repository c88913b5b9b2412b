/**
 * Recursive-descent parser from written T-SQL expression text to the stored tree (ast.ts).
 * It does SQL Server's rewrites as it goes: IN becomes an OR chain of `=` in reverse list order,
 * BETWEEN becomes `>= AND <=`, CAST becomes CONVERT, IIF becomes CASE, parentheses vanish and
 * AND/OR chains grow from the left only (see joinLogic for why).
 */
import { ArithmeticOp, CaseWhen, CompareOp, isCondition, Node } from './ast';
import { TokenCursor } from './cursor';
import { parseDataType } from './data-type';
import { bracket, canonicalDatepart, NILADIC, RESERVED, takesDatepart } from './names';
import { Token, tokenize } from './tokenizer';

/** Constructs the written text used; filter predicates accept only a few of them. */
export type Feature = 'not' | 'like' | 'between' | 'case' | 'call' | 'arithmetic' | 'collate' | 'convert';

/** The parsed tree plus what the text used, for the per-kind rules in rules.ts. */
export interface Parsed {
  readonly root: Node;
  readonly features: ReadonlySet<Feature>;
  /** The last token, for errors about the whole expression. */
  readonly last: Token;
}

/** Parses one complete expression; throws StoredFormError when T-SQL would not accept it. */
export function parseExpression(text: string): Parsed {
  const parser = new Parser(tokenize(text));
  return parser.parseAll();
}

const COMPARE: Readonly<Record<string, CompareOp>> = {
  '=': '=', '<>': '<>', '<': '<', '>': '>', '<=': '<=', '>=': '>=',
  // Inferred: the stored form is printed from the parsed tree, and these spellings are the
  // same comparisons as <>, >= and <=; no public stored example shows them.
  '!=': '<>', '!<': '>=', '!>': '<=',
};
const ADDITIVE = new Set(['+', '-', '&', '|', '^']);
const MULTIPLICATIVE = new Set(['*', '/', '%']);

class Parser extends TokenCursor {
  private readonly features = new Set<Feature>();

  parseAll(): Parsed {
    if (this.peek().kind === 'end') this.fail(this.peek(), 'the expression is empty');
    const root = this.parseOr();
    if (this.peek().kind !== 'end') this.fail(this.peek(), 'unexpected text after the expression');
    return { root, features: this.features, last: this.lastToken() };
  }

  // ---- conditions ---------------------------------------------------------------------------

  private parseOr(): Node {
    let left = this.parseAnd();
    while (this.isWord('OR')) {
      const op = this.next();
      const right = this.parseAnd();
      left = joinLogic('OR', this.condition(left, op), this.condition(right, op));
    }
    return left;
  }

  private parseAnd(): Node {
    let left = this.parseNot();
    while (this.isWord('AND')) {
      const op = this.next();
      const right = this.parseNot();
      left = joinLogic('AND', this.condition(left, op), this.condition(right, op));
    }
    return left;
  }

  private parseNot(): Node {
    if (!this.isWord('NOT')) return this.parsePredicate();
    const op = this.next();
    this.features.add('not');
    return { kind: 'not', operand: this.condition(this.parseNot(), op) };
  }

  private parsePredicate(): Node {
    const left = this.parseAdditive();
    const t = this.peek();
    const compare = t.kind === 'symbol' ? COMPARE[t.text] : undefined;
    if (compare !== undefined) {
      this.next();
      const right = this.parseAdditive();
      return { kind: 'compare', op: compare, left: this.value(left, t), right: this.value(right, t) };
    }
    if (this.isWord('IS')) {
      this.next();
      const negated = this.isWord('NOT');
      if (negated) this.next();
      this.expectWord('NULL', 'IS must be followed by NULL or NOT NULL');
      return { kind: 'is-null', operand: this.value(left, t), negated };
    }
    const negated = this.isWord('NOT') && ['LIKE', 'IN', 'BETWEEN'].includes(this.peek(1).value.toUpperCase()) && this.peek(1).kind === 'word';
    if (negated) {
      this.next();
      this.features.add('not');
    }
    const keyword = this.peek();
    let node: Node;
    if (this.isWord('LIKE')) node = this.parseLike(left);
    else if (this.isWord('IN')) node = this.parseIn(left);
    else if (this.isWord('BETWEEN')) node = this.parseBetween(left);
    else return left;
    this.value(left, keyword);
    return negated ? { kind: 'not', operand: node } : node;
  }

  private parseLike(value: Node): Node {
    const keyword = this.next();
    this.features.add('like');
    const pattern = this.value(this.parseAdditive(), keyword);
    if (!this.isWord('ESCAPE')) return { kind: 'like', value, pattern };
    const escapeWord = this.next();
    return { kind: 'like', value, pattern, escape: this.value(this.parseAdditive(), escapeWord) };
  }

  private parseIn(value: Node): Node {
    const keyword = this.next();
    this.expectSymbol('(', 'IN must be followed by a parenthesised list');
    if (this.isWord('SELECT')) this.fail(this.peek(), 'subqueries are not allowed here');
    const items: Node[] = [];
    do items.push(this.value(this.parseAdditive(), keyword));
    while (this.acceptSymbol(','));
    this.expectSymbol(')', 'the IN list is not closed');
    // Observed on every public sample (AdventureWorks, DBA.SE, sqldef): the last item first.
    const equalities = items.reverse().map((item): Node => ({ kind: 'compare', op: '=', left: value, right: item }));
    return equalities.length === 1 ? equalities[0] : { kind: 'logic', op: 'OR', items: equalities };
  }

  private parseBetween(value: Node): Node {
    const keyword = this.next();
    this.features.add('between');
    const low = this.value(this.parseAdditive(), keyword);
    this.expectWord('AND', 'BETWEEN needs AND between its bounds');
    const high = this.value(this.parseAdditive(), keyword);
    return {
      kind: 'logic', op: 'AND',
      items: [{ kind: 'compare', op: '>=', left: value, right: low }, { kind: 'compare', op: '<=', left: value, right: high }],
    };
  }

  // ---- values -------------------------------------------------------------------------------

  private parseAdditive(): Node {
    let left = this.parseMultiplicative();
    while (this.peek().kind === 'symbol' && ADDITIVE.has(this.peek().text)) {
      const op = this.next();
      const right = this.parseMultiplicative();
      left = this.arithmetic(op, left, right);
    }
    return left;
  }

  private parseMultiplicative(): Node {
    let left = this.parseUnary();
    while (this.peek().kind === 'symbol' && MULTIPLICATIVE.has(this.peek().text)) {
      const op = this.next();
      const right = this.parseUnary();
      left = this.arithmetic(op, left, right);
    }
    return left;
  }

  private arithmetic(op: Token, left: Node, right: Node): Node {
    this.features.add('arithmetic');
    return { kind: 'arithmetic', op: op.text as ArithmeticOp, left: this.value(left, op), right: this.value(right, op) };
  }

  private parseUnary(): Node {
    const t = this.peek();
    if (t.kind !== 'symbol' || !['-', '+', '~'].includes(t.text)) return this.parseCollate();
    this.next();
    const operand = this.value(this.parseUnary(), t);
    // Inferred: unary plus is a no-op and leaves no trace in the stored tree.
    if (t.text === '+') return operand;
    // A minus on a bare number is part of the literal: -1 is stored ((-1)), and so is -(1)
    // (EF Core's `((-8))` -> `(-8)` shows the sign living inside the literal's parentheses).
    if (t.text === '-' && operand.kind === 'number' && !operand.text.startsWith('-')) return { kind: 'number', text: '-' + operand.text };
    this.features.add('arithmetic');
    return { kind: 'unary', op: t.text === '-' ? '-' : '~', operand };
  }

  private parseCollate(): Node {
    let node = this.parsePrimary();
    while (this.isWord('COLLATE')) {
      const keyword = this.next();
      const name = this.next();
      if (name.kind !== 'word') this.fail(name, 'COLLATE must be followed by a collation name');
      this.features.add('collate');
      node = { kind: 'collate', operand: this.value(node, keyword), collation: name.text };
    }
    return node;
  }

  private parsePrimary(): Node {
    const t = this.peek();
    switch (t.kind) {
      case 'number': this.next(); return { kind: 'number', text: t.text };
      case 'string': this.next(); return { kind: 'string', text: t.value };
      case 'binary': this.next(); return { kind: 'binary', text: t.text };
      case 'quoted': return this.parseNameOrCall();
      case 'symbol':
        if (t.text !== '(') return this.fail(t, 'expected an expression');
        this.next();
        if (this.isWord('SELECT')) return this.fail(this.peek(), 'subqueries are not allowed here');
        return this.closeParen(this.parseOr());
      case 'end': return this.fail(t, 'the expression ends too early');
      case 'word': return this.parseWord(t);
    }
  }

  private parseWord(t: Token): Node {
    if (t.text.startsWith('@')) return this.fail(t, 'variables are not allowed in a stored definition');
    const upper = t.text.toUpperCase();
    const callFollows = this.peek(1).kind === 'symbol' && this.peek(1).text === '(';
    if (upper === 'NULL') { this.next(); return { kind: 'null' }; }
    if (upper === 'CASE') return this.parseCase();
    if ((upper === 'CAST' || upper === 'TRY_CAST') && callFollows) return this.parseCast(upper === 'TRY_CAST');
    if ((upper === 'CONVERT' || upper === 'TRY_CONVERT') && callFollows) return this.parseConvert(upper);
    if (upper === 'IIF' && callFollows) return this.parseIif();
    if (upper === 'NEXT' && this.peek(1).value.toUpperCase() === 'VALUE') return this.parseNextValue();
    const niladic = NILADIC[upper];
    if (niladic !== undefined && !callFollows) { this.next(); return { kind: 'call', name: niladic, args: [] }; }
    // LEFT and RIGHT are reserved words that are also string functions.
    if ((upper === 'LEFT' || upper === 'RIGHT') && callFollows) {
      this.next();
      this.next();
      return this.parseCall([t.text]);
    }
    if (RESERVED.has(upper)) return this.fail(t, `the keyword ${upper} cannot start an expression`);
    return this.parseNameOrCall();
  }

  private parseNameOrCall(): Node {
    const parts = [this.identifier()];
    while (this.acceptSymbol('.')) parts.push(this.identifier());
    return this.acceptSymbol('(') ? this.parseCall(parts) : { kind: 'column', parts };
  }

  /** The rest of a call, after its opening parenthesis. */
  private parseCall(parts: readonly string[]): Node {
    this.features.add('call');
    // A one-part name can only be a built-in, and built-ins are stored lower-case (getdate,
    // upper, len, choose ...); schema-qualified functions keep their names, bracketed.
    const name = parts.length === 1 ? parts[0].toLowerCase() : parts.map(bracket).join('.');
    const args: Node[] = [];
    if (this.acceptSymbol(')')) return { kind: 'call', name, args };
    if (parts.length === 1 && takesDatepart(name)) {
      const word = this.next();
      const datepart = word.kind === 'word' ? canonicalDatepart(word.text) : null;
      if (datepart === null) return this.fail(word, `${name} needs a datepart as its first argument`);
      args.push({ kind: 'datepart', name: datepart });
      if (!this.acceptSymbol(',')) return this.closeCall({ kind: 'call', name, args });
    }
    do args.push(this.value(this.parseOr(), this.peek()));
    while (this.acceptSymbol(','));
    return this.closeCall({ kind: 'call', name, args });
  }

  private parseCase(): Node {
    const keyword = this.next();
    this.features.add('case');
    const operand = this.isWord('WHEN') ? undefined : this.value(this.parseOr(), keyword);
    const whens: CaseWhen[] = [];
    while (this.isWord('WHEN')) {
      const when = this.next();
      const test = this.parseOr();
      this.expectWord('THEN', 'WHEN must be followed by THEN');
      const then = this.value(this.parseOr(), when);
      whens.push({ when: operand === undefined ? this.condition(test, when) : this.value(test, when), then });
    }
    if (whens.length === 0) this.fail(this.peek(), 'CASE needs at least one WHEN');
    let otherwise: Node | undefined;
    if (this.isWord('ELSE')) {
      const elseWord = this.next();
      otherwise = this.value(this.parseOr(), elseWord);
    }
    this.expectWord('END', 'CASE must end with END');
    return { kind: 'case', operand, whens, otherwise };
  }

  // Inferred: IIF is documented as shorthand for CASE, so the tree (and the stored text) is a CASE.
  private parseIif(): Node {
    const keyword = this.next();
    this.next();
    this.features.add('case');
    const test = this.condition(this.parseOr(), keyword);
    this.expectSymbol(',', 'IIF takes three arguments');
    const then = this.value(this.parseOr(), keyword);
    this.expectSymbol(',', 'IIF takes three arguments');
    const otherwise = this.value(this.parseOr(), keyword);
    this.expectSymbol(')', 'IIF takes three arguments');
    return { kind: 'case', whens: [{ when: test, then }], otherwise };
  }

  private parseCast(isTry: boolean): Node {
    const keyword = this.next();
    this.next();
    this.features.add('convert');
    const value = this.value(this.parseOr(), keyword);
    this.expectWord('AS', 'CAST needs AS and a type');
    const type = parseDataType(this);
    this.expectSymbol(')', 'CAST is not closed');
    // Stored as CONVERT (joshthecoder.com SSDT computed-column example; sqlserver-catalog 2.1.6).
    return { kind: 'convert', fn: isTry ? 'TRY_CONVERT' : 'CONVERT', type, value };
  }

  private parseConvert(fn: 'CONVERT' | 'TRY_CONVERT'): Node {
    const keyword = this.next();
    this.next();
    this.features.add('convert');
    const type = parseDataType(this);
    this.expectSymbol(',', `${fn} needs a type and a value`);
    const value = this.value(this.parseOr(), keyword);
    const style = this.acceptSymbol(',') ? this.value(this.parseOr(), keyword) : undefined;
    this.expectSymbol(')', `${fn} is not closed`);
    return style === undefined ? { kind: 'convert', fn, type, value } : { kind: 'convert', fn, type, value, style };
  }

  private parseNextValue(): Node {
    this.next();
    this.next();
    this.expectWord('FOR', 'NEXT VALUE must be followed by FOR');
    const sequence = [this.identifier()];
    while (this.acceptSymbol('.')) sequence.push(this.identifier());
    return { kind: 'next-value', sequence };
  }

  // ---- helpers ------------------------------------------------------------------------------

  private closeParen(node: Node): Node {
    this.expectSymbol(')', 'a parenthesis is not closed');
    return node;
  }

  private closeCall(node: Node): Node {
    this.expectSymbol(')', 'the argument list is not closed');
    return node;
  }

  /** A value is required here (operand of an operator, argument, CASE result). */
  private value(node: Node, at: Token): Node {
    if (isCondition(node)) this.fail(at, 'a condition cannot be used as a value');
    return node;
  }

  /** A condition is required here (operand of AND/OR/NOT, WHEN of a searched CASE). */
  private condition(node: Node, at: Token): Node {
    if (!isCondition(node)) this.fail(at, 'a value cannot be used as a condition', 4145);
    return node;
  }
}

/**
 * Builds `left op right`. A chain of the same operator grows only from the left: that is the
 * only shape consistent with the public samples, where an IN list on the left of OR flattens
 * into it (CK_Product_Class) but one on the right keeps its own parentheses (CK_Person_PersonType),
 * and where `len(x) BETWEEN 7 AND 8` on the right of AND stays parenthesised (scripted CK_Carnet).
 */
function joinLogic(op: 'AND' | 'OR', left: Node, right: Node): Node {
  if (left.kind === 'logic' && left.op === op) return { kind: 'logic', op, items: [...left.items, right] };
  return { kind: 'logic', op, items: [left, right] };
}
