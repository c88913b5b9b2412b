/**
 * Bytes a value of a type can take in an index key, for SQL Server's key size limits
 * (900 bytes clustered, 1,700 nonclustered). Variable-length types count their maximum.
 * Shared by the compiler's key-size check, the lint rule that owns its severity, and the
 * catalog writer (sys.columns.max_length is the same size).
 */
import type { SqlType } from '../model';

/** The largest key size of one column of this type; null for MAX and xml (not allowed as keys). */
export function keyBytes(t: SqlType): number | null {
  if (t.length === 'max') return null;
  // time/datetime2/datetimeoffset grow by one byte at scale 3 and again at scale 5.
  const scaled = (small: number): number => small + ((t.scale ?? 7) <= 2 ? 0 : (t.scale ?? 7) <= 4 ? 1 : 2);
  switch (t.name) {
    case 'bit': case 'tinyint': return 1;
    case 'smallint': return 2;
    case 'int': case 'real': case 'smallmoney': case 'smalldatetime': return 4;
    case 'bigint': case 'money': case 'float': case 'datetime': return 8;
    case 'decimal': case 'numeric': {
      const p = t.precision ?? 18;
      return p <= 9 ? 5 : p <= 19 ? 9 : p <= 28 ? 13 : 17;
    }
    case 'date': return 3;
    case 'time': return scaled(3);
    case 'datetime2': return scaled(6);
    case 'datetimeoffset': return scaled(8);
    case 'char': case 'varchar': case 'binary': case 'varbinary': return t.length ?? 1;
    case 'nchar': case 'nvarchar': return 2 * (t.length ?? 1);
    case 'uniqueidentifier': return 16;
    case 'rowversion': return 8;
    // sql_variant is at most 8,016 bytes; hierarchyid at most 892
    // (https://learn.microsoft.com/sql/t-sql/data-types/sql-variant-transact-sql,
    // https://learn.microsoft.com/sql/t-sql/data-types/hierarchyid-data-type-method-reference).
    case 'sql_variant': return 8016;
    case 'hierarchyid': return 892;
    // Large objects and spatial types cannot be keys at all (notIndexableReason).
    case 'geography': case 'geometry': case 'text': case 'ntext': case 'image': case 'xml': return null;
  }
}

/**
 * The largest index key SQL Server accepts for a row: 900 bytes for a clustered index, 1,700
 * for a nonclustered one (https://learn.microsoft.com/en-us/sql/sql-server/maximum-capacity-specifications-for-sql-server).
 */
export function maxKeyBytes(clustered: boolean): number {
  return clustered ? 900 : 1700;
}
