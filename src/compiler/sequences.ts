/**
 * Sequences from the schema's source: `const x = Sequence('name', { ... })` at the top level of a
 * schema file or a module it imports, read from the syntax alone (the file is never executed, and
 * no type checker is asked). `nextValueFor(x)` defaults are resolved to the declaration `x` names,
 * following imports by path. Every value SQL Server would fill in is filled in here, so a
 * sequence that omits min, max or start compares equal to what sys.sequences reports.
 */
import ts = require('./typescript');
import type { Sequence, SequenceCache } from '../model';
import { MAX_IDENTIFIER_LENGTH } from '../sqlserver/names';
import {
  DEFAULT_SEQUENCE_TYPE, resolveSequenceValues, sequenceType, type SequenceField, type SequenceProblem,
} from '../sqlserver/sequences';
import { Codes, type Code } from './codes';
import type { DiagnosticBag } from './diagnostics';
import type { DeclarationResolver } from './declarations';
import { apiImports, apiName } from './read-classes';
import { refOf } from './source-ref';
import { readValue, type StaticValue, type ValueContext } from './static-value';

/** The schema and name of a declared sequence. */
export interface SequenceName {
  readonly schema: string;
  readonly name: string;
}

/** Finds the declared sequence an expression (`x`, `ns.x`) names; null when it names none. */
export interface SequenceResolver {
  resolve(ref: ts.Expression | undefined): SequenceName | null;
}

/** One declaration as read: the model sequence (null when its values were refused) and where. */
export interface DeclaredSequence {
  readonly name: SequenceName;
  readonly sequence: Sequence | null;
  /** The Sequence(...) call and its name argument, for diagnostics. */
  readonly node: ts.Node;
  readonly nameNode: ts.Node;
}

/** Every sequence of the program and the resolver of `nextValueFor` arguments. */
export interface SequenceRegistry extends SequenceResolver {
  readonly declared: readonly DeclaredSequence[];
}

const PROBLEM_CODES: Readonly<Record<SequenceProblem['kind'], Code>> = {
  'out-of-range': Codes.sequenceValueOutOfRange,
  'zero-increment': Codes.sequenceZeroIncrement,
  'min-not-below-max': Codes.sequenceMinNotBelowMax,
  'start-outside': Codes.sequenceStartOutside,
  'increment-too-large': Codes.sequenceIncrementTooLarge,
};

/** Reads every top-level `const x = Sequence(...)` of `files`; `nextValueFor(x)` is resolved through `resolver`. */
export function collectSequences(
  files: readonly ts.SourceFile[], resolver: DeclarationResolver, defaultSchema: string, bag: DiagnosticBag,
): SequenceRegistry {
  const declared: DeclaredSequence[] = [];
  const byDeclaration = new Map<ts.Declaration, SequenceName>();
  for (const sf of files) {
    const imports = apiImports(sf);
    const sqlNames = new Set([...imports.named].filter(([, exported]) => exported === 'sql').map(([local]) => local));
    const ctx: ValueContext = { resolver, sqlNames };
    for (const st of sf.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const decl of st.declarationList.declarations) {
        const init = decl.initializer;
        if (!init || !ts.isCallExpression(init) || apiName(init.expression, imports) !== 'Sequence') continue;
        if (!(st.declarationList.flags & ts.NodeFlags.Const) || !ts.isIdentifier(decl.name)) {
          bag.error(Codes.notStatic, 'declare a sequence as `const name = Sequence(...)` so defaults can refer to it', decl);
          continue;
        }
        const read = readSequence(init, ctx, defaultSchema, bag);
        if (read === null) continue;
        declared.push(read);
        byDeclaration.set(decl, read.name);
      }
    }
  }
  const resolve = (ref: ts.Expression | undefined): SequenceName | null => {
    const decl = ref === undefined ? undefined : resolver.declarationOf(ref, 'value');
    return decl === undefined ? null : byDeclaration.get(decl) ?? null;
  };
  return { declared, resolve };
}

/** One Sequence(name, options) call to a model sequence, reporting each problem at what was written. */
function readSequence(call: ts.CallExpression, ctx: ValueContext, defaultSchema: string, bag: DiagnosticBag): DeclaredSequence | null {
  const [nameArg, optsArg] = call.arguments;
  const nameV = nameArg ? readValue(nameArg, ctx) : undefined;
  if (nameV?.kind !== 'string' || nameV.value.length === 0) {
    bag.error(Codes.notStatic, 'Sequence needs its name as a non-empty string literal', nameV?.node ?? call);
    return null;
  }
  const optsV = optsArg ? readValue(optsArg, ctx) : undefined;
  if (optsV !== undefined && optsV.kind !== 'object') bag.error(Codes.notStatic, 'sequence options must be an object literal', optsV.node);
  const opts = optsV?.kind === 'object' ? optsV.props : new Map<string, StaticValue>();
  const schemaV = opts.get('schema');
  if (schemaV !== undefined && schemaV.kind !== 'string') bag.error(Codes.notStatic, "option 'schema' must be a string literal", schemaV.node);
  const schema = schemaV?.kind === 'string' ? schemaV.value : defaultSchema;
  for (const [what, v, text] of [['sequence name', nameV, nameV.value], ['schema name', schemaV, schema]] as const) {
    if (text.length > MAX_IDENTIFIER_LENGTH) bag.error(Codes.identifierTooLong, `${what} ${text} is ${text.length} characters; SQL Server allows ${MAX_IDENTIFIER_LENGTH}`, (v ?? nameV).node);
  }
  const name: SequenceName = { schema, name: nameV.value };
  let ok = true;
  const fail = (code: Code, message: string, at: ts.Node): void => {
    ok = false;
    bag.error(code, `sequence ${schema}.${nameV.value}: ${message}`, at);
  };
  const typeV = opts.get('type');
  const parsedType = readType(typeV);
  if ('problem' in parsedType) fail(Codes.sequenceType, parsedType.problem, typeV?.node ?? call);
  const type = 'type' in parsedType ? parsedType.type : DEFAULT_SEQUENCE_TYPE;
  const number = (field: SequenceField, nullable: boolean): bigint | null | undefined => {
    const v = opts.get(field);
    if (v === undefined) return undefined;
    if (v.kind === 'null' && nullable) return null;
    const digits = v.kind === 'number' ? v.text : v.kind === 'string' ? v.value : null;
    if (digits !== null && /^-?\d+$/.test(digits)) return BigInt(digits);
    fail(Codes.notStatic, `${field} must be a whole number (a string of digits beyond 2^53)${nullable ? ' or null' : ''}`, v.node);
    return undefined;
  };
  const values = resolveSequenceValues({ type, start: number('start', false) ?? undefined, increment: number('increment', false) ?? undefined, min: number('min', true), max: number('max', true) });
  for (const p of values.problems) fail(PROBLEM_CODES[p.kind], p.message, opts.get(p.field)?.node ?? call);
  const cycleV = opts.get('cycle');
  if (cycleV !== undefined && cycleV.kind !== 'boolean') fail(Codes.notStatic, "option 'cycle' must be true or false", cycleV.node);
  const cache = readCache(opts.get('cache'), fail);
  const sequence: Sequence = {
    schema, name: nameV.value, type, start: values.start, increment: values.increment, min: values.min, max: values.max,
    cycle: cycleV?.kind === 'boolean' && cycleV.value, cache, source: refOf(nameV.node),
  };
  return { name, sequence: ok ? sequence : null, node: call, nameNode: nameV.node };
}

/** `type: 'int'` or `'decimal(20)'`; bigint when absent. */
function readType(v: StaticValue | undefined): ReturnType<typeof sequenceType> {
  if (v === undefined) return { type: DEFAULT_SEQUENCE_TYPE };
  if (v.kind !== 'string') return { problem: "option 'type' must be a string literal such as 'int' or 'decimal(20)'" };
  const m = /^\s*([a-z]+)\s*(?:\(\s*(\d+)\s*(?:,\s*0\s*)?\))?\s*$/i.exec(v.value);
  if (m === null) return { problem: `type '${v.value}' is not a sequence type; use tinyint, smallint, int, bigint, decimal(p) or numeric(p)` };
  return sequenceType((m[1] as string).toLowerCase(), m[2] !== undefined ? Number(m[2]) : undefined);
}

/** `cache: 50 | true | false`; absent is CACHE with the engine's size. */
function readCache(v: StaticValue | undefined, fail: (code: Code, message: string, at: ts.Node) => void): SequenceCache {
  if (v === undefined || (v.kind === 'boolean' && v.value)) return { kind: 'default' };
  if (v.kind === 'boolean') return { kind: 'none' };
  if (v.kind === 'number' && Number.isSafeInteger(v.value) && v.value >= 1) return { kind: 'size', size: v.value };
  fail(Codes.sequenceCache, 'cache must be a positive whole number, true (CACHE) or false (NO CACHE)', v.node);
  return { kind: 'default' };
}
