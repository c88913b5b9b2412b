/**
 * Reads decorator arguments as static values straight from the syntax tree: literals, arrays,
 * object literals, sql`...` templates, `() => SomeClass` thunks and references to `const`s
 * (followed through imports by path, no type checker).
 * The schema file is never executed, so anything else is reported as not static.
 */
import ts = require('./typescript');
import type { DeclarationResolver } from './declarations';

/** A decorator argument as the compiler understands it; `node` is where it was written. */
export type StaticValue =
  | { readonly kind: 'string'; readonly value: string; readonly node: ts.Node }
  | { readonly kind: 'number'; readonly value: number; readonly text: string; readonly node: ts.Node }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly node: ts.Node }
  | { readonly kind: 'null'; readonly node: ts.Node }
  | { readonly kind: 'sql'; readonly text: string; readonly node: ts.Node }
  | { readonly kind: 'array'; readonly items: readonly StaticValue[]; readonly node: ts.Node }
  | { readonly kind: 'object'; readonly props: ReadonlyMap<string, StaticValue>; readonly node: ts.Node }
  | { readonly kind: 'class'; readonly decl: ts.ClassDeclaration; readonly node: ts.Node }
  /** `nextValueFor(seq)`: `sequence` is the argument, resolved to a declared sequence later (compiler/sequences.ts). */
  | { readonly kind: 'nextValue'; readonly sequence: ts.Expression | undefined; readonly node: ts.Node }
  | { readonly kind: 'unknown'; readonly reason: string; readonly node: ts.Node };

/** What the reader needs to follow identifiers: the resolver over the parsed files and the local name of `sql`. */
export interface ValueContext {
  readonly resolver: DeclarationResolver;
  /** Local names under which the file imported `sql` from 'schemac'. */
  readonly sqlNames: ReadonlySet<string>;
  /** Local names under which the file imported `nextValueFor` from 'schemac' (absent: none). */
  readonly nextValueNames?: ReadonlySet<string>;
}

/** Reads one expression. */
export function readValue(node: ts.Expression, ctx: ValueContext, depth = 0): StaticValue {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) {
    return readValue(node.expression, ctx, depth);
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { kind: 'string', value: node.text, node };
  if (ts.isNumericLiteral(node)) return { kind: 'number', value: Number(node.text), text: node.text, node };
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
    return { kind: 'number', value: -Number(node.operand.text), text: `-${node.operand.text}`, node };
  }
  if (node.kind === ts.SyntaxKind.TrueKeyword) return { kind: 'boolean', value: true, node };
  if (node.kind === ts.SyntaxKind.FalseKeyword) return { kind: 'boolean', value: false, node };
  if (node.kind === ts.SyntaxKind.NullKeyword) return { kind: 'null', node };
  // `undefined` skips an optional positional argument, e.g. ForeignKey(cols, () => T, undefined, opts).
  if (ts.isIdentifier(node) && node.text === 'undefined') return { kind: 'null', node };
  if (ts.isTaggedTemplateExpression(node)) return readSql(node, ctx);
  if (ts.isCallExpression(node) && isNextValueFor(node.expression, ctx)) return { kind: 'nextValue', sequence: node.arguments[0], node };
  if (ts.isArrayLiteralExpression(node)) {
    return { kind: 'array', items: node.elements.map((e) => readValue(e, ctx, depth)), node };
  }
  if (ts.isObjectLiteralExpression(node)) return readObject(node, ctx, depth);
  if (ts.isArrowFunction(node) && ts.isExpression(node.body)) {
    const decl = ts.isIdentifier(node.body) || ts.isPropertyAccessExpression(node.body) ? ctx.resolver.declarationOf(node.body, 'value') : undefined;
    if (decl && ts.isClassDeclaration(decl)) return { kind: 'class', decl, node };
    return { kind: 'unknown', reason: 'expected `() => SomeTable` naming a class', node };
  }
  if (ts.isIdentifier(node) && depth < 8) {
    const decl = ctx.resolver.declarationOf(node, 'value');
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer
      && ts.isVariableDeclarationList(decl.parent) && decl.parent.flags & ts.NodeFlags.Const) {
      const inner = readValue(decl.initializer, ctx, depth + 1);
      // Report the use site, where the user looks, not the const's declaration.
      return { ...inner, node } as StaticValue;
    }
  }
  return { kind: 'unknown', reason: 'not a literal the compiler can read without running the file', node };
}

/** `nextValueFor` as the file imported it (or `s.nextValueFor` through a namespace import). */
function isNextValueFor(callee: ts.Expression, ctx: ValueContext): boolean {
  if (ts.isIdentifier(callee)) return ctx.nextValueNames?.has(callee.text) ?? false;
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'nextValueFor';
}

function readSql(node: ts.TaggedTemplateExpression, ctx: ValueContext): StaticValue {
  const tag = node.tag;
  const isSql = ts.isIdentifier(tag) ? ctx.sqlNames.has(tag.text)
    : ts.isPropertyAccessExpression(tag) && tag.name.text === 'sql';
  if (!isSql) return { kind: 'unknown', reason: 'only sql`...` templates are read', node };
  if (!ts.isNoSubstitutionTemplateLiteral(node.template)) {
    return { kind: 'unknown', reason: 'sql`...` cannot hold ${...}: the file is never executed', node };
  }
  return { kind: 'sql', text: node.template.rawText ?? node.template.text, node };
}

function readObject(node: ts.ObjectLiteralExpression, ctx: ValueContext, depth: number): StaticValue {
  const props = new Map<string, StaticValue>();
  for (const p of node.properties) {
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
      props.set(p.name.text, readValue(p.initializer, ctx, depth));
    } else if (ts.isShorthandPropertyAssignment(p)) {
      props.set(p.name.text, readValue(p.name, ctx, depth));
    } else {
      return { kind: 'unknown', reason: 'object spread and computed keys are not read', node: p };
    }
  }
  return { kind: 'object', props, node };
}
