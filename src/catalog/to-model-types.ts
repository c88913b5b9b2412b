/**
 * sys.columns type facts to model types: bytes to characters, -1 to 'max', and only the facets
 * the model keeps for each type (src/model/types.ts), so a catalog column and the same column
 * compiled from a schema file compare equal.
 */
import type { SqlType, SqlTypeName } from '../model';
import { keywordKey } from '../sqlserver/names';
import { bytesPerLengthUnit, facetShape, modelTypeName } from '../sqlserver/types';
import { assertNever } from '../util/assert-never';
import type { ColumnRow, DecimalValue } from './snapshot-types';

/** A model type, or why the column's type has none. */
export type TypeResult = { readonly ok: true; readonly type: SqlType } | { readonly ok: false; readonly problem: string };

/**
 * The model type of a column row. Alias types (sysname, user CREATE TYPE) are read through
 * system_type_name, their base type, which is what SQL Server stores and compares.
 */
export function columnType(row: ColumnRow): TypeResult {
  const raw = row.system_type_name ?? row.type_name;
  const name = modelTypeName(keywordKey(raw));
  if (name === null) {
    return { ok: false, problem: `type ${raw} has no schemac mapping` };
  }
  // An alias type (sysname, CREATE TYPE ... FROM) names its base type in system_type_name. The
  // CLR system types (hierarchyid, geography, geometry) have none: TYPE_NAME(240) is NULL.
  const isAlias = row.system_type_name != null && keywordKey(row.system_type_name) !== keywordKey(row.type_name);
  const type = withXmlCollection(baseType(name, row), row);
  // Most columns have no alias: their base type is the type (no copy; spreads are slow until optimized).
  if (!isAlias) return { ok: true, type };
  return { ok: true, type: { ...type, alias: { schema: row.type_schema_name ?? (keywordKey(row.type_name) === 'sysname' ? 'sys' : 'dbo'), name: row.type_name } } };
}

/** A typed xml column's collection (sys.columns.xml_collection_id), when the row names one. */
function withXmlCollection(type: SqlType, row: ColumnRow): SqlType {
  if (type.name !== 'xml' || row.xml_collection_name == null) return type;
  return { ...type, xmlSchema: { schema: row.xml_collection_schema ?? 'dbo', name: row.xml_collection_name, document: row.is_xml_document === true } };
}

/** A system type from its sys.columns / sys.types facets (max_length in bytes, -1 for MAX). */
export function baseType(name: SqlTypeName, row: { readonly max_length: number; readonly precision: number; readonly scale: number }): SqlType {
  const shape = facetShape(name);
  switch (shape) {
    case 'none':
      return { name };
    case 'precisionScale':
      return { name, precision: row.precision, scale: row.scale };
    case 'float':
      // float(1..24) is stored as real, so a column named float is always float(53).
      return { name, precision: 53 };
    case 'fractionalSeconds':
      return { name, scale: row.scale };
    case 'length':
      // max_length is in bytes; nchar/nvarchar store two bytes per character.
      return { name, length: row.max_length === -1 ? 'max' : row.max_length / bytesPerLengthUnit({ name }) };
    default:
      return assertNever(shape, 'facet shape');
  }
}

/** An identity seed/increment or row count as the decimal string the model keeps. */
export function decimalString(value: DecimalValue): string {
  // BigInt keeps every digit of a string beyond 2^53 and spells '007' or '-0' canonically.
  return BigInt(value).toString();
}
