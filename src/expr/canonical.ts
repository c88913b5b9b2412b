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
import { collationKey, keywordKey, type NameKey } from '../sqlserver/names';
import { bracket } from '../sqlserver/literals';
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
export function canonicalKey(expr: Expr, names: NameKey): string {
  return printNorm(normalize(expr, false, names));
}

/** A bracketed name part keyed as the database collation compares names. */
export function nameKey(part: string, names: NameKey): string {
  return bracket(names(part));
}

/** A string literal exactly as T-SQL would write it, N prefix included. */
function stringKey(value: string, national: boolean): string {
  return `${national ? 'N' : ''}'${value.replace(/'/g, "''")}'`;
}

function normalize(e: Expr, negate: boolean, names: NameKey): Norm {
  switch (e.kind) {
    case 'not':
      return normalize(e.operand, !negate, names);
    case 'and':
    case 'or': {
      const conjunctive = (e.kind === 'and') !== negate;
      return chain(conjunctive ? 'and' : 'or', e.operands.map((o) => normalize(o, negate, names)));
    }
    case 'comparison': {
      const left = canonicalKey(e.left, names);
      const right = canonicalKey(e.right, names);
      if (e.op === '=') return { k: 'set', negated: negate, left, values: [right] };
      if (e.op === '<>' || e.op === '!=') return { k: 'set', negated: !negate, left, values: [right] };
      const op = negate ? NEGATED_ORDER[e.op] : PLAIN_ORDER[e.op];
      return atom(`(${left}${op}${right})`);
    }
    case 'in': {
      const left = canonicalKey(e.operand, names);
      return { k: 'set', negated: e.negated !== negate, left, values: e.values.map((a) => canonicalKey(a, names)) };
    }
    case 'between': {
      // BETWEEN a AND b is x >= a AND x <= b (SQL Server stores it so); NOT BETWEEN is its negation.
      const x = canonicalKey(e.operand, names);
      const low = canonicalKey(e.low, names);
      const high = canonicalKey(e.high, names);
      if (e.negated !== negate) return chain('or', [atom(`(${x}<${low})`), atom(`(${x}>${high})`)]);
      return chain('and', [atom(`(${x}>=${low})`), atom(`(${x}<=${high})`)]);
    }
    case 'isNull': {
      const not = e.negated !== negate ? ' not' : '';
      return atom(`(${canonicalKey(e.operand, names)} is${not} null)`);
    }
    case 'like': {
      const not = e.negated !== negate ? ' not' : '';
      const escape = e.escape === null ? '' : ` escape ${canonicalKey(e.escape, names)}`;
      return atom(`(${canonicalKey(e.operand, names)}${not} like ${canonicalKey(e.pattern, names)}${escape})`);
    }
    default: {
      const key = valueKey(e, names);
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
function valueKey(e: Expr, names: NameKey): string {
  switch (e.kind) {
    case 'column':
      return e.parts.map((p) => nameKey(p, names)).join('.');
    case 'number':
      return keywordKey(e.text);
    case 'string':
      return stringKey(e.value, e.national);
    case 'null':
      return 'null';
    case 'datepart': {
      const name = keywordKey(e.name);
      return DATEPART_ALIASES.get(name) ?? name;
    }
    case 'unary': {
      // `-(-1)`, not `--1`: the key stays valid T-SQL (`--` would start a comment).
      const operand = canonicalKey(e.operand, names);
      return e.operand.kind === 'unary' ? `${e.op}(${operand})` : `${e.op}${operand}`;
    }
    case 'binary':
      return `(${canonicalKey(e.left, names)}${e.op}${canonicalKey(e.right, names)})`;
    case 'call':
      return callKey(e.name, e.args, e.niladic, names);
    case 'convert': {
      const style = e.style === null ? '' : `,${canonicalKey(e.style, names)}`;
      return `${e.fn}(${typeKey(e.type)},${canonicalKey(e.value, names)}${style})`;
    }
    case 'case': {
      const subject = e.subject === null ? '' : ` ${canonicalKey(e.subject, names)}`;
      const branches = e.branches.map((b) => ` when ${canonicalKey(b.when, names)} then ${canonicalKey(b.then, names)}`).join('');
      const otherwise = e.otherwise === null ? '' : ` else ${canonicalKey(e.otherwise, names)}`;
      return `(case${subject}${branches}${otherwise} end)`;
    }
    case 'nextValue':
      return `(next value for ${e.sequence.map((p) => nameKey(p, names)).join('.')})`;
    case 'collate':
      return `(${canonicalKey(e.operand, names)} collate ${collationKey(e.collation)})`;
    case 'not':
    case 'and':
    case 'or':
    case 'comparison':
    case 'in':
    case 'between':
    case 'isNull':
    case 'like':
      return canonicalKey(e, names);
    default:
      return assertNeverNode(e);
  }
}

function callKey(name: readonly string[], args: readonly Expr[], niladic: boolean, names: NameKey): string {
  if (name.length > 1) return `${name.map((p) => nameKey(p, names)).join('.')}(${args.map((a) => canonicalKey(a, names)).join(',')})`;
  // Built-in function names are keywords: case-insensitive whatever the collation.
  const fn = keywordKey(name[0]);
  // Inferred, not observed (sqlserver-catalog.md 2.1 rule 12): SQL Server stores a
  // CURRENT_TIMESTAMP default as (getdate()); Prisma, TypeORM and MikroORM all rely on that.
  if (fn === 'current_timestamp' && niladic) return 'getdate()';
  if (niladic) return fn;
  // IIF is defined as shorthand for a searched CASE, so the two must compare equal whichever
  // form the catalog prints.
  if (fn === 'iif' && args.length === 3) {
    const [condition, whenTrue, whenFalse] = args.map((a) => canonicalKey(a, names));
    return `(case when ${condition} then ${whenTrue} else ${whenFalse} end)`;
  }
  return `${fn}(${args.map((a) => canonicalKey(a, names)).join(',')})`;
}
