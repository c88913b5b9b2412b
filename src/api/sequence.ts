/**
 * Sequences: `const orderNumbers = Sequence('order_numbers', { start: 1000 })` declares a
 * CREATE SEQUENCE object, and `nextValueFor(orderNumbers)` is a column default that draws from
 * it. The default names the declared object, not a string, so a misspelt or missing sequence is
 * an error in the editor. Nothing here runs against a server: the compiler reads the source.
 */
import type { SqlFragment } from './sql';

/** The types a sequence may have; decimal/numeric take a precision (scale is always 0), e.g. 'decimal(20)'. */
export type SequenceType = 'tinyint' | 'smallint' | 'int' | 'bigint' | 'decimal' | 'numeric' | `decimal(${number})` | `numeric(${number})`;

/** A sequence value: a number, or a string of digits for values beyond 2^53 (bigint, decimal). */
export type SequenceValue = number | `${number}`;

/** Options of a sequence; whatever is left out is what SQL Server fills in. */
export interface SequenceOptions {
  /** The SQL schema; the compiler's default schema (dbo) otherwise. */
  readonly schema?: string;
  /** bigint unless given (SQL Server's default). */
  readonly type?: SequenceType;
  /** START WITH; the minimum of an ascending sequence (the maximum of a descending one) otherwise. */
  readonly start?: SequenceValue;
  /** INCREMENT BY (not 0; negative for a descending sequence); 1 otherwise. */
  readonly increment?: SequenceValue;
  /** MINVALUE; null or absent: NO MINVALUE, the type's smallest value. */
  readonly min?: SequenceValue | null;
  /** MAXVALUE; null or absent: NO MAXVALUE, the type's largest value. */
  readonly max?: SequenceValue | null;
  /** CYCLE: start again at the minimum (maximum) once exhausted; NO CYCLE otherwise. */
  readonly cycle?: boolean;
  /** CACHE n; false: NO CACHE; true or absent: CACHE with the size SQL Server picks. */
  readonly cache?: number | boolean;
}

/** A declared sequence, as `nextValueFor` takes it. */
export interface SequenceRef {
  readonly __schemacSequence: string;
}

/** Declares a sequence: `export const invoiceNumbers = Sequence('invoice_numbers', { start: 1000 })`. */
export function Sequence(name: string, options?: SequenceOptions): SequenceRef {
  void options;
  return { __schemacSequence: name };
}

/** A column default `NEXT VALUE FOR <sequence>`: `@Column.bigint({ default: nextValueFor(invoiceNumbers) })`. */
export function nextValueFor(sequence: SequenceRef): SqlFragment {
  return { __schemacSql: `NEXT VALUE FOR ${sequence.__schemacSequence}` };
}
