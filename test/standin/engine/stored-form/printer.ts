/**
 * Prints a stored tree the way SQL Server's catalog shows it. The rules, each with the public
 * sample it comes from (see normalization-cases.json and the tests):
 * - the whole expression is wrapped in one pair of parentheses;
 * - a numeric literal carries its own parentheses, `(0)`, `(-40)`, `(6.50)`; strings do not;
 * - no spaces around symbolic operators; ` AND `, ` OR `, `NOT `, ` IS [NOT] NULL`, ` like `;
 * - a binary arithmetic expression is parenthesised when it is the operand of another operator
 *   (`isnull(([SubTotal]+[TaxAmt])+[Freight],(0))`, `(([a]+[b])-([c]+[d]))<=(0)`), but not as a
 *   function argument, CASE branch or LIKE operand (`like ('%'+char((13)))+'%'`);
 * - AND inside OR needs no parentheses (CK_BillOfMaterials_BOMLevel), OR inside AND does, and a
 *   same-operator chain on the right keeps its own (CK_Person_PersonType);
 * - `case when ... then ... else ... end` is lower-case; with no ELSE there are two spaces before
 *   `end` (scripted CK_HTML_Footer_Not11: `then (1)  end=(0)`).
 */
import { assertNever, DataType, Node } from './ast';
import { bracket } from './names';

/** The stored text of a whole definition. */
export function printStored(root: Node): string {
  return `(${print(root)})`;
}

function print(node: Node): string {
  switch (node.kind) {
    case 'column': return node.parts.map(bracket).join('.');
    case 'number': return `(${node.text})`;
    case 'string': return node.text;
    // Inferred: a binary constant is a number-like constant and gets the same parentheses.
    case 'binary': return `(${node.text})`;
    case 'null': return 'NULL';
    case 'call': return `${node.name}(${node.args.map(print).join(',')})`;
    case 'datepart': return node.name;
    case 'convert': {
      const style = node.style === undefined ? '' : `,${print(node.style)}`;
      return `${node.fn}(${printType(node.type)},${print(node.value)}${style})`;
    }
    case 'next-value': return `NEXT VALUE FOR ${node.sequence.map(bracket).join('.')}`;
    case 'arithmetic': return `${operand(node.left)}${node.op}${operand(node.right)}`;
    // Inferred: no public stored sample negates a column; `-[x]`, and `-([a]+[b])` for a sum.
    case 'unary': return `${node.op}${operand(node.operand)}`;
    // Inferred: the clause follows its operand with the keyword lower-case like `like`.
    case 'collate': return `${operand(node.operand)} collate ${node.collation}`;
    case 'case': return printCase(node);
    case 'compare': return `${operand(node.left)}${node.op}${operand(node.right)}`;
    case 'like': {
      // Inferred: ESCAPE is printed lower-case like `like` itself.
      const escape = node.escape === undefined ? '' : ` escape ${print(node.escape)}`;
      return `${print(node.value)} like ${print(node.pattern)}${escape}`;
    }
    case 'is-null': return `${operand(node.operand)} IS ${node.negated ? 'NOT ' : ''}NULL`;
    // `NOT [x] like '...'`, `NOT ([a]=(34) OR [a]=(33))`, `NOT ([g] IS NOT NULL AND ...)` (scripted constraints).
    case 'not': return `NOT ${node.operand.kind === 'logic' ? `(${print(node.operand)})` : print(node.operand)}`;
    case 'logic': return node.items.map((item, i) => (needsParens(node.op, item, i) ? `(${print(item)})` : print(item))).join(` ${node.op} `);
    default: return assertNever(node);
  }
}

/** An operand of an operator: nested arithmetic and negations get parentheses. */
function operand(node: Node): string {
  return node.kind === 'arithmetic' || node.kind === 'unary' ? `(${print(node)})` : print(node);
}

function needsParens(op: 'AND' | 'OR', item: Node, index: number): boolean {
  if (item.kind !== 'logic') return false;
  // OR binds looser than AND; a same-operator item only exists on the right (joinLogic).
  return item.op === op ? index > 0 : op === 'AND';
}

function printCase(node: Extract<Node, { kind: 'case' }>): string {
  const subject = node.operand === undefined ? '' : ` ${print(node.operand)}`;
  const arms = node.whens.map((w) => ` when ${print(w.when)} then ${print(w.then)}`).join('');
  const otherwise = node.otherwise === undefined ? ' ' : ` else ${print(node.otherwise)}`;
  return `case${subject}${arms}${otherwise} end`;
}

/** `[int]`, `[varchar](max)`, `[decimal](10,2)`, `[dbo].[Flag]`. */
export function printType(type: DataType): string {
  const args = type.args.length === 0 ? '' : `(${type.args.join(',')})`;
  return `${type.name.map(bracket).join('.')}${args}`;
}
