/**
 * Column.<type>(...) arguments to a model SqlType with every facet filled in as SQL Server
 * would store it, plus the type facts other checks need (key bytes, families).
 */
import type { SqlType, SqlTypeName } from '../model';
import type { StaticValue } from './static-value';

/** How a Column.<type> call is shaped: which positional facets precede the options object. */
type Shape = 'none' | 'length' | 'precisionScale' | 'scale' | 'floatBits';

const shapes: Readonly<Record<SqlTypeName, Shape>> = {
  bit: 'none', tinyint: 'none', smallint: 'none', int: 'none', bigint: 'none',
  decimal: 'precisionScale', numeric: 'precisionScale', money: 'none', smallmoney: 'none',
  float: 'floatBits', real: 'none',
  date: 'none', time: 'scale', datetime: 'none', datetime2: 'scale', datetimeoffset: 'scale', smalldatetime: 'none',
  char: 'length', varchar: 'length', nchar: 'length', nvarchar: 'length',
  binary: 'length', varbinary: 'length', uniqueidentifier: 'none', xml: 'none',
};

/** True when `name` is a type schemac maps. */
export function isSqlTypeName(name: string): name is SqlTypeName {
  return Object.prototype.hasOwnProperty.call(shapes, name);
}

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

const maxLength: Readonly<Partial<Record<SqlTypeName, number>>> = {
  char: 8000, varchar: 8000, nchar: 4000, nvarchar: 4000, binary: 8000, varbinary: 8000,
};
const maxAllowed = new Set<SqlTypeName>(['varchar', 'nvarchar', 'varbinary']);

/** Reads a Column.<name>(...) call. */
export function resolveType(name: SqlTypeName, args: readonly StaticValue[]): ResolvedType {
  const problems: FacetProblem[] = [];
  const facetCount = { none: 0, length: 1, precisionScale: 2, scale: 1, floatBits: 1 }[shapes[name]];
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
  switch (shapes[name]) {
    case 'none':
      return { type: { name }, options, problems };
    case 'length': {
      const v = facets[0];
      const limit = maxLength[name] ?? 8000;
      if (v?.kind === 'string' && v.value === 'max' && maxAllowed.has(name)) return { type: { name, length: 'max' }, options, problems };
      if (v === undefined) problems.push({ message: `${name} needs a length`, at: undefined });
      const suffix = maxAllowed.has(name) ? ", or 'max'" : '';
      if (v !== undefined && v.kind !== 'number') problems.push({ message: `${name} length must be a number from 1 to ${limit}${suffix}`, at: v });
      const length = v?.kind === 'number' ? int(v, 'length', 1, limit, 1) : 1;
      return { type: { name, length }, options, problems };
    }
    case 'precisionScale': {
      const precision = int(facets[0], 'precision', 1, 38, 18);
      const scale = int(facets[1], 'scale', 0, precision, 0);
      return { type: { name, precision, scale }, options, problems };
    }
    case 'scale':
      return { type: { name, scale: int(facets[0], 'scale', 0, 7, 7) }, options, problems };
    case 'floatBits': {
      const bits = int(facets[0], 'precision', 1, 53, 53);
      // SQL Server stores float(1..24) as real and float(25..53) as float(53).
      return { type: bits <= 24 ? { name: 'real' } : { name: 'float', precision: 53 }, options, problems };
    }
  }
}

/** Exact integer types (identity allowed; decimal/numeric with scale 0 also allow it). */
export function allowsIdentity(t: SqlType): boolean {
  return ['tinyint', 'smallint', 'int', 'bigint'].includes(t.name)
    || ((t.name === 'decimal' || t.name === 'numeric') && t.scale === 0);
}

/** char, varchar, nchar, nvarchar. */
export function isCharacter(t: SqlType): boolean {
  return t.name === 'char' || t.name === 'varchar' || t.name === 'nchar' || t.name === 'nvarchar';
}

/** nchar, nvarchar: literals take the N prefix. */
export function isUnicode(t: SqlType): boolean {
  return t.name === 'nchar' || t.name === 'nvarchar';
}

/** Numeric types a number default fits. */
export function isNumeric(t: SqlType): boolean {
  return ['bit', 'tinyint', 'smallint', 'int', 'bigint', 'decimal', 'numeric', 'money', 'smallmoney', 'float', 'real'].includes(t.name);
}

/** Types a quoted string literal default fits (character, date/time, uniqueidentifier, xml). */
export function takesStringLiteral(t: SqlType): boolean {
  return isCharacter(t) || t.name === 'xml' || t.name === 'uniqueidentifier'
    || ['date', 'time', 'datetime', 'datetime2', 'datetimeoffset', 'smalldatetime'].includes(t.name);
}

/** The type as T-SQL text for messages, e.g. varchar(255). */
export function typeText(t: SqlType): string {
  if (t.length !== undefined) return `${t.name}(${t.length})`;
  if (t.name === 'decimal' || t.name === 'numeric') return `${t.name}(${t.precision},${t.scale})`;
  if (t.scale !== undefined) return `${t.name}(${t.scale})`;
  return t.name;
}
