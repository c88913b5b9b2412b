/**
 * String- and number-literal unions on column fields (`status!: UserStatus`) become CHECK ... IN
 * lists. The common shapes (a union of literals, possibly through type aliases) are read from
 * the syntax so the IN list keeps source order; other shapes ask the type checker.
 */
import { ts } from 'ts-morph';
import { declarationOf } from './static-value';

/** The literal values a field may hold, or null when it is not a pure literal union. */
export function literalValues(typeNode: ts.TypeNode | undefined, checker: ts.TypeChecker): (string | number)[] | null {
  if (!typeNode || isPlainKeyword(typeNode)) return null;
  const syntactic = fromSyntax(typeNode, checker, 0);
  const values = syntactic ?? fromChecker(typeNode, checker);
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

/** undefined = shape not understood syntactically; [] inside means "contributes nothing" (null). */
function fromSyntax(node: ts.TypeNode, checker: ts.TypeChecker, depth: number): (string | number)[] | null {
  if (depth > 10) return null;
  if (ts.isParenthesizedTypeNode(node)) return fromSyntax(node.type, checker, depth + 1);
  if (ts.isUnionTypeNode(node)) {
    const out: (string | number)[] = [];
    for (const t of node.types) {
      const part = fromSyntax(t, checker, depth + 1);
      if (part === null) return null;
      out.push(...part);
    }
    return out;
  }
  if (node.kind === ts.SyntaxKind.UndefinedKeyword) return [];
  if (ts.isLiteralTypeNode(node)) {
    const lit = node.literal;
    if (lit.kind === ts.SyntaxKind.NullKeyword) return [];
    if (ts.isStringLiteral(lit) || ts.isNoSubstitutionTemplateLiteral(lit)) return [lit.text];
    if (ts.isNumericLiteral(lit)) return [Number(lit.text)];
    if (ts.isPrefixUnaryExpression(lit) && lit.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(lit.operand)) {
      return [-Number(lit.operand.text)];
    }
    return null;
  }
  if (ts.isTypeReferenceNode(node) && !node.typeArguments) {
    const decl = declarationOf(checker, node.typeName);
    if (decl && ts.isTypeAliasDeclaration(decl) && !decl.typeParameters) return fromSyntax(decl.type, checker, depth + 1);
  }
  return null;
}

function fromChecker(node: ts.TypeNode, checker: ts.TypeChecker): (string | number)[] | null {
  const type = checker.getTypeFromTypeNode(node);
  const parts = type.isUnion() ? type.types : [type];
  const out: (string | number)[] = [];
  for (const p of parts) {
    if (p.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) continue;
    if (p.isStringLiteral() || p.isNumberLiteral()) out.push(p.value);
    else return null;
  }
  return out;
}
