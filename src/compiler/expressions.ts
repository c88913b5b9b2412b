/** Every SqlExpression the compiler makes goes through src/expr, at the model boundary. */
import type { ts } from 'ts-morph';
import { makeExpression } from '../expr';
import type { SqlExpression } from '../model';
import { Codes } from './codes';
import type { DiagnosticBag } from './diagnostics';

/** The placeholder's reason; not a user problem, so not worth a warning on every expression. */
const placeholderProblem = 'expression parser not yet implemented';

/** Builds the model expression, warning (SC1701) when src/expr cannot parse it. */
export function toExpression(text: string, at: ts.Node, bag: DiagnosticBag, what: string): SqlExpression {
  const { expression, problem } = makeExpression(text);
  if (problem !== null && problem !== placeholderProblem) {
    bag.warning(Codes.unparsedExpression, `${what} \`${text}\` could not be parsed (${problem}); it is compared as text`, at);
  }
  return expression;
}
