/**
 * Checks parsed JSON against the config spec. Every problem names its key path
 * (`lint.rules.fk-without-index: expected one of ..., got "loud"`); all are collected, not
 * just the first, so one edit fixes a file.
 */
import type { ArraySpec, ObjectSpec, Spec, StringSpec } from './spec';

/** One problem: the dotted key path (array items as [i]) and what is wrong. */
export interface SpecProblem {
  readonly path: string;
  readonly message: string;
}

/** The problems of `value` against `spec`; empty when it conforms. */
export function checkSpec(value: unknown, spec: Spec, path = ''): SpecProblem[] {
  switch (spec.type) {
    case 'string': return checkString(value, spec, path);
    case 'array': return checkArray(value, spec, path);
    case 'object': return checkObject(value, spec, path);
  }
}

/** A value as a short JSON-ish description for "got ..." messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value);
  return `${typeof value} ${String(value)}`;
}

function checkString(value: unknown, spec: StringSpec, path: string): SpecProblem[] {
  if (spec.enum !== undefined) {
    if (typeof value === 'string' && spec.enum.includes(value)) return [];
    return [{ path, message: `expected one of ${spec.enum.map((e) => JSON.stringify(e)).join(', ')}, got ${describe(value)}` }];
  }
  if (typeof value !== 'string') return [{ path, message: `expected a string, got ${describe(value)}` }];
  if (spec.minLength !== undefined && value.length < spec.minLength) return [{ path, message: 'must not be empty' }];
  if (spec.maxLength !== undefined && value.length > spec.maxLength) {
    return [{ path, message: `must be at most ${spec.maxLength} characters, got ${value.length}` }];
  }
  if (spec.pattern !== undefined && !new RegExp(spec.pattern, 'u').test(value)) {
    return [{ path, message: `expected ${spec.patternHint ?? `a string matching ${spec.pattern}`}, got ${describe(value)}` }];
  }
  return [];
}

function checkArray(value: unknown, spec: ArraySpec, path: string): SpecProblem[] {
  if (!Array.isArray(value)) return [{ path, message: `expected an array, got ${describe(value)}` }];
  return value.flatMap((item: unknown, i) => checkSpec(item, spec.items, `${path}[${i}]`));
}

function checkObject(value: unknown, spec: ObjectSpec, path: string): SpecProblem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ path, message: `expected an object, got ${describe(value)}` }];
  }
  const known = Object.keys(spec.properties);
  const out: SpecProblem[] = [];
  for (const [key, v] of Object.entries(value)) {
    const keyPath = path === '' ? key : `${path}.${key}`;
    const sub = Object.prototype.hasOwnProperty.call(spec.properties, key) ? spec.properties[key] : undefined;
    if (sub === undefined) out.push({ path: keyPath, message: `unknown key; expected one of ${known.join(', ')}` });
    else out.push(...checkSpec(v, sub, keyPath));
  }
  return out;
}
