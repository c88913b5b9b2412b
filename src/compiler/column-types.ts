/**
 * Column.<type>(...) arguments to a model SqlType with every facet filled in as SQL Server
 * would store it; the facets and their limits come from src/sqlserver/types.
 */
import type { SqlType, SqlTypeName } from '../model';
import {
  allowsMax, DECIMAL_DEFAULT_PRECISION, DECIMAL_MAX_PRECISION, facetShape, FLOAT_MAX_BITS, FRACTIONAL_SECONDS_MAX,
  MAX_LENGTH, REAL_MAX_BITS, type FacetShape,
} from '../sqlserver/types';
import { assertNever } from '../util/assert-never';
import type { StaticValue } from './static-value';

/** A facet problem: the message and the argument it is about. */
export interface FacetProblem {
  readonly message: string;
  readonly at: StaticValue | undefined;
}

/** The type, the options argument (if any) and facet problems. */
export interface ResolvedType {
  readonly type: SqlType;
  readonly options: StaticValue | undefined;
  readonly problems: readonly FacetProblem[];
}

// How many positional facet arguments precede the options object, per facet shape.
const FACET_ARGS: Readonly<Record<FacetShape, number>> = { none: 0, length: 1, precisionScale: 2, fractionalSeconds: 1, float: 1 };

/** Reads a Column.<name>(...) call. */
export function resolveType(name: SqlTypeName, args: readonly StaticValue[]): ResolvedType {
  const problems: FacetProblem[] = [];
  const shape = facetShape(name);
  const facetCount = FACET_ARGS[shape];
  const facets = args.slice(0, facetCount);
  const options = args.length > facetCount ? args[facetCount] : undefined;
  const int = (v: StaticValue | undefined, what: string, min: number, max: number, dflt: number): number => {
    if (v === undefined || v.kind === 'null') return dflt;
    if (v.kind !== 'number' || !Number.isInteger(v.value) || v.value < min || v.value > max) {
      problems.push({ message: `${name} ${what} must be an integer from ${min} to ${max}`, at: v });
      return dflt;
    }
    return v.value;
  };
  switch (shape) {
    case 'none':
      return { type: { name }, options, problems };
    case 'length': {
      const v = facets[0];
      const limit = MAX_LENGTH[name] ?? 8000;
      if (v?.kind === 'string' && v.value === 'max' && allowsMax(name)) return { type: { name, length: 'max' }, options, problems };
      if (v === undefined) problems.push({ message: `${name} needs a length`, at: undefined });
      const suffix = allowsMax(name) ? ", or 'max'" : '';
      if (v !== undefined && v.kind !== 'number') problems.push({ message: `${name} length must be a number from 1 to ${limit}${suffix}`, at: v });
      const length = v?.kind === 'number' ? int(v, 'length', 1, limit, 1) : 1;
      return { type: { name, length }, options, problems };
    }
    case 'precisionScale': {
      const precision = int(facets[0], 'precision', 1, DECIMAL_MAX_PRECISION, DECIMAL_DEFAULT_PRECISION);
      const scale = int(facets[1], 'scale', 0, precision, 0);
      return { type: { name, precision, scale }, options, problems };
    }
    case 'fractionalSeconds':
      return { type: { name, scale: int(facets[0], 'scale', 0, FRACTIONAL_SECONDS_MAX, FRACTIONAL_SECONDS_MAX) }, options, problems };
    case 'float': {
      const bits = int(facets[0], 'precision', 1, FLOAT_MAX_BITS, FLOAT_MAX_BITS);
      // SQL Server stores float(1..24) as real and float(25..53) as float(53).
      return { type: bits <= REAL_MAX_BITS ? { name: 'real' } : { name: 'float', precision: FLOAT_MAX_BITS }, options, problems };
    }
    default:
      return assertNever(shape, 'facet shape');
  }
}
