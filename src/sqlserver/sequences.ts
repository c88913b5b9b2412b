/**
 * SQL Server's rules for sequences, once: the types a sequence may have, their ranges, and what
 * the server fills in for an option CREATE SEQUENCE leaves out. Both the compiler (a schema that
 * omits min/max must compare equal to the catalog) and the catalog reader use these.
 *
 * CREATE SEQUENCE (https://learn.microsoft.com/sql/t-sql/statements/create-sequence-transact-sql):
 * the type defaults to bigint; any integer type or decimal/numeric with scale 0; START WITH
 * defaults to the minimum value of an ascending sequence and the maximum of a descending one;
 * INCREMENT BY defaults to 1 and cannot be 0; MINVALUE / MAXVALUE default to the type's range;
 * NO CYCLE and CACHE (a size the engine picks) are the defaults.
 * sys.sequences (https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-sequences-transact-sql):
 * minimum_value / maximum_value report the type's bounds when none was given; cache_size is NULL
 * for NO CACHE and for CACHE without a size.
 */
import type { SqlType } from '../model';
import { DECIMAL_DEFAULT_PRECISION, DECIMAL_MAX_PRECISION } from './types';

/** The type names a sequence accepts. */
export const SEQUENCE_TYPE_NAMES = ['tinyint', 'smallint', 'int', 'bigint', 'decimal', 'numeric'] as const;

/** One of SEQUENCE_TYPE_NAMES. */
export type SequenceTypeName = (typeof SEQUENCE_TYPE_NAMES)[number];

/** The type CREATE SEQUENCE uses without AS. */
export const DEFAULT_SEQUENCE_TYPE: SqlType = { name: 'bigint' };

/** Integer ranges (https://learn.microsoft.com/sql/t-sql/data-types/int-bigint-smallint-and-tinyint-transact-sql). */
const INTEGER_RANGE: Readonly<Record<string, readonly [bigint, bigint]>> = {
  tinyint: [0n, 255n],
  smallint: [-32768n, 32767n],
  int: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

/** Whether `name` is a type a sequence may have. */
export function isSequenceTypeName(name: string): name is SequenceTypeName {
  return (SEQUENCE_TYPE_NAMES as readonly string[]).includes(name);
}

/**
 * A sequence type from its name and (decimal/numeric) precision, or a problem. decimal(p,0)
 * holds p digits, so its range is +-(10^p - 1).
 */
export function sequenceType(name: string, precision?: number): { type: SqlType } | { problem: string } {
  if (!isSequenceTypeName(name)) return { problem: `a sequence is tinyint, smallint, int, bigint, decimal(p,0) or numeric(p,0), not ${name}` };
  if (name === 'decimal' || name === 'numeric') {
    const p = precision ?? DECIMAL_DEFAULT_PRECISION;
    if (!Number.isInteger(p) || p < 1 || p > DECIMAL_MAX_PRECISION) return { problem: `${name} precision must be 1-${DECIMAL_MAX_PRECISION}, not ${p}` };
    return { type: { name, precision: p, scale: 0 } };
  }
  if (precision !== undefined) return { problem: `${name} takes no precision` };
  return { type: { name } };
}

/** The smallest and largest value of a sequence type. */
export function sequenceTypeRange(type: SqlType): readonly [bigint, bigint] {
  const integer = INTEGER_RANGE[type.name];
  if (integer !== undefined) return integer;
  const top = 10n ** BigInt(type.precision ?? DECIMAL_DEFAULT_PRECISION) - 1n;
  return [-top, top];
}

/** The options of a sequence as written: undefined for "left to SQL Server", null min/max for NO MINVALUE / NO MAXVALUE. */
export interface SequenceValuesInput {
  readonly type: SqlType;
  readonly start?: bigint;
  readonly increment?: bigint;
  readonly min?: bigint | null;
  readonly max?: bigint | null;
}

/** The option a problem is about, so the compiler can point at what the user wrote. */
export type SequenceField = 'start' | 'increment' | 'min' | 'max';

/** One way a sequence's values break SQL Server's rules. */
export interface SequenceProblem {
  readonly field: SequenceField;
  readonly kind: 'out-of-range' | 'zero-increment' | 'min-not-below-max' | 'start-outside' | 'increment-too-large';
  readonly message: string;
}

/** Every value filled in as SQL Server fills it, as decimal strings, and the problems found. */
export interface ResolvedSequenceValues {
  readonly start: string;
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly problems: readonly SequenceProblem[];
}

/** Fills in what SQL Server fills in for omitted options and checks the rules CREATE SEQUENCE enforces. */
export function resolveSequenceValues(input: SequenceValuesInput): ResolvedSequenceValues {
  const [low, high] = sequenceTypeRange(input.type);
  const problems: SequenceProblem[] = [];
  const typeName = input.type.name === 'decimal' || input.type.name === 'numeric'
    ? `${input.type.name}(${input.type.precision ?? DECIMAL_DEFAULT_PRECISION},0)` : input.type.name;
  const inRange = (field: SequenceField, label: string, v: bigint | null | undefined): void => {
    if (v !== undefined && v !== null && (v < low || v > high)) {
      problems.push({ field, kind: 'out-of-range', message: `${label} ${v} is outside the range of ${typeName} (${low} to ${high})` });
    }
  };
  inRange('start', 'START WITH', input.start);
  inRange('increment', 'INCREMENT BY', input.increment);
  inRange('min', 'MINVALUE', input.min);
  inRange('max', 'MAXVALUE', input.max);
  const increment = input.increment ?? 1n;
  if (increment === 0n) problems.push({ field: 'increment', kind: 'zero-increment', message: 'INCREMENT BY cannot be 0' });
  const min = input.min ?? low;
  const max = input.max ?? high;
  if (min >= max) problems.push({ field: input.min !== undefined && input.min !== null ? 'min' : 'max', kind: 'min-not-below-max', message: `MINVALUE ${min} must be less than MAXVALUE ${max}` });
  const start = input.start ?? (increment < 0n ? max : min);
  if (min < max && (start < min || start > max)) {
    problems.push({ field: input.start !== undefined ? 'start' : 'min', kind: 'start-outside', message: `START WITH ${start} lies outside MINVALUE ${min} and MAXVALUE ${max}` });
  }
  const magnitude = increment < 0n ? -increment : increment;
  if (min < max && magnitude > max - min) {
    problems.push({ field: 'increment', kind: 'increment-too-large', message: `INCREMENT BY ${increment} is larger than the distance between MINVALUE ${min} and MAXVALUE ${max}` });
  }
  return { start: start.toString(), increment: increment.toString(), min: min.toString(), max: max.toString(), problems };
}
