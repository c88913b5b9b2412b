/**
 * The expression tree the parser builds. Parentheses are not nodes: the tree shape already
 * says what they grouped, and SQL Server re-derives them anyway (sqlserver-catalog.md 2.1 rule 9).
 * Every node keeps the source span it was read from, so diagnostics can quote the user's text.
 */

/** Half-open character range [start, end) in the parsed text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The comparison operators of T-SQL, as written (`!=` is kept apart from `<>` here). */
export type CompareOp = '=' | '<>' | '!=' | '>' | '>=' | '!>' | '<' | '<=' | '!<';

/** Binary arithmetic, string concatenation and bitwise operators. */
export type ArithmeticOp = '+' | '-' | '*' | '/' | '%' | '&' | '|' | '^';

/** A data type as CAST / CONVERT name it: possibly schema-qualified, with (n | max | p, s). */
export interface TypeName {
  /** Name parts without brackets or quotes; a multiword synonym is one part (`character varying`). */
  readonly parts: readonly string[];
  /** Arguments as written: digits or `max`. */
  readonly args: readonly string[];
}

/** A column reference: `a`, `[a]`, `"a"`, `t.a` (parts unbracketed, original case). */
export interface ColumnNode extends Span { readonly kind: 'column'; readonly parts: readonly string[] }
/** A numeric literal, unsigned, text as written (`0.00`, `1.1e+000`, `0x1F`). */
export interface NumberNode extends Span { readonly kind: 'number'; readonly text: string }
/** A string literal; `value` is unescaped, `national` is the N prefix. */
export interface StringNode extends Span { readonly kind: 'string'; readonly value: string; readonly national: boolean }
/** The NULL literal. */
export interface NullNode extends Span { readonly kind: 'null' }
/** A datepart keyword argument (`day` in DATEADD(day, 1, x)); not a column. */
export interface DatepartNode extends Span { readonly kind: 'datepart'; readonly name: string }
/** Unary minus, plus, or bitwise NOT. */
export interface UnaryNode extends Span { readonly kind: 'unary'; readonly op: '-' | '+' | '~'; readonly operand: Expr }
/** An arithmetic / concatenation / bitwise operation. */
export interface BinaryNode extends Span {
  readonly kind: 'binary';
  readonly op: ArithmeticOp;
  readonly left: Expr;
  readonly right: Expr;
}
/** `left op right` with a comparison operator. */
export interface ComparisonNode extends Span {
  readonly kind: 'comparison';
  readonly op: CompareOp;
  readonly left: Expr;
  readonly right: Expr;
}
/** `operand IS [NOT] NULL`. */
export interface IsNullNode extends Span { readonly kind: 'isNull'; readonly operand: Expr; readonly negated: boolean }
/** `operand [NOT] IN (values)`. */
export interface InNode extends Span {
  readonly kind: 'in';
  readonly operand: Expr;
  readonly values: readonly Expr[];
  readonly negated: boolean;
}
/** `operand [NOT] BETWEEN low AND high`. */
export interface BetweenNode extends Span {
  readonly kind: 'between';
  readonly operand: Expr;
  readonly low: Expr;
  readonly high: Expr;
  readonly negated: boolean;
}
/** `operand [NOT] LIKE pattern [ESCAPE escape]`. */
export interface LikeNode extends Span {
  readonly kind: 'like';
  readonly operand: Expr;
  readonly pattern: Expr;
  readonly escape: Expr | null;
  readonly negated: boolean;
}
/** `NOT operand`. */
export interface NotNode extends Span { readonly kind: 'not'; readonly operand: Expr }
/** A chain `a AND b AND ...` (two or more operands, as written). */
export interface AndNode extends Span { readonly kind: 'and'; readonly operands: readonly Expr[] }
/** A chain `a OR b OR ...` (two or more operands, as written). */
export interface OrNode extends Span { readonly kind: 'or'; readonly operands: readonly Expr[] }
/**
 * A function call `name(args)`; `niladic` marks the parenthesis-free built-ins
 * (CURRENT_TIMESTAMP, CURRENT_USER, ...), whose name is kept as written.
 */
export interface CallNode extends Span {
  readonly kind: 'call';
  readonly name: readonly string[];
  readonly args: readonly Expr[];
  readonly niladic: boolean;
}
/** CONVERT(type, value[, style]) or CAST(value AS type), and their TRY_ forms. */
export interface ConvertNode extends Span {
  readonly kind: 'convert';
  readonly fn: 'convert' | 'try_convert';
  readonly syntax: 'cast' | 'convert';
  readonly type: TypeName;
  readonly value: Expr;
  readonly style: Expr | null;
}
/** One WHEN ... THEN ... branch of a CASE. */
export interface CaseBranch {
  readonly when: Expr;
  readonly then: Expr;
}
/** Simple (with subject) or searched CASE. */
export interface CaseNode extends Span {
  readonly kind: 'case';
  readonly subject: Expr | null;
  readonly branches: readonly CaseBranch[];
  readonly otherwise: Expr | null;
}
/** NEXT VALUE FOR sequence. */
export interface NextValueNode extends Span { readonly kind: 'nextValue'; readonly sequence: readonly string[] }
/** `operand COLLATE collation`. */
export interface CollateNode extends Span { readonly kind: 'collate'; readonly operand: Expr; readonly collation: string }

/** Any expression node. */
export type Expr =
  | ColumnNode
  | NumberNode
  | StringNode
  | NullNode
  | DatepartNode
  | UnaryNode
  | BinaryNode
  | ComparisonNode
  | IsNullNode
  | InNode
  | BetweenNode
  | LikeNode
  | NotNode
  | AndNode
  | OrNode
  | CallNode
  | ConvertNode
  | CaseNode
  | NextValueNode
  | CollateNode;

/** Every kind of node, for exhaustive Record<> dispatch. */
export type ExprKind = Expr['kind'];

/**
 * Exhaustiveness guard for switches over node kinds. Local to src/expr so that the compiler and
 * catalog, which import this module, do not pull in the differ.
 */
export function assertNeverNode(value: never): never {
  throw new Error(`schemac/expr: unexpected node: ${JSON.stringify(value)}`);
}

/** The direct children of a node, in source order (for walks that do not care about kind). */
export function childrenOf(node: Expr): readonly Expr[] {
  switch (node.kind) {
    case 'column':
    case 'number':
    case 'string':
    case 'null':
    case 'datepart':
    case 'nextValue':
      return [];
    case 'unary':
    case 'not':
    case 'isNull':
    case 'collate':
      return [node.operand];
    case 'binary':
    case 'comparison':
      return [node.left, node.right];
    case 'in':
      return [node.operand, ...node.values];
    case 'between':
      return [node.operand, node.low, node.high];
    case 'like':
      return node.escape === null ? [node.operand, node.pattern] : [node.operand, node.pattern, node.escape];
    case 'and':
    case 'or':
      return node.operands;
    case 'call':
      return node.args;
    case 'convert':
      return node.style === null ? [node.value] : [node.value, node.style];
    case 'case': {
      const out: Expr[] = node.subject === null ? [] : [node.subject];
      for (const b of node.branches) out.push(b.when, b.then);
      if (node.otherwise !== null) out.push(node.otherwise);
      return out;
    }
    default:
      return assertNeverNode(node);
  }
}
