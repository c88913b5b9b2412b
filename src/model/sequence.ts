import type { SourceRef } from './source';
import type { SqlType } from './types';

/**
 * A sequence's CACHE option: `default` is CACHE without a size (SQL Server picks it, and the
 * default when the option is omitted), `none` is NO CACHE, `size` is CACHE n.
 */
export type SequenceCache =
  | { readonly kind: 'default' }
  | { readonly kind: 'none' }
  | { readonly kind: 'size'; readonly size: number };

/**
 * A CREATE SEQUENCE object. Every value is filled in the way SQL Server fills it (start, min
 * and max from the type's range when omitted), so a sequence declared without options compares
 * equal to the row sys.sequences reports for it. Values are decimal strings: a bigint or
 * decimal(38,0) bound does not fit a JavaScript number.
 */
export interface Sequence {
  readonly schema: string;
  readonly name: string;
  /** tinyint, smallint, int, bigint, or decimal/numeric with scale 0 (precision 1-38). */
  readonly type: SqlType;
  readonly start: string;
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly cycle: boolean;
  readonly cache: SequenceCache;
  readonly source?: SourceRef;
}
