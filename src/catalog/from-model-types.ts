/**
 * Model types to the sys.columns facts a server would report for them (max_length in bytes,
 * precision, scale), the inverse of to-model-types. to-model reads only the facets the model
 * keeps; the others are filled as SQL Server fills them so a written snapshot looks like a read
 * one. Sizes: the data type pages of the T-SQL reference (e.g. "decimal and numeric",
 * "datetime2", "time"): storage bytes by precision or fractional-second scale.
 */
import type { SqlType } from '../model';
import { keyBytes } from '../sqlserver/key-bytes';

/** sys.columns' max_length, precision and scale of a type. */
export interface TypeFacets {
  readonly maxLength: number;
  readonly precision: number;
  readonly scale: number;
}

function facets(maxLength: number, precision = 0, scale = 0): TypeFacets {
  return { maxLength, precision, scale };
}

/** The sys.columns facts of a model type. */
export function typeFacets(t: SqlType): TypeFacets {
  // max_length is the value's largest size in bytes (-1 for MAX and xml): the size src/sqlserver
  // counts for index keys.
  const bytes = keyBytes(t) ?? -1;
  switch (t.name) {
    case 'bit': return facets(bytes, 1);
    case 'tinyint': return facets(bytes, 3);
    case 'smallint': return facets(bytes, 5);
    case 'int': return facets(bytes, 10);
    case 'bigint': return facets(bytes, 19);
    case 'decimal':
    case 'numeric': {
      const p = t.precision ?? 18;
      return facets(bytes, p, t.scale ?? 0);
    }
    case 'money': return facets(bytes, 19, 4);
    case 'smallmoney': return facets(bytes, 10, 4);
    case 'float': return facets(bytes, 53);
    case 'real': return facets(bytes, 24);
    case 'date': return facets(bytes, 10);
    case 'time': {
      const s = t.scale ?? 7;
      return facets(bytes, s === 0 ? 8 : 9 + s, s);
    }
    case 'datetime': return facets(bytes, 23, 3);
    case 'datetime2': {
      const s = t.scale ?? 7;
      return facets(bytes, s === 0 ? 19 : 20 + s, s);
    }
    case 'datetimeoffset': {
      const s = t.scale ?? 7;
      return facets(bytes, s === 0 ? 26 : 27 + s, s);
    }
    case 'smalldatetime': return facets(bytes, 16);
    case 'char':
    case 'varchar':
    case 'binary':
    case 'varbinary':
      return facets(bytes);
    case 'nchar':
    case 'nvarchar':
      return facets(bytes);
    case 'uniqueidentifier': return facets(bytes);
    case 'xml': return facets(bytes);
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
