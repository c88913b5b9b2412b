/**
 * sys.columns type facts to model types: bytes to characters, -1 to 'max', and only the facets
 * the model keeps for each type (src/model/types.ts), so a catalog column and the same column
 * compiled from a schema file compare equal.
 */
import type { SqlType, SqlTypeName } from '../model';
import type { ColumnRow, DecimalValue } from './snapshot-types';

/** A model type, or why the column's type has none. */
export type TypeResult = { readonly ok: true; readonly type: SqlType } | { readonly ok: false; readonly problem: string };

type Facets = 'none' | 'precisionScale' | 'float' | 'timeScale' | 'chars' | 'doubleByteChars' | 'bytes';

// How each modelled type's facets come out of sys.columns.
const FACETS: Record<SqlTypeName, Facets> = {
  bit: 'none', tinyint: 'none', smallint: 'none', int: 'none', bigint: 'none',
  decimal: 'precisionScale', numeric: 'precisionScale', money: 'none', smallmoney: 'none',
  float: 'float', real: 'none',
  date: 'none', time: 'timeScale', datetime: 'none', datetime2: 'timeScale', datetimeoffset: 'timeScale', smalldatetime: 'none',
  char: 'chars', varchar: 'chars', nchar: 'doubleByteChars', nvarchar: 'doubleByteChars',
  binary: 'bytes', varbinary: 'bytes',
  uniqueidentifier: 'none', xml: 'none',
};

function isModelled(name: string): name is SqlTypeName {
  return Object.prototype.hasOwnProperty.call(FACETS, name);
}

/**
 * The model type of a column row. Alias types (sysname, user CREATE TYPE) are read through
 * system_type_name, their base type, which is what SQL Server stores and compares.
 */
export function columnType(row: ColumnRow): TypeResult {
  const raw = row.system_type_name ?? row.type_name;
  const name = raw.toLowerCase();
  if (!isModelled(name)) {
    return { ok: false, problem: `type ${raw} has no schemac mapping` };
  }
  const facets = FACETS[name];
  switch (facets) {
    case 'none':
      return { ok: true, type: { name } };
    case 'precisionScale':
      return { ok: true, type: { name, precision: row.precision, scale: row.scale } };
    case 'float':
      // float(1..24) is stored as real, so a column named float is always float(53).
      return { ok: true, type: { name, precision: 53 } };
    case 'timeScale':
      return { ok: true, type: { name, scale: row.scale } };
    case 'chars':
    case 'bytes':
      return { ok: true, type: { name, length: row.max_length === -1 ? 'max' : row.max_length } };
    case 'doubleByteChars':
      // max_length is in bytes; nchar/nvarchar store two bytes per character.
      return { ok: true, type: { name, length: row.max_length === -1 ? 'max' : row.max_length / 2 } };
  }
}

/** An identity seed/increment or row count as the decimal string the model keeps. */
export function decimalString(value: DecimalValue): string {
  // BigInt keeps every digit of a string beyond 2^53 and spells '007' or '-0' canonically.
  return BigInt(value).toString();
}
