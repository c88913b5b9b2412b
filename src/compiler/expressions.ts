/** Every SqlExpression the compiler makes goes through src/expr, at the model boundary. */
import type { ts } from 'ts-morph';
import { makeExpression } from '../expr';
import type { SqlExpression } from '../model';
import type { NameKey } from '../sqlserver/names';
import { Codes } from './codes';
import type { DiagnosticBag } from './diagnostics';

/**
 * Builds the model expression, warning (SC1701) when src/expr cannot parse it. src/expr's
 * problem already quotes the expression and says where parsing stopped, so it is used as is.
 */
export function toExpression(text: string, names: NameKey, at: ts.Node, bag: DiagnosticBag, what: string): SqlExpression {
  const { expression, problem } = makeExpression(text, names);
  if (problem !== null) bag.warning(Codes.unparsedExpression, `${what}: ${problem}; it is compared as text`, at);
  return expression;
}
