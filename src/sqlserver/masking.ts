/**
 * Dynamic Data Masking: the masking functions SQL Server takes, the form it stores them in, and
 * which column types each one fits. Source: "Dynamic data masking"
 * (https://learn.microsoft.com/sql/relational-databases/security/dynamic-data-masking,
 * MicrosoftDocs/sql-docs docs/relational-databases/security/dynamic-data-masking.md):
 * default(), email(), random(start, end) for numeric types, partial(prefix, "padding", suffix)
 * ("Custom String"), and datetime("Y" | "M" | "D" | "h" | "m" | "s") (SQL Server 2022) for date
 * and time types; a computed column cannot be masked.
 *
 * sys.masked_columns.masking_function keeps the call with ", " between its arguments whatever
 * spacing it was written with: `partial(2,"xxxx",0)` reads back as `partial(2, "xxxx", 0)`
 * (https://github.com/microsoft/DacFx/issues/206, whose tool then redeployed the mask forever,
 * and https://github.com/microsoft/DacFx/issues/666). Case of the function name as stored is not
 * documented (inferred: lower case, as the documentation writes it); the padding and the date
 * part are data and keep their case ("m" is minutes, "M" months).
 */
import type { SqlType } from '../model';
import { isCharacterType, isDateTimeType, isNumericType } from './types';

/** A datetime() mask's part: year, month, day, hour, minute, second. */
export type MaskDatePart = 'Y' | 'M' | 'D' | 'h' | 'm' | 's';

/** A parsed masking function. */
export type MaskingFunction =
  | { readonly kind: 'default' }
  | { readonly kind: 'email' }
  | { readonly kind: 'random'; readonly start: string; readonly end: string }
  | { readonly kind: 'partial'; readonly prefix: number; readonly padding: string; readonly suffix: number }
  | { readonly kind: 'datetime'; readonly part: MaskDatePart };

/** A parse: the function, or why the text is not one SQL Server takes. */
export type MaskParse = { readonly ok: true; readonly fn: MaskingFunction } | { readonly ok: false; readonly problem: string };

const DATE_PARTS: ReadonlySet<string> = new Set(['Y', 'M', 'D', 'h', 'm', 's']);

type Arg = { readonly kind: 'number'; readonly text: string } | { readonly kind: 'string'; readonly text: string };

/** Splits `name(arg, ...)` into its name and arguments (numbers, or "double-quoted" strings). */
function tokens(text: string): { name: string; args: Arg[] } | string {
  const m = /^\s*([A-Za-z_]+)\s*\(([\s\S]*)\)\s*$/.exec(text);
  if (m === null) return 'expected name(arguments), e.g. default() or partial(1, "XXXX", 0)';
  const name = m[1] as string;
  const body = m[2] as string;
  const args: Arg[] = [];
  let i = 0;
  const skip = (): void => { while (i < body.length && /\s/.test(body[i] as string)) i++; };
  skip();
  if (i === body.length) return { name, args };
  for (;;) {
    skip();
    if (body[i] === '"') {
      const close = body.indexOf('"', i + 1);
      if (close < 0) return 'a string argument has no closing "';
      args.push({ kind: 'string', text: body.slice(i + 1, close) });
      i = close + 1;
    } else {
      const num = /^[+-]?(\d+(\.\d*)?|\.\d+)/.exec(body.slice(i));
      if (num === null) return `unexpected ${JSON.stringify(body.slice(i, i + 10))}: arguments are numbers or "double-quoted" strings`;
      args.push({ kind: 'number', text: num[0] });
      i += num[0].length;
    }
    skip();
    if (i === body.length) return { name, args };
    if (body[i] !== ',') return `expected , between arguments, not ${JSON.stringify(body[i])}`;
    i++;
  }
}

const SHAPES = 'default(), email(), random(start, end), partial(prefix, "padding", suffix) or datetime("Y|M|D|h|m|s")';

/** Parses a masking function as SQL Server takes it in MASKED WITH (FUNCTION = '...'). */
export function parseMaskingFunction(text: string): MaskParse {
  const t = tokens(text);
  if (typeof t === 'string') return { ok: false, problem: t };
  const { args } = t;
  const name = t.name.toLowerCase();
  const arity = (n: number): string | null => (args.length === n ? null : `${name}() takes ${n} argument${n === 1 ? '' : 's'}, not ${args.length}`);
  const bad = (problem: string): MaskParse => ({ ok: false, problem });
  switch (name) {
    case 'default': case 'email': {
      const problem = arity(0);
      return problem !== null ? bad(problem) : { ok: true, fn: { kind: name } };
    }
    case 'random': {
      const problem = arity(2);
      if (problem !== null) return bad(problem);
      const [a, b] = args as [Arg, Arg];
      if (a.kind !== 'number' || b.kind !== 'number') return bad('random(start, end) takes two numbers');
      if (Number(a.text) > Number(b.text)) return bad(`random(${a.text}, ${b.text}): the start of the range is above its end`);
      return { ok: true, fn: { kind: 'random', start: a.text, end: b.text } };
    }
    case 'partial': {
      const problem = arity(3);
      if (problem !== null) return bad(problem);
      const [p, pad, s] = args as [Arg, Arg, Arg];
      const count = (a: Arg): number | null => (a.kind === 'number' && /^\+?\d+$/.test(a.text) ? Number(a.text) : null);
      const prefix = count(p);
      const suffix = count(s);
      if (prefix === null || suffix === null || pad.kind !== 'string') return bad('partial(prefix, "padding", suffix) takes a whole number of characters, a "double-quoted" padding and a whole number');
      return { ok: true, fn: { kind: 'partial', prefix, padding: pad.text, suffix } };
    }
    case 'datetime': {
      const problem = arity(1);
      if (problem !== null) return bad(problem);
      const [part] = args as [Arg];
      if (part.kind !== 'string' || !DATE_PARTS.has(part.text)) return bad('datetime() takes one of "Y", "M", "D", "h", "m", "s"');
      return { ok: true, fn: { kind: 'datetime', part: part.text as MaskDatePart } };
    }
    default: return bad(`unknown masking function ${t.name}(); SQL Server has ${SHAPES}`);
  }
}

/** The function as sys.masked_columns stores it: lower-case name, ", " between arguments. */
export function maskingFunctionText(fn: MaskingFunction): string {
  switch (fn.kind) {
    case 'default': case 'email': return `${fn.kind}()`;
    case 'random': return `random(${fn.start}, ${fn.end})`;
    case 'partial': return `partial(${fn.prefix}, "${fn.padding}", ${fn.suffix})`;
    case 'datetime': return `datetime("${fn.part}")`;
  }
}

/**
 * The text to keep for a masking function: its stored form when it parses, else the text with
 * the whitespace around it trimmed (a function this version does not know, read from a newer server).
 */
export function normalizeMask(text: string): string {
  const p = parseMaskingFunction(text);
  return p.ok ? maskingFunctionText(p.fn) : text.trim();
}

/** A comparison key: numbers by value, strings verbatim, whitespace outside quotes ignored. */
function maskKey(text: string): string {
  const p = parseMaskingFunction(text);
  if (!p.ok) return text.replace(/"[^"]*"|\s+/g, (m) => (m.startsWith('"') ? m : '')).toLowerCase();
  const fn = p.fn;
  return fn.kind === 'random' ? `random(${Number(fn.start)}, ${Number(fn.end)})` : maskingFunctionText(fn);
}

/** Whether two masks (absent: no mask) are the same, whatever spacing or name case they were written with. */
export function sameMask(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return maskKey(a) === maskKey(b);
}

/**
 * Why `fn` does not fit a column of type `type`, or null. random() is for numeric types and
 * datetime() for date and time types (dynamic-data-masking.md); partial() is the "Custom String"
 * function and email() masks an address, so both are for character types (inferred from their
 * descriptions). default() fits every type.
 */
export function maskMisfit(fn: MaskingFunction, type: SqlType): string | null {
  switch (fn.kind) {
    case 'default': return null;
    case 'random': return isNumericType(type) ? null : 'random() masks numeric columns';
    case 'datetime': return isDateTimeType(type) ? null : 'datetime() masks date and time columns';
    case 'partial': case 'email': return isCharacterType(type) ? null : `${fn.kind}() masks character columns`;
  }
}
