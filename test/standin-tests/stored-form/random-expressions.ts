/**
 * Test helpers: a seeded generator of written T-SQL conditions (random layout, keyword case,
 * redundant parentheses, IN/BETWEEN/NOT/CASE) and a three-valued evaluator over the stored tree,
 * so a test can check that the stored text means what the written text meant.
 */
import { Node } from '../../standin/engine/stored-form/ast';

/** A deterministic pseudo-random source (mulberry32), so failures reproduce. */
export class Random {
  constructor(private state: number) {}

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** One of the items. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

/** Column names the generator uses; the evaluator looks them up case-insensitively. */
export const COLUMNS = ['a', 'b', 'c'] as const;

/** Writes random conditions the way people do: odd spacing, mixed case, extra parentheses. */
export class ConditionWriter {
  constructor(private readonly random: Random) {}

  /** A condition of at most `depth` nesting levels. */
  condition(depth: number): string {
    const r = this.random;
    const leaf = depth <= 0;
    switch (leaf ? r.int(4) : r.int(8)) {
      case 0: return `${this.value(depth - 1)}${this.space()}${r.pick(['=', '<>', '!=', '<', '>', '<=', '>=', '!<', '!>'])}${this.space()}${this.value(depth - 1)}`;
      case 1: return `${this.value(depth - 1)} ${this.kw('is')} ${r.int(2) === 0 ? '' : this.kw('not') + ' '}${this.kw('null')}`;
      case 2: {
        const items = Array.from({ length: 1 + r.int(4) }, () => this.value(depth - 2));
        return `${this.value(depth - 1)} ${this.maybeNot()}${this.kw('in')} (${items.join(`,${this.space()}`)})`;
      }
      case 3: return `${this.value(depth - 1)} ${this.maybeNot()}${this.kw('between')} ${this.value(depth - 2)} ${this.kw('and')} ${this.value(depth - 2)}`;
      case 4: return `${this.kw('not')} ${this.paren(this.condition(depth - 1), true)}`;
      case 5: case 6: return `${this.paren(this.condition(depth - 1))} ${this.kw(r.pick(['and', 'or']))} ${this.paren(this.condition(depth - 1))}`;
      default: return `(${this.condition(depth - 1)})`;
    }
  }

  /** A value expression of at most `depth` nesting levels. */
  value(depth: number): string {
    const r = this.random;
    switch (depth <= 0 ? r.int(2) : r.int(9)) {
      case 0: return this.column();
      case 1: return `${r.int(3) === 0 ? '-' + this.space() : ''}${r.int(5)}`;
      case 2: case 3: {
        const right = this.paren(this.value(depth - 1));
        // `x--1` would start a comment, in T-SQL as here: keep a space before a leading minus.
        const gap = right.startsWith('-') ? ' ' : this.space();
        return `${this.paren(this.value(depth - 1))}${this.space()}${r.pick(['+', '-', '*'])}${gap}${right}`;
      }
      case 4: return `-${this.paren(this.value(depth - 1), true)}`;
      case 5: return `(${this.value(depth - 1)})`;
      case 6: {
        const otherwise = r.int(2) === 0 ? '' : ` ${this.kw('else')} ${this.value(depth - 1)}`;
        return `${this.kw('case')} ${this.kw('when')} ${this.condition(depth - 1)} ${this.kw('then')} ${this.value(depth - 1)}${otherwise} ${this.kw('end')}`;
      }
      case 7: return `${this.kw('case')} ${this.value(depth - 1)} ${this.kw('when')} ${this.value(depth - 1)} ${this.kw('then')} ${this.value(depth - 1)} ${this.kw('end')}`;
      default: return `${this.kw(r.pick(['isnull', 'coalesce']))}(${this.value(depth - 1)},${this.space()}${this.value(depth - 1)})`;
    }
  }

  private column(): string {
    const name = this.random.pick(COLUMNS);
    return this.random.pick([name, `[${name}]`, `"${name}"`, name.toUpperCase()]);
  }

  private maybeNot(): string {
    return this.random.int(3) === 0 ? `${this.kw('not')} ` : '';
  }

  private kw(word: string): string {
    return this.random.pick([word, word.toUpperCase(), word[0].toUpperCase() + word.slice(1)]);
  }

  private space(): string {
    return this.random.pick(['', ' ', '  ', '\n\t']);
  }

  // Operands of unary operators must be parenthesised in the written text when compound.
  private paren(text: string, always = false): string {
    return always || this.random.int(2) === 0 ? `(${text})` : text;
  }
}

/** A value, or null; a condition evaluates to true, false or null (unknown). */
type Value = number | null;
type Truth = boolean | null;

/** Evaluates a stored-tree value under `row` (column name, lower-case -> value). */
export function evaluate(node: Node, row: Readonly<Record<string, Value>>): Value {
  const v = (n: Node): Value => evaluate(n, row);
  switch (node.kind) {
    case 'column': return row[node.parts[node.parts.length - 1].toLowerCase()] ?? null;
    case 'number': return Number(node.text);
    case 'null': return null;
    case 'unary': { const x = v(node.operand); return x === null ? null : -x; }
    case 'arithmetic': {
      const l = v(node.left);
      const r = v(node.right);
      if (l === null || r === null) return null;
      if (node.op === '+') return l + r;
      if (node.op === '-') return l - r;
      if (node.op === '*') return l * r;
      throw new Error(`evaluate: operator ${node.op}`);
    }
    case 'call': {
      if (node.name !== 'isnull' && node.name !== 'coalesce') throw new Error(`evaluate: ${node.name}`);
      return node.args.map(v).find((x) => x !== null) ?? null;
    }
    case 'case': {
      for (const arm of node.whens) {
        const hit = node.operand === undefined ? truth(arm.when, row) === true : equal(v(node.operand), v(arm.when)) === true;
        if (hit) return v(arm.then);
      }
      return node.otherwise === undefined ? null : v(node.otherwise);
    }
    default: throw new Error(`evaluate: a ${node.kind} is not a value`);
  }
}

/** Evaluates a stored-tree condition with SQL's three-valued logic. */
export function truth(node: Node, row: Readonly<Record<string, Value>>): Truth {
  switch (node.kind) {
    case 'compare': {
      const l = evaluate(node.left, row);
      const r = evaluate(node.right, row);
      if (l === null || r === null) return null;
      switch (node.op) {
        case '=': return l === r;
        case '<>': return l !== r;
        case '<': return l < r;
        case '>': return l > r;
        case '<=': return l <= r;
        case '>=': return l >= r;
      }
      throw new Error('evaluate: comparison');
    }
    case 'is-null': return (evaluate(node.operand, row) === null) !== node.negated;
    case 'not': { const t = truth(node.operand, row); return t === null ? null : !t; }
    case 'logic': {
      const values = node.items.map((i) => truth(i, row));
      const decisive = node.op === 'AND' ? false : true;
      if (values.includes(decisive)) return decisive;
      return values.includes(null) ? null : !decisive;
    }
    default: throw new Error(`evaluate: a ${node.kind} is not a condition`);
  }
}

function equal(l: Value, r: Value): Truth {
  return l === null || r === null ? null : l === r;
}
