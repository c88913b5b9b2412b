/**
 * The expression tree the printer works from. It is already the tree SQL Server keeps, not the
 * text the user wrote: IN and BETWEEN are expanded, CAST is a CONVERT, parentheses the user
 * wrote are gone, AND/OR chains are n-ary. Printing it is then a plain walk.
 */

/** A data type as CONVERT prints it: `[varchar](max)`, `[decimal](10,2)`. */
export interface DataType {
  /** Name parts, already canonical (`varchar` for `character varying`). */
  readonly name: readonly string[];
  /** Arguments as printed: digits or `max`. */
  readonly args: readonly string[];
}

/** Every node kind. */
export type Node =
  | { readonly kind: 'column'; readonly parts: readonly string[] }
  /** A numeric literal, sign included, text verbatim (`-40`, `6.50`, `1.1e+000`). */
  | { readonly kind: 'number'; readonly text: string }
  /** A string literal as written, N prefix upper-cased (`N'x'`, `'a''b'`). */
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'binary'; readonly text: string }
  | { readonly kind: 'null' }
  /** A function call; `name` is printed as is (built-ins are already lower-cased). */
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Node[] }
  /** The first argument of DATEADD and friends: a bare datepart keyword. */
  | { readonly kind: 'datepart'; readonly name: string }
  | { readonly kind: 'convert'; readonly fn: 'CONVERT' | 'TRY_CONVERT'; readonly type: DataType; readonly value: Node; readonly style?: Node }
  | { readonly kind: 'next-value'; readonly sequence: readonly string[] }
  /** Binary arithmetic, string concatenation and bitwise operators. */
  | { readonly kind: 'arithmetic'; readonly op: ArithmeticOp; readonly left: Node; readonly right: Node }
  | { readonly kind: 'unary'; readonly op: '-' | '~'; readonly operand: Node }
  | { readonly kind: 'collate'; readonly operand: Node; readonly collation: string }
  | { readonly kind: 'case'; readonly operand?: Node; readonly whens: readonly CaseWhen[]; readonly otherwise?: Node }
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: Node; readonly right: Node }
  | { readonly kind: 'like'; readonly value: Node; readonly pattern: Node; readonly escape?: Node }
  | { readonly kind: 'is-null'; readonly operand: Node; readonly negated: boolean }
  | { readonly kind: 'not'; readonly operand: Node }
  /** An AND/OR chain, n-ary; only its first item can be built from the same operator's chain. */
  | { readonly kind: 'logic'; readonly op: 'AND' | 'OR'; readonly items: readonly Node[] };

/** One WHEN ... THEN ... arm. */
export interface CaseWhen {
  readonly when: Node;
  readonly then: Node;
}

/** Operators that yield a value. */
export type ArithmeticOp = '+' | '-' | '*' | '/' | '%' | '&' | '|' | '^';

/** Comparison operators as stored (`!=`, `!<`, `!>` are rewritten on the way in). */
export type CompareOp = '=' | '<>' | '<' | '>' | '<=' | '>=';

/** Node kinds that are conditions (true/false/unknown) rather than values. */
const CONDITIONS: ReadonlySet<Node['kind']> = new Set(['compare', 'like', 'is-null', 'not', 'logic']);

/** True when the node is a condition, which T-SQL keeps apart from values. */
export function isCondition(node: Node): boolean {
  return CONDITIONS.has(node.kind);
}

/** Exhaustiveness guard for switches over node kinds. */
export function assertNever(value: never): never {
  throw new Error(`stored-form: unexpected ${JSON.stringify(value)}`);
}
