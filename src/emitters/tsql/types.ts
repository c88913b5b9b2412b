import { assertNever } from '../../differ/changes';
import type { SqlType, SqlTypeName } from '../../model';

/** How each type name takes its facets in DDL. */
type FacetShape = 'none' | 'length' | 'precisionScale' | 'float' | 'fractionalSeconds';

const SHAPES: Record<SqlTypeName, FacetShape> = {
  bit: 'none', tinyint: 'none', smallint: 'none', int: 'none', bigint: 'none',
  decimal: 'precisionScale', numeric: 'precisionScale',
  money: 'none', smallmoney: 'none', float: 'float', real: 'none',
  date: 'none', time: 'fractionalSeconds', datetime: 'none', datetime2: 'fractionalSeconds',
  datetimeoffset: 'fractionalSeconds', smalldatetime: 'none',
  char: 'length', varchar: 'length', nchar: 'length', nvarchar: 'length',
  binary: 'length', varbinary: 'length',
  uniqueidentifier: 'none', xml: 'none',
};

/** Types whose length may be MAX (the fixed-length ones may not). */
const MAX_ALLOWED: ReadonlySet<SqlTypeName> = new Set<SqlTypeName>(['varchar', 'nvarchar', 'varbinary']);

/** True for the types a string literal meets with the N prefix. */
export function isUnicodeType(type: SqlType): boolean {
  return type.name === 'nchar' || type.name === 'nvarchar';
}

/** True for the types that carry a collation. */
export function isStringType(type: SqlType): boolean {
  return type.name === 'char' || type.name === 'varchar' || type.name === 'nchar' || type.name === 'nvarchar';
}

/**
 * The DDL spelling of a type: `varchar(255)`, `nvarchar(max)`, `decimal(18,2)`, `datetime2(3)`,
 * `float` for float(53). Facets are always written out (never left to SQL Server's defaults,
 * which differ between DDL and CAST); a missing length throws, because `varchar` without one
 * silently means varchar(1).
 */
export function renderType(type: SqlType): string {
  const shape = SHAPES[type.name];
  switch (shape) {
    case 'none':
      return type.name;
    case 'length': {
      if (type.length === undefined) throw new Error(`schemac: type ${type.name} needs a length`);
      if (type.length === 'max') {
        if (!MAX_ALLOWED.has(type.name)) throw new Error(`schemac: ${type.name}(max) is not a SQL Server type`);
        return `${type.name}(max)`;
      }
      return `${type.name}(${positiveInt(type.length, type.name)})`;
    }
    case 'precisionScale':
      return `${type.name}(${positiveInt(type.precision ?? 18, type.name)},${nonNegativeInt(type.scale ?? 0, type.name)})`;
    case 'float': {
      // SQL Server stores float(25..53) as float(53), which is plain `float`.
      const p = type.precision ?? 53;
      return p === 53 ? 'float' : `float(${positiveInt(p, type.name)})`;
    }
    case 'fractionalSeconds':
      return `${type.name}(${nonNegativeInt(type.scale ?? 7, type.name)})`;
    default:
      return assertNever(shape, 'type shape');
  }
}

function positiveInt(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 1) throw new Error(`schemac: bad facet ${n} for ${what}`);
  return n;
}

function nonNegativeInt(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 0) throw new Error(`schemac: bad facet ${n} for ${what}`);
  return n;
}
