/**
 * The canonical comparison key of an expression tree (design.md "Normalization"). Two trees
 * get the same key exactly when they differ only in ways SQL Server's stored form differs from
 * what was written: parentheses, bracketing and case of names, keyword and function-name case,
 * IN written as an OR chain (in any order), BETWEEN written as >= AND <=, != for <>, and
 * CAST for CONVERT. Literal text is kept: 0.00 is not 0, 'a' is not N'a' nor 'A'.
 *
 * Boolean parts are first brought to negation normal form (NOT pushed down to the predicates;
 * sound in SQL's three-valued logic), AND / OR chains are flattened, and `x = v` terms of one
 * OR chain (and `x <> v` terms of one AND chain) with the same left side become one unordered
 * value set. Every compound node prints inside its own parentheses, so the key is unambiguous;
 * the key is itself valid T-SQL whose key is the key again (tests rely on that).
 */
import { assertNeverNode, type CompareOp, type Expr } from './ast';
import { typeKey } from './type-names';

/** Normalized boolean structure, before printing. */
type Norm =
  | { readonly k: 'and' | 'or'; readonly items: readonly Norm[] }
  /** `left IN (values)` (negated: `left NOT IN`, i.e. <> every value). */
  | { readonly k: 'set'; readonly negated: boolean; readonly left: string; readonly values: readonly string[] }
  | { readonly k: 'atom'; readonly key: string };

/** The opposite of each ordering comparison, for pushing NOT down (`!>` is <=, `!<` is >=). */
const NEGATED_ORDER: Readonly<Record<Exclude<CompareOp, '=' | '<>' | '!='>, string>> = {
  '>': '<=',
  '>=': '<',
  '!>': '>',
  '<': '>=',
  '<=': '>',
  '!<': '<',
};

/** `!>` and `!<` mean <= and >=; print them so. */
const PLAIN_ORDER: Readonly<Record<Exclude<CompareOp, '=' | '<>' | '!='>, string>> = {
  '>': '>',
  '>=': '>=',
  '!>': '<=',
  '<': '<',
  '<=': '<=',
  '!<': '>=',
};

/** Datepart abbreviations T-SQL accepts, to the full name (DATEADD(dd, ...) is DATEADD(day, ...)). */
const DATEPART_ALIASES: ReadonlyMap<string, string> = new Map([
  ['yy', 'year'], ['yyyy', 'year'], ['qq', 'quarter'], ['q', 'quarter'], ['mm', 'month'], ['m', 'month'],
  ['dy', 'dayofyear'], ['y', 'dayofyear'], ['dd', 'day'], ['d', 'day'], ['wk', 'week'], ['ww', 'week'],
  ['dw', 'weekday'], ['w', 'weekday'], ['hh', 'hour'], ['mi', 'minute'], ['n', 'minute'], ['ss', 'second'],
  ['s', 'second'], ['ms', 'millisecond'], ['mcs', 'microsecond'], ['ns', 'nanosecond'],
  ['tz', 'tzoffset'], ['isowk', 'iso_week'], ['isoww', 'iso_week'],
]);

/** The canonical key of a parsed expression. */
export function canonicalKey(expr: Expr): string {
  return printNorm(normalize(expr, false));
}

/** A bracketed, lower-cased name part (names compare case-insensitively, as the default collation does). */
export function nameKey(part: string): string {
  return `[${part.toLowerCase().replace(/]/g, ']]')}]`;
}

/** A string literal exactly as T-SQL would write it, N prefix included. */
function stringKey(value: string, national: boolean): string {
  return `${national ? 'N' : ''}'${value.replace(/'/g, "''")}'`;
}

function normalize(e: Expr, negate: boolean): Norm {
  switch (e.kind) {
    case 'not':
      return normalize(e.operand, !negate);
    case 'and':
    case 'or': {
      const conjunctive = (e.kind === 'and') !== negate;
      return chain(conjunctive ? 'and' : 'or', e.operands.map((o) => normalize(o, negate)));
    }
    case 'comparison': {
      const left = canonicalKey(e.left);
      const right = canonicalKey(e.right);
      if (e.op === '=') return { k: 'set', negated: negate, left, values: [right] };
      if (e.op === '<>' || e.op === '!=') return { k: 'set', negated: !negate, left, values: [right] };
      const op = negate ? NEGATED_ORDER[e.op] : PLAIN_ORDER[e.op];
      return atom(`(${left}${op}${right})`);
    }
    case 'in': {
      const left = canonicalKey(e.operand);
      return { k: 'set', negated: e.negated !== negate, left, values: e.values.map(canonicalKey) };
    }
    case 'between': {
      // BETWEEN a AND b is x >= a AND x <= b (SQL Server stores it so); NOT BETWEEN is its negation.
      const x = canonicalKey(e.operand);
      const low = canonicalKey(e.low);
      const high = canonicalKey(e.high);
      if (e.negated !== negate) return chain('or', [atom(`(${x}<${low})`), atom(`(${x}>${high})`)]);
      return chain('and', [atom(`(${x}>=${low})`), atom(`(${x}<=${high})`)]);
    }
    case 'isNull': {
      const not = e.negated !== negate ? ' not' : '';
      return atom(`(${canonicalKey(e.operand)} is${not} null)`);
    }
    case 'like': {
      const not = e.negated !== negate ? ' not' : '';
      const escape = e.escape === null ? '' : ` escape ${canonicalKey(e.escape)}`;
      return atom(`(${canonicalKey(e.operand)}${not} like ${canonicalKey(e.pattern)}${escape})`);
    }
    default: {
      const key = valueKey(e);
      return atom(negate ? `(not ${key})` : key);
    }
  }
}

function atom(key: string): Norm {
  return { k: 'atom', key };
}

/** Flattens nested chains of the same kind and merges value sets that share a left side. */
function chain(k: 'and' | 'or', items: readonly Norm[]): Norm {
  // In an OR chain `x = a OR x = b` is x IN (a, b); in an AND chain `x <> a AND x <> b` is
  // x NOT IN (a, b). The merged set takes the place of its first member.
  const mergeNegated = k === 'and';
  const out: Norm[] = [];
  // Values of merged sets grow in place (copying per merge would be quadratic in a long chain).
  const setValues = new Map<string, string[]>();
  const add = (item: Norm): void => {
    if (item.k === k) {
      item.items.forEach(add);
      return;
    }
    if (item.k === 'set' && item.negated === mergeNegated) {
      const existing = setValues.get(item.left);
      if (existing !== undefined) {
        for (const v of item.values) existing.push(v);
        return;
      }
      const values = [...item.values];
      setValues.set(item.left, values);
      out.push({ k: 'set', negated: item.negated, left: item.left, values });
      return;
    }
    out.push(item);
  };
  items.forEach(add);
  return out.length === 1 ? out[0] : { k, items: out };
}

function printNorm(n: Norm): string {
  switch (n.k) {
    case 'atom':
      return n.key;
    case 'and':
    case 'or':
      return `(${n.items.map(printNorm).join(` ${n.k} `)})`;
    case 'set': {
      const values = [...new Set(n.values)].sort();
      return `(${n.left}${n.negated ? ' not' : ''} in (${values.join(',')}))`;
    }
    default:
      return assertNeverNode(n);
  }
}

/** Keys of the non-boolean kinds (booleans nested as values, e.g. in CASE WHEN, go through normalize). */
function valueKey(e: Expr): string {
  switch (e.kind) {
    case 'column':
      return e.parts.map(nameKey).join('.');
    case 'number':
      return e.text.toLowerCase();
    case 'string':
      return stringKey(e.value, e.national);
    case 'null':
      return 'null';
    case 'datepart': {
      const name = e.name.toLowerCase();
      return DATEPART_ALIASES.get(name) ?? name;
    }
    case 'unary': {
      // `-(-1)`, not `--1`: the key stays valid T-SQL (`--` would start a comment).
      const operand = canonicalKey(e.operand);
      return e.operand.kind === 'unary' ? `${e.op}(${operand})` : `${e.op}${operand}`;
    }
    case 'binary':
      return `(${canonicalKey(e.left)}${e.op}${canonicalKey(e.right)})`;
    case 'call':
      return callKey(e.name, e.args, e.niladic);
    case 'convert': {
      const style = e.style === null ? '' : `,${canonicalKey(e.style)}`;
      return `${e.fn}(${typeKey(e.type)},${canonicalKey(e.value)}${style})`;
    }
    case 'case': {
      const subject = e.subject === null ? '' : ` ${canonicalKey(e.subject)}`;
      const branches = e.branches.map((b) => ` when ${canonicalKey(b.when)} then ${canonicalKey(b.then)}`).join('');
      const otherwise = e.otherwise === null ? '' : ` else ${canonicalKey(e.otherwise)}`;
      return `(case${subject}${branches}${otherwise} end)`;
    }
    case 'nextValue':
      return `(next value for ${e.sequence.map(nameKey).join('.')})`;
    case 'collate':
      return `(${canonicalKey(e.operand)} collate ${e.collation.toLowerCase()})`;
    case 'not':
    case 'and':
    case 'or':
    case 'comparison':
    case 'in':
    case 'between':
    case 'isNull':
    case 'like':
      return canonicalKey(e);
    default:
      return assertNeverNode(e);
  }
}

function callKey(name: readonly string[], args: readonly Expr[], niladic: boolean): string {
  if (name.length > 1) return `${name.map(nameKey).join('.')}(${args.map(canonicalKey).join(',')})`;
  const fn = name[0].toLowerCase();
  // Inferred, not observed (sqlserver-catalog.md 2.1 rule 12): SQL Server stores a
  // CURRENT_TIMESTAMP default as (getdate()); Prisma, TypeORM and MikroORM all rely on that.
  if (fn === 'current_timestamp' && niladic) return 'getdate()';
  if (niladic) return fn;
  // IIF is defined as shorthand for a searched CASE, so the two must compare equal whichever
  // form the catalog prints.
  if (fn === 'iif' && args.length === 3) {
    const [condition, whenTrue, whenFalse] = args.map(canonicalKey);
    return `(case when ${condition} then ${whenTrue} else ${whenFalse} end)`;
  }
  return `${fn}(${args.map(canonicalKey).join(',')})`;
}
