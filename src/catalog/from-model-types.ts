/**
 * Model types to the sys.columns facts a server would report for them (max_length in bytes,
 * precision, scale), the inverse of to-model-types. to-model reads only the facets the model
 * keeps; the others are filled as SQL Server fills them so a written snapshot looks like a read
 * one. Sizes: the data type pages of the T-SQL reference (e.g. "decimal and numeric",
 * "datetime2", "time"): storage bytes by precision or fractional-second scale.
 */
import type { SqlType } from '../model';

/** sys.columns' max_length, precision and scale of a type. */
export interface TypeFacets {
  readonly maxLength: number;
  readonly precision: number;
  readonly scale: number;
}

function facets(maxLength: number, precision = 0, scale = 0): TypeFacets {
  return { maxLength, precision, scale };
}

/** 3, 4 or 5 extra bytes by fractional-second scale (time, datetime2, datetimeoffset). */
function timeBytes(scale: number): number {
  return scale <= 2 ? 3 : scale <= 4 ? 4 : 5;
}

/** Storage bytes of decimal(p, s): 5, 9, 13 or 17 by precision. */
function decimalBytes(precision: number): number {
  return precision <= 9 ? 5 : precision <= 19 ? 9 : precision <= 28 ? 13 : 17;
}

function length(t: SqlType, bytesPerChar: number): number {
  const n = t.length ?? 1;
  return n === 'max' ? -1 : n * bytesPerChar;
}

/** The sys.columns facts of a model type. */
export function typeFacets(t: SqlType): TypeFacets {
  switch (t.name) {
    case 'bit': return facets(1, 1);
    case 'tinyint': return facets(1, 3);
    case 'smallint': return facets(2, 5);
    case 'int': return facets(4, 10);
    case 'bigint': return facets(8, 19);
    case 'decimal':
    case 'numeric': {
      const p = t.precision ?? 18;
      return facets(decimalBytes(p), p, t.scale ?? 0);
    }
    case 'money': return facets(8, 19, 4);
    case 'smallmoney': return facets(4, 10, 4);
    case 'float': return facets(8, 53);
    case 'real': return facets(4, 24);
    case 'date': return facets(3, 10);
    case 'time': {
      const s = t.scale ?? 7;
      return facets(timeBytes(s), s === 0 ? 8 : 9 + s, s);
    }
    case 'datetime': return facets(8, 23, 3);
    case 'datetime2': {
      const s = t.scale ?? 7;
      return facets(timeBytes(s) + 3, s === 0 ? 19 : 20 + s, s);
    }
    case 'datetimeoffset': {
      const s = t.scale ?? 7;
      return facets(timeBytes(s) + 5, s === 0 ? 26 : 27 + s, s);
    }
    case 'smalldatetime': return facets(4, 16);
    case 'char':
    case 'varchar':
    case 'binary':
    case 'varbinary':
      return facets(length(t, 1));
    case 'nchar':
    case 'nvarchar':
      return facets(length(t, 2));
    case 'uniqueidentifier': return facets(16);
    case 'xml': return facets(-1);
    // sys.types' max_length: rowversion 8, sql_variant 8016, hierarchyid 892, the spatial types
    // -1; text/ntext/image report 16, the size of their in-row text pointer (inferred from
    // sys.types on SQL Server 2022; the stand-in reports the same).
    case 'rowversion': return facets(8);
    case 'sql_variant': return facets(8016);
    case 'hierarchyid': return facets(892);
    case 'geography': case 'geometry': return facets(-1);
    case 'text': case 'ntext': case 'image': return facets(16);
    default: {
      const never: never = t.name;
      throw new Error(`catalog: unexpected type ${String(never)}`);
    }
  }
}
