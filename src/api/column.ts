/**
 * `Column.<type>(...)`: one field decorator per SQL Server type of src/model/types.ts. At run
 * time they do nothing; the compiler reads the call from the source text.
 */
import type { AliasTypeRef } from './alias-type';
import type { FieldDecorator } from './decorator-types';
import type {
  BitColumnOptions, ColumnOptions, Datetime2ColumnOptions, IdentityColumnOptions, Length, NotSparse, RowversionColumnOptions, Sparse, StringColumnOptions, UniqueidentifierColumnOptions, XmlColumnOptions,
} from './column-options';

/** Length of a character or binary column (declared beside the column options, which use it). */
export type { Length } from './column-options';

/** Field types that fit a column (nullable columns may also hold null / be optional). */
type Nullable<V> = V | null | undefined;
/** Date and time fields may be Date objects or ISO strings. */
type Temporal = Date | string;

/** The decorator every column type returns; it does nothing at run time. */
function field<V>(): FieldDecorator<V> {
  return () => undefined;
}

/** Column type decorators, one per SQL Server type. */
export const Column = {
  bit: (options?: Sparse<BitColumnOptions>): FieldDecorator<Nullable<boolean>> => field(),
  tinyint: (options?: Sparse<IdentityColumnOptions>): FieldDecorator<Nullable<number>> => field(),
  smallint: (options?: Sparse<IdentityColumnOptions>): FieldDecorator<Nullable<number>> => field(),
  int: (options?: Sparse<IdentityColumnOptions>): FieldDecorator<Nullable<number>> => field(),
  bigint: (options?: Sparse<IdentityColumnOptions>): FieldDecorator<Nullable<number | bigint | string>> => field(),
  /** decimal(precision = 18, scale = 0). */
  decimal: (precision?: number, scale?: number, options?: Sparse<IdentityColumnOptions>): FieldDecorator<Nullable<number | string>> => field(),
  /** numeric(precision = 18, scale = 0). */
  numeric: (precision?: number, scale?: number, options?: Sparse<IdentityColumnOptions>): FieldDecorator<Nullable<number | string>> => field(),
  money: (options?: Sparse<ColumnOptions<number>>): FieldDecorator<Nullable<number | string>> => field(),
  smallmoney: (options?: Sparse<ColumnOptions<number>>): FieldDecorator<Nullable<number | string>> => field(),
  /** float(n): n 1-24 is stored as real, 25-53 (default) as float(53). */
  float: (bits?: number, options?: Sparse<ColumnOptions<number>>): FieldDecorator<Nullable<number>> => field(),
  real: (options?: Sparse<ColumnOptions<number>>): FieldDecorator<Nullable<number>> => field(),
  date: (options?: Sparse<ColumnOptions<string>>): FieldDecorator<Nullable<Temporal>> => field(),
  /** time(scale = 7). */
  time: (scale?: number, options?: Sparse<ColumnOptions<string>>): FieldDecorator<Nullable<Temporal>> => field(),
  datetime: (options?: Sparse<ColumnOptions<string>>): FieldDecorator<Nullable<Temporal>> => field(),
  /** datetime2(scale = 7); with `generatedAlways`, a period column of a system-versioned table. */
  datetime2: (scale?: number, options?: Sparse<Datetime2ColumnOptions>): FieldDecorator<Nullable<Temporal>> => field(),
  /** datetimeoffset(scale = 7). */
  datetimeoffset: (scale?: number, options?: Sparse<ColumnOptions<string>>): FieldDecorator<Nullable<Temporal>> => field(),
  smalldatetime: (options?: Sparse<ColumnOptions<string>>): FieldDecorator<Nullable<Temporal>> => field(),
  char: (length: number, options?: Sparse<StringColumnOptions>): FieldDecorator<Nullable<string>> => field(),
  varchar: (length: Length, options?: Sparse<StringColumnOptions>): FieldDecorator<Nullable<string>> => field(),
  /** nchar(n): n in characters (2n bytes). */
  nchar: (length: number, options?: Sparse<StringColumnOptions>): FieldDecorator<Nullable<string>> => field(),
  /** nvarchar(n): n in characters (2n bytes), or 'max'. */
  nvarchar: (length: Length, options?: Sparse<StringColumnOptions>): FieldDecorator<Nullable<string>> => field(),
  binary: (length: number, options?: Sparse<ColumnOptions<never>>): FieldDecorator<Nullable<Uint8Array>> => field(),
  varbinary: (length: Length, options?: Sparse<ColumnOptions<never>>): FieldDecorator<Nullable<Uint8Array>> => field(),
  /** uniqueidentifier; `rowguidcol: true` makes it the table's ROWGUIDCOL. */
  uniqueidentifier: (options?: Sparse<UniqueidentifierColumnOptions>): FieldDecorator<Nullable<string>> => field(),
  /** xml; with `schemaCollection`, typed XML: xml(CONTENT | DOCUMENT schema.collection). */
  xml: (options?: Sparse<XmlColumnOptions>): FieldDecorator<Nullable<string>> => field(),
  /**
   * rowversion (the old name `timestamp` reads as this): 8 bytes SQL Server sets on every insert
   * and update. At most one per table; it takes no default.
   */
  rowversion: (options?: RowversionColumnOptions): FieldDecorator<Nullable<Uint8Array>> => field(),
  /** sql_variant: a value of most base types, up to 8,016 bytes. */
  sql_variant: (options?: Sparse<ColumnOptions<number | string>>): FieldDecorator<Nullable<string | number | boolean | Date | Uint8Array>> => field(),
  /** hierarchyid: a position in a tree (read as its '/1/2/' text). Defaults need sql`...`. */
  hierarchyid: (options?: Sparse<ColumnOptions<never>>): FieldDecorator<Nullable<string | Uint8Array>> => field(),
  /** geography: round-earth spatial data. Defaults need sql`...`. */
  geography: (options?: NotSparse<ColumnOptions<never>>): FieldDecorator<Nullable<string | Uint8Array | object>> => field(),
  /** geometry: flat spatial data. Defaults need sql`...`. */
  geometry: (options?: NotSparse<ColumnOptions<never>>): FieldDecorator<Nullable<string | Uint8Array | object>> => field(),
  /** text: deprecated; prefer varchar('max') (lint rule deprecated-type). */
  text: (options?: NotSparse<StringColumnOptions>): FieldDecorator<Nullable<string>> => field(),
  /** ntext: deprecated; prefer nvarchar('max') (lint rule deprecated-type). */
  ntext: (options?: NotSparse<StringColumnOptions>): FieldDecorator<Nullable<string>> => field(),
  /** image: deprecated; prefer varbinary('max') (lint rule deprecated-type). */
  image: (options?: NotSparse<ColumnOptions<never>>): FieldDecorator<Nullable<Uint8Array>> => field(),
  /** sysname: SQL Server's alias of nvarchar(128), compared as that. */
  sysname: (options?: Sparse<StringColumnOptions>): FieldDecorator<Nullable<string>> => field(),
  /**
   * A column of a declared alias type (`export const Email = AliasType.nvarchar(320)`): stored
   * and compared as its base type, written as the alias in DDL. NULL / NOT NULL is the type's
   * unless `nullable` says otherwise (SQL Server lets a column override its type's nullability).
   */
  alias: <V, O>(type: AliasTypeRef<V, O>, options?: O): FieldDecorator<Nullable<V>> => field(),
} as const;
