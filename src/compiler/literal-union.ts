/**
 * String- and number-literal unions on column fields (`status!: UserStatus`) become CHECK ... IN
 * lists, read from the syntax in source order: unions of literals, type aliases (also imported
 * from the user's other files), enums whose members are literals, and `(typeof LIST)[number]`
 * over a `const` array of literals. Any other type is not a literal union.
 */
import ts = require('./typescript');
import type { DeclarationResolver } from './declarations';

type Values = (string | number)[];

/** The literal values a field may hold, or null when it is not a pure literal union. */
export function literalValues(typeNode: ts.TypeNode | undefined, resolver: DeclarationResolver): Values | null {
  if (!typeNode || isPlainKeyword(typeNode)) return null;
  const values = fromType(typeNode, resolver, 0);
  if (!values || values.length === 0) return null;
  return [...new Set(values)];
}

/** Keyword and common non-literal types need no look-up (the fast path for most columns). */
function isPlainKeyword(node: ts.TypeNode): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword: case ts.SyntaxKind.NumberKeyword: case ts.SyntaxKind.BooleanKeyword:
    case ts.SyntaxKind.BigIntKeyword: case ts.SyntaxKind.AnyKeyword: case ts.SyntaxKind.UnknownKeyword:
      return true;
    default:
      return ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)
        && (node.typeName.text === 'Date' || node.typeName.text === 'Uint8Array' || node.typeName.text === 'Buffer');
  }
}

/** The literals of a type; [] for null/undefined (they add nothing); null when it is not a literal union. */
function fromType(node: ts.TypeNode, resolver: DeclarationResolver, depth: number): Values | null {
  if (depth > 10) return null;
  if (ts.isParenthesizedTypeNode(node)) return fromType(node.type, resolver, depth + 1);
  if (ts.isUnionTypeNode(node)) {
    const out: Values = [];
    for (const t of node.types) {
      const part = fromType(t, resolver, depth + 1);
      if (part === null) return null;
      out.push(...part);
    }
    return out;
  }
  if (node.kind === ts.SyntaxKind.UndefinedKeyword) return [];
  if (ts.isLiteralTypeNode(node)) {
    const lit = node.literal;
    return lit.kind === ts.SyntaxKind.NullKeyword ? [] : fromLiteral(lit);
  }
  if (ts.isTypeReferenceNode(node) && !node.typeArguments) {
    const decl = resolver.declarationOf(node.typeName, 'type');
    if (!decl) return null;
    if (ts.isTypeAliasDeclaration(decl)) return decl.typeParameters ? null : fromType(decl.type, resolver, depth + 1);
    if (ts.isEnumDeclaration(decl)) return enumValues(decl);
    if (ts.isEnumMember(decl)) {
      const i = decl.parent.members.indexOf(decl);
      const all = enumValues(decl.parent);
      return all && [all[i]];
    }
    return null;
  }
  // (typeof LIST)[number], LIST a const array of literals (`as const`).
  if (ts.isIndexedAccessTypeNode(node) && node.indexType.kind === ts.SyntaxKind.NumberKeyword) {
    let obj = node.objectType;
    while (ts.isParenthesizedTypeNode(obj)) obj = obj.type;
    if (!ts.isTypeQueryNode(obj) || obj.typeArguments) return null;
    const decl = resolver.declarationOf(obj.exprName, 'value');
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer || !(decl.parent.flags & ts.NodeFlags.Const)) return null;
    return constArrayValues(decl.initializer);
  }
  return null;
}

/** A string or (possibly negative) number literal. */
function fromLiteral(lit: ts.Node): Values | null {
  if (ts.isStringLiteral(lit) || ts.isNoSubstitutionTemplateLiteral(lit)) return [lit.text];
  if (ts.isNumericLiteral(lit)) return [Number(lit.text)];
  if (ts.isPrefixUnaryExpression(lit) && lit.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(lit.operand)) {
    return [-Number(lit.operand.text)];
  }
  return null;
}

/** `['a', 'b'] as const`: the elements, when every one is a literal. */
function constArrayValues(init: ts.Expression): Values | null {
  let e = init;
  let isConst = false;
  for (;;) {
    if (ts.isParenthesizedExpression(e)) e = e.expression;
    else if (ts.isSatisfiesExpression(e)) e = e.expression;
    else if (ts.isAsExpression(e)) {
      // Without `as const` the array is string[], which is no literal union.
      if (ts.isTypeReferenceNode(e.type) && ts.isIdentifier(e.type.typeName) && e.type.typeName.text === 'const') isConst = true;
      e = e.expression;
    } else break;
  }
  if (!isConst || !ts.isArrayLiteralExpression(e)) return null;
  const out: Values = [];
  for (const el of e.elements) {
    const v = fromLiteral(el);
    if (v === null) return null;
    out.push(...v);
  }
  return out;
}

/** The values of an enum whose members are all literals (numbers count up from the previous, as TypeScript does). */
function enumValues(decl: ts.EnumDeclaration): Values | null {
  const out: Values = [];
  let next: number | null = 0;
  for (const m of decl.members) {
    if (!m.initializer) {
      if (next === null) return null;
      out.push(next);
      next += 1;
      continue;
    }
    const v = fromLiteral(m.initializer);
    if (v === null) return null;
    out.push(v[0]);
    next = typeof v[0] === 'number' ? v[0] + 1 : null;
  }
  return out;
}
