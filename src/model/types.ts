/**
 * SQL Server column types as schemac models them. Every optional facet is filled in with
 * SQL Server's default by whoever builds the model (compiler or catalog), so two types compare
 * equal exactly when SQL Server would store them the same way.
 */
export type SqlTypeName =
  | 'bit' | 'tinyint' | 'smallint' | 'int' | 'bigint'
  | 'decimal' | 'numeric' | 'money' | 'smallmoney' | 'float' | 'real'
  | 'date' | 'time' | 'datetime' | 'datetime2' | 'datetimeoffset' | 'smalldatetime'
  | 'char' | 'varchar' | 'nchar' | 'nvarchar'
  | 'binary' | 'varbinary'
  | 'uniqueidentifier' | 'xml'
  | 'rowversion' | 'sql_variant' | 'hierarchyid' | 'geography' | 'geometry'
  | 'text' | 'ntext' | 'image';

/**
 * A column type.
 * - char/varchar/nchar/nvarchar: `length` in characters (not bytes), or 'max'.
 * - binary/varbinary: `length` in bytes, or 'max'.
 * - decimal/numeric: `precision` (1-38, default 18) and `scale` (default 0).
 * - float: `precision` is 53 (SQL Server stores float(1..24) as real, float(25..53) as float(53)).
 * - time/datetime2/datetimeoffset: `scale` = fractional-second digits (0-7, default 7).
 * - every other type: no facets. `rowversion` is also what SQL Server's old name `timestamp`
 *   reads as; `text`, `ntext` and `image` are deprecated but still read and planned.
 * - `alias`: the alias type the column was declared with (`sysname`, or a user type such as
 *   `dbo.Email`); the facets are its base type's, and only they are compared.
 */
export interface SqlType {
  readonly name: SqlTypeName;
  readonly length?: number | 'max';
  readonly precision?: number;
  readonly scale?: number;
  readonly alias?: TypeAlias;
  /** xml only: typed XML, validated against an XML schema collection (absent: untyped xml). */
  readonly xmlSchema?: XmlSchemaRef;
}

/**
 * The XML schema collection of a typed xml column: `xml(CONTENT s.c)` (fragments allowed) or
 * `xml(DOCUMENT s.c)` (one top-level element).
 * https://learn.microsoft.com/sql/relational-databases/xml/compare-typed-xml-to-untyped-xml
 */
export interface XmlSchemaRef {
  readonly schema: string;
  readonly name: string;
  readonly document: boolean;
}

/** An alias type a column is declared with: `sysname` (schema `sys`) or a CREATE TYPE ... FROM type. */
export interface TypeAlias {
  readonly schema: string;
  readonly name: string;
}
