/**
 * SQL Server's storage rules, once: DATA_COMPRESSION values and defaults, which types may be
 * SPARSE, and which may sit in a columnstore index. Every other module asks here.
 *
 * Sources: "Use sparse columns" (restrictions: nullable, no IDENTITY/ROWGUIDCOL, no default, not
 * text/ntext/image/timestamp/user-defined/geometry/geography, not in a clustered index or a
 * primary key, incompatible with data compression):
 * https://learn.microsoft.com/sql/relational-databases/tables/use-sparse-columns;
 * CREATE COLUMNSTORE INDEX ("Limitations and restrictions": no INCLUDE, no ASC/DESC, no sparse
 * column, not with page or row compression, the types a columnstore cannot hold):
 * https://learn.microsoft.com/sql/t-sql/statements/create-columnstore-index-transact-sql;
 * "Data compression" (NONE/ROW/PAGE for rowstore, COLUMNSTORE/COLUMNSTORE_ARCHIVE for
 * columnstore; a clustered index created on a heap inherits the heap's compression):
 * https://learn.microsoft.com/sql/relational-databases/data-compression/data-compression.
 */
import { hasSql2022Surface } from './editions';
import type { ColumnstoreCompression, DataCompression, Index, KeyConstraint, RowstoreCompression, ServerFacts, SqlType, Table } from '../model';

/** Rowstore DATA_COMPRESSION values. */
export const ROWSTORE_COMPRESSIONS: readonly RowstoreCompression[] = ['NONE', 'ROW', 'PAGE'];
/** Columnstore DATA_COMPRESSION values. */
export const COLUMNSTORE_COMPRESSIONS: readonly ColumnstoreCompression[] = ['COLUMNSTORE', 'COLUMNSTORE_ARCHIVE'];

/** Whether a value is a rowstore compression. */
export function isRowstoreCompression(v: string): v is RowstoreCompression {
  return (ROWSTORE_COMPRESSIONS as readonly string[]).includes(v);
}

/** Whether a value is a columnstore compression. */
export function isColumnstoreCompression(v: string): v is ColumnstoreCompression {
  return (COLUMNSTORE_COMPRESSIONS as readonly string[]).includes(v);
}

/** The table's data compression, NONE when the model leaves it out. */
export function tableCompression(t: Table): RowstoreCompression {
  return t.dataCompression ?? 'NONE';
}

/** An index's (or key's) data compression, with its kind's default filled in. */
export function indexCompression(i: Index | KeyConstraint): DataCompression {
  if ('columnstore' in i && i.columnstore === true) return i.dataCompression ?? 'COLUMNSTORE';
  return i.dataCompression ?? 'NONE';
}

/** The model's spelling: the default left out, so models compare equal whichever side made them. */
export function storedCompression<C extends DataCompression>(value: C, columnstore: boolean): C | undefined {
  return value === (columnstore ? 'COLUMNSTORE' : 'NONE') ? undefined : value;
}

/**
 * XML_COMPRESSION (SQL Server 2022 (16.x) and later, Azure SQL Database and Managed Instance):
 * ON compresses the off-row data of a heap's or rowstore index's xml columns, OFF (the default)
 * does not; each partition keeps its own (sys.partitions xml_compression / xml_compression_desc),
 * and like DATA_COMPRESSION it is a table option, an index option and a REBUILD option
 * (create-table-transact-sql, create-index-transact-sql, alter-table-transact-sql "XML_COMPRESSION":
 * https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql). CREATE COLUMNSTORE
 * INDEX has no such option (its <with_option> list), and memory-optimized tables take no
 * compression option at all (their <table_option> list has none).
 */
export function tableXmlCompression(t: Table): boolean {
  return t.xmlCompression === true;
}

/** An index's (or key's) XML_COMPRESSION, OFF when the model leaves it out. */
export function indexXmlCompression(i: Index | KeyConstraint): boolean {
  return i.xmlCompression === true;
}

/** `XML_COMPRESSION OFF -> ON`, for messages and plan text. */
export function xmlCompressionDelta(c: { readonly from: boolean; readonly to: boolean }): string {
  const onOff = (v: boolean) => (v ? 'ON' : 'OFF');
  return `XML_COMPRESSION ${onOff(c.from)} -> ${onOff(c.to)}`;
}

/** Whether a server has XML_COMPRESSION (SQL Server 2022 and later, Azure SQL). Unknown: yes. */
export function supportsXmlCompression(server: ServerFacts | undefined): boolean {
  return hasSql2022Surface(server);
}

/** Types SQL Server refuses as SPARSE (rowversion is timestamp's current name). */
const NOT_SPARSE = new Set(['text', 'ntext', 'image', 'rowversion', 'geometry', 'geography']);

/** Why a column of this type cannot be SPARSE, or null when it can. */
export function sparseTypeProblem(type: SqlType): string | null {
  if (NOT_SPARSE.has(type.name)) return `a ${type.name} column cannot be SPARSE`;
  // sysname is a system alias (nvarchar(128)); other aliases are user-defined data types.
  if (type.alias !== undefined && !(type.alias.schema.toLowerCase() === 'sys' && type.alias.name.toLowerCase() === 'sysname')) {
    return `a column of user-defined type ${type.alias.schema}.${type.alias.name} cannot be SPARSE`;
  }
  return null;
}

/** Types a columnstore index cannot hold (MAX types: nonclustered columnstore only). */
const NOT_COLUMNSTORE = new Set(['text', 'ntext', 'image', 'rowversion', 'sql_variant', 'hierarchyid', 'geometry', 'geography', 'xml']);

/** Why a column of this type cannot be in a nonclustered columnstore index, or null. */
export function columnstoreTypeProblem(type: SqlType): string | null {
  if (NOT_COLUMNSTORE.has(type.name)) return `a ${type.name} column cannot be in a columnstore index`;
  if (type.length === 'max') return `a ${type.name}(max) column cannot be in a nonclustered columnstore index`;
  return null;
}
