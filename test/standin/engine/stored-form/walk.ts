/**
 * Generic traversal of the stored tree: the direct children of a node, and a rebuild that
 * replaces nodes bottom-up. Kept apart so rules and rewrites do not each repeat the node list.
 */
import { assertNever, Node } from './ast';

/** The direct sub-expressions of a node, in printing order. */
export function children(node: Node): readonly Node[] {
  switch (node.kind) {
    case 'column': case 'number': case 'string': case 'binary': case 'null': case 'datepart': case 'next-value':
      return [];
    case 'call': return node.args;
    case 'convert': return node.style === undefined ? [node.value] : [node.value, node.style];
    case 'arithmetic': case 'compare': return [node.left, node.right];
    case 'unary': case 'collate': case 'not': case 'is-null': return [node.operand];
    case 'like': return node.escape === undefined ? [node.value, node.pattern] : [node.value, node.pattern, node.escape];
    case 'logic': return node.items;
    case 'case': return [
      ...(node.operand === undefined ? [] : [node.operand]),
      ...node.whens.flatMap((w) => [w.when, w.then]),
      ...(node.otherwise === undefined ? [] : [node.otherwise]),
    ];
    default: return assertNever(node);
  }
}

/** Rebuilds the tree with `replace` applied to every node after its children were rebuilt. */
export function mapTree(node: Node, replace: (node: Node) => Node): Node {
  const m = (n: Node): Node => mapTree(n, replace);
  const opt = (n: Node | undefined): Node | undefined => (n === undefined ? undefined : m(n));
  switch (node.kind) {
    case 'column': case 'number': case 'string': case 'binary': case 'null': case 'datepart': case 'next-value':
      return replace(node);
    case 'call': return replace({ ...node, args: node.args.map(m) });
    case 'convert': return replace({ ...node, value: m(node.value), style: opt(node.style) });
    case 'arithmetic': return replace({ ...node, left: m(node.left), right: m(node.right) });
    case 'compare': return replace({ ...node, left: m(node.left), right: m(node.right) });
    case 'unary': return replace({ ...node, operand: m(node.operand) });
    case 'collate': return replace({ ...node, operand: m(node.operand) });
    case 'not': return replace({ ...node, operand: m(node.operand) });
    case 'is-null': return replace({ ...node, operand: m(node.operand) });
    case 'like': return replace({ ...node, value: m(node.value), pattern: m(node.pattern), escape: opt(node.escape) });
    case 'logic': return replace({ ...node, items: node.items.map(m) });
    case 'case': return replace({
      ...node,
      operand: opt(node.operand),
      whens: node.whens.map((w) => ({ when: m(w.when), then: m(w.then) })),
      otherwise: opt(node.otherwise),
    });
    default: return assertNever(node);
  }
}
